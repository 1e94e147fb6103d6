"""In-text source descriptions are found with their spans, marked sensitive, and citations are told apart."""

from __future__ import annotations

import pytest

from yalu.analysis.sources import canonical_outlet, cited_outlet, find_source_descriptions, redact_sources
from yalu.model import Evidence

MUST_FIND = [
    (
        "A source in North Pyongan province told Daily NK on Monday.",
        "local_source",
        "A source in North Pyongan province",
    ),
    (
        "A trade official in Changbai County said more would go.",
        "official",
        "A trade official in Changbai County",
    ),
    ("The women are paid late, reporting partner A said.", "reporting_partner", "reporting partner A"),
    (
        "A source familiar with North Korean affairs said wages fell.",
        "familiar_source",
        "A source familiar with North Korean affairs",
    ),
    ("Customs data showed 2,000 entries.", "official_statistics", "Customs data"),
    (
        "South Korea's National Intelligence Service estimated 4,000.",
        "government_statement",
        "South Korea's National Intelligence Service estimated",
    ),
    ("According to a Chinese broker, 30 left.", "official", "a Chinese broker"),
    ("According to people in the trade, 30 left.", "attribution", "According to people in the trade"),
    ("A defector who worked in Vladivostok described the camps.", "eyewitness", "A defector who worked"),
    ("Rumors have it that 30 fled.", "hearsay", "Rumors have it"),
]
MUST_NOT_FIND = [
    "The source said the workers were tired.",
    "An official estimate puts the number at 50,000.",
    "The resource in question is timber.",
]


@pytest.mark.parametrize(("text", "kind", "span"), MUST_FIND)
def test_finds_each_kind_of_description_with_its_exact_span(text: str, kind: str, span: str) -> None:
    [found] = find_source_descriptions(text)
    assert (found.kind, found.text) == (kind, span)
    assert text[found.start : found.end] == span
    assert found.sensitive


@pytest.mark.parametrize("text", MUST_NOT_FIND)
def test_ignores_back_references_and_adjectives(text: str) -> None:
    assert find_source_descriptions(text) == []


def test_a_specific_kind_wins_over_the_general_attribution_around_it() -> None:
    [found] = find_source_descriptions("According to a source in Hyesan, 20 workers left.")
    assert (found.kind, found.text) == ("local_source", "a source in Hyesan")


def test_citation_of_another_outlet_is_recognised_but_not_the_documents_own() -> None:
    assert cited_outlet("According to Daily NK, 50,000 work in China.", "The Korea Herald") == "Daily NK"
    assert cited_outlet("RFA reported that over 100,000 work in China.", None) == "Radio Free Asia"
    assert cited_outlet("A source told Daily NK that 50,000 work in China.", "Daily NK") is None
    assert cited_outlet("Daily workers in Dandong earn little.", None) is None


def test_outlets_are_named_as_the_catalogue_names_them() -> None:
    assert canonical_outlet("DailyNK") == "Daily NK"
    assert canonical_outlet(None, "https://www.rfa.org/english/news/korea/x.html") == "Radio Free Asia"
    assert canonical_outlet("Hamgyong Herald") == "Hamgyong Herald"


def test_published_quotes_withhold_the_source_descriptions_inside_them() -> None:
    text = "Officials were tight-lipped. A trade official in Changbai County said 40 women left on Monday."
    sources = find_source_descriptions(text)
    start = text.index("A trade")
    quote = Evidence(start=start, end=len(text), quote=text[start:])

    assert redact_sources(quote, sources) == "[source withheld] said 40 women left on Monday."
    assert redact_sources(quote, [s.model_copy(update={"sensitive": False}) for s in sources]) == quote.quote


def test_a_long_attribution_is_withheld_up_to_a_word_boundary() -> None:
    text = (
        "About 900 workers went home, according to the periodic accounts filed with the committee "
        "that supervises the measures against the country, officials said."
    )
    quote = Evidence(start=0, end=len(text), quote=text)
    redacted = redact_sources(quote, find_source_descriptions(text))
    assert redacted.startswith("About 900 workers went home, [")
    after = redacted.split("]", 1)[1]
    assert after[:1] in {"", " ", ","}, after
