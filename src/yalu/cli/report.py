"""``yalu report``: a cited report of findings, timeline, map, ILO indicators and estimates."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from yalu.analysis.inputs import load_inputs
from yalu.cli.app import app, console, err_console, store_of, user_errors
from yalu.report.build import ReportScope, build_report
from yalu.report.render import ReportFormat, write_report


@app.command("report")
def report_command(
    ctx: typer.Context,
    place: str | None = typer.Option(
        None, "--place", help="Only claims about this place or somewhere in it."
    ),
    date_from: str | None = typer.Option(None, "--from", help="Only claims about days from this date on."),
    date_to: str | None = typer.Option(None, "--to", help="Only claims about days up to this date."),
    report_format: ReportFormat = typer.Option("html", "--format", help="html, pdf or md."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="File to write (default: report.FORMAT in this folder).", dir_okay=False
    ),
    public: bool = typer.Option(
        False, "--public", help="For publication: leave out documents marked sensitive."
    ),
) -> None:
    """Write a report in which every figure cites its claims, and every claim its source."""
    target = output or Path(f"report.{report_format}")
    with user_errors(), err_console.status(f"Writing the {report_format} report…"):
        with store_of(ctx).session() as session:
            inputs = load_inputs(session, include_sensitive=not public)
        report = build_report(inputs, ReportScope(place, date_from, date_to, public))
        written = write_report(report, report_format, target)
    for path in written:
        console.print(f"wrote {escape(str(path))}")
    if report.sensitive_included:
        console.print(
            "[bold red]This report cites sensitive documents: do not publish it (see --public).[/bold red]"
        )
