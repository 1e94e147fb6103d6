"""Opening a store creates or upgrades its schema and tunes SQLite for shared use."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from yalu.errors import ConfigError
from yalu.store import Store, open_store


def test_open_creates_every_table(store: Store) -> None:
    tables = set(inspect(store.engine).get_table_names())
    assert {"originals", "documents", "claims", "evidence", "claim_places", "alembic_version"} <= tables


def test_reopening_a_store_keeps_its_revision(database_url: str) -> None:
    def revision() -> str | None:
        store = open_store(database_url)
        with store.engine.connect() as connection:
            version = connection.scalar(text("SELECT version_num FROM alembic_version"))
        store.close()
        return version

    first = revision()
    assert first is not None
    assert revision() == first


def test_sqlite_store_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'nested' / 'yalu.sqlite'}")
    with store.engine.connect() as connection:
        assert connection.scalar(text("PRAGMA journal_mode")) == "wal"
        assert connection.scalar(text("PRAGMA foreign_keys")) == 1
    store.close()


def test_in_memory_sqlite_keeps_its_schema_across_sessions() -> None:
    store = open_store("sqlite://")
    with store.session() as session:
        assert session.scalar(text("SELECT count(*) FROM documents")) == 0


@pytest.mark.parametrize("url", ["not a url", "mysql://localhost/yalu"])
def test_unusable_urls_are_a_config_error(url: str) -> None:
    with pytest.raises(ConfigError, match="database URL"):
        open_store(url)
