"""Scoring extracted claims against hand-annotated gold, as the claim contract's scorer does.

Extraction quality has to be measured the way the contract measures it, or a
change that looks better here could score worse where it counts. So detection
pairs a predicted claim with a gold claim of the same type in the same
document when their quotes share enough words (half of the gold quote's, a
third of the predicted quote's), one to one, best overlap first; each slot is
then judged only on pairs whose gold claim fills it; and the score is
detection F1 times the mean slot accuracy.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean
from typing import Any

from pydantic import ValidationError

from yalu.errors import InputError
from yalu.extract.places.names import fold
from yalu.model import CLAIM_TYPES, Claim, Count, DateRange, Money, PlaceRef

GOLD_SHARE_NEEDED = 1 / 2
PREDICTED_SHARE_NEEDED = 1 / 3
MONEY_TOLERANCE = 0.01
WORD = re.compile(r"\w+")
NORTH_KOREA = re.compile(r"\bnorth korean?\b", re.IGNORECASE)
# Words that say what kind of place or body a name is, not which one: "Jilin Province" is "Jilin",
# "Kangseong Trading Co., Ltd." is "Kangseong Trading". The contract names the first line of each list;
# the rest are the further words its scorer folds, so the two agree on the same files.
PLACE_GENERIC_WORDS = frozenset({
    "province", "city", "county", "town",
    "district", "prefecture", "region", "area", "municipality", "special", "autonomous", "of", "the",
})  # fmt: skip
ORGANIZATION_GENERIC_WORDS = frozenset({
    "company", "limited", "co", "group", "factory", "plant", "garment", "restaurant",
    "ltd", "corp", "corporation", "inc", "the",
})  # fmt: skip


@dataclass(frozen=True)
class Detection:
    """How many claims of one type (or of all) were annotated, predicted and paired."""

    gold: int
    predicted: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class SlotAccuracy:
    """Mean agreement on one slot over the paired claims whose gold fills it."""

    accuracy: float
    pairs: int


@dataclass
class Report:
    by_type: dict[str, Detection]
    micro: Detection
    slots: dict[str, SlotAccuracy]
    missed: list[Claim] = field(default_factory=list)
    spurious: list[Claim] = field(default_factory=list)

    @property
    def slot_mean(self) -> float:
        return mean(slot.accuracy for slot in self.slots.values()) if self.slots else 0.0

    @property
    def score(self) -> float:
        return self.micro.f1 * self.slot_mean

    def to_dict(self, misses: bool = False) -> dict[str, object]:
        """Plain JSON-ready figures; the misses as contract export objects when asked for."""
        summary: dict[str, object] = {
            "score": self.score,
            "detection": _detection_dict(self.micro),
            "slot_mean": self.slot_mean,
            "by_type": {name: _detection_dict(detection) for name, detection in self.by_type.items()},
            "slots": {name: {"accuracy": s.accuracy, "pairs": s.pairs} for name, s in self.slots.items()},
        }
        if misses:
            summary["missed"] = [claim.to_export() for claim in self.missed]
            summary["spurious"] = [claim.to_export() for claim in self.spurious]
        return summary


def _detection_dict(detection: Detection) -> dict[str, float | int]:
    return {
        "gold": detection.gold, "predicted": detection.predicted, "matched": detection.matched,
        "precision": detection.precision, "recall": detection.recall, "f1": detection.f1,
    }  # fmt: skip


def read_claims(path: Path) -> list[Claim]:
    """Every claim of a "Claims out" JSON Lines file; the first bad line stops it, named by file:line."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read: {error}") from error
    claims = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            claims.append(_parse_claim(path, number, line))
    return claims


def _parse_claim(path: Path, number: int, line: str) -> Claim:
    try:
        return Claim.model_validate(json.loads(line))
    except json.JSONDecodeError as error:
        raise InputError(str(path), f"not JSON: {error.msg} at column {error.colno}", number) from error
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "record"
        raise InputError(str(path), f"not a claim: {where}: {first['msg']}", number) from error


def evaluate(gold_claims: Sequence[Claim], pred_claims: Sequence[Claim]) -> Report:
    """Pair predictions with gold claims, then score detection per type and the slots of the pairs.

    Only documents the gold annotates are judged: a prediction elsewhere has no gold to agree with.
    """
    annotated = {claim.document_id for claim in gold_claims}
    judged = [claim for claim in pred_claims if claim.document_id in annotated]
    pairs = _match(gold_claims, judged)
    paired_gold = {id(gold) for gold, _ in pairs}
    paired_pred = {id(pred) for _, pred in pairs}
    by_type = {}
    for claim_type in CLAIM_TYPES:
        detection = Detection(
            gold=sum(claim.type == claim_type for claim in gold_claims),
            predicted=sum(claim.type == claim_type for claim in judged),
            matched=sum(gold.type == claim_type for gold, _ in pairs),
        )
        if detection.gold or detection.predicted:
            by_type[claim_type] = detection
    return Report(
        by_type=by_type,
        micro=Detection(len(gold_claims), len(judged), len(pairs)),
        slots=_slot_accuracies(pairs),
        missed=[claim for claim in gold_claims if id(claim) not in paired_gold],
        spurious=[claim for claim in judged if id(claim) not in paired_pred],
    )


def _words(quote: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in WORD.findall(quote))


def _overlap(gold: Claim, pred: Claim) -> float | None:
    """The best overlap of any gold quote with any predicted quote, or None when no pair shares enough words.

    Any pair counts, so a prediction that quotes one of a gold claim's restatements still finds it.
    """
    best = None
    for gold_quote in gold.evidence:
        gold_words = _words(gold_quote.quote)
        for pred_quote in pred.evidence:
            pred_words = _words(pred_quote.quote)
            shared = len(gold_words & pred_words)
            if not shared:
                continue
            gold_share, pred_share = shared / len(gold_words), shared / len(pred_words)
            if gold_share >= GOLD_SHARE_NEEDED and pred_share >= PREDICTED_SHARE_NEEDED:
                best = max(best or 0.0, (gold_share + pred_share) / 2)
    return best


def _match(gold_claims: Sequence[Claim], pred_claims: Sequence[Claim]) -> list[tuple[Claim, Claim]]:
    preds_by_key: dict[tuple[str, str], list[int]] = {}
    for pred_index, pred in enumerate(pred_claims):
        preds_by_key.setdefault((pred.document_id, pred.type), []).append(pred_index)
    candidates = []
    for gold_index, gold in enumerate(gold_claims):
        for pred_index in preds_by_key.get((gold.document_id, gold.type), []):
            overlap = _overlap(gold, pred_claims[pred_index])
            if overlap is not None:
                candidates.append((overlap, gold_index, pred_index))
    pairs, used_gold, used_pred = [], set(), set()
    # Ties go to the later claims, as in the contract's scorer, so both pair the same claims.
    for _, gold_index, pred_index in sorted(candidates, reverse=True):
        if gold_index not in used_gold and pred_index not in used_pred:
            used_gold.add(gold_index)
            used_pred.add(pred_index)
            pairs.append((gold_claims[gold_index], pred_claims[pred_index]))
    return pairs


def _slot_accuracies(pairs: Iterable[tuple[Claim, Claim]]) -> dict[str, SlotAccuracy]:
    scores: dict[str, list[float]] = {}
    for gold, pred in pairs:
        for slot, judge in SLOT_JUDGES.items():
            expected = getattr(gold, slot)
            if _filled(expected):
                scores.setdefault(slot, []).append(judge(expected, getattr(pred, slot)))
    return {
        slot: SlotAccuracy(mean(scores[slot]), len(scores[slot])) for slot in SLOT_JUDGES if slot in scores
    }


def _filled(value: object) -> bool:
    """Whether the gold states this slot; a date without a start states nothing usable."""
    if isinstance(value, DateRange):
        return value.start is not None
    return value is not None and value != []


def _count_agreement(gold: Count, pred: Count | None) -> float:
    if pred is None:
        return 0.0
    if (pred.min, pred.max) == (gold.min, gold.max):
        return 1.0
    low = max(_bound(gold.min, -math.inf), _bound(pred.min, -math.inf))
    high = min(_bound(gold.max, math.inf), _bound(pred.max, math.inf))
    return 0.5 if low <= high else 0.0


def _bound(value: int | None, open_end: float) -> float:
    return open_end if value is None else value


def _date_agreement(gold: DateRange, pred: DateRange | None) -> float:
    """Both ends must agree as far as the gold spells them out: gold "2024-05" accepts "2024-05-18"."""
    if pred is None:
        return 0.0
    single_day_end = pred.end or pred.start  # a predicted date without an end is one day, month or year
    return float(_same_date(gold.start, pred.start) and _same_date(gold.end, single_day_end))


def _same_date(gold: str | None, pred: str | None) -> bool:
    """An end the gold leaves open (a year alone) is not judged."""
    if gold is None:
        return True
    return pred is not None and pred[: len(gold)] == gold


def _money_agreement(gold: Money, pred: Money | None) -> float:
    if pred is None or pred.currency.upper() != gold.currency.upper():
        return 0.0
    return float(_close(gold.min, pred.min) and _close(gold.max, pred.max))


def _close(gold: float | None, pred: float | None) -> bool:
    """A bound the gold leaves open ("more than $500 million") is not judged."""
    if gold is None:
        return True
    return pred is not None and abs(pred - gold) <= MONEY_TOLERANCE * abs(gold)


def _set_f1(gold: set[str], pred: set[str]) -> float:
    shared = len(gold & pred)
    return 2 * shared / (len(gold) + len(pred)) if shared else 0.0


def _folded(name: str, generic: frozenset[str]) -> str:
    return " ".join(word for word in (fold(w) for w in WORD.findall(name)) if word not in generic)


def _place_agreement(gold: list[PlaceRef], pred: list[PlaceRef]) -> float:
    return _set_f1(
        {_folded(place.name, PLACE_GENERIC_WORDS) for place in gold},
        {_folded(place.name, PLACE_GENERIC_WORDS) for place in pred},
    )


def _organization_key(name: str) -> str:
    return _folded(NORTH_KOREA.sub(" ", name), ORGANIZATION_GENERIC_WORDS)


def _organization_agreement(gold: list[str], pred: list[str]) -> float:
    return _set_f1({_organization_key(name) for name in gold}, {_organization_key(name) for name in pred})


def _set_agreement(gold: list[str], pred: list[str]) -> float:
    return _set_f1(set(gold), set(pred))


def _exact_agreement(gold: str, pred: str | None) -> float:
    return float(gold == pred)


# Each judge gets the gold's value (never empty) and the prediction's, and says how far they agree.
SLOT_JUDGES: dict[str, Callable[[Any, Any], float]] = {
    "count": _count_agreement,
    "date": _date_agreement,
    "places": _place_agreement,
    "sectors": _set_agreement,
    "indicators": _set_agreement,
    "money": _money_agreement,
    "incident": _exact_agreement,
    "actor": _exact_agreement,
    "modality": _exact_agreement,
    "organizations": _organization_agreement,
}
