"""The Typer application and the options every command shares.

Command modules register themselves on :data:`app`; they stay thin and call
library functions, so everything the command line does can be scripted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from yalu import __version__
from yalu.config import Settings
from yalu.errors import YaluError
from yalu.store import Store, open_store

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
        help="Folder for the default SQLite store and the generated secret key.",
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


def store_of(ctx: typer.Context) -> Store:
    """The store this invocation points at (``--db``, ``YALU_DATABASE_URL`` or the default SQLite file)."""
    return open_store(settings_of(ctx).effective_database_url)


def print_error(error: YaluError) -> None:
    """One line on stderr, never wrapped, so each bad input is one line a user can grep."""
    err_console.print(f"[red]error:[/red] {escape(str(error))}", soft_wrap=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """Report a :class:`YaluError` as one line and exit with status 1, instead of a traceback."""
    try:
        yield
    except YaluError as error:
        print_error(error)
        raise typer.Exit(1) from error
