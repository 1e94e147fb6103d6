"""Reads and checks the analyst-edited gazetteer files in ``extract/data``.

``places.csv`` holds the DPRK–China–Russia border region and the places
reports name most, with aliases and the admin hierarchy; ``place_kinds.yaml``
says how precisely each kind may be plotted; ``place_stoplist.txt`` lists
names that are never places. Every problem is reported with its file and
line, because an analyst, not a programmer, will be fixing it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable

import yaml

from yalu.errors import InputError
from yalu.extract.places.names import key_of
from yalu.extract.places.place import Place

PRECISIONS = ("exact", "city", "province", "country", "region")
COLUMNS = ("id", "name", "kind", "country", "parent", "lat", "lon", "geonames", "admin1", "aliases")
PLACE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class PlaceKind:
    precision: str
    designators: tuple[str, ...] = ()


@dataclass
class CuratedPlaces:
    places: list[Place] = field(default_factory=list)
    replaces: dict[int, str] = field(default_factory=dict)
    """GeoNames city id → id of the curated place that stands for it."""
    admin1: dict[tuple[str, str], str] = field(default_factory=dict)
    """(country, GeoNames admin1 code) → id of the curated province that GeoNames cities there belong to."""


def read_kinds(path: Traversable) -> dict[str, PlaceKind]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise InputError(str(path), f"cannot read: {err}") from err
    if not isinstance(data, dict):
        raise InputError(str(path), "expected a mapping of kind → {precision, designators}")
    kinds = {}
    for kind, spec in data.items():
        if not isinstance(spec, dict) or spec.get("precision") not in PRECISIONS:
            raise InputError(str(path), f"kind {kind!r}: precision must be one of {', '.join(PRECISIONS)}")
        kinds[kind] = PlaceKind(spec["precision"], tuple(spec.get("designators", ())))
    return kinds


def read_stoplist(path: Traversable) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def read_places(path: Traversable, kinds: Collection[str], countries: Collection[str]) -> CuratedPlaces:
    """All rows of ``places.csv``, checked row by row and then as a hierarchy."""
    curated = CuratedPlaces()
    lines: dict[str, int] = {}
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
    missing = set(COLUMNS) - set(reader.fieldnames or ())
    if missing:
        raise InputError(str(path), f"missing columns: {', '.join(sorted(missing))}", 1)
    for row in reader:
        cell = {column: (row.get(column) or "").strip() for column in COLUMNS}
        try:
            place = _place(cell, kinds, countries)
            if place.id in lines:
                raise ValueError(f"duplicate id {place.id!r} (first on line {lines[place.id]})")
            _register_links(curated, cell, place)
        except ValueError as err:
            raise InputError(str(path), str(err), reader.line_num) from None
        lines[place.id] = reader.line_num
        curated.places.append(place)
    _check_hierarchy(curated.places, lines, str(path))
    _check_aliases(curated.places, lines, str(path))
    return curated


def _place(cell: dict[str, str], kinds: Collection[str], countries: Collection[str]) -> Place:
    if not PLACE_ID.fullmatch(cell["id"]):
        raise ValueError(f"id {cell['id']!r} must be lowercase words joined by hyphens")
    if not cell["name"]:
        raise ValueError("empty name")
    if cell["kind"] not in kinds:
        raise ValueError(f"unknown kind {cell['kind']!r} (see place_kinds.yaml)")
    if cell["country"] and cell["country"] not in countries:
        raise ValueError(f"unknown country code {cell['country']!r}")
    if cell["kind"] == "country" and (cell["id"] != cell["country"].lower() or cell["parent"]):
        raise ValueError("a country's id is its lowercase ISO code and it has no parent")
    aliases = tuple(a.strip() for a in cell["aliases"].split(";") if a.strip())
    return Place(
        id=cell["id"],
        name=cell["name"],
        kind=cell["kind"],
        country=cell["country"] or None,
        parent_id=cell["parent"] or None,
        lat=_coordinate(cell["lat"], 90),
        lon=_coordinate(cell["lon"], 180),
        aliases=aliases,
    )


def _coordinate(value: str, limit: float) -> float:
    number = float(value)  # a ValueError names the bad value
    if not -limit <= number <= limit:
        raise ValueError(f"coordinate {number} is outside ±{limit}")
    return number


def _register_links(curated: CuratedPlaces, cell: dict[str, str], place: Place) -> None:
    """Remember which GeoNames records and admin1 areas a curated row speaks for."""
    for value in filter(None, (v.strip() for v in cell["geonames"].split(";"))):
        geonameid = int(value)
        if geonameid in curated.replaces:
            raise ValueError(f"GeoNames id {value} is already used by {curated.replaces[geonameid]!r}")
        curated.replaces[geonameid] = place.id
    if cell["admin1"]:
        if place.country is None or (place.country, cell["admin1"]) in curated.admin1:
            raise ValueError(f"admin1 {cell['admin1']!r} needs a country and must be unique in it")
        curated.admin1[(place.country, cell["admin1"])] = place.id


def _check_hierarchy(places: list[Place], lines: dict[str, int], path: str) -> None:
    by_id = {p.id: p for p in places}
    for place in places:
        seen = {place.id}
        current = place
        while current.parent_id is not None:
            parent = by_id.get(current.parent_id)
            if parent is None:
                raise InputError(path, f"parent {current.parent_id!r} does not exist", lines[current.id])
            if parent.id in seen:
                raise InputError(path, f"parent chain of {place.id!r} loops", lines[place.id])
            if current.country and parent.country and current.country != parent.country:
                problem = f"{current.id!r} is in {current.country} but its parent is not"
                raise InputError(path, problem, lines[current.id])
            seen.add(parent.id)
            current = parent


def _check_aliases(places: list[Place], lines: dict[str, int], path: str) -> None:
    """One name, one place per country: within a country only the context could tell, and it can't."""
    owner: dict[tuple[str | None, tuple[str, ...]], str] = {}
    for place in places:
        for name in {key_of(n) for n in (place.name, *place.aliases)}:
            other = owner.setdefault((place.country, name), place.id)
            if other != place.id:
                raise InputError(
                    path, f"{' '.join(name)!r} names both {other!r} and {place.id!r}", lines[place.id]
                )
