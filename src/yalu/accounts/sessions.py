"""Login sessions kept in the store, so logging out or disabling an account ends them at once."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from yalu.store.tables import utc_now
from yalu.store.workspace_tables import SessionRow, UserRow

SESSION_LIFETIME = timedelta(hours=12)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(session: Session, user: UserRow) -> str:
    """A new random session token for ``user``; the caller hands it to the browser."""
    token = secrets.token_urlsafe(32)
    now = utc_now()
    session.add(
        SessionRow(
            token_hash=_hash(token), user_id=user.id, created_at=now, expires_at=now + SESSION_LIFETIME
        )
    )
    session.execute(delete(SessionRow).where(SessionRow.expires_at < now))
    return token


def user_for_token(session: Session, token: str) -> UserRow | None:
    """The active user a live session token belongs to, if any."""
    query = (
        select(UserRow)
        .join(SessionRow, SessionRow.user_id == UserRow.id)
        .where(
            SessionRow.token_hash == _hash(token), SessionRow.expires_at > utc_now(), UserRow.active.is_(True)
        )
    )
    return session.scalar(query)


def end_session(session: Session, token: str) -> None:
    session.execute(delete(SessionRow).where(SessionRow.token_hash == _hash(token)))
