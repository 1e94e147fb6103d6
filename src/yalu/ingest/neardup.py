"""Near-duplicates: the same story syndicated elsewhere, found by MinHash over word shingles.

A syndicated copy is linked to the first-stored version rather than dropped, so
analysts see every outlet that ran it but count the story once. Signatures are
kept in the store, so copies are found across ingest runs.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

PERMUTATIONS = 128
SHINGLE_WORDS = 3
# Estimated Jaccard similarity of word 3-shingles above which two texts are one story.
THRESHOLD = 0.7
WORD = re.compile(r"\w+")


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """Drawing the hash permutations costs more than hashing a report, so draw them once."""
    return MinHash(num_perm=PERMUTATIONS).permutations


def signature(text: str) -> LeanMinHash | None:
    """The text's MinHash, or ``None`` when it has no words to compare."""
    words = WORD.findall(text.lower())
    if not words:
        return None
    count = max(1, len(words) - SHINGLE_WORDS + 1)
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(count)}
    minhash = MinHash(num_perm=PERMUTATIONS, permutations=_permutations())
    minhash.update_batch(list(shingles))
    return LeanMinHash(minhash)


def to_bytes(minhash: LeanMinHash) -> bytes:
    return minhash.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=np.frombuffer(data, dtype=np.uint64))


class NearDuplicateIndex:
    """Signatures of stored originals (not of their copies), keyed by document row id."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
        self._signatures: dict[int, LeanMinHash] = {}

    def add(self, document_id: int, minhash: LeanMinHash) -> None:
        self._lsh.insert(document_id, minhash, check_duplication=False)
        self._signatures[document_id] = minhash

    def closest(self, minhash: LeanMinHash) -> tuple[int, float] | None:
        """The most similar original at or above the threshold, with its estimated similarity."""
        scored = [(minhash.jaccard(self._signatures[key]), key) for key in self._lsh.query(minhash)]
        best = max(scored, default=None)
        if best is None or best[0] < THRESHOLD:
            return None
        return best[1], best[0]
