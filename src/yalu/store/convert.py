"""Conversions between table rows and the domain objects of ``yalu.model``, kept in one place.

Every stage speaks ``yalu.model``; only the store knows how a claim is spread
over the claims, evidence and claim_places tables.
"""

from __future__ import annotations

from typing import Any

from yalu.model import Claim, Count, DateRange, Document, Evidence, Money, PlaceRef
from yalu.store.tables import ClaimPlaceRow, ClaimRow, DocumentRow, EvidenceRow


def document_to_model(row: DocumentRow) -> Document:
    return Document(
        id=row.external_id,
        text=row.text,
        url=row.url,
        outlet=row.outlet,
        title=row.title,
        published=row.published,
        language=row.language,
    )


def claim_to_model(row: ClaimRow, document_external_id: str) -> Claim:
    return claim_from_columns(
        row,
        document_external_id,
        [place_to_model(place) for place in row.places],
        [Evidence(start=e.start, end=e.end, quote=e.quote) for e in row.evidence],
    )


def claim_from_columns(
    row: Any, document_external_id: str, places: list[PlaceRef], evidence: list[Evidence]
) -> Claim:
    """A claim from a claims row: a mapped ``ClaimRow``, or a plain result row with the same columns,
    which is how analysis reads many claims at once without building mapped objects."""
    has_count = row.count_min is not None or row.count_max is not None or row.count_text is not None
    has_date = row.date_start is not None or row.date_end is not None or row.date_text is not None
    return Claim(
        document_id=document_external_id,
        type=row.type,
        modality=row.modality,
        count=Count(min=row.count_min, max=row.count_max, text=row.count_text) if has_count else None,
        per_group=row.per_group,
        date=DateRange(
            start=row.date_start, end=row.date_end, precision=row.date_precision, text=row.date_text
        )
        if has_date
        else None,
        places=places,
        sectors=list(row.sectors),
        indicators=list(row.indicators),
        incident=row.incident,
        actor=row.actor,
        organizations=list(row.organizations),
        money=None if row.money is None else Money.model_validate(row.money),
        evidence=evidence,
        rule=row.rule,
        stored_id=row.id,
    )


def claim_from_model(claim: Claim, row: ClaimRow) -> ClaimRow:
    """Write every slot of ``claim`` onto ``row`` (new or existing), replacing its evidence and places."""
    row.id = claim.id
    row.type = claim.type
    row.modality = claim.modality
    row.count_min = claim.count.min if claim.count else None
    row.count_max = claim.count.max if claim.count else None
    row.count_text = claim.count.text if claim.count else None
    row.per_group = claim.per_group
    row.date_start = claim.date.start if claim.date else None
    row.date_end = claim.date.end if claim.date else None
    row.date_precision = claim.date.precision if claim.date else None
    row.date_text = claim.date.text if claim.date else None
    row.money = claim.money.model_dump() if claim.money else None
    row.sectors = list(claim.sectors)
    row.indicators = list(claim.indicators)
    row.incident = claim.incident
    row.actor = claim.actor
    row.organizations = list(claim.organizations)
    row.rule = claim.rule
    row.evidence = [
        EvidenceRow(ordinal=i, start=e.start, end=e.end, quote=e.quote) for i, e in enumerate(claim.evidence)
    ]
    row.places = [place_from_model(place, i) for i, place in enumerate(claim.places)]
    return row


def place_to_model(row: Any) -> PlaceRef:
    """A claim's place from a claim_places row, mapped or plain."""
    return PlaceRef(
        name=row.name,
        role=row.role,
        country=row.country,
        lat=row.lat,
        lon=row.lon,
        gazetteer_id=row.gazetteer_id,
        precision=row.precision,
        text=row.text,
    )


def place_from_model(place: PlaceRef, ordinal: int) -> ClaimPlaceRow:
    return ClaimPlaceRow(
        ordinal=ordinal,
        name=place.name,
        role=place.role,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        gazetteer_id=place.gazetteer_id,
        precision=place.precision,
        text=place.text,
    )
