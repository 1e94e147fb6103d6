"""Decoding the vendored TopoJSON atlas into country outlines."""

from __future__ import annotations

from yalu.report.topojson import country_outlines, decode_arcs, ring_points


def test_quantized_arcs_are_running_sums_scaled_and_shifted() -> None:
    transform = {"scale": [0.5, 0.25], "translate": [10.0, 20.0]}
    assert decode_arcs([[[0, 0], [2, 0], [0, 4]]], transform) == [[(10.0, 20.0), (11.0, 20.0), (11.0, 21.0)]]
    assert decode_arcs([[[1, 2], [3, 4]]], None) == [[(1.0, 2.0), (3.0, 4.0)]]


def test_rings_join_arcs_once_and_walk_negative_indexes_backwards() -> None:
    arcs = [[(0.0, 0.0), (1.0, 0.0)], [(0.0, 1.0), (1.0, 0.0)], [(0.0, 1.0), (0.0, 0.0)]]
    # Arc 0 forwards, arc 1 backwards (~1 == -2), arc 2 forwards: a closed triangle.
    assert ring_points([0, ~1, 2], arcs) == [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (0.0, 0.0)]


def test_the_atlas_outlines_north_korea_where_it_is() -> None:
    rings = country_outlines()["North Korea"]
    points = [point for ring in rings for point in ring]
    lons, lats = [lon for lon, _ in points], [lat for _, lat in points]
    assert min(lons) > 124 and max(lons) < 131
    assert min(lats) > 37 and max(lats) < 43.1
    assert all(ring[0] == ring[-1] for ring in rings)
    assert {"China", "Russia", "South Korea", "Mongolia"} <= set(country_outlines())
