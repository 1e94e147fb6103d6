"""The two values the gazetteer hands out: a place, and a place named at a spot in a text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

Source = Literal["curated", "geonames"]


@dataclass(frozen=True)
class Place:
    """A place in the admin hierarchy, walked upwards through ``parent_id``.

    ``source`` tells curated border-region entries (vouched for by an analyst,
    with aliases) from GeoNames cities and countries (name only); resolution
    and country checks trust the former more.
    """

    id: str
    name: str
    kind: str
    country: str | None
    parent_id: str | None
    lat: float | None
    lon: float | None
    aliases: tuple[str, ...] = ()
    source: Source = "curated"

    def __hash__(self) -> int:
        """By id alone, which the gazetteer keeps unique: equal places still hash alike, and the
        role caches, which hash a sentence's places for every claim, skip hashing the aliases."""
        return hash(self.id)


class PlaceMention(NamedTuple):
    """``text`` is ``source_text[start:end]`` of the text given to ``Gazetteer.find``."""

    start: int
    end: int
    text: str
    place: Place
