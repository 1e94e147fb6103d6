"""``yalu estimate workers|revenue``: numbers per period with 90 % intervals, and the claims behind them."""

from __future__ import annotations

import json
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from yalu.analysis.corroborate import claim_date_label
from yalu.analysis.dates import PeriodKind
from yalu.analysis.estimate import PeriodEstimate, estimate_revenue, estimate_workers
from yalu.analysis.inputs import AnalysisInputs, load_inputs
from yalu.cli.app import app, console, store_of, user_errors
from yalu.report.labels import figure_label, outlet_of, places_label, short_quote

estimate_app = typer.Typer(
    help="Estimate DPRK workers present, or what they pay the state, per period (docs/estimates.md).",
    no_args_is_help=True,
)
app.add_typer(estimate_app, name="estimate")

COUNTRY = typer.Option(..., "--country", help="Two-letter ISO code of the host country, e.g. CN or RU.")
PLACE = typer.Option(None, "--place", help="A place within the country, e.g. Dandong or Vladivostok.")
FROM = typer.Option(
    None, "--from", help="First period: YYYY, YYYY-MM or YYYY-MM-DD (default: the evidence's)."
)
TO = typer.Option(None, "--to", help="Last period, as --from (default: the evidence's).")
BY = typer.Option("year", "--by", help="Length of each period.")
JSON = typer.Option(False, "--json", help="Print JSON for machines instead of tables.")


@estimate_app.command("workers")
def workers_command(
    ctx: typer.Context,
    country: str = COUNTRY,
    place: str | None = PLACE,
    date_from: str | None = FROM,
    date_to: str | None = TO,
    by: PeriodKind = BY,
    as_json: bool = JSON,
) -> None:
    """DPRK workers present per period: presence reports, moved by dispatches and returns."""
    with user_errors():
        inputs = _inputs(ctx)
        estimate = estimate_workers(
            inputs.claims,
            inputs.documents.values(),
            country=country,
            place=place,
            start=date_from,
            end=date_to,
            by=by,
            grades=inputs.grades,
        )
    if as_json:
        _print_json(estimate.model_dump(mode="json"), estimate.claim_ids, inputs)
        return
    area = f"{place}, {estimate.country}" if place else estimate.country
    console.print(period_table(f"DPRK workers present in {area}", "Workers", estimate.periods))
    console.print(claims_table("The claims it rests on", estimate.claim_ids, inputs))


@estimate_app.command("revenue")
def revenue_command(
    ctx: typer.Context,
    country: str = COUNTRY,
    place: str | None = PLACE,
    date_from: str | None = FROM,
    date_to: str | None = TO,
    by: PeriodKind = BY,
    as_json: bool = JSON,
) -> None:
    """Payments to the DPRK state per period: workers present times the reported payment per worker."""
    with user_errors():
        inputs = _inputs(ctx)
        estimate = estimate_revenue(
            inputs.claims,
            inputs.documents.values(),
            country=country,
            place=place,
            start=date_from,
            end=date_to,
            by=by,
            grades=inputs.grades,
        )
    if as_json:
        _print_json(estimate.model_dump(mode="json"), estimate.claim_ids, inputs)
        return
    area = f"{place}, {estimate.workers.country}" if place else estimate.workers.country
    monthly = estimate.monthly_payment
    console.print(period_table(f"Payments to the DPRK state from {area}", "US dollars", estimate.periods))
    console.print(
        f"Average payment per worker per month: [bold]{monthly.central:,.0f}[/bold] USD "
        f"(90 %: {monthly.low:,.0f}–{monthly.high:,.0f})"
    )
    console.print(claims_table("The claims it rests on", estimate.claim_ids, inputs))


def period_table(title: str, unit: str, periods: list[PeriodEstimate]) -> Table:
    table = Table(title=escape(title), title_justify="left")
    table.add_column("Period")
    table.add_column(f"{unit} (central)", justify="right")
    table.add_column("90 % interval", justify="right")
    for period in periods:
        table.add_row(period.period, f"{period.central:,.0f}", f"{period.low:,.0f}–{period.high:,.0f}")
    return table


def claims_table(title: str, claim_ids: list[str], inputs: AnalysisInputs) -> Table:
    """The claims by id, with where they come from and the words that state them."""
    wanted = set(claim_ids)
    table = Table(title=escape(title), title_justify="left")
    for column in ("Claim", "Type", "Outlet", "Date", "Figure", "Place", "Quote"):
        table.add_column(column, overflow="fold" if column in ("Claim", "Quote") else "ellipsis")
    for claim in inputs.claims:
        if claim.id in wanted:
            quote = claim.evidence[0].quote if claim.evidence else ""
            table.add_row(
                claim.id,
                claim.type,
                escape(outlet_of(claim, inputs.documents)),
                escape(claim_date_label(claim, inputs.documents)),
                escape(figure_label(claim)),
                escape(places_label(claim)),
                escape(short_quote(quote)),
            )
    return table


def _inputs(ctx: typer.Context) -> AnalysisInputs:
    with store_of(ctx).session() as session:
        return load_inputs(session)


def _print_json(estimate: dict[str, Any], claim_ids: list[str], inputs: AnalysisInputs) -> None:
    """The estimate with each claim it rests on in full, quotes included, so the output stands alone."""
    wanted = set(claim_ids)
    claims = [
        {**claim.to_export(), "id": claim.id, "outlet": outlet_of(claim, inputs.documents)}
        for claim in inputs.claims
        if claim.id in wanted
    ]
    typer.echo(json.dumps({**estimate, "claims": claims}, indent=2, ensure_ascii=False))
