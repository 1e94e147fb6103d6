"""The bundled demo corpus is a valid "Documents in" file whose every text is a cited paraphrase.

The corpus ships inside the package, so it is read the way installed code reads it,
through importlib.resources, not from the source tree.
"""

from __future__ import annotations

import json
import re
from datetime import date
from importlib.resources import files
from typing import Any

import pytest

REQUIRED_FIELDS = ("id", "text", "url", "outlet", "title", "published", "language", "citation", "paraphrase")
CHINA_PLACES = ("China", "Dandong", "Donggang", "Hunchun", "Helong", "Yanji", "Shenyang", "Changbai")
RUSSIA_PLACES = ("Russia", "Vladivostok", "Khabarovsk", "Moscow", "St. Petersburg", "Kursk", "Tatarstan")


def load_corpus() -> list[dict[str, Any]]:
    lines = files("yalu.demo").joinpath("corpus.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


CORPUS = load_corpus()


def is_contract_date(value: str) -> bool:
    """The contract allows YYYY, YYYY-MM or YYYY-MM-DD; each must be a real calendar date."""
    padded = {4: "-01-01", 7: "-01", 10: ""}.get(len(value))
    if padded is None or not re.fullmatch(r"\d{4}(-\d{2}){0,2}", value):
        return False
    try:
        date.fromisoformat(value + padded)
    except ValueError:
        return False
    return True


def test_corpus_has_enough_documents_with_unique_ids() -> None:
    ids = [record["id"] for record in CORPUS]
    assert len(ids) >= 20
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("record", CORPUS, ids=lambda record: record["id"])
def test_record_has_contract_fields_and_a_matching_citation(record: dict[str, Any]) -> None:
    assert all(field in record for field in REQUIRED_FIELDS)
    assert record["text"].strip() and record["outlet"] and record["title"]
    assert record["language"] == "en"
    assert record["paraphrase"] is True
    assert record["url"] is None or record["url"].startswith(("http://", "https://"))
    citation = record["citation"]
    assert (citation["outlet"], citation["published"], citation["url"]) == (
        record["outlet"],
        record["published"],
        record["url"],
    )


@pytest.mark.parametrize("record", CORPUS, ids=lambda record: record["id"])
def test_published_is_a_valid_contract_date(record: dict[str, Any]) -> None:
    assert is_contract_date(record["published"]), record["published"]


@pytest.mark.parametrize("record", CORPUS, ids=lambda record: record["id"])
def test_text_ends_with_a_paraphrase_line_naming_its_source(record: dict[str, Any]) -> None:
    last_line = record["text"].rstrip().splitlines()[-1]
    where = record["url"] or "original report"
    assert last_line == (
        f"Paraphrased by the Yalu project from {record['outlet']}, {record['published']}; see {where}."
    )


def test_corpus_draws_on_several_outlets() -> None:
    assert len({record["outlet"] for record in CORPUS}) >= 5


@pytest.mark.parametrize(("country", "places"), [("China", CHINA_PLACES), ("Russia", RUSSIA_PLACES)])
def test_corpus_covers_china_and_russia(country: str, places: tuple[str, ...]) -> None:
    covering = [record["id"] for record in CORPUS if any(place in record["text"] for place in places)]
    assert len(covering) >= 5, f"only {covering} mention {country}"
