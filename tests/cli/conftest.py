"""The command line over the small evidence corpus of tests/data/evidence."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import CliRunner, Result

from yalu.cli import app
from yalu.store import Store

Invoke = Callable[..., Result]


@pytest.fixture
def on_evidence(evidence_store: Store, database_url: str) -> Invoke:
    """``on_evidence("findings", "--json")`` runs a command on the stored corpus, 200 columns wide."""
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(app, ["--db", database_url, *args], env={"COLUMNS": "200"})

    return run
