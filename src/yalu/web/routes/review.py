"""Reviewing claims: the queue of machine suggestions, and confirm, reject, correct, note, merge, undo.

Every action needs the analyst or admin role and a CSRF token. A form post
is answered with a redirect to the claim's page (which shows the change in
its history); a client that accepts JSON gets the claim's page as JSON.
"""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from yalu.errors import NotFoundError
from yalu.extract.places import load_gazetteer
from yalu.store import reviews
from yalu.store.convert import claim_to_model
from yalu.store.workspace_tables import ClaimMergeRow
from yalu.web.auth import Viewer, analyst, reviewer
from yalu.web.corrections import ClaimCorrection, corrected_claim
from yalu.web.forms import WebInput
from yalu.web.pages import page, respond, wants_json
from yalu.web.routes.claims import CLAIM_ID, claim_page, visible_claim
from yalu.web.schemas import ClaimPage, ClaimPublic, claim_public
from yalu.web.state import db, workspace

router = APIRouter(tags=["review"])
ClaimId = Annotated[str, Path(pattern=CLAIM_ID)]
Reviewer = Annotated[Viewer, Depends(reviewer)]


class QueuePage(BaseModel):
    waiting: int
    by_type: dict[str, int]
    claims: list[ClaimPublic]
    page: int
    pages: int


@page(router, "/review", QueuePage)
def read_queue(
    request: Request,
    viewer: Annotated[Viewer, Depends(analyst)],
    session: Annotated[Session, Depends(db)],
    page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(ge=10, le=200)] = 50,
) -> Response:
    """Machine suggestions waiting for an analyst, oldest first."""
    by_type = reviews.waiting_by_type(session)
    waiting = sum(by_type.values())
    rows = reviews.waiting_claims(session, limit=per_page, offset=(page_number - 1) * per_page)
    data = QueuePage(
        waiting=waiting,
        by_type=by_type,
        claims=[claim_public(row) for row in rows],
        page=page_number,
        pages=max(1, math.ceil(waiting / per_page)),
    )
    return respond(request, "queue.html", data)


class NoteForm(WebInput):
    note: str | None = Field(default=None, max_length=4000)


class RequiredNoteForm(WebInput):
    note: str = Field(min_length=1, max_length=4000)


class MergeForm(WebInput):
    into: str = Field(pattern=CLAIM_ID, description="Id of the claim this one duplicates.")


def _answer(request: Request, session: Session, claim_id: str, viewer: Viewer) -> Response:
    if wants_json(request):
        row = visible_claim(session, claim_id, viewer)
        return JSONResponse(claim_page(session, row).model_dump(mode="json"))
    return RedirectResponse(f"/claims/{claim_id}", status_code=303)


def _set_status(request: Request, claim_id: str, viewer: Viewer, status: str, note: str | None) -> Response:
    with workspace(request).store.transaction() as session:
        row = visible_claim(session, claim_id, viewer)
        reviews.set_status(session, row, viewer.account_id, status, note)
        return _answer(request, session, claim_id, viewer)


@router.post("/claims/{claim_id}/confirm", response_model=ClaimPage)
def confirm_claim(
    request: Request, claim_id: ClaimId, viewer: Reviewer, form: Annotated[NoteForm, Form()]
) -> Response:
    return _set_status(request, claim_id, viewer, "confirmed", form.note)


@router.post("/claims/{claim_id}/reject", response_model=ClaimPage)
def reject_claim(
    request: Request, claim_id: ClaimId, viewer: Reviewer, form: Annotated[NoteForm, Form()]
) -> Response:
    return _set_status(request, claim_id, viewer, "rejected", form.note)


@router.post("/claims/{claim_id}/correct", response_model=ClaimPage)
def correct_claim(
    request: Request, claim_id: ClaimId, viewer: Reviewer, form: Annotated[ClaimCorrection, Form()]
) -> Response:
    with workspace(request).store.transaction() as session:
        row = visible_claim(session, claim_id, viewer)
        claim = corrected_claim(form, claim_to_model(row, row.document.external_id), load_gazetteer())
        reviews.correct(session, row, viewer.account_id, claim, form.note)
        return _answer(request, session, claim_id, viewer)


@router.post("/claims/{claim_id}/notes", response_model=ClaimPage)
def add_note(
    request: Request, claim_id: ClaimId, viewer: Reviewer, form: Annotated[RequiredNoteForm, Form()]
) -> Response:
    with workspace(request).store.transaction() as session:
        row = visible_claim(session, claim_id, viewer)
        reviews.add_note(session, row, viewer.account_id, form.note)
        return _answer(request, session, claim_id, viewer)


@router.post("/claims/{claim_id}/merge", response_model=ClaimPage)
def merge_claim(
    request: Request, claim_id: ClaimId, viewer: Reviewer, form: Annotated[MergeForm, Form()]
) -> Response:
    """Mark this claim as a duplicate of ``into``: one fact, reported twice."""
    with workspace(request).store.transaction() as session:
        duplicate = visible_claim(session, claim_id, viewer)
        kept = visible_claim(session, form.into, viewer)
        reviews.merge(session, kept, duplicate, viewer.account_id)
        return _answer(request, session, kept.id, viewer)


@router.post("/merges/{merge_id}/undo", response_model=ClaimPage)
def undo_merge(request: Request, merge_id: Annotated[int, Path(ge=1)], viewer: Reviewer) -> Response:
    with workspace(request).store.transaction() as session:
        record = session.get(ClaimMergeRow, merge_id)
        if record is None:
            raise NotFoundError(f"no merge with id {merge_id}")
        visible_claim(session, record.kept_id, viewer)
        reviews.undo_merge(session, record, viewer.account_id)
        return _answer(request, session, record.kept_id, viewer)
