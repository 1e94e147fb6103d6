"""The Typer application and the options every command shares.

Command modules register themselves on :data:`app`; they stay thin and call
library functions, so everything the command line does can be scripted.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from yalu import __version__
from yalu.config import Settings

app = typer.Typer(
    name="yalu",
    help="Evidence on North Korea's overseas labour, from open-source reports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True)


def _print_version(value: bool) -> None:
    if value:
        console.print(f"yalu {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: str | None = typer.Option(
        None,
        "--db",
        envvar="YALU_DATABASE_URL",
        help="SQLAlchemy URL of the store (default: SQLite in the data folder).",
    ),
    data_dir: Path | None = typer.Option(
        None,
        "--data-dir",
        envvar="YALU_DATA_DIR",
        help="Folder for the default SQLite store and the originals.",
    ),
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Evidence on North Korea's overseas labour, from open-source reports."""
    overrides: dict[str, object] = {}
    if db:
        overrides["database_url"] = db
    if data_dir:
        overrides["data_dir"] = data_dir
    ctx.obj = Settings(**overrides)  # type: ignore[arg-type]


def settings_of(ctx: typer.Context) -> Settings:
    """The settings the root callback built for this invocation."""
    settings = ctx.find_root().obj
    return settings if isinstance(settings, Settings) else Settings()
