"""Tables of the analyst workspace: accounts, login sessions, the review history, merges.

They sit beside the evidence tables of ``tables.py`` on the same metadata;
the revisions ``0002_workspace`` and ``0004_workspace_indexes`` create exactly
these (change both together).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from yalu.store.tables import Base, ClaimPlaceRow, ClaimRow, DocumentRow, utc_now

ROLES = ("viewer", "analyst", "admin")
REVIEW_ACTIONS = ("confirm", "reject", "correct", "note", "merge", "unmerge")

# Indexes the workspace's pages need on the evidence tables (revisions 0002 and 0004 create them).
# The review queue lists waiting claims oldest first; without this index that is a sort of every claim.
Index("ix_claims_status_created", ClaimRow.status, ClaimRow.created_at)
# Covering indexes: the overview's counts and timeline read these instead of 100,000 wide rows.
Index("ix_claims_type_status", ClaimRow.type, ClaimRow.status)
Index(
    "ix_claims_timeline",
    ClaimRow.type,
    ClaimRow.date_start,
    ClaimRow.status,
    ClaimRow.count_min,
    ClaimRow.count_max,
)
# The map reads places in this order and looks up each claim's status and type without the row;
# place filters start from the places.
Index(
    "ix_claim_places_map",
    ClaimPlaceRow.gazetteer_id,
    ClaimPlaceRow.name,
    ClaimPlaceRow.claim_id,
    ClaimPlaceRow.country,
    ClaimPlaceRow.lat,
    ClaimPlaceRow.lon,
)
Index("ix_claims_id_status_type", ClaimRow.id, ClaimRow.status, ClaimRow.type)
Index("ix_claim_places_country_claim", ClaimPlaceRow.country, ClaimPlaceRow.claim_id)
# The store version reads the newest change and the sensitive count.
Index("ix_claims_updated_at", ClaimRow.updated_at)
Index("ix_documents_sensitive", DocumentRow.sensitive)


class UserRow(Base):
    """An account; disabled rather than deleted, so the review history keeps naming who did what."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ({})".format(", ".join(f"'{r}'" for r in ROLES)), name="ck_users_role"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    last_login_at: Mapped[datetime | None]


class SessionRow(Base):
    """A login; only the token's hash is kept, so a copy of the database does not log anyone in."""

    __tablename__ = "sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    expires_at: Mapped[datetime]

    user: Mapped[UserRow] = relationship()


class ClaimEventRow(Base):
    """One review action on a claim with the claim before and after it.

    ``claim_id`` is deliberately not a foreign key: if re-extraction drops a
    suggestion an analyst had annotated, the history stays, and reappears
    when the claim (with its stable id) comes back.
    """

    __tablename__ = "claim_events"
    __table_args__ = (
        CheckConstraint(
            "action IN ({})".format(", ".join(f"'{a}'" for a in REVIEW_ACTIONS)),
            name="ck_claim_events_action",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[str] = mapped_column(String(64), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(12))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)

    user: Mapped[UserRow] = relationship()


class ClaimMergeRow(Base):
    """Two claims found to be one fact: ``merged_id`` is shown as part of ``kept_id`` until undone.

    The statuses both claims had before the merge are kept so undoing it puts them back.
    """

    __tablename__ = "claim_merges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kept_id: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    merged_id: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    kept_status: Mapped[str] = mapped_column(String(12))
    merged_status: Mapped[str] = mapped_column(String(12))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    undone_at: Mapped[datetime | None]
    undone_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
