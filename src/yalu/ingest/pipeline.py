"""Storing what the readers parse: one transaction per document, duplicates skipped, copies linked.

The same original bytes again is a duplicate and a no-op (the store's unique
hash refuses it); the same story elsewhere is a near-duplicate, stored and
linked to the document it copies. A failure rolls back that one document and
the batch goes on.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from datasketch import LeanMinHash
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from yalu.errors import InputError
from yalu.ingest.files import collect_files, read_file
from yalu.ingest.neardup import Match, NearDuplicateIndex, from_bytes, signature, to_bytes
from yalu.ingest.parsed import Metadata, ParsedDocument, check_published
from yalu.store import DocumentRow, Store, add_document, find_same

Status = Literal["new", "duplicate", "near_duplicate", "failed"]
NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Outcome:
    """What became of one input: ``document_id`` is the stored (or already present) document's id,
    ``original_id`` the document a near-duplicate copies."""

    source: str
    status: Status
    size: int = 0
    document_id: str | None = None
    original_id: str | None = None
    similarity: float | None = None
    error: InputError | None = None


class Ingester:
    """Reads paths into one store; keeps the near-duplicate index warm across files of a batch."""

    def __init__(self, store: Store, *, max_file_size: int, metadata: Metadata | None = None) -> None:
        self.store = store
        self.max_file_size = max_file_size
        self.metadata = metadata
        self._index: NearDuplicateIndex | None = None

    def ingest(self, paths: Iterable[Path]) -> Iterator[Outcome]:
        """Every file under ``paths``; a path that does not exist is one failed outcome."""
        files, missing = collect_files(paths)
        for error in missing:
            yield Outcome(error.source, "failed", error=error)
        for path in files:
            yield from self.ingest_file(path)

    def ingest_file(self, path: Path) -> Iterator[Outcome]:
        for item in read_file(path, self.max_file_size):
            if isinstance(item, InputError):
                yield Outcome(item.source, "failed", error=item)
            else:
                yield self.ingest_document(item)

    def ingest_document(self, parsed: ParsedDocument) -> Outcome:
        if self.metadata is not None:
            parsed = parsed.with_metadata(self.metadata)
        try:
            check_published(parsed.source, parsed.published)
            return self._store(parsed)
        except InputError as error:
            return Outcome(parsed.source, "failed", parsed.size, error=error)

    def _store(self, parsed: ParsedDocument) -> Outcome:
        """Insert first, look up only when the store refuses: duplicates are rare, look-ups cost time."""
        sha256 = hashlib.sha256(parsed.original).hexdigest()
        external_id = parsed.external_id or _file_document_id(parsed.source, sha256)
        minhash = signature(parsed.text)
        match = self._near_duplicates().closest(minhash) if minhash is not None else None
        try:
            with self.store.transaction() as session:
                row = add_document(session, _row(parsed, external_id, minhash, match), parsed.original)
        except IntegrityError as error:
            return self._refused(parsed, sha256, external_id, error)
        if match is None:
            if minhash is not None:
                self._near_duplicates().add(row.id, external_id, minhash)
            return Outcome(parsed.source, "new", parsed.size, document_id=external_id)
        return Outcome(
            parsed.source,
            "near_duplicate",
            parsed.size,
            document_id=external_id,
            original_id=match.external_id,
            similarity=match.similarity,
        )

    def _refused(
        self, parsed: ParsedDocument, sha256: str, external_id: str, error: IntegrityError
    ) -> Outcome:
        """Why the store refused a document: the same content is there (a duplicate), or its id is taken."""
        with self.store.session() as session:
            same = find_same(session, sha256=sha256, external_id=external_id)
        for found_id, found_sha256 in same:
            if found_sha256 == sha256:
                return Outcome(parsed.source, "duplicate", parsed.size, document_id=found_id)
        problem = (
            f"id {external_id!r} is already in the store with other text"
            if same
            else f"could not be stored: {error.orig}"
        )
        return Outcome(parsed.source, "failed", parsed.size, error=InputError(parsed.source, problem))

    def _near_duplicates(self) -> NearDuplicateIndex:
        if self._index is None:
            self._index = NearDuplicateIndex()
            with self.store.session() as session:
                originals = session.execute(
                    select(DocumentRow.id, DocumentRow.external_id, DocumentRow.minhash).where(
                        DocumentRow.near_duplicate_of.is_(None), DocumentRow.minhash.is_not(None)
                    )
                )
                for row_id, external_id, minhash in originals:
                    self._index.add(row_id, external_id, from_bytes(minhash))
        return self._index


def _row(
    parsed: ParsedDocument, external_id: str, minhash: LeanMinHash | None, match: Match | None
) -> DocumentRow:
    """Material with no sign of publication (no URL, no outlet) is sensitive unless marked otherwise."""
    return DocumentRow(
        external_id=external_id,
        text=parsed.text,
        title=parsed.title,
        outlet=parsed.outlet,
        url=parsed.url,
        published=parsed.published,
        language=parsed.language,
        author=parsed.author,
        site=parsed.site,
        source_path=parsed.source,
        media_type=parsed.media_type,
        near_duplicate_of=match.row_id if match else None,
        similarity=match.similarity if match else None,
        sensitive=parsed.sensitive if parsed.sensitive is not None else not (parsed.url or parsed.outlet),
        minhash=to_bytes(minhash) if minhash is not None else None,
        extra=parsed.extra,
    )


def _file_document_id(source: str, sha256: str) -> str:
    """A readable id for a file: its name as a slug and the start of its hash (``dandong-3f2a91bc04de``)."""
    slug = NOT_SLUG.sub("-", Path(source).stem.lower()).strip("-")[:40] or "document"
    return f"{slug}-{sha256[:12]}"
