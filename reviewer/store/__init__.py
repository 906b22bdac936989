"""Decision store: SQLite record of reviews and decisions, history checks, exports and the annual report.

``open_store(path)`` (in :mod:`reviewer.store.db`) is the entry point; heavy modules are imported lazily.
"""
