"""Building SVG figures as element trees, so every label a document supplies is escaped on output.

Charts and maps are drawn in Python rather than in the browser because the
PDF renderer (WeasyPrint) runs no JavaScript; the same SVG goes into the HTML
and PDF reports and beside the Markdown one.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markupsafe import Markup

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"


def svg_root(width: float, height: float, title: str, description: str) -> ET.Element:
    """An empty figure with the title and description screen readers announce."""
    root = ET.Element(
        "svg",
        {
            "xmlns": SVG_NAMESPACE,
            "viewBox": f"0 0 {width:.0f} {height:.0f}",
            "width": f"{width:.0f}",
            "height": f"{height:.0f}",
            "role": "img",
            "font-family": FONT,
        },
    )
    ET.SubElement(root, "title").text = title
    ET.SubElement(root, "desc").text = description
    return root


def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: object) -> ET.Element:
    """A child element; ``font_size=9`` becomes ``font-size="9"``, and floats are rounded to 0.1 px."""
    element = ET.SubElement(
        parent,
        tag,
        {name.rstrip("_").replace("_", "-"): _value(value) for name, value in attributes.items()},
    )
    if text is not None:
        element.text = text
    return element


def to_markup(root: ET.Element) -> Markup:
    """The figure as markup safe to place in HTML: ElementTree has escaped every text and attribute."""
    return Markup(ET.tostring(root, encoding="unicode"))


def _value(value: object) -> str:
    return f"{value:.1f}" if isinstance(value, float) else str(value)
