"""Whether places named in claims can be the same place, through the gazetteer's hierarchy.

Reports name places at different levels: one says Hunchun, another Jilin, a third
China. Those can describe one fact; Jilin and Liaoning cannot. The gazetteer
knows what contains what. A place it does not know matches only a place of the
same name, and lies inside the country its code names.
"""

from __future__ import annotations

from functools import lru_cache

from yalu.errors import NotFoundError
from yalu.extract.places import Place, load_gazetteer
from yalu.extract.places.names import key_of
from yalu.model import PlaceRef

GENERIC_WORDS = {"province", "city", "county", "town", "prefecture", "oblast", "krai", "district"}


def same_place(a: PlaceRef, b: PlaceRef) -> bool:
    known_a, known_b = _resolve(a), _resolve(b)
    if known_a and known_b:
        return known_a.id == known_b.id
    if a.country and b.country and a.country != b.country:
        return False
    return _name_key(a.name) == _name_key(b.name)


def contains(outer: PlaceRef, inner: PlaceRef) -> bool:
    """Whether ``inner`` is ``outer`` or lies inside it."""
    known_outer, known_inner = _resolve(outer), _resolve(inner)
    if known_outer and known_inner:
        return load_gazetteer().contains(known_outer, known_inner)
    if known_outer and known_outer.kind == "country":
        return inner.country == known_outer.country
    return same_place(outer, inner)


def compatible(a: PlaceRef, b: PlaceRef) -> bool:
    """Whether two places can be where one fact happened: one is, or contains, the other.

    Corroboration asks this for millions of pairs of a few hundred places, so
    answers are kept per pair of the fields the answer depends on.
    """
    return _compatible_cached(_identity(a), _identity(b))


_Identity = tuple[str | None, str, str | None]


def _identity(place: PlaceRef) -> _Identity:
    """The fields that decide which place a reference is: gazetteer id, name and country."""
    return (place.gazetteer_id, place.name, place.country)


@lru_cache(maxsize=65536)
def _compatible_cached(a: _Identity, b: _Identity) -> bool:
    first, second = (PlaceRef(gazetteer_id=i, name=n, country=c) for i, n, c in (a, b))
    return contains(first, second) or contains(second, first)


def countries(place: PlaceRef) -> frozenset[str] | None:
    """Codes any place compatible with ``place`` shares with it; ``None`` when it could match anywhere.

    Lets corroboration compare a claim only with claims in the same countries:
    the place's own code and those of its gazetteer chain cover every way
    :func:`compatible` can succeed, and a place without a code can match a
    same-named place in any country.
    """
    if place.country is None:
        return None
    known = _resolve(place)
    chain = [known, *load_gazetteer().ancestors(known)] if known else []
    codes = [place.country, *(p.country for p in chain)]
    return None if None in codes else frozenset(c for c in codes if c is not None)


def innermost(places: list[PlaceRef]) -> list[PlaceRef]:
    """The most specific of a claim's places: "Dandong, China" is about Dandong."""
    return [p for p in places if not any(contains(p, q) and not same_place(p, q) for q in places)]


def country_place(code: str) -> PlaceRef:
    """The country with ISO code ``code`` as a place, e.g. ``CN`` → China (the gazetteer's id is ``cn``)."""
    gazetteer = load_gazetteer()
    try:
        return gazetteer.place_ref(gazetteer.get(code.lower()))
    except NotFoundError:
        raise NotFoundError(
            f"unknown country code {code!r}: use a two-letter ISO code such as CN or RU"
        ) from None


def named_place(name: str, country: str) -> PlaceRef:
    """A place given by name inside ``country``, as the gazetteer knows it when it does."""
    found = load_gazetteer().lookup(name, country.upper())
    return load_gazetteer().place_ref(found) if found else PlaceRef(name=name, country=country.upper())


def places_named(text: str) -> list[PlaceRef]:
    """The gazetteer places a text names, e.g. in the quote of a claim whose own places are empty."""
    gazetteer = load_gazetteer()
    return [gazetteer.place_ref(mention.place) for mention in gazetteer.find(text)]


def _resolve(place: PlaceRef) -> Place | None:
    return _resolve_cached(*_identity(place))


@lru_cache(maxsize=8192)
def _resolve_cached(gazetteer_id: str | None, name: str, country: str | None) -> Place | None:
    gazetteer = load_gazetteer()
    if gazetteer_id:
        try:
            return gazetteer.get(gazetteer_id)
        except NotFoundError:
            pass
    return gazetteer.lookup(name, country)


def _name_key(name: str) -> tuple[str, ...]:
    """A name without case, accents or generic words, so "Jilin Province" equals "jilin"."""
    return tuple(word for word in key_of(name) if word not in GENERIC_WORDS)
