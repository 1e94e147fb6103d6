"""The Monte Carlo behind the estimates: what each report could mean, drawn many times over.

Every draw picks a value inside each reported range, adds the report's error
(larger for lower grades), places each dated report at a moment inside its
date span, walks the number of workers through the reported dispatches and
returns and through a random drift nobody reports, and combines the reports'
views of each period in proportion to how much each can be trusted there. The
spread of the draws is the uncertainty; docs/estimates.md derives it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
GRID_STEP_YEARS = 1 / 12


@dataclass(frozen=True)
class Observation:
    """A reported number as the simulation reads it.

    ``low``–``high`` is the closed range reported; ``start``–``end`` the span of
    time it speaks of, in decimal years; ``sigma`` the spread of its error on
    the log scale; ``weight`` its grade weight.
    """

    low: float
    high: float
    start: float
    end: float
    sigma: float
    weight: float

    @property
    def log_width(self) -> float:
        return float(np.log(_positive(self.high)) - np.log(_positive(self.low)))


@dataclass(frozen=True)
class Flow:
    """One dispatch (+1) or return (-1), told by one or more independent outlets (``versions``)."""

    sign: int
    versions: tuple[Observation, ...]


def simulate_workers(
    reports: Sequence[Observation],
    flows: Sequence[Flow],
    times: Array,
    draws: int,
    rng: np.random.Generator,
    drift_sigma: float,
) -> Array:
    """Draws of the number of workers at each of ``times`` (decimal years): shape ``(len(times), draws)``."""
    values = _draw_values(reports, draws, rng)
    report_times = _draw_times(reports, draws, rng)
    amounts, flow_times = _draw_flows(flows, draws, rng)
    all_times = [times.min(), times.max(), *(r.start for r in reports), *(r.end for r in reports)]
    drift = _DriftPath(min(all_times), max(all_times), draws, drift_sigma, rng)
    inflow_at_reports = np.stack([_net_inflow(amounts, flow_times, t) for t in report_times])
    drift_at_reports = np.stack([drift.at(t) for t in report_times])
    midpoints = np.array([(r.start + r.end) / 2 for r in reports])
    fixed_variance = np.array([r.sigma**2 + r.log_width**2 / 12 for r in reports])
    result = np.empty((len(times), draws))
    for index, time in enumerate(times):
        moved = values + _net_inflow(amounts, flow_times, np.full(draws, time)) - inflow_at_reports
        log_views = np.log(np.maximum(moved, 1.0)) + drift.at(np.full(draws, time)) - drift_at_reports
        weights = 1 / (fixed_variance + drift_sigma**2 * np.abs(time - midpoints))
        result[index] = np.exp(weights @ log_views / weights.sum())
    return result


def simulate_mean(observations: Sequence[Observation], draws: int, rng: np.random.Generator) -> Array:
    """Draws of the average of what ``observations`` measure, by a grade-weighted Bayesian bootstrap.

    Reports of a rate (a payment per worker) differ partly because the rate
    differs between places and employers; resampling the reports carries that
    spread into the average, and it narrows as more reports agree.
    """
    values = _draw_values(observations, draws, rng)
    shares = rng.dirichlet(np.ones(len(observations)), size=draws).T
    shares *= np.array([o.weight for o in observations])[:, None]
    return np.asarray((shares * values).sum(axis=0) / shares.sum(axis=0))


def _draw_values(observations: Sequence[Observation], draws: int, rng: np.random.Generator) -> Array:
    """A value inside each reported range (uniform on the log scale), times the report's error."""
    low = np.log([[_positive(o.low)] for o in observations])
    high = np.log([[_positive(o.high)] for o in observations])
    sigma = np.array([[o.sigma] for o in observations])
    logs = (
        low
        + (high - low) * rng.random((len(observations), draws))
        + sigma * rng.standard_normal((len(observations), draws))
    )
    return np.asarray(np.exp(logs))


def summarize(samples: Array) -> tuple[float, float, float]:
    """The median and the 5th and 95th percentiles: a central value and a 90 % interval."""
    low, central, high = np.percentile(samples, [5, 50, 95])
    return float(central), float(low), float(high)


def _draw_times(observations: Sequence[Observation], draws: int, rng: np.random.Generator) -> Array:
    start = np.array([[o.start] for o in observations])
    end = np.array([[o.end] for o in observations])
    return np.asarray(start + (end - start) * rng.random((len(observations), draws)))


def _draw_flows(flows: Sequence[Flow], draws: int, rng: np.random.Generator) -> tuple[Array, Array]:
    """Signed amounts and times per flow and draw; each draw follows one version, chosen by grade weight."""
    amounts, times = np.zeros((len(flows), draws)), np.zeros((len(flows), draws))
    for index, flow in enumerate(flows):
        weights = np.array([version.weight for version in flow.versions])
        chosen = rng.choice(len(flow.versions), size=draws, p=weights / weights.sum())
        version_amounts = _draw_values(flow.versions, draws, rng)
        version_times = _draw_times(flow.versions, draws, rng)
        amounts[index] = flow.sign * np.take_along_axis(version_amounts, chosen[None, :], axis=0)[0]
        times[index] = np.take_along_axis(version_times, chosen[None, :], axis=0)[0]
    return amounts, times


def _net_inflow(amounts: Array, flow_times: Array, until: Array) -> Array:
    """Per draw, workers dispatched minus workers returned up to ``until``."""
    if len(amounts) == 0:
        return np.zeros_like(until)
    return np.asarray((amounts * (flow_times <= until)).sum(axis=0))


class _DriftPath:
    """A random walk of the log number of workers on a monthly grid: change nobody reports."""

    def __init__(self, first: float, last: float, draws: int, sigma: float, rng: np.random.Generator) -> None:
        self.first = first
        steps = int(np.ceil((last - first) / GRID_STEP_YEARS)) + 1
        increments = sigma * np.sqrt(GRID_STEP_YEARS) * rng.standard_normal((steps, draws))
        increments[0] = 0.0
        self.path = np.cumsum(increments, axis=0)

    def at(self, times: Array) -> Array:
        """The walk's value at each draw's own time (one time per draw)."""
        steps = np.clip(np.rint((times - self.first) / GRID_STEP_YEARS).astype(int), 0, len(self.path) - 1)
        return np.asarray(self.path[steps, np.arange(self.path.shape[1])])


def _positive(value: float) -> float:
    """Counts and amounts of zero have no logarithm; one unit is the least that can be meant."""
    return max(value, 1.0)
