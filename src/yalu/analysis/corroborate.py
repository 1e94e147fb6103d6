"""Findings: claims from different documents that state the same fact, with their support and conflicts.

Two claims state the same fact when they have the same type and modality, their
places are the same or one contains the other, their dates overlap at the
precision each gives, and their details (sectors, indicators, incident, actor,
organizations, kind of payment) do not contradict. Figures are compared after
that: claims that agree on the fact but not on the number ("over 50,000 in China"
against "over 100,000 in China") stay in one finding and show as a conflict.

Support counts independent outlets: a syndicated copy counts as its original's
outlet, and a quote that relays another outlet ("according to Daily NK") counts
as that outlet.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, computed_field

from yalu.analysis.assumptions import assumptions, closed_bounds, figures_agree
from yalu.analysis.dates import Span, claim_span
from yalu.analysis.documents import DocumentInfo, index_documents
from yalu.analysis.geography import compatible, countries
from yalu.analysis.rates import has_rate, to_usd
from yalu.analysis.sources import cited_outlet
from yalu.model import Claim, ClaimType, Count, Money


class Figure(BaseModel):
    """One number the claims of a finding agree on, who gives it and for when."""

    count: Count | None = None
    money: Money | None = None
    claim_ids: list[str]
    outlets: list[str]
    dates: list[str]


class Finding(BaseModel):
    id: str
    type: ClaimType
    claims: list[Claim]
    outlets: list[str]
    figures: list[Figure]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def support(self) -> int:
        """Independent outlets that state this fact."""
        return len(self.outlets)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def conflict(self) -> bool:
        """Whether the claims give figures that cannot all be true."""
        return len(self.figures) > 1

    @property
    def claim_ids(self) -> list[str]:
        return [claim.id for claim in self.claims]


def corroborate(claims: Iterable[Claim], documents: Iterable[DocumentInfo]) -> list[Finding]:
    """Group ``claims`` into findings, every claim in exactly one; a lone claim is a finding of one.

    A claim joins the first finding whose every claim states the same fact, so
    Hunchun and Yanji never meet through Jilin. Findings come by type, then date.
    """
    index = index_documents(documents)
    dated = [_Dated(claim, _span(claim, index), _claim_countries(claim)) for claim in claims]
    kinds: dict[tuple[str, str, bool], _Groups] = {}
    for item in sorted(dated, key=lambda d: (d.span.first if d.span else date.min, d.claim.id)):
        kind = (item.claim.type, item.claim.modality, item.claim.per_group)
        kinds.setdefault(kind, _Groups()).place(item)
    return [
        _finding([d.claim for d in group], index) for kind in sorted(kinds) for group in kinds[kind].groups
    ]


def independent_origin(claim: Claim, documents: Mapping[str, DocumentInfo]) -> str:
    """The outlet a claim's information comes from: a relayed outlet, else its original's outlet.

    Follows ``near_duplicate_of`` to the first document of a chain of copies; a
    document without an outlet stands for itself.
    """
    document = documents.get(claim.document_id)
    own = document.outlet if document else None
    for evidence in claim.evidence:
        cited = cited_outlet(evidence.quote, own)
        if cited:
            return cited
    root_id, seen = claim.document_id, set()
    while root_id in documents and documents[root_id].near_duplicate_of and root_id not in seen:
        seen.add(root_id)
        root_id = documents[root_id].near_duplicate_of or root_id
    root = documents.get(root_id)
    return root.outlet if root and root.outlet else f"document {root_id}"


_NO_PLACES = "no places"


@dataclass(frozen=True)
class _Dated:
    """A claim with the days it speaks of and its countries, worked out once rather than at every comparison.

    ``countries`` is ``None`` for a claim whose places could match anywhere.
    """

    claim: Claim
    span: Span | None
    countries: frozenset[str] | None


class _Groups:
    """The findings of one kind of claim so far, indexed so a claim meets only findings it could join.

    With a hundred thousand claims, testing each against every finding takes
    hours. Two shortcuts skip only findings that provably cannot take the claim,
    so the result is the same as testing them all: a finding with a claim that
    ended before this claim starts can take no later claim either (claims come
    by start date), and a finding can take only claims sharing a country with
    its first claim.
    """

    def __init__(self) -> None:
        self.groups: list[list[_Dated]] = []
        self._open: dict[int, None] = {}
        self._anywhere: dict[int, None] = {}
        self._by_country: dict[str, dict[int, None]] = {}
        self._ends: list[tuple[date, int]] = []

    def place(self, item: _Dated) -> None:
        """Put ``item`` in the first open finding that takes it, else in a new finding."""
        if item.span is not None:
            self._close_before(item.span.first)
        home = next((i for i in self._candidates(item) if self._takes(self.groups[i], item)), None)
        if home is None:
            home = len(self.groups)
            self.groups.append([item])
            self._open_group(home, item.countries)
        else:
            self.groups[home].append(item)
        if item.span is not None:
            heapq.heappush(self._ends, (item.span.last, home))

    def _takes(self, group: list[_Dated], item: _Dated) -> bool:
        return all(_same_fact(item, other) for other in group)

    def _candidates(self, item: _Dated) -> Iterator[int]:
        """Open findings sharing a country with ``item`` or placed anywhere, in the order started."""
        if item.countries is None:
            return iter(self._open)
        buckets = [self._by_country[c] for c in item.countries if c in self._by_country]
        merged = heapq.merge(self._anywhere, *buckets)
        return (index for index, _ in itertools.groupby(merged))

    def _open_group(self, index: int, countries: frozenset[str] | None) -> None:
        self._open[index] = None
        if countries is None:
            self._anywhere[index] = None
        for country in countries or ():
            self._by_country.setdefault(country, {})[index] = None

    def _close_before(self, first: date) -> None:
        """Close findings with a claim that ends before ``first``: no claim from here on overlaps it."""
        while self._ends and self._ends[0][0] < first:
            _, index = heapq.heappop(self._ends)
            self._open.pop(index, None)
            self._anywhere.pop(index, None)
            for country in self.groups[index][0].countries or ():
                self._by_country[country].pop(index, None)


def _claim_countries(claim: Claim) -> frozenset[str] | None:
    """Countries a claim's places lie in; ``None`` when a place could be anywhere.

    A claim naming no place matches only claims naming none, so those share a
    country of their own.
    """
    if not claim.places:
        return frozenset({_NO_PLACES})
    found: set[str] = set()
    for place in claim.places:
        codes = countries(place)
        if codes is None:
            return None
        found |= codes
    return frozenset(found)


def _same_fact(a: _Dated, b: _Dated) -> bool:
    """Whether two claims of the same type, modality and kind of count can state one fact."""
    return (
        a.claim.document_id != b.claim.document_id
        and (a.span is None or b.span is None or a.span.overlaps(b.span))
        and _places_compatible(a.claim, b.claim)
        and _details_compatible(a.claim, b.claim)
    )


def _places_compatible(a: Claim, b: Claim) -> bool:
    """Every role both claims fill has a compatible pair of places; a claim naming none matches only none."""
    if not a.places or not b.places:
        return not a.places and not b.places
    roles = {p.role for p in a.places} & {p.role for p in b.places}
    return bool(roles) and all(
        any(compatible(p, q) for p in a.places if p.role == role for q in b.places if q.role == role)
        for role in roles
    )


def _details_compatible(a: Claim, b: Claim) -> bool:
    """Slots both claims fill must share a value; a slot only one fills adds detail, not contradiction."""
    sets = [
        (a.sectors, b.sectors),
        (a.indicators, b.indicators),
        ([o.casefold() for o in a.organizations], [o.casefold() for o in b.organizations]),
    ]
    if any(x and y and not set(x) & set(y) for x, y in sets):
        return False
    singles = [(a.incident, b.incident), (a.actor, b.actor)]
    if a.money and b.money:
        singles += [(a.money.flow, b.money.flow), (a.money.per, b.money.per)]
    return all(x is None or y is None or x == y for x, y in singles)


def _finding(group: list[Claim], documents: Mapping[str, DocumentInfo]) -> Finding:
    digest = hashlib.sha256(" ".join(sorted(c.id for c in group)).encode()).hexdigest()[:16]
    return Finding(
        id=digest,
        type=group[0].type,
        claims=group,
        outlets=_outlets(group, documents),
        figures=_figures(group, documents),
    )


def _figures(group: list[Claim], documents: Mapping[str, DocumentInfo]) -> list[Figure]:
    """Claims with a number, clustered so the numbers within a cluster agree."""
    clusters: list[list[tuple[Claim, tuple[float, float]]]] = []
    for claim in group:
        bounds = _bounds(claim, documents)
        if bounds is None:
            continue
        home = next((c for c in clusters if all(figures_agree(bounds, other) for _, other in c)), None)
        if home is None:
            clusters.append([(claim, bounds)])
        else:
            home.append((claim, bounds))
    return [
        Figure(
            count=cluster[0][0].count,
            money=cluster[0][0].money,
            claim_ids=[claim.id for claim, _ in cluster],
            outlets=_outlets([claim for claim, _ in cluster], documents),
            dates=[claim_date_label(claim, documents) for claim, _ in cluster],
        )
        for cluster in clusters
    ]


def _bounds(claim: Claim, documents: Mapping[str, DocumentInfo]) -> tuple[float, float] | None:
    """A claim's number as a closed range: workers as given, money in US dollars."""
    if claim.count is not None:
        return closed_bounds(claim.count.min, claim.count.max)
    money = claim.money
    bounds = closed_bounds(money.min, money.max) if money and has_rate(money.currency) else None
    if money is None or bounds is None:
        return None
    span = _span(claim, documents)
    year = span.first.year if span else date.today().year
    return (to_usd(bounds[0], money.currency, year), to_usd(bounds[1], money.currency, year))


def _outlets(group: list[Claim], documents: Mapping[str, DocumentInfo]) -> list[str]:
    return sorted({independent_origin(claim, documents) for claim in group})


def _span(claim: Claim, documents: Mapping[str, DocumentInfo]) -> Span | None:
    document = documents.get(claim.document_id)
    return claim_span(claim, document.published if document else None, assumptions().undated_window_days)


def claim_date_label(claim: Claim, documents: Mapping[str, DocumentInfo]) -> str:
    """The date a figure is given for, as the claim states it, else as the report's publication date."""
    if claim.date and claim.date.start:
        end = claim.date.end
        return claim.date.start if not end or end == claim.date.start else f"{claim.date.start} to {end}"
    document = documents.get(claim.document_id)
    return f"published {document.published}" if document and document.published else "undated"
