"""Gazetteer speed: place lookup on generated reports of about 4 KB.

Run ``.venv/bin/python benchmarks/gazetteer.py`` (``--documents N`` to change
the sample). Prints the one-off load time, then milliseconds per document for
``find`` over the whole text and for ``find`` on every sentence with the
document as context, which is how the extractor calls it. The extractor's
budget is 150 documents per second in all (under 7 ms each); the gazetteer
should take a small part of it.
"""

from __future__ import annotations

import argparse
import random
import re
import time

from rich.console import Console

from yalu.extract.places import load_gazetteer

PLACES = [
    "Dandong", "Hunchun", "Sinuiju", "Nanping", "Vladivostok", "Khabarovsk", "Jilin Province",
    "North Hamgyong Province", "the Russian Far East", "Qatar", "Yanji", "Tumen", "Shenyang",
]  # fmt: skip
SENTENCES = [
    "About {n} North Korean workers arrived in {place} in {month}, a source in {other} said.",
    "The workers, who came through {place}, sew clothes for Chinese buyers and earn {n} yuan a month.",
    "Managers at the factory near {place} collect passports and allow no phones, the source added.",
    "Radio Free Asia reported that Kim Jong Un's government sent {n} more workers to {place}.",
    "Police in {place} said nothing; Mobile phones and Reading material are banned in the dormitory.",
    "A trader who travels between {place} and {other} said the new group would leave in {month}.",
]
MONTHS = ["January", "March", "late April", "September", "early December"]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def report(rng: random.Random, size: int = 4096) -> str:
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < size:
        template = rng.choice(SENTENCES)
        parts.append(template.format(n=rng.randint(20, 3000), place=rng.choice(PLACES),
                                     other=rng.choice(PLACES), month=rng.choice(MONTHS)))  # fmt: skip
    return " ".join(parts)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    args = parser.parse_args()
    console = Console()
    started = time.perf_counter()
    gazetteer = load_gazetteer()
    console.print(f"load: {time.perf_counter() - started:.2f} s")
    rng = random.Random(7)
    documents = [report(rng) for _ in range(args.documents)]

    started = time.perf_counter()
    mentions = sum(len(gazetteer.find(text)) for text in documents)
    whole = (time.perf_counter() - started) / len(documents)
    started = time.perf_counter()
    for text in documents:
        for sentence in SENTENCE_END.split(text):
            gazetteer.find(sentence, context=text)
    by_sentence = (time.perf_counter() - started) / len(documents)
    console.print(f"{len(documents)} documents of 4 KB, {mentions / len(documents):.1f} places each")
    console.print(f"find on the whole text:         {whole * 1000:.2f} ms per document")
    console.print(f"find per sentence with context: {by_sentence * 1000:.2f} ms per document")


if __name__ == "__main__":
    main()
