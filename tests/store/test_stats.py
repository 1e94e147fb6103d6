"""Store statistics count what an analyst checks first."""

from __future__ import annotations

from yalu.model import Claim, Evidence
from yalu.store import ClaimRow, DocumentRow, Store, add_document, save_claims, store_stats


def test_stats_count_documents_originals_copies_claims_and_outlets(store: Store) -> None:
    texts = {
        "a": ("Daily NK", "Workers in Dandong."),
        "b": ("Daily NK", "Workers in Hunchun."),
        "c": (None, "Note"),
    }
    with store.transaction() as session:
        rows = {}
        for external_id, (outlet, text) in texts.items():
            row = DocumentRow(
                external_id=external_id,
                text=text,
                outlet=outlet,
                media_type="text/plain",
                sensitive=outlet is None,
            )
            rows[external_id] = add_document(session, row, text.encode())
        rows["b"].near_duplicate_of = rows["a"].id
        claims = [
            Claim(document_id="a", type=kind, evidence=[Evidence(start=start, end=start + 7, quote=quote)])
            for kind, start, quote in [("presence", 0, "Workers"), ("dispatch", 11, "Dandong")]
        ]
        save_claims(session, "a", claims)
    with store.transaction() as session:
        session.get_one(ClaimRow, claims[0].id).status = "confirmed"
    with store.session() as session:
        stats = store_stats(session)
    assert (stats.documents, stats.near_duplicates, stats.sensitive, stats.extracted) == (3, 1, 1, 1)
    assert (stats.originals, stats.original_bytes) == (3, len("Workers in Dandong.Workers in Hunchun.Note"))
    assert stats.claims_by_type == {"dispatch": 1, "presence": 1}
    assert stats.claims_by_status == {"confirmed": 1, "suggested": 1}
    assert stats.outlets == [("Daily NK", 2)]


def test_stats_of_an_empty_store_are_zero(store: Store) -> None:
    with store.session() as session:
        stats = store_stats(session)
    assert (stats.documents, stats.originals, stats.original_bytes, stats.outlets) == (0, 0, 0, [])
