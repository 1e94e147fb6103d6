"""Extraction speed: generated reports of about 4 KB through the stateless extractor on one core.

Run ``.venv/bin/python benchmarks/extract.py`` (``--documents N`` for a quicker
run, ``--profile`` for the 20 most expensive functions). The reports mix the
sentences extraction cares about (counts, places, dates, money, conditions)
half and half with the context sentences real reports are full of. The
gazetteer is loaded before timing starts, as a long-running batch loads it
once (``benchmarks/gazetteer.py`` times the load). Target: at least 150
documents per second on one core.

Two rates are printed: by the wall clock, and by the CPU time of this process.
On a machine shared with other work the wall-clock rate drops with the load;
compare the CPU rate, before and after a change, in the same conditions.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import time

from yalu.extract import extract_document
from yalu.extract.places import load_gazetteer
from yalu.model import Document

PLACES = [
    "Dandong",
    "Hunchun",
    "Shenyang",
    "Vladivostok",
    "Khabarovsk",
    "Donggang",
    "Tumen",
    "Yanji",
    "Helong",
]
PROVINCES = ["North Pyongan", "Ryanggang", "North Hamgyong", "Chagang"]
SECTORS = ["seafood processing", "garment", "construction", "logging", "restaurant", "electronics assembly"]
MONTHS = ["January", "March", "late April", "mid-June", "September", "early December"]
SENTENCES = [
    "About {n} North Korean workers were sent to {place} in {month}, a source in {province} province said.",
    "The workers were assigned to {sector} plants run by the Kumsong Trading Company.",
    "They live in a dormitory and may leave only in groups of {small}, accompanied by a minder.",
    "Each worker earns roughly {wage} yuan (about ${usd}) a month, most of which is paid to the state.",
    "A manager in {place} said the plant had hired another {n} workers since {month}.",
    "Local officials declined to comment on the workers' visas, which were issued as trainee permits.",
    "Passports are kept by the team leader, and phones are not allowed on the factory floor.",
    "Several workers reportedly fell ill after shifts of {hours} hours a day with one day off a month.",
    "Buses carrying returning workers crossed the bridge from {place} on Sept. {day} and {day2}.",
    "Traders in {place} said demand for {sector} labour had grown despite United Nations sanctions.",
    "Last month, two workers escaped from a factory in {place}, and the police arrested one of them.",
    "Dozens of women from {province} crossed into China through the customs office at {place} this year.",
]
# Reports are half context: history, diplomacy, quotes, the outlet's own notes.
BACKGROUND = [
    "The weather was mild and the market near the station was busy with traders selling vegetables.",
    "Relations between the two governments have warmed since the leaders met in {month}.",
    "Analysts say the trend reflects a wider shift in trade across the border near {place}.",
    '"It is hard to say what will happen next," one trader told the reporter.',
    "Prices for rice and corn rose again at markets in {province} province last week.",
    "The source asked not to be named for security reasons.",
    "Please send any comments or questions about this article to our newsroom.",
    "Officials in Seoul declined to comment on the report when contacted by phone.",
    "The city has expanded its port and built new roads along the river over the past decade.",
    "Read in Korean",
]


def make_document(number: int, rng: random.Random) -> Document:
    sentences: list[str] = []
    while sum(len(s) + 1 for s in sentences) < 4000:
        template = rng.choice(SENTENCES if rng.random() < 0.5 else BACKGROUND)
        sentences.append(
            template.format(
                n=rng.randint(20, 3000),
                place=rng.choice(PLACES),
                province=rng.choice(PROVINCES),
                month=rng.choice(MONTHS),
                sector=rng.choice(SECTORS),
                small=rng.randint(2, 5),
                wage=rng.randint(500, 3000),
                usd=rng.randint(70, 420),
                hours=rng.randint(10, 16),
                day=rng.randint(1, 14),
                day2=rng.randint(15, 28),
            )
        )
    text = f"Workers sent to {rng.choice(PLACES)}\n" + " ".join(sentences)
    return Document(id=f"bench-{number}", text=text, published="2024-05-20")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000, help="How many reports to extract.")
    parser.add_argument("--profile", action="store_true", help="Print the 20 most expensive functions.")
    args = parser.parse_args()
    rng = random.Random(7)
    documents = [make_document(n, rng) for n in range(args.documents)]
    gazetteer = load_gazetteer()
    extract_document(documents[0], gazetteer)  # compile the lexicons outside the timing
    profiler = cProfile.Profile() if args.profile else None
    started, cpu_started = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    claims = sum(len(extract_document(document, gazetteer)) for document in documents)
    if profiler:
        profiler.disable()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    size = sum(len(d.text) for d in documents) / len(documents)
    print(f"{len(documents)} documents of {size:,.0f} characters, {claims:,} claims in {elapsed:.2f} s")
    print(f"{len(documents) / elapsed:,.1f} documents/second (target 150)")
    print(f"{len(documents) / cpu:,.1f} documents/second of CPU time (the figure on a busy machine)")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(20)


if __name__ == "__main__":
    main()
