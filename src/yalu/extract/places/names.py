"""How names and texts are cut into keys that compare regardless of case, accents and punctuation.

A key is the tuple of a name's folded words, so "Ji'an", "Ji-an" and "JI AN"
meet, "Sinŭiju" meets "Sinuiju", and a possessive "'s" is just a following
word that the match leaves out. Hangul and Chinese have no spaces between
words, so a name in those scripts is a key of one element, matched as a
substring.
"""

from __future__ import annotations

import re
import unicodedata

Key = tuple[str, ...]

# Letters and digits; the modifier-letter apostrophes of McCune-Reischauer ("Ch'ŏngjin") split words.
WORD = re.compile(r"[^\W_\u02bb\u02bc]+")
CJK_CHARS = r"\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
CJK = re.compile(f"[{CJK_CHARS}]")
CJK_RUN = re.compile(f"[{CJK_CHARS}]+(?: +[{CJK_CHARS}]+)*")


def fold(word: str) -> str:
    """Lower case without accents; the ASCII shortcut matters because every word of every text comes here."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def is_cjk(name: str) -> bool:
    return CJK.search(name) is not None


def key_of(name: str) -> Key:
    """The key a name is indexed and looked up under."""
    if is_cjk(name):
        return (name.strip(),)
    return tuple(fold(word) for word in WORD.findall(name))


def capitalised(name: str) -> tuple[bool, ...]:
    """Which words of a name start with a capital letter, word by word as ``key_of`` cuts them."""
    return tuple(word[0].isupper() for word in WORD.findall(name))


def is_acronym(name: str) -> bool:
    """ "US", "U.A.E.", "DPRK": such aliases only match in capitals, so "us" stays a pronoun."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
