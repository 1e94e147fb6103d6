"""The word stems a lexicon cannot match without, so a sentence lacking them all skips its regex.

Python's ``re`` tries every alternative of a lexicon at every word of a
sentence, which made lexicon matching the largest cost of extraction, although
few sentences match any given lexicon. Every alternative needs some literal
word or word start in the text: ``deceiv(?:e|ed)`` needs a word starting
"deceiv", ``without (?:a|an) (?:minder|guard)`` the word "without". Those stems
are read off the parsed patterns once; a sentence none of whose words has one
cannot match. All lexicons' stems sit in one index, so a sentence's words are
looked up once for all of them, and a word already seen costs one lookup. The
test is conservative: where an alternative offers no usable stem, the lexicon
is always scanned, so the matches are exactly those of the regex alone.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# The standard library's own regex parser: its tree is exactly what the compiled pattern runs.
_parser: Any = importlib.import_module("re._parser")

WORD = re.compile(r"\w+")
HEAD = 3
"""A word start shorter than this ("go" in "go(?:ing)?") would let most sentences through."""
COMMON = frozenset([
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "had", "has", "have", "her",
    "his", "in", "is", "it", "its", "no", "not", "of", "on", "or", "that", "the", "their", "they", "this",
    "to", "was", "were", "with",
])  # fmt: skip
"""Words nearly every sentence has: a pattern's other stems are a better test."""

Item = tuple[Any, Any]
"""One node of the parse tree: an opcode and its argument."""


@dataclass(frozen=True)
class Stem:
    text: str
    whole: bool
    """The stem is the whole word ("without"), not just its start ("deceiv")."""

    def sharpness(self) -> int:
        """How few sentences the stem lets through (higher is fewer); below zero it is no test."""
        if self.whole and self.text in COMMON:
            return 0
        if not self.whole and len(self.text) < HEAD:
            return -1
        return len(self.text) + (2 if self.whole else 0)


Choice = frozenset[Stem]
"""Stems one of which every match contains."""


@dataclass
class _Walk:
    """Reading one sequence of a parse tree left to right; ``run`` is the literal word being read."""

    at_word_start: bool
    choices: list[Choice] = field(default_factory=list)
    run: str | None = None


def _best(choices: Sequence[Choice]) -> Choice | None:
    usable = [c for c in choices if min(s.sharpness() for s in c) >= 0]
    return max(usable, key=lambda c: (min(s.sharpness() for s in c), -len(c)), default=None)


def _read(items: Iterable[Item], at_word_start: bool, whole_at_end: bool) -> tuple[list[Choice], bool]:
    """The choices every match of ``items`` offers, and whether a match ends where a word may start.

    ``at_word_start``: the character before is not a word character.
    ``whole_at_end``: the character after is not a word character either.
    """
    items = list(items)
    walk = _Walk(at_word_start)
    for index, (op, value) in enumerate(items):
        name, rest = op.name, items[index + 1 :]
        if name == "LITERAL":
            _literal(walk, chr(value), rest, whole_at_end)
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero width: the text around is unchanged
        elif name == "SUBPATTERN" and not (value[1] or value[2]):  # a group that sets no flags
            choices, walk.at_word_start = _read(value[-1], walk.at_word_start, _word_ends(rest, whole_at_end))
            walk.choices += choices
        elif name == "BRANCH":
            _branch(walk, value[1], _word_ends(rest, whole_at_end))
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            _repeat(walk, value)
        else:
            walk.at_word_start = _is_space((op, value))
    return walk.choices, walk.at_word_start


def _lead(items: Iterable[Item]) -> str:
    """The literal word characters a branch begins with."""
    lead = ""
    for item in items:
        if not _is_word_literal(item):
            break
        lead += chr(item[1])
    return lead


def _literal(walk: _Walk, char: str, rest: Sequence[Item], whole_at_end: bool) -> None:
    """Extend the literal word begun at a word start; where the literal run ends, offer it as a stem."""
    if not WORD.fullmatch(char):
        walk.at_word_start = True
        return
    if walk.run is not None:
        walk.run += char
    elif walk.at_word_start:
        walk.run = char
    walk.at_word_start = False
    if walk.run is not None and not (rest and _is_word_literal(rest[0])):
        walk.choices.append(frozenset([Stem(walk.run, whole=_word_ends(rest, whole_at_end))]))
        if rest and rest[0][0].name == "BRANCH":  # "us(?:e|ed|ing)": "use", "used" or "using"
            walk.choices.append(frozenset(Stem(walk.run + _lead(b), whole=False) for b in rest[0][1][1]))
        walk.run = None


def _branch(walk: _Walk, branches: list[Any], whole_at_end: bool) -> None:
    """An alternation needs one of its branches' stems, if every branch offers some."""
    read = [_read(branch, walk.at_word_start, whole_at_end) for branch in branches]
    best = [_best(choices) for choices, _ in read]
    if all(choice is not None for choice in best):
        walk.choices.append(frozenset().union(*best))  # type: ignore[arg-type]
    walk.at_word_start = all(at for _, at in read)


def _repeat(walk: _Walk, value: tuple[int, int, Any]) -> None:
    """A required repeat offers its first round's choices; a word start after it must hold from any start."""
    least, _, body = value
    choices, _ = _read(body, walk.at_word_start, whole_at_end=False)
    _, ends_at_word_start = _read(body, False, whole_at_end=False)
    if least >= 1:
        walk.choices += choices
    walk.at_word_start = ends_at_word_start and (least >= 1 or walk.at_word_start)


def _is_word_literal(item: Item) -> bool:
    op, value = item
    return bool(op.name == "LITERAL" and WORD.fullmatch(chr(value)))


def _is_space(item: Item) -> bool:
    op, value = item
    return bool(op.name == "IN" and value == [(_parser.CATEGORY, _parser.CATEGORY_SPACE)])


def _word_ends(rest: Sequence[Item], whole_at_end: bool) -> bool:
    """Whether what follows a word character can only be a character that is not part of a word."""
    for op, value in rest:
        name = op.name
        if name == "AT" and value == _parser.AT_BOUNDARY:
            return True  # right after a word character, a boundary ends the word
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if name == "LITERAL":
            return not _is_word_literal((op, value))
        if name in ("MAX_REPEAT", "MIN_REPEAT") and value[0] >= 1:
            return _word_ends(list(value[2]), whole_at_end=False)
        return _is_space((op, value))
    return whole_at_end


def needed_stems(pattern: str) -> Choice | None:
    """Stems one of which every match of ``pattern`` has at a word start, or ``None`` when none is sure.

    ``pattern`` is matched as a whole word: nothing word-like right before or after it.
    """
    try:
        tree = _parser.parse(pattern)
    except (re.error, AttributeError, TypeError, ValueError):
        return None
    choices, _ = _read(tree, at_word_start=True, whole_at_end=True)
    return _best(choices)


class _StemIndex:
    """Every stem test of the process, answered together for a sentence.

    A sentence is asked the same question by a dozen lexicons, and its words
    recur across sentences and reports; so each distinct word's answer (which
    tests it satisfies, as bits) is worked out once, and a sentence's answer
    is the union of its words' bits.
    """

    MAX_WORDS = 200_000
    """Known words kept before the memory is cleared, so a long batch stays bounded."""

    def __init__(self) -> None:
        self.whole: dict[str, int] = {}
        self.starts: dict[str, int] = {}
        self.tests = 0
        self.by_word: dict[str, int] = {}

    def register(self, words: Iterable[str], starts: Iterable[str]) -> int:
        """A bit for a new test that any of ``words``, or a word beginning with one of ``starts``, passes."""
        bit = 1 << self.tests
        self.tests += 1
        for word in words:
            self.whole[word] = self.whole.get(word, 0) | bit
        for start in starts:
            self.starts[start] = self.starts.get(start, 0) | bit
        self.by_word.clear()
        _sentence_bits.cache_clear()
        return bit

    def word_bits(self, word: str) -> int:
        bits = self.by_word.get(word)
        if bits is None:
            if len(self.by_word) > self.MAX_WORDS:
                self.by_word.clear()
            bits = self.whole.get(word, 0)
            for end in range(HEAD, len(word) + 1):
                bits |= self.starts.get(word[:end], 0)
            self.by_word[word] = bits
        return bits


_INDEX = _StemIndex()


ASCII_NON_WORD = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")})


def _split_words(text: str) -> list[str]:
    """``WORD.findall(text)``; for ASCII text, a translation to spaces and a split do it faster."""
    return text.translate(ASCII_NON_WORD).split() if text.isascii() else WORD.findall(text)


@lru_cache(maxsize=16)
def _sentence_bits(text: str) -> int:
    """The tests a lower-cased sentence passes, as bits; the lexicons ask in turn about one sentence."""
    bits, known = 0, _INDEX.by_word
    for word in _split_words(text):
        word_bits = known.get(word)
        bits |= _INDEX.word_bits(word) if word_bits is None else word_bits
    return bits


class StemTest:
    """Whether a lower-cased text may match any of the patterns; ``False`` is certain."""

    def __init__(self, patterns: Iterable[str]) -> None:
        choices = [needed_stems(p) for p in patterns]
        self.always = any(c is None for c in choices)
        stems = {s for c in choices if c is not None for s in c}
        self.bit = _INDEX.register([s.text for s in stems if s.whole], [s.text for s in stems if not s.whole])

    def may_match(self, text: str) -> bool:
        return self.always or bool(_sentence_bits(text) & self.bit)
