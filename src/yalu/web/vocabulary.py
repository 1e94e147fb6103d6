"""The closed lists an analyst picks from when filtering or correcting a claim.

Sectors, indicators, incidents and actors come from extraction's data files,
so a label an analyst adds there is offered here too; the rest are the
claim model's own vocabularies.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import get_args

from yalu.extract.lexicon import load
from yalu.model import CLAIM_TYPES, DatePrecision, Modality, Money, PlaceRole
from yalu.store.tables import CLAIM_STATUSES

# A policy by a government outside the named actors (claims.md: "A host government outside the vocabulary").
OTHER_ACTOR = "other"


@dataclass(frozen=True)
class Vocabulary:
    types: tuple[str, ...]
    modalities: tuple[str, ...]
    statuses: tuple[str, ...]
    place_roles: tuple[str, ...]
    date_precisions: tuple[str, ...]
    sectors: tuple[str, ...]
    indicators: tuple[str, ...]
    incidents: tuple[str, ...]
    actors: tuple[str, ...]
    money_per: tuple[str, ...]
    money_flows: tuple[str, ...]


def _literal_values(annotation: object) -> tuple[str, ...]:
    """The strings of a ``Literal`` (``Optional`` unwrapped), e.g. Money's ``per`` and ``flow``."""
    args = get_args(annotation)
    if all(isinstance(arg, str) for arg in args):
        return args
    return tuple(value for arg in args for value in _literal_values(arg))


@cache
def vocabulary() -> Vocabulary:
    actors = tuple(load("actors"))
    return Vocabulary(
        types=CLAIM_TYPES,
        modalities=get_args(Modality),
        statuses=CLAIM_STATUSES,
        place_roles=get_args(PlaceRole),
        date_precisions=get_args(DatePrecision),
        sectors=tuple(load("sectors")),
        indicators=tuple(load("indicators")),
        incidents=tuple(load("incidents")["labels"]),
        actors=actors if OTHER_ACTOR in actors else (*actors, OTHER_ACTOR),
        money_per=_literal_values(Money.model_fields["per"].annotation),
        money_flows=_literal_values(Money.model_fields["flow"].annotation),
    )
