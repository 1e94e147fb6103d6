"""Logging in and out.

The login form has its own CSRF token, bound to a short-lived signed cookie,
so another site cannot log a browser into an account of its choosing.
Failed logins are throttled per name and address (429 with Retry-After).
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from yalu.accounts import authenticate, end_session, start_session
from yalu.accounts.sessions import SESSION_LIFETIME
from yalu.web.auth import (
    LOGIN_COOKIE,
    SESSION_COOKIE,
    Forbidden,
    csrf_checked,
    csrf_token,
    set_cookie,
    signed,
    signed_in_viewer,
    unsigned,
)
from yalu.web.pages import page, respond, wants_json
from yalu.web.state import workspace

router = APIRouter(tags=["session"])
LOGIN_FORM_SECONDS = 3600


class LoginPage(BaseModel):
    csrf_token: str
    next: str
    error: str | None = None


class LoginForm(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1024)
    csrf_token: str = Field(max_length=128)
    next: str = Field(default="/", max_length=2000)


class SignedIn(BaseModel):
    name: str
    role: str
    csrf_token: str


def safe_next(target: str) -> str:
    """Only a path on this site, so a crafted link cannot bounce a fresh login to another site."""
    if target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


def _login_page(request: Request, next_path: str, error: str | None, status_code: int) -> Response:
    """The login form with a fresh form token, and the cookie that token is bound to."""
    ws = workspace(request)
    nonce = secrets.token_urlsafe(24)
    data = LoginPage(csrf_token=csrf_token(ws, "login", nonce), next=safe_next(next_path), error=error)
    response = respond(request, "login.html", data, status_code=status_code)
    set_cookie(response, LOGIN_COOKIE, signed(ws, "login", nonce), LOGIN_FORM_SECONDS)
    return response


@page(router, "/login", LoginPage)
def login_form(request: Request, next: Annotated[str, Query(max_length=2000)] = "/") -> Response:
    request.state.viewer = signed_in_viewer(request)
    return _login_page(request, next, None, 200)


@router.post("/login", response_model=SignedIn, responses={401: {}, 403: {}, 429: {}})
def login(request: Request, form: Annotated[LoginForm, Form()]) -> Response:
    ws = workspace(request)
    nonce = unsigned(ws, "login", request.cookies.get(LOGIN_COOKIE))
    if nonce is None or not secrets.compare_digest(form.csrf_token, csrf_token(ws, "login", nonce)):
        raise Forbidden("the login form expired or did not come from this site; reload it and try again")
    key = (form.name.casefold(), request.client.host if request.client else "")
    wait = ws.throttle.retry_after(key)
    if wait is not None:
        return _refused(request, form.next, f"too many failed logins; try again in {wait} seconds", 429, wait)
    with ws.store.transaction() as session:
        user = authenticate(session, form.name, form.password)
        token = start_session(session, user) if user else None
    if user is None or token is None:
        ws.throttle.failed(key)
        return _refused(request, form.next, "wrong name or password", 401, None)
    ws.throttle.succeeded(key)
    if wants_json(request):
        response: Response = JSONResponse(
            SignedIn(name=user.name, role=user.role, csrf_token=csrf_token(ws, "session", token)).model_dump()
        )
    else:
        response = RedirectResponse(safe_next(form.next), status_code=303)
    set_cookie(response, SESSION_COOKIE, signed(ws, "session", token), int(SESSION_LIFETIME.total_seconds()))
    response.delete_cookie(LOGIN_COOKIE, path="/")
    return response


def _refused(request: Request, next_path: str, error: str, status_code: int, wait: int | None) -> Response:
    if wants_json(request):
        response: Response = JSONResponse({"detail": error}, status_code=status_code)
    else:
        response = _login_page(request, next_path, error, status_code)
    if wait is not None:
        response.headers["Retry-After"] = str(wait)
    return response


@router.post(
    "/logout", status_code=303, response_class=RedirectResponse, dependencies=[Depends(csrf_checked)]
)
def logout(request: Request) -> Response:
    ws = workspace(request)
    token = unsigned(ws, "session", request.cookies.get(SESSION_COOKIE))
    if token:
        with ws.store.transaction() as session:
            end_session(session, token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", secure=True, httponly=True, samesite="lax")
    return response
