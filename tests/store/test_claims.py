"""Saving extracted claims is idempotent and never undoes an analyst's review."""

from __future__ import annotations

from sqlalchemy import func, select

from yalu.model import Claim, Count, DateRange, Evidence, Money, PlaceRef
from yalu.store import ClaimRow, DocumentRow, EvidenceRow, Store, add_document, load_claims, save_claims

TEXT = "About 150 workers crossed to Dandong in September 2025 to work in seafood plants for $300 a month."


def claim(kind: str, start: int, end: int, **slots: object) -> Claim:
    return Claim(
        document_id="d1",
        type=kind,  # type: ignore[arg-type]
        evidence=[Evidence(start=start, end=end, quote=TEXT[start:end])],
        **slots,  # type: ignore[arg-type]
    )


DISPATCH = claim(
    "dispatch",
    0,
    55,
    count=Count(min=150, max=150, text="About 150"),
    date=DateRange(start="2025-09", end="2025-09", precision="month", text="September 2025"),
    places=[
        PlaceRef(
            name="Dandong", role="destination", country="CN", lat=40.12, lon=124.39, gazetteer_id="2037886"
        )
    ],
    sectors=["seafood"],
    rule="crossed-to",
)
WAGE = claim("wage", 56, 98, money=Money(min=300, max=300, currency="USD", per="month", flow="worker_pay"))


def as_stored(*claims: Claim) -> list[Claim]:
    """Claims as the store gives them back: carrying the id they were saved under."""
    return [c.model_copy(update={"stored_id": c.id}) for c in claims]


def add_report(store: Store) -> None:
    with store.transaction() as session:
        add_document(
            session, DocumentRow(external_id="d1", text=TEXT, media_type="text/plain"), TEXT.encode()
        )


def test_claims_round_trip_through_the_store(store: Store) -> None:
    add_report(store)
    with store.transaction() as session:
        saved = save_claims(session, "d1", [WAGE, DISPATCH])
    assert (saved.added, saved.updated, saved.removed) == (2, 0, 0)
    with store.session() as session:
        assert load_claims(session, "d1") == as_stored(DISPATCH, WAGE)
        row = session.get(ClaimRow, DISPATCH.id)
        assert row is not None
        assert row.status == "suggested"
        assert row.document.extracted_at is not None


def test_saving_again_updates_in_place_and_drops_what_is_gone(store: Store) -> None:
    add_report(store)
    with store.transaction() as session:
        save_claims(session, "d1", [DISPATCH, WAGE])
    better = DISPATCH.model_copy(update={"sectors": ["seafood", "food_processing"]})
    with store.transaction() as session:
        saved = save_claims(session, "d1", [better])
    assert (saved.added, saved.updated, saved.removed) == (0, 1, 1)
    with store.session() as session:
        assert load_claims(session, "d1") == as_stored(better)
        assert session.scalar(select(func.count()).select_from(EvidenceRow)) == 1


def test_reviewed_claims_survive_re_extraction_untouched(store: Store) -> None:
    add_report(store)
    with store.transaction() as session:
        save_claims(session, "d1", [DISPATCH, WAGE])
    with store.transaction() as session:
        for claim_id, status in [(DISPATCH.id, "corrected"), (WAGE.id, "rejected")]:
            row = session.get(ClaimRow, claim_id)
            assert row is not None
            row.status = status
        corrected = session.get(ClaimRow, DISPATCH.id)
        assert corrected is not None
        corrected.count_min = corrected.count_max = 140
    machine_again = DISPATCH.model_copy(update={"count": Count(min=150, max=150)})
    with store.transaction() as session:
        saved = save_claims(session, "d1", [machine_again])
    assert (saved.added, saved.updated, saved.removed, saved.kept_reviewed) == (0, 0, 0, 1)
    with store.session() as session:
        kept = {c.id: c for c in load_claims(session, "d1")}
        assert kept[DISPATCH.id].count == Count(min=140, max=140, text="About 150")
        assert WAGE.id in kept


def test_a_renamed_rule_does_not_suggest_a_reviewed_claim_again(store: Store) -> None:
    add_report(store)
    with store.transaction() as session:
        save_claims(session, "d1", [DISPATCH])
        row = session.get(ClaimRow, DISPATCH.id)
        assert row is not None
        row.status = "rejected"
    renamed = DISPATCH.model_copy(update={"rule": "crossed-into"})
    assert renamed.id != DISPATCH.id
    with store.transaction() as session:
        saved = save_claims(session, "d1", [renamed])
    assert (saved.added, saved.kept_reviewed) == (0, 1)
    with store.session() as session:
        assert [c.id for c in load_claims(session, "d1")] == [DISPATCH.id]


def test_a_loaded_claim_keeps_its_stored_id_when_corrected(store: Store) -> None:
    add_report(store)
    with store.transaction() as session:
        save_claims(session, "d1", [DISPATCH])
    with store.session() as session:
        [loaded] = load_claims(session, "d1")
    assert loaded.model_copy(update={"type": "presence"}).id == DISPATCH.id
