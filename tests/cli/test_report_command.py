"""`yalu report`: HTML, Markdown with its figures, PDF; public editions; scope."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Invoke = Callable[..., Result]


def test_html_report_is_written_with_its_findings(on_evidence: Invoke, tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    result = on_evidence("report", "--format", "html", "--output", str(output))
    assert result.exit_code == 0, result.output
    html = output.read_text(encoding="utf-8")
    assert "2. Key findings" in html and "Interview notes, Dandong" in html
    assert "This report cites sensitive documents: do not publish it" in result.stdout


def test_public_report_leaves_out_sensitive_documents(on_evidence: Invoke, tmp_path: Path) -> None:
    output = tmp_path / "public.html"
    result = on_evidence("report", "--public", "--output", str(output))
    assert result.exit_code == 0, result.output
    html = output.read_text(encoding="utf-8")
    assert "Interview notes" not in html and "A defector said" not in html
    assert "do not publish" not in result.stdout


def test_markdown_report_writes_its_figures_beside_it(on_evidence: Invoke, tmp_path: Path) -> None:
    output = tmp_path / "dandong.md"
    result = on_evidence("report", "--place", "Dandong", "--format", "md", "-o", str(output))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "dandong-timeline.svg").is_file() and (tmp_path / "dandong-map-1.svg").is_file()
    assert "Dandong; all dates" in output.read_text(encoding="utf-8")


def test_pdf_report(on_evidence: Invoke, tmp_path: Path) -> None:
    output = tmp_path / "report.pdf"
    result = on_evidence("report", "--format", "pdf", "--from", "2019", "--to", "2019", "-o", str(output))
    assert result.exit_code == 0, result.output
    assert output.read_bytes().startswith(b"%PDF")


def test_a_bad_scope_is_one_line_and_a_failure(on_evidence: Invoke, tmp_path: Path) -> None:
    result = on_evidence("report", "--place", "Xyzzyville", "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 1 and result.stderr.startswith("error: no place named 'Xyzzyville'")
    assert on_evidence("report", "--format", "docx").exit_code == 2
