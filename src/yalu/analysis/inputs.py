"""What analysis reads from the store: live claims, their documents, and analysts' grades.

Every command and page that corroborates, estimates or reports loads its
evidence here, so they agree on what counts: claims an analyst rejected (or
merged into another) are not evidence; a corrected claim counts as corrected,
which is how the store holds it; sensitive documents are left out of anything
meant for the public, and a copy whose original is left out stands on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from yalu.analysis.analyst_grades import analyst_grades
from yalu.analysis.assumptions import assumptions
from yalu.analysis.dates import Span, claim_span, iso_span
from yalu.analysis.documents import DocumentInfo
from yalu.analysis.geography import contains, places_named
from yalu.analysis.grading import Grade
from yalu.errors import NotFoundError, YaluError
from yalu.extract.places import load_gazetteer
from yalu.model import Claim, PlaceRef
from yalu.store.claims import live_claims
from yalu.store.convert import document_to_model
from yalu.store.tables import DocumentRow

REVIEWED = ("confirmed", "corrected")


@dataclass(frozen=True)
class AnalysisInputs:
    """Claims with the documents they come from; ``reviewed`` and ``grades`` are keyed by ``Claim.id``,
    which for a stored claim is the id the store keeps it under."""

    claims: list[Claim]
    documents: dict[str, DocumentInfo]
    titles: dict[str, str | None]
    sensitive: frozenset[str]
    reviewed: frozenset[str]
    grades: dict[str, Grade]

    def within(
        self, place: PlaceRef | None = None, start: str | None = None, end: str | None = None
    ) -> AnalysisInputs:
        """Only the claims about ``place`` (or somewhere in it) that speak of days from ``start`` to ``end``.

        A claim without places of its own (wage claims have none) is placed by
        the places its quotes name. Estimates take the unfiltered inputs: a
        report from before the range still informs it.
        """
        tests: list[Callable[[Claim], bool]] = []
        if place is not None:
            tests.append(lambda claim: any(contains(place, p) for p in places_of(claim)))
        if start or end:
            wanted = _range(start, end)
            tests.append(lambda claim: (span := self._span(claim)) is not None and span.overlaps(wanted))
        return replace(self, claims=[c for c in self.claims if all(test(c) for test in tests)])

    def _span(self, claim: Claim) -> Span | None:
        document = self.documents.get(claim.document_id)
        published = document.published if document else None
        return claim_span(claim, published, assumptions().undated_window_days)


def load_inputs(session: Session, *, include_sensitive: bool = True) -> AnalysisInputs:
    """Every live claim in the store, and its document; without sensitive documents when asked."""
    query = select(DocumentRow)
    if not include_sensitive:
        query = query.where(DocumentRow.sensitive.is_(False))
    rows = list(session.scalars(query))
    external = {row.id: row.external_id for row in rows}
    documents = {
        row.external_id: DocumentInfo.from_document(
            document_to_model(row), external.get(row.near_duplicate_of) if row.near_duplicate_of else None
        )
        for row in rows
    }
    live = live_claims(session, include_sensitive=include_sensitive)
    claims = [claim for claim, _ in live]
    reviewed = {claim.id for claim, status in live if status in REVIEWED}
    return AnalysisInputs(
        claims=claims,
        documents=documents,
        titles={row.external_id: row.title for row in rows},
        sensitive=frozenset(row.external_id for row in rows if row.sensitive),
        reviewed=frozenset(reviewed),
        grades=analyst_grades(session, claims, documents),
    )


def resolve_place(name: str, country: str | None = None) -> PlaceRef:
    """A place a user named, as the gazetteer knows it; a name it does not know is a user error."""
    gazetteer = load_gazetteer()
    found = gazetteer.lookup(name, country.upper() if country else None)
    if found is None:
        where = f" in {country.upper()}" if country else ""
        raise NotFoundError(f"no place named {name!r}{where} in the gazetteer")
    return gazetteer.place_ref(found)


def places_of(claim: Claim) -> list[PlaceRef]:
    """A claim's places, else the places its quotes name (wage and condition claims often have none)."""
    return claim.places or [p for e in claim.evidence for p in places_named(e.quote)]


def _range(start: str | None, end: str | None) -> Span:
    span = Span(iso_span(start).first if start else date.min, iso_span(end).last if end else date.max)
    if span.last < span.first:
        raise YaluError(f"the range ends ({end}) before it starts ({start})")
    return span
