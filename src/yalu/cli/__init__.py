"""Command line: ``yalu COMMAND``. Each module below registers its commands on the app."""

from __future__ import annotations

from yalu.cli import (  # noqa: F401  (modules register commands)
    demo,
    documents,
    estimate,
    evaluate,
    extract,
    findings,
    grades,
    ingest,
    report,
    search,
    serve,
    stats,
    users,
)
from yalu.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
