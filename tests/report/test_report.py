"""Reports: cited findings, conflicts, figures, indicators, estimates, annexes; escaping; three formats."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from yalu.analysis.inputs import AnalysisInputs, load_inputs
from yalu.errors import YaluError
from yalu.report.build import Report, ReportScope, build_report
from yalu.report.render import render_html, render_markdown, render_pdf, write_report
from yalu.store import Store

SVG = "{http://www.w3.org/2000/svg}"


def _inputs(store: Store, public: bool = False) -> AnalysisInputs:
    with store.session() as session:
        return load_inputs(session, include_sensitive=not public)


@pytest.fixture
def report(evidence_store: Store) -> Report:
    return build_report(_inputs(evidence_store), ReportScope(), generated=date(2025, 1, 1))


def test_key_findings_cite_outlet_date_url_and_quote(report: Report) -> None:
    html = render_html(report)
    top = report.key_findings[0]
    assert (top.type_label, top.places, top.support) == ("Workers present", "China", 3)
    assert "Support: 3 independent outlets</strong> (Daily NK, Radio Free Asia, Yonhap)" in html
    assert '[2] Daily NK, 2019-05-02, <a href="https://dailynk.example/cn-1">' in html
    assert "<q>Some 50,000 North Korean workers were in China in 2019</q>" in html


def test_conflicting_figures_stand_side_by_side_with_their_outlets_and_dates(report: Report) -> None:
    [conflict] = report.conflicts
    figures = [(f.label, f.outlets, f.dates) for f in conflict.figures]
    assert figures == [
        ("50,000 workers", ["Daily NK", "Yonhap"], ["2019", "2019"]),
        ("at least 100,000 workers", ["Radio Free Asia"], ["2019"]),
    ]
    assert "at least 100,000 workers (Radio Free Asia; 2019; C" in render_html(report)


def test_quotes_withhold_descriptions_of_anonymous_sources(report: Report) -> None:
    html = render_html(report)
    assert "Changbai" not in html
    assert "in China in 2019, [source withheld] said." in html


def test_document_text_is_escaped_and_only_web_links_are_clickable(report: Report) -> None:
    html = render_html(report)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; Hunchun" in html
    assert "&lt;script&gt;alert(&#39;quote&#39;)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html
    markdown = render_markdown(report)
    assert "<script>" not in markdown and "<img" not in markdown
    assert "&lt;img src=x onerror=alert(1)&gt; Hunchun" in markdown
    assert r"Evil &lt;script&gt;alert(1)&lt;/script&gt; News" in markdown
    assert "](https://dailynk.example/cn-1)" in markdown and "](javascript:" not in markdown


def test_every_figure_cites_claims_that_the_annexes_list(report: Report) -> None:
    html = render_html(report)
    cited = {int(n) for n in re.findall(r"\bC(\d+)\b", html)}
    assert cited == {claim.number for claim in report.citations.claims}
    assert len(report.citations.claims) == 8
    sources = {claim.source.number for claim in report.citations.claims}
    assert sources == {source.number for source in report.citations.sources} == set(range(1, 7))
    assert [s.document_id for s in report.citations.sources][:2] == ["dandong-notes", "cn-1"]  # by date


def test_the_timeline_and_the_map_are_drawn_as_svg(report: Report) -> None:
    timeline = ET.fromstring(str(report.timeline_svg))
    bars = [rect for rect in timeline.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None]
    assert [bar.find(f"{SVG}title").text for bar in bars] == [  # type: ignore[union-attr]
        "2018: 1 present",
        "2019: 3 present",
        "2023: 1 sent",
    ]
    border, whole = (ET.fromstring(str(figure.svg)) for figure in report.maps)
    assert len(list(border.iter(f"{SVG}path"))) > 3
    assert _circles(border) == ["Dandong: 2 claims", "Hunchun: 1 claims"]
    # Claims naming only China or Russia sit at their centres, far from the border: the second map shows them.
    assert _circles(whole) == [
        "China: 3 claims",
        "Dandong: 2 claims",
        "Hunchun: 1 claims",
        "Russia: 1 claims",
    ]


def _circles(svg: ET.Element) -> list[str]:
    return sorted(circle.find(f"{SVG}title").text or "" for circle in svg.iter(f"{SVG}circle"))  # type: ignore[union-attr]


def test_the_indicator_matrix_counts_supporting_claims_by_place(report: Report) -> None:
    rows = {row.place: [len(cell) for cell in row.cells] for row in report.indicator_rows}
    assert set(rows) == {"Dandong", "Hunchun"}
    assert rows["Dandong"][report.indicators.index("Retention of documents")] == 1
    assert rows["Hunchun"][report.indicators.index("Physical sexual violence")] == 1
    assert sum(rows["Dandong"]) == sum(rows["Hunchun"]) == 1


def test_estimates_are_given_with_intervals_or_refused_with_the_reason(report: Report) -> None:
    by_title = {entry.title: entry for entry in report.estimates}
    workers = by_title["DPRK workers present in China"]
    # Dandong's count is a part of China's, not a measure of it, so only 2019 is estimated.
    assert [p.period for p in workers.periods] == ["2019"]
    assert all(p.low < p.central < p.high for p in workers.periods)
    revenue = by_title["Payments to the DPRK state from workers in China"]
    low, high = re.findall(r"interval (\d+)–(\d+)", revenue.note or "")[0]
    assert int(low) < 300 < int(high)
    assert by_title["DPRK workers present in Russia"].refused is not None
    assert "Not estimated: no dated presence claim with a count for RU" in render_html(report)


def test_a_report_on_a_place_covers_its_claims_and_estimates_for_it(evidence_store: Store) -> None:
    report = build_report(_inputs(evidence_store), ReportScope(place="Dandong"))
    assert report.claim_count == 2
    assert report.estimates[0].title == "DPRK workers present in Dandong"
    assert [p.period for p in report.estimates[0].periods] == ["2018"]


def test_a_public_report_has_no_sensitive_document(evidence_store: Store) -> None:
    internal = build_report(_inputs(evidence_store), ReportScope())
    public = build_report(_inputs(evidence_store, public=True), ReportScope(public=True))
    assert internal.sensitive_included and "Do not publish" in render_html(internal)
    assert not public.sensitive_included
    assert "Interview notes" not in render_html(public)
    assert "Public edition" in render_html(public)
    with pytest.raises(YaluError, match="without sensitive documents"):
        build_report(_inputs(evidence_store), ReportScope(public=True))


def test_markdown_links_the_figures_written_beside_it(report: Report, tmp_path: Path) -> None:
    written = write_report(report, "md", tmp_path / "out" / "report.md")
    names = ["report.md", "report-timeline.svg", "report-map-1.svg", "report-map-2.svg"]
    assert [path.name for path in written] == names
    markdown = written[0].read_text(encoding="utf-8")
    assert all(f"]({name})" in markdown for name in names[1:])
    assert written[1].read_text(encoding="utf-8").startswith("<svg")
    assert "| Dandong | CN | 2 | C1–C2 |" in markdown


def test_the_pdf_has_pages_with_the_cited_text(report: Report) -> None:
    pdf = render_pdf(report)
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 3
    text = " ".join(page.extract_text() for page in reader.pages)
    for expected in ("Key findings", "Daily NK", "Annex B. Sources", "https://dailynk.example/cn-1"):
        assert expected in text
