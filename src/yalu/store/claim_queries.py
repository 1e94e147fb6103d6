"""Finding claims for the workspace: filters, sorting and pages over the claims table.

Filters combine with AND. A place filter is a set of gazetteer ids (the place
and everything under it) and, for a country, its country code, so claims
placed only by country still count. Dates overlap rather than nest: a claim
dated "2025-09" matches a range that ends on 2025-09-10.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from sqlalchemy import ColumnElement, Select, String, cast, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, joinedload, selectinload

from yalu.store.tables import ClaimPlaceRow, ClaimRow, DocumentRow, EvidenceRow

QueryRow = TypeVar("QueryRow", bound=tuple[Any, ...])
ClaimSort = Literal["date", "-date", "type", "-count", "status", "published", "-updated"]
# Sorts after every date digit and the "-" between parts, so "2025-09" + this sorts after "2025-09-30":
# a bound or claim given to the month then covers every day of it.
DATE_END_PAD = "~"


@dataclass(frozen=True)
class ClaimFilter:
    """What an analyst narrowed the claims down to; empty fields do not filter.

    Hashable (tuples only), so aggregates can be cached per filter.
    """

    types: tuple[str, ...] = ()
    modality: str | None = None
    statuses: tuple[str, ...] = ()
    place_ids: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    sector: str | None = None
    indicator: str | None = None
    outlet: str | None = None
    text: str | None = None
    document_id: int | None = None
    document_range: tuple[int, int] | None = None
    """Documents by row id, from the first up to but not including the second: a shard of the store."""
    include_sensitive: bool = True
    exclude_ids: tuple[str, ...] = ()


def claim_conditions(claim_filter: ClaimFilter) -> list[ColumnElement[bool]]:
    """The WHERE conditions of ``claim_filter`` over ``ClaimRow``; other tables are asked through IN."""
    f = claim_filter
    conditions: list[ColumnElement[bool]] = []
    if f.types:
        conditions.append(ClaimRow.type.in_(list(f.types)))
    if f.modality:
        conditions.append(ClaimRow.modality == f.modality)
    if f.statuses:
        conditions.append(ClaimRow.status.in_(list(f.statuses)))
    if f.place_ids or f.countries:
        conditions.append(_placed_in(f.place_ids, f.countries))
    if f.date_to:
        conditions.append(ClaimRow.date_start <= f.date_to + DATE_END_PAD)
    if f.date_from:
        claim_end = func.coalesce(ClaimRow.date_end, ClaimRow.date_start) + DATE_END_PAD
        conditions.append(claim_end >= f.date_from)
    if f.sector:
        conditions.append(_json_list_holds(ClaimRow.sectors, f.sector))
    if f.indicator:
        conditions.append(_json_list_holds(ClaimRow.indicators, f.indicator))
    if f.outlet or not f.include_sensitive:
        conditions.append(_document_matches(f.outlet, f.include_sensitive, f.document_range))
    if f.text:
        quoted = select(EvidenceRow.claim_id).where(EvidenceRow.quote.icontains(f.text, autoescape=True))
        conditions.append(ClaimRow.id.in_(quoted))
    if f.document_id is not None:
        conditions.append(ClaimRow.document_id == f.document_id)
    if f.document_range is not None:
        conditions.append(ClaimRow.document_id.between(f.document_range[0], f.document_range[1] - 1))
    if f.exclude_ids:
        conditions.append(ClaimRow.id.not_in(list(f.exclude_ids)))
    return conditions


def _placed_in(place_ids: Collection[str], countries: Collection[str]) -> ColumnElement[bool]:
    """Claims citing one of the places; an IN over the indexed claim_places, not a test per claim."""
    where = []
    if place_ids:
        where.append(ClaimPlaceRow.gazetteer_id.in_(list(place_ids)))
    if countries:
        where.append(ClaimPlaceRow.country.in_(list(countries)))
    return ClaimRow.id.in_(select(ClaimPlaceRow.claim_id).where(or_(*where)))


def _json_list_holds(column: InstrumentedAttribute[list[str]], value: str) -> ColumnElement[bool]:
    """Whether a JSON list of words holds ``value``; the quotes keep "it" from matching "fruit"."""
    return cast(column, String).contains(f'"{value}"', autoescape=True)


def _document_matches(
    outlet: str | None, include_sensitive: bool, document_range: tuple[int, int] | None
) -> ColumnElement[bool]:
    """Claims of the documents that match; within a shard, only its documents are looked at."""
    where: list[ColumnElement[bool]] = []
    if document_range is not None:
        where.append(DocumentRow.id.between(document_range[0], document_range[1] - 1))
    if outlet:
        where.append(DocumentRow.outlet == outlet)
    if not include_sensitive:
        where.append(DocumentRow.sensitive.is_(False))
    return ClaimRow.document_id.in_(select(DocumentRow.id).where(*where))


# What a list of claims shows: quotes, places and the document's heading, not its whole text.
LISTING = (
    selectinload(ClaimRow.evidence),
    selectinload(ClaimRow.places),
    joinedload(ClaimRow.document).load_only(
        DocumentRow.external_id,
        DocumentRow.title,
        DocumentRow.outlet,
        DocumentRow.published,
        DocumentRow.sensitive,
    ),
)


def _ordered(query: Select[QueryRow], sort: ClaimSort) -> Select[QueryRow]:
    if sort == "published":
        published = (
            select(DocumentRow.published).where(DocumentRow.id == ClaimRow.document_id).scalar_subquery()
        )
        return query.order_by(published.desc().nulls_last(), ClaimRow.id)
    orders = {
        "date": (ClaimRow.date_start.desc().nulls_last(), ClaimRow.id),
        "-date": (ClaimRow.date_start.asc().nulls_last(), ClaimRow.id),
        "type": (ClaimRow.type, ClaimRow.date_start.desc().nulls_last(), ClaimRow.id),
        "-count": (func.coalesce(ClaimRow.count_max, ClaimRow.count_min).desc().nulls_last(), ClaimRow.id),
        "status": (ClaimRow.status, ClaimRow.created_at, ClaimRow.id),
        "-updated": (ClaimRow.updated_at.desc(), ClaimRow.id),
    }
    return query.order_by(*orders[sort])


@dataclass(frozen=True)
class FoundClaims:
    rows: list[ClaimRow]
    total: int
    """How many claims match in all, not just on this page."""


def find_claims(
    session: Session, claim_filter: ClaimFilter, *, sort: ClaimSort = "date", limit: int = 50, offset: int = 0
) -> FoundClaims:
    """One page of matching claims (evidence, places and document loaded) and the number matching.

    The total rides along as a window count, so the filter is evaluated once, not once more to count.
    """
    total = func.count().over().label("total")
    query = select(ClaimRow, total).where(*claim_conditions(claim_filter))
    query = _ordered(query, sort).limit(limit).offset(offset).options(*LISTING)
    found = session.execute(query).all()
    if found:
        return FoundClaims([row for row, _ in found], found[0].total)
    return FoundClaims([], count_claims(session, claim_filter) if offset else 0)


def count_claims(session: Session, claim_filter: ClaimFilter) -> int:
    query = select(func.count()).select_from(ClaimRow).where(*claim_conditions(claim_filter))
    return session.scalar(query) or 0


def get_claim(session: Session, claim_id: str) -> ClaimRow | None:
    query = (
        select(ClaimRow)
        .where(ClaimRow.id == claim_id)
        .options(
            selectinload(ClaimRow.evidence), selectinload(ClaimRow.places), joinedload(ClaimRow.document)
        )
    )
    return session.scalar(query)


def outlets(session: Session) -> list[str]:
    """Every outlet named by a document, for the outlet filter's choices."""
    query = (
        select(DocumentRow.outlet)
        .where(DocumentRow.outlet.is_not(None))
        .distinct()
        .order_by(DocumentRow.outlet)
    )
    return [outlet for outlet in session.scalars(query) if outlet]
