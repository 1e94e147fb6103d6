"""The overview: what the store holds, a timeline of movements, and a map of where the evidence points."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yalu.store.aggregates import Month, PlacePoint
from yalu.store.claim_queries import ClaimFilter
from yalu.store.tables import DocumentRow
from yalu.web.auth import Viewer, current_viewer
from yalu.web.pages import page, respond
from yalu.web.state import db, workspace
from yalu.web.vocabulary import vocabulary

router = APIRouter(tags=["overview"], dependencies=[Depends(current_viewer)])


class TypeCounts(BaseModel):
    type: str
    total: int
    statuses: dict[str, int]


class TimelineMonth(BaseModel):
    month: str
    dispatch: int
    returns: int
    presence: int
    largest_count: int | None


class MapPlace(BaseModel):
    key: str
    name: str
    country: str | None
    lat: float
    lon: float
    gazetteer_id: str | None
    claims: int
    main_type: str
    by_type: dict[str, int]


class OverviewPage(BaseModel):
    documents: int
    claims: int
    waiting: int
    by_type: list[TypeCounts]
    by_status: dict[str, int]
    timeline: list[TimelineMonth]
    places: list[MapPlace]


def timeline_month(month: Month) -> TimelineMonth:
    return TimelineMonth(
        month=month.month,
        dispatch=month.claims.get("dispatch", 0),
        returns=month.claims.get("return", 0),
        presence=month.claims.get("presence", 0),
        largest_count=month.largest_count,
    )


def map_place(point: PlacePoint) -> MapPlace:
    return MapPlace(
        key=point.key,
        name=point.name,
        country=point.country,
        lat=point.lat,
        lon=point.lon,
        gazetteer_id=point.gazetteer_id,
        claims=point.claims,
        main_type=point.main_type,
        by_type=point.by_type,
    )


def type_counts(counts: dict[tuple[str, str], int]) -> list[TypeCounts]:
    rows = []
    for claim_type in vocabulary().types:
        statuses = {status: counts.get((claim_type, status), 0) for status in vocabulary().statuses}
        rows.append(TypeCounts(type=claim_type, total=sum(statuses.values()), statuses=statuses))
    return rows


@router.get("/", include_in_schema=False)
def home() -> RedirectResponse:
    return RedirectResponse("/overview", status_code=303)


@page(router, "/overview", OverviewPage)
def read_overview(
    request: Request,
    viewer: Annotated[Viewer, Depends(current_viewer)],
    session: Annotated[Session, Depends(db)],
) -> Response:
    everything = ClaimFilter(include_sensitive=viewer.sees_sensitive)
    aggregates = workspace(request).overview.get(session, everything)
    by_status = {status: 0 for status in vocabulary().statuses}
    for (_type, status), count in aggregates.counts.items():
        by_status[status] = by_status.get(status, 0) + count
    documents = select(func.count()).select_from(DocumentRow)
    if not viewer.sees_sensitive:
        documents = documents.where(DocumentRow.sensitive.is_(False))
    data = OverviewPage(
        documents=session.scalar(documents) or 0,
        claims=sum(aggregates.counts.values()),
        waiting=by_status.get("suggested", 0),
        by_type=type_counts(aggregates.counts),
        by_status=by_status,
        timeline=[timeline_month(month) for month in aggregates.timeline],
        places=[map_place(point) for point in aggregates.places],
    )
    return respond(request, "overview.html", data)
