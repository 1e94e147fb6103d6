"""An analyst's review of machine claims: confirm, reject, correct, annotate, merge, undo a merge.

Every action is one ``claim_events`` row naming who and when, with the claim
before and after, so the history shown on a claim is the whole story. Any
status other than "suggested" marks a claim as reviewed, and
``save_claims`` never touches a reviewed claim again.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, joinedload

from yalu.errors import AccessError
from yalu.model import Claim
from yalu.store.claim_queries import LISTING
from yalu.store.convert import claim_from_model, claim_to_model
from yalu.store.tables import ClaimRow, utc_now
from yalu.store.workspace_tables import ClaimEventRow, ClaimMergeRow

WAITING = "suggested"


def snapshot(row: ClaimRow) -> dict[str, Any]:
    """What a review can change: the status and every slot (quotes are the claim's anchor and stay)."""
    claim = claim_to_model(row, row.document.external_id)
    return {
        "status": row.status,
        **claim.model_dump(mode="json", exclude={"document_id", "evidence", "rule"}),
    }


def _record(
    session: Session,
    row: ClaimRow,
    user_id: int,
    action: str,
    before: dict[str, Any] | None,
    note: str | None,
) -> ClaimEventRow:
    after = snapshot(row) if before is not None else None
    event = ClaimEventRow(
        claim_id=row.id, user_id=user_id, action=action, before=before, after=after, note=note
    )
    session.add(event)
    session.flush()
    return event


def set_status(
    session: Session, row: ClaimRow, user_id: int, status: str, note: str | None = None
) -> ClaimEventRow:
    """Confirm or reject a claim as it stands."""
    action = {"confirmed": "confirm", "rejected": "reject"}[status]
    before = snapshot(row)
    row.status = status
    return _record(session, row, user_id, action, before, note)


def correct(
    session: Session, row: ClaimRow, user_id: int, corrected: Claim, note: str | None = None
) -> ClaimEventRow:
    """Replace the claim's slots with ``corrected``'s, keeping its id and quotes.

    The id stays even when the type changes: it is how re-extraction finds
    this claim again and leaves the correction alone. A correction that
    changes nothing is recorded as a confirmation.
    """
    before = snapshot(row)
    evidence = claim_to_model(row, row.document.external_id).evidence
    kept = {"evidence": evidence, "rule": row.rule, "stored_id": row.id}
    claim_from_model(corrected.model_copy(update=kept), row)
    unchanged = {**snapshot(row), "status": before["status"]} == before
    row.status = "confirmed" if unchanged else "corrected"
    return _record(session, row, user_id, "confirm" if unchanged else "correct", before, note)


def add_note(session: Session, row: ClaimRow, user_id: int, note: str) -> ClaimEventRow:
    return _record(session, row, user_id, "note", None, note)


def active_merge_of(session: Session, claim_id: str) -> ClaimMergeRow | None:
    """The live merge that folded ``claim_id`` into another claim, if any."""
    query = select(ClaimMergeRow).where(
        ClaimMergeRow.merged_id == claim_id, ClaimMergeRow.undone_at.is_(None)
    )
    return session.scalar(query)


def merge(session: Session, kept: ClaimRow, merged: ClaimRow, user_id: int) -> ClaimMergeRow:
    """Fold ``merged`` into ``kept`` as one fact: ``merged`` is rejected as a duplicate, ``kept`` confirmed.

    Chains are refused (undo the earlier merge first), so undoing is always one step.
    """
    if kept.id == merged.id:
        raise AccessError("a claim cannot be merged with itself")
    for row in (kept, merged):
        if active_merge_of(session, row.id) is not None:
            raise AccessError(f"claim {row.id} is already merged into another claim; undo that merge first")
    if merges_into(session, merged.id):
        raise AccessError(f"claims are merged into {merged.id}; undo those merges before merging it")
    record = ClaimMergeRow(
        kept_id=kept.id,
        merged_id=merged.id,
        kept_status=kept.status,
        merged_status=merged.status,
        user_id=user_id,
    )
    session.add(record)
    before_kept, before_merged = snapshot(kept), snapshot(merged)
    merged.status = "rejected"
    if kept.status == WAITING:
        kept.status = "confirmed"
    _record(session, kept, user_id, "merge", before_kept, f"merged {merged.id} into this claim")
    _record(session, merged, user_id, "merge", before_merged, f"merged into {kept.id}")
    return record


def undo_merge(session: Session, record: ClaimMergeRow, user_id: int) -> None:
    """Put both claims back to the statuses they had before the merge."""
    if record.undone_at is not None:
        raise AccessError(f"merge {record.id} was already undone")
    kept, merged = session.get_one(ClaimRow, record.kept_id), session.get_one(ClaimRow, record.merged_id)
    before_kept, before_merged = snapshot(kept), snapshot(merged)
    merged.status = record.merged_status
    if record.kept_status == WAITING and kept.status == "confirmed":
        kept.status = WAITING
    record.undone_at, record.undone_by = utc_now(), user_id
    _record(session, kept, user_id, "unmerge", before_kept, f"undid merge of {merged.id}")
    _record(session, merged, user_id, "unmerge", before_merged, f"no longer merged into {kept.id}")


def merges_into(session: Session, claim_id: str) -> list[ClaimMergeRow]:
    """Live merges that folded other claims into ``claim_id``."""
    query = select(ClaimMergeRow).where(ClaimMergeRow.kept_id == claim_id, ClaimMergeRow.undone_at.is_(None))
    return list(session.scalars(query.order_by(ClaimMergeRow.created_at)))


def merges_involving(session: Session, claim_id: str) -> list[ClaimMergeRow]:
    """Every merge, live or undone, that this claim took part in, newest first."""
    query = select(ClaimMergeRow).where(
        or_(ClaimMergeRow.kept_id == claim_id, ClaimMergeRow.merged_id == claim_id)
    )
    return list(session.scalars(query.order_by(ClaimMergeRow.created_at.desc(), ClaimMergeRow.id.desc())))


def history(session: Session, claim_id: str) -> list[ClaimEventRow]:
    """The claim's review events, oldest first, with who made each."""
    query = (
        select(ClaimEventRow)
        .where(ClaimEventRow.claim_id == claim_id)
        .options(joinedload(ClaimEventRow.user))
        .order_by(ClaimEventRow.created_at, ClaimEventRow.id)
    )
    return list(session.scalars(query))


def waiting_claims(session: Session, *, limit: int, offset: int) -> list[ClaimRow]:
    """Machine suggestions no analyst has reviewed yet, oldest first."""
    query = (
        select(ClaimRow)
        .where(ClaimRow.status == WAITING)
        .order_by(ClaimRow.created_at, ClaimRow.id)
        .limit(limit)
        .offset(offset)
        .options(*LISTING)
    )
    return list(session.scalars(query))


def waiting_by_type(session: Session) -> dict[str, int]:
    query = select(ClaimRow.type, func.count()).where(ClaimRow.status == WAITING).group_by(ClaimRow.type)
    return {claim_type: count for claim_type, count in session.execute(query).tuples()}
