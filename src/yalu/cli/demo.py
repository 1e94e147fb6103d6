"""``yalu demo``: the bundled corpus into the store, extracted, then the workspace to look at it.

Each step is a function of the store: ingest, extraction, a first admin
account when there is none, and the web workspace.
"""

from __future__ import annotations

import sys
from importlib.resources import as_file, files
from pathlib import Path

import typer

from yalu.cli.app import app, console, settings_of, store_of, user_errors
from yalu.cli.extract import extract_store_with_progress
from yalu.cli.ingest import ingest_with_progress
from yalu.cli.serve import serve_workspace
from yalu.cli.stats import print_stats
from yalu.cli.users import create_first_admin

DEMO_CORPUS = files("yalu.demo").joinpath("corpus.jsonl")


@app.command()
def demo(
    ctx: typer.Context,
    corpus: Path | None = typer.Option(
        None, help="A JSON Lines corpus to load instead of the bundled one.", dir_okay=False
    ),
    serve: bool | None = typer.Option(
        None,
        "--serve/--no-serve",
        help="Open the workspace at http://127.0.0.1:8000/ afterwards (default: when run from a terminal).",
    ),
) -> None:
    """Load the bundled demo reports (paraphrased, cited), extract their claims, and open the workspace."""
    with user_errors():
        store = store_of(ctx)
        console.print(f"Store: {store.engine.url.render_as_string(hide_password=True)}")
        with as_file(DEMO_CORPUS) as bundled:
            tally = ingest_with_progress(
                store, [corpus or bundled], max_file_size=settings_of(ctx).max_file_size
            )
        extract_store_with_progress(store, force=False)
        print_stats(store)
        create_first_admin(store)
    if tally["failed"]:
        raise typer.Exit(1)
    if sys.stdin.isatty() if serve is None else serve:
        serve_workspace(settings_of(ctx), "127.0.0.1", 8000, public=False)
    else:
        console.print("Next: [bold]yalu serve[/bold] · [bold]yalu search Dandong[/bold]")
