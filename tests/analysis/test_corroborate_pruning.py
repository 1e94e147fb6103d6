"""Corroboration skips findings a claim cannot join, and groups exactly as testing every finding would."""

from __future__ import annotations

import random
from datetime import date

from yalu.analysis.corroborate import _Dated, _same_fact, _span, corroborate
from yalu.analysis.documents import DocumentInfo, index_documents
from yalu.analysis.geography import country_place, named_place
from yalu.model import Claim, DateRange, Evidence, Money, PlaceRef

UNKNOWN_PLACES = [
    PlaceRef(name="Camp Five", country="RU"),
    PlaceRef(name="Dandong", country=None),
    PlaceRef(name="Liaoning", country="RU"),
    PlaceRef(name="Sinuiju"),
]


def places() -> list[PlaceRef]:
    """Places at every level, known and unknown, including ones with no country that match by name."""
    known = [named_place(name, "CN") for name in ["Dandong", "Liaoning", "Hunchun", "Jilin", "Yanji"]]
    known += [named_place(name, "RU") for name in ["Vladivostok", "Primorsky Krai", "Moscow"]]
    return [*known, country_place("CN"), country_place("RU"), *UNKNOWN_PLACES]


def random_date(rng: random.Random) -> DateRange | None:
    year = rng.choice([2023, 2024])
    return rng.choice(
        [
            None,
            DateRange(start=str(year)),
            DateRange(start=f"{year}-{rng.randint(1, 12):02d}"),
            DateRange(start=f"{year}-{rng.randint(1, 6):02d}", end=f"{year}-{rng.randint(6, 12):02d}"),
            DateRange(start=f"{year}-{rng.randint(1, 12):02d}-{rng.choice([1, 15, 28]):02d}"),
        ]
    )


def random_claim(rng: random.Random, number: int, pool: list[PlaceRef]) -> Claim:
    chosen = rng.sample(pool, rng.choice([0, 1, 1, 1, 2]))
    roles = ["location", "destination"]
    return Claim(
        stored_id=f"c{number:04d}",
        document_id=f"d{rng.randint(1, 40)}",
        type=rng.choice(["dispatch", "wage"]),
        modality=rng.choice(["reported", "reported", "expected"]),
        per_group=rng.random() < 0.1,
        date=random_date(rng),
        places=[place.model_copy(update={"role": rng.choice(roles)}) for place in chosen],
        sectors=rng.choice([[], ["seafood"], ["garment"]]),
        incident=rng.choice([None, None, "death"]),
        money=rng.choice([None, Money(min=100, max=100, currency="USD", flow="worker_pay", per="month")]),
        evidence=[Evidence(start=0, end=1, quote="x")],
    )


def random_documents(rng: random.Random) -> list[DocumentInfo]:
    return [
        DocumentInfo(id=f"d{n}", published=rng.choice([None, f"2024-{rng.randint(1, 12):02d}-10"]))
        for n in range(1, 41)
    ]


def test_groups_exactly_as_testing_every_finding() -> None:
    rng = random.Random(7)
    pool = places()
    claims = [random_claim(rng, number, pool) for number in range(600)]
    documents = random_documents(rng)

    found = [finding.claim_ids for finding in corroborate(claims, documents)]

    assert found == groups_testing_every_finding(claims, documents)
    assert any(len(group) > 1 for group in found)


def groups_testing_every_finding(claims: list[Claim], documents: list[DocumentInfo]) -> list[list[str]]:
    """The plain greedy grouping to reproduce: every claim against every finding of its kind."""
    index = index_documents(documents)
    dated = [_Dated(claim, _span(claim, index), None) for claim in claims]
    groups: dict[tuple[str, str, bool], list[list[_Dated]]] = {}
    for item in sorted(dated, key=lambda d: (d.span.first if d.span else date.min, d.claim.id)):
        kind = (item.claim.type, item.claim.modality, item.claim.per_group)
        candidates = groups.setdefault(kind, [])
        home = next((g for g in candidates if all(_same_fact(item, other) for other in g)), None)
        if home is None:
            candidates.append([item])
        else:
            home.append(item)
    return [[d.claim.id for d in group] for kind in sorted(groups) for group in groups[kind]]
