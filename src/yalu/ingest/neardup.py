"""Near-duplicates: the same story syndicated elsewhere, found by MinHash over word shingles.

A syndicated copy is linked to the first-stored version rather than dropped, so
analysts see every outlet that ran it but count the story once. Signatures are
kept in the store, so copies are found across ingest runs.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

PERMUTATIONS = 128
# Estimated Jaccard similarity of word 3-shingles above which two texts are one story.
THRESHOLD = 0.7
WORD = re.compile(r"\w+")


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """Drawing the hash permutations costs more than hashing a report, so draw them once."""
    return MinHash(num_perm=PERMUTATIONS).permutations


def signature(text: str) -> LeanMinHash | None:
    """The MinHash of the text's word 3-shingles, or ``None`` when it has no words to compare."""
    words = WORD.findall(text.lower())
    if not words:
        return None
    shingles = {f"{a} {b} {c}".encode() for a, b, c in zip(words, words[1:], words[2:], strict=False)}
    # CRC-32 is a fifth of the cost of datasketch's SHA-1 and, under MinHash's own permutations, as good.
    minhash = MinHash(num_perm=PERMUTATIONS, hashfunc=zlib.crc32, permutations=_permutations())
    minhash.update_batch(list(shingles or {" ".join(words).encode()}))
    return LeanMinHash(minhash)


def to_bytes(minhash: LeanMinHash) -> bytes:
    return minhash.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=np.frombuffer(data, dtype=np.uint64))


@dataclass(frozen=True)
class Match:
    """A stored original that a new text copies."""

    row_id: int
    external_id: str
    similarity: float


class NearDuplicateIndex:
    """Signatures of stored originals (not of their copies), keyed by document row id."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
        self._originals: dict[int, tuple[str, LeanMinHash]] = {}

    def add(self, row_id: int, external_id: str, minhash: LeanMinHash) -> None:
        self._lsh.insert(row_id, minhash, check_duplication=False)
        self._originals[row_id] = (external_id, minhash)

    def closest(self, minhash: LeanMinHash) -> Match | None:
        """The most similar original at or above the threshold."""
        best: Match | None = None
        for row_id in self._lsh.query(minhash):
            external_id, candidate = self._originals[row_id]
            similarity = minhash.jaccard(candidate)
            if similarity >= THRESHOLD and (best is None or similarity > best.similarity):
                best = Match(row_id, external_id, similarity)
        return best
