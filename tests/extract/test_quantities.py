"""Worker counts follow the conventions of claims.md."""

from __future__ import annotations

import pytest

from yalu.extract.quantities import find_counts


def bounds(text: str) -> list[tuple[int | None, int | None, bool]]:
    return [(m.min, m.max, m.per_group) for m in find_counts(text) if not m.singular]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Around 400 workers arrived at the plant.", [(400, 400, False)]),
        ("Some 1,200 North Korean laborers were counted.", [(1200, 1200, False)]),
        ("It took 300 to 450 new workers.", [(300, 450, False)]),
        ("It hired 60-80 seamstresses.", [(60, 80, False)]),
        ("There were between 70 and 90 employees.", [(70, 90, False)]),
        ("More than 250 workers left.", [(250, None, False)]),
        ("At least eighty women were on the list.", [(80, None, False)]),
        ("Thirteen workers left, and fifteen women stayed.", [(13, 13, False), (15, 15, False)]),
        ("Up to 600 labourers may be sent.", [(None, 600, False)]),
        ("As many as 900 workers stayed.", [(None, 900, False)]),
        ("Dozens of workers gathered.", [(24, 99, False)]),
        ("Hundreds of North Korean women work there.", [(200, 999, False)]),
        ("Thousands of laborers were sent.", [(2000, 9999, False)]),
        ("Tens of thousands of workers are abroad.", [(20000, 99999, False)]),
        ("Four groups of 25 workers each crossed the bridge.", [(100, 100, False)]),
        ("They travel in groups of 20-30 workers.", [(20, 30, True)]),
        ("Plants took 3-4 people each from the county.", [(3, 4, True)]),
        ("Half of them, 40% of the 500 workers, were women.", [(200, 200, False)]),
        (
            "Around 9,000 workers live in Amur and about 3,000 in Primorye.",
            [(9000, 9000, False), (3000, 3000, False)],
        ),
    ],
)
def test_counts(text: str, expected: list[tuple[int | None, int | None, bool]]) -> None:
    assert bounds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Some 40 restaurants in the city employ them.",
        "Workers fill 45 seats on each bus.",
        "About 70 percent of wages is taken.",
        "In 2019, the company closed.",
        "Several workers and many women left; some stayed.",
        "The trip took 15 days.",
        "Officials from 12 countries met.",
        "The state earns £1.2 billion a year from labourers abroad.",
    ],
)
def test_numbers_that_are_not_worker_counts(text: str) -> None:
    assert bounds(text) == []


def test_one_named_worker_counts_as_one() -> None:
    [mention] = find_counts("A North Korean worker fled the site.")
    assert (mention.min, mention.max, mention.singular) == (1, 1, True)


def test_source_wording_is_kept() -> None:
    [mention] = find_counts("They sent several hundred workers north.")
    assert mention.text == "several hundred workers"
