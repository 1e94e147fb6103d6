"""``yalu documents list|show``: look around the store."""

from __future__ import annotations

import typer
from rich.panel import Panel
from rich.table import Table

from yalu.cli.app import app, console, store_of, user_errors
from yalu.store import DocumentRow, get_document, list_documents

documents_app = typer.Typer(help="List stored documents or show one in full.", no_args_is_help=True)
app.add_typer(documents_app, name="documents")


@documents_app.command("list")
def list_command(
    ctx: typer.Context,
    limit: int = typer.Option(50, min=1, help="Most documents to list."),
    offset: int = typer.Option(0, min=0, help="Documents to skip, for paging."),
    outlet: str | None = typer.Option(None, help="Only documents from this outlet."),
) -> None:
    """Documents, most recently ingested first."""
    with user_errors():
        store = store_of(ctx)
        with store.session() as session:
            rows = list_documents(session, limit=limit, offset=offset, outlet=outlet)
            near = {row.id: row.near_duplicate.external_id for row in rows if row.near_duplicate}
    if not rows:
        console.print("No documents.")
        return
    table = Table()
    for column in ("ID", "Published", "Outlet", "Title", "Copy of"):
        table.add_column(column, overflow="fold" if column == "ID" else "ellipsis")
    for row in rows:
        table.add_row(
            row.external_id, row.published or "", row.outlet or "", row.title or "", near.get(row.id, "")
        )
    console.print(table)


@documents_app.command("show")
def show_command(
    ctx: typer.Context,
    document_id: str = typer.Argument(..., help="The document's id, as `yalu documents list` shows it."),
) -> None:
    """One document: its metadata, original's hash, near-duplicate link and full text."""
    with user_errors():
        store = store_of(ctx)
        with store.session() as session:
            row = get_document(session, document_id)
            console.print(_metadata(row))
            console.print(Panel(row.text, title="Text", title_align="left"))


def _metadata(row: DocumentRow) -> Table:
    table = Table(show_header=False, box=None, title=row.title or "(untitled)", title_justify="left")
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    copy_of = row.near_duplicate
    fields = {
        "ID": row.external_id,
        "Outlet": row.outlet,
        "Published": row.published,
        "URL": row.url,
        "Author": row.author,
        "Site": row.site,
        "Language": row.language,
        "Sensitive": "yes" if row.sensitive else "no",
        "Near-duplicate of": f"{copy_of.external_id} (similarity {row.similarity:.2f})" if copy_of else None,
        "SHA-256": f"{row.sha256} ({row.media_type}, {row.original.size:,} bytes)",
        "Source": row.source_path,
        "Ingested": row.ingested_at.strftime("%Y-%m-%d %H:%M UTC"),
        "Extracted": row.extracted_at.strftime("%Y-%m-%d %H:%M UTC") if row.extracted_at else None,
    }
    for label, value in fields.items():
        if value is not None:
            table.add_row(label, value)
    for key, value in row.extra.items():
        table.add_row(key, str(value))
    return table
