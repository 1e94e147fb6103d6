"""Documents go in with their originals and come back by id, hash or as a list."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from yalu.errors import NotFoundError
from yalu.store import (
    DocumentRow,
    OriginalRow,
    Store,
    add_document,
    document_to_model,
    find_same,
    get_document,
    list_documents,
)


def new_document(external_id: str, text: str, outlet: str | None = None) -> DocumentRow:
    return DocumentRow(external_id=external_id, text=text, outlet=outlet, media_type="text/plain")


def test_a_document_and_its_original_are_stored_together(store: Store) -> None:
    original = b"Workers were sent to Dandong."
    with store.transaction() as session:
        add_document(session, new_document("d1", original.decode()), original)
    with store.session() as session:
        row = get_document(session, "d1")
        assert row.sha256 == hashlib.sha256(original).hexdigest()
        assert row.original.content == original
        assert row.original.size == len(original)
        assert row.sensitive is False
        assert row.ingested_at.tzinfo is not None
        assert find_same(session, sha256=row.sha256, external_id="other") == [("d1", row.sha256)]
        assert find_same(session, sha256="0" * 64, external_id="d1") == [("d1", row.sha256)]
        assert document_to_model(row).text == "Workers were sent to Dandong."


def test_a_failed_document_leaves_no_original_behind(store: Store) -> None:
    with store.transaction() as session:
        add_document(session, new_document("d1", "first"), b"first")
    with pytest.raises(IntegrityError), store.transaction() as session:
        add_document(session, new_document("d1", "second"), b"second")
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(OriginalRow)) == 1


def test_list_filters_by_outlet_and_puts_newest_first(store: Store) -> None:
    with store.transaction() as session:
        for number, outlet in enumerate(["Daily NK", "RFA", "Daily NK"]):
            text = f"Report {number}"
            add_document(session, new_document(f"d{number}", text, outlet), text.encode())
    with store.session() as session:
        assert [row.external_id for row in list_documents(session)] == ["d2", "d1", "d0"]
        assert [row.external_id for row in list_documents(session, outlet="Daily NK", limit=1)] == ["d2"]


def test_unknown_document_names_the_id(store: Store) -> None:
    with store.session() as session, pytest.raises(NotFoundError, match="'nope'"):
        get_document(session, "nope")
