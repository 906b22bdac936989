"""Part C of the passage seed corpus: full-length official document forms (see make_passages_c.py)."""
