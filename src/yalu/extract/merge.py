"""One claim per fact per document (claims.md, "Restatement or new claim").

Two steps. A sentence that continues the previous one ("The workers are entering
through Tumen...", "Already more than 100 have come.") joins it into one
two-sentence quote when both state the same kind of claim. Then mentions of one
fact are grouped around its most detailed claim: a claim whose every value is
already in that claim (a headline, caption or lead that summarises it; a
province or country containing a city already named) becomes another quote of
it. A claim that adds a value no other mention has stays a claim of its own.
Conditions and policies are merged only from headings, because two body
sentences with the same indicator usually report two different practices.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from yalu.extract.places import Gazetteer
from yalu.model import Claim, DateRange, Evidence, PlaceRef

JOINABLE = {"dispatch", "presence", "return"}
HEADING_ONLY = {"condition", "policy"}


def _compatible_counts(a: Claim, b: Claim) -> bool:
    if a.count is None or b.count is None:
        return True
    return (a.count.min is not None and a.count.min == b.count.min) or (
        a.count.max is not None and a.count.max == b.count.max
    )


def _count_within(small: Claim, big: Claim) -> bool:
    """The counts agree, or the vaguer one ("hundreds" in a headline) spans the precise one.

    A count the bigger mention lacks is a value of its own, so not a restatement.
    """
    if small.count is None:
        return True
    if big.count is None:
        return False
    if _compatible_counts(small, big):
        return True
    low = small.count.min if small.count.min is not None else 0
    high = small.count.max if small.count.max is not None else float("inf")
    return big.count.min is not None and low <= big.count.min and (big.count.max or big.count.min) <= high


def _compatible_dates(a: DateRange | None, b: DateRange | None) -> bool:
    if a is None or b is None or not a.start or not b.start:
        return True
    return a.start.startswith(b.start) or b.start.startswith(a.start)


def join_continuation(first: Claim, second: Claim, text: str) -> Claim | None:
    """One claim quoting both sentences, when the second only carries the first on."""
    if first.type != second.type or first.type not in JOINABLE or first.modality != second.modality:
        return None
    if not (_compatible_counts(first, second) and _compatible_dates(first.date, second.date)):
        return None
    start, end = first.evidence[0].start, second.evidence[-1].end
    names = {p.name for p in first.places}
    return first.model_copy(
        update={
            "evidence": [Evidence(start=start, end=end, quote=text[start:end])],
            "count": first.count or second.count,
            "per_group": first.per_group if first.count else second.per_group,
            "date": first.date or second.date,
            "places": first.places + [p for p in second.places if p.name not in names],
            "sectors": list(dict.fromkeys(first.sectors + second.sectors)),
        }
    )


def _within(place: PlaceRef, others: Sequence[PlaceRef], gazetteer: Gazetteer) -> bool:
    """The place is named in ``others`` or contains one of them (a province containing a city)."""
    if any(place.name == other.name for other in others):
        return True
    outer = gazetteer.get(place.gazetteer_id) if place.gazetteer_id else None
    for other in others:
        inner = gazetteer.get(other.gazetteer_id) if other.gazetteer_id else None
        if outer is not None and inner is not None and gazetteer.contains(outer, inner):
            return True
    return False


def _distinctive(claim: Claim) -> bool:
    return bool(
        claim.count or claim.date or claim.places or claim.sectors or claim.money or claim.organizations
    )


def _shares_a_value(a: Claim, b: Claim) -> bool:
    """Both name the same count, date or amount, or (except presence) the same place, sector or body.

    Two body sentences about workers in one city usually describe two groups;
    they are one presence only when a count or date ties them together.
    """
    same_count = a.count is not None and b.count is not None and _compatible_counts(a, b)
    same_date = a.date is not None and b.date is not None
    same_money = a.money is not None and b.money is not None
    if a.type == "presence":
        return same_count or same_date
    return bool(
        same_count or same_date or same_money or {p.name for p in a.places} & {p.name for p in b.places}
        or set(a.sectors) & set(b.sectors) or set(a.organizations) & set(b.organizations)
    )  # fmt: skip


def _money_within(small: Claim, big: Claim, heading: bool) -> bool:
    if small.money is None or big.money is None:
        return small.money is None
    same = (small.money.currency, small.money.min, small.money.max) == (
        big.money.currency,
        big.money.min,
        big.money.max,
    )
    return same or (heading and small.money.currency != big.money.currency)


def _one_rule(a: Claim, b: Claim) -> bool:
    """The UN sanctions, one country's visa decision, or the state's cut of the wages are one fact
    however often a report mentions them."""
    state_cut = a.type == b.type == "condition" and a.indicators == b.indicators == ["withholding_of_wages"]
    return state_cut or (
        a.type == b.type == "policy"
        and a.actor == b.actor
        and (a.actor == "UN" or a.rule == b.rule == "policy.visa")
    )


def is_restatement(small: Claim, big: Claim, heading: bool, gazetteer: Gazetteer) -> bool:
    """Every value of ``small`` is already in ``big``, and the two are about the same thing.

    The cheap comparisons come first: most pairs part at the incident, actor, count or date.
    """
    if (small.type, small.modality, small.incident, small.actor) != (
        big.type,
        big.modality,
        big.incident,
        big.actor,
    ):
        return False
    if small.type in HEADING_ONLY and not (heading or _one_rule(small, big)):
        return False
    contained = (
        _count_within(small, big)
        and (small.date is None or (big.date is not None and _compatible_dates(small.date, big.date)))
        and _money_within(small, big, heading)
        and set(small.sectors) <= set(big.sectors)
        and set(small.indicators) <= set(big.indicators)
        and set(small.organizations) <= set(big.organizations)
        and all(_within(p, big.places, gazetteer) for p in small.places)
    )
    if not contained or any(e.start == f.start for e in small.evidence for f in big.evidence):
        return False
    vague_incident = small.type == "incident" and not _distinctive(small)
    return (
        heading
        or vague_incident
        or _one_rule(small, big)
        or _shares_a_value(small, big)
        or not (_distinctive(small) or _distinctive(big))
    )


def _detail(claim: Claim) -> int:
    return (
        2 * (claim.count is not None) + (claim.date is not None) + len(claim.places) + len(claim.sectors)
        + len(claim.indicators) + 2 * (claim.money is not None) + len(claim.organizations)
    )  # fmt: skip


def merge_restatements(claims: Sequence[Claim], headings: set[int], gazetteer: Gazetteer) -> list[Claim]:
    """Group restatements under the most detailed mention; the result is in reading order.

    The claims are taken over: a group's head is its most detailed claim itself, not a copy.
    """
    ordered = sorted(
        claims, key=lambda c: (-_detail(c), c.evidence[0].start in headings, c.evidence[0].start)
    )
    heads: list[Claim] = []
    heads_by_kind: dict[tuple[str, str], list[Claim]] = defaultdict(list)  # a restatement keeps both
    for claim in ordered:
        heading = claim.evidence[0].start in headings
        same_kind = heads_by_kind[claim.type, claim.modality]
        head = next((h for h in same_kind if is_restatement(claim, h, heading, gazetteer)), None)
        if head is None:
            head = claim
            head.evidence = list(claim.evidence)  # its own list, as restatements' quotes join it
            heads.append(head)
            same_kind.append(head)
        else:
            head.evidence.extend(claim.evidence)
    for head in heads:
        head.evidence[1:] = sorted(head.evidence[1:], key=lambda e: e.start)
    return sorted(heads, key=lambda c: c.evidence[0].start)
