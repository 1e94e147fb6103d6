"""`yalu extract` (stateless and over the store) and `yalu explain`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from yalu.cli import app
from yalu.store import load_claims, open_store

REPORT = {
    "id": "cli-1",
    "published": "2022-05-10",
    "text": "About 120 North Korean workers were sent to a garment factory in Dandong in April.",
}
EXPORT_KEYS = {
    "document_id", "type", "modality", "count", "per_group", "date", "places", "sectors", "indicators",
    "incident", "actor", "organizations", "money", "evidence",
}  # fmt: skip


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_stateless_extract_writes_the_export_format(tmp_path: Path) -> None:
    source, output = tmp_path / "docs.jsonl", tmp_path / "claims.jsonl"
    source.write_text(json.dumps(REPORT) + "\n")
    code, out, err = invoke("extract", "--input", str(source), "--output", str(output))
    assert (code, err) == (0, "")
    [claim] = [json.loads(line) for line in output.read_text().splitlines()]
    assert set(claim) == EXPORT_KEYS
    assert (claim["type"], claim["count"], claim["date"]) == (
        "dispatch", {"min": 120, "max": 120}, {"start": "2022-04", "end": "2022-04"},
    )  # fmt: skip
    assert claim["sectors"] == ["garment"]
    assert "1 documents, 1 claims" in out


def test_bad_lines_are_reported_and_the_rest_extracted(tmp_path: Path) -> None:
    source, output = tmp_path / "docs.jsonl", tmp_path / "claims.jsonl"
    source.write_text(json.dumps(REPORT) + "\n{not json\n" + json.dumps({"id": "x"}) + "\n")
    code, _, err = invoke("extract", "--input", str(source), "--output", str(output))
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert lines[0].startswith(f"error: {source}:2: not JSON")
    assert lines[1] == f"error: {source}:3: record has no 'text'"
    assert len(output.read_text().splitlines()) == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_missing_input_leaves_no_output(tmp_path: Path) -> None:
    output = tmp_path / "claims.jsonl"
    code, _, err = invoke("extract", "--input", str(tmp_path / "gone.jsonl"), "--output", str(output))
    assert code == 1 and "gone.jsonl: no such file" in err
    assert not output.exists()


def test_explain_from_a_file_shows_quote_and_rule(tmp_path: Path) -> None:
    source = tmp_path / "docs.jsonl"
    source.write_text(json.dumps(REPORT) + "\n")
    code, out, _ = invoke("explain", "--input", str(source), "--id", "cli-1")
    assert code == 0
    assert "dispatch (reported)" in out and "rule dispatch.sent" in out
    assert "Dandong" in out


def test_store_mode_is_idempotent_and_explain_reads_the_store(database_url: str, tmp_path: Path) -> None:
    source = tmp_path / "docs.jsonl"
    source.write_text(json.dumps(REPORT) + "\n")
    assert invoke("--db", database_url, "ingest", str(source))[0] == 0
    code, out, _ = invoke("--db", database_url, "extract")
    assert code == 0 and "1 documents extracted, 1 claims stored" in out
    assert "0 documents extracted" in invoke("--db", database_url, "extract")[1]
    assert "1 documents extracted" in invoke("--db", database_url, "extract", "--force")[1]
    store = open_store(database_url)
    with store.session() as session:
        [claim] = load_claims(session, "cli-1")
    assert (
        claim.rule == "dispatch.sent" and claim.count and claim.count.text == "About 120 North Korean workers"
    )
    code, out, _ = invoke("--db", database_url, "explain", "cli-1")
    assert code == 0 and "rule dispatch.sent" in out
