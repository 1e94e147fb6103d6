"""On simulated reporting with a known truth, the 90 % interval covers the truth about nine times in ten.

The simulation follows the model's assumptions (docs/estimates.md): the number
of workers drifts as a random walk on the log scale and moves with dispatches
and returns; every report states a number with an error whose spread follows
its grade, as a point, a range, "more than N" or "up to N"; every dispatch and
return is reported in the same way. Run with ``-s`` to see the coverage.
"""

from __future__ import annotations

import numpy as np

from yalu.analysis.assumptions import assumptions
from yalu.analysis.documents import DocumentInfo
from yalu.analysis.estimate import estimate_workers
from yalu.analysis.grading import Grade
from yalu.model import Claim, Count, DateRange, PlaceRef

SIMULATIONS = 200
DRAWS = 2000
MONTHS = 36
FIRST_YEAR = 2020
GRADES = [
    Grade(reliability=r, credibility=c)
    for r, c in [("A", 2), ("B", 2), ("B", 3), ("C", 3), ("D", 4), ("E", 5), ("F", 6)]
]  # type: ignore[arg-type]
ROLES = {"presence": "location", "dispatch": "destination", "return": "origin"}


def true_counts(rng: np.random.Generator) -> tuple[list[float], list[tuple[int, float]]]:
    """Workers present at mid-month, and the dispatches (+) and returns (-) as (month, workers)."""
    drift = assumptions().drift_sigma_per_year * np.sqrt(1 / 12)
    counts = [float(np.exp(rng.uniform(np.log(1_000), np.log(100_000))))]
    flows = []
    for month in range(1, MONTHS):
        change = 0.0
        if rng.random() < 0.15:
            change = counts[-1] * rng.uniform(0.02, 0.15) * rng.choice([1, -1])
            flows.append((month, change))
        counts.append(max((counts[-1] + change) * float(np.exp(drift * rng.standard_normal())), 1.0))
    return counts, flows


def reported(rng: np.random.Generator, truth: float, grade: Grade) -> Count:
    """How a source with ``grade`` might word ``truth``: its guess, as a point, a range or an open bound."""
    guess = truth * np.exp(assumptions().report_sigma / np.sqrt(grade.weight) * rng.standard_normal())
    open_factor = np.log(assumptions().open_bound_factor)
    wording = rng.random()
    if wording < 0.3:
        return Count(min=round(guess), max=round(guess))
    if wording < 0.6:
        width, position = rng.uniform(0, 0.7), rng.random()
        return Count(
            min=round(guess * np.exp(-width * position)), max=round(guess * np.exp(width * (1 - position)))
        )
    if wording < 0.8:
        return Count(min=round(guess / np.exp(open_factor * rng.random())))
    return Count(max=round(guess * np.exp(open_factor * rng.random())))


def report(kind: str, month: int, count: Count, number: int) -> tuple[Claim, DocumentInfo]:
    """A claim in a document of its own, from an outlet of its own."""
    year, month_of_year = FIRST_YEAR + month // 12, month % 12 + 1
    claim = Claim(
        document_id=f"sim-{number}",
        type=kind,  # type: ignore[arg-type]
        count=count,
        date=DateRange(start=f"{year}-{month_of_year:02d}"),
        places=[PlaceRef(name="China", country="CN", precision="country", role=ROLES[kind])],  # type: ignore[arg-type]
    )
    return claim, DocumentInfo(id=claim.document_id, outlet=f"Outlet {number}")


def stories(
    rng: np.random.Generator, counts: list[float], flows: list[tuple[int, float]]
) -> list[tuple[str, int, float]]:
    """What gets reported, as (claim type, month, truth): one to five counts, every dispatch and return."""
    presence = [
        ("presence", int(month), counts[month]) for month in rng.integers(MONTHS, size=rng.integers(1, 6))
    ]
    moves = [("dispatch" if change > 0 else "return", month, abs(change)) for month, change in flows]
    return presence + moves


def covers_truth(rng: np.random.Generator, seed: int) -> bool:
    """One simulated history, its reports, and whether one month's interval holds the true number."""
    counts, flows = true_counts(rng)
    reports, grades = [], {}
    for number, (kind, month, truth) in enumerate(stories(rng, counts, flows)):
        grade = GRADES[int(rng.integers(len(GRADES)))]
        claim, document = report(kind, month, reported(rng, truth, grade), number)
        reports.append((claim, document))
        grades[claim.id] = grade
    estimate = estimate_workers(
        [claim for claim, _ in reports],
        [document for _, document in reports],
        country="CN",
        start=f"{FIRST_YEAR}-01",
        end=f"{FIRST_YEAR + MONTHS // 12 - 1}-12",
        by="month",
        draws=DRAWS,
        seed=seed,
        grades=grades,
    )
    month = int(rng.integers(MONTHS))
    period = estimate.periods[month]
    return period.low <= counts[month] <= period.high


def test_the_90_percent_interval_covers_the_truth_in_85_to_95_percent_of_simulations() -> None:
    rng = np.random.default_rng(38)
    coverage = float(np.mean([covers_truth(rng, seed) for seed in range(SIMULATIONS)]))
    print(
        f"\n90 % interval covered the true number of workers in {coverage:.1%} of {SIMULATIONS} simulations"
    )
    assert 0.85 <= coverage <= 0.95
