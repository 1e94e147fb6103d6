"""Alembic migrations of the evidence store, applied when the store is opened."""
