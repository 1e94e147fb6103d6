"""A page per gazetteer place: where it sits, the claims at and under it, and their timeline.

Also the gazetteer lookup the correction form uses to turn a typed name into a place.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from yalu.errors import NotFoundError
from yalu.extract.places import Gazetteer, Place, load_gazetteer
from yalu.store.aggregates import Aggregates, aggregate, claims_version
from yalu.store.claim_queries import ClaimFilter, find_claims
from yalu.web.auth import Viewer, current_viewer
from yalu.web.pages import page, respond
from yalu.web.routes.overview import MapPlace, TimelineMonth, map_place, timeline_month
from yalu.web.schemas import ClaimPublic, claim_public
from yalu.web.state import db, workspace

router = APIRouter(tags=["places"], dependencies=[Depends(current_viewer)])
CLAIMS_SHOWN = 50
PLACE_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class PlacePublic(BaseModel):
    id: str
    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str


def place_public(gazetteer: Gazetteer, place: Place) -> PlacePublic:
    return PlacePublic(
        id=place.id,
        name=place.name,
        kind=place.kind,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        precision=gazetteer.precision(place),
    )


def resolve_place(gazetteer: Gazetteer, value: str, country: str | None = None) -> Place:
    """A place by gazetteer id, else by name (any alias or spelling the gazetteer knows)."""
    try:
        return gazetteer.get(value)
    except NotFoundError:
        found = gazetteer.lookup(value, country)
    if found is None:
        raise NotFoundError(f"no place named {value!r} in the gazetteer")
    return found


def place_scope(gazetteer: Gazetteer, place: Place) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Gazetteer ids and country codes whose claims are "at or under" ``place``.

    A country goes by its code, which also catches claims placed only by country.
    """
    if place.kind == "country" and place.country:
        return (), (place.country,)
    return (place.id, *(child.id for child in gazetteer.descendants(place))), ()


class PlacePage(BaseModel):
    place: PlacePublic
    ancestors: list[PlacePublic]
    places_with_claims: list[MapPlace] = Field(description="The place and those under it, with their claims.")
    timeline: list[TimelineMonth]
    claims: list[ClaimPublic]
    total_claims: int


@page(router, "/places/{place_id}", PlacePage)
def read_place(
    request: Request,
    place_id: Annotated[str, Path(max_length=100, pattern=PLACE_ID)],
    viewer: Annotated[Viewer, Depends(current_viewer)],
    session: Annotated[Session, Depends(db)],
) -> Response:
    gazetteer = load_gazetteer()
    place = gazetteer.get(place_id)
    place_ids, countries = place_scope(gazetteer, place)
    under = ClaimFilter(place_ids=place_ids, countries=countries, include_sensitive=viewer.sees_sensitive)
    aggregates = aggregates_under(request, session, under)
    claims = find_claims(session, under, limit=CLAIMS_SHOWN)
    data = PlacePage(
        place=place_public(gazetteer, place),
        ancestors=[place_public(gazetteer, ancestor) for ancestor in reversed(gazetteer.ancestors(place))],
        places_with_claims=[
            map_place(point)
            for point in aggregates.places
            if point.gazetteer_id in place_ids or point.country in countries
        ],
        timeline=[timeline_month(month) for month in aggregates.timeline],
        claims=[claim_public(row) for row in claims.rows],
        total_claims=claims.total,
    )
    return respond(request, "place.html", data)


def aggregates_under(request: Request, session: Session, under: ClaimFilter) -> Aggregates:
    """The timeline and map of the claims under a place, counted again only when the claims change.

    Counted in one pass, not shard by shard as the overview is: the place
    filter's list of claims would be worked out again for every shard.
    """
    return workspace(request).aggregates.get(
        ("aggregates", under), claims_version(session), lambda: aggregate(session, under)
    )


class PlaceLookup(BaseModel):
    query: str
    place: PlacePublic | None
    ancestors: list[str]


@page(router, "/gazetteer/lookup", PlaceLookup)
def lookup_place(
    request: Request,
    place: Annotated[str, Query(min_length=1, max_length=200, description="A place name or gazetteer id.")],
    country: Annotated[str | None, Query(pattern=r"^[A-Z]{2}$")] = None,
) -> Response:
    """What a typed place name resolves to, shown beside the correction form's place field."""
    gazetteer = load_gazetteer()
    try:
        found: Place | None = resolve_place(gazetteer, place, country)
    except NotFoundError:
        found = None
    data = PlaceLookup(
        query=place,
        place=place_public(gazetteer, found) if found else None,
        ancestors=[ancestor.name for ancestor in gazetteer.ancestors(found)] if found else [],
    )
    return respond(request, "place_lookup.html", data)
