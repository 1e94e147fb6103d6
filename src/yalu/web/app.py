"""The workspace application: pages, their JSON twins, static assets, errors, security headers.

Everything the pages load is served from the package (``static/``), so the
workspace works on a machine with no network. The interactive OpenAPI page
is left out for the same reason (it loads from a CDN); ``/openapi.json``
describes the JSON.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from yalu import __version__
from yalu.config import Settings
from yalu.errors import AccessError, InputError, NotFoundError, YaluError
from yalu.extract.places import load_gazetteer
from yalu.store import Store, open_store
from yalu.web.auth import Forbidden, LoginRequired
from yalu.web.pages import render, wants_json
from yalu.web.routes import (
    claims,
    documents,
    estimates,
    findings,
    grades,
    overview,
    places,
    reports,
    review,
    search,
    session,
    users,
)
from yalu.web.secret import load_secret_key
from yalu.web.state import Workspace

ROUTERS = (
    session,
    overview,
    claims,
    documents,
    places,
    search,
    review,
    users,
    findings,
    estimates,
    reports,
    grades,
)
STATUS_OF_ERROR = {NotFoundError: 404, InputError: 422, AccessError: 409}


def create_app(settings: Settings, *, public: bool = False, store: Store | None = None) -> FastAPI:
    """The workspace over ``store`` (opened from ``settings`` when not given).

    ``public`` lets anyone read without logging in; sensitive documents and
    source details are then hidden from them, and nothing can be changed.
    """
    opened = store or open_store(settings.effective_database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        load_gazetteer()  # about a second; better at start-up than on someone's first click
        yield
        if store is None:
            opened.close()

    app = FastAPI(
        title="Yalu workspace",
        version=__version__,
        description="Evidence on North Korea's overseas labour: claims, documents, places, reviews, "
        "findings, estimates, grades and reports.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.workspace = Workspace(opened, settings, load_secret_key(settings), public)
    app.mount("/static", StaticFiles(packages=[("yalu.web", "static")]), name="static")
    for module in ROUTERS:
        app.include_router(module.router)
    _add_error_pages(app)
    app.middleware("http")(_security_headers(content_security_policy(settings.tile_url)))
    return app


def content_security_policy(tile_url: str | None) -> str:
    """Scripts and styles from this site only; images also from the tile server, when one is set."""
    images = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url)
        images += f" {parts.scheme}://{parts.netloc.replace('{s}', '*')}"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src {images}; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


def _security_headers(
    policy: str,
) -> Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]:
    async def add_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        if not request.url.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"  # pages may hold unpublished material
        return response

    return add_headers


def _error(request: Request, status: int, message: str) -> Response:
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return render(request, "error.html", {"status": status, "message": message}, status_code=status)


def _add_error_pages(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _error: LoginRequired) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": "login required"}, status_code=401)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, error: Forbidden) -> Response:
        return _error(request, 403, str(error))

    @app.exception_handler(YaluError)
    async def user_error(request: Request, error: YaluError) -> Response:
        status = next((code for kind, code in STATUS_OF_ERROR.items() if isinstance(error, kind)), 400)
        return _error(request, status, str(error))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        return _error(request, error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid_input(request: Request, error: RequestValidationError) -> Response:
        if wants_json(request):
            return await request_validation_exception_handler(request, error)
        problems = "; ".join(
            f"{'.'.join(str(part) for part in e['loc'][1:])}: {e['msg']}" for e in error.errors()
        )
        return _error(request, 422, f"invalid input: {problems}")
