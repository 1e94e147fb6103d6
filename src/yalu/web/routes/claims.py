"""The claims table (filter, sort, page through) and the page of one claim with its review history."""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field, field_validator
from sqlalchemy.orm import Session

from yalu.errors import NotFoundError
from yalu.extract.places import load_gazetteer
from yalu.model import ClaimType, Modality
from yalu.store.claim_queries import ClaimFilter, ClaimSort, find_claims, get_claim, outlets
from yalu.store.reviews import active_merge_of, history, merges_involving
from yalu.store.tables import ClaimRow
from yalu.web.auth import Viewer, current_viewer
from yalu.web.forms import ISO_DATE, ClaimStatus, WebInput
from yalu.web.pages import page, respond
from yalu.web.routes.places import PlacePublic, place_public, place_scope, resolve_place
from yalu.web.schemas import (
    ClaimPage,
    ClaimPublic,
    claim_event_public,
    claim_public,
    merge_public,
)
from yalu.web.state import db
from yalu.web.vocabulary import vocabulary

router = APIRouter(tags=["claims"], dependencies=[Depends(current_viewer)])
CLAIM_ID = r"^[\w-]{1,64}$"
MERGE_CANDIDATES = 10


class ClaimQuery(WebInput):
    """The claims table's filters, sort and page, as query-string parameters."""

    type: list[ClaimType] = Field(default_factory=list, max_length=8)
    modality: Modality | None = None
    status: list[ClaimStatus] = Field(default_factory=list, max_length=4)
    place: str | None = Field(default=None, max_length=200, description="Gazetteer id or place name.")
    date_from: str | None = Field(default=None, pattern=ISO_DATE)
    date_to: str | None = Field(default=None, pattern=ISO_DATE)
    sector: str | None = None
    indicator: str | None = None
    outlet: str | None = Field(default=None, max_length=200)
    q: str | None = Field(default=None, max_length=200, description="Words in a claim's quotes.")
    sort: ClaimSort = "date"
    page: int = Field(default=1, ge=1, le=100_000)
    per_page: int = Field(default=50, ge=10, le=200)

    @field_validator("sector")
    @classmethod
    def _known_sector(cls, value: str | None) -> str | None:
        if value is not None and value not in vocabulary().sectors:
            raise ValueError(f"unknown sector; one of {', '.join(vocabulary().sectors)}")
        return value

    @field_validator("indicator")
    @classmethod
    def _known_indicator(cls, value: str | None) -> str | None:
        if value is not None and value not in vocabulary().indicators:
            raise ValueError(f"unknown indicator; one of {', '.join(vocabulary().indicators)}")
        return value


class ClaimsPage(BaseModel):
    query: ClaimQuery
    place: PlacePublic | None
    claims: list[ClaimPublic]
    total: int
    pages: int
    problem: str | None = Field(default=None, description="Why nothing could match, e.g. an unknown place.")


def claim_filter(query: ClaimQuery, viewer: Viewer) -> tuple[ClaimFilter, PlacePublic | None]:
    """The store filter for ``query``; a place filter also matches everything the gazetteer puts under it."""
    place: PlacePublic | None = None
    place_ids: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    if query.place:
        gazetteer = load_gazetteer()
        found = resolve_place(gazetteer, query.place)
        place = place_public(gazetteer, found)
        place_ids, countries = place_scope(gazetteer, found)
    claims = ClaimFilter(
        types=tuple(query.type),
        modality=query.modality,
        statuses=tuple(query.status),
        place_ids=place_ids,
        countries=countries,
        date_from=query.date_from,
        date_to=query.date_to,
        sector=query.sector,
        indicator=query.indicator,
        outlet=query.outlet,
        text=query.q,
        include_sensitive=viewer.sees_sensitive,
    )
    return claims, place


@page(router, "/claims", ClaimsPage)
def read_claims(
    request: Request,
    query: Annotated[ClaimQuery, Query()],
    viewer: Annotated[Viewer, Depends(current_viewer)],
    session: Annotated[Session, Depends(db)],
) -> Response:
    try:
        found, place = claim_filter(query, viewer)
    except NotFoundError as unknown:  # shown beside the filters, which stay as typed so it can be fixed
        data = ClaimsPage(query=query, place=None, claims=[], total=0, pages=1, problem=str(unknown))
        return respond(request, "claims.html", data, context={"outlets": outlets(session)})
    offset = (query.page - 1) * query.per_page
    page = find_claims(session, found, sort=query.sort, limit=query.per_page, offset=offset)
    data = ClaimsPage(
        query=query,
        place=place,
        claims=[claim_public(row) for row in page.rows],
        total=page.total,
        pages=max(1, math.ceil(page.total / query.per_page)),
    )
    return respond(request, "claims.html", data, context={"outlets": outlets(session)})


def visible_claim(session: Session, claim_id: str, viewer: Viewer) -> ClaimRow:
    """The claim, unless it does not exist or comes from a document this viewer may not see."""
    row = get_claim(session, claim_id)
    if row is None or (row.document.sensitive and not viewer.sees_sensitive):
        raise NotFoundError(f"no claim with id {claim_id!r}")
    return row


def claim_page(session: Session, row: ClaimRow) -> ClaimPage:
    merged_into = active_merge_of(session, row.id)
    return ClaimPage(
        claim=claim_public(row),
        history=[claim_event_public(event) for event in history(session, row.id)],
        merges=[merge_public(merge) for merge in merges_involving(session, row.id)],
        merged_into=merged_into.kept_id if merged_into else None,
    )


@page(router, "/claims/{claim_id}", ClaimPage)
def read_claim(
    request: Request,
    claim_id: Annotated[str, Path(pattern=CLAIM_ID)],
    viewer: Annotated[Viewer, Depends(current_viewer)],
    session: Annotated[Session, Depends(db)],
) -> Response:
    row = visible_claim(session, claim_id, viewer)
    candidates = []
    if viewer.can_review:
        same_type = ClaimFilter(types=(row.type,), document_id=row.document_id, exclude_ids=(row.id,))
        candidates = [
            claim_public(other) for other in find_claims(session, same_type, limit=MERGE_CANDIDATES).rows
        ]
    return respond(request, "claim.html", claim_page(session, row), context={"merge_candidates": candidates})
