"""Workspace accounts: adding them, changing their role, disabling them, checking a password.

Passwords are stored as argon2id hashes only. Accounts are disabled, never
deleted, so the review history can always say who made a change.
"""

from __future__ import annotations

import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from yalu.errors import AccessError, NotFoundError
from yalu.store.tables import utc_now
from yalu.store.workspace_tables import ROLES, SessionRow, UserRow

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}")
MIN_PASSWORD_LENGTH = 12
HASHER = PasswordHasher()
# Checked when a name is unknown, so a login takes as long whether or not the account exists.
UNKNOWN_USER_HASH = HASHER.hash(secrets.token_urlsafe(16))


def generate_password() -> str:
    """A random password of about 128 bits, safe to read out or paste."""
    return secrets.token_urlsafe(16)


def add_user(session: Session, name: str, role: str, password: str) -> UserRow:
    """Create an active account; the caller shows ``password`` once, since only its hash is kept."""
    if not NAME.fullmatch(name):
        raise AccessError(
            f"user name {name!r}: use 1–100 letters, digits, '.', '_', '@' or '-', "
            "starting with a letter or digit"
        )
    check_role(role)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccessError(
            f"password for {name!r} is too short: use at least {MIN_PASSWORD_LENGTH} characters"
        )
    if session.scalar(select(UserRow).where(UserRow.name == name)) is not None:
        raise AccessError(f"user {name!r} already exists")
    user = UserRow(name=name, role=role, password_hash=HASHER.hash(password), active=True)
    session.add(user)
    session.flush()
    return user


def check_role(role: str) -> None:
    if role not in ROLES:
        raise AccessError(f"role {role!r} is not one of {', '.join(ROLES)}")


def get_user(session: Session, name: str) -> UserRow:
    user = session.scalar(select(UserRow).where(UserRow.name == name))
    if user is None:
        raise NotFoundError(f"no user named {name!r}")
    return user


def list_users(session: Session) -> list[UserRow]:
    return list(session.scalars(select(UserRow).order_by(UserRow.name)))


def has_admin(session: Session) -> bool:
    """Whether someone can manage accounts; the demo creates the first admin when nobody can."""
    query = select(UserRow.id).where(UserRow.role == "admin", UserRow.active.is_(True)).limit(1)
    return session.scalar(query) is not None


def set_role(session: Session, name: str, role: str) -> UserRow:
    check_role(role)
    user = get_user(session, name)
    user.role = role
    return user


def set_active(session: Session, name: str, active: bool) -> UserRow:
    """Enable or disable an account; disabling also ends its open sessions at once."""
    user = get_user(session, name)
    user.active = active
    if not active:
        session.execute(delete(SessionRow).where(SessionRow.user_id == user.id))
    return user


def authenticate(session: Session, name: str, password: str) -> UserRow | None:
    """The active account ``name`` if ``password`` is its password, else ``None`` (never saying why)."""
    user = session.scalar(select(UserRow).where(UserRow.name == name))
    try:
        HASHER.verify(user.password_hash if user else UNKNOWN_USER_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = HASHER.hash(password)
    user.last_login_at = utc_now()
    return user
