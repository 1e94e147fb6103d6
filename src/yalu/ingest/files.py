"""From the paths a user gives to the documents in them: folders walked, each file read by its type."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from yalu.errors import InputError
from yalu.ingest.html import read_html
from yalu.ingest.jsonl import read_jsonl
from yalu.ingest.parsed import ParsedDocument
from yalu.ingest.pdf import read_pdf
from yalu.ingest.text import read_text

READERS: dict[str, Callable[[Path, bytes], ParsedDocument]] = {
    ".txt": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
}
JSON_LINES = ".jsonl"
SUPPORTED = (*READERS, JSON_LINES)


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[InputError]]:
    """Every file to read, folders walked in name order skipping hidden entries, and each missing path."""
    files: dict[Path, None] = {}
    missing = []
    for path in paths:
        if path.is_dir():
            found = (p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUPPORTED)
            files.update((p, None) for p in found if not _is_hidden(p.relative_to(path)))
        elif path.exists():
            files[path] = None
        else:
            missing.append(InputError(str(path), "no such file or folder"))
    return list(files), missing


def read_file(path: Path, max_size: int) -> Iterator[ParsedDocument | InputError]:
    """The documents in one file (several for JSON Lines), or the error that stops the file."""
    try:
        yield from _read(path, max_size)
    except InputError as error:
        yield error


def _read(path: Path, max_size: int) -> Iterator[ParsedDocument | InputError]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(
            str(path), f"unsupported file type {suffix or '(none)'!r}; Yalu reads {', '.join(SUPPORTED)}"
        )
    try:
        size = path.stat().st_size
        if size > max_size:
            raise InputError(
                str(path), f"file is {_mebibytes(size)}, over the {_mebibytes(max_size)} limit (--max-size)"
            )
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror}") from error
    if suffix == JSON_LINES:
        yield from read_jsonl(path, data)
    else:
        yield READERS[suffix](path, data)


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _mebibytes(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"
