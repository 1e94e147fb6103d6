"""The source-grade tables: created by their revision exactly as the models declare, and constrained."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import IntegrityError

from yalu.store import Store
from yalu.store.database import MIGRATIONS
from yalu.store.grades import ClaimGradeRow, OutletGradeRow
from yalu.store.tables import Base

GRADE_TABLES = {"outlet_grades", "claim_grades"}


def test_the_migrations_have_one_head() -> None:
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1


def test_the_revision_creates_the_tables_the_models_declare(store: Store) -> None:
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert [d for d in differences if any(table in str(d) for table in GRADE_TABLES)] == []


def test_grades_off_the_scale_are_refused_by_the_database(store: Store) -> None:
    with pytest.raises(IntegrityError), store.transaction() as session:
        session.add(OutletGradeRow(outlet="Daily NK", reliability="G"))
    with pytest.raises(IntegrityError), store.transaction() as session:
        session.add(ClaimGradeRow(claim_id="abc"))
