"""Each bad input fails alone, in one line naming the file and the problem; nothing partial stays."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from yalu.ingest import Outcome
from yalu.store import DocumentRow, OriginalRow, Store

Ingest = Callable[..., list[Outcome]]
MakePdf = Callable[[str, str | None], Path]
GOOD = "Forty North Korean workers were seen at a garment factory in Hunchun in 2019."


def counts(store: Store) -> tuple[int, int]:
    with store.session() as session:
        documents = session.scalar(select(func.count()).select_from(DocumentRow))
        originals = session.scalar(select(func.count()).select_from(OriginalRow))
    return documents or 0, originals or 0


def failure(outcomes: list[Outcome], name: str) -> str:
    [failed] = [o for o in outcomes if o.status == "failed" and Path(o.source).name == name]
    assert failed.error is not None
    message = str(failed.error)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\t\n", "no text"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "binary data"),
        ("garbage.html", b"<html><body><div></span></b><<<>>></div></body>", "malformed or empty HTML"),
        ("fake.pdf", b"%PDF-1.4 this is not really a PDF", "not a readable PDF"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type '.docx'"),
    ],
)
def test_bad_file_fails_alone(
    store: Store, ingest: Ingest, tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    (tmp_path / name).write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    outcomes = ingest(tmp_path / name, good)
    message = failure(outcomes, name)
    assert message.startswith(str(tmp_path / name))
    assert problem in message
    assert [o.status for o in outcomes if o.source == str(good)] == ["new"]
    assert counts(store) == (1, 1)


def test_pdf_without_a_text_layer_is_refused(store: Store, ingest: Ingest, make_pdf: MakePdf) -> None:
    outcomes = ingest(make_pdf("scan.pdf", None))
    assert "no text layer" in failure(outcomes, "scan.pdf")
    assert counts(store) == (0, 0)


def test_file_over_the_size_limit_is_refused(store: Store, ingest: Ingest, tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(GOOD * 100)
    outcomes = ingest(path, max_file_size=1000)
    assert "over the 0.0 MiB limit (--max-size)" in failure(outcomes, "big.txt")
    assert counts(store) == (0, 0)


def test_missing_path_is_reported_and_the_rest_goes_on(store: Store, ingest: Ingest, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    outcomes = ingest(tmp_path / "nowhere", good)
    assert failure(outcomes, "nowhere") == f"{tmp_path / 'nowhere'}: no such file or folder"
    assert counts(store) == (1, 1)


def test_bad_json_lines_name_their_line_and_the_good_lines_are_kept(
    store: Store, ingest: Ingest, tmp_path: Path
) -> None:
    lines = [
        json.dumps({"id": "ok-1", "text": GOOD}),
        "{not json",
        json.dumps({"text": "No id here."}),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "bad-date", "text": "Dated badly.", "published": "May 2019"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok-2", "text": "Loggers from North Korea worked in Tynda in 2015."}),
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines))
    outcomes = ingest(path)
    errors = [str(o.error) for o in outcomes if o.error]
    assert errors == [
        f"{path}:2: not JSON: Expecting property name enclosed in double quotes at column 2",
        f"{path}:3: record has no 'id'",
        f"{path}:4: record has no 'text'",
        f"{path}:5: published date 'May 2019' is not YYYY, YYYY-MM or YYYY-MM-DD",
        f"{path}:6: not a JSON object",
    ]
    assert [o.document_id for o in outcomes if o.status == "new"] == ["ok-1", "ok-2"]
    assert counts(store) == (2, 2)


def test_a_reused_id_with_other_text_is_refused(store: Store, ingest: Ingest, tmp_path: Path) -> None:
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "r1", "text": GOOD}))
    second = tmp_path / "second.jsonl"
    second.write_text(json.dumps({"id": "r1", "text": "Entirely different words about loggers in Amur."}))
    outcomes = ingest(first, second)
    assert str(outcomes[1].error) == f"{second}:1: id 'r1' is already in the store with other text"
    assert counts(store) == (1, 1)
