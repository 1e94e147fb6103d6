"""The report's timeline: how many dispatch, presence and return claims speak of each month or year.

Every period between the first and the last is shown, empty ones included, so
a gap in reporting is visible as a gap. Each period keeps the ids of its
claims, so the table under the chart cites them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from markupsafe import Markup

from yalu.report.svg import add, svg_root, to_markup

TIMELINE_TYPES = ("dispatch", "presence", "return")
COLOURS = {"dispatch": "#3b6ea8", "presence": "#5e9a4c", "return": "#c8553d"}
LABELS = {"dispatch": "sent", "presence": "present", "return": "returned"}
MONTHS_SHOWN_BY_MONTH = 24
WIDTH, HEIGHT = 720.0, 250.0
LEFT, RIGHT, TOP, BOTTOM = 44.0, 12.0, 34.0, 42.0


@dataclass(frozen=True)
class TimelineEntry:
    type: str
    date: str
    claim: str


@dataclass
class TimelinePeriod:
    label: str
    claims: dict[str, list[str]] = field(default_factory=lambda: {t: [] for t in TIMELINE_TYPES})

    @property
    def all_claims(self) -> list[str]:
        return [claim_id for claim_ids in self.claims.values() for claim_id in claim_ids]


@dataclass(frozen=True)
class Timeline:
    by: str
    periods: list[TimelinePeriod]
    not_shown: list[str]


def build_timeline(entries: list[TimelineEntry]) -> Timeline:
    """Periods by month when the claims span two years or less and give months, else by year.

    By month, claims dated only to a year cannot be placed; they are listed as
    not shown rather than put in January.
    """
    entries = [e for e in entries if e.type in TIMELINE_TYPES]
    if not entries:
        return Timeline("year", [], [])
    months = [e.date[:7] for e in entries if len(e.date) >= 7]
    first = min(e.date[:7] if len(e.date) >= 7 else f"{e.date[:4]}-01" for e in entries)
    last = max(e.date[:7] if len(e.date) >= 7 else f"{e.date[:4]}-12" for e in entries)
    by_month = bool(months) and _months_between(first, last) <= MONTHS_SHOWN_BY_MONTH
    if by_month:
        labels = _month_range(min(months), max(months))
        placed = {label: TimelinePeriod(label) for label in labels}
        key = 7
    else:
        years = [int(e.date[:4]) for e in entries]
        placed = {str(y): TimelinePeriod(str(y)) for y in range(min(years), max(years) + 1)}
        key = 4
    not_shown = []
    for entry in entries:
        period = placed.get(entry.date[:key]) if len(entry.date) >= key else None
        if period is None:
            not_shown.append(entry.claim)
        else:
            period.claims[entry.type].append(entry.claim)
    return Timeline("month" if by_month else "year", list(placed.values()), not_shown)


def timeline_svg(timeline: Timeline) -> Markup:
    """Grouped bars per period, one colour per claim type, with a legend and a count axis."""
    root = svg_root(
        WIDTH,
        HEIGHT,
        f"Claims of workers sent, present and returned, by {timeline.by}",
        "Bars count the claims dated to each period; the table below the chart cites them.",
    )
    periods = timeline.periods
    top = max((len(p.claims[t]) for p in periods for t in TIMELINE_TYPES), default=0)
    ticks = _ticks(top)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    scale = plot_h / ticks[-1]
    for tick in ticks:
        y = TOP + plot_h - tick * scale
        add(root, "line", x1=LEFT, x2=WIDTH - RIGHT, y1=y, y2=y, stroke="#ddd")
        add(root, "text", str(tick), x=LEFT - 6, y=y + 3, font_size=10, text_anchor="end", fill="#444")
    add(root, "text", "claims", x=4, y=TOP - 10, font_size=10, fill="#444")
    group = plot_w / max(len(periods), 1)
    bar = group * 0.8 / len(TIMELINE_TYPES)
    every = math.ceil(len(periods) / 16)
    for i, period in enumerate(periods):
        x0 = LEFT + i * group + group * 0.1
        for j, claim_type in enumerate(TIMELINE_TYPES):
            count = len(period.claims[claim_type])
            if count:
                rect = add(
                    root,
                    "rect",
                    x=x0 + j * bar,
                    y=TOP + plot_h - count * scale,
                    width=max(bar - 1, 1.0),
                    height=count * scale,
                    fill=COLOURS[claim_type],
                )
                add(rect, "title", f"{period.label}: {count} {LABELS[claim_type]}")
        if i % every == 0:
            x = LEFT + (i + 0.5) * group
            add(root, "text", period.label, x=x, y=HEIGHT - BOTTOM + 16, font_size=10, text_anchor="middle")
    add(root, "line", x1=LEFT, x2=WIDTH - RIGHT, y1=TOP + plot_h, y2=TOP + plot_h, stroke="#444")
    for k, claim_type in enumerate(TIMELINE_TYPES):
        x = LEFT + k * 150
        add(root, "rect", x=x, y=8, width=12, height=12, fill=COLOURS[claim_type])
        add(root, "text", f"workers {LABELS[claim_type]}", x=x + 17, y=18, font_size=11)
    return to_markup(root)


def _ticks(top: int) -> list[int]:
    """0 up to at least ``top`` in at most six round steps (1, 2, 5, 10, 20, 50 ...)."""
    round_steps = (m * 10**e for e in range(12) for m in (1, 2, 5))
    step = next(s for s in round_steps if math.ceil(top / s) <= 6)
    return list(range(0, max(math.ceil(top / step), 1) * step + 1, step))


def _months_between(first: str, last: str) -> int:
    return (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    labels = []
    while f"{year}-{month:02d}" <= last:
        labels.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return labels
