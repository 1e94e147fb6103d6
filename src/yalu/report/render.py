"""Rendering a built report as HTML, PDF (through WeasyPrint) or Markdown, from Jinja2 templates.

Everything a document supplies (titles, quotes, outlet names, URLs) reaches
the output through autoescaping: HTML escaping for HTML and PDF, Markdown
escaping (applied to every ``{{ }}`` of the Markdown template) for Markdown.
The charts are SVG made in Python (WeasyPrint runs no JavaScript); the
Markdown report links to them as files written beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from yalu.errors import YaluError
from yalu.report.build import Report

ReportFormat = Literal["html", "pdf", "md"]
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
URL_SAFE = ":/?#&=%+,;@~!$*'-._"


def render_html(report: Report) -> str:
    return _environment("html").get_template("report.html").render(report=report, cite=report.citations)


def render_pdf(report: Report) -> bytes:
    """The HTML report laid out on A4 pages; its SVG charts and map are drawn by WeasyPrint."""
    from weasyprint import HTML  # imported here: loading Pango takes a second every command would pay

    pdf = HTML(string=render_html(report)).write_pdf()
    if pdf is None:
        raise YaluError("WeasyPrint produced no PDF")
    return pdf


@dataclass(frozen=True)
class FigureFiles:
    """The SVG files beside a Markdown report, named relative to it."""

    timeline: str
    maps: list[str]


def render_markdown(report: Report, files: FigureFiles | None = None) -> str:
    """Markdown, linking to the figures in ``files``; without them the figures are left out."""
    template = _environment("md").get_template("report.md")
    return template.render(report=report, cite=report.citations, files=files)


def write_report(report: Report, report_format: ReportFormat, output: Path) -> list[Path]:
    """Write the report to ``output``, and a Markdown report's SVG figures beside it; returns the files."""
    output.parent.mkdir(parents=True, exist_ok=True)
    if report_format == "pdf":
        output.write_bytes(render_pdf(report))
        return [output]
    if report_format == "html":
        output.write_text(render_html(report), encoding="utf-8")
        return [output]
    svgs = {f"{output.stem}-timeline.svg": report.timeline_svg}
    svgs |= {f"{output.stem}-map-{n}.svg": figure.svg for n, figure in enumerate(report.maps, start=1)}
    for name, svg in svgs.items():
        (output.parent / name).write_text(str(svg), encoding="utf-8")
    names = list(svgs)
    output.write_text(render_markdown(report, FigureFiles(names[0], names[1:])), encoding="utf-8")
    return [output, *(output.parent / name for name in names)]


def markdown_escape(value: object) -> str:
    """A value as literal Markdown text on one line; ``Markup`` (a prepared URL) passes as it is.

    Angle brackets become entities, so no HTML reaches the page; Markdown's
    own punctuation is backslash-escaped, so no link, emphasis or table cell
    can be made from a document's words.
    """
    if isinstance(value, Markup):
        return str(value)
    text = " ".join(str(value).split()).replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_url(url: str) -> Markup:
    """A web address as a link destination: spaces, brackets and parentheses percent-encoded."""
    return Markup(quote(url, safe=URL_SAFE))


def _environment(kind: Literal["html", "md"]) -> Environment:
    loader = PackageLoader("yalu.report", "templates")
    if kind == "html":
        return Environment(loader=loader, autoescape=True, undefined=StrictUndefined)
    environment = Environment(
        loader=loader,
        autoescape=False,
        finalize=markdown_escape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["url"] = markdown_url
    return environment
