"""Counts behind the overview and place pages: claims by type and status, by month, by place.

Each takes a :class:`ClaimFilter`, so a place page shows the same figures as
the overview for the claims at and under that place. Rejected claims (and so
merged duplicates) are left out of the timeline and the map: an analyst has
said they are not evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yalu.store.claim_queries import ClaimFilter, claim_conditions
from yalu.store.tables import ClaimPlaceRow, ClaimRow

TIMELINE_TYPES = ("dispatch", "return", "presence")
MONTH_LENGTH = len("YYYY-MM")


def counts_by_type_and_status(session: Session, claim_filter: ClaimFilter) -> dict[tuple[str, str], int]:
    query = (
        select(ClaimRow.type, ClaimRow.status, func.count())
        .where(*claim_conditions(claim_filter))
        .group_by(ClaimRow.type, ClaimRow.status)
    )
    return {(claim_type, status): count for claim_type, status, count in session.execute(query).tuples()}


@dataclass
class Month:
    """One month of the timeline: claims of each kind, and the largest worker count any of them reports."""

    month: str
    claims: dict[str, int] = field(default_factory=dict)
    largest_count: int | None = None


def monthly_timeline(session: Session, claim_filter: ClaimFilter) -> list[Month]:
    """Dispatches, returns and presence reports per month, for claims dated to the month or the day.

    The largest count, not a sum: several reports of one dispatch would otherwise add up.
    """
    month = func.substr(ClaimRow.date_start, 1, MONTH_LENGTH)
    query = (
        select(
            month,
            ClaimRow.type,
            func.count(),
            func.max(func.coalesce(ClaimRow.count_max, ClaimRow.count_min)),
        )
        .where(
            *claim_conditions(claim_filter),
            ClaimRow.status != "rejected",
            ClaimRow.type.in_(TIMELINE_TYPES),
            func.length(ClaimRow.date_start) >= MONTH_LENGTH,
        )
        .group_by(month, ClaimRow.type)
    )
    months: dict[str, Month] = {}
    for key, claim_type, count, largest in session.execute(query).tuples():
        entry = months.setdefault(key, Month(month=key))
        entry.claims[claim_type] = count
        if largest is not None:
            entry.largest_count = max(largest, entry.largest_count or 0)
    return [months[key] for key in sorted(months)]


@dataclass
class PlacePoint:
    """A place on the map with how many claims of each type cite it."""

    key: str
    name: str
    country: str | None
    lat: float
    lon: float
    gazetteer_id: str | None
    by_type: dict[str, int] = field(default_factory=dict)

    @property
    def claims(self) -> int:
        return sum(self.by_type.values())

    @property
    def main_type(self) -> str:
        return max(sorted(self.by_type), key=lambda claim_type: self.by_type[claim_type])


def place_points(session: Session, claim_filter: ClaimFilter) -> list[PlacePoint]:
    """Every place with coordinates that some live claim cites, most-cited first.

    Places are one point per gazetteer id; places the gazetteer did not know
    are one point per name.
    """
    key = func.coalesce(ClaimPlaceRow.gazetteer_id, ClaimPlaceRow.name)
    query = (
        select(
            key,
            func.min(ClaimPlaceRow.name),
            func.min(ClaimPlaceRow.country),
            func.avg(ClaimPlaceRow.lat),
            func.avg(ClaimPlaceRow.lon),
            func.min(ClaimPlaceRow.gazetteer_id),
            ClaimRow.type,
            func.count(func.distinct(ClaimRow.id)),
        )
        .join(ClaimRow, ClaimRow.id == ClaimPlaceRow.claim_id)
        .where(
            *claim_conditions(claim_filter),
            ClaimRow.status != "rejected",
            ClaimPlaceRow.lat.is_not(None),
            ClaimPlaceRow.lon.is_not(None),
        )
        .group_by(key, ClaimRow.type)
    )
    points: dict[str, PlacePoint] = {}
    for place_key, name, country, lat, lon, gazetteer_id, claim_type, count in session.execute(
        query
    ).tuples():
        point = points.setdefault(place_key, PlacePoint(place_key, name, country, lat, lon, gazetteer_id))
        point.by_type[claim_type] = count
    return sorted(points.values(), key=lambda point: (-point.claims, point.name))
