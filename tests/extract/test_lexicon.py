"""The prefix tree a lexicon is compiled to matches exactly where its plain alternation does."""

from __future__ import annotations

import re

import pytest

from yalu.extract.lexicon import CaseFree, expanded, prefix_tree, whole_words

TEXTS = [
    "workers and work at the works; women worked, a woman and a man",
    "an man wage wages workers' workshop co-workers",
    "they were sent to work, sending a worker, dispatched abroad",
    "12 hours a day, 9 to 14 hours a day, mobile apps and web app",
    "",
]


def _spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(whole_words(pattern), text)]


@pytest.mark.parametrize(
    "patterns",
    [
        ["workers", "work", "women", "woman", "worker"],
        ["work", "workers"],  # the shorter first: it wins where both match, as in the plain alternation
        ["wage", "(?:a|an) man", "wages?", "women"],
        ["(?:mobile |web )?apps?", "app"],
        [r"(?:1[2-9]|2[0-4])(?: to \d+)? hours a day", r"\d+ to (?:1[2-9]|2[0-4]) hours a day", r"\d+ hours"],
        ["sen(?:t|d|ding)", "sent to work", "(?<!the\\s)dispatched", "work(?:ed|s)?"],
        ["a", "an", "a man", ""],
        ["making|sewing|process(?:ing)?", "sewn", "mak(?:e|es)"],
    ],
)
def test_a_prefix_tree_matches_as_the_plain_alternation(patterns: list[str]) -> None:
    plain = "|".join(f"(?:{p})" for p in patterns)
    for text in TEXTS:
        assert _spans(prefix_tree(patterns), text) == _spans(plain, text), (patterns, text)


def test_alternatives_sharing_a_start_share_one_branch() -> None:
    assert prefix_tree(["workers", "work", "women"]) == "w(?:o(?:r(?:k(?:ers|(?:)))|men))"


def test_a_leading_group_is_spelt_out_in_order() -> None:
    assert expanded("(?:sent|dispatched) to") == ["sent to", "dispatched to"]
    assert expanded("(?:mobile |web )?apps?") == ["mobile apps?", "web apps?", "apps?"]


def test_a_pattern_of_alternatives_is_spelt_out_in_order() -> None:
    assert expanded("making|sewing|process(?:ing)?") == ["making", "sewing", "process(?:ing)?"]


def test_a_repeated_or_lazy_group_is_left_whole() -> None:
    assert expanded("(?:very )+busy") == ["(?:very )+busy"]
    assert expanded("(?:very )??busy") == ["(?:very )??busy"]


def test_a_case_free_pattern_matches_in_any_case_and_script() -> None:
    negation = CaseFree(r"\bnot\b(?:\W+\w+){0,2}\W*$")
    assert negation.search("They were NOT ")
    assert negation.search("They were Not allowed ")
    assert not negation.search("They were notified ")
    assert negation.search("“They were not ")  # beyond ASCII: the case-insensitive regex
    assert CaseFree("season").search("SEAſON")  # IGNORECASE takes "ſ" for an "s"; lower() would not
