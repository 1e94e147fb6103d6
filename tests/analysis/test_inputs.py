"""Loading evidence from the store for analysis: live claims only, corrected values, sensitivity, scope."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from yalu.analysis.analyst_grades import set_claim_grade
from yalu.analysis.inputs import load_inputs, resolve_place
from yalu.errors import NotFoundError, YaluError
from yalu.store import ClaimRow, DocumentRow, Store


def _claim_id(store: Store, document_id: str, claim_type: str) -> str:
    with store.session() as session:
        query = (
            select(ClaimRow.id)
            .join(DocumentRow, DocumentRow.id == ClaimRow.document_id)
            .where(DocumentRow.external_id == document_id, ClaimRow.type == claim_type)
        )
        return session.scalars(query).one()


def test_loads_every_claim_with_its_document(evidence_store: Store) -> None:
    with evidence_store.session() as session:
        inputs = load_inputs(session)
    assert len(inputs.claims) == 8
    assert set(inputs.documents) == {c.document_id for c in inputs.claims}
    assert inputs.documents["cn-2"].outlet == "Radio Free Asia"
    assert inputs.titles["ru-1"] == "Workers sent to Russia"
    assert inputs.sensitive == {"dandong-notes"}


def test_rejected_claims_are_not_evidence_and_corrections_count_as_corrected(evidence_store: Store) -> None:
    rejected = _claim_id(evidence_store, "cn-2", "presence")
    corrected = _claim_id(evidence_store, "cn-3", "presence")
    with evidence_store.transaction() as session:
        session.execute(update(ClaimRow).where(ClaimRow.id == rejected).values(status="rejected"))
        session.execute(
            update(ClaimRow)
            .where(ClaimRow.id == corrected)
            .values(status="corrected", count_min=55000, count_max=55000)
        )
    with evidence_store.session() as session:
        inputs = load_inputs(session)
    ids = {claim.id: claim for claim in inputs.claims}
    assert rejected not in ids
    assert ids[corrected].count is not None and ids[corrected].count.min == 55000
    assert inputs.reviewed == {corrected}


def test_a_claim_whose_type_was_corrected_keeps_its_review_and_grade(evidence_store: Store) -> None:
    stored = _claim_id(evidence_store, "ru-1", "dispatch")
    with evidence_store.transaction() as session:
        session.execute(
            update(ClaimRow).where(ClaimRow.id == stored).values(status="corrected", type="presence")
        )
        set_claim_grade(session, stored, credibility=1)
    with evidence_store.session() as session:
        inputs = load_inputs(session)
    [claim] = [c for c in inputs.claims if c.document_id == "ru-1"]
    assert claim.type == "presence" and claim.id == stored  # a correction keeps the stored id
    assert inputs.reviewed == {stored}
    assert inputs.grades[claim.id].credibility == 1


def test_public_inputs_leave_out_sensitive_documents_and_their_claims(evidence_store: Store) -> None:
    with evidence_store.session() as session:
        inputs = load_inputs(session, include_sensitive=False)
    assert "dandong-notes" not in inputs.documents
    assert all(claim.document_id != "dandong-notes" for claim in inputs.claims)


def test_a_copy_names_its_original_by_external_id_and_stands_alone_without_it(evidence_store: Store) -> None:
    with evidence_store.transaction() as session:
        rows = {row.external_id: row for row in session.scalars(select(DocumentRow))}
        rows["cn-3"].near_duplicate_of = rows["dandong-notes"].id
    with evidence_store.session() as session:
        internal = load_inputs(session)
        public = load_inputs(session, include_sensitive=False)
    assert internal.documents["cn-3"].near_duplicate_of == "dandong-notes"
    assert public.documents["cn-3"].near_duplicate_of is None


def test_within_keeps_claims_in_a_place_and_a_date_range(evidence_store: Store) -> None:
    with evidence_store.session() as session:
        inputs = load_inputs(session)
    in_china = inputs.within(resolve_place("China"))
    assert {c.document_id for c in in_china.claims} == {
        "cn-1",
        "cn-2",
        "cn-3",
        "dandong-notes",
        "hunchun-evil",
    }
    in_dandong = inputs.within(resolve_place("Dandong", "CN"))
    assert {c.type for c in in_dandong.claims} == {"presence", "condition"}
    in_2019 = inputs.within(start="2019-01", end="2019-12-31")
    assert {c.document_id for c in in_2019.claims} == {"cn-1", "cn-2", "cn-3"}
    assert inputs.within(resolve_place("Russia"), start="2024").claims == []


def test_a_wage_claim_is_placed_by_the_places_its_quote_names(evidence_store: Store) -> None:
    with evidence_store.session() as session:
        inputs = load_inputs(session)
    wage = next(c for c in inputs.claims if c.type == "wage")
    assert wage.places == []
    assert wage not in inputs.within(resolve_place("China")).claims  # its quote names no place


def test_unknown_places_and_backward_ranges_are_user_errors(evidence_store: Store) -> None:
    with evidence_store.session() as session:
        inputs = load_inputs(session)
    with pytest.raises(NotFoundError, match="no place named 'Xyzzyville'"):
        resolve_place("Xyzzyville")
    with pytest.raises(YaluError, match="ends"):
        inputs.within(start="2020", end="2019")
