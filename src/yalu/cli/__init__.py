"""Command line: ``yalu COMMAND``. Each module below registers its commands on the app."""

from __future__ import annotations

from yalu.cli import demo, documents, extract, ingest, search, stats  # noqa: F401  (modules register their commands)
from yalu.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
