"""``yalu search``: ranked full-text search with the matching words highlighted."""

from __future__ import annotations

import typer
from rich.text import Text

from yalu.cli.app import app, console, store_of, user_errors
from yalu.store import SearchHit, search_documents


@app.command()
def search(
    ctx: typer.Context,
    query: list[str] = typer.Argument(
        ..., help="Words that must all occur (in any form: 'worker' finds 'workers')."
    ),
    limit: int = typer.Option(10, min=1, help="Most results to show."),
) -> None:
    """Find documents by their title and text, best match first."""
    with user_errors():
        store = store_of(ctx)
        with store.session() as session:
            hits = search_documents(session, " ".join(query), limit=limit)
    if not hits:
        console.print("No documents match.")
        return
    for rank, hit in enumerate(hits, start=1):
        console.print(_heading(rank, hit))
        console.print(_snippet(hit))
        console.print()


def _heading(rank: int, hit: SearchHit) -> Text:
    heading = Text(f"{rank}. ", style="bold")
    heading.append(hit.title or "(untitled)", style="bold")
    details = ", ".join(part for part in (hit.outlet, hit.published) if part)
    heading.append(f"  {details}  " if details else "  ", style="dim")
    heading.append(hit.document_id, style="cyan")
    return heading


def _snippet(hit: SearchHit) -> Text:
    snippet = Text("   ")
    for piece, is_match in hit.snippet_parts():
        snippet.append(piece, style="bold yellow" if is_match else None)
    return snippet
