"""Estimates: DPRK workers present and payments to the state, per period with 90 % intervals.

The same estimators as ``yalu estimate`` over the same inputs; where the
evidence cannot support an estimate the page says what is missing, as the
command line does. docs/estimates.md explains the model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field, field_validator
from sqlalchemy.orm import Session

from yalu.analysis.dates import PeriodKind
from yalu.analysis.estimate import RevenueEstimate, WorkerEstimate, estimate_revenue, estimate_workers
from yalu.analysis.inputs import AnalysisInputs
from yalu.errors import NotFoundError, YaluError
from yalu.extract.places import load_gazetteer
from yalu.web.analysis import ClaimCitation, analysis_inputs, claim_citations, kept
from yalu.web.auth import Viewer, current_viewer
from yalu.web.forms import ISO_DATE, WebInput
from yalu.web.pages import page, respond
from yalu.web.routes.places import resolve_place
from yalu.web.state import db

router = APIRouter(tags=["estimates"], dependencies=[Depends(current_viewer)])
DPRK = "KP"
T = TypeVar("T")


class EstimateQuery(WebInput):
    country: str = Field(default="CN", pattern=r"^[A-Za-z]{2}$", description="ISO code of the host country.")
    place: str | None = Field(default=None, max_length=200, description="A place within the country.")
    date_from: str | None = Field(
        default=None, pattern=ISO_DATE, description="First period (default: the evidence's)."
    )
    date_to: str | None = Field(
        default=None, pattern=ISO_DATE, description="Last period (default: the evidence's)."
    )
    by: PeriodKind = "year"

    @field_validator("country")
    @classmethod
    def _upper_case(cls, value: str) -> str:
        return value.upper()


class EstimatesPage(BaseModel):
    query: EstimateQuery
    workers: WorkerEstimate | None
    workers_problem: str | None = Field(description="Why there is no worker estimate, e.g. missing evidence.")
    revenue: RevenueEstimate | None
    revenue_problem: str | None
    claims: list[ClaimCitation] = Field(description="Every claim either estimate rests on.")
    countries: list[str] = Field(description="Host countries the claims name, for the form.")


@dataclass(frozen=True)
class Estimates:
    workers: WorkerEstimate | None
    workers_problem: str | None
    revenue: RevenueEstimate | None
    revenue_problem: str | None


def estimates(inputs: AnalysisInputs, query: EstimateQuery) -> Estimates:
    """Both estimates for ``query``, each either made or refused with the reason."""
    place = _place_name(query.place, query.country)
    documents = list(inputs.documents.values())

    def run(estimator: Callable[..., T]) -> tuple[T | None, str | None]:
        try:
            estimate = estimator(
                inputs.claims,
                documents,
                country=query.country,
                place=place,
                start=query.date_from,
                end=query.date_to,
                by=query.by,
                grades=inputs.grades,
            )
        except YaluError as problem:
            return None, str(problem)
        return estimate, None

    workers, workers_problem = run(estimate_workers)
    revenue, revenue_problem = run(estimate_revenue)
    return Estimates(workers, workers_problem, revenue, revenue_problem)


def _place_name(place: str | None, country: str) -> str | None:
    """The gazetteer's name for a place given by id or name; a name it does not know is passed on as typed."""
    if not place:
        return None
    try:
        return resolve_place(load_gazetteer(), place, country).name
    except NotFoundError:
        return place


@page(router, "/estimates", EstimatesPage)
def read_estimates(
    request: Request,
    query: Annotated[EstimateQuery, Query()],
    viewer: Annotated[Viewer, Depends(current_viewer)],
    session: Annotated[Session, Depends(db)],
) -> Response:
    key = ("estimates", viewer.sees_sensitive, *query.model_dump().values())
    found = kept(
        request,
        session,
        key,
        lambda: estimates(analysis_inputs(request, session, viewer.sees_sensitive), query),
    )
    inputs = analysis_inputs(request, session, viewer.sees_sensitive)
    used = set(found.workers.claim_ids if found.workers else ()) | set(
        found.revenue.claim_ids if found.revenue else ()
    )
    data = EstimatesPage(
        query=query,
        workers=found.workers,
        workers_problem=found.workers_problem,
        revenue=found.revenue,
        revenue_problem=found.revenue_problem,
        claims=claim_citations((c for c in inputs.claims if c.id in used), inputs, viewer),
        countries=sorted(
            {p.country for c in inputs.claims for p in c.places if p.country and p.country != DPRK}
        ),
    )
    return respond(request, "estimates.html", data)
