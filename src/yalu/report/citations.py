"""Numbers for the sources and claims a report cites, so every figure can point at its evidence.

Sources [1], [2] ... are the documents, in order of publication; claims C1,
C2 ... are numbered in the order of their sources, so a claim's number tells
roughly when it was published. Quotes are published, so each passes through
:func:`~yalu.analysis.sources.redact_sources`: a description of an anonymous
source becomes "[source withheld]".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlparse

from yalu.analysis.corroborate import claim_date_label
from yalu.analysis.grading import grade_claims
from yalu.analysis.inputs import AnalysisInputs
from yalu.analysis.sources import redact_sources
from yalu.model import Claim
from yalu.report.labels import TYPE_LABELS, figure_label, places_label

QUOTE_JOINER = " … "


@dataclass(frozen=True)
class Source:
    number: int
    document_id: str
    outlet: str | None
    published: str | None
    title: str | None
    url: str | None
    sensitive: bool

    @property
    def link(self) -> str | None:
        """The URL when it is a web address, the only kind a report makes clickable."""
        return self.url if self.url and urlparse(self.url).scheme in ("http", "https") else None


@dataclass(frozen=True)
class CitedClaim:
    number: int
    id: str
    type: str
    figure: str
    places: str
    date: str
    grade: str
    reviewed: bool
    quote: str
    source: Source

    @property
    def type_label(self) -> str:
        return TYPE_LABELS[self.type]


class Citations:
    """The numbered sources and claims of one report; every claim the report cites must be given here."""

    def __init__(self, inputs: AnalysisInputs, claims: Iterable[Claim]) -> None:
        wanted = {claim.id: claim for claim in claims}
        documents = inputs.documents
        document_ids = sorted(
            {claim.document_id for claim in wanted.values()},
            key=lambda d: (documents[d].published or "", documents[d].outlet or "", d),
        )
        self.sources = [
            Source(
                number=n,
                document_id=d,
                outlet=documents[d].outlet,
                published=documents[d].published,
                title=inputs.titles.get(d),
                url=documents[d].url,
                sensitive=d in inputs.sensitive,
            )
            for n, d in enumerate(document_ids, start=1)
        ]
        by_document = {source.document_id: source for source in self.sources}
        ordered = sorted(
            wanted.values(),
            key=lambda c: (by_document[c.document_id].number, c.evidence[0].start if c.evidence else 0, c.id),
        )
        grades = grade_claims(ordered, documents, inputs.grades)
        self.claims = [
            CitedClaim(
                number=n,
                id=claim.id,
                type=claim.type,
                figure=figure_label(claim),
                places=places_label(claim),
                date=claim_date_label(claim, documents),
                grade=grades[claim.id].code,
                reviewed=claim.id in inputs.reviewed,
                quote=QUOTE_JOINER.join(
                    redact_sources(e, documents[claim.document_id].sources) for e in claim.evidence
                ),
                source=by_document[claim.document_id],
            )
            for n, claim in enumerate(ordered, start=1)
        ]
        self._by_id = {cited.id: cited for cited in self.claims}

    def claim(self, claim_id: str) -> CitedClaim:
        return self._by_id[claim_id]

    def ranges(self, claim_ids: Iterable[str]) -> str:
        """How a report cites claims by id: "C1–C3, C7"."""
        return claim_ranges(self._by_id[claim_id].number for claim_id in claim_ids)


def claim_ranges(numbers: Iterable[int]) -> str:
    """ "C1–C3, C7" for claims 1, 2, 3 and 7: long lists of citations stay short."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"C{run[0]}" if len(run) == 1 else f"C{run[0]}–C{run[-1]}" for run in runs)
