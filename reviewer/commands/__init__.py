"""CLI command groups; each module defines ``register(app)`` and imports heavy libraries lazily."""
