"""The report button: the cited report ``yalu report`` writes, as a download.

A reader who may not see sensitive documents always gets the public
edition, built without them; a signed-in user may ask for it too.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import Field
from sqlalchemy.orm import Session

from yalu.extract.places import load_gazetteer
from yalu.report.build import ReportScope, build_report
from yalu.report.render import ReportFormat, render_html, render_markdown, render_pdf
from yalu.web.analysis import analysis_inputs
from yalu.web.auth import Viewer, current_viewer
from yalu.web.forms import ISO_DATE, WebInput
from yalu.web.routes.places import resolve_place
from yalu.web.state import db

router = APIRouter(tags=["reports"], dependencies=[Depends(current_viewer)])
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "md": "text/markdown; charset=utf-8",
}


class ReportQuery(WebInput):
    place: str | None = Field(
        default=None, max_length=200, description="Gazetteer id or place name; places under it count too."
    )
    date_from: str | None = Field(default=None, pattern=ISO_DATE)
    date_to: str | None = Field(default=None, pattern=ISO_DATE)
    format: ReportFormat = "html"
    public: bool = Field(default=False, description="The public edition, without sensitive documents.")


@router.get(
    "/report",
    response_class=Response,
    responses={
        200: {
            "content": {media_type.split(";")[0]: {} for media_type in MEDIA_TYPES.values()},
            "description": "The report as a file; the Markdown one leaves out the charts.",
        }
    },
)
def download_report(
    request: Request,
    query: Annotated[ReportQuery, Query()],
    viewer: Annotated[Viewer, Depends(current_viewer)],
    session: Annotated[Session, Depends(db)],
) -> Response:
    """A report in which every figure cites its claims and every claim its source, as ``yalu report``."""
    public = query.public or not viewer.sees_sensitive
    place = resolve_place(load_gazetteer(), query.place).name if query.place else None
    inputs = analysis_inputs(request, session, include_sensitive=not public)
    report = build_report(inputs, ReportScope(place, query.date_from, query.date_to, public))
    if query.format == "pdf":
        content: bytes | str = render_pdf(report)
    elif query.format == "md":
        content = render_markdown(report)
    else:
        content = render_html(report)
    name = f"yalu-report{'-public' if public else ''}.{query.format}"
    return Response(
        content,
        media_type=MEDIA_TYPES[query.format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
