"""Organization names: proper names only, generic words stripped, reporting bodies left out."""

from __future__ import annotations

from yalu.extract.organizations import find_organizations, has_organization_role


def names(text: str) -> list[str]:
    return [m.name for m in find_organizations(text)]


def test_names_with_head_words() -> None:
    text = "Workers were recruited by the Rimyongsu Trading Corporation and vetted by the Ministry of Labour."
    assert names(text) == ["Rimyongsu Trading Corporation", "Ministry of Labour"]
    assert has_organization_role(text)


def test_generic_words_are_stripped() -> None:
    assert names("They sew at the Golden Crane garment factory in Yanji.") == ["Golden Crane"]
    assert names("Staff came from North Korea's Ministry of Fisheries.") == ["Ministry of Fisheries"]


def test_lists_stay_separate_names() -> None:
    text = "Sambong Construction Group, Tonghae Trading Company and Pyolmuri Enterprise hired them."
    assert names(text) == ["Sambong Construction Group", "Tonghae Trading Company", "Pyolmuri Enterprise"]


def test_restaurant_names_by_their_suffix() -> None:
    assert names("The chain runs Okryugwan and Chongryugwan in Vientiane.") == ["Okryugwan", "Chongryugwan"]


def test_what_is_not_an_organization() -> None:
    assert names("A trading company hired them, Daily NK reported.") == []
    assert names("Officials from China's Ministry of Public Security said so.") == []
    assert names("The company, run by a Chinese businessman, is hiring.") == []
    assert names("One company built a dormitory for them.") == []


def test_a_named_workplace_has_a_role() -> None:
    assert has_organization_role("Workers gather after lunch at the Red Star garment factory.")
    assert not has_organization_role("The Red Star factory was painted blue.")
