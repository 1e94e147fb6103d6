"""``yalu findings``: facts several documents state, their independent support, conflicting figures."""

from __future__ import annotations

import json

import typer
from rich.markup import escape
from rich.table import Table

from yalu.analysis.corroborate import Figure, Finding, corroborate
from yalu.analysis.inputs import AnalysisInputs, load_inputs, resolve_place
from yalu.cli.app import app, console, store_of, user_errors
from yalu.errors import YaluError
from yalu.model import CLAIM_TYPES
from yalu.report.labels import amount_label, finding_dates, finding_places


@app.command("findings")
def findings_command(
    ctx: typer.Context,
    types: list[str] | None = typer.Option(
        None, "--type", help=f"Only findings of this type (repeatable): {', '.join(CLAIM_TYPES)}."
    ),
    place: str | None = typer.Option(
        None, "--place", help="Only claims about this place or somewhere in it."
    ),
    date_from: str | None = typer.Option(None, "--from", help="Only claims about days from this date on."),
    date_to: str | None = typer.Option(None, "--to", help="Only claims about days up to this date."),
    conflicts_only: bool = typer.Option(
        False, "--conflicts-only", help="Only findings whose figures conflict."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON for machines instead of a table."),
) -> None:
    """Claims grouped into findings: how many independent outlets state each, and where figures conflict."""
    with user_errors():
        unknown = set(types or ()) - set(CLAIM_TYPES)
        if unknown:
            raise YaluError(f"unknown claim type {', '.join(sorted(unknown))}: use {', '.join(CLAIM_TYPES)}")
        with store_of(ctx).session() as session:
            inputs = load_inputs(session)
        scoped = inputs.within(resolve_place(place) if place else None, date_from, date_to)
        claims = [claim for claim in scoped.claims if not types or claim.type in types]
        findings = [
            f for f in corroborate(claims, scoped.documents.values()) if f.conflict or not conflicts_only
        ]
    if as_json:
        typer.echo(json.dumps([f.model_dump(mode="json") for f in findings], indent=2, ensure_ascii=False))
        return
    if not findings:
        console.print("No findings.")
        return
    console.print(findings_table(findings, scoped))
    conflicts = sum(f.conflict for f in findings)
    console.print(
        f"{len(findings):,} findings; {sum(f.support > 1 for f in findings):,} stated by more than one "
        f"independent outlet; {conflicts:,} with conflicting figures."
    )


def findings_table(findings: list[Finding], inputs: AnalysisInputs) -> Table:
    table = Table()
    for column in ("Finding", "Type", "Place", "Dates", "Support", "Figures (outlets, dates)"):
        table.add_column(column, overflow="fold")
    for finding in findings:
        table.add_row(
            finding.id,
            finding.type,
            escape(finding_places(finding)),
            escape(finding_dates(finding, inputs.documents)),
            f"{finding.support}: {escape(', '.join(finding.outlets))}",
            _figures(finding.figures, finding.conflict),
        )
    return table


def _figures(figures: list[Figure], conflict: bool) -> str:
    """Each figure with who gives it and for when; conflicting ones side by side, marked."""
    described = [
        escape(f"{amount_label(f.count, f.money)} ({', '.join(f.outlets)}; {', '.join(f.dates)})")
        for f in figures
    ]
    return (
        ("[bold red]conflict:[/bold red] " + "\n  vs ".join(described)) if conflict else "\n".join(described)
    )
