"""The analysis layer as the workspace serves it: the same inputs and functions as the command line.

Loading every live claim and corroborating them takes seconds on a large
store, so inputs and what is computed from them are kept until the claims
or an analyst's grades change. Public readers get results made without
sensitive documents, and quotes with descriptions of anonymous sources
withheld, as a public report does.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from fastapi import Request
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from yalu.analysis.corroborate import claim_date_label, independent_origin
from yalu.analysis.grading import grade_claims
from yalu.analysis.inputs import AnalysisInputs, load_inputs
from yalu.analysis.sources import redact_sources
from yalu.model import Claim
from yalu.report.labels import figure_label, places_label
from yalu.store.aggregates import claims_version
from yalu.store.grades import grades_version
from yalu.web.auth import Viewer
from yalu.web.pages import web_link
from yalu.web.state import workspace

T = TypeVar("T")


def kept(request: Request, session: Session, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or what it gave last time for ``key`` if no claim or grade has changed since.

    The version is read before ``compute`` reads the store, so a result is never older than its version.
    """
    version = (claims_version(session), grades_version(session))
    return workspace(request).aggregates.get(key, version, compute)


def analysis_inputs(request: Request, session: Session, include_sensitive: bool) -> AnalysisInputs:
    """Every live claim, with documents and grades, as ``yalu findings`` loads them."""
    return kept(
        request,
        session,
        ("inputs", include_sensitive),
        lambda: load_inputs(session, include_sensitive=include_sensitive),
    )


class ClaimCitation(BaseModel):
    """A claim as findings and estimates cite it: where it comes from, what it says, how it is graded."""

    id: str
    type: str
    document_id: str
    document_title: str | None
    outlet: str | None
    published: str | None
    url: str | None = Field(description="The document's web address, when it is an http(s) one.")
    origin: str = Field(description="The independent outlet it counts for: relayed or original outlet.")
    date: str
    figure: str
    places: str
    grade: str = Field(description="Admiralty grade: reliability A–F and credibility 1–6.")
    reviewed: bool
    quotes: list[str] = Field(description="Its quotes; for public readers, anonymous sources withheld.")


def claim_citations(claims: Iterable[Claim], inputs: AnalysisInputs, viewer: Viewer) -> list[ClaimCitation]:
    listed = list(claims)
    documents = inputs.documents
    grades = grade_claims(listed, documents, inputs.grades)
    citations = []
    for claim in listed:
        document = documents[claim.document_id]
        quotes = [
            evidence.quote if viewer.sees_sensitive else redact_sources(evidence, document.sources)
            for evidence in claim.evidence
        ]
        citations.append(
            ClaimCitation(
                id=claim.id,
                type=claim.type,
                document_id=claim.document_id,
                document_title=inputs.titles.get(claim.document_id),
                outlet=document.outlet,
                published=document.published,
                url=web_link(document.url),
                origin=independent_origin(claim, documents),
                date=claim_date_label(claim, documents),
                figure=figure_label(claim),
                places=places_label(claim),
                grade=grades[claim.id].code,
                reviewed=claim.id in inputs.reviewed,
                quotes=quotes,
            )
        )
    return citations
