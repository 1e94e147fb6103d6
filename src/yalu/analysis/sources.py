"""Who a report says its information comes from: outlets, citations and in-text sources.

Grading needs to know the outlet behind a claim and how the document describes its
source ("a source in North Pyongan province"); counting independent support needs
to know when a quote only relays another outlet ("according to Daily NK").
Descriptions of anonymous sources can help identify them, so every one found is
marked sensitive and must not be published unless an analyst decides otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlparse

from pydantic import BaseModel

from yalu.analysis.catalog import Outlet, source_catalog
from yalu.model import Evidence

WORD_START = r"(?<![\w-])"
WORD_END = r"(?![\w-])"
WITHHELD = "[source withheld]"


class SourceDescription(BaseModel):
    """A span of the document text describing where its information comes from."""

    start: int
    end: int
    text: str
    kind: str
    sensitive: bool = True


def find_source_descriptions(text: str) -> list[SourceDescription]:
    """Source descriptions in ``text``, in order; where kinds overlap, the earlier-listed kind wins."""
    found: list[SourceDescription] = []
    for kind, regex in _description_regexes():
        for match in regex.finditer(text):
            start, end = match.start(), match.start() + len(match.group().rstrip())
            if not any(start < other.end and other.start < end for other in found):
                found.append(SourceDescription(start=start, end=end, text=text[start:end], kind=kind))
    return sorted(found, key=lambda description: description.start)


def redact_sources(quote: Evidence, sources: Iterable[SourceDescription]) -> str:
    """The quote with each sensitive source description in it withheld, for anything published.

    Quotes often carry the description ("A trade official in Changbai County
    said ..."); a report can cite the quote without pointing at the person.
    """
    text = quote.quote
    for source in sorted(sources, key=lambda s: s.start, reverse=True):
        start, end = max(source.start, quote.start), min(source.end, quote.end)
        if source.sensitive and start < end:
            text = text[: start - quote.start] + WITHHELD + text[end - quote.start :]
    return text


def canonical_outlet(name: str | None, url: str | None = None) -> str | None:
    """The catalogue's name for an outlet given loosely or only by URL; unknown names pass through."""
    if name and name.strip():
        listed = _outlets_by_name().get(name.strip().casefold())
        return listed.name if listed else name.strip()
    if url:
        host = (urlparse(url).hostname or "").removeprefix("www.")
        listed = _outlets_by_domain().get(host)
        return listed.name if listed else None
    return None


def known_outlet(name: str | None) -> Outlet | None:
    return _outlets_by_name().get(name.casefold()) if name else None


def cited_outlet(quote: str, own_outlet: str | None) -> str | None:
    """The outlet a quote relays ("according to Daily NK"), unless it is the document's own."""
    own = known_outlet(own_outlet)
    for match in _citation_regex().finditer(quote):
        cited = known_outlet(next(group for group in match.groups() if group))
        if cited is not None and cited is not own:
            return cited.name
    return None


@lru_cache(maxsize=1)
def _description_regexes() -> list[tuple[str, re.Pattern[str]]]:
    catalog = source_catalog()
    return [
        (kind.kind, re.compile(WORD_START + "(?:" + "|".join(map(catalog.expand, kind.patterns)) + ")"))
        for kind in catalog.descriptions
    ]


@lru_cache(maxsize=1)
def _outlets_by_name() -> dict[str, Outlet]:
    return {name.casefold(): outlet for outlet in source_catalog().outlets for name in outlet.names}


@lru_cache(maxsize=1)
def _outlets_by_domain() -> dict[str, Outlet]:
    return {domain: outlet for outlet in source_catalog().outlets for domain in outlet.domains}


@lru_cache(maxsize=1)
def _citation_regex() -> re.Pattern[str]:
    """One regex for all cues; each cue captures the outlet name in its own group."""
    names = sorted((n for outlet in source_catalog().outlets for n in outlet.names), key=len, reverse=True)
    outlet = "(?-i:(" + "|".join(map(re.escape, names)) + "))"
    cues = [cue.replace("{outlet}", outlet) for cue in source_catalog().citations]
    return re.compile(WORD_START + "(?:" + "|".join(cues) + ")" + WORD_END, re.IGNORECASE)
