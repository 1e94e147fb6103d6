"""Search ranks the more relevant document first and highlights the matching words, on both backends."""

from __future__ import annotations

import pytest

from yalu.store import MARK_END, MARK_START, DocumentRow, Store, add_document, search_documents

REPORTS = {
    "passing": (
        "Shipping news",
        "Port traffic rose in spring. Among other cargo, one ship carried seafood from Dandong to Busan.",
    ),
    "focused": (
        "Dandong seafood plants rely on North Korean workers",
        "Seafood plants in Dandong employ hundreds of North Korean workers. The workers pack squid "
        "and crab; a manager in Dandong said seafood exports depend on them.",
    ),
    "unrelated": ("Logging in Amur", "North Korean loggers have worked in the forests of Amur for decades."),
}


@pytest.fixture
def reports(store: Store) -> Store:
    with store.transaction() as session:
        for external_id, (title, text) in REPORTS.items():
            row = DocumentRow(external_id=external_id, title=title, text=text, media_type="text/plain")
            add_document(session, row, text.encode())
    return store


def test_more_relevant_document_ranks_first(reports: Store) -> None:
    with reports.session() as session:
        hits = search_documents(session, "Dandong seafood")
    assert [hit.document_id for hit in hits] == ["focused", "passing"]
    assert hits[0].score > hits[1].score
    assert hits[0].title == "Dandong seafood plants rely on North Korean workers"


def test_snippets_highlight_the_matching_words_in_any_form(reports: Store) -> None:
    with reports.session() as session:
        [hit] = search_documents(session, "logger forest")
    matches = [piece for piece, is_match in hit.snippet_parts() if is_match]
    assert matches == ["loggers", "forests"]
    assert MARK_START in hit.snippet and MARK_END in hit.snippet
    assert "".join(piece for piece, _ in hit.snippet_parts()) in REPORTS["unrelated"][1]


def test_every_word_must_match_and_operators_are_plain_words(reports: Store) -> None:
    with reports.session() as session:
        assert search_documents(session, "Dandong Amur") == []
        assert [h.document_id for h in search_documents(session, 'Amur" OR (NEAR')] == []
        assert [h.document_id for h in search_documents(session, "amur: loggers!")] == ["unrelated"]
        assert search_documents(session, "  ?! ") == []


def test_limit_caps_the_results(reports: Store) -> None:
    with reports.session() as session:
        assert len(search_documents(session, "North Korean", limit=1)) == 1


def test_title_edits_are_searchable(reports: Store) -> None:
    with reports.transaction() as session:
        row = session.query(DocumentRow).filter_by(external_id="passing").one()
        row.title = "Timber exports"
    with reports.session() as session:
        assert [h.document_id for h in search_documents(session, "timber")] == ["passing"]
        assert [h.document_id for h in search_documents(session, "news")] == []
