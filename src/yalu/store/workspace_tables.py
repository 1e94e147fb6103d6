"""Tables of the analyst workspace: accounts, login sessions, the review history, merges.

They sit beside the evidence tables of ``tables.py`` on the same metadata;
the revision ``0002_workspace`` creates exactly these (change both together).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from yalu.store.tables import Base, ClaimRow, utc_now

ROLES = ("viewer", "analyst", "admin")
REVIEW_ACTIONS = ("confirm", "reject", "correct", "note", "merge", "unmerge")

# The review queue lists waiting claims oldest first; without this index that is a sort of every claim.
Index("ix_claims_status_created", ClaimRow.status, ClaimRow.created_at)
# The claims table is usually sorted by date within a filter.
Index("ix_claims_type_date", ClaimRow.type, ClaimRow.date_start)


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
