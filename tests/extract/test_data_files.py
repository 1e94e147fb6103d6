"""Every analyst-editable data file loads, compiles, and uses only the contract's closed vocabularies."""

from __future__ import annotations

import re
from typing import Any, get_args

import pytest

from yalu.extract.lexicon import DATA_FILES, load
from yalu.model import CLAIM_TYPES, Money

SECTORS = {
    "garment", "seafood", "food_processing", "restaurant", "construction", "manufacturing", "it",
    "mining", "logging", "fishing", "agriculture", "medical", "other",
}  # fmt: skip
INDICATORS = {
    "abuse_of_vulnerability", "deception", "restriction_of_movement", "isolation", "physical_sexual_violence",
    "intimidation_threats", "retention_of_documents", "withholding_of_wages", "debt_bondage",
    "abusive_conditions", "excessive_overtime",
}  # fmt: skip
INCIDENTS = {"escape", "suicide", "killing", "violence", "protest", "arrest", "disappearance", "other"}
ACTORS = {"DPRK", "China", "Russia", "UN", "US", "employer", "other"}


def patterns_in(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [p for item in node for p in patterns_in(item)]
    if isinstance(node, dict):
        return [p for value in node.values() for p in patterns_in(value)]
    return []


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_pattern_compiles(name: str) -> None:
    patterns = patterns_in(load(name))
    assert patterns, name
    for pattern in patterns:
        re.compile(pattern)


def test_labels_come_from_the_closed_lists() -> None:
    assert set(load("sectors")) <= SECTORS
    assert set(load("indicators")) == INDICATORS
    assert set(load("incidents")["labels"]) <= INCIDENTS
    assert set(load("incidents")["absorbs"]) <= INCIDENTS
    assert {kind for kinds in load("incidents")["absorbs"].values() for kind in kinds} <= INCIDENTS
    assert set(load("actors")) <= ACTORS
    assert set(load("triggers")) <= set(CLAIM_TYPES)


def test_money_vocabularies_match_the_model() -> None:
    money = load("money")
    fields = Money.model_fields
    assert set(money["flows"]) <= set(get_args(fields["flow"].annotation))
    assert set(money["periods"]) <= set(get_args(get_args(fields["per"].annotation)[0]))
    for code in money["currencies"]:
        assert re.fullmatch(r"[A-Z]{3}", code)
