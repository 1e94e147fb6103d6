"""Source grades: analysts' Admiralty grades for outlets and single claims, as ``yalu grades`` keeps them.

Everyone who can read sees the grades; analysts and admins set and clear
them (with a CSRF token). Grades weigh every estimate and report made
afterwards. A public reader sees neither analysts' notes nor grades of
outlets and claims from documents they may not see.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from yalu.analysis.analyst_grades import (
    analyst_grades,
    clear_claim_grade,
    clear_outlet_grade,
    set_claim_grade,
    set_outlet_grade,
)
from yalu.analysis.catalog import Reliability, source_catalog
from yalu.analysis.documents import DocumentInfo
from yalu.analysis.grading import Grade, grade_claim, grade_claims, outlet_reliability
from yalu.store.convert import claim_to_model, document_to_model
from yalu.store.grades import ClaimGradeRow, OutletGradeRow, claim_grades, outlet_grades
from yalu.web.analysis import analysis_inputs
from yalu.web.auth import Viewer, current_viewer, reviewer
from yalu.web.forms import WebInput
from yalu.web.pages import JSON_SUFFIX, page, respond, wants_json
from yalu.web.routes.claims import CLAIM_ID, visible_claim
from yalu.web.schemas import ClaimPublic, claim_public
from yalu.web.state import db, workspace

router = APIRouter(tags=["grades"], dependencies=[Depends(current_viewer)])
ClaimId = Annotated[str, Path(pattern=CLAIM_ID)]
Analyst = Annotated[Viewer, Depends(reviewer)]


class ScaleLevel(BaseModel):
    code: str
    label: str
    weight: float


class OutletGradePublic(BaseModel):
    outlet: str
    documents: int
    default_reliability: str = Field(description="From the catalogue (analysis/data/sources.yaml).")
    reliability: str | None = Field(description="An analyst's grade, which replaces the default.")
    credibility: int | None
    note: str | None
    updated_at: datetime | None


class ClaimGradePublic(BaseModel):
    claim_id: str
    reliability: str | None
    credibility: int | None
    note: str | None
    used: str | None = Field(
        description="The grade the claim is weighed by; none if it is not live evidence."
    )


class GradesPage(BaseModel):
    reliability: list[ScaleLevel]
    credibility: list[ScaleLevel]
    outlets: list[OutletGradePublic]
    claims: list[ClaimGradePublic]


def scales() -> tuple[list[ScaleLevel], list[ScaleLevel]]:
    catalog = source_catalog()
    reliability = [ScaleLevel(code=k, label=v.label, weight=v.weight) for k, v in catalog.reliability.items()]
    credibility = [
        ScaleLevel(code=str(k), label=v.label, weight=v.weight) for k, v in catalog.credibility.items()
    ]
    return reliability, credibility


@page(router, "/grades", GradesPage)
def read_grades(
    request: Request,
    viewer: Annotated[Viewer, Depends(current_viewer)],
    session: Annotated[Session, Depends(db)],
) -> Response:
    """Outlets with their default and analyst grades, then claims graded one by one (``yalu grades list``)."""
    inputs = analysis_inputs(request, session, viewer.sees_sensitive)
    documents = Counter(d.outlet for d in inputs.documents.values() if d.outlet)
    by_outlet = {row.outlet: row for row in outlet_grades(session)}
    names = {*documents, *by_outlet} if viewer.sees_sensitive else set(documents)
    live = {claim.id: claim for claim in inputs.claims}
    graded = [row for row in claim_grades(session) if viewer.sees_sensitive or row.claim_id in live]
    used = grade_claims(
        [live[row.claim_id] for row in graded if row.claim_id in live], inputs.documents, inputs.grades
    )
    reliability, credibility = scales()
    data = GradesPage(
        reliability=reliability,
        credibility=credibility,
        outlets=[
            outlet_grade_public(name, documents[name], by_outlet.get(name), viewer)
            for name in sorted(names, key=str.casefold)
        ],
        claims=[
            claim_grade_public(row, used[row.claim_id].code if row.claim_id in used else None, viewer)
            for row in graded
        ],
    )
    return respond(request, "grades.html", data)


def outlet_grade_public(
    outlet: str, documents: int, row: OutletGradeRow | None, viewer: Viewer
) -> OutletGradePublic:
    return OutletGradePublic(
        outlet=outlet,
        documents=documents,
        default_reliability=outlet_reliability(outlet),
        reliability=row.reliability if row else None,
        credibility=row.credibility if row else None,
        note=row.note if row and viewer.sees_sensitive else None,
        updated_at=row.updated_at if row else None,
    )


def claim_grade_public(row: ClaimGradeRow, used: str | None, viewer: Viewer) -> ClaimGradePublic:
    return ClaimGradePublic(
        claim_id=row.claim_id,
        reliability=row.reliability,
        credibility=row.credibility,
        note=row.note if viewer.sees_sensitive else None,
        used=used,
    )


class GradeForm(WebInput):
    reliability: Reliability | None = None
    credibility: int | None = Field(default=None, ge=1, le=6)
    note: str | None = Field(default=None, max_length=2000)


class OutletGradeForm(GradeForm):
    outlet: str = Field(min_length=1, max_length=200)
    reliability: Reliability


class OutletForm(WebInput):
    outlet: str = Field(min_length=1, max_length=200)


def _answer(request: Request, path: str) -> Response:
    """After a change, the page that shows it: as JSON to a client that asked for JSON."""
    return RedirectResponse(path + (JSON_SUFFIX if wants_json(request) else ""), status_code=303)


@router.post("/grades/outlets", response_class=RedirectResponse, status_code=303)
def grade_outlet(request: Request, _viewer: Analyst, form: Annotated[OutletGradeForm, Form()]) -> Response:
    """Grade an outlet for every claim that takes its reliability, its own and those relaying it."""
    with workspace(request).store.transaction() as session:
        set_outlet_grade(session, form.outlet, form.reliability, form.credibility, form.note)
    return _answer(request, "/grades")


@router.post("/grades/outlets/clear", response_class=RedirectResponse, status_code=303)
def clear_outlet(request: Request, _viewer: Analyst, form: Annotated[OutletForm, Form()]) -> Response:
    """Go back to the catalogue's default for the outlet."""
    with workspace(request).store.transaction() as session:
        clear_outlet_grade(session, form.outlet)
    return _answer(request, "/grades")


class GradeDetail(BaseModel):
    code: str
    reliability: str
    credibility: int
    basis: str


def grade_detail(grade: Grade) -> GradeDetail:
    return GradeDetail(
        code=grade.code, reliability=grade.reliability, credibility=grade.credibility, basis=grade.basis
    )


class ClaimGradePage(BaseModel):
    claim: ClaimPublic
    default: GradeDetail = Field(description="From the outlet's catalogue grade and the kind of source.")
    analyst: ClaimGradePublic | None = Field(description="An analyst's grade for this claim alone.")
    used: GradeDetail = Field(
        description="What estimates weigh the claim by: claim, else outlet, else default."
    )
    reliability: list[ScaleLevel]
    credibility: list[ScaleLevel]


@page(router, "/claims/{claim_id}/grade", ClaimGradePage)
def read_claim_grade(
    request: Request,
    claim_id: ClaimId,
    viewer: Annotated[Viewer, Depends(current_viewer)],
    session: Annotated[Session, Depends(db)],
) -> Response:
    row = visible_claim(session, claim_id, viewer)
    claim = claim_to_model(row, row.document.external_id)
    document = DocumentInfo.from_document(document_to_model(row.document))
    default = grade_claim(claim, document)
    own = session.get(ClaimGradeRow, claim_id)
    resolved = analyst_grades(session, [claim], {document.id: document}).get(claim.id, default)
    reliability, credibility = scales()
    data = ClaimGradePage(
        claim=claim_public(row),
        default=grade_detail(default),
        analyst=claim_grade_public(own, resolved.code, viewer) if own else None,
        used=grade_detail(resolved),
        reliability=reliability,
        credibility=credibility,
    )
    return respond(request, "claim_grade.html", data)


@router.post("/claims/{claim_id}/grade", response_class=RedirectResponse, status_code=303)
def grade_claim_form(
    request: Request, claim_id: ClaimId, viewer: Analyst, form: Annotated[GradeForm, Form()]
) -> Response:
    """Grade one claim; a scale left blank keeps the outlet's or the default grade."""
    with workspace(request).store.transaction() as session:
        visible_claim(session, claim_id, viewer)
        set_claim_grade(session, claim_id, form.reliability, form.credibility, form.note)
    return _answer(request, f"/claims/{claim_id}/grade")


@router.post("/claims/{claim_id}/grade/clear", response_class=RedirectResponse, status_code=303)
def clear_claim(request: Request, claim_id: ClaimId, viewer: Analyst) -> Response:
    with workspace(request).store.transaction() as session:
        visible_claim(session, claim_id, viewer)
        clear_claim_grade(session, claim_id)
    return _answer(request, f"/claims/{claim_id}/grade")
