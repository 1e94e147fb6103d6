"""Opening the store: one engine per URL, migrated to the newest schema before use.

Migrating on open means a user never runs a separate set-up step and an old
store is upgraded the first time a newer Yalu touches it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from yalu.errors import ConfigError

MIGRATIONS = "yalu.store:migrations"


class Store:
    """A migrated database and the sessions that read and write it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``: the few queries that differ (search) branch on it."""
        return self.engine.dialect.name

    def session(self) -> Session:
        """A session for reading; use ``with store.session() as session:``."""
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together at the end, or not at all."""
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str) -> Store:
    """Connect to ``url`` (any SQLAlchemy URL), create or upgrade its schema, and return the store."""
    engine = _create_engine(url)
    with engine.begin() as connection:
        migrate(connection)
    return Store(engine)


def migrate(connection: Connection) -> None:
    """Upgrade the schema to the newest revision; a store already there is left untouched."""
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    head = ScriptDirectory.from_config(config).get_current_head()
    if MigrationContext.configure(connection).get_current_revision() == head:
        return
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _create_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except Exception as error:
        raise ConfigError(f"database URL {url!r} is not a SQLAlchemy URL: {error}") from error
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_pre_ping=True)
    if parsed.get_backend_name() != "sqlite":
        raise ConfigError(f"database URL {url!r}: Yalu stores evidence in SQLite or PostgreSQL only")
    in_memory = parsed.database in (None, "", ":memory:")
    if not in_memory:
        Path(str(parsed.database)).expanduser().parent.mkdir(parents=True, exist_ok=True)
    # An in-memory database exists per connection, so every session must share the one connection.
    engine = create_engine(parsed, poolclass=StaticPool) if in_memory else create_engine(parsed)
    event.listen(engine, "connect", _tune_sqlite)
    return engine


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets the web workspace read while an ingest writes; SQLite leaves foreign keys off unless asked.

    Checkpointing the WAL every 64 MB rather than every 4 MB means far fewer
    fsyncs during a large ingest (about a fifth faster in benchmarks/ingest.py).
    """
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA wal_autocheckpoint=16384")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
