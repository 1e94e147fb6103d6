"""Shared fixtures: a fresh store on SQLite and, when a server is named, on PostgreSQL.

Tests that take ``store`` (or ``database_url``) run once per backend. The
PostgreSQL database named by ``YALU_TEST_POSTGRES_URL`` is wiped once per run
and emptied after each test, so tests stay independent without paying for a
migration each time.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from yalu.ingest import Ingester
from yalu.model import Claim
from yalu.store import Store, open_store, save_claims

POSTGRES_URL_VARIABLE = "YALU_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """The test server's URL, its schema rebuilt from the first migration once per run."""
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        pytest.skip(f"{POSTGRES_URL_VARIABLE} not set: PostgreSQL tests skipped")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    open_store(url).close()
    return url


def _empty_postgres(url: str) -> None:
    """Empty every table but Alembic's, whichever migrations made them."""
    engine = create_engine(url)
    with engine.begin() as connection:
        tables = connection.scalars(
            text("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public'")
        ).all()
        kept = [table for table in tables if table != "alembic_version"]
        connection.execute(text(f"TRUNCATE {', '.join(kept)} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty store, once for SQLite and once for PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'yalu.sqlite'}"
        return
    url = request.getfixturevalue("postgres_url")
    yield url
    _empty_postgres(url)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """An open, migrated, empty store on each backend."""
    opened = open_store(database_url)
    yield opened
    opened.close()


EVIDENCE = Path(__file__).parent / "data" / "evidence"


@pytest.fixture
def evidence_store(store: Store) -> Store:
    """``store`` holding the small corpus of tests/data/evidence: its documents ingested, its claims saved.

    Each claim names its quotes; they are anchored at their first place in the document's text.
    """
    outcomes = Ingester(store, max_file_size=1 << 20).ingest([EVIDENCE / "documents.jsonl"])
    assert all(outcome.status != "failed" for outcome in outcomes)
    texts = {record["id"]: record["text"] for record in _json_lines(EVIDENCE / "documents.jsonl")}
    claims: dict[str, list[Claim]] = {document_id: [] for document_id in texts}
    for record in _json_lines(EVIDENCE / "claims.jsonl"):
        text = texts[record["document_id"]]
        record["evidence"] = [
            {"start": text.index(quote), "end": text.index(quote) + len(quote), "quote": quote}
            for quote in record.pop("quotes")
        ]
        claims[record["document_id"]].append(Claim.model_validate(record))
    with store.transaction() as session:
        for document_id, document_claims in claims.items():
            save_claims(session, document_id, document_claims)
    return store


def _json_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
