"""``yalu ingest``: files, folders and JSON Lines into the store, with a progress bar and a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from yalu.cli.app import app, console, err_console, print_error, settings_of, store_of, user_errors
from yalu.ingest import Ingester, Metadata, collect_files
from yalu.ingest.files import JSON_LINES
from yalu.ingest.parsed import check_published
from yalu.store import Store

STATUSES = {"new": "new", "duplicate": "duplicate", "near_duplicate": "near-duplicate", "failed": "failed"}


@app.command()
def ingest(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Files or folders (.txt .md .html .htm .pdf .jsonl)."),
    outlet: str | None = typer.Option(None, help="Outlet that published the file, e.g. 'Daily NK'."),
    published: str | None = typer.Option(None, help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD."),
    url: str | None = typer.Option(None, help="Where the file was published."),
    language: str | None = typer.Option(None, help="ISO 639-1 language code (English when absent)."),
    title: str | None = typer.Option(None, help="Title, if the file's own is missing or wrong."),
    sensitive: bool | None = typer.Option(
        None,
        "--sensitive/--not-sensitive",
        help="Mark the file as sensitive or not (default: sensitive when it has no URL and no outlet).",
    ),
    max_size: float | None = typer.Option(
        None,
        "--max-size",
        min=0,
        help="Largest file to accept, in MiB (default 50, or YALU_MAX_FILE_SIZE bytes).",
    ),
) -> None:
    """Add reports to the store; the same bytes twice is a no-op, a syndicated copy is linked."""
    metadata = Metadata(
        title=title, outlet=outlet, url=url, published=published, language=language, sensitive=sensitive
    )
    if metadata != Metadata():
        _check_single_file(paths)
    limit = int(max_size * 2**20) if max_size is not None else settings_of(ctx).max_file_size
    with user_errors():
        check_published("--published", published)
        tally = ingest_with_progress(store_of(ctx), paths, max_file_size=limit, metadata=metadata)
    if tally["failed"]:
        raise typer.Exit(1)


def ingest_with_progress(
    store: Store, paths: Sequence[Path], *, max_file_size: int, metadata: Metadata | None = None
) -> Counter[str]:
    """Ingest ``paths`` showing a progress bar and one line per failure; prints and returns the counts."""
    files, missing = collect_files(paths)
    ingester = Ingester(store, max_file_size=max_file_size, metadata=metadata)
    tally: Counter[str] = Counter({status: 0 for status in STATUSES})
    for error in missing:
        print_error(error)
        tally["failed"] += 1
    sizes = [path.stat().st_size for path in files]
    columns = [TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn()]
    # Only a terminal gets the live bar; logs and pipes get the error lines and the summary.
    live = err_console.is_terminal
    with Progress(*columns, console=err_console, transient=True, disable=not live) as progress:
        task = progress.add_task(_describe(tally), total=sum(sizes))
        done = 0
        for path, size in zip(files, sizes, strict=True):
            for outcome in ingester.ingest_file(path):
                tally[outcome.status] += 1
                if outcome.error is not None:
                    print_error(outcome.error)
                progress.update(task, advance=outcome.size, description=_describe(tally))
            done += size
            progress.update(task, completed=done)
    console.print(_summary(tally))
    return tally


def _check_single_file(paths: Sequence[Path]) -> None:
    if len(paths) != 1 or paths[0].is_dir() or paths[0].suffix.lower() == JSON_LINES:
        raise typer.BadParameter(
            "metadata options describe one file: give a single file that is not a folder or JSON Lines "
            "(JSON Lines records carry their own metadata)"
        )


def _describe(tally: Counter[str]) -> str:
    return " · ".join(f"{label} {tally[status]}" for status, label in STATUSES.items())


def _summary(tally: Counter[str]) -> Table:
    table = Table(title="Ingest")
    for label in STATUSES.values():
        table.add_column(label.capitalize(), justify="right")
    table.add_row(*(f"{tally[status]:,}" for status in STATUSES))
    return table
