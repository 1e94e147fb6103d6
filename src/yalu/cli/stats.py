"""``yalu stats``: what the store holds, at a glance."""

from __future__ import annotations

import typer
from rich.console import Group
from rich.table import Table

from yalu.cli.app import app, console, store_of, user_errors
from yalu.store import Store, StoreStats, store_stats


@app.command()
def stats(ctx: typer.Context) -> None:
    """Counts of documents, originals, near-duplicates, claims by type and status, and top outlets."""
    with user_errors():
        print_stats(store_of(ctx))


def print_stats(store: Store) -> None:
    with store.session() as session:
        console.print(render_stats(store_stats(session)))


def render_stats(stats: StoreStats) -> Group:
    overview = Table(title="Store", show_header=False)
    overview.add_column()
    overview.add_column(justify="right")
    overview.add_row("Documents", f"{stats.documents:,}")
    overview.add_row("Near-duplicates (linked copies)", f"{stats.near_duplicates:,}")
    overview.add_row("Sensitive", f"{stats.sensitive:,}")
    overview.add_row("Extracted", f"{stats.extracted:,}")
    overview.add_row("Originals", f"{stats.originals:,} ({stats.original_bytes:,} bytes)")
    parts: list[Table] = [overview]
    for title, counts in (
        ("Claims by type", stats.claims_by_type),
        ("Claims by status", stats.claims_by_status),
        ("Outlets", dict(stats.outlets)),
    ):
        if counts:
            parts.append(_counts(title, counts))
    return Group(*parts)


def _counts(title: str, counts: dict[str, int]) -> Table:
    table = Table(title=title, show_header=False)
    table.add_column()
    table.add_column(justify="right")
    for key, number in counts.items():
        table.add_row(key, f"{number:,}")
    return table
