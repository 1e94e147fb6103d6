"""Command line: ``yalu COMMAND``. Each module below registers its commands on the app."""

from __future__ import annotations

from yalu.cli import demo, documents, extract, ingest, search, serve, stats, users  # noqa: F401  (modules register commands)
from yalu.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
