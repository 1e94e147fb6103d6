"""Ingest speed: 10,000 generated reports of about 4 KB into a fresh SQLite store.

Run ``.venv/bin/python benchmarks/ingest.py`` (``--documents N`` for a quicker
run). The reports are written as text files first, then ingested through the
library API, so the figure covers reading, decoding, hashing, near-duplicate
detection, storing and indexing. One report in twenty is a syndicated copy of
an earlier one. Target: at least 300 documents per second.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from yalu.ingest import Ingester
from yalu.store import open_store

PLACES = ["Dandong", "Hunchun", "Shenyang", "Vladivostok", "Khabarovsk", "Moscow", "Tynda", "Yanji"]
SECTORS = ["seafood processing", "garment", "construction", "logging", "restaurant", "electronics assembly"]
OUTLETS = ["Daily NK", "Radio Free Asia", "NK News", "Asia Press", "Yonhap", "The Associated Press"]
SENTENCES = [
    "About {n} North Korean workers arrived in {place} in {month}, a source in {province} province said.",
    "The workers were assigned to {sector} sites run by a company with ties to the {agency}.",
    "They live in a dormitory and may leave only in groups of {small}, accompanied by a minder.",
    "Each worker earns roughly {wage} yuan a month, most of which is paid to the state.",
    "A manager in {place} said the plant had hired another {n} workers since {month}.",
    "Local officials declined to comment on the workers' visas, which were issued as trainee permits.",
    "Passports are kept by the team leader, and phones are not allowed on the factory floor.",
    "Several workers reportedly fell ill after shifts of {hours} hours with one day off a month.",
    "The {agency} sends inspectors every quarter to check on loyalty and output targets.",
    "Buses carrying returning workers crossed the bridge from {place} early on {month} {day}.",
    "Traders in {place} said demand for {sector} labour had grown despite United Nations sanctions.",
    "The source, who asked not to be named for safety reasons, spoke by phone from {place}.",
]
MONTHS = ["January", "March", "May", "June", "August", "September", "November"]
PROVINCES = ["North Pyongan", "Ryanggang", "North Hamgyong", "South Hwanghae"]
AGENCIES = ["Ministry of External Economic Relations", "Workers' Party", "Ministry of State Security"]
COPY_EVERY = 20


def report(rng: random.Random, size: int) -> str:
    sentences = []
    while sum(len(s) + 1 for s in sentences) < size:
        template = rng.choice(SENTENCES)
        sentences.append(
            template.format(
                n=rng.randint(10, 3000),
                place=rng.choice(PLACES),
                month=rng.choice(MONTHS),
                day=rng.randint(1, 28),
                province=rng.choice(PROVINCES),
                sector=rng.choice(SECTORS),
                agency=rng.choice(AGENCIES),
                small=rng.randint(2, 6),
                wage=rng.randint(8, 30) * 100,
                hours=rng.randint(12, 18),
            )
        )
    return " ".join(sentences)


def syndicated(rng: random.Random, text: str) -> str:
    """A wire copy: the same story with a dateline, a tail, and a word changed here and there."""
    words = text.split()
    for _ in range(len(words) // 100):
        words[rng.randrange(len(words))] = rng.choice(["reportedly", "allegedly", "some", "many"])
    return f"SEOUL ({rng.choice(OUTLETS)}) -- {' '.join(words)} Reporting by staff; editing by the desk."


def write_corpus(folder: Path, documents: int, size: int, seed: int) -> None:
    rng = random.Random(seed)
    texts: list[str] = []
    for number in range(documents):
        copy = number % COPY_EVERY == COPY_EVERY - 1 and texts
        text = syndicated(rng, rng.choice(texts)) if copy else report(rng, size)
        texts.append(text)
        (folder / f"report-{number:05d}.txt").write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--size", type=int, default=4_000, help="approximate bytes per report")
    parser.add_argument("--seed", type=int, default=2375)
    args = parser.parse_args()
    console = Console()
    with tempfile.TemporaryDirectory(prefix="yalu-bench-") as temporary:
        folder = Path(temporary) / "reports"
        folder.mkdir()
        write_corpus(folder, args.documents, args.size, args.seed)
        store = open_store(f"sqlite:///{Path(temporary) / 'bench.sqlite'}")
        ingester = Ingester(store, max_file_size=50 * 2**20)
        tally: Counter[str] = Counter()
        started, cpu_started = time.perf_counter(), time.process_time()
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("Ingesting", total=args.documents)
            for outcome in ingester.ingest([folder]):
                tally[outcome.status] += 1
                progress.advance(task)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        store.close()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    console.print(f"documents: {args.documents:,} of ~{args.size:,} bytes ({dict(tally)})")
    # CPU time shows what the figure would be on an idle machine when other work shares the cores.
    console.print(f"elapsed: {elapsed:.1f} s (CPU {cpu:.1f} s)")
    console.print(f"documents/second: {args.documents / elapsed:,.0f}")
    console.print(f"peak memory (max RSS): {peak_mib:,.0f} MiB")


if __name__ == "__main__":
    main()
