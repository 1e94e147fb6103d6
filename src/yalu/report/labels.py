"""Claims and findings in words: figures, places, dates and short quotes for tables and reports.

The command line and the reports describe a claim the same way, so a figure a
reader sees in a PDF can be found again with ``yalu findings`` or
``yalu estimate``.
"""

from __future__ import annotations

from collections.abc import Mapping

from yalu.analysis.corroborate import Finding, claim_date_label
from yalu.analysis.documents import DocumentInfo
from yalu.analysis.geography import innermost
from yalu.model import Claim, Count, Money

TYPE_LABELS = {
    "presence": "Workers present",
    "dispatch": "Workers sent",
    "return": "Workers returned",
    "wage": "Pay",
    "condition": "Working conditions",
    "incident": "Incident",
    "policy": "Policy",
    "organization": "Organization",
}
FLOW_WORDS = {
    "worker_pay": "paid to the worker",
    "state_payment": "paid to the state",
    "fee": "fee",
    "bribe": "bribe",
    "revenue": "revenue",
    "domestic_pay": "pay at home",
    "other": "",
}


def count_label(count: Count) -> str:
    """ "1,000", "1,000–2,000", "more than 1,000" or "up to 500" workers, as the claim bounds them."""
    low, high = count.min, count.max
    if low is not None and high is not None:
        figure = f"{low:,}" if low == high else f"{low:,}–{high:,}"
    elif low is not None:
        figure = f"at least {low:,}"
    elif high is not None:
        figure = f"up to {high:,}"
    else:
        return count.text or "a number not given"
    return f"{figure} {'worker' if figure == '1' else 'workers'}"


def money_label(money: Money) -> str:
    low, high = money.min, money.max
    if low is not None and high is not None and low != high:
        amount = f"{low:,.0f}–{high:,.0f}"
    elif low is not None or high is not None:
        amount = f"{'up to ' if low is None else ''}{(low if low is not None else high):,.0f}"
    else:
        amount = "an amount not given"
    per = f" a {money.per}" if money.per and money.per != "once" else ""
    flow = FLOW_WORDS[money.flow]
    return f"{amount} {money.currency}{per}{f' ({flow})' if flow else ''}"


def amount_label(count: Count | None, money: Money | None) -> str:
    """A number of workers, else an amount of money; empty when there is neither."""
    if count is not None:
        return count_label(count)
    return money_label(money) if money is not None else ""


def figure_label(claim: Claim) -> str:
    """The number a claim states, workers or money; empty when it states none."""
    figure = amount_label(claim.count, claim.money)
    return f"{figure} per group" if figure and claim.per_group else figure


def places_label(claim: Claim) -> str:
    """The most specific places a claim names: "Dandong", not "Dandong, Liaoning, China"."""
    return ", ".join(dict.fromkeys(p.name for p in innermost(claim.places)))


def finding_places(finding: Finding) -> str:
    """The most specific places its claims name, each once."""
    return ", ".join(dict.fromkeys(p.name for c in finding.claims for p in innermost(c.places)))


def finding_dates(finding: Finding, documents: Mapping[str, DocumentInfo]) -> str:
    """The dates its claims give, earliest first; a reader sees at once whether they span years."""
    return ", ".join(sorted(dict.fromkeys(claim_date_label(c, documents) for c in finding.claims)))


def short_quote(text: str, limit: int = 140) -> str:
    """The quote on one line, cut at a word near ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + " …"


def outlet_of(claim: Claim, documents: Mapping[str, DocumentInfo]) -> str:
    document = documents.get(claim.document_id)
    return (document.outlet if document else None) or "outlet unknown"
