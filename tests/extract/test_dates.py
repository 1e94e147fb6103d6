"""Dates resolve against the publication date and keep their precision."""

from __future__ import annotations

import pytest

from yalu.extract.dates import find_dates


def resolved(text: str, published: str | None) -> list[tuple[str, str | None, str]]:
    return [(d.first, d.last, d.precision) for d in find_dates(text, published) if not d.spoken]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("They left in late March.", "2023-06-01", [("2023-03", "2023-03", "month")]),
        ("They left in November.", "2023-06-01", [("2022-11", "2022-11", "month")]),
        ("Buses crossed on Oct. 3 and 5.", "2022-10-20", [("2022-10-03", "2022-10-05", "day")]),
        ("Buses crossed on March 30, 2018.", "2022-10-20", [("2018-03-30", "2018-03-30", "day")]),
        ("They arrived last month.", "2022-01-10", [("2021-12", "2021-12", "month")]),
        ("More were sent this year.", "2022-01-10", [("2022", None, "year")]),
        ("Workers have arrived since early June.", "2022-07-10", [("2022-06", None, "month")]),
        ("The crew arrived on Tuesday.", "2024-05-23", [("2024-05-21", "2024-05-21", "day")]),
        ("The plant opened in 2016.", "2024-05-23", [("2016", None, "year")]),
        ("He worked there from 2015 to 2018.", "2024-05-23", [("2015", "2018", "year")]),
        ("They came at the end of 2020.", "2024-05-23", [("2020-12", "2020-12", "month")]),
        ("They came last summer.", "2024-05-23", [("2023-06", "2023-08", "season")]),
        ("They came in April.", None, []),
        ("They came recently.", "2024-05-23", []),
        ("They left about 10 days ago.", "2024-05-23", [("2024-05-13", "2024-05-13", "day")]),
        ("They left two months ago.", "2024-05", [("2024-03", "2024-03", "month")]),
        ("The deal expires by March 2026.", "2024-05-23", []),
    ],
)
def test_resolution(text: str, published: str | None, expected: list[tuple[str, str | None, str]]) -> None:
    assert resolved(text, published) == expected


def test_the_day_a_source_spoke_is_not_the_event_date() -> None:
    text = "A trader told the agency on June 4 that 60 workers crossed on May 30."
    assert resolved(text, "2021-06-10") == [("2021-05-30", "2021-05-30", "day")]
    assert resolved("The workers left, officials said Monday.", "2021-06-10") == []


def test_the_publication_day_is_not_the_event_date() -> None:
    assert resolved("June 10, 2021", "2021-06-10") == []


def test_source_wording_is_kept() -> None:
    [date] = find_dates("They left in mid-August.", "2021-09-01")
    assert date.text == "mid-August"


@pytest.mark.parametrize(
    "mention",
    ["Last March", "this March", "NEXT March", "early March", "mid-March", "late March", "the end of March",
     "beginning of March", "start of March", "middle of March", "Jan.", "Feb.", "Apr.", "May", "June", "Jul",
     "Aug.", "Sept.", "Oct.", "Nov.", "Dec."],
)  # fmt: skip
def test_every_start_of_a_month_mention_is_read(mention: str) -> None:
    """The month pattern tests a mention's first letter before the rest: each way to begin must pass."""
    [date] = find_dates(f"They left in {mention} for China.", "2021-12-20")
    assert date.text == mention


@pytest.mark.parametrize(
    ("text", "mention"),
    [("They left last\n the beginning of March.", "last\n the beginning of March"),
     ("They left (last  the end of March 2020).", "last  the end of March 2020"),
     ("Buses crossed on 10th\t March and 12 May.", "10th\t March"),
     ("Buses crossed on(March 3 - 5).", "March 3 - 5")],
)  # fmt: skip
def test_a_mention_is_read_whole_before_its_month_name(text: str, mention: str) -> None:
    """The patterns start looking a few words before the first month name: as many as a mention can have."""
    assert find_dates(text, "2021-12-20")[0].text == mention
