"""`yalu ingest`: counts in a summary, one error line per bad input, non-zero exit when any failed."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from yalu.cli import app
from yalu.store import list_documents, open_store

REPORT = "North Korean loggers were seen at a camp near Tynda in the Amur region in 2015, a source said."


def run(database_url: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["--db", database_url, "ingest", *args])
    return result.exit_code, result.stdout, result.stderr


def test_ingest_summarises_new_duplicate_and_failed(database_url: str, tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(REPORT)
    (tmp_path / "same-report.txt").write_text(REPORT)
    (tmp_path / "empty.txt").write_text("")
    code, out, err = run(database_url, str(tmp_path), str(tmp_path / "gone.pdf"))
    assert code == 1
    assert err.splitlines() == [
        f"error: {tmp_path / 'gone.pdf'}: no such file or folder",
        f"error: {tmp_path / 'empty.txt'}: empty file",
    ]
    assert "New" in out and "Near-duplicate" in out
    assert "│   1 │         1 │              0 │      2 │" in out


def test_a_clean_batch_exits_zero(database_url: str, tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps({"id": "t1", "text": REPORT, "outlet": "RFA"}) + "\n")
    code, out, err = run(database_url, str(path))
    assert (code, err) == (0, "")
    assert "│   1 │         0 │              0 │      0 │" in out


def test_metadata_options_describe_the_single_file(database_url: str, tmp_path: Path) -> None:
    path = tmp_path / "amur.txt"
    path.write_text(REPORT)
    options = ["--outlet", "Radio Free Asia", "--published", "2015-06", "--url", "https://rfa.example/amur"]
    code, _, _ = run(database_url, str(path), *options, "--title", "Amur loggers", "--language", "en")
    assert code == 0
    store = open_store(database_url)
    with store.session() as session:
        [row] = list_documents(session)
        metadata = (row.outlet, row.published, row.url, row.title, row.language, row.sensitive)
    store.close()
    assert metadata == ("Radio Free Asia", "2015-06", "https://rfa.example/amur", "Amur loggers", "en", False)


def test_metadata_options_refuse_folders_and_bad_dates(database_url: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT)
    code, _, err = run(database_url, str(tmp_path), "--outlet", "RFA")
    assert code == 2
    assert "metadata options describe one file" in err
    code, _, err = run(database_url, str(tmp_path / "a.txt"), "--published", "June 2015")
    assert code == 1
    assert err.strip() == "error: --published: published date 'June 2015' is not YYYY, YYYY-MM or YYYY-MM-DD"


def test_max_size_option_sets_the_limit_in_mebibytes(database_url: str, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(REPORT * 20_000)
    code, _, err = run(database_url, str(path), "--max-size", "1")
    assert code == 1
    assert err.strip() == f"error: {path}: file is 1.8 MiB, over the 1.0 MiB limit (--max-size)"
