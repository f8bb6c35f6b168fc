"""Benchmark of the textquality job: a synthetic corpus generator (`bench.corpus`) and the
benchmark runner (`bench.run_bench`). See `python -m bench.run_bench --help`."""
