"""``yalu extract`` and ``yalu explain``: claims from documents, and why each claim exists."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from yalu.cli.app import app, console, err_console, print_error, store_of, user_errors
from yalu.errors import InputError
from yalu.extract import extract_document
from yalu.extract.batch import (
    Advance,
    count_lines,
    extract_file,
    extract_stored,
    find_document,
    stored_documents_to_extract,
)
from yalu.model import Claim, Document
from yalu.store import Store, document_to_model, get_document, load_claims

CONTEXT_CHARS = 160


@contextmanager
def _progress(total: int, label: str) -> Iterator[Advance]:
    columns = [TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    # Only a terminal gets the live bar; logs and pipes get the error lines and the summary.
    with Progress(
        *columns, console=err_console, transient=True, disable=not err_console.is_terminal
    ) as progress:
        task = progress.add_task(label, total=total)
        yield lambda n: progress.advance(task, n)


@app.command("extract")
def extract_command(
    ctx: typer.Context,
    input_path: Path | None = typer.Option(
        None, "--input", "-i", help="Documents as JSON Lines; without it, extract the documents in the store."
    ),
    output_path: Path | None = typer.Option(
        None, "--output", "-o", help="Where to write the claims (JSON Lines, export format); needs --input."
    ),
    force: bool = typer.Option(
        False, "--force", help="Store mode: extract every document again, not only new ones."
    ),
) -> None:
    """Extract claims, each tied to the quotes that state it.

    With --input and --output it is stateless: documents in, claims out, no store.
    Without them it extracts the stored documents not yet extracted and saves their claims.
    """
    with user_errors():
        if input_path is not None:
            if output_path is None:
                raise typer.BadParameter("--input needs --output")
            _extract_file(input_path, output_path)
        else:
            extract_store_with_progress(store_of(ctx), force)


def _extract_file(input_path: Path, output_path: Path) -> None:
    if not input_path.is_file():
        raise InputError(str(input_path), "no such file")
    with _progress(count_lines(input_path), "Extracting") as advance:
        tally = extract_file(input_path, output_path, advance, print_error)
    console.print(
        f"{tally.documents:,} documents, {tally.claims:,} claims written to {escape(str(output_path))}"
    )
    if tally.errors:
        err_console.print(f"{len(tally.errors):,} input lines skipped")
        raise typer.Exit(1)


def extract_store_with_progress(store: Store, force: bool) -> None:
    """Extract the stored documents not yet extracted (all of them with ``force``), showing progress."""
    document_ids = stored_documents_to_extract(store, force)
    with _progress(len(document_ids), "Extracting") as advance:
        tally = extract_stored(store, document_ids, advance)
    console.print(f"{tally.documents:,} documents extracted, {tally.claims:,} claims stored")


@app.command("explain")
def explain_command(
    ctx: typer.Context,
    document_id: str | None = typer.Argument(None, help="A stored document's id (or use --input with --id)."),
    input_path: Path | None = typer.Option(
        None, "--input", "-i", help="Read the document from this JSON Lines file."
    ),
    record_id: str | None = typer.Option(None, "--id", help="The document's id within --input."),
) -> None:
    """Show a document's claims: each quote highlighted in context, with the rule that made it."""
    with user_errors():
        if input_path is not None:
            if not record_id:
                raise typer.BadParameter("--input needs --id")
            document = find_document(input_path, record_id)
            claims = extract_document(document)
        elif document_id:
            with store_of(ctx).session() as session:
                document = document_to_model(get_document(session, document_id))
                claims = load_claims(session, document_id)
        else:
            raise typer.BadParameter("give a document id, or --input FILE --id ID")
    console.print(f"[bold]{escape(document.id)}[/bold]: {len(claims)} claims")
    for claim in claims:
        console.print(_explanation(document, claim))


def _explanation(document: Document, claim: Claim) -> Panel:
    body = Text()
    for evidence in claim.evidence:
        start, end = evidence.start, evidence.end
        body.append("… " + document.text[max(0, start - CONTEXT_CHARS) : start], style="dim")
        body.append(document.text[start:end], style="bold yellow")
        body.append(document.text[end : end + CONTEXT_CHARS] + " …\n\n", style="dim")
    body.append(_slots(claim), style="cyan")
    title = f"{claim.type} ({claim.modality}) · rule {claim.rule or 'unknown'} · id {claim.id}"
    return Panel(body, title=escape(title), title_align="left")


def _slots(claim: Claim) -> str:
    parts = []
    if claim.count:
        parts.append(f"count {claim.count.min}–{claim.count.max} ({claim.count.text})")
    if claim.date:
        parts.append(f"date {claim.date.start}…{claim.date.end} [{claim.date.precision}] ({claim.date.text})")
    if claim.money:
        money = claim.money
        parts.append(f"money {money.min}–{money.max} {money.currency}/{money.per} {money.flow}")
    if claim.places:
        parts.append("places " + ", ".join(f"{p.name} ({p.role}, {p.precision})" for p in claim.places))
    for label in ("sectors", "indicators", "organizations"):
        if getattr(claim, label):
            parts.append(f"{label} " + ", ".join(getattr(claim, label)))
    for label in ("incident", "actor"):
        if getattr(claim, label):
            parts.append(f"{label} {getattr(claim, label)}")
    return " · ".join(parts) or "(no slots)"
