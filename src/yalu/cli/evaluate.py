"""``yalu evaluate``: how far predicted claims agree with hand-annotated gold, scored as the contract does."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Group
from rich.markup import escape
from rich.table import Table

from yalu.cli.app import app, console, user_errors
from yalu.extract.evaluate import Detection, Report, evaluate, read_claims
from yalu.model import Claim


@app.command("evaluate")
def evaluate_command(
    gold_path: Path = typer.Option(
        ..., "--gold", help="Gold claims (JSON Lines, the contract's export format)."
    ),
    pred_path: Path = typer.Option(..., "--pred", help="Predicted claims in the same format."),
    misses: bool = typer.Option(False, "--misses", help="Also list unmatched gold and predicted claims."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Detection precision, recall and F1 per type, slot accuracies, and score = F1 × mean slot accuracy."""
    with user_errors():
        report = evaluate(read_claims(gold_path), read_claims(pred_path))
    if as_json:
        console.print_json(json.dumps(report.to_dict(misses=misses)))
        return
    console.print(render_report(report))
    if misses:
        _print_misses("Missed (gold, unmatched)", report.missed)
        _print_misses("Spurious (predicted, unmatched)", report.spurious)


def render_report(report: Report) -> Group:
    detection = Table(title="Detection")
    for heading in ("type", "gold", "pred", "matched", "precision", "recall", "F1"):
        detection.add_column(heading, justify="left" if heading == "type" else "right")
    for name, row in report.by_type.items():
        detection.add_row(name, *_detection_cells(row))
    detection.add_row("[bold]micro[/bold]", *_detection_cells(report.micro))
    slots = Table(title="Slots (matched pairs whose gold fills the slot)")
    for heading in ("slot", "pairs", "accuracy"):
        slots.add_column(heading, justify="left" if heading == "slot" else "right")
    for name, slot in report.slots.items():
        slots.add_row(name, str(slot.pairs), f"{slot.accuracy:.3f}")
    slots.add_row("[bold]mean[/bold]", "", f"{report.slot_mean:.3f}")
    summary = (
        f"[bold]score {report.score:.3f}[/bold] = detection F1 {report.micro.f1:.3f}"
        f" × mean slot accuracy {report.slot_mean:.3f}"
    )
    return Group(detection, slots, summary)


def _detection_cells(row: Detection) -> list[str]:
    return [
        str(row.gold), str(row.predicted), str(row.matched),
        f"{row.precision:.3f}", f"{row.recall:.3f}", f"{row.f1:.3f}",
    ]  # fmt: skip


def _print_misses(title: str, claims: list[Claim]) -> None:
    console.print(f"\n[bold]{title}: {len(claims)}[/bold]")
    for claim in claims:
        quote = claim.evidence[0].quote if claim.evidence else ""
        console.print(f"{escape(claim.document_id)} {claim.type}: {escape(quote)}", soft_wrap=True)
