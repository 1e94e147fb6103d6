"""Helpers for ingest tests: an ingester on the test store and a PDF maker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fpdf import FPDF

from yalu.ingest import Ingester, Outcome
from yalu.store import Store

MakePdf = Callable[[str, str | None], Path]


@pytest.fixture
def ingest(store: Store) -> Callable[..., list[Outcome]]:
    """Ingest paths into the test store with the default size limit and return every outcome."""

    def run(*paths: Path, max_file_size: int = 50 * 2**20) -> list[Outcome]:
        return list(Ingester(store, max_file_size=max_file_size).ingest(paths))

    return run


@pytest.fixture
def make_pdf(tmp_path: Path) -> MakePdf:
    """Write a one-page PDF with ``text`` as its text layer, or only a drawing when ``text`` is None."""

    def make(name: str, text: str | None) -> Path:
        pdf = FPDF()
        pdf.set_title("Labour report")
        pdf.add_page()
        if text is None:
            pdf.rect(20, 20, 100, 60, style="F")
        else:
            pdf.set_font("Helvetica", size=12)
            pdf.multi_cell(0, 8, text)
        path = tmp_path / name
        pdf.output(str(path))
        return path

    return make
