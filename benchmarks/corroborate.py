"""Corroboration speed: grouping generated claims into findings, as the workspace's findings page does.

Run ``.venv/bin/python benchmarks/corroborate.py`` (``--claims N`` for other
sizes, repeatable). Claims are made in memory the way ``benchmarks/web.py``
fills its store: a month in 2015-2025, one destination from a list of Chinese
and Russian places, one sector, ten claims per document. Prints seconds per
size; the workspace store of 100,000 claims should take well under a minute.
"""

from __future__ import annotations

import argparse
import random
import time

from rich.console import Console

from yalu.analysis.corroborate import corroborate
from yalu.analysis.documents import DocumentInfo
from yalu.extract.places import load_gazetteer
from yalu.model import Claim, Count, DateRange, Evidence, PlaceRef

PLACES = [
    "Dandong", "Hunchun", "Shenyang", "Yanji", "Vladivostok", "Khabarovsk", "Moscow", "Nakhodka",
    "Ussuriysk", "Tumen", "Helong", "Harbin", "Beijing", "Saint Petersburg", "Omsk",
]  # fmt: skip
TYPES = ["dispatch", "presence", "return", "wage", "condition", "incident", "policy", "organization"]
SECTORS = ["seafood", "garment", "construction", "logging", "restaurant", "it", "manufacturing"]
OUTLETS = ["Daily NK", "Radio Free Asia", "NK News", "ASIAPRESS", "Yonhap", "The Associated Press"]
PER_DOCUMENT = 10


def place_refs() -> list[PlaceRef]:
    gazetteer = load_gazetteer()
    found = (gazetteer.lookup(name) for name in PLACES)
    return [gazetteer.place_ref(place, "destination") for place in found if place is not None]


def generate(rng: random.Random, claims: int) -> tuple[list[Claim], list[DocumentInfo]]:
    places = place_refs()
    documents, made = [], []
    for number in range(1, claims // PER_DOCUMENT + 1):
        year = rng.randint(2015, 2025)
        documents.append(
            DocumentInfo(id=f"doc-{number}", outlet=rng.choice(OUTLETS), published=f"{year}-06-15")
        )
        for index in range(PER_DOCUMENT):
            count = rng.randint(10, 3000)
            month = f"{year}-{rng.randint(1, 12):02d}"
            made.append(
                Claim(
                    stored_id=f"{number:05d}{index:03d}",
                    document_id=f"doc-{number}",
                    type=rng.choice(TYPES),  # type: ignore[arg-type]
                    count=Count(min=count, max=count),
                    date=DateRange(start=month),
                    places=[rng.choice(places)],
                    sectors=[rng.choice(SECTORS)],
                    evidence=[Evidence(start=0, end=5, quote="About")],
                )
            )
    return made, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, action="append", help="Claims to group (repeatable).")
    args = parser.parse_args()
    console = Console()
    for size in args.claims or [20_000, 100_000]:
        claims, documents = generate(random.Random(2397), size)
        started = time.perf_counter()
        findings = corroborate(claims, documents)
        seconds = time.perf_counter() - started
        console.print(f"{size:>8,} claims → {len(findings):,} findings in {seconds:.1f} s")


if __name__ == "__main__":
    main()
