"""Alembic environment: runs the revisions in ``versions/`` on the connection the store hands over.

The store opens the connection itself (see ``yalu.store.database.migrate``), so
migrations run the same way from the command line, the web app and the tests.
To add a revision, copy the newest file in ``versions/``, give it a new
``revision`` id, set ``down_revision`` to the previous one, and keep
``yalu/store/tables.py`` in step.
"""

from __future__ import annotations

from alembic import context

from yalu.store.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite alters tables by copying them; batch mode does that for later revisions.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
