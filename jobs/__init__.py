"""The textquality batch job: read → score → group → rank → write."""
