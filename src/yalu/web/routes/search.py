"""Search across documents (full text, ranked) and claims (words in their quotes)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from yalu.store import search_documents
from yalu.store.claim_queries import ClaimFilter, FoundClaims, find_claims
from yalu.store.tables import DocumentRow
from yalu.web.auth import Viewer, current_viewer
from yalu.web.pages import page, respond
from yalu.web.schemas import ClaimPublic, claim_public
from yalu.web.state import db

router = APIRouter(tags=["search"], dependencies=[Depends(current_viewer)])
DOCUMENTS_SHOWN = 20
CLAIMS_SHOWN = 50


class SnippetPart(BaseModel):
    text: str
    match: bool


class DocumentHit(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: list[SnippetPart]


class SearchPage(BaseModel):
    q: str
    documents: list[DocumentHit]
    claims: list[ClaimPublic]
    total_claims: int


def _hidden_documents(session: Session, ids: list[str]) -> set[str]:
    query = select(DocumentRow.external_id).where(DocumentRow.external_id.in_(ids), DocumentRow.sensitive)
    return set(session.scalars(query))


@page(router, "/search", SearchPage)
def read_search(
    request: Request,
    viewer: Annotated[Viewer, Depends(current_viewer)],
    session: Annotated[Session, Depends(db)],
    q: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    q = q.strip()
    hits = search_documents(session, q, limit=DOCUMENTS_SHOWN) if q else []
    hidden = set() if viewer.sees_sensitive else _hidden_documents(session, [hit.document_id for hit in hits])
    quoted = ClaimFilter(text=q, include_sensitive=viewer.sees_sensitive)
    claims = find_claims(session, quoted, limit=CLAIMS_SHOWN) if q else FoundClaims([], 0)
    data = SearchPage(
        q=q,
        documents=[
            DocumentHit(
                id=hit.document_id,
                title=hit.title,
                outlet=hit.outlet,
                published=hit.published,
                snippet=[SnippetPart(text=text, match=match) for text, match in hit.snippet_parts()],
            )
            for hit in hits
            if hit.document_id not in hidden
        ],
        claims=[claim_public(row) for row in claims.rows],
        total_claims=claims.total,
    )
    return respond(request, "search.html", data)
