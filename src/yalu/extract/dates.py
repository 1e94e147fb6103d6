"""Event dates, resolved against the document's ``published`` date (claims.md, "Dates").

"late April" is the month (start = end); "Sept. 10 and 12" is a day range; "last
month", "this year", "in January" resolve to a month or a year, "this week" to its
month; "since early
December" starts in December and stays open; a year alone opens a range with no
end; a weekday is the latest such day before publication. A date that cannot be
tied to a year stays unresolved. The day a source spoke ("told RFA on September
10", "said Sunday") or the article appeared is never the event date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from yalu.extract.lexicon import CaseFree

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:tember|t\.|\.|t)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z])"
)
DAY = r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:19[5-9]\d|20\d\d)(?!\d)"
PART = r"(?:(?:early|mid|late)[- ]|(?:the )?(?:end|beginning|start|middle) of )"
# The first letters of "last/this/next", of a PART and of a MONTH: the "month" pattern tests
# them before its alternatives, which are slow to try at every character of a sentence.
MONTH_MENTION_START = r"(?=[lLtTnNembsJFMASOND])"
SPEECH = CaseFree(
    r"\b(?:told|tells|said|says|reported|reports|stated|announced|added|noted|explained|revealed|"
    r"mentioned|disclosed|according to|sources?|interviewed|spoke)\b"
)
DEADLINE = CaseFree(r"\b(?:by|until|before|deadline of)\s+(?:the\s+(?:end|middle|start|beginning)\s+of\s+)?$")
NOT_GOVERNED = re.compile(r"\bthat\b|[,;:“\"]")
PATTERNS = [
    ("iso_day", rf"\b(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("day_range", rf"\b(?P<mon>{MONTH})\s+(?P<d>{DAY})\s*(?:-|–|and|to)\s*"
     rf"(?:(?P<mon2>{MONTH})\s+)?(?P<d2>{DAY})"
     rf"(?:,?\s+(?P<y>{YEAR}))?"),
    ("day", rf"\b(?P<mon>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?"),
    ("day_first", rf"\b(?P<d>{DAY})\s+(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"),
    ("year_range", rf"\b(?:from|between)\s+(?:{PART})?(?P<y>{YEAR})\s+"
     rf"(?:to|and|until)\s+(?:{PART})?(?P<y2>{YEAR})"),
    ("month", rf"{MONTH_MENTION_START}(?:\b(?P<rel>(?i:last|this|next))\s+)?(?P<part>{PART})?"
     rf"\b(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"),
    ("season", r"(?:\b(?P<rel>(?i:last|this|next))\s+)?\b(?P<season>(?i:spring|summer|autumn|fall|winter))\b"
     rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?"),
    ("relative", r"\b(?P<rel>(?i:last|this|next|previous))\s+(?P<unit>week|month|year)\b"),
    ("part_year", rf"\b(?P<part>{PART})(?P<y>{YEAR})"),
    ("year", rf"\b(?i:in|since|from|as early as|by|until|of|during|around)\s+(?P<y>{YEAR})\b"),
    ("ago", r"\b(?P<n>\d+|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few))\s+"
     r"(?P<unit>(?i:days?|weeks?|months?|years?))\s+ago\b"),
    ("weekday", r"\b(?:on\s+|last\s+)?"
     r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
]  # fmt: skip
COMPILED = [(name, re.compile(pattern)) for name, pattern in PATTERNS]


class DateMention(NamedTuple):
    """A resolved date in a sentence; offsets are relative to the sentence."""

    start: int
    end: int
    text: str
    first: str
    last: str | None
    precision: str
    spoken: bool = False


@dataclass(frozen=True)
class Anchor:
    """The publication date, as far as it is known."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, published: str | None) -> Anchor | None:
        match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", published or "")
        if not match:
            return None
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    def year_of(self, month: int, day: int | None = None) -> int:
        """The year of the latest such month (or day) not after publication."""
        if self.month is None:
            return self.year
        if (month, day or 0) > (self.month, self.day or 31):
            return self.year - 1
        return self.year


@lru_cache(maxsize=16)
def _anchor(published: str | None) -> Anchor | None:
    """All sentences of a document share its publication date: parsed once."""
    return Anchor.parse(published)


def _month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def _day(text: str) -> int:
    return int(LEADING_DIGITS.match(text).group(0))  # type: ignore[union-attr]


def _resolve(name: str, m: re.Match[str], anchor: Anchor | None) -> tuple[str, str | None, str] | None:
    """(start, end, precision) for one match, or None when it cannot be tied to a year."""
    groups = m.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    if name == "iso_day":
        iso = _iso(int(groups["y"]), int(groups["m"]), int(groups["d"]))
        return iso, iso, "day"
    if name in ("day_range", "day", "day_first"):
        month, day = _month_number(groups["mon"]), _day(groups["d"])
        year = year or (anchor.year_of(month, day) if anchor else None)
        if year is None:
            return None
        start = _iso(year, month, day)
        if name != "day_range":
            return start, start, "day"
        month2 = _month_number(groups["mon2"]) if groups.get("mon2") else month
        return start, _iso(year, month2, _day(groups["d2"])), "day"
    if name == "year_range":
        return _part_of_year(m, groups["y"]), _part_of_year(m, groups["y2"], second=True), "year"
    if name == "month":
        return _month(groups, year, anchor)
    if name == "season":
        return _season(groups, year, anchor)
    if name == "relative" and anchor:
        return _relative(groups["rel"].lower(), groups["unit"].lower(), anchor)
    if name == "part_year":
        start = _part_of_year(m, groups["y"])
        return (start, start, "month") if "-" in start else (start, None, "year")
    if name == "year":
        return _iso(int(groups["y"])), None, "year"
    if name == "ago" and anchor:
        return _ago(groups["n"].lower(), groups["unit"].lower().rstrip("s"), anchor)
    if name == "weekday" and anchor and anchor.month and anchor.day:
        published = dt.date(anchor.year, anchor.month, anchor.day)
        back = (published.weekday() - WEEKDAYS.index(groups["weekday"].lower())) % 7 or 7
        weekday = (published - dt.timedelta(days=back)).isoformat()
        return weekday, weekday, "day"
    return None


def _part_of_year(m: re.Match[str], year: str, second: bool = False) -> str:
    """ "the end of 2022" is December 2022; "the beginning of 2022" is January."""
    text = m.group(0)
    parts = re.findall(rf"(end|beginning|start|early|late)[^\d]*{year}", text)
    if parts and parts[-1 if second else 0] in ("end", "late"):
        return f"{year}-12"
    if parts and parts[-1 if second else 0] in ("beginning", "start", "early"):
        return f"{year}-01"
    return year


def _month(
    groups: dict[str, str | None], year: int | None, anchor: Anchor | None
) -> tuple[str, str, str] | None:
    month = _month_number(groups["mon"] or "")
    relative = (groups.get("rel") or "").lower()
    if year is None and anchor:
        year = anchor.year_of(month)
        if relative == "last" and anchor.month == month:
            year -= 1
        elif relative == "next":
            year = anchor.year + (month <= (anchor.month or 12))
    if year is None:
        return None
    return _iso(year, month), _iso(year, month), "month"


def _season(
    groups: dict[str, str | None], year: int | None, anchor: Anchor | None
) -> tuple[str, str, str] | None:
    first, last = SEASONS[(groups["season"] or "").lower()]
    if year is None and anchor:
        relative = (groups.get("rel") or "").lower()
        year = anchor.year - (relative == "last") + (relative == "next")
    if year is None:
        return None
    return _iso(year, first), _iso(year + (last < first), last), "season"


def _relative(relative: str, unit: str, anchor: Anchor) -> tuple[str, str | None, str] | None:
    step = {"last": -1, "previous": -1, "this": 0, "next": 1}[relative]
    if unit == "year":
        return _iso(anchor.year + step), None, "year"
    if anchor.month is None:
        return None
    if unit == "week":
        if anchor.day is None:
            return None
        day = dt.date(anchor.year, anchor.month, anchor.day) + dt.timedelta(weeks=step)
        month = _iso(day.year, day.month)
        return month, month, "month"
    index = anchor.year * 12 + anchor.month - 1 + step
    month = _iso(index // 12, index % 12 + 1)
    return month, month, "month"


def _ago(amount: str, unit: str, anchor: Anchor) -> tuple[str, str, str] | None:
    """ "15 days ago" counted back from publication, as precise as both allow."""
    n = (
        int(amount)
        if amount.isdigit()
        else {"a": 1, "an": 1, "one": 1, "a few": 3}.get(amount, 0)
        or (["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"].index(amount) + 2)
    )
    if unit == "year":
        return _iso(anchor.year - n), _iso(anchor.year - n), "year"
    if anchor.month is None:
        return None
    if unit == "month" or anchor.day is None:
        months = n if unit == "month" else 0
        index = anchor.year * 12 + anchor.month - 1 - months
        month = _iso(index // 12, index % 12 + 1)
        return month, month, "month"
    days = n * (7 if unit == "week" else 1)
    day = (dt.date(anchor.year, anchor.month, anchor.day) - dt.timedelta(days=days)).isoformat()
    return day, day, "day"


def _is_spoken(text: str, start: int) -> bool:
    """Whether a speech verb ("told RFA on September 10", "said Sunday") or a deadline governs the date."""
    before = text[max(0, start - 60) : start]
    if DEADLINE.search(before):
        return True
    verbs = list(SPEECH.finditer(before))
    if not verbs:
        return False
    between = before[verbs[-1].end() :]
    return len(between.split()) <= 6 and not NOT_GOVERNED.search(between)


MONTH_NAME = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
SEASON = CaseFree("spring|summer|autumn|fall|winter")
SINCE = re.compile(r"\bsince\s*$", re.IGNORECASE)
LEADING_DIGITS = re.compile(r"\d+")
NEEDS = {
    "iso_day": "years", "day_range": "month_names", "day": "month_names", "day_first": "month_names",
    "year_range": "years", "month": "month_names", "season": "seasons", "relative": "units",
    "part_year": "years", "year": "years", "weekday": "weekdays", "ago": "ago",
}  # fmt: skip


FOUR_WORDS_BACK = re.compile(r"\S*(?:\s+\S+){0,4}")


def _month_scan_starts(text: str, first_month: int) -> dict[str, int]:
    """Where the patterns needing a month name can first match: "day" and "day_range" at the first
    month name, "day_first" and "month" up to four words before it ("10 March", "last the end of March").

    The words are counted back by a match on the reversed text before the month name.
    """
    back = FOUR_WORDS_BACK.match(text[first_month - 1 :: -1]).end() if first_month else 0  # type: ignore[union-attr]
    near = first_month - back
    return {"day_range": first_month, "day": first_month, "day_first": near, "month": near}


def _possible_patterns(text: str) -> list[tuple[str, re.Pattern[str], int]]:
    """The patterns worth trying, each with where to start looking.

    A cheap test per kind skips the patterns that cannot match (no month name...): each test
    is looser than the patterns needing it, and quick (a substring test, or a regex beginning
    with a literal, which ``re`` scans for fast). The patterns needing a month name start
    looking a few words before the first one (``_month_scan_starts``): ``re`` tries a pattern at
    every character, and much of a sentence comes before its date.
    """
    present = set()
    month = MONTH_NAME.search(text)
    if month:
        present.add("month_names")
    if YEAR_DIGITS.search(text):
        present.add("years")
    if "day" in text:
        present.add("weekdays")
    if SEASON.search(text):
        present.add("seasons")
    if "week" in text or "month" in text or "year" in text:
        present.add("units")
    if "ago" in text:
        present.add("ago")
    starts = _month_scan_starts(text, month.start()) if month else {}
    return [(name, pattern, starts.get(name, 0)) for name, pattern in COMPILED if NEEDS[name] in present]


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Dates in ``text`` resolved against ``published``, earliest first, without overlaps."""
    patterns = _possible_patterns(text)
    if not patterns:
        return []
    anchor = _anchor(published)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for name, pattern, scan_start in patterns:
        for m in pattern.finditer(text, scan_start):
            if any(m.start() < end and m.end() > start for start, end in taken):
                continue
            taken.append((m.start(), m.end()))
            resolved = _resolve(name, m, anchor)
            if resolved is None:
                continue
            first, last, precision = resolved
            if SINCE.search(text[max(0, m.start() - 6) : m.start()]):
                last = None
            spoken = _is_spoken(text, m.start()) or _is_publication_day(first, precision, anchor)
            found.append(DateMention(m.start(), m.end(), m.group(0), first, last, precision, spoken))
    return sorted(found, key=lambda d: d.start)


def _is_publication_day(first: str, precision: str, anchor: Anchor | None) -> bool:
    return bool(
        anchor and anchor.day and precision == "day" and first == _iso(anchor.year, anchor.month, anchor.day)
    )
