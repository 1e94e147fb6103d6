"""An analyst's correction of a claim, as posted by the claim page's form, turned into a claim.

Every slot can be corrected; places are typed as a gazetteer id or name and
resolved against the gazetteer, so a corrected place has the gazetteer's
coordinates and hierarchy. A place the gazetteer does not know may stay only
if the claim already had it.
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, field_validator, model_validator

from yalu.errors import InputError, NotFoundError
from yalu.extract.places import Gazetteer
from yalu.model import Claim, ClaimType, Count, DatePrecision, DateRange, Modality, Money, PlaceRef, PlaceRole
from yalu.web.forms import ISO_DATE, WebInput
from yalu.web.routes.places import resolve_place
from yalu.web.vocabulary import vocabulary

MAX_WORKERS = 10_000_000
MAX_AMOUNT = 1e12
MAX_PLACES = 20


class ClaimCorrection(WebInput):
    """The correction form: every slot of a claim; the quotes stay as they are."""

    type: ClaimType
    modality: Modality
    count_min: int | None = Field(default=None, ge=0, le=MAX_WORKERS)
    count_max: int | None = Field(default=None, ge=0, le=MAX_WORKERS)
    count_text: str | None = Field(default=None, max_length=200)
    per_group: bool = False
    date_start: str | None = Field(default=None, pattern=ISO_DATE)
    date_end: str | None = Field(default=None, pattern=ISO_DATE)
    date_precision: DatePrecision | None = None
    place: list[str] = Field(default_factory=list, max_length=MAX_PLACES)
    place_role: list[PlaceRole] = Field(default_factory=list, max_length=MAX_PLACES)
    sectors: list[str] = Field(default_factory=list, max_length=20)
    indicators: list[str] = Field(default_factory=list, max_length=20)
    incident: str | None = None
    actor: str | None = None
    organizations: str | None = Field(default=None, max_length=4000, description="One name per line.")
    money_min: float | None = Field(default=None, ge=0, le=MAX_AMOUNT)
    money_max: float | None = Field(default=None, ge=0, le=MAX_AMOUNT)
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    money_per: str | None = None
    money_flow: str | None = None
    note: str | None = Field(default=None, max_length=4000)

    @field_validator("place")
    @classmethod
    def _short_names(cls, places: list[str]) -> list[str]:
        if any(len(place) > 200 for place in places):
            raise ValueError("a place name is longer than 200 characters")
        return places

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        words = vocabulary()
        closed = {
            "sectors": (self.sectors, words.sectors),
            "indicators": (self.indicators, words.indicators),
            "incident": ([self.incident] if self.incident else [], words.incidents),
            "actor": ([self.actor] if self.actor else [], words.actors),
            "money_per": ([self.money_per] if self.money_per else [], words.money_per),
            "money_flow": ([self.money_flow] if self.money_flow else [], words.money_flows),
        }
        for name, (given, allowed) in closed.items():
            unknown = [value for value in given if value not in allowed]
            if unknown:
                raise ValueError(f"{name}: {', '.join(unknown)} not one of {', '.join(allowed)}")
        if self.count_min is not None and self.count_max is not None and self.count_min > self.count_max:
            raise ValueError("count: the minimum is above the maximum")
        if self.date_start and self.date_end and self.date_start > self.date_end:
            raise ValueError("date: the start is after the end")
        if (self.money_min is not None or self.money_max is not None) and not self.currency:
            raise ValueError("money: an amount needs a currency")
        if len(self.place) != len(self.place_role):
            raise ValueError("places: each place needs a role")
        rows = [(place, role) for place, role in zip(self.place, self.place_role, strict=True) if place]
        self.place, self.place_role = [place for place, _ in rows], [role for _, role in rows]
        return self


def corrected_claim(correction: ClaimCorrection, current: Claim, gazetteer: Gazetteer) -> Claim:
    """``current`` with every slot taken from ``correction``."""
    c = correction
    has_count = c.count_min is not None or c.count_max is not None
    has_date = c.date_start is not None or c.date_end is not None
    return current.model_copy(
        update={
            "type": c.type,
            "modality": c.modality,
            "count": Count(min=c.count_min, max=c.count_max, text=c.count_text) if has_count else None,
            "per_group": c.per_group,
            "date": DateRange(
                start=c.date_start,
                end=c.date_end,
                precision=c.date_precision,
                text=current.date.text if current.date else None,
            )
            if has_date
            else None,
            "places": _places(c, current.places, gazetteer),
            "sectors": c.sectors,
            "indicators": c.indicators,
            "incident": c.incident,
            "actor": c.actor,
            "organizations": [line.strip() for line in (c.organizations or "").splitlines() if line.strip()],
            "money": _money(c, current.money),
        }
    )


def _places(c: ClaimCorrection, current: list[PlaceRef], gazetteer: Gazetteer) -> list[PlaceRef]:
    known = {key: ref for ref in current for key in (ref.name, ref.gazetteer_id) if key}
    places = []
    for value, role in zip(c.place, c.place_role, strict=True):
        if value in known:
            places.append(known[value].model_copy(update={"role": role}))
            continue
        try:
            places.append(gazetteer.place_ref(resolve_place(gazetteer, value), role))
        except NotFoundError:
            raise InputError(
                f"place {value!r}", "not in the gazetteer; try another spelling or its id"
            ) from None
    return places


def _money(c: ClaimCorrection, current: Money | None) -> Money | None:
    if c.money_min is None and c.money_max is None:
        return None
    return Money(
        min=c.money_min,
        max=c.money_max,
        currency=c.currency or "",
        per=c.money_per,  # type: ignore[arg-type]
        flow=c.money_flow or "other",  # type: ignore[arg-type]
        text=current.text if current else None,
    )
