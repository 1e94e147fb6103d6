"""The stem test lets a lexicon skip sentences it cannot match, and never one it can."""

from __future__ import annotations

import pytest

from yalu.extract.lexicon import DATA_FILES, LabelledPhrases, Phrases, load, lowered
from yalu.extract.stems import Stem, StemTest, needed_stems

SENTENCES = [
    "About 300 North Korean workers were sent to Dandong in March to work at seafood plants.",
    "The women were bussed across the border and have been entering Russia on student visas.",
    "Their passports were confiscated by the managers, and they cannot leave the dormitory.",
    "Two workers fled the construction site after being beaten; one was later arrested.",
    "Each worker earns 2,000 yuan a month, but most of the money is sent to the state.",
    "China banned new work permits in 2017, in violation of nothing, officials insisted.",
    "Hundreds of labourers were repatriated last year, and more will follow, a source said.",
    "They are not allowed to use mobile phones and work 16 hours a day without a day off.",
    "The regime has long relied on sending workers abroad to earn foreign currency.",
    "A guard at the Hong Chao Zhi Yi garment factory said the company hired 50 more.",
    "IT workers in Shenyang take freelance software jobs under false names.",
    "“Nobody can go home,” she said — the workers’ debts keep growing.",
]


def _lists(node: object) -> list[list[str]]:
    """Every pattern list in a data file, however deep."""
    if isinstance(node, list) and all(isinstance(p, str) for p in node):
        return [node]
    if isinstance(node, dict):
        return [found for child in node.values() for found in _lists(child)]
    return []


def _labelled(node: object) -> list[dict[str, list[str]]]:
    """Every mapping of labels to pattern lists in a data file, however deep."""
    if not isinstance(node, dict):
        return []
    if node and all(_lists(value) == [value] for value in node.values()):
        return [node]
    return [found for child in node.values() for found in _labelled(child)]


def test_a_literal_word_is_a_whole_word_stem_and_a_word_start_is_a_start() -> None:
    assert needed_stems("without (?:a|an) (?:minder|guard)") == {Stem("without", whole=True)}
    assert needed_stems("isolat(?:ed|ion)") == {Stem("isolated", whole=False), Stem("isolation", whole=False)}


def test_an_alternation_offers_one_stem_per_branch() -> None:
    assert needed_stems("(?:sala|wage)ries") == {Stem("sala", whole=False), Stem("wage", whole=False)}
    assert needed_stems("us(?:e|ed|ing)") == {Stem(w, whole=False) for w in ("use", "used", "using")}


def test_common_words_are_the_last_resort() -> None:
    assert needed_stems("owe(?:s|d)? (?:the|their) money") == {Stem("money", whole=True)}
    assert needed_stems("owe(?:s|d)? (?:the|their)") == {Stem("owe", whole=False)}


def test_a_pattern_without_a_sure_stem_is_always_matched() -> None:
    assert needed_stems("go(?:ing)?") is None
    assert needed_stems(r"\d+ hours?") == {Stem("hour", whole=False)}
    assert StemTest(["go(?:ing)?", "sent"]).may_match("nothing here")


def test_a_sentence_without_any_stem_is_skipped() -> None:
    test = StemTest(["deceiv(?:e|ed)", "false promises?"])
    assert test.may_match("they were deceived by false promises")
    assert test.may_match("a false promise")
    assert not test.may_match("they were paid on time")


def test_a_test_made_after_a_sentence_was_asked_still_sees_its_words() -> None:
    sentence = "they were deceived by the broker"
    assert not StemTest(["paid", "wages?"]).may_match(sentence)
    assert StemTest(["deceiv(?:e|ed)"]).may_match(sentence)
    assert StemTest(["broker"]).may_match(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "their passports\u2014and phones\u2014were taken",
        "(passports,phones)",
        "les passports \u00ab pris \u00bb",
    ],
)
def test_words_are_found_between_any_punctuation(sentence: str) -> None:
    assert StemTest(["passports?"]).may_match(sentence)
    assert StemTest(["phones?", "pris"]).may_match(sentence)


@pytest.mark.parametrize("file", DATA_FILES)
def test_every_lexicon_matches_as_its_plain_regex_does(file: str) -> None:
    for patterns in _lists(load(file)):
        phrases = Phrases(patterns)
        for sentence in SENTENCES:
            found, expected = phrases.search(sentence), phrases.exact.search(sentence)
            assert (found and found.span()) == (expected and expected.span()), (patterns, sentence)
    for labelled in _labelled(load(file)):
        phrases_by_label = LabelledPhrases(labelled)
        for sentence in SENTENCES:
            fast = phrases_by_label.regex is not None
            plain = phrases_by_label.labelled.finditer(lowered(sentence)) if fast else iter(())
            expected = [(phrases_by_label.groups[m.lastgroup or ""], m.start(), m.end()) for m in plain]
            found = [m for m in phrases_by_label.matches(sentence) if m[0] not in phrases_by_label.slow]
            assert found == expected, (labelled, sentence)
