"""Analysts' grades for outlets and claims: stored, laid over the defaults, and used as estimate weights."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from yalu.analysis.analyst_grades import (
    analyst_grades,
    clear_claim_grade,
    clear_outlet_grade,
    resolve_grades,
    set_claim_grade,
    set_outlet_grade,
)
from yalu.analysis.documents import DocumentInfo
from yalu.analysis.estimate import estimate_workers
from yalu.analysis.inputs import AnalysisInputs, load_inputs
from yalu.errors import NotFoundError, YaluError
from yalu.model import Claim, Document
from yalu.store import Store
from yalu.store.grades import OutletGradeRow


def _inputs(store: Store) -> AnalysisInputs:
    with store.session() as session:
        return load_inputs(session)


def _claim(inputs: AnalysisInputs, document_id: str, claim_type: str) -> Claim:
    return next(c for c in inputs.claims if c.document_id == document_id and c.type == claim_type)


def test_an_outlet_grade_named_by_alias_applies_to_that_outlets_claims(evidence_store: Store) -> None:
    with evidence_store.transaction() as session:
        saved = set_outlet_grade(session, "RFA", "E", 5, note="two retractions this year")
    assert saved.outlet == "Radio Free Asia"
    inputs = _inputs(evidence_store)
    rfa = _claim(inputs, "cn-2", "presence")
    assert set(inputs.grades) == {rfa.id}
    assert inputs.grades[rfa.id].code == "E5"
    assert inputs.grades[rfa.id].basis == "analyst grade for outlet Radio Free Asia"


def test_a_claim_grade_beats_its_outlets_and_keeps_the_scale_it_leaves_empty(evidence_store: Store) -> None:
    inputs = _inputs(evidence_store)
    presence, wage = _claim(inputs, "cn-1", "presence"), _claim(inputs, "cn-1", "wage")
    with evidence_store.transaction() as session:
        set_outlet_grade(session, "Daily NK", "D")
        set_claim_grade(session, presence.id, credibility=1, note="matches customs data")
    grades = _inputs(evidence_store).grades
    assert grades[presence.id].code == "D1"
    assert grades[presence.id].basis == "analyst grade for this claim"
    assert grades[wage.id].code == "D3"  # the outlet's letter; the credibility of "a trade official"


def test_a_claim_relaying_another_outlet_takes_that_outlets_analyst_grade(
    info: Callable[..., DocumentInfo], make_claim: Callable[..., Claim]
) -> None:
    document = Document(
        id="wire-1",
        outlet="Reuters",
        text="About 3,000 North Koreans work in Dandong, according to Daily NK.",
    )
    claim = make_claim(
        document, "About 3,000 North Koreans work in Dandong, according to Daily NK", "presence"
    )
    graded = resolve_grades(
        [claim], {"wire-1": info(document)}, [OutletGradeRow(outlet="Daily NK", reliability="C")], []
    )
    assert graded[claim.id].reliability == "C"


def test_grades_weigh_the_estimate(evidence_store: Store) -> None:
    def central_2019() -> float:
        inputs = _inputs(evidence_store)
        estimate = estimate_workers(
            inputs.claims,
            inputs.documents.values(),
            country="CN",
            start="2019",
            end="2019",
            grades=inputs.grades,
        )
        return estimate.periods[0].central

    before = central_2019()
    with evidence_store.transaction() as session:
        set_outlet_grade(session, "Daily NK", "E", 5)
        set_outlet_grade(session, "Yonhap", "E", 5)
    after = central_2019()
    assert after > before * 1.2  # the 50,000 reports count for less; RFA's "more than 100,000" for more


def test_clearing_a_grade_restores_the_default(evidence_store: Store) -> None:
    claim_id = _claim(_inputs(evidence_store), "ru-1", "dispatch").id
    with evidence_store.transaction() as session:
        set_outlet_grade(session, "NK News", "A", 1)
        set_claim_grade(session, claim_id, reliability="F")
    with evidence_store.transaction() as session:
        clear_claim_grade(session, claim_id)
        clear_outlet_grade(session, "NKNews")
    assert _inputs(evidence_store).grades == {}


def test_grades_off_the_scale_or_for_nothing_are_user_errors(evidence_store: Store) -> None:
    with evidence_store.transaction() as session:
        with pytest.raises(YaluError, match="reliability 'Z' is not on the scale"):
            set_outlet_grade(session, "Daily NK", "Z")
        with pytest.raises(YaluError, match="credibility 9 is not on the scale"):
            set_outlet_grade(session, "Daily NK", "B", 9)
        with pytest.raises(YaluError, match="give a reliability"):
            set_claim_grade(session, "whatever")
        with pytest.raises(NotFoundError, match="no claim with id 'nope'"):
            set_claim_grade(session, "nope", credibility=2)
        with pytest.raises(NotFoundError, match="no analyst grade for outlet 'Daily NK'"):
            clear_outlet_grade(session, "Daily NK")


def test_analyst_grades_reads_the_store(evidence_store: Store) -> None:
    inputs = _inputs(evidence_store)
    with evidence_store.transaction() as session:
        set_outlet_grade(session, "Yonhap", "A")
        graded = analyst_grades(session, inputs.claims, inputs.documents)
    assert [inputs.documents[c.document_id].outlet for c in inputs.claims if c.id in graded] == ["Yonhap"]
