"""A claim slot's value as an analyst reads it ("120–150", "Dandong (destination)"), for the history table.

The history keeps each slot as JSON (which the ``.json`` twin returns as is);
pages show these short forms instead, so a change is seen at a glance.
"""

from __future__ import annotations

from typing import Any

NOTHING = "—"


def describe(field: str, value: Any) -> str:
    """``value`` of slot ``field`` in a few words; unknown shapes fall back to their plain text."""
    if value is None or value == []:
        return NOTHING
    if field == "count":
        return _range(value.get("min"), value.get("max")) + (
            f" (“{value['text']}”)" if value.get("text") else ""
        )
    if field == "date":
        start, end = value.get("start") or "?", value.get("end")
        return start if not end or end == start else f"{start} – {end}"
    if field == "places":
        return ", ".join(f"{place['name']} ({place['role']})" for place in value)
    if field == "money":
        per = f" per {value['per']}" if value.get("per") else ""
        return f"{value['currency']} {_range(value.get('min'), value.get('max'))}{per}, {value['flow']}"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return _number(low) if low == high else f"{_number(low)}–{_number(high)}"
    if low is not None:
        return f"≥ {_number(low)}"
    return f"≤ {_number(high)}" if high is not None else "?"


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"
