"""The objects that flow between stages: documents in, claims out.

These mirror the evaluation contract (``claims.md``: "Documents in" and
"Claims out") and add what analysts need beyond it: the source's own wording
of counts, dates and money, precisions, the rule that produced a claim, and a
stable id derived from the claim's content so re-extraction is idempotent.
``Claim.to_export`` gives exactly the contract's export format.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, Field

ClaimType = Literal[
    "dispatch", "presence", "return", "wage", "condition", "incident", "policy", "organization"
]
CLAIM_TYPES: tuple[str, ...] = ClaimType.__args__  # type: ignore[attr-defined]
Modality = Literal["reported", "expected"]
PlaceRole = Literal["origin", "route", "destination", "location"]
DatePrecision = Literal["day", "month", "season", "year"]
LocationPrecision = Literal["exact", "city", "province", "country", "region"]


class Document(BaseModel):
    """A report as the extractor sees it (the contract's "Documents in" row)."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None


class Count(BaseModel):
    """A number of workers; ``None`` bounds are open ("more than 50" has no max)."""

    min: int | None = None
    max: int | None = None
    text: str | None = Field(default=None, description="The source's own wording, e.g. 'dozens'.")


class DateRange(BaseModel):
    """ISO dates (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) as precise as the text allows."""

    start: str | None = None
    end: str | None = None
    precision: DatePrecision | None = None
    text: str | None = None


class Money(BaseModel):
    min: float | None = None
    max: float | None = None
    currency: str
    per: Literal["month", "year", "day", "hour", "once"] | None = None
    flow: Literal["worker_pay", "state_payment", "fee", "bribe", "revenue", "domestic_pay", "other"] = "other"
    text: str | None = None


class PlaceRef(BaseModel):
    """A place that fills a role in a claim, resolved against the gazetteer where possible."""

    name: str
    role: PlaceRole = "location"
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    precision: LocationPrecision | None = None
    text: str | None = Field(default=None, description="The name as the source wrote it.")


class Evidence(BaseModel):
    """A quote; always equal to ``document.text[start:end]``."""

    start: int
    end: int
    quote: str


class Claim(BaseModel):
    """One fact a document asserts or forecasts, tied to the quotes that state it."""

    document_id: str
    type: ClaimType
    modality: Modality = "reported"
    count: Count | None = None
    per_group: bool = False
    date: DateRange | None = None
    places: list[PlaceRef] = Field(default_factory=list)
    sectors: list[str] = Field(default_factory=list)
    indicators: list[str] = Field(default_factory=list)
    incident: str | None = None
    actor: str | None = None
    organizations: list[str] = Field(default_factory=list)
    money: Money | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    rule: str | None = Field(default=None, description="Name of the extraction rule that fired.")
    stored_id: str | None = Field(
        default=None,
        description="The id the store keeps this claim under, once saved; it survives corrections.",
    )

    @property
    def id(self) -> str:
        """The store's id once saved, else the id derived from the claim's content.

        An analyst's correction may change any slot, even the type, so a stored
        claim keeps the id it was saved under.
        """
        return self.stored_id or self.content_id()

    def content_id(self) -> str:
        """Stable id: a hash of the document, the type, the first quote's position and the rule.

        The quote anchors the claim, so correcting a slot keeps the id, and
        re-running extraction on the same text finds the same claim again. The
        rule tells apart claims of one type that share a quote (two incidents,
        or "30,000 in Liaoning and 20,000 in Jilin", whose second rule is marked
        "[2]").
        """
        anchor = self.evidence[0] if self.evidence else None
        start, end = (anchor.start, anchor.end) if anchor else (None, None)
        key = json.dumps([self.document_id, self.type, start, end, *([self.rule] if self.rule else [])])
        return hashlib.sha256(key.encode()).hexdigest()[:16]

    def to_export(self) -> dict[str, Any]:
        """The contract's "Claims out" object, with nothing extra."""
        return {
            "document_id": self.document_id,
            "type": self.type,
            "modality": self.modality,
            "count": None if self.count is None else {"min": self.count.min, "max": self.count.max},
            "per_group": self.per_group,
            "date": None if self.date is None else {"start": self.date.start, "end": self.date.end},
            "places": [
                {"name": p.name, "role": p.role, "country": p.country, "lat": p.lat, "lon": p.lon}
                for p in self.places
            ],
            "sectors": list(self.sectors),
            "indicators": list(self.indicators),
            "incident": self.incident,
            "actor": self.actor,
            "organizations": list(self.organizations),
            "money": None
            if self.money is None
            else {
                "min": self.money.min,
                "max": self.money.max,
                "currency": self.money.currency,
                "per": self.money.per,
                "flow": self.money.flow,
            },
            "evidence": [{"start": e.start, "end": e.end, "quote": e.quote} for e in self.evidence],
        }
