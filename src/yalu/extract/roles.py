"""Which gazetteer places in a quote fill a role in its claim, and which role.

claims.md: "North Korea" as the state is not a place, nor are adjectives or
landmarks; a place that only locates the source ("a source in North Pyongan
told...", "WARSAW — " opening the report) fills no role, unless it contains a
place that does. Within a dispatch, DPRK places are the origin, crossings and "through X" the route, the
rest the destination; a return's DPRK places are its destination. A resolved
place whose country contradicts the countries the sentence names is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from yalu.extract.lexicon import CaseFree, alternation, load
from yalu.extract.places import Gazetteer, PlaceMention
from yalu.model import PlaceRef, PlaceRole

DPRK = "KP"
ROUTE_KINDS = {"border_crossing", "river", "bridge", "port"}
LOCATIVE = re.compile(r"\b(?:in|to|from|at|near|of)\s+$", re.IGNORECASE)
DATELINE = re.compile(r"^(?:[A-Z][\w./-]*[\s,/]+){1,4}[—–]\s")


@cache
def _cue(key: str) -> CaseFree:
    return CaseFree(rf"(?<![\w-])(?:{alternation(load('roles')[key])})\s+(?:the\s+)?$")


@cache
def _not_a_role() -> CaseFree:
    return CaseFree(rf"(?:{alternation(load('roles')['not_a_role'])})")


@cache
def _source_after() -> CaseFree:
    return CaseFree(alternation(load("roles")["source_after"]))


@lru_cache(maxsize=64)
def _fills_a_role(text: str, mention: PlaceMention) -> bool:
    """Asked again for each claim type and part of a sentence, hence kept: its windows take slow regexes."""
    place = mention.place
    if place.kind in load("roles")["landmark_kinds"]:
        return False
    if place.country == DPRK and place.kind == "country":
        return False
    dateline = DATELINE.match(text)
    if dateline and mention.end <= dateline.end():
        return False
    before = text[: mention.start]
    if place.name in load("roles")["state_metonyms"] and not LOCATIVE.search(before):
        return False
    after = text[mention.end : mention.end + 50]
    return not _not_a_role().search(before[-80:]) and not _source_after().search(after)


def _role(claim_type: str, text: str, mention: PlaceMention) -> PlaceRole:
    place, before = mention.place, text[max(0, mention.start - 40) : mention.start]
    in_dprk = place.country == DPRK
    if claim_type == "return":
        return "destination" if in_dprk else "location"
    if claim_type != "dispatch":
        return "location"
    if place.kind in ROUTE_KINDS or _cue("route_before").search(before):
        return "route"
    if in_dprk or _cue("origin_before").search(before):
        return "origin"
    return "destination"


def claim_places(
    text: str, mentions: Sequence[PlaceMention], claim_type: str, gazetteer: Gazetteer
) -> list[PlaceRef]:
    """The places of a claim stated in ``text`` (a sentence), each once, in reading order."""
    if not mentions:
        return []
    return [
        gazetteer.place_ref(mention.place, role=role, text=mention.text)
        for mention, role in _roles(text, tuple(mentions), claim_type, gazetteer)
    ]


@lru_cache(maxsize=64)
def _roles(
    text: str, mentions: tuple[PlaceMention, ...], claim_type: str, gazetteer: Gazetteer
) -> tuple[tuple[PlaceMention, PlaceRole], ...]:
    """The mentions that fill a role, and their roles; kept, as a sentence's claims of one type all ask."""
    roles: dict[str, tuple[PlaceMention, PlaceRole]] = {}
    for mention in _filling_a_role(text, mentions, gazetteer):
        if mention.place.id not in roles:
            roles[mention.place.id] = (mention, _role(claim_type, text, mention))
    return tuple(roles.values())


@lru_cache(maxsize=16)
def _filling_a_role(
    text: str, mentions: tuple[PlaceMention, ...], gazetteer: Gazetteer
) -> tuple[PlaceMention, ...]:
    """The sentence's mentions that fill some role, in reading order, whatever the claim's type."""
    countries = gazetteer.countries_named(mentions)
    reconciled = [m for m in (gazetteer.reconcile(m, countries) for m in mentions) if m is not None]
    kept = [m for m in reconciled if _fills_a_role(text, m)]
    for mention in reconciled:
        if mention not in kept and any(gazetteer.contains(mention.place, k.place) for k in kept):
            kept.append(mention)
    return tuple(sorted(kept, key=lambda m: m.start))
