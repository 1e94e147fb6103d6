"""Dates of any precision become spans of days, and estimates are reported by calendar period."""

from __future__ import annotations

from datetime import date

import pytest

from yalu.analysis.dates import Span, iso_span, periods
from yalu.errors import YaluError


def test_a_date_covers_the_days_its_precision_allows() -> None:
    assert iso_span("2024") == Span(date(2024, 1, 1), date(2024, 12, 31))
    assert iso_span("2024-02") == Span(date(2024, 2, 1), date(2024, 2, 29))
    assert iso_span("2024").overlaps(iso_span("2024-05"))
    assert not iso_span("2019").overlaps(iso_span("2024-05"))


def test_periods_are_the_calendar_months_quarters_or_years_a_span_touches() -> None:
    span = Span(date(2023, 11, 15), date(2024, 2, 1))
    assert [p.label for p in periods(span, "month")] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert [p.label for p in periods(span, "quarter")] == ["2023-Q4", "2024-Q1"]
    assert [p.label for p in periods(span, "year")] == ["2023", "2024"]
    assert periods(span, "quarter")[1].span == Span(date(2024, 1, 1), date(2024, 3, 31))


def test_bad_dates_and_periods_are_user_errors() -> None:
    with pytest.raises(YaluError, match="not an ISO date"):
        iso_span("May 2024")
    with pytest.raises(YaluError, match="unknown period 'week'"):
        periods(iso_span("2024"), "week")  # type: ignore[arg-type]
