"""Who is asking, what they may do, and proof that a change came from the workspace's own pages.

A browser holds a signed, HttpOnly, SameSite=Lax cookie with a random session
token; the session itself lives in the store, so logging out or disabling an
account ends it at once. Every state-changing request carries a CSRF token
(form field or ``X-CSRF-Token`` header) derived from that session, so another
site cannot make a signed-in browser review claims.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from fastapi import Depends, Request
from fastapi.responses import Response
from itsdangerous import BadSignature, Signer

from yalu.accounts import user_for_token
from yalu.web.state import Workspace, workspace

SESSION_COOKIE = "yalu_session"
LOGIN_COOKIE = "yalu_login"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
REVIEWER_ROLES = ("analyst", "admin")


class LoginRequired(Exception):
    """No signed-in user and the instance is not public."""


class Forbidden(Exception):
    """Signed in, or public, but not allowed to do this; the message says why."""


@dataclass(frozen=True)
class Viewer:
    """A signed-in user, or an anonymous reader of an instance started with ``--public``."""

    name: str | None = None
    role: str | None = None
    user_id: int | None = None
    csrf_token: str = ""

    @property
    def signed_in(self) -> bool:
        return self.user_id is not None

    @property
    def can_review(self) -> bool:
        return self.role in REVIEWER_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def account_id(self) -> int:
        """The signed-in user's id, for recording who made a change."""
        if self.user_id is None:
            raise Forbidden("sign in first")
        return self.user_id

    @property
    def sees_sensitive(self) -> bool:
        """Unpublished documents and source details are for signed-in users only."""
        return self.signed_in


def csrf_token(ws: Workspace, purpose: str, token: str) -> str:
    """A token bound to one browser's session (or login form), which another site cannot read or guess."""
    message = f"{purpose}|{token}".encode()
    return hmac.new(ws.secret_key.encode(), message, hashlib.sha256).hexdigest()


def _signer(ws: Workspace, purpose: str) -> Signer:
    return Signer(ws.secret_key, salt=f"yalu.{purpose}")


def signed(ws: Workspace, purpose: str, value: str) -> str:
    return _signer(ws, purpose).sign(value).decode()


def unsigned(ws: Workspace, purpose: str, cookie: str | None) -> str | None:
    if not cookie:
        return None
    try:
        return _signer(ws, purpose).unsign(cookie).decode()
    except BadSignature:
        return None


def set_cookie(response: Response, name: str, value: str, max_age: int) -> None:
    """Secure, HttpOnly, SameSite=Lax: sent over HTTPS (or loopback) only, never readable by scripts."""
    response.set_cookie(name, value, max_age=max_age, httponly=True, secure=True, samesite="lax", path="/")


def current_viewer(request: Request) -> Viewer:
    """The signed-in user; an anonymous reader when the instance is public; else :class:`LoginRequired`."""
    viewer = signed_in_viewer(request)
    if viewer is None:
        if not workspace(request).public:
            raise LoginRequired()
        viewer = Viewer()
    request.state.viewer = viewer  # for the page header, error pages included
    return viewer


def signed_in_viewer(request: Request) -> Viewer | None:
    ws = workspace(request)
    token = unsigned(ws, "session", request.cookies.get(SESSION_COOKIE))
    if not token:
        return None
    with ws.store.session() as session:
        user = user_for_token(session, token)
    return None if user is None else Viewer(user.name, user.role, user.id, csrf_token(ws, "session", token))


async def csrf_checked(request: Request, viewer: Viewer = Depends(current_viewer)) -> Viewer:
    """The viewer, once the request proves it came from one of their pages."""
    sent = request.headers.get(CSRF_HEADER) or (await request.form()).get(CSRF_FIELD)
    if not (viewer.csrf_token and isinstance(sent, str) and hmac.compare_digest(sent, viewer.csrf_token)):
        raise Forbidden("missing or wrong CSRF token; reload the page and try again")
    return viewer


def analyst(viewer: Viewer = Depends(current_viewer)) -> Viewer:
    if not viewer.can_review:
        raise Forbidden("reviewing and grading claims need the analyst or admin role")
    return viewer


def reviewer(viewer: Viewer = Depends(csrf_checked)) -> Viewer:
    return analyst(viewer)


def admin(viewer: Viewer = Depends(current_viewer)) -> Viewer:
    if not viewer.is_admin:
        raise Forbidden("managing users needs the admin role")
    return viewer


def admin_change(viewer: Viewer = Depends(csrf_checked)) -> Viewer:
    return admin(viewer)
