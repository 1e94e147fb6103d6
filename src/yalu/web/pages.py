"""One view, two renderings: every page is HTML for people and JSON for scripts.

``@page(router, "/claims", ClaimsPage)`` registers a view at ``/claims.json``
(JSON, described in OpenAPI) and at ``/claims`` (HTML, or JSON when the
request's ``Accept`` prefers it). The view builds the page model once and
hands it to :func:`respond`, so both renderings always show the same thing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined
from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from yalu.web.slots import describe
from yalu.web.state import workspace
from yalu.web.vocabulary import vocabulary

View = TypeVar("View", bound=Callable[..., Any])
JSON_SUFFIX = ".json"


def web_link(url: str | None) -> str | None:
    """``url`` if it is an http(s) address, else ``None``: a "javascript:" URL is never made a link."""
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


ENVIRONMENT = Environment(
    loader=PackageLoader("yalu.web", "templates"),
    autoescape=True,  # every value is escaped; templates never mark document content safe
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
# Models to plain data for ``|tojson``, which then escapes <, > and & so the JSON is safe inside a page.
ENVIRONMENT.filters["plain"] = to_jsonable_python
ENVIRONMENT.filters["web_link"] = web_link
ENVIRONMENT.globals["describe"] = describe
TEMPLATES = Jinja2Templates(env=ENVIRONMENT)


def page(router: APIRouter, path: str, model: type[BaseModel], **options: Any) -> Callable[[View], View]:
    """Register ``view`` at ``path + ".json"`` (JSON, in OpenAPI) and at ``path`` (HTML or JSON by Accept)."""

    def register(view: View) -> View:
        router.add_api_route(path + JSON_SUFFIX, view, methods=["GET"], response_model=model, **options)
        router.add_api_route(
            path, view, methods=["GET"], response_class=HTMLResponse, include_in_schema=False, **options
        )
        return view

    return register


def wants_json(request: Request) -> bool:
    """The ``.json`` twin was asked for, or the client prefers JSON to HTML."""
    route = request.scope.get("route")
    if isinstance(route, APIRoute) and route.path.endswith(JSON_SUFFIX):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def respond(
    request: Request,
    template: str,
    data: BaseModel,
    *,
    status_code: int = 200,
    context: dict[str, Any] | None = None,
) -> Response:
    """``data`` as JSON, or rendered into ``template`` (``context`` adds what only the HTML needs)."""
    if wants_json(request):
        return JSONResponse(data.model_dump(mode="json"), status_code=status_code)
    return render(request, template, {"page": data, **(context or {})}, status_code=status_code)


def render(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> Response:
    ws = workspace(request)
    common = {
        "query_with": partial(query_with, request),
        "viewer": getattr(request.state, "viewer", None),
        "public": ws.public,
        "tile_url": ws.settings.tile_url,
        "vocabulary": vocabulary(),
    }
    return TEMPLATES.TemplateResponse(request, template, {**common, **context}, status_code=status_code)


def query_with(request: Request, **changes: object) -> str:
    """This page's query string with some parameters replaced (``None`` removes one), for links."""
    kept = [(key, value) for key, value in request.query_params.multi_items() if key not in changes]
    added = [(key, str(value)) for key, value in changes.items() if value is not None]
    return "?" + urlencode(kept + added)
