"""Workspace speed: page latency over 10,000 documents and 100,000 claims in SQLite.

Run ``.venv/bin/python benchmarks/web.py`` (``--documents``/``--claims`` for a
smaller store). The store is generated with bulk inserts into a temporary
SQLite file; requests go through the whole application (routing, login
session, queries, templates) with an in-process HTTP client, so the figures
leave out only the network. The overview's aggregates are kept per shard of
documents and counted again only where claims changed, so it is measured
twice: as usually served, and just after a review (one shard counted again
each time). Target: p95 under 300 ms for each page.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from sqlalchemy import insert, update

from yalu import accounts
from yalu.config import Settings
from yalu.extract.places import load_gazetteer
from yalu.store import ClaimPlaceRow, ClaimRow, DocumentRow, EvidenceRow, OriginalRow, Store, open_store
from yalu.web import create_app

PLACES = [
    "Dandong", "Hunchun", "Shenyang", "Yanji", "Vladivostok", "Khabarovsk", "Moscow", "Tynda", "Sinuiju",
    "Nakhodka", "Ussuriysk", "Tumen", "Helong", "Harbin", "Beijing", "Saint Petersburg", "Omsk",
]  # fmt: skip
TYPES = ["dispatch", "presence", "return", "wage", "condition", "incident", "policy", "organization"]
STATUSES = ["suggested"] * 7 + ["confirmed", "corrected", "rejected"]
SECTORS = ["seafood", "garment", "construction", "logging", "restaurant", "it", "manufacturing"]
OUTLETS = ["Daily NK", "Radio Free Asia", "NK News", "ASIAPRESS", "Yonhap", "The Associated Press"]
SENTENCE = "About {n} North Korean workers were sent to {place} in {month} to work in {sector}. "
MONTHS = ["March", "May", "June", "September"]
PASSWORD = "benchmark password 1"
BATCH = 2000


def place_refs() -> list[dict[str, Any]]:
    gazetteer = load_gazetteer()
    refs = []
    for name in PLACES:
        place = gazetteer.lookup(name)
        if place is not None:
            refs.append(gazetteer.place_ref(place, "destination").model_dump())
    return refs


def sentence(rng: random.Random) -> str:
    return SENTENCE.format(
        n=rng.randint(10, 3000),
        place=rng.choice(PLACES),
        month=rng.choice(MONTHS),
        sector=rng.choice(SECTORS),
    )


def generate(rng: random.Random, documents: int, claims: int) -> Iterator[list[list[dict[str, Any]]]]:
    """Rows per table, in batches: originals, documents, then claims with their evidence and places."""
    places = place_refs()
    now = datetime.now(UTC)
    per_document = max(1, claims // documents)
    originals, docs, claim_rows, evidence, claim_places = [], [], [], [], []
    for number in range(1, documents + 1):
        text = "".join(
            SENTENCE.format(
                n=rng.randint(10, 3000),
                place=rng.choice(PLACES),
                month=rng.choice(["May", "June"]),
                sector=rng.choice(SECTORS),
            )
            for _ in range(per_document + 8)
        )
        sha = hashlib.sha256(f"{number}:{text}".encode()).hexdigest()
        originals.append(
            {"sha256": sha, "content": text.encode(), "size": len(text), "media_type": "text/plain"}
        )
        year, month = rng.randint(2015, 2025), rng.randint(1, 12)
        docs.append(
            {
                "id": number,
                "external_id": f"doc-{number:05d}",
                "sha256": sha,
                "text": text,
                "title": f"Report {number}",
                "outlet": rng.choice(OUTLETS),
                "published": f"{year}-{month:02d}-15",
                "media_type": "text/plain",
                "ingested_at": now,
                "sensitive": number % 50 == 0,
                "extra": {},
            }
        )
        sentence_starts = [i for i, c in enumerate(text) if c == "A" and text.startswith("About", i)]
        for index in range(per_document):
            claim_id = f"{number:05d}{index:03d}"
            start = sentence_starts[index]
            end = text.index(". ", start) + 1
            count = rng.randint(10, 3000)
            claim_date = f"{year}-{rng.randint(1, 12):02d}"
            claim_rows.append(
                {
                    "id": claim_id,
                    "document_id": number,
                    "type": rng.choice(TYPES),
                    "modality": "reported",
                    "count_min": count,
                    "count_max": count,
                    "per_group": False,
                    "date_start": claim_date,
                    "date_end": claim_date,
                    "date_precision": "month",
                    "sectors": [rng.choice(SECTORS)],
                    "indicators": [],
                    "organizations": [],
                    "rule": "benchmark",
                    "status": rng.choice(STATUSES),
                    "created_at": now - timedelta(minutes=rng.randint(0, 100000)),
                    "updated_at": now,
                }
            )
            evidence.append(
                {"claim_id": claim_id, "ordinal": 0, "start": start, "end": end, "quote": text[start:end]}
            )
            claim_places.append({"claim_id": claim_id, "ordinal": 0, **rng.choice(places)})
        if len(claim_rows) >= BATCH or number == documents:
            yield [originals, docs, claim_rows, evidence, claim_places]
            originals, docs, claim_rows, evidence, claim_places = [], [], [], [], []


def fill(store: Store, documents: int, claims: int, console: Console) -> None:
    tables = [OriginalRow, DocumentRow, ClaimRow, EvidenceRow, ClaimPlaceRow]
    rng = random.Random(2375)
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("Generating the store", total=documents)
        for batches in generate(rng, documents, claims):
            with store.transaction() as session:
                for table, rows in zip(tables, batches, strict=True):
                    session.execute(insert(table), rows)  # type: ignore[arg-type]
            progress.update(task, completed=batches[1][-1]["id"])
    with store.transaction() as session:
        accounts.add_user(session, "bench", "analyst", PASSWORD)
    with store.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")


def measure(
    client: TestClient, paths: list[str], repeats: int, before: Callable[[], None] | None = None
) -> list[float]:
    """Milliseconds per request, after two untimed warm-up requests; ``before`` runs untimed before each."""
    for path in paths[:2]:
        client.get(path)
    timings = []
    for index in range(repeats):
        path = paths[index % len(paths)]
        if before is not None:
            before()
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
    return timings


def review_one(store: Store) -> Callable[[], None]:
    """A stand-in for an analyst's review: one claim's status changes, so cached aggregates are stale."""
    statuses = iter(["confirmed", "suggested"] * 10_000)

    def review() -> None:
        with store.transaction() as session:
            session.execute(
                update(ClaimRow)
                .where(ClaimRow.id == "00001000")
                .values(status=next(statuses), updated_at=datetime.now(UTC))
            )

    return review


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=60, help="Timed requests per page.")
    args = parser.parse_args()
    console = Console()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        started = time.perf_counter()
        fill(store, args.documents, args.claims, console)
        console.print(
            f"Loaded {args.documents:,} documents and {args.claims:,} claims "
            f"in {time.perf_counter() - started:.1f} s"
        )
        settings = Settings(
            data_dir=Path(folder), secret_key="a3f1c8e27b9d40561e8f2a7c3b9d0e4f5a6b7c8d9e0f1a2b"
        )
        client = TestClient(create_app(settings, store=store), base_url="https://bench")
        token = client.get("/login.json").json()["csrf_token"]
        client.post("/login", data={"name": "bench", "password": PASSWORD, "csrf_token": token})
        rng = random.Random(2397)
        pages = {
            "overview": ["/overview"],
            "claims, filtered": [
                "/claims?type=dispatch&place=cn-jilin&date_from=2019&sort=-count",
                "/claims?status=suggested&sector=seafood&outlet=Daily+NK&page=3",
                "/claims?type=presence&type=return&place=ru&date_from=2020-01&date_to=2023-12",
            ],
            "document": [f"/documents/doc-{rng.randint(1, args.documents):05d}" for _ in range(20)],
        }
        table = Table("page", "p50 ms", "p95 ms", "max ms", title="Workspace latency (in-process client)")
        cases = [(name, paths, None) for name, paths in pages.items()]
        cases.insert(1, ("overview, just after a review", pages["overview"], review_one(store)))
        for name, paths, before in cases:
            timings = measure(client, paths, args.repeats, before)
            cuts = statistics.quantiles(timings, n=20)
            table.add_row(name, f"{statistics.median(timings):.0f}", f"{cuts[18]:.0f}", f"{max(timings):.0f}")
        console.print(table)
        client.close()
        store.close()


if __name__ == "__main__":
    main()
