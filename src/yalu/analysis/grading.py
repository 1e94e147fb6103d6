"""Grades on the Admiralty code: reliability of the outlet (A–F), credibility of the information (1–6).

A grade turns into the weight an estimate gives a claim (``Grade.weight``), so a
figure from an unreliable outlet or a rumour moves an estimate less than one from
a usually reliable outlet quoting official records. Defaults come from
``analysis/data/sources.yaml``; analysts change them there, or pass their own
grade for a claim wherever grades are used. docs/grading.md explains the scale.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pydantic import BaseModel

from yalu.analysis.catalog import Credibility, Reliability, source_catalog
from yalu.analysis.documents import DocumentInfo
from yalu.analysis.sources import SourceDescription, cited_outlet, known_outlet
from yalu.model import Claim


class Grade(BaseModel):
    """A grade and what it rests on; ``basis`` names kinds, never the sensitive description itself."""

    reliability: Reliability
    credibility: Credibility
    basis: str = "analyst"

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"

    @property
    def weight(self) -> float:
        """How much a claim with this grade counts: 1.0 for A1, the product of both scales' weights."""
        catalog = source_catalog()
        return catalog.reliability[self.reliability].weight * catalog.credibility[self.credibility].weight


def outlet_reliability(outlet: str | None) -> Reliability:
    listed = known_outlet(outlet)
    return listed.reliability if listed else source_catalog().unknown_outlet


def claim_source(claim: Claim, document: DocumentInfo | None) -> SourceDescription | None:
    """The source description a claim rests on: the last one that starts before its first quote ends.

    Reports introduce a source once ("a source in Hyesan told ...") and go on
    quoting them ("the source said"), so the nearest description before a claim
    is the best guess at whom it comes from.
    """
    if document is None or not claim.evidence:
        return None
    quote_end = claim.evidence[0].end
    before = [source for source in document.sources if source.start < quote_end]
    return before[-1] if before else None


def grading_outlet(claim: Claim, document: DocumentInfo | None) -> tuple[str | None, bool]:
    """The outlet whose reliability a claim takes, and whether its quote relays it from another outlet."""
    own_outlet = document.outlet if document else None
    cited = next((c for e in claim.evidence if (c := cited_outlet(e.quote, own_outlet))), None)
    return (cited, True) if cited else (own_outlet, False)


def grade_claim(claim: Claim, document: DocumentInfo | None) -> Grade:
    """The default grade: the relayed or publishing outlet's reliability, the source kind's credibility."""
    outlet, cited = grading_outlet(claim, document)
    source = claim_source(claim, document)
    catalog = source_catalog()
    kind = next((k for k in catalog.descriptions if source and k.kind == source.kind), None)
    outlet_basis = f"{'cited ' if cited else ''}outlet {outlet or 'unknown'}"
    return Grade(
        reliability=outlet_reliability(outlet),
        credibility=kind.credibility if kind else catalog.unattributed,
        basis=f"{outlet_basis}; {kind.label if kind else 'unattributed'}",
    )


def grade_claims(
    claims: Iterable[Claim],
    documents: Mapping[str, DocumentInfo],
    overrides: Mapping[str, Grade] | None = None,
) -> dict[str, Grade]:
    """Each claim's grade by claim id: an analyst's grade from ``overrides`` where given, else the default."""
    overrides = overrides or {}
    return {
        claim.id: overrides.get(claim.id) or grade_claim(claim, documents.get(claim.document_id))
        for claim in claims
    }
