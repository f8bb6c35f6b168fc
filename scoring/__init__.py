"""Scorers for textquality: grammar, garbled tokens, readability, the combined score and story grouping."""
