"""Analysts' grades from the store, laid over the defaults of ``sources.yaml``.

An analyst grades an outlet ("RFA is B for this store") or one claim ("checked:
credibility 1"). A claim's grade then takes each scale from the most specific
judgment there is: the claim's own, else its outlet's, else the default of
:func:`~yalu.analysis.grading.grade_claim`. Outlets are stored under the
catalogue's name, so "RFA" and "Radio Free Asia" are one outlet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy.orm import Session

from yalu.analysis.catalog import CREDIBILITY_LEVELS, RELIABILITY_LEVELS
from yalu.analysis.documents import DocumentInfo
from yalu.analysis.grading import Grade, grade_claim, grading_outlet
from yalu.analysis.sources import canonical_outlet
from yalu.errors import YaluError
from yalu.model import Claim
from yalu.store.grades import (
    ClaimGradeRow,
    OutletGradeRow,
    claim_grades,
    delete_claim_grade,
    delete_outlet_grade,
    outlet_grades,
    save_claim_grade,
    save_outlet_grade,
)


def set_outlet_grade(
    session: Session, outlet: str, reliability: str, credibility: int | None = None, note: str | None = None
) -> OutletGradeRow:
    """Grade an outlet for every claim that takes its reliability (its own and those relaying it)."""
    _check(reliability, credibility)
    return save_outlet_grade(session, _outlet_key(outlet), reliability, credibility, note)


def set_claim_grade(
    session: Session,
    claim_id: str,
    reliability: str | None = None,
    credibility: int | None = None,
    note: str | None = None,
) -> ClaimGradeRow:
    if reliability is None and credibility is None:
        raise YaluError("give a reliability (A–F), a credibility (1–6) or both")
    _check(reliability, credibility)
    return save_claim_grade(session, claim_id, reliability, credibility, note)


def clear_outlet_grade(session: Session, outlet: str) -> None:
    delete_outlet_grade(session, _outlet_key(outlet))


def clear_claim_grade(session: Session, claim_id: str) -> None:
    delete_claim_grade(session, claim_id)


def analyst_grades(
    session: Session,
    claims: Iterable[Claim],
    documents: Mapping[str, DocumentInfo],
) -> dict[str, Grade]:
    """The grade of every claim that an analyst's outlet or claim grade touches, for ``grades=``."""
    return resolve_grades(claims, documents, outlet_grades(session), claim_grades(session))


def resolve_grades(
    claims: Iterable[Claim],
    documents: Mapping[str, DocumentInfo],
    outlets: Iterable[OutletGradeRow],
    claim_rows: Iterable[ClaimGradeRow],
) -> dict[str, Grade]:
    by_outlet = {row.outlet.casefold(): row for row in outlets}
    by_claim = {row.claim_id: row for row in claim_rows}
    resolved = {}
    for claim in claims:
        document = documents.get(claim.document_id)
        outlet, _ = grading_outlet(claim, document)
        outlet_row = by_outlet.get(outlet.casefold()) if outlet else None
        claim_row = by_claim.get(claim.id)
        if outlet_row is None and claim_row is None:
            continue
        default = grade_claim(claim, document)
        judgments = [row for row in (claim_row, outlet_row) if row is not None]
        reliability = next((r.reliability for r in judgments if r.reliability), default.reliability)
        credibility = next((r.credibility for r in judgments if r.credibility), default.credibility)
        basis = "analyst grade for this claim" if claim_row else f"analyst grade for outlet {outlet}"
        resolved[claim.id] = Grade.model_validate(
            {"reliability": reliability, "credibility": credibility, "basis": basis}
        )
    return resolved


def _outlet_key(outlet: str) -> str:
    name = canonical_outlet(outlet)
    if not name:
        raise YaluError("an outlet grade needs the outlet's name")
    return name


def _check(reliability: str | None, credibility: int | None) -> None:
    """One clear line for a grade off the scale, rather than a database constraint error."""
    if reliability is not None and reliability not in RELIABILITY_LEVELS:
        raise YaluError(f"reliability {reliability!r} is not on the scale A–F (docs/grading.md)")
    if credibility is not None and credibility not in CREDIBILITY_LEVELS:
        raise YaluError(f"credibility {credibility} is not on the scale 1–6 (docs/grading.md)")
