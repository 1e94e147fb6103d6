"""Findings: facts several documents state, how many independent outlets support each, conflicting figures.

The same corroboration as ``yalu findings`` over the same inputs; findings
come most supported first, as in a report's key findings.
"""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from yalu.analysis.corroborate import Finding, corroborate
from yalu.analysis.inputs import AnalysisInputs
from yalu.errors import YaluError
from yalu.extract.places import load_gazetteer
from yalu.model import ClaimType, PlaceRef
from yalu.report.sections import finding_entry, ranked
from yalu.web.analysis import ClaimCitation, analysis_inputs, claim_citations, kept
from yalu.web.auth import Viewer, current_viewer
from yalu.web.forms import ISO_DATE, WebInput
from yalu.web.pages import page, respond
from yalu.web.routes.places import PlacePublic, place_public, resolve_place
from yalu.web.state import db

router = APIRouter(tags=["findings"], dependencies=[Depends(current_viewer)])


class FindingsQuery(WebInput):
    type: list[ClaimType] = Field(default_factory=list, max_length=8)
    place: str | None = Field(
        default=None, max_length=200, description="Gazetteer id or place name; places under it count too."
    )
    date_from: str | None = Field(default=None, pattern=ISO_DATE)
    date_to: str | None = Field(default=None, pattern=ISO_DATE)
    conflicts: bool = Field(default=False, description="Only findings whose figures conflict.")
    page: int = Field(default=1, ge=1, le=100_000)
    per_page: int = Field(default=25, ge=10, le=200)


class FigurePublic(BaseModel):
    """A figure some of a finding's claims agree on, who gives it and for when."""

    label: str
    outlets: list[str]
    dates: list[str]
    claims: list[str]


class FindingPublic(BaseModel):
    id: str
    type: str
    type_label: str
    places: str
    dates: str
    support: int = Field(description="Independent outlets that state it; a syndicated copy counts once.")
    outlets: list[str]
    conflict: bool
    figures: list[FigurePublic]
    claims: list[ClaimCitation]


class FindingsPage(BaseModel):
    query: FindingsQuery
    place: PlacePublic | None
    findings: list[FindingPublic]
    total: int
    corroborated: int = Field(description="Matching findings stated by more than one independent outlet.")
    conflicts: int
    pages: int
    problem: str | None = Field(default=None, description="Why nothing could match, e.g. an unknown place.")


def finding_public(finding: Finding, inputs: AnalysisInputs, viewer: Viewer) -> FindingPublic:
    entry = finding_entry(finding, inputs.documents)
    return FindingPublic(
        id=finding.id,
        type=finding.type,
        type_label=entry.type_label,
        places=entry.places,
        dates=entry.dates,
        support=entry.support,
        outlets=entry.outlets,
        conflict=entry.conflict,
        figures=[
            FigurePublic(label=f.label, outlets=f.outlets, dates=f.dates, claims=f.claims)
            for f in entry.figures
        ],
        claims=claim_citations(finding.claims, inputs, viewer),
    )


def findings_for(
    request: Request, session: Session, viewer: Viewer, query: FindingsQuery
) -> tuple[list[Finding], PlacePublic | None, AnalysisInputs]:
    """The findings among the claims ``query`` selects, most supported first, and the place it names.

    The inputs are loaded inside ``compute``, after the version they are kept
    under was read, so what is kept is never older than its version.
    """
    place: PlacePublic | None = None
    place_ref: PlaceRef | None = None
    if query.place:
        gazetteer = load_gazetteer()
        found = resolve_place(gazetteer, query.place)
        place, place_ref = place_public(gazetteer, found), gazetteer.place_ref(found)
    types = tuple(query.type)

    def compute() -> list[Finding]:
        inputs = analysis_inputs(request, session, viewer.sees_sensitive)
        scoped = inputs.within(place_ref, query.date_from, query.date_to)
        claims = [claim for claim in scoped.claims if not types or claim.type in types]
        return ranked(corroborate(claims, scoped.documents.values()))

    key = (
        "findings",
        viewer.sees_sensitive,
        place.id if place else None,
        query.date_from,
        query.date_to,
        types,
    )
    found_findings = kept(request, session, key, compute)
    return found_findings, place, analysis_inputs(request, session, viewer.sees_sensitive)


@page(router, "/findings", FindingsPage)
def read_findings(
    request: Request,
    query: Annotated[FindingsQuery, Query()],
    viewer: Annotated[Viewer, Depends(current_viewer)],
    session: Annotated[Session, Depends(db)],
) -> Response:
    try:
        found, place, inputs = findings_for(request, session, viewer, query)
    except YaluError as problem:  # shown beside the filters, which stay as typed so it can be fixed
        data = FindingsPage(
            query=query,
            place=None,
            findings=[],
            total=0,
            corroborated=0,
            conflicts=0,
            pages=1,
            problem=str(problem),
        )
        return respond(request, "findings.html", data)
    shown = [finding for finding in found if finding.conflict or not query.conflicts]
    first = (query.page - 1) * query.per_page
    data = FindingsPage(
        query=query,
        place=place,
        findings=[finding_public(f, inputs, viewer) for f in shown[first : first + query.per_page]],
        total=len(shown),
        corroborated=sum(finding.support > 1 for finding in shown),
        conflicts=sum(finding.conflict for finding in shown),
        pages=max(1, math.ceil(len(shown) / query.per_page)),
    )
    return respond(request, "findings.html", data)
