"""Dates as spans of days, and the calendar periods estimates are reported by.

Claims carry dates only as precise as the text ("2024", "2024-05"), so every
comparison works on the span of days a date covers: "2024" overlaps "2024-05",
"2019" and "2024" do not.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal, NamedTuple

from yalu.errors import YaluError
from yalu.model import Claim

PeriodKind = Literal["month", "quarter", "year"]
PERIOD_KINDS: tuple[str, ...] = PeriodKind.__args__  # type: ignore[attr-defined]


class Span(NamedTuple):
    """First and last day, both included."""

    first: date
    last: date

    def overlaps(self, other: Span) -> bool:
        return self.first <= other.last and other.first <= self.last


class Period(NamedTuple):
    label: str
    span: Span


def iso_span(value: str) -> Span:
    """The days an ISO date of any precision covers: ``2024`` is the whole year."""
    parts = value.strip().split("-")
    try:
        numbers = [int(part) for part in parts]
        if len(numbers) == 1:
            return Span(date(numbers[0], 1, 1), date(numbers[0], 12, 31))
        if len(numbers) == 2:
            year, month = numbers
            return Span(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))
        if len(numbers) == 3:
            day = date(*numbers)
            return Span(day, day)
    except ValueError:
        pass
    raise YaluError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")


def date_range_span(start: str | None, end: str | None) -> Span | None:
    """The span from the start's first day to the end's last day; ``None`` when there is no start."""
    if not start:
        return None
    first = iso_span(start)
    last = iso_span(end) if end else first
    return Span(first.first, max(last.last, first.first))


def recent_span(published: str, window_days: int) -> Span:
    """What an undated statement most likely refers to: the weeks before its publication."""
    days = iso_span(published)
    return Span(days.first - timedelta(days=window_days), days.last)


def year_fraction(day: date) -> float:
    """A date as a decimal year, so time differences can be measured in years."""
    length = 366 if calendar.isleap(day.year) else 365
    return day.year + (day.timetuple().tm_yday - 0.5) / length


def periods(span: Span, by: PeriodKind) -> list[Period]:
    """The calendar months, quarters or years that ``span`` touches, in order."""
    if by not in PERIOD_KINDS:
        raise YaluError(f"unknown period {by!r}: use one of {', '.join(PERIOD_KINDS)}")
    step = {"month": 1, "quarter": 3, "year": 12}[by]
    year, month = span.first.year, span.first.month - (span.first.month - 1) % step
    found = []
    while date(year, month, 1) <= span.last:
        last_month = month + step - 1
        last_day = iso_span(f"{year}-{last_month:02d}").last
        found.append(Period(_label(year, month, by), Span(date(year, month, 1), last_day)))
        year, month = (year + 1, 1) if last_month == 12 else (year, last_month + 1)
    return found


def _label(year: int, month: int, by: PeriodKind) -> str:
    if by == "month":
        return f"{year}-{month:02d}"
    if by == "quarter":
        return f"{year}-Q{(month - 1) // 3 + 1}"
    return str(year)


def claim_span(claim: Claim, published: str | None, window_days: int) -> Span | None:
    """The days a claim speaks of: its own date, else the ``window_days`` before its publication."""
    own = date_range_span(claim.date.start, claim.date.end) if claim.date else None
    if own is not None:
        return own
    return recent_span(published, window_days) if published else None
