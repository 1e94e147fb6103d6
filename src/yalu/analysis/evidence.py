"""Which claims an estimate for a place rests on, each counted once, read as Monte Carlo observations.

A presence claim measures the target only when the most specific place it names
is the target itself: "2,000 in Hunchun" says little about all of China. A
dispatch counts when it goes into the target, a return when it leaves from it.
Claims that are forecasts ("will send") or give only a group size are left out.
Claims stating one fact are grouped by :func:`~yalu.analysis.corroborate.corroborate`
and each independent outlet is heard once per fact, so a syndicated story does
not outvote the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from yalu.analysis.assumptions import assumptions, closed_bounds
from yalu.analysis.corroborate import corroborate, independent_origin
from yalu.analysis.dates import Span, claim_span, year_fraction
from yalu.analysis.documents import DocumentInfo
from yalu.analysis.geography import compatible, contains, innermost, places_named, same_place
from yalu.analysis.grading import Grade, grade_claims
from yalu.analysis.montecarlo import Flow, Observation
from yalu.analysis.rates import has_rate, to_usd
from yalu.model import Claim, PlaceRef, PlaceRole

DPRK = "KP"
FLOW_ROLES: dict[str, tuple[PlaceRole, ...]] = {
    "dispatch": ("destination", "location"),
    "return": ("origin", "location"),
}


@dataclass(frozen=True)
class EvidenceBase:
    """The observations of one estimate, each with the claim ids it comes from."""

    reports: list[tuple[str, Observation]]
    flows: list[tuple[tuple[str, ...], Flow]]
    payments: list[tuple[str, Observation]]
    span: Span | None


def gather_evidence(
    claims: list[Claim],
    documents: Mapping[str, DocumentInfo],
    target: PlaceRef,
    overrides: Mapping[str, Grade],
) -> EvidenceBase:
    usable = [c for c in claims if c.modality == "reported" and not c.per_group]
    grades = grade_claims(usable, documents, overrides)
    read = _Reader(documents, grades)
    presence = [c for c in usable if c.type == "presence" and c.count and _measures(c, target)]
    reports = [(c.id, obs) for group in read.independent(presence) for c in group if (obs := read.count(c))]
    flows = [
        flow
        for kind, sign in (("dispatch", 1), ("return", -1))
        for group in read.independent([c for c in usable if c.type == kind and c.count and _moves(c, target)])
        if (flow := read.flow(group, sign))
    ]
    places_by_document = _places_by_document(claims)
    payment_claims = [c for c in usable if _is_state_payment(c) and _applies(c, target, places_by_document)]
    payments = [
        (c.id, obs) for group in read.independent(payment_claims) for c in group if (obs := read.payment(c))
    ]
    used = {claim_id for claim_id, _ in reports} | {claim_id for ids, _ in flows for claim_id in ids}
    return EvidenceBase(reports, flows, payments, _covered([read.span(c) for c in usable if c.id in used]))


class _Reader:
    """Reads claims as observations, given the documents they come from and their grades."""

    def __init__(self, documents: Mapping[str, DocumentInfo], grades: Mapping[str, Grade]) -> None:
        self.documents = documents
        self.grades = grades

    def independent(self, claims: list[Claim]) -> list[list[Claim]]:
        """Per fact, one claim from each independent outlet: the best graded."""
        groups = []
        for finding in corroborate(claims, self.documents.values()):
            best: dict[str, Claim] = {}
            for claim in sorted(finding.claims, key=lambda c: (-self.grades[c.id].weight, c.id)):
                best.setdefault(independent_origin(claim, self.documents), claim)
            groups.append(list(best.values()))
        return groups

    def count(self, claim: Claim) -> Observation | None:
        bounds = closed_bounds(claim.count.min, claim.count.max) if claim.count else None
        return self._observation(claim, bounds, lambda value, year: value)

    def payment(self, claim: Claim) -> Observation | None:
        """A state payment per worker as US dollars a month."""
        money = claim.money
        if money is None or money.per is None:
            return None
        months = {"month": 1.0, "year": 12.0, "day": 1 / assumptions().working_days_per_month}[money.per]
        bounds = closed_bounds(money.min, money.max)
        return self._observation(
            claim, bounds, lambda value, year: to_usd(value, money.currency, year) / months
        )

    def flow(self, versions: list[Claim], sign: int) -> tuple[tuple[str, ...], Flow] | None:
        observed = [(c.id, obs) for c in versions if (obs := self.count(c))]
        if not observed:
            return None
        return tuple(i for i, _ in observed), Flow(sign=sign, versions=tuple(obs for _, obs in observed))

    def span(self, claim: Claim) -> Span | None:
        document = self.documents.get(claim.document_id)
        return claim_span(claim, document.published if document else None, assumptions().undated_window_days)

    def _observation(
        self, claim: Claim, bounds: tuple[float, float] | None, convert: Callable[[float, int], float]
    ) -> Observation | None:
        span = self.span(claim)
        if bounds is None or span is None:
            return None
        weight = self.grades[claim.id].weight
        return Observation(
            low=convert(bounds[0], span.first.year),
            high=convert(bounds[1], span.first.year),
            start=year_fraction(span.first),
            end=year_fraction(span.last),
            sigma=assumptions().report_sigma / weight**0.5,
            weight=weight,
        )


def _measures(claim: Claim, target: PlaceRef) -> bool:
    places = innermost([p for p in claim.places if p.role != "route"])
    return bool(places) and all(same_place(p, target) for p in places)


def _moves(claim: Claim, target: PlaceRef) -> bool:
    places = innermost([p for p in claim.places if p.role in FLOW_ROLES[claim.type]])
    return bool(places) and all(contains(target, p) for p in places)


def _is_state_payment(claim: Claim) -> bool:
    money = claim.money
    return (
        claim.type == "wage"
        and money is not None
        and money.flow == "state_payment"
        and money.per in ("month", "year", "day")
        and has_rate(money.currency)
    )


def _applies(claim: Claim, target: PlaceRef, places_by_document: Mapping[str, list[PlaceRef]]) -> bool:
    """Where a payment applies: its places, else those its quotes name, else its document's other claims'.

    Wage claims carry no places of their own (claims.md), yet "$800 a month in
    Russia" should not count towards China.
    """
    quoted = [p for e in claim.evidence for p in places_named(e.quote)]
    places = claim.places or quoted or places_by_document.get(claim.document_id, [])
    abroad = [p for p in places if p.country != DPRK]
    return bool(abroad) and all(compatible(p, target) for p in abroad)


def _places_by_document(claims: list[Claim]) -> dict[str, list[PlaceRef]]:
    found: dict[str, list[PlaceRef]] = {}
    for claim in claims:
        found.setdefault(claim.document_id, []).extend(claim.places)
    return found


def _covered(spans: list[Span | None]) -> Span | None:
    """The dates the evidence speaks of, from the first day of the earliest to the last of the latest."""
    known = [span for span in spans if span is not None]
    return Span(min(s.first for s in known), max(s.last for s in known)) if known else None
