"""Estimates: DPRK workers present, and what they earn the state, per period with a 90 % interval.

Presence claims measure the number of workers in the target area; dispatches
add to it and returns take from it between measurements; state payments per
worker turn workers into revenue. Claims that relay one another count once
(through :mod:`yalu.analysis.corroborate`), and each claim counts by its grade.
The simulation is in :mod:`yalu.analysis.montecarlo`; docs/estimates.md gives
the model, its assumptions and how to read the intervals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
from pydantic import BaseModel, computed_field

from yalu.analysis.assumptions import assumptions
from yalu.analysis.dates import PeriodKind, Span, iso_span, periods, year_fraction
from yalu.analysis.documents import DocumentInfo, index_documents
from yalu.analysis.evidence import EvidenceBase, gather_evidence
from yalu.analysis.geography import country_place, named_place
from yalu.analysis.grading import Grade
from yalu.analysis.montecarlo import Array, simulate_mean, simulate_workers, summarize
from yalu.errors import InsufficientEvidenceError, YaluError
from yalu.model import Claim

DEFAULT_DRAWS = 20_000
DEFAULT_SEED = 2375
MONTHS = {"month": 1, "quarter": 3, "year": 12}


class PeriodEstimate(BaseModel):
    """The median of the draws and the 5th–95th percentile range: nine in ten draws fall inside."""

    period: str
    start: date
    end: date
    central: float
    low: float
    high: float


class WorkerEstimate(BaseModel):
    country: str
    place: str | None
    by: PeriodKind
    periods: list[PeriodEstimate]
    presence_claims: list[str]
    flow_claims: list[str]
    draws: int
    seed: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def claim_ids(self) -> list[str]:
        """Every claim the estimate rests on."""
        return sorted({*self.presence_claims, *self.flow_claims})


class RevenueEstimate(BaseModel):
    """Payments to the state in US dollars per period, from the worker estimate and payments per worker."""

    currency: str = "USD"
    periods: list[PeriodEstimate]
    monthly_payment: PeriodEstimate
    payment_claims: list[str]
    workers: WorkerEstimate

    @computed_field  # type: ignore[prop-decorator]
    @property
    def claim_ids(self) -> list[str]:
        return sorted({*self.payment_claims, *self.workers.claim_ids})


def estimate_workers(
    claims: Iterable[Claim],
    documents: Iterable[DocumentInfo],
    *,
    country: str,
    place: str | None = None,
    start: str | None = None,
    end: str | None = None,
    by: PeriodKind = "year",
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    grades: Mapping[str, Grade] | None = None,
) -> WorkerEstimate:
    """Workers present in ``country`` (or ``place`` within it) per period from ``start`` to ``end``.

    ``start`` and ``end`` are ISO dates of any precision; by default the
    estimate covers the dates of its evidence. ``grades`` holds analysts'
    grades by claim id, which replace the defaults.
    """
    question = _Question(country, place, start, end, by, draws, seed)
    base = _evidence(claims, documents, question, grades)
    estimate, _ = _workers(question, base, np.random.default_rng(seed))
    return estimate


def estimate_revenue(
    claims: Iterable[Claim],
    documents: Iterable[DocumentInfo],
    *,
    country: str,
    place: str | None = None,
    start: str | None = None,
    end: str | None = None,
    by: PeriodKind = "year",
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    grades: Mapping[str, Grade] | None = None,
) -> RevenueEstimate:
    """Payments to the DPRK state per period: workers present times the reported payment per worker."""
    question = _Question(country, place, start, end, by, draws, seed)
    base = _evidence(claims, documents, question, grades)
    if not base.payments:
        raise InsufficientEvidenceError(
            "no reported state payment per worker (a wage claim with flow state_payment, per month, "
            f"year or day) for {question.area}: a revenue estimate needs at least one"
        )
    rng = np.random.default_rng(seed)
    workers, worker_draws = _workers(question, base, rng)
    monthly = simulate_mean([payment for _, payment in base.payments], draws, rng)
    revenue = worker_draws * monthly[None, :] * MONTHS[by]
    first, last = workers.periods[0].start, workers.periods[-1].end
    return RevenueEstimate(
        periods=[
            _summary(p.period, p.start, p.end, samples)
            for p, samples in zip(workers.periods, revenue, strict=True)
        ],
        monthly_payment=_summary("per worker per month", first, last, monthly),
        payment_claims=sorted(claim_id for claim_id, _ in base.payments),
        workers=workers,
    )


@dataclass(frozen=True)
class _Question:
    country: str
    place: str | None
    start: str | None
    end: str | None
    by: PeriodKind
    draws: int
    seed: int

    @property
    def area(self) -> str:
        return f"{self.place} ({self.country.upper()})" if self.place else self.country.upper()


def _evidence(
    claims: Iterable[Claim],
    documents: Iterable[DocumentInfo],
    question: _Question,
    grades: Mapping[str, Grade] | None,
) -> EvidenceBase:
    country = question.country
    target = named_place(question.place, country) if question.place else country_place(country)
    return gather_evidence(list(claims), index_documents(documents), target, grades or {})


def _workers(
    question: _Question, base: EvidenceBase, rng: np.random.Generator
) -> tuple[WorkerEstimate, Array]:
    """The worker estimate and its draws, which the revenue estimate multiplies by payments."""
    if not base.reports or base.span is None:
        raise InsufficientEvidenceError(
            f"no dated presence claim with a count for {question.area}: an estimate needs at least one"
        )
    wanted = periods(_range(base.span, question), question.by)
    midpoints = np.array([(year_fraction(p.span.first) + year_fraction(p.span.last)) / 2 for p in wanted])
    reports = [report for _, report in base.reports]
    flows = [flow for _, flow in base.flows]
    drift = assumptions().drift_sigma_per_year
    samples = simulate_workers(reports, flows, midpoints, question.draws, rng, drift)
    estimate = WorkerEstimate(
        country=question.country.upper(),
        place=question.place,
        by=question.by,
        periods=[
            _summary(p.label, p.span.first, p.span.last, s) for p, s in zip(wanted, samples, strict=True)
        ],
        presence_claims=sorted(claim_id for claim_id, _ in base.reports),
        flow_claims=sorted(claim_id for ids, _ in base.flows for claim_id in ids),
        draws=question.draws,
        seed=question.seed,
    )
    return estimate, samples


def _range(evidence_span: Span, question: _Question) -> Span:
    first = iso_span(question.start).first if question.start else evidence_span.first
    last = iso_span(question.end).last if question.end else evidence_span.last
    if last < first:
        raise YaluError(f"the range ends ({last}) before it starts ({first})")
    return Span(first, last)


def _summary(label: str, first: date, last: date, samples: Array) -> PeriodEstimate:
    central, low, high = summarize(samples)
    return PeriodEstimate(period=label, start=first, end=last, central=central, low=low, high=high)
