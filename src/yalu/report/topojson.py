"""Country outlines from the vendored world-atlas TopoJSON, as rings of (longitude, latitude).

Reports draw their map in Python because WeasyPrint runs no JavaScript, so
the topojson-client the workspace uses in the browser is not available here.
TopoJSON stores each border once as an "arc" shared by the two countries on
either side; a country is a list of polygons, each a list of rings, each a
list of arc indexes. The arcs are quantized: integer steps, each relative to
the previous point, turned into degrees by the file's ``transform``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

Point = tuple[float, float]
Ring = list[Point]

# Read through the top package, so drawing a map does not import the web application.
WORLD_ATLAS = files("yalu").joinpath("web/static/vendor/world-atlas/countries-50m.json")


@lru_cache(maxsize=1)
def country_outlines() -> dict[str, list[Ring]]:
    """Every country's rings by its name in the atlas ("China", "North Korea"), outer and inner alike."""
    topology = json.loads(WORLD_ATLAS.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology["arcs"], topology.get("transform"))
    outlines: dict[str, list[Ring]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = _polygons(geometry)
        name = geometry.get("properties", {}).get("name")
        if name and polygons:
            outlines.setdefault(name, []).extend(
                ring_points(ring, arcs) for polygon in polygons for ring in polygon
            )
    return outlines


def decode_arcs(arcs: list[list[list[int]]], transform: dict[str, Any] | None) -> list[Ring]:
    """Arcs in degrees: undo the delta encoding (running sums), then scale and translate."""
    if transform is None:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in arcs]
    (scale_x, scale_y), (shift_x, shift_y) = transform["scale"], transform["translate"]
    decoded = []
    for arc in arcs:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        decoded.append(points)
    return decoded


def ring_points(ring: list[int], arcs: list[Ring]) -> Ring:
    """One closed ring from its arc indexes; ``~i`` (that is ``-i - 1``) means arc ``i`` walked backwards.

    Consecutive arcs share their joining point, so each arc after the first
    drops its first point.
    """
    points: Ring = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []
