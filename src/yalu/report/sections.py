"""The report's sections as data: key findings, places, the ILO indicator matrix, estimates.

Each section keeps the ids of the claims behind every figure it shows; the
templates cite them through :class:`~yalu.report.citations.Citations`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from yalu.analysis.corroborate import Finding
from yalu.analysis.documents import DocumentInfo
from yalu.analysis.estimate import PeriodEstimate, estimate_revenue, estimate_workers
from yalu.analysis.geography import innermost
from yalu.analysis.inputs import AnalysisInputs, places_of
from yalu.errors import InsufficientEvidenceError
from yalu.extract.lexicon import load
from yalu.model import Claim, PlaceRef
from yalu.report.labels import TYPE_LABELS, amount_label, finding_dates, finding_places
from yalu.report.map import MapPoint

KEY_FINDINGS = 12
TYPE_ORDER = list(TYPE_LABELS)
NOT_STATED = "Place not stated"


@dataclass(frozen=True)
class FigureEntry:
    label: str
    outlets: list[str]
    dates: list[str]
    claims: list[str]


@dataclass(frozen=True)
class FindingEntry:
    id: str
    type_label: str
    places: str
    dates: str
    support: int
    outlets: list[str]
    figures: list[FigureEntry]
    conflict: bool
    claims: list[str]


@dataclass(frozen=True)
class IndicatorRow:
    place: str
    cells: list[list[str]]

    @property
    def claims(self) -> list[str]:
        return list(dict.fromkeys(claim_id for cell in self.cells for claim_id in cell))


@dataclass(frozen=True)
class Area:
    """Where an estimate is for: a country by ISO code, or a place within it."""

    country: str
    place: str | None
    label: str


@dataclass(frozen=True)
class EstimateEntry:
    """One estimate, or why there is none (``refused``): the report says so rather than guess."""

    title: str
    unit: str
    periods: list[PeriodEstimate] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    refused: str | None = None
    note: str | None = None


def ranked(findings: list[Finding]) -> list[Finding]:
    """Findings in the order worth reading: most independent outlets, then most claims, then by type."""
    return sorted(findings, key=lambda f: (-f.support, -len(f.claims), TYPE_ORDER.index(f.type), f.id))


def key_findings(findings: list[Finding], documents: Mapping[str, DocumentInfo]) -> list[FindingEntry]:
    """The findings most worth reading first."""
    return [finding_entry(f, documents) for f in ranked(findings)[:KEY_FINDINGS]]


def finding_entry(finding: Finding, documents: Mapping[str, DocumentInfo]) -> FindingEntry:
    return FindingEntry(
        id=finding.id,
        type_label=TYPE_LABELS[finding.type],
        places=finding_places(finding),
        dates=finding_dates(finding, documents),
        support=finding.support,
        outlets=finding.outlets,
        figures=[
            FigureEntry(amount_label(f.count, f.money), f.outlets, f.dates, f.claim_ids)
            for f in finding.figures
        ],
        conflict=finding.conflict,
        claims=finding.claim_ids,
    )


def map_points(claims: list[Claim]) -> list[MapPoint]:
    """One point per place with coordinates, counting each claim at the most specific places it names."""
    found: dict[str, tuple[PlaceRef, list[str]]] = {}
    for claim in claims:
        for place in innermost(places_of(claim)):
            if place.lat is not None and place.lon is not None:
                found.setdefault(place.gazetteer_id or place.name, (place, []))[1].append(claim.id)
    points = [
        MapPoint(place.name, place.country, place.lat, place.lon, claim_ids)
        for place, claim_ids in found.values()
        if place.lat is not None and place.lon is not None
    ]
    return sorted(points, key=lambda p: (-len(p.claims), p.name))


@cache
def indicator_names() -> tuple[str, ...]:
    """The ILO's eleven indicators of forced labour, as extraction's data file lists them."""
    return tuple(load("indicators"))


def indicator_rows(claims: list[Claim]) -> list[IndicatorRow]:
    """Per place, the claims supporting each indicator; claims that name no place share the last row."""
    names = indicator_names()
    rows: dict[str, list[list[str]]] = {}
    for claim in claims:
        indicators = [i for i in claim.indicators if i in names]
        if not indicators:
            continue
        places = list(dict.fromkeys(p.name for p in innermost(places_of(claim)))) or [NOT_STATED]
        for place in places:
            cells = rows.setdefault(place, [[] for _ in names])
            for indicator in indicators:
                cells[names.index(indicator)].append(claim.id)
    ordered = sorted(rows.items(), key=lambda item: (item[0] == NOT_STATED, item[0]))
    return [IndicatorRow(place, cells) for place, cells in ordered]


def estimate_entries(
    inputs: AnalysisInputs, area: Area, start: str | None, end: str | None
) -> list[EstimateEntry]:
    """Workers and revenue per year in ``area``; where evidence is missing the entry says what is missing."""
    documents = list(inputs.documents.values())
    workers_title = f"DPRK workers present in {area.label}"
    revenue_title = f"Payments to the DPRK state from workers in {area.label}"
    entries = []
    try:
        workers = estimate_workers(
            inputs.claims,
            documents,
            country=area.country,
            place=area.place,
            start=start,
            end=end,
            grades=inputs.grades,
        )
        entries.append(EstimateEntry(workers_title, "workers", workers.periods, workers.claim_ids))
    except InsufficientEvidenceError as error:
        entries.append(EstimateEntry(workers_title, "workers", refused=str(error)))
    try:
        revenue = estimate_revenue(
            inputs.claims,
            documents,
            country=area.country,
            place=area.place,
            start=start,
            end=end,
            grades=inputs.grades,
        )
    except InsufficientEvidenceError as error:
        entries.append(EstimateEntry(revenue_title, "US dollars", refused=str(error)))
        return entries
    monthly = revenue.monthly_payment
    note = (
        f"Average payment per worker per month: {monthly.central:,.0f} USD "
        f"(90 % interval {monthly.low:,.0f}–{monthly.high:,.0f})."
    )
    entries.append(EstimateEntry(revenue_title, "US dollars", revenue.periods, revenue.claim_ids, note=note))
    return entries
