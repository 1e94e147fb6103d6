"""The model's assumptions, read from ``analysis/data/assumptions.yaml``, and how figures are bounded.

Reports give open figures ("more than 50,000", "up to 28,000"); corroboration and
the estimates must close them the same way, so a figure that conflicts in a
finding is also read the same way in an estimate.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from yalu.analysis.datafiles import load_data_file


class Assumptions(BaseModel):
    open_bound_factor: float = Field(gt=1)
    figure_tolerance: float = Field(ge=0, lt=1)
    undated_window_days: int = Field(ge=0)
    report_sigma: float = Field(gt=0)
    drift_sigma_per_year: float = Field(ge=0)
    working_days_per_month: float = Field(gt=0, le=31)


def assumptions() -> Assumptions:
    return load_data_file("assumptions", Assumptions)


def closed_bounds(low: float | None, high: float | None) -> tuple[float, float] | None:
    """``(low, high)`` with an open side closed by the open-bound factor; ``None`` without any bound."""
    factor = assumptions().open_bound_factor
    if low is not None and high is not None:
        return (min(low, high), max(low, high))
    if low is not None:
        return (low, low * factor)
    if high is not None:
        return (high / factor, high)
    return None


def figures_agree(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two closed ranges overlap once each is widened by the figure tolerance."""
    widen = 1 + assumptions().figure_tolerance
    return a[0] <= b[1] * widen and b[0] <= a[1] * widen
