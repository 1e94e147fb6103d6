"""``yalu demo``: the bundled corpus into the store, then a look at what the store holds.

Each step is a function of the store, so later steps (extraction, the web
workspace) slot in after ingest.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

import typer

from yalu.cli.app import app, console, settings_of, store_of, user_errors
from yalu.cli.ingest import ingest_with_progress
from yalu.cli.stats import print_stats

DEMO_CORPUS = files("yalu.demo").joinpath("corpus.jsonl")


@app.command()
def demo(
    ctx: typer.Context,
    corpus: Path | None = typer.Option(
        None, help="A JSON Lines corpus to load instead of the bundled one.", dir_okay=False
    ),
) -> None:
    """Load the bundled demo reports (paraphrased, cited) into the store and show what it holds."""
    with user_errors():
        store = store_of(ctx)
        console.print(f"Store: {store.engine.url.render_as_string(hide_password=True)}")
        with as_file(DEMO_CORPUS) as bundled:
            tally = ingest_with_progress(
                store, [corpus or bundled], max_file_size=settings_of(ctx).max_file_size
            )
        print_stats(store)
    if tally["failed"]:
        raise typer.Exit(1)
    console.print("Next: [bold]yalu search Dandong[/bold] · [bold]yalu documents list[/bold]")
