"""Sentence segmentation keeps offsets exact through the layouts news pages use."""

from __future__ import annotations

from yalu.extract.segment import segment

PAGE = (
    "Factory crews leave Sinuiju for Dandong\n"
    "Workers queue at a bus stop in Sinuiju. (Photo: Example Agency)\n\n"
    "About 40 women left on Jan. 5, the U.N. panel heard. They arrived in Dandong.\n"
    "◆ Sub-heading without a full stop\n"
    "Q: Where do they work?\n"
    'A: At a seafood plant near Donggang, a source said. "We cannot go out." Another line.\n'
    "A sentence wrapped by the\nweb page continues on the next line.\n"
)


def test_offsets_index_the_original_text() -> None:
    for sentence in segment(PAGE):
        assert PAGE[sentence.start : sentence.end] == sentence.text


def test_abbreviations_and_initialisms_do_not_end_sentences() -> None:
    texts = [s.text for s in segment(PAGE)]
    assert "About 40 women left on Jan. 5, the U.N. panel heard." in texts
    assert "They arrived in Dandong." in texts


def test_headlines_captions_and_subheadings_are_headings() -> None:
    kinds = {s.text: s.kind for s in segment(PAGE)}
    assert kinds["Factory crews leave Sinuiju for Dandong"] == "heading"
    assert kinds["◆ Sub-heading without a full stop"] == "heading"
    assert kinds["(Photo: Example Agency)"] == "heading"


def test_questions_and_quoted_speech() -> None:
    sentences = segment(PAGE)
    kinds = {s.text: s.kind for s in sentences}
    assert kinds["Q: Where do they work?"] == "question"
    assert '"We cannot go out."' in kinds
    assert "A: At a seafood plant near Donggang, a source said." in kinds


def test_soft_wrapped_lines_are_joined() -> None:
    texts = [s.text for s in segment(PAGE)]
    assert "A sentence wrapped by the\nweb page continues on the next line." in texts


def test_empty_text_has_no_sentences() -> None:
    assert segment("") == []
    assert segment("\n\n  \n") == []
