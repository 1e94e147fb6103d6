"""Everything the finders see in one sentence, each finder run at most once and only when asked.

Builders ask for what their claim type needs, so a sentence with no trigger,
indicator, incident, money or organization never pays for the slot finders
(counts, dates, sectors), which is what most sentences of a report are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Generic, TypeVar

from yalu.extract.classify import Trigger, find_incidents, find_labels, find_triggers
from yalu.extract.dates import DateMention, find_dates
from yalu.extract.lexicon import CaseFree
from yalu.extract.money import MoneyMention, find_money
from yalu.extract.organizations import OrganizationMention, find_organizations
from yalu.extract.places import PlaceMention
from yalu.extract.quantities import CountMention, find_counts, mentions_workers
from yalu.extract.segment import Sentence
from yalu.model import Evidence

ANAPHORA = re.compile(
    r"^[\"“‘']?(?:They|Them|These|Those|The (?:workers|women|laborers|labourers|men)|Already)\b"
)
PRONOUN_SUBJECT = CaseFree(r"\b(?:they|them|she|he|I|we)\b")
T = TypeVar("T")


class found(Generic[T]):  # lower case, as it is used like @property
    """A finder's result, computed on first access and then kept on the sentence.

    ``functools.cached_property`` does the same but, before Python 3.12, takes
    a lock on every first access, which cost more than the quicker finders.
    """

    def __init__(self, find: Callable[[SentenceFacts], T]) -> None:
        self.find = find
        self.name = find.__name__

    def __get__(self, facts: SentenceFacts, owner: type | None = None) -> T:
        value = facts.__dict__[self.name] = self.find(facts)
        return value


class SentenceFacts:
    """Mentions in one sentence; all offsets are relative to ``sentence.text``.

    ``places`` are the document's place mentions that fall inside the sentence
    (the gazetteer reads the whole document once); ``previous_flow`` is the
    money flow of the sentence before, for terse follow-ups.
    """

    def __init__(
        self, sentence: Sentence, published: str | None, places: list[PlaceMention], previous_flow: str | None
    ) -> None:
        self.sentence = sentence
        self.text = sentence.text
        self.published = published
        offset = sentence.start
        self.places = [PlaceMention(m.start - offset, m.end - offset, m.text, m.place) for m in places]
        self.previous_flow = previous_flow

    @found
    def evidence(self) -> Evidence:
        """The sentence as a quote, one object shared by the sentence's claims (nothing changes it)."""
        sentence = self.sentence
        return Evidence(start=sentence.start, end=sentence.end, quote=sentence.text)

    @found
    def triggers(self) -> dict[str, Trigger]:
        return find_triggers(self.text)

    @found
    def counts(self) -> list[CountMention]:
        return find_counts(self.text)

    @found
    def money(self) -> list[MoneyMention]:
        return find_money(self.text, self.previous_flow)

    @found
    def dates(self) -> list[DateMention]:
        return find_dates(self.text, self.published)

    @found
    def sectors(self) -> list[str]:
        return find_labels("sectors", self.text)

    @found
    def indicators(self) -> list[str]:
        return find_labels("indicators", self.text)

    @found
    def incidents(self) -> list[Trigger]:
        return find_incidents(self.text)

    @found
    def organizations(self) -> list[OrganizationMention]:
        return find_organizations(self.text)

    @found
    def names_workers(self) -> bool:
        return mentions_workers(self.text)

    @found
    def continues_previous(self) -> bool:
        return bool(ANAPHORA.match(self.text))

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
