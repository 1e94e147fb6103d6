"""Counts behind the overview and place pages: claims by type and status, by month, by place.

Each takes a :class:`ClaimFilter`, so a place page shows the same figures as
the overview for the claims at and under that place, and a shard of the store
(a range of documents) counts the same way as the whole. Rejected claims (and
so merged duplicates) are left out of the timeline and the map: an analyst has
said they are not evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yalu.store.claim_queries import ClaimFilter, claim_conditions, count_claims
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


# Claims and the largest worker count they report, by (month, claim type): the form in which parts add up.
MonthlyCounts = dict[tuple[str, str], tuple[int, int | None]]


def monthly_counts(session: Session, claim_filter: ClaimFilter) -> MonthlyCounts:
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
    return {(key, claim_type): (count, largest) for key, claim_type, count, largest in session.execute(query)}


def timeline_of(counts: MonthlyCounts) -> list[Month]:
    """The months in order, each with its claims by type and its largest count."""
    months: dict[str, Month] = {}
    for (key, claim_type), (count, largest) in sorted(counts.items()):
        month = months.setdefault(key, Month(month=key))
        month.claims[claim_type] = count
        if largest is not None:
            month.largest_count = max(largest, month.largest_count or 0)
    return list(months.values())


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
    are one point per name. Claims are counted, not place rows: a claim naming
    one place twice (as origin and destination, or by two spellings) counts once.
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
            func.count(ClaimPlaceRow.claim_id.distinct()),
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
    for key_value, name, country, lat, lon, gazetteer_id, claim_type, count in session.execute(query):
        point = points.setdefault(key_value, PlacePoint(key_value, name, country, lat, lon, gazetteer_id))
        point.by_type[claim_type] = count
    return _most_cited_first(points.values())


def _most_cited_first(points: Iterable[PlacePoint]) -> list[PlacePoint]:
    return sorted(points, key=lambda point: (-point.claims, point.name))


@dataclass
class Aggregates:
    """Everything the overview counts, for the claims of some documents; parts add up to the whole.

    ``claims`` and ``place_rows`` count every claim and place row of those
    documents, whatever the filter: totals that stop matching the store's
    reveal that something was deleted.
    """

    counts: dict[tuple[str, str], int]
    monthly: MonthlyCounts
    places: list[PlacePoint]
    claims: int = 0
    place_rows: int = 0

    @property
    def timeline(self) -> list[Month]:
        return timeline_of(self.monthly)


def aggregate(session: Session, claim_filter: ClaimFilter) -> Aggregates:
    """Counts, timeline and map of ``claim_filter``'s claims, with the totals of the documents it covers."""
    documents = ClaimFilter(document_range=claim_filter.document_range)
    place_rows = (
        select(func.count())
        .select_from(ClaimPlaceRow)
        .join(ClaimRow, ClaimRow.id == ClaimPlaceRow.claim_id)
        .where(*claim_conditions(documents))
    )
    return Aggregates(
        counts=counts_by_type_and_status(session, claim_filter),
        monthly=monthly_counts(session, claim_filter),
        places=place_points(session, claim_filter),
        claims=count_claims(session, documents),
        place_rows=session.scalar(place_rows) or 0,
    )


def combine(parts: Iterable[Aggregates]) -> Aggregates:
    """The aggregates of several disjoint sets of documents, as if counted together."""
    counts: dict[tuple[str, str], int] = {}
    monthly: MonthlyCounts = {}
    points: dict[str, PlacePoint] = {}
    claims = place_rows = 0
    for part in parts:
        for key, count in part.counts.items():
            counts[key] = counts.get(key, 0) + count
        for key, (count, largest) in part.monthly.items():
            known, known_largest = monthly.get(key, (0, None))
            larger = largest if known_largest is None or (largest or 0) > known_largest else known_largest
            monthly[key] = (known + count, larger)
        for point in part.places:
            merged = points.setdefault(point.key, replace(point, by_type={}))
            for claim_type, count in point.by_type.items():
                merged.by_type[claim_type] = merged.by_type.get(claim_type, 0) + count
        claims, place_rows = claims + part.claims, place_rows + part.place_rows
    return Aggregates(counts, monthly, _most_cited_first(points.values()), claims, place_rows)


class ClaimsVersion(NamedTuple):
    """What changes whenever the aggregates could: claims, their places, sensitive documents."""

    claims: int
    latest_update: datetime | None
    place_rows: int
    last_place_row: int | None
    sensitive_documents: int


def claims_version(session: Session) -> ClaimsVersion:
    """The store's :class:`ClaimsVersion`.

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
    row = session.execute(select(*(part.scalar_subquery() for part in parts))).one()
    return ClaimsVersion(*row)


def documents_changed_since(session: Session, updated_since: datetime, place_rows_after: int) -> set[int]:
    """Row ids of documents with a claim updated since a moment or given a place row after an id.

    Both are read from indexes. A re-extraction that only changes a claim's
    places leaves ``updated_at`` alone but always writes new place rows.
    """
    updated = select(ClaimRow.document_id).where(ClaimRow.updated_at >= updated_since)
    placed = (
        select(ClaimRow.document_id)
        .join(ClaimPlaceRow, ClaimPlaceRow.claim_id == ClaimRow.id)
        .where(ClaimPlaceRow.id > place_rows_after)
    )
    return set(session.scalars(updated.union(placed)))


def document_id_range(session: Session) -> tuple[int, int] | None:
    """The smallest and largest document row id, if there are documents."""
    first, last = session.execute(select(func.min(DocumentRow.id), func.max(DocumentRow.id))).one()
    return None if first is None else (first, last)
