"""Counts behind the overview and place pages: claims by type and status, by month, by place.

Each takes a :class:`ClaimFilter`, so a place page shows the same figures as
the overview for the claims at and under that place. Rejected claims (and so
merged duplicates) are left out of the timeline and the map: an analyst has
said they are not evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from yalu.model import CLAIM_TYPES
from yalu.store.claim_queries import ClaimFilter, claim_conditions
from yalu.store.tables import ClaimPlaceRow, ClaimRow, DocumentRow

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
    are one point per name. Counting each type with a sum, grouped in the
    order of an index, spares SQLite a sort of every claim-place pair; the
    price is that a claim naming one place twice (in two roles) counts twice.
    """
    per_type = [func.sum(case((ClaimRow.type == claim_type, 1), else_=0)) for claim_type in CLAIM_TYPES]
    query = (
        select(
            ClaimPlaceRow.gazetteer_id,
            ClaimPlaceRow.name,
            func.min(ClaimPlaceRow.country),
            func.avg(ClaimPlaceRow.lat),
            func.avg(ClaimPlaceRow.lon),
            *per_type,
        )
        .join(ClaimRow, ClaimRow.id == ClaimPlaceRow.claim_id)
        .where(
            *claim_conditions(claim_filter),
            ClaimRow.status != "rejected",
            ClaimPlaceRow.lat.is_not(None),
            ClaimPlaceRow.lon.is_not(None),
        )
        .group_by(ClaimPlaceRow.gazetteer_id, ClaimPlaceRow.name)
    )
    points: dict[str, PlacePoint] = {}
    for gazetteer_id, name, country, lat, lon, *counts in session.execute(query).tuples():
        key = gazetteer_id or name
        point = points.setdefault(key, PlacePoint(key, name, country, lat, lon, gazetteer_id))
        for claim_type, count in zip(CLAIM_TYPES, counts, strict=True):
            if count:
                point.by_type[claim_type] = point.by_type.get(claim_type, 0) + count
    return sorted(points.values(), key=lambda point: (-point.claims, point.name))


def claims_version(session: Session) -> tuple[object, ...]:
    """A value that changes whenever the aggregates above could: claims, their places, sensitive documents.

    Reviews and re-extraction touch ``updated_at`` or add place rows; removals
    lower a count. Each part is read from an index, so this costs milliseconds
    where the aggregates cost a scan.
    """
    parts = (
        select(func.count()).select_from(ClaimRow),
        select(func.max(ClaimRow.updated_at)),
        select(func.count()).select_from(ClaimPlaceRow),
        select(func.max(ClaimPlaceRow.id)),
        select(func.count()).select_from(DocumentRow).where(DocumentRow.sensitive.is_(True)),
    )
    return tuple(session.execute(select(*(part.scalar_subquery() for part in parts))).one())
