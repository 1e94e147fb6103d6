"""Saving a document's extracted claims without undoing an analyst's review.

Extraction may run again and again over the same document (new rules, better
gazetteer); claims keep their stable ids, so a re-run updates what it found
before, drops machine suggestions it no longer finds, and leaves every claim an
analyst confirmed, rejected or corrected exactly as the analyst left it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from yalu.model import Claim, Evidence, PlaceRef
from yalu.store.convert import claim_from_columns, claim_from_model, claim_to_model, place_to_model
from yalu.store.documents import get_document
from yalu.store.tables import ClaimPlaceRow, ClaimRow, DocumentRow, EvidenceRow, utc_now


@dataclass(frozen=True)
class SavedClaims:
    added: int
    updated: int
    removed: int
    kept_reviewed: int


def save_claims(session: Session, document_id: str, claims: Sequence[Claim]) -> SavedClaims:
    """Store ``claims`` as the extraction of the document with external id ``document_id``.

    Claims sharing an id are one claim (same type, same anchoring quote); the
    last one given wins. A new suggestion anchored where an analyst already
    reviewed a claim of its type (its id changed with a renamed rule, say) is
    not suggested again.
    """
    document = get_document(session, document_id)
    existing = {row.id: row for row in document.claims}
    reviewed = {_anchor(row.type, row.evidence) for row in existing.values() if row.status != "suggested"}
    wanted = {claim.id: claim for claim in claims}
    added = updated = kept = 0
    for claim_id, claim in wanted.items():
        row = existing.get(claim_id)
        if row is None and _anchor(claim.type, claim.evidence) in reviewed:
            kept += 1
        elif row is None:
            document.claims.append(claim_from_model(claim, ClaimRow(status="suggested")))
            added += 1
        elif row.status == "suggested":
            claim_from_model(claim, row)
            updated += 1
        else:
            kept += 1
    stale = [
        row for claim_id, row in existing.items() if claim_id not in wanted and row.status == "suggested"
    ]
    for row in stale:
        document.claims.remove(row)
    document.extracted_at = utc_now()
    session.flush()
    return SavedClaims(added=added, updated=updated, removed=len(stale), kept_reviewed=kept)


def _anchor(claim_type: str, evidence: Sequence[Evidence | EvidenceRow]) -> tuple[object, ...]:
    """Where a claim stands in its document: its type and its first quote's span."""
    first = min(evidence, key=lambda e: e.start, default=None)
    return (claim_type, first.start, first.end) if first else (claim_type,)


def load_claims(session: Session, document_id: str) -> list[Claim]:
    """Every claim of a document, whatever its review status, in the order of their first quote."""
    document = get_document(session, document_id)
    rows = session.scalars(
        select(ClaimRow)
        .where(ClaimRow.document_id == document.id)
        .options(selectinload(ClaimRow.evidence), selectinload(ClaimRow.places))
    )
    claims = [claim_to_model(row, document.external_id) for row in rows]
    return sorted(claims, key=lambda c: (c.evidence[0].start if c.evidence else -1, c.type))


def live_claims(session: Session, *, include_sensitive: bool = True) -> list[tuple[Claim, str]]:
    """Every claim not rejected, with its review status, by document and claim id.

    Analysis reads the whole store at once, so the three tables are read as
    plain rows, not mapped objects: at 100,000 claims building those cost more
    than the claims themselves.
    """
    live = ClaimRow.status != "rejected"
    if not include_sensitive:
        live = live & DocumentRow.sensitive.is_(False)
    claims = session.execute(
        select(ClaimRow.__table__, DocumentRow.external_id.label("external_id"))
        .join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
        .where(live)
        .order_by(ClaimRow.document_id, ClaimRow.id)
    ).all()
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for row in session.execute(_parts_of_live_claims(EvidenceRow, live)):
        evidence[row.claim_id].append(Evidence(start=row.start, end=row.end, quote=row.quote))
    places: dict[str, list[PlaceRef]] = defaultdict(list)
    for row in session.execute(_parts_of_live_claims(ClaimPlaceRow, live)):
        places[row.claim_id].append(place_to_model(row))
    return [
        (
            claim_from_columns(row, row.external_id, places.get(row.id, []), evidence.get(row.id, [])),
            row.status,
        )
        for row in claims
    ]


def _parts_of_live_claims(table: type[EvidenceRow] | type[ClaimPlaceRow], live: Any) -> Select[Any]:
    return (
        select(table.__table__)
        .join(ClaimRow, table.claim_id == ClaimRow.id)
        .join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
        .where(live)
        .order_by(table.claim_id, table.ordinal)
    )
