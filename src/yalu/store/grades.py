"""Analysts' source grades: one per outlet, and one per claim where an analyst judged it alone.

The defaults come from ``analysis/data/sources.yaml`` and are the same for every
store; these rows hold what analysts decided for this store's evidence, so the
estimates, reports and workspace all weigh claims the same way. A claim grade
is keyed by claim id without a foreign key, like the review history, so it
survives re-extraction dropping a suggestion and finding it again. The
revision ``0003_source_grades`` creates exactly these tables.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, String, Text, delete, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from yalu.errors import NotFoundError
from yalu.store.tables import Base, ClaimRow, utc_now

RELIABILITY_CHECK = "reliability IN ('A', 'B', 'C', 'D', 'E', 'F')"
CREDIBILITY_CHECK = "credibility BETWEEN 1 AND 6"


class OutletGradeRow(Base):
    """An outlet's reliability, and optionally the credibility of everything it publishes."""

    __tablename__ = "outlet_grades"
    __table_args__ = (
        CheckConstraint(RELIABILITY_CHECK, name="ck_outlet_grades_reliability"),
        CheckConstraint(CREDIBILITY_CHECK, name="ck_outlet_grades_credibility"),
    )

    outlet: Mapped[str] = mapped_column(String(200), primary_key=True)
    reliability: Mapped[str] = mapped_column(String(1))
    credibility: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class ClaimGradeRow(Base):
    """One claim's grade; a scale left empty keeps the outlet's or the default."""

    __tablename__ = "claim_grades"
    __table_args__ = (
        CheckConstraint(RELIABILITY_CHECK, name="ck_claim_grades_reliability"),
        CheckConstraint(CREDIBILITY_CHECK, name="ck_claim_grades_credibility"),
        CheckConstraint(
            "reliability IS NOT NULL OR credibility IS NOT NULL", name="ck_claim_grades_something"
        ),
    )

    claim_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    reliability: Mapped[str | None] = mapped_column(String(1))
    credibility: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


def save_outlet_grade(
    session: Session, outlet: str, reliability: str, credibility: int | None, note: str | None
) -> OutletGradeRow:
    """Set the grade of ``outlet`` (named as the catalogue names it), replacing any earlier one."""
    row = session.get(OutletGradeRow, outlet) or OutletGradeRow(outlet=outlet)
    row.reliability, row.credibility, row.note = reliability, credibility, note
    session.add(row)
    session.flush()
    return row


def save_claim_grade(
    session: Session, claim_id: str, reliability: str | None, credibility: int | None, note: str | None
) -> ClaimGradeRow:
    """Set the grade of a stored claim, replacing any earlier one; an unknown id is a user error."""
    if session.get(ClaimRow, claim_id) is None:
        raise NotFoundError(f"no claim with id {claim_id!r} in the store")
    row = session.get(ClaimGradeRow, claim_id) or ClaimGradeRow(claim_id=claim_id)
    row.reliability, row.credibility, row.note = reliability, credibility, note
    session.add(row)
    session.flush()
    return row


def delete_outlet_grade(session: Session, outlet: str) -> None:
    """Go back to the catalogue's default for ``outlet``."""
    if session.execute(delete(OutletGradeRow).where(OutletGradeRow.outlet == outlet)).rowcount == 0:  # type: ignore[attr-defined]
        raise NotFoundError(f"no analyst grade for outlet {outlet!r}")


def delete_claim_grade(session: Session, claim_id: str) -> None:
    if session.execute(delete(ClaimGradeRow).where(ClaimGradeRow.claim_id == claim_id)).rowcount == 0:  # type: ignore[attr-defined]
        raise NotFoundError(f"no analyst grade for claim {claim_id!r}")


def outlet_grades(session: Session) -> list[OutletGradeRow]:
    return list(session.scalars(select(OutletGradeRow).order_by(OutletGradeRow.outlet)))


def claim_grades(session: Session) -> list[ClaimGradeRow]:
    return list(session.scalars(select(ClaimGradeRow).order_by(ClaimGradeRow.claim_id)))


def grades_version(session: Session) -> tuple[object, ...]:
    """Changes whenever an analyst sets or clears a grade; results weighed by grades are kept till then."""
    parts = (
        select(func.count()).select_from(OutletGradeRow),
        select(func.max(OutletGradeRow.updated_at)),
        select(func.count()).select_from(ClaimGradeRow),
        select(func.max(ClaimGradeRow.updated_at)),
    )
    return tuple(session.execute(select(*(part.scalar_subquery() for part in parts))).one())
