"""What the workspace's pages show, as the JSON their ``.json`` twins return (and OpenAPI describes).

Models are named for their role: ``…Public`` is one record as a reader may
see it, ``…Page`` is everything one page shows. Builders from store rows
live here too, so HTML and JSON can never disagree. A field a public reader
may not see is ``None`` in their copy.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from yalu.model import Count, DateRange, Evidence, Money, PlaceRef
from yalu.store.convert import claim_to_model
from yalu.store.tables import ClaimRow, DocumentRow
from yalu.store.workspace_tables import ClaimEventRow, ClaimMergeRow, UserRow


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None


class ClaimPublic(BaseModel):
    """A claim with its quotes; ``status`` "suggested" means a machine suggestion no analyst has checked."""

    id: str
    document: DocumentSummary
    type: str
    modality: str
    status: str
    count: Count | None
    per_group: bool
    date: DateRange | None
    places: list[PlaceRef]
    sectors: list[str]
    indicators: list[str]
    incident: str | None
    actor: str | None
    organizations: list[str]
    money: Money | None
    evidence: list[Evidence]
    rule: str | None
    created_at: datetime
    updated_at: datetime


def document_summary(row: DocumentRow) -> DocumentSummary:
    return DocumentSummary(id=row.external_id, title=row.title, outlet=row.outlet, published=row.published)


def claim_public(row: ClaimRow) -> ClaimPublic:
    claim = claim_to_model(row, row.document.external_id)
    slots = claim.model_dump(exclude={"document_id"})
    return ClaimPublic(
        id=row.id,
        document=document_summary(row.document),
        status=row.status,
        created_at=row.created_at,
        updated_at=row.updated_at,
        **slots,
    )


class DocumentPublic(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    language: str | None
    site: str | None
    author: str | None
    source_path: str | None
    media_type: str
    sha256: str
    size: int
    ingested_at: datetime
    extracted_at: datetime | None
    sensitive: bool
    near_duplicate_of: str | None
    similarity: float | None
    text: str


def document_public(row: DocumentRow, sees_sensitive: bool) -> DocumentPublic:
    """Author and the local file path are source details: hidden from public readers."""
    return DocumentPublic(
        id=row.external_id,
        title=row.title,
        outlet=row.outlet,
        url=row.url,
        published=row.published,
        language=row.language,
        site=row.site,
        author=row.author if sees_sensitive else None,
        source_path=row.source_path if sees_sensitive else None,
        media_type=row.media_type,
        sha256=row.sha256,
        size=row.original.size,
        ingested_at=row.ingested_at,
        extracted_at=row.extracted_at,
        sensitive=row.sensitive,
        near_duplicate_of=row.near_duplicate.external_id if row.near_duplicate else None,
        similarity=row.similarity,
        text=row.text,
    )


class TextSegment(BaseModel):
    """A run of the document's text and the claims whose quotes cover all of it (none: plain text)."""

    start: int
    text: str
    claims: list[str]


class DocumentPage(BaseModel):
    document: DocumentPublic
    segments: list[TextSegment]
    claims: list[ClaimPublic]
    active_claim: str | None


class FieldChange(BaseModel):
    field: str
    before: Any
    after: Any


class ClaimEventPublic(BaseModel):
    action: str
    user: str
    at: datetime
    note: str | None
    changes: list[FieldChange]
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def claim_event_public(row: ClaimEventRow) -> ClaimEventPublic:
    before, after = row.before or {}, row.after or {}
    changes = [
        FieldChange(field=key, before=before.get(key), after=after.get(key))
        for key in after
        if before.get(key) != after.get(key)
    ]
    return ClaimEventPublic(
        action=row.action,
        user=row.user.name,
        at=row.created_at,
        note=row.note,
        changes=changes,
        before=row.before,
        after=row.after,
    )


class MergePublic(BaseModel):
    id: int
    kept_id: str
    merged_id: str
    at: datetime
    undone_at: datetime | None


def merge_public(row: ClaimMergeRow) -> MergePublic:
    return MergePublic(
        id=row.id, kept_id=row.kept_id, merged_id=row.merged_id, at=row.created_at, undone_at=row.undone_at
    )


class ClaimPage(BaseModel):
    claim: ClaimPublic
    history: list[ClaimEventPublic]
    merges: list[MergePublic]
    merged_into: str | None


class UserPublic(BaseModel):
    name: str
    role: str
    active: bool
    created_at: datetime
    last_login_at: datetime | None


def user_public(row: UserRow) -> UserPublic:
    return UserPublic(
        name=row.name,
        role=row.role,
        active=row.active,
        created_at=row.created_at,
        last_login_at=row.last_login_at,
    )
