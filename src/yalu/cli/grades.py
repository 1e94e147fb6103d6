"""``yalu grades list|set|clear``: analysts' Admiralty grades for outlets and claims (docs/grading.md).

Grades set here are kept in the store and weigh claims in every estimate and
report made from it.
"""

from __future__ import annotations

from collections import Counter

import typer
from rich.markup import escape
from rich.table import Table

from yalu.analysis.analyst_grades import (
    clear_claim_grade,
    clear_outlet_grade,
    set_claim_grade,
    set_outlet_grade,
)
from yalu.analysis.catalog import Credibility, Reliability
from yalu.analysis.grading import grade_claims, outlet_reliability
from yalu.analysis.inputs import load_inputs
from yalu.cli.app import app, console, store_of, user_errors
from yalu.errors import YaluError
from yalu.store.grades import claim_grades, outlet_grades

grades_app = typer.Typer(help="List and set analysts' source grades (Admiralty code).", no_args_is_help=True)
app.add_typer(grades_app, name="grades")

OUTLET = typer.Argument(None, help='The outlet, as documents name it (e.g. "Daily NK" or RFA).')
CLAIM = typer.Option(None, "--claim", help="Grade this one claim (its id) instead of an outlet.")


@grades_app.command("list")
def list_command(ctx: typer.Context) -> None:
    """Outlets in the store with their default and analyst grades, then claims graded one by one."""
    with user_errors(), store_of(ctx).session() as session:
        inputs = load_inputs(session)
        by_outlet = {row.outlet: row for row in outlet_grades(session)}
        claim_rows = claim_grades(session)
    documents = Counter(d.outlet for d in inputs.documents.values() if d.outlet)
    outlets = Table(title="Outlets", title_justify="left")
    for column in ("Outlet", "Documents", "Default", "Analyst", "Note"):
        outlets.add_column(column)
    for outlet in sorted({*documents, *by_outlet}, key=str.casefold):
        row = by_outlet.get(outlet)
        analyst = f"{row.reliability}{row.credibility or ''}" if row else ""
        note = row.note if row and row.note else ""
        outlets.add_row(
            escape(outlet), str(documents[outlet]), outlet_reliability(outlet), analyst, escape(note)
        )
    console.print(outlets)
    if not claim_rows:
        return
    effective = grade_claims(inputs.claims, inputs.documents, inputs.grades)
    claims = Table(title="Claims graded by an analyst", title_justify="left")
    for column in ("Claim", "Analyst", "Grade used", "Note"):
        claims.add_column(column, overflow="fold")
    for claim_row in claim_rows:
        used = effective.get(claim_row.claim_id)
        claims.add_row(
            claim_row.claim_id,
            f"{claim_row.reliability or '-'}{claim_row.credibility or '-'}",
            used.code if used else "claim not in the store",
            escape(claim_row.note or ""),
        )
    console.print(claims)


@grades_app.command("set")
def set_command(
    ctx: typer.Context,
    outlet: str | None = OUTLET,
    claim_id: str | None = CLAIM,
    reliability: Reliability | None = typer.Option(
        None, "--reliability", help="A (reliable) to F (cannot judge)."
    ),
    credibility: Credibility | None = typer.Option(
        None, "--credibility", help="1 (confirmed) to 6 (cannot judge); for an outlet, of all it publishes."
    ),
    note: str | None = typer.Option(None, "--note", help="Why: shown with the grade."),
) -> None:
    """Grade an outlet (reliability, optionally credibility) or, with --claim, one claim."""
    with user_errors(), store_of(ctx).transaction() as session:
        if _target(outlet, claim_id) == "claim":
            row = set_claim_grade(session, str(claim_id), reliability, credibility, note)
            console.print(f"claim {row.claim_id}: {row.reliability or '-'}{row.credibility or '-'}")
        elif reliability is None:
            raise YaluError("an outlet grade needs --reliability (A–F)")
        else:
            saved = set_outlet_grade(session, str(outlet), reliability, credibility, note)
            console.print(f"{escape(saved.outlet)}: {saved.reliability}{saved.credibility or ''}")


@grades_app.command("clear")
def clear_command(ctx: typer.Context, outlet: str | None = OUTLET, claim_id: str | None = CLAIM) -> None:
    """Remove an analyst's grade, so the default from sources.yaml applies again."""
    with user_errors(), store_of(ctx).transaction() as session:
        if _target(outlet, claim_id) == "claim":
            clear_claim_grade(session, str(claim_id))
        else:
            clear_outlet_grade(session, str(outlet))
    console.print("cleared")


def _target(outlet: str | None, claim_id: str | None) -> str:
    if (outlet is None) == (claim_id is None):
        raise YaluError("name an outlet, or give --claim ID; one of the two")
    return "claim" if claim_id else "outlet"
