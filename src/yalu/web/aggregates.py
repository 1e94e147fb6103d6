"""The overview's counts, kept up to date shard by shard instead of recounted after every change.

Counting 100,000 claims by type, month and place takes a few hundred
milliseconds; a review changes one claim. So the counts are kept per shard of
documents (a range of row ids), and when the store has changed only the shards
holding changed documents are counted again: documents with a claim updated
since the last count (less a grace period, for a transaction that stamped its
rows before committing) or with new place rows (re-extraction replaces them).
If the shards then no longer add up to the store's totals of claims and place
rows, something was deleted unseen, and every shard is counted again; so is
everything when a document is marked sensitive or public.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import timedelta

from sqlalchemy.orm import Session

from yalu.store.aggregates import (
    Aggregates,
    ClaimsVersion,
    aggregate,
    claims_version,
    combine,
    document_id_range,
    documents_changed_since,
)
from yalu.store.claim_queries import ClaimFilter

SHARD_DOCUMENTS = 256
# Claims are written one document per transaction (extraction, review), each over in well under this.
GRACE = timedelta(seconds=10)


@dataclass(frozen=True)
class _Counted:
    version: ClaimsVersion
    shards: dict[int, Aggregates]
    total: Aggregates


class ShardedAggregates:
    """:class:`Aggregates` per claim filter, the last ``size`` filters asked for."""

    def __init__(self, size: int = 8) -> None:
        self.size = size
        self._entries: OrderedDict[ClaimFilter, _Counted] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, session: Session, claim_filter: ClaimFilter) -> Aggregates:
        """The aggregates of ``claim_filter`` as the store holds them now.

        Requests wait for one another here, so two of them never count the same shard twice.
        """
        version = claims_version(session)
        with self._lock:
            counted = self._entries.get(claim_filter)
            if counted is None or counted.version != version:
                counted = _recount(session, claim_filter, counted, version)
                self._entries[claim_filter] = counted
            self._entries.move_to_end(claim_filter)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
            return counted.total


def _recount(
    session: Session, claim_filter: ClaimFilter, counted: _Counted | None, version: ClaimsVersion
) -> _Counted:
    shards = _changed_shards(session, counted, version)
    if shards is None:
        return _count_all(session, claim_filter, version)
    kept = counted.shards if counted else {}
    fresh = {**kept, **{shard: _count_shard(session, claim_filter, shard) for shard in shards}}
    total = combine(fresh[shard] for shard in sorted(fresh))
    if (total.claims, total.place_rows) != (version.claims, version.place_rows):
        return _count_all(session, claim_filter, version)
    return _Counted(version, fresh, total)


def _changed_shards(session: Session, counted: _Counted | None, version: ClaimsVersion) -> set[int] | None:
    """The shards to count again, or ``None`` when only counting everything will do."""
    if counted is None or counted.version.sensitive_documents != version.sensitive_documents:
        return None
    before = counted.version
    since = before.latest_update - GRACE if before.latest_update else None
    if since is None:
        return None
    changed = documents_changed_since(session, since, before.last_place_row or 0)
    return {document // SHARD_DOCUMENTS for document in changed}


def _count_all(session: Session, claim_filter: ClaimFilter, version: ClaimsVersion) -> _Counted:
    ids = document_id_range(session)
    shards = range(ids[0] // SHARD_DOCUMENTS, ids[1] // SHARD_DOCUMENTS + 1) if ids else range(0)
    counted = {shard: _count_shard(session, claim_filter, shard) for shard in shards}
    return _Counted(version, counted, combine(counted[shard] for shard in shards))


def _count_shard(session: Session, claim_filter: ClaimFilter, shard: int) -> Aggregates:
    first = shard * SHARD_DOCUMENTS
    return aggregate(session, replace(claim_filter, document_range=(first, first + SHARD_DOCUMENTS)))
