"""A report's content, worked out once and rendered as HTML, PDF or Markdown.

The report covers the claims about a place and a date range (by default all
of them); estimates also draw on evidence from outside the range, as the
estimator does. Every number in it carries the ids of its claims, and
:class:`~yalu.report.citations.Citations` numbers those claims and their sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from yalu.analysis.corroborate import corroborate
from yalu.analysis.inputs import AnalysisInputs, resolve_place
from yalu.errors import YaluError
from yalu.report.citations import Citations
from yalu.report.map import MapFigure, MapPoint, map_figures
from yalu.report.sections import (
    Area,
    EstimateEntry,
    FindingEntry,
    IndicatorRow,
    estimate_entries,
    finding_entry,
    indicator_names,
    indicator_rows,
    key_findings,
    map_points,
)
from yalu.report.timeline import Timeline, TimelineEntry, build_timeline, timeline_svg

DEFAULT_AREAS = [Area("CN", None, "China"), Area("RU", None, "Russia")]
PLACES_IN_SUMMARY = 5


@dataclass(frozen=True)
class ReportScope:
    place: str | None = None
    start: str | None = None
    end: str | None = None
    public: bool = False

    @property
    def label(self) -> str:
        where = self.place or "All places"
        if self.start or self.end:
            return f"{where}; claims about {self.start or 'the earliest'} to {self.end or 'the latest'}"
        return f"{where}; all dates"


@dataclass(frozen=True)
class Report:
    scope: ReportScope
    generated: date
    claim_count: int
    reviewed: int
    documents: int
    outlets: int
    sensitive_included: bool
    findings_total: int
    corroborated: int
    key_findings: list[FindingEntry]
    conflicts: list[FindingEntry]
    timeline: Timeline
    timeline_svg: Markup
    places: list[MapPoint]
    maps: list[MapFigure]
    indicators: list[str]
    indicator_rows: list[IndicatorRow]
    estimates: list[EstimateEntry]
    citations: Citations

    @property
    def summary(self) -> list[str]:
        """A few sentences a reader can take away, each citing the claims it rests on."""
        cite = self.citations.ranges
        lines = [
            f"{self.claim_count} claims from {self.documents} documents by {self.outlets} outlets "
            f"({self.reviewed} reviewed by an analyst). They group into {self.findings_total} findings: "
            f"{self.corroborated} stated by more than one independent outlet, "
            f"{len(self.conflicts)} with conflicting figures."
        ]
        for entry in self.estimates:
            if entry.refused:
                lines.append(f"{entry.title}: not estimated ({entry.refused}).")
            elif entry.periods:
                last = entry.periods[-1]
                lines.append(
                    f"{entry.title}, {last.period}: about {last.central:,.0f} {entry.unit} "
                    f"(90 % interval {last.low:,.0f}–{last.high:,.0f}); rests on {cite(entry.claims)}."
                )
        if self.places:
            top = self.places[:PLACES_IN_SUMMARY]
            named = "; ".join(f"{p.name}, {len(p.claims)} claims ({cite(p.claims)})" for p in top)
            lines.append(f"Places named most often: {named}.")
        supported = self.indicator_support
        if supported:
            ranked = sorted(supported, key=lambda name: -len(supported[name]))[:3]
            named = "; ".join(
                f"{name.lower()}, {len(supported[name])} claims ({cite(supported[name])})" for name in ranked
            )
            lines.append(f"ILO indicators of forced labour reported most often: {named}.")
        return lines

    def on_a_map(self, point: MapPoint) -> bool:
        return any(figure.view.shows(point.lon, point.lat) for figure in self.maps)

    @property
    def indicator_support(self) -> dict[str, list[str]]:
        """The claims supporting each indicator anywhere, each counted once however many places it names."""
        support = {
            label: list(dict.fromkeys(claim_id for row in self.indicator_rows for claim_id in row.cells[i]))
            for i, label in enumerate(self.indicators)
        }
        return {label: claim_ids for label, claim_ids in support.items() if claim_ids}


def build_report(inputs: AnalysisInputs, scope: ReportScope, generated: date | None = None) -> Report:
    """The report on ``inputs``, which for a public report must be loaded without sensitive documents."""
    if scope.public and inputs.sensitive:
        raise YaluError("a public report must be built from inputs loaded without sensitive documents")
    place = resolve_place(scope.place) if scope.place else None
    scoped = inputs.within(place, scope.start, scope.end)
    if place is None or place.country is None:
        areas = DEFAULT_AREAS
    else:
        area_place = None if place.precision == "country" else place.name
        areas = [Area(place.country, area_place, place.name)]
    estimates = [entry for area in areas for entry in estimate_entries(inputs, area, scope.start, scope.end)]
    estimated = {claim_id for entry in estimates for claim_id in entry.claims}
    in_scope = {c.id for c in scoped.claims}
    cited = scoped.claims + [c for c in inputs.claims if c.id in estimated and c.id not in in_scope]
    citations = Citations(inputs, cited)
    findings = corroborate(scoped.claims, scoped.documents.values())
    points = map_points(scoped.claims)
    timeline = build_timeline(_timeline_entries(scoped))
    return Report(
        scope=scope,
        generated=generated or date.today(),
        claim_count=len(scoped.claims),
        reviewed=sum(c.id in inputs.reviewed for c in scoped.claims),
        documents=len({c.document_id for c in scoped.claims}),
        outlets=len({o for c in scoped.claims if (o := scoped.documents[c.document_id].outlet)}),
        sensitive_included=any(c.document_id in inputs.sensitive for c in cited),
        findings_total=len(findings),
        corroborated=sum(f.support > 1 for f in findings),
        key_findings=key_findings(findings, scoped.documents),
        conflicts=[finding_entry(f, scoped.documents) for f in findings if f.conflict],
        timeline=timeline,
        timeline_svg=timeline_svg(timeline),
        places=points,
        maps=map_figures(points),
        indicators=[name.replace("_", " ").capitalize() for name in indicator_names()],
        indicator_rows=indicator_rows(scoped.claims),
        estimates=estimates,
        citations=citations,
    )


def _timeline_entries(scoped: AnalysisInputs) -> list[TimelineEntry]:
    """Each claim at its own date, else its report's publication date."""
    entries = []
    for claim in scoped.claims:
        published = scoped.documents[claim.document_id].published
        when = (claim.date.start if claim.date else None) or published
        if when:
            entries.append(TimelineEntry(claim.type, when, claim.id))
    return entries
