"""`yalu demo` loads a corpus into the store, idempotently, and shows what the store holds."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from yalu.cli import app


def test_demo_loads_the_bundled_corpus_once(database_url: str) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["--db", database_url, "demo"], env={"COLUMNS": "200"})
    assert first.exit_code == 0, first.output
    documents = re.search(r"│ Documents +│ +(\d+) │", first.stdout)
    assert documents is not None and int(documents.group(1)) >= 20
    again = runner.invoke(app, ["--db", database_url, "demo"], env={"COLUMNS": "200"})
    assert again.exit_code == 0
    assert f"│   0 │ {documents.group(1):>9} │              0 │      0 │" in again.stdout
    assert documents.group(0) in again.stdout


def test_demo_accepts_another_corpus(database_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "mini.jsonl"
    corpus.write_text(json.dumps({"id": "m1", "text": "Workers from North Korea built flats in Moscow."}))
    result = CliRunner().invoke(app, ["--db", database_url, "demo", "--corpus", str(corpus)])
    assert result.exit_code == 0
    assert re.search(r"│ Documents +│ +1 │", result.stdout)
