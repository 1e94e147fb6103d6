"""Finds every indexed name in a text in one pass, longest match first.

Latin-script text is cut into words and each word that can start a name is
tried against the longest names starting with it, so the cost grows with the
text, not with the 70,000 names indexed. Hangul and Chinese runs are scanned
character by character against the names starting with that character.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import accumulate, compress
from typing import NamedTuple

from yalu.extract.places.names import CJK, CJK_RUN, WORD, Key, fold, is_cjk
from yalu.extract.places.place import Place

# What may separate two words of one name: spaces, hyphens, dashes, apostrophes; never a line break.
SOFT_GAP = re.compile(r"[ \t\u00a0\-\u2010-\u2015'\u2019]{1,3}")
# "St. Petersburg", "U.S.": a full stop only after a short word, so "Jilin. City officials" stays apart.
ABBREVIATION_GAP = re.compile(r"\. ?")
ABBREVIATION_MAX = 3
# What ends a sentence or a heading: a capitalised word after one of these starts a sentence.
SENTENCE_BREAK = frozenset(".!?:\n\"“”'‘’(—–-*•|")
# A capitalised word of four letters or fewer in capitals is an acronym ("ILO", "GUR"), not a town.
ACRONYM_MAX = 4
WORDS_AND_GAPS = re.compile(f"({WORD.pattern})")
ASCII_WORDS_AND_GAPS = re.compile("([a-zA-Z0-9]+)")
"""The same split for ASCII text, where ``re`` matches the simpler class much faster."""


@dataclass(frozen=True)
class Entry:
    """One reading of a key: a place, or ``None`` for a stop phrase that is never a place."""

    place: Place | None
    caps: tuple[bool, ...]
    """Which words must be capitalised in the text (GeoNames names and stop phrases; curated names: none)."""
    acronym: bool
    """An all-capitals alias ("US") matches only in capitals."""
    generated: bool
    """A name followed by a designator ("Jilin Province") rather than a name the data lists."""
    standalone: bool = False
    """Not when it continues a capitalised name: "Hillary Clinton" is no town (GeoNames names)."""

    def fits(self, words: list[str]) -> bool:
        if not self.caps and not self.acronym:
            return True
        if self.acronym:
            return all(not w.isalpha() or w.isupper() for w in words)
        return all(
            w[0].isupper() and not (w.isupper() and len(w) <= ACRONYM_MAX)
            for w, needed in zip(words, self.caps, strict=False)
            if needed
        )


class Match(NamedTuple):
    start: int
    end: int
    key: Key
    entries: tuple[Entry, ...]


class NameIndex:
    def __init__(self) -> None:
        self._latin: dict[Key, list[Entry]] = defaultdict(list)
        self._prefixes: set[Key] = set()
        """Every key's leading words, so a scan stops extending as soon as no name can continue."""
        self._starts: set[str] = set()
        self._starts_lowercase: set[str] = set()
        """First words of names that may start in lower case; most words of a text fail this set lookup."""
        self._cjk: dict[str, list[Entry]] = defaultdict(list)
        self._cjk_by_first: dict[str, list[str]] = defaultdict(list)

    def add(self, key: Key, entry: Entry) -> None:
        """Index ``key`` (from ``key_of``); a Hangul or Chinese key is matched as a substring."""
        if len(key) == 1 and is_cjk(key[0]):
            alias = key[0]
            if alias not in self._cjk:
                starts = self._cjk_by_first[alias[0]]
                starts.append(alias)
                starts.sort(key=len, reverse=True)
            self._cjk[alias].append(entry)
        elif key:
            self._latin[key].append(entry)
            self._prefixes.update(key[:length] for length in range(1, len(key)))
            self._starts.add(key[0])
            if not entry.acronym and not (entry.caps and entry.caps[0]):
                self._starts_lowercase.add(key[0])

    def entries(self, key: Key) -> list[Entry]:
        return self._latin.get(key) or self._cjk.get(key[0] if len(key) == 1 else "", [])

    def scan(self, text: str) -> list[Match]:
        """Non-overlapping matches sorted by start; each keeps only the readings its casing allows."""
        matches = self._scan_words(text)
        if CJK.search(text):
            matches.extend(self._scan_cjk(text))
            matches.sort(key=lambda m: m.start)
        return matches

    def _scan_words(self, text: str) -> list[Match]:
        words = Words(text)
        matches: list[Match] = []
        free = 0
        for i in self._possible_starts(words):
            match = self._match_at(words, i) if i >= free else None
            if match is not None:
                matches.append(match)
                free = i + len(match.key)
        return matches

    def _possible_starts(self, words: Words) -> list[int]:
        """Words that can start a name here: most words of a text are not the first word of any name,
        and most that are ("the", "new") are not followed by the rest of one."""
        folded, last = words.folded, len(words.folded) - 1
        first_words = compress(range(len(folded)), map(self._starts.__contains__, folded))
        return [
            i
            for i in first_words
            if (folded[i] in self._starts_lowercase or words.capitalised(i))
            and (
                (folded[i],) in self._latin
                or (i < last and self._names_or_begins_one((folded[i], folded[i + 1])))
            )
        ]

    def _match_at(self, words: Words, i: int) -> Match | None:
        """The longest name starting at word ``i`` whose casing fits, if any."""
        folded = words.folded
        key: Key = (folded[i],)
        keys = [key]
        while key in self._prefixes and i + len(key) < len(folded):
            longer = (*key, folded[i + len(key)])
            if not self._names_or_begins_one(longer) or not words.joinable(i + len(key)):
                break
            key = longer
            keys.append(key)
        for key in reversed(keys):
            entries = self._latin.get(key)
            if not entries:
                continue
            start, end = words.starts[i], words.ends[i + len(key) - 1]
            if words.text.startswith("$", end):  # "US$500", "HK$": a currency, not a country
                continue
            matched_words = words.originals(i, i + len(key))
            fitting = [e for e in entries if e.fits(matched_words)]
            if any(e.standalone for e in fitting) and words.continues_name(i):
                fitting = [e for e in fitting if not e.standalone]
            if fitting:
                return Match(start, end, key, tuple(fitting))
        return None

    def _names_or_begins_one(self, key: Key) -> bool:
        """Checked before the gap between the words, as most words continue no name ("the workers")."""
        return key in self._prefixes or key in self._latin

    def _scan_cjk(self, text: str) -> list[Match]:
        matches = []
        for run in CJK_RUN.finditer(text):
            i, end = run.span()
            while i < end:
                alias = next((a for a in self._cjk_by_first.get(text[i], ()) if text.startswith(a, i)), None)
                if alias is None:
                    i += 1
                    continue
                matches.append(Match(i, i + len(alias), (alias,), tuple(self._cjk[alias])))
                i += len(alias)
        return matches


class Words:
    """A text cut into words, with each word's key, offsets and the gap before it.

    One regex split gives the words and the gaps between them, and the offsets
    are the running sum of their lengths: cheaper than a match object per word.
    An ASCII text is lower-cased before the split, which then gives the keys
    themselves; the few words whose casing matters are read back from the text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        if text.isascii():  # then a plain letters-and-digits regex and lower case do
            parts = ASCII_WORDS_AND_GAPS.split(text.lower())  # gap, word, ..., gap
            self.folded = parts[1::2]
        else:
            parts = WORDS_AND_GAPS.split(text)
            self.folded = [w.lower() if w.isascii() else fold(w) for w in parts[1::2]]
        self.gaps = parts[0::2]
        """``gaps[j]`` is the text between word ``j - 1`` and word ``j``; gaps have no letters to lower."""
        bounds = list(accumulate(map(len, parts)))
        self.starts, self.ends = bounds[0::2], bounds[1::2]

    def capitalised(self, i: int) -> bool:
        return self.text[self.starts[i]].isupper()

    def originals(self, i: int, j: int) -> list[str]:
        """Words ``i`` to ``j - 1`` as the text writes them."""
        text, starts, ends = self.text, self.starts, self.ends
        return [text[starts[k] : ends[k]] for k in range(i, j)]

    def joinable(self, j: int) -> bool:
        """Whether word ``j`` may continue the name that word ``j - 1`` is part of."""
        gap = self.gaps[j]
        if SOFT_GAP.fullmatch(gap):
            return True
        short = self.ends[j - 1] - self.starts[j - 1] <= ABBREVIATION_MAX
        return short and ABBREVIATION_GAP.fullmatch(gap) is not None

    def continues_name(self, i: int) -> bool:
        """Whether word ``i`` follows a capitalised word opening no sentence ("Minister Stephen Harper")."""
        if i == 0 or not self.capitalised(i - 1) or self.gaps[i] != " ":
            return False
        text, k = self.text, self.starts[i - 1] - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        return k >= 0 and text[k] not in SENTENCE_BREAK
