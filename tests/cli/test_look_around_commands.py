"""`yalu search`, `yalu documents list|show` and `yalu stats` over a small ingested corpus."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from yalu.cli import app

Invoke = Callable[..., Result]

RECORDS = [
    {
        "id": "dandong-1",
        "title": "Seafood plants in Dandong",
        "outlet": "Daily NK",
        "published": "2019-05-02",
        "url": "https://dailynk.example/1",
        "text": "Hundreds of North Korean women work in Dandong seafood plants, gutting squid for export.",
        "citation": "Daily NK, 2 May 2019",
    },
    {
        "id": "tynda-1",
        "title": "Loggers in Amur",
        "outlet": "Radio Free Asia",
        "published": "2015",
        "text": "North Korean loggers cut timber near Tynda, a source in Amur said.",
    },
    {
        "id": "dandong-1-wire",
        "outlet": "Example Wire",
        "text": "Hundreds of North Korean women work in Dandong seafood plants, gutting squid for export, "
        "Daily NK reported.",
    },
]


@pytest.fixture
def invoke(database_url: str, tmp_path: Path) -> Invoke:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(record) for record in RECORDS))
    runner = CliRunner()
    assert runner.invoke(app, ["--db", database_url, "ingest", str(corpus)]).exit_code == 0

    def run(*args: str) -> Result:
        return runner.invoke(app, ["--db", database_url, *args], env={"COLUMNS": "200"})

    return run


def test_search_lists_matching_documents_with_snippets(invoke: Invoke) -> None:
    result = invoke("search", "Dandong", "seafood")
    assert result.exit_code == 0
    assert "1. Seafood plants in Dandong  Daily NK, 2019-05-02  dandong-1" in result.stdout
    assert "2. (untitled)  Example Wire  dandong-1-wire" in result.stdout
    assert "gutting squid for export" in result.stdout
    assert "tynda-1" not in result.stdout
    assert invoke("search", "uranium").stdout.strip() == "No documents match."


def test_documents_list_and_filter_by_outlet(invoke: Invoke) -> None:
    def listed(*options: str) -> list[str]:
        rows = invoke("documents", "list", *options).stdout.splitlines()
        return [row.split("│")[1].strip() for row in rows if row.startswith("│")]

    assert listed() == ["dandong-1-wire", "tynda-1", "dandong-1"], "newest first"
    assert listed("--outlet", "Daily NK") == ["dandong-1"]
    assert listed("--limit", "1", "--offset", "1") == ["tynda-1"]


def test_documents_show_prints_metadata_hash_and_text(invoke: Invoke) -> None:
    result = invoke("documents", "show", "dandong-1")
    assert result.exit_code == 0
    for expected in (
        "Daily NK",
        "2019-05-02",
        "https://dailynk.example/1",
        "SHA-256",
        "Daily NK, 2 May 2019",
    ):
        assert expected in result.stdout
    assert "gutting squid for export" in result.stdout
    missing = invoke("documents", "show", "nope")
    assert missing.exit_code == 1
    assert missing.stderr.strip() == "error: no document with id 'nope' in the store"


def test_stats_counts_documents_and_outlets(invoke: Invoke) -> None:
    result = invoke("stats")
    assert result.exit_code == 0
    assert re.search(r"│ Documents +│ +3 │", result.stdout)
    assert re.search(r"│ Originals +│ +3 \(\d+ bytes\) │", result.stdout)
    assert re.search(r"│ Radio Free Asia +│ +1 │", result.stdout)


def test_a_near_duplicate_shows_its_original(invoke: Invoke) -> None:
    listing = invoke("documents", "list").stdout
    assert re.search(r"│ dandong-1-wire +│ +│ Example Wire +│ +│ dandong-1 +│", listing)
    shown = invoke("documents", "show", "dandong-1-wire").stdout
    assert re.search(r"Near-duplicate of +dandong-1 \(similarity 0\.\d\d\)", shown)
    assert re.search(r"│ Near-duplicates \(linked copies\) +│ +1 │", invoke("stats").stdout)
