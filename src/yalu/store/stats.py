"""What the store holds, in the numbers an analyst checks first."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from yalu.store.tables import ClaimRow, DocumentRow, OriginalRow


@dataclass(frozen=True)
class StoreStats:
    documents: int
    near_duplicates: int
    sensitive: int
    extracted: int
    originals: int
    original_bytes: int
    claims_by_type: dict[str, int]
    claims_by_status: dict[str, int]
    outlets: list[tuple[str, int]]
    """Outlets by number of documents, most first; documents without an outlet are left out."""


def store_stats(session: Session, top_outlets: int = 10) -> StoreStats:
    def count(*conditions: ColumnElement[bool]) -> int:
        return session.scalar(select(func.count(DocumentRow.id)).where(*conditions)) or 0

    originals, original_bytes = session.execute(
        select(func.count(OriginalRow.sha256), func.coalesce(func.sum(OriginalRow.size), 0))
    ).one()
    outlet_count = func.count(DocumentRow.id)
    outlets = session.execute(
        select(DocumentRow.outlet, outlet_count)
        .where(DocumentRow.outlet.is_not(None))
        .group_by(DocumentRow.outlet)
        .order_by(outlet_count.desc(), DocumentRow.outlet)
        .limit(top_outlets)
    )
    return StoreStats(
        documents=count(),
        near_duplicates=count(DocumentRow.near_duplicate_of.is_not(None)),
        sensitive=count(DocumentRow.sensitive.is_(True)),
        extracted=count(DocumentRow.extracted_at.is_not(None)),
        originals=originals,
        original_bytes=int(original_bytes),
        claims_by_type=_claims_by(session, ClaimRow.type),
        claims_by_status=_claims_by(session, ClaimRow.status),
        outlets=[(outlet, number) for outlet, number in outlets],
    )


def _claims_by(session: Session, column: InstrumentedAttribute[str]) -> dict[str, int]:
    rows = session.execute(select(column, func.count()).group_by(column).order_by(column))
    return {key: number for key, number in rows}
