"""Everything the finders see in one sentence, gathered once so each claim builder can read it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from yalu.extract.classify import Trigger, find_incidents, find_labels, find_triggers
from yalu.extract.dates import DateMention, find_dates
from yalu.extract.lexicon import phrase_regex
from yalu.extract.money import MoneyMention, find_money
from yalu.extract.organizations import OrganizationMention, find_organizations
from yalu.extract.places import PlaceMention
from yalu.extract.quantities import CountMention, find_counts
from yalu.extract.segment import Sentence

ANAPHORA = re.compile(
    r"^[\"“‘']?(?:They|Them|These|Those|The (?:workers|women|laborers|labourers|men)|Already)\b"
)
PRONOUN_SUBJECT = re.compile(r"\b(?:they|them|she|he|I|we)\b", re.IGNORECASE)


@dataclass
class SentenceFacts:
    """Mentions in one sentence; all offsets are relative to ``sentence.text``."""

    sentence: Sentence
    triggers: dict[str, Trigger]
    counts: list[CountMention]
    money: list[MoneyMention]
    dates: list[DateMention]
    places: list[PlaceMention]
    sectors: list[str]
    indicators: list[str]
    incidents: list[Trigger]
    organizations: list[OrganizationMention]
    names_workers: bool
    continues_previous: bool

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def refers_to_workers(self) -> bool:
        """Workers are named, or a pronoun or "the workers" carries them over from the last sentence."""
        return self.names_workers or self.continues_previous or bool(PRONOUN_SUBJECT.search(self.text))

    def worker_count(self, prefer_singular: bool = False) -> CountMention | None:
        """The count of workers; a lone victim ("a managing official") counts only when preferred."""
        plural = [c for c in self.counts if not c.singular]
        singular = [c for c in self.counts if c.singular and (prefer_singular or not c.victim)]
        order = (singular + plural) if prefer_singular else (plural + singular)
        return order[0] if order else None

    def plural_count(self) -> CountMention | None:
        return next((c for c in self.counts if not c.singular), None)

    def event_date(self) -> DateMention | None:
        return next((d for d in self.dates if not d.spoken), None)


def read_sentence(
    sentence: Sentence, published: str | None, places: list[PlaceMention], previous_flow: str | None = None
) -> SentenceFacts:
    """Run every finder over one sentence; ``places`` are the document's place mentions inside it.

    The finders that decide whether a sentence can hold a claim at all (type
    triggers, incidents, indicators, money, organizations, workers in a place)
    run first; a sentence with none of them skips the slot finders, which most
    sentences of a report are.
    """
    text = sentence.text
    triggers, incidents = find_triggers(text), find_incidents(text)
    indicators, money, organizations = (
        find_labels("indicators", text),
        find_money(text, previous_flow),
        find_organizations(text),
    )
    workers = phrase_regex("workers", "plural").search(text) or phrase_regex("workers", "singular").search(
        text
    )
    relevant = bool(triggers or incidents or indicators or money or organizations or (workers and places))
    return SentenceFacts(
        sentence=sentence,
        triggers=triggers,
        counts=find_counts(text) if relevant else [],
        money=money,
        dates=find_dates(text, published) if relevant else [],
        places=[replace(m, start=m.start - sentence.start, end=m.end - sentence.start) for m in places],
        sectors=find_labels("sectors", text) if relevant else [],
        indicators=indicators,
        incidents=incidents,
        organizations=organizations,
        names_workers=bool(workers),
        continues_previous=bool(ANAPHORA.match(text)),
    )
