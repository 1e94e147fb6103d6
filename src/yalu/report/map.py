"""The report's maps: the DPRK–China–Russia region with a circle at each place, sized by its claims.

The projection is equirectangular (longitude and latitude as x and y, with x
shrunk by the cosine of the middle latitude so shapes are not stretched):
simple, and at this scale close enough. Most places lie along the DPRK's
borders, so the first map shows the border region, widened to take in the
places of Northeast Asia; when claims also name places farther off in China
or Russia (Moscow, Kursk), a second map shows the whole region. Places in
other countries are listed under the maps instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from markupsafe import Markup

from yalu.report.svg import add, svg_root, to_markup
from yalu.report.topojson import Ring, country_outlines

REGION_COUNTRIES = {"KP", "CN", "RU"}
FOCUS = (121.0, 37.0, 134.0, 45.0)  # west, south, east, north: the DPRK and its borders
NORTHEAST_ASIA = (112.0, 30.0, 150.0, 56.0)  # places here widen the first map; others go on the second
MARGIN_DEGREES = 2.0
WIDTH, MAX_HEIGHT = 720.0, 470.0
HIGHLIGHT = {"North Korea": "#9b3d2c", "China": "#eadfc8", "Russia": "#e3d9c6"}
# Where each country's name may go, best first; a map uses the first spot it shows.
COUNTRY_LABELS = {
    "CHINA": [(103.0, 33.0), (84.0, 39.0), (119.5, 44.5)],
    "RUSSIA": [(96.0, 60.0), (80.0, 58.0), (131.8, 45.4)],
    "MONGOLIA": [(103.0, 46.5)],
}
OTHER_LAND, SEA = "#f1f1ee", "#dce8f1"
LABELS_SHOWN = 20
CHARACTER_WIDTH = 6.2  # of the 11 px label font, to keep labels from overlapping
COUNTRY_CHARACTER_WIDTH = 11.0  # of the 13 px, letter-spaced country names
Box = tuple[float, float, float, float]  # x, y, width, height in pixels


@dataclass(frozen=True)
class MapPoint:
    name: str
    country: str | None
    lat: float
    lon: float
    claims: list[str]


@dataclass(frozen=True)
class View:
    """The part of the globe shown, in degrees, and the pixels it is drawn on."""

    west: float
    south: float
    east: float
    north: float

    @property
    def x_scale(self) -> float:
        return math.cos(math.radians((self.north + self.south) / 2))

    @property
    def pixels_per_degree(self) -> float:
        by_width = WIDTH / ((self.east - self.west) * self.x_scale)
        return min(by_width, MAX_HEIGHT / (self.north - self.south))

    @property
    def size(self) -> tuple[float, float]:
        k = self.pixels_per_degree
        return (self.east - self.west) * self.x_scale * k, (self.north - self.south) * k

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        k = self.pixels_per_degree
        return (lon - self.west) * self.x_scale * k, (self.north - lat) * k

    def shows(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


@dataclass(frozen=True)
class MapFigure:
    title: str
    view: View
    svg: Markup


def map_figures(points: list[MapPoint]) -> list[MapFigure]:
    """The border-region map, and the whole-region map when some place in China or Russia is off the first."""
    nearby = [p for p in points if _within(p, NORTHEAST_ASIA)]
    detail = fit_view(nearby)
    figures = [MapFigure("The DPRK's borders and Northeast Asia", detail, map_svg(points, detail))]
    regional = [p for p in points if p.country in REGION_COUNTRIES]
    if any(not detail.shows(p.lon, p.lat) for p in regional):
        whole = fit_view(regional)
        figures.append(MapFigure("China, Russia and the DPRK", whole, map_svg(points, whole)))
    return figures


def fit_view(points: list[MapPoint]) -> View:
    """The DPRK and its borders, widened to take in ``points``, with a margin."""
    west, south, east, north = FOCUS
    for point in points:
        west, east = min(west, point.lon), max(east, point.lon)
        south, north = min(south, point.lat), max(north, point.lat)
    return View(
        max(west - MARGIN_DEGREES, -180.0),
        max(south - MARGIN_DEGREES, -90.0),
        min(east + MARGIN_DEGREES, 180.0),
        min(north + MARGIN_DEGREES, 90.0),
    )


def map_svg(points: list[MapPoint], view: View) -> Markup:
    width, height = view.size
    root = svg_root(
        width,
        height,
        "Places named in the claims",
        "Circle areas are proportional to the number of claims naming each place; "
        "the table below the map cites them.",
    )
    add(root, "rect", x=0, y=0, width=width, height=height, fill=SEA)
    _land(root, view)
    _graticule(root, view)
    shown = sorted((p for p in points if view.shows(p.lon, p.lat)), key=lambda p: -len(p.claims))
    taken = [_circle_box(point, view) for point in shown]
    _country_names(root, view, taken)
    for point in shown:
        x, y = view.project(point.lon, point.lat)
        circle = add(
            root, "circle", cx=x, cy=y, r=_radius(point), fill="#c0392b", fill_opacity=0.55, stroke="#7b1e14"
        )
        add(circle, "title", f"{point.name}: {len(point.claims)} claims")
    _point_labels(root, shown[:LABELS_SHOWN], view, taken)
    add(root, "rect", x=0, y=0, width=width, height=height, fill="none", stroke="#888")
    credit = "Outlines: Natural Earth, via world-atlas"
    add(root, "text", credit, x=width - 4, y=height - 4, font_size=8, fill="#666", text_anchor="end")
    return to_markup(root)


def _land(root: Element, view: View) -> None:
    """Every country reaching into the view; the DPRK, China and Russia shaded, the rest pale."""
    for name, rings in country_outlines().items():
        in_view = [ring for ring in rings if _overlaps(ring, view)]
        if in_view:
            fill = HIGHLIGHT.get(name, OTHER_LAND)
            add(root, "path", d=_path(in_view, view), fill=fill, stroke="#fff", stroke_width=0.6)


def _country_names(root: Element, view: View, taken: list[Box]) -> None:
    """Each country's name at its first listed spot that the view shows and no circle covers."""
    for name, spots in COUNTRY_LABELS.items():
        for lon, lat in spots:
            x, y = view.project(lon, lat)
            box = (x, y - 12, len(name) * COUNTRY_CHARACTER_WIDTH, 13)
            if view.shows(lon, lat) and not _collides(box, taken):
                taken.append(box)
                add(root, "text", name, x=x, y=y, font_size=13, fill="#8a7a5c", letter_spacing=3)
                break


def _point_labels(root: Element, points: list[MapPoint], view: View, taken: list[Box]) -> None:
    """Name and count beside each circle, right or else left, where it overlaps nothing already drawn."""
    width, _ = view.size
    for point in points:
        x, y = view.project(point.lon, point.lat)
        text = f"{point.name} {len(point.claims)}"
        length, gap = len(text) * CHARACTER_WIDTH, _radius(point) + 2
        right, left = (x + gap, y - 8, length, 11), (x - gap - length, y - 8, length, 11)
        box = next(
            (b for b in (right, left) if b[0] >= 0 and b[0] + b[2] <= width and not _collides(b, taken)), None
        )
        if box is not None:
            taken.append(box)
            add(root, "text", text, x=box[0], y=y + 3, font_size=11, fill="#222")


def _circle_box(point: MapPoint, view: View) -> Box:
    x, y = view.project(point.lon, point.lat)
    r = _radius(point)
    return (x - r, y - r, 2 * r, 2 * r)


def _radius(point: MapPoint) -> float:
    return 3.0 + 2.5 * math.sqrt(len(point.claims))


def _collides(box: Box, taken: list[Box]) -> bool:
    x, y, w, h = box
    return any(x < ox + ow and ox < x + w and y < oy + oh and oy < y + h for ox, oy, ow, oh in taken)


def _within(point: MapPoint, bounds: tuple[float, float, float, float]) -> bool:
    west, south, east, north = bounds
    return west <= point.lon <= east and south <= point.lat <= north


def _overlaps(ring: Ring, view: View) -> bool:
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    across = min(lons) < view.east and max(lons) > view.west
    return across and min(lats) < view.north and max(lats) > view.south


def _path(rings: list[Ring], view: View) -> str:
    """SVG path data, skipping points within half a pixel of the last kept: the atlas is finer than a page."""
    parts = []
    for ring in rings:
        kept: list[tuple[float, float]] = []
        for lon, lat in ring:
            x, y = view.project(lon, lat)
            if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) > 0.5:
                kept.append((x, y))
        if len(kept) > 2:
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in kept) + "Z")
    return "".join(parts)


def _graticule(root: Element, view: View) -> None:
    """Faint lines every ten degrees, labelled at the edges, so a reader can place the view."""
    width, height = view.size
    for lon in range(math.ceil(view.west / 10) * 10, math.floor(view.east) + 1, 10):
        x, _ = view.project(lon, view.north)
        add(root, "line", x1=x, x2=x, y1=0, y2=height, stroke="#9aa", stroke_width=0.3)
        add(root, "text", f"{lon}°E", x=x + 2, y=height - 14, font_size=8, fill="#667")
    for lat in range(math.ceil(view.south / 10) * 10, math.floor(view.north) + 1, 10):
        _, y = view.project(view.west, lat)
        add(root, "line", x1=0, x2=width, y1=y, y2=y, stroke="#9aa", stroke_width=0.3)
        add(root, "text", f"{lat}°N", x=2, y=y - 2, font_size=8, fill="#667")
