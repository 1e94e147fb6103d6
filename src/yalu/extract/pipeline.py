"""The extraction pipeline, stage by stage:

1. ``segment``: sentences (and headings, captions, Q&A lines) with offsets;
2. ``facts``: the finders over each sentence, each run only when a builder
   asks: places (the gazetteer reads the whole document once, so each name is
   resolved in its full context), worker counts, money, dates, sectors,
   indicators, incidents, organizations and the claim-type triggers;
3. ``claims``: one builder per claim type turns a sentence's facts into claims;
4. ``merge``: continuation sentences join the sentence they carry on, then
   restatements are grouped around the most detailed mention.

The pipeline is stateless: the same document always gives the same claims,
with the same stable ids.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter

from yalu.extract.claims import Context, build_claims
from yalu.extract.facts import SentenceFacts
from yalu.extract.merge import join_continuation, merge_restatements
from yalu.extract.places import Gazetteer, PlaceMention, load_gazetteer
from yalu.extract.segment import Sentence, segment
from yalu.model import Claim, Document

DPRK = "KP"


def _host_country(facts: list[SentenceFacts]) -> str | None:
    """The country (other than the DPRK) the document names most: where its workers are."""
    counts = Counter(m.place.country for f in facts for m in f.places if m.place.country not in (None, DPRK))
    return counts.most_common(1)[0][0] if counts else None


def _places_inside(sentence: Sentence, places: list[PlaceMention], starts: list[int]) -> list[PlaceMention]:
    """The document's place mentions (in text order, ``starts`` their offsets) that lie in the sentence."""
    candidates = places[bisect_left(starts, sentence.start) : bisect_right(starts, sentence.end)]
    return [m for m in candidates if m.end <= sentence.end]


def _joined(per_sentence: list[list[Claim]], facts: list[SentenceFacts], text: str) -> list[Claim]:
    """Fold a continuation sentence's claim into the previous sentence's claim of the same type."""
    result: list[Claim] = []
    previous: list[Claim] = []
    for claims, sentence_facts in zip(per_sentence, facts, strict=True):
        current = []
        for claim in claims:
            joined = None
            for earlier in previous if sentence_facts.continues_previous else []:
                joined = join_continuation(earlier, claim, text)
                if joined is not None:
                    result[next(i for i, c in enumerate(result) if c is earlier)] = joined
                    previous = [joined if c is earlier else c for c in previous]
                    break
            if joined is None:
                result.append(claim)
            current.append(joined or claim)
        previous = current
    return result


def extract_document(document: Document, gazetteer: Gazetteer | None = None) -> list[Claim]:
    """All claims a document asserts or forecasts, each tied to the quotes that state it."""
    gazetteer = gazetteer or load_gazetteer()
    sentences = segment(document.text)
    places = gazetteer.find(document.text)
    starts = [m.start for m in places]
    facts: list[SentenceFacts] = []
    for sentence in sentences:
        inside = _places_inside(sentence, places, starts)
        previous_flow = facts[-1].money[-1].flow if facts and facts[-1].money else None
        facts.append(SentenceFacts(sentence, document.published, inside, previous_flow))
    context = Context(document.id, gazetteer, _host_country(facts))
    per_sentence = [build_claims(f, context) for f in facts]
    claims = _joined(per_sentence, facts, document.text)
    headings = {s.start for s in sentences if s.kind == "heading"}
    return merge_restatements(claims, headings, gazetteer)
