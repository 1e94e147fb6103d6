"""The evidence store's tables, as SQLAlchemy 2 typed declarative models.

Originals live in the database next to the documents made from them, so a
document and its original are written in one transaction on every backend and
the store never holds half an ingest. The migrations in ``migrations/versions``
create exactly these tables; change both together.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

CLAIM_STATUSES = ("suggested", "confirmed", "rejected", "corrected")


def utc_now() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC on both backends: SQLite drops the zone, PostgreSQL keeps it."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[str]: JSON,
    }


class OriginalRow(Base):
    """The exact bytes a document came from, addressed by their SHA-256 so they can be re-checked."""

    __tablename__ = "originals"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100))


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str] = mapped_column(String(200), unique=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("originals.sha256"), unique=True)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    language: Mapped[str | None] = mapped_column(String(16))
    author: Mapped[str | None] = mapped_column(Text)
    site: Mapped[str | None] = mapped_column(Text)
    source_path: Mapped[str | None] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(100))
    ingested_at: Mapped[datetime] = mapped_column(default=utc_now)
    near_duplicate_of: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    similarity: Mapped[float | None] = mapped_column(Float)
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    extracted_at: Mapped[datetime | None]
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)

    original: Mapped[OriginalRow] = relationship()
    near_duplicate: Mapped[DocumentRow | None] = relationship(remote_side=[id])
    claims: Mapped[list[ClaimRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )


class ClaimRow(Base):
    """A claim; ``status`` records the analyst's review, which re-extraction must never undo."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint(
            "status IN ({})".format(", ".join(f"'{s}'" for s in CLAIM_STATUSES)), name="ck_claims_status"
        ),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    modality: Mapped[str] = mapped_column(String(10))
    count_min: Mapped[int | None]
    count_max: Mapped[int | None]
    count_text: Mapped[str | None] = mapped_column(Text)
    per_group: Mapped[bool] = mapped_column(Boolean, default=False)
    date_start: Mapped[str | None] = mapped_column(String(10), index=True)
    date_end: Mapped[str | None] = mapped_column(String(10), index=True)
    date_precision: Mapped[str | None] = mapped_column(String(10))
    date_text: Mapped[str | None] = mapped_column(Text)
    money: Mapped[dict[str, Any] | None]
    sectors: Mapped[list[str]] = mapped_column(default=list)
    indicators: Mapped[list[str]] = mapped_column(default=list)
    incident: Mapped[str | None] = mapped_column(String(20))
    actor: Mapped[str | None] = mapped_column(String(20))
    organizations: Mapped[list[str]] = mapped_column(default=list)
    rule: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(12), default="suggested", index=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)

    document: Mapped[DocumentRow] = relationship(back_populates="claims")
    evidence: Mapped[list[EvidenceRow]] = relationship(
        order_by="EvidenceRow.ordinal", cascade="all, delete-orphan", passive_deletes=True
    )
    places: Mapped[list[ClaimPlaceRow]] = relationship(
        order_by="ClaimPlaceRow.ordinal", cascade="all, delete-orphan", passive_deletes=True
    )


class EvidenceRow(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int]
    start: Mapped[int]
    end: Mapped[int]
    quote: Mapped[str] = mapped_column(Text)


class ClaimPlaceRow(Base):
    __tablename__ = "claim_places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int]
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(12))
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    gazetteer_id: Mapped[str | None] = mapped_column(String(100))
    precision: Mapped[str | None] = mapped_column(String(10))
    text: Mapped[str | None] = mapped_column(Text)
