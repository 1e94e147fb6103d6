"""The same bytes twice is a no-op; the same story elsewhere is stored and linked to its original."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from yalu.ingest import Ingester, Outcome
from yalu.store import Store, get_document

Ingest = Callable[..., list[Outcome]]

STORY = (
    "About 150 North Korean workers crossed the Yalu river bridge into Dandong early this month, a source in "
    "North Pyongan province told reporters. The workers, most of them women in their twenties, were taken by "
    "bus to seafood processing plants on the edge of the city, where they gut and pack squid for export. "
    "They live in a dormitory inside the compound and may leave it only in groups, watched by a minder. "
    "Their wages are paid to a North Korean trading company, which passes on a small share to the workers."
)
SYNDICATED = (
    "Seoul, March 3 (Example Wire) -- "
    + STORY
    + " The report could not be independently verified. Follow us for more news from the region."
)
OTHER_STORY = (
    "Russian officials said some 12,000 North Korean builders would arrive in the Far East this year to work "
    "on housing projects in Vladivostok and Khabarovsk, despite a United Nations ban on hiring them."
)


def test_same_bytes_twice_is_a_duplicate_and_a_no_op(store: Store, ingest: Ingest, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "copy-of-a.txt").write_text(STORY)
    first, second = ingest(tmp_path / "a.txt", tmp_path / "copy-of-a.txt")
    again = ingest(tmp_path / "a.txt")
    assert (first.status, second.status, again[0].status) == ("new", "duplicate", "duplicate")
    assert second.document_id == again[0].document_id == first.document_id


def test_json_lines_records_with_the_same_text_are_duplicates(ingest: Ingest, tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"r{n}", "text": STORY}) for n in (1, 2)))
    first, second = ingest(path)
    assert (first.status, second.status) == ("new", "duplicate")
    assert second.document_id == "r1"


def test_syndicated_copy_is_linked_to_its_original(store: Store, ingest: Ingest, tmp_path: Path) -> None:
    (tmp_path / "original.txt").write_text(STORY)
    (tmp_path / "wire.txt").write_text(SYNDICATED)
    (tmp_path / "other.txt").write_text(OTHER_STORY)
    original, copy, other = ingest(tmp_path / "original.txt", tmp_path / "wire.txt", tmp_path / "other.txt")
    assert (original.status, copy.status, other.status) == ("new", "near_duplicate", "new")
    assert copy.original_id == original.document_id
    assert copy.similarity is not None and 0.7 <= copy.similarity < 1
    with store.session() as session:
        row = get_document(session, str(copy.document_id))
        assert row.text == SYNDICATED, "a near-duplicate is stored, not dropped"
        assert row.near_duplicate is not None and row.near_duplicate.external_id == original.document_id
        assert row.similarity == copy.similarity


def test_near_duplicates_are_found_across_ingest_runs(store: Store, tmp_path: Path) -> None:
    (tmp_path / "original.txt").write_text(STORY)
    (tmp_path / "wire.txt").write_text(SYNDICATED)
    [original] = Ingester(store, max_file_size=2**20).ingest([tmp_path / "original.txt"])
    [copy] = Ingester(store, max_file_size=2**20).ingest([tmp_path / "wire.txt"])
    assert copy.status == "near_duplicate"
    assert copy.original_id == original.document_id
