"""Full-text search over titles and texts, ranked, with highlighted snippets.

SQLite (FTS5, bm25, snippet) and PostgreSQL (tsvector, ts_rank, ts_headline)
answer through the same function with the same query semantics: every word of
the query must occur (stemmed), title matches weigh more than text matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

# Private-use characters mark highlights: they never occur in reports, so no text is mistaken for a mark.
MARK_START = "\ue000"
MARK_END = "\ue001"
WORD = re.compile(r"\w+")
SNIPPET_WORDS = 30

SQLITE_QUERY = text(
    """
    SELECT d.external_id, d.title, d.outlet, d.published,
           -bm25(documents_fts, 5.0, 1.0) AS score,
           snippet(documents_fts, 1, :mark_start, :mark_end, ' … ', :words) AS snippet
    FROM documents_fts JOIN documents AS d ON d.id = documents_fts.rowid
    WHERE documents_fts MATCH :match
    ORDER BY bm25(documents_fts, 5.0, 1.0), d.id
    LIMIT :limit
    """
)
# Rank first, then draw headlines for the few rows kept: ts_headline re-parses the whole text.
POSTGRESQL_QUERY = text(
    """
    SELECT ranked.external_id, ranked.title, ranked.outlet, ranked.published, ranked.score,
           ts_headline('english', ranked.text, ranked.query, :options) AS snippet
    FROM (
        SELECT d.external_id, d.title, d.outlet, d.published, d.text, d.id, query,
               ts_rank(d.search_vector, query) AS score
        FROM documents AS d, plainto_tsquery('english', :match) AS query
        WHERE d.search_vector @@ query
        ORDER BY score DESC, d.id
        LIMIT :limit
    ) AS ranked
    ORDER BY ranked.score DESC, ranked.id
    """
)
POSTGRESQL_HEADLINE = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, MinWords=10, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)


@dataclass(frozen=True)
class SearchHit:
    document_id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float
    snippet: str
    """Text around the matches; each match sits between :data:`MARK_START` and :data:`MARK_END`."""

    def snippet_parts(self) -> list[tuple[str, bool]]:
        """The snippet as ``(text, is_match)`` pieces, for a terminal or a page to style."""
        parts = []
        for number, piece in enumerate(re.split(f"[{MARK_START}{MARK_END}]", self.snippet)):
            if piece:
                parts.append((piece, number % 2 == 1))
        return parts


def search_documents(session: Session, query: str, limit: int = 10) -> list[SearchHit]:
    """Documents holding every word of ``query``, best first; punctuation and operators are ignored."""
    words = WORD.findall(query.lower())
    if not words:
        return []
    if session.get_bind().dialect.name == "sqlite":
        match = " ".join(f'"{word}"' for word in words)
        parameters = {"mark_start": MARK_START, "mark_end": MARK_END, "words": SNIPPET_WORDS}
        rows = session.execute(SQLITE_QUERY, {"match": match, "limit": limit, **parameters})
    else:
        parameters = {"match": " ".join(words), "limit": limit, "options": POSTGRESQL_HEADLINE}
        rows = session.execute(POSTGRESQL_QUERY, parameters)
    return [
        SearchHit(
            document_id=row.external_id,
            title=row.title,
            outlet=row.outlet,
            published=row.published,
            score=float(row.score),
            snippet=" ".join(row.snippet.split()),
        )
        for row in rows
    ]
