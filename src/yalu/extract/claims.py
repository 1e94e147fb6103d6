"""Claim builders: one per claim type, each turning a sentence's facts into claims.

The rules follow claims.md. A statement becomes a claim only when it is
specific (a count, date, money amount, indicator, sector or a place more precise
than "abroad"). A sentence about an escape, a riot, a return or a rule does not
also yield a ``presence`` claim. Dates go only on dispatch, presence, return and
incident claims; wage claims carry no places; a policy carries its actor. Each
claim records the rule that made it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from yalu.extract.classify import Trigger, actor_mentions, incident_label, is_expected, negated
from yalu.extract.facts import SentenceFacts
from yalu.extract.lexicon import CaseFree, phrase_regex
from yalu.extract.lists import count_list, segments
from yalu.extract.money import MoneyMention
from yalu.extract.organizations import has_organization_role
from yalu.extract.places import Gazetteer
from yalu.extract.quantities import CountMention
from yalu.extract.roles import claim_places
from yalu.model import Claim, Count, DateRange, Money, PlaceRef

HOST_ACTORS = {"CN": "China", "RU": "Russia"}
PARTICIPLE = CaseFree(r"\b(?:workers|laborers|labourers|women|North Koreans)\s+$")
LABOUR = CaseFree(r"\b(?:labou?r\w*|work\w*|employ\w*|accommodation|dispatch\w*|visas?|permits?|borders?)\b")
SINGULAR_FIRST = {"killing", "escape", "suicide", "violence", "disappearance", "other"}


@dataclass(frozen=True)
class Context:
    """What a builder needs beyond the sentence: the document and its main host country."""

    document_id: str
    gazetteer: Gazetteer
    host_country: str | None


def _claim(facts: SentenceFacts, ctx: Context, claim_type: str, rule: str, **slots: object) -> Claim:
    evidence = [facts.evidence]
    return Claim(document_id=ctx.document_id, type=claim_type, rule=rule, evidence=evidence, **slots)  # type: ignore[arg-type]


def _count(mention: CountMention | None) -> Count | None:
    return None if mention is None else Count(min=mention.min, max=mention.max, text=mention.text)


def _date(facts: SentenceFacts) -> DateRange | None:
    date = facts.event_date()
    if date is None:
        return None
    return DateRange(start=date.first, end=date.last, precision=date.precision, text=date.text)  # type: ignore[arg-type]


def _places(
    facts: SentenceFacts, ctx: Context, claim_type: str, start: int = 0, end: int | None = None
) -> list[PlaceRef]:
    mentions = [m for m in facts.places if m.start >= start and (end is None or m.end <= end)]
    return claim_places(facts.text, mentions, claim_type, ctx.gazetteer)


def _modality(facts: SentenceFacts, trigger: Trigger) -> str:
    return "expected" if is_expected(facts.text, trigger) else "reported"


def _movement(
    facts: SentenceFacts,
    ctx: Context,
    claim_type: str,
    needs_value: bool = True,
    trigger: Trigger | None = None,
) -> list[Claim]:
    """Dispatch, presence and return claims share their slots: count, date, places, sectors."""
    trigger = trigger or facts.triggers[claim_type]
    if not facts.refers_to_workers or negated(facts.text, trigger):
        return []
    parts = segments(facts, claim_type)
    claims = []
    for count, start, end in parts:
        places = _places(facts, ctx, claim_type, 0 if len(parts) == 1 else start, end)
        date = _date(facts)
        if needs_value and not (count or date or places or (facts.sectors and claim_type == "presence")):
            continue
        if not (count or date) and _habitual(facts.text, trigger):
            continue
        claims.append(
            _claim(
                facts,
                ctx,
                claim_type,
                trigger.rule,
                modality=_modality(facts, trigger),
                count=_count(count),
                per_group=bool(count and count.per_group),
                date=date,
                places=places,
                sectors=list(facts.sectors),
            )
        )
    return claims


def _habitual(text: str, trigger: Trigger) -> bool:
    """ "The regime has long relied on sending workers": background, not a reported event."""
    return bool(
        phrase_regex("background", "habitual").search(text[max(0, trigger.start - 40) : trigger.start])
    )


def build_dispatch(facts: SentenceFacts, ctx: Context) -> list[Claim]:
    return _movement(facts, ctx, "dispatch")


def build_return(facts: SentenceFacts, ctx: Context) -> list[Claim]:
    """A plain "returned" needs a count or a date; "sent home" or "repatriated" is specific enough alone."""
    weak = facts.triggers["return"].rule == "return.went_home"
    if weak and not (facts.worker_count() or facts.event_date()):
        return []
    return _movement(facts, ctx, "return", needs_value=weak)


def _working_somewhere(facts: SentenceFacts) -> str | None:
    """A count of workers, or a line of work, in a place is presence without a verb; returns the rule.

    "About 5,000 North Koreans in Vladivostok"; "women sew coats at a plant in Yanji".
    """
    if not facts.places:
        return None
    if facts.plural_count() is not None:
        return "presence.count_in_place"
    return "presence.sector_in_place" if facts.sectors else None


def build_presence(facts: SentenceFacts, ctx: Context) -> list[Claim]:
    """Workers present somewhere; workers who "will work" somewhere are a planned dispatch.

    Workers "abroad" are specific only with a count ("80,000 work abroad"); goods
    traced to shops abroad place the goods, not the workers.
    """
    if not facts.names_workers and not facts.continues_previous:
        return []
    if phrase_regex("background", "goods").search(facts.text):
        return []
    trigger = facts.triggers.get("presence") or Trigger("presence", _working_somewhere(facts) or "", 0, 0)
    if trigger.rule == "presence.abroad" and facts.plural_count() is None:
        return []
    claims = _movement(facts, ctx, "presence", trigger=trigger)
    planned = trigger.rule == "presence.working"
    return [
        c.model_copy(update={"type": "dispatch", "rule": "dispatch.will_work"})
        if planned and c.modality == "expected" else c
        for c in claims
    ]  # fmt: skip


def _money(mention: MoneyMention) -> Money:
    amount = mention.amount
    return Money(
        min=amount.min, max=amount.max, currency=amount.currency, per=mention.per,  # type: ignore[arg-type]
        flow=mention.flow, text=mention.text,  # type: ignore[arg-type]
    )  # fmt: skip


def build_wages(facts: SentenceFacts, ctx: Context) -> list[Claim]:
    return [_claim(facts, ctx, "wage", f"wage.{m.flow}", money=_money(m)) for m in facts.money]


def build_condition(facts: SentenceFacts, ctx: Context) -> list[Claim]:
    if not facts.indicators:
        return []
    places = _places(facts, ctx, "condition")
    rule = "condition." + facts.indicators[0]
    return [_claim(facts, ctx, "condition", rule, indicators=list(facts.indicators), places=places)]


def build_incidents(facts: SentenceFacts, ctx: Context) -> list[Claim]:
    claims = []
    for trigger in facts.incidents:
        label = incident_label(trigger)
        count = facts.worker_count(prefer_singular=True) if label in SINGULAR_FIRST else facts.plural_count()
        claims.append(
            _claim(
                facts,
                ctx,
                "incident",
                trigger.rule,
                modality=_modality(facts, trigger),
                incident=label,
                count=_count(count),
                date=_date(facts),
                places=_places(facts, ctx, "incident"),
            )
        )
    return claims


def _policy_actor(facts: SentenceFacts, ctx: Context, trigger: Trigger) -> str | None:
    """A visa decision belongs to the host country unless a UN resolution leads the sentence;
    otherwise the first actor named before the rule."""
    mentions = actor_mentions(facts.text)
    before = [actor for position, actor in mentions if position < trigger.start]
    if trigger.rule == "policy.visa" and before[:1] != ["UN"]:
        hosts = [HOST_ACTORS[m.place.country] for m in facts.places if m.place.country in HOST_ACTORS]
        return hosts[0] if hosts else HOST_ACTORS.get(ctx.host_country or "", "other")
    if any(actor == "UN" for _, actor in mentions) and trigger.rule == "policy.sanctions_breach":
        return "UN"
    after = [actor for position, actor in mentions if position >= trigger.start]
    return (before or after)[0] if before or after else None


def build_policy(facts: SentenceFacts, ctx: Context) -> list[Claim]:
    trigger = facts.triggers["policy"]
    actor = _policy_actor(facts, ctx, trigger)
    if actor is None or not (facts.names_workers or LABOUR.search(facts.text)):
        return []
    places = _places(facts, ctx, "policy")
    return [
        _claim(
            facts, ctx, "policy", trigger.rule, modality=_modality(facts, trigger), actor=actor, places=places
        )
    ]


def build_organization(facts: SentenceFacts, ctx: Context) -> list[Claim]:
    """Named bodies with a part in the labour; the cheap role test runs first, as few sentences pass it."""
    if not has_organization_role(facts.text) or not facts.organizations:
        return []
    names = [o.name for o in facts.organizations]
    places = _places(facts, ctx, "organization")
    return [_claim(facts, ctx, "organization", "organization.named_body", organizations=names, places=places)]


def _participle_of_another_event(facts: SentenceFacts, claim_type: str) -> bool:
    """ "Workers dispatched to X were sent home": the participle only describes who the event is about."""
    trigger = facts.triggers[claim_type]
    described = PARTICIPLE.search(facts.text[: trigger.start])
    return (
        claim_type == "dispatch" and bool(described) and bool(facts.incidents or "return" in facts.triggers)
    )


def _numbered(claims: list[Claim]) -> list[Claim]:
    """A rule that fires twice in one sentence names its second claim "[2]", so the two keep apart ids."""
    if len(claims) < 2:
        return claims
    seen: Counter[tuple[str, str | None]] = Counter()
    numbered = []
    for claim in claims:
        seen[claim.type, claim.rule] += 1
        n = seen[claim.type, claim.rule]
        numbered.append(claim if n == 1 else claim.model_copy(update={"rule": f"{claim.rule}[{n}]"}))
    return numbered


def _events(facts: SentenceFacts, ctx: Context, others: list[Claim]) -> list[Claim]:
    """Dispatch and return claims, less those that the sentence's rule, wage or arrest is really about.

    An event stated before a rule survives it ("workers arrived ... on student
    visas"); one the rule governs ("banned from sending workers") does not,
    unless it carries its own count. A wage sentence's movements need a count;
    workers sent home and then investigated are an arrest, not also a return.
    """
    events: list[Claim] = []
    homeward = "return" in facts.triggers and facts.triggers["return"].rule == "return.into_dprk"
    for claim_type, build in (("dispatch", build_dispatch), ("return", build_return)):
        if homeward and claim_type == "dispatch":
            continue
        if claim_type in facts.triggers and not _participle_of_another_event(facts, claim_type):
            events += build(facts, ctx)
    if "policy" in facts.triggers and any(c.type == "policy" for c in others):
        rule_at = facts.triggers["policy"].start
        events = [c for c in events if c.count or facts.triggers[c.type].start < rule_at]
    if any(c.type == "wage" for c in others):
        events = [c for c in events if c.count]
    if any(c.incident == "arrest" for c in others):
        events = [c for c in events if c.type != "return"]
    return events


def _wage_only(facts: SentenceFacts, claims: list[Claim]) -> bool:
    """A pay sentence is about the pay, but a counted workforce with its earnings is two facts.

    "80,000 North Koreans work abroad, earning the regime $300 million"; "2,000
    workers are in Mongolia, each paid $400 a month".
    """
    if not any(c.type == "wage" for c in claims):
        return False
    return not any(not (c.singular or c.elliptic) for c in facts.counts)


def build_claims(facts: SentenceFacts, ctx: Context) -> list[Claim]:
    """Every claim one sentence supports, by the precedence rules of claims.md."""
    if facts.sentence.kind == "question":
        return []
    claims = build_wages(facts, ctx) + build_condition(facts, ctx) + build_incidents(facts, ctx)
    claims += build_organization(facts, ctx)
    claims += build_policy(facts, ctx) if "policy" in facts.triggers else []
    events = _events(facts, ctx, claims)
    blocking = events or any(c.type in ("incident", "policy") for c in claims) or _wage_only(facts, claims)
    claims += events
    triggered = "presence" in facts.triggers and (facts.names_workers or facts.continues_previous)
    if not (triggered or (facts.names_workers and _working_somewhere(facts))):
        return _numbered(claims)
    if not blocking or (not events and count_list(facts)):  # a list of places adds values of its own
        claims += build_presence(facts, ctx)
    return _numbered(claims)
