"""The timeline's periods and the maps' views, on claims placed and dated by hand."""

from __future__ import annotations

from yalu.report.map import MapPoint, fit_view, map_figures
from yalu.report.timeline import TimelineEntry, build_timeline


def test_claims_within_two_years_are_counted_by_month_with_empty_months_shown() -> None:
    timeline = build_timeline(
        [
            TimelineEntry("dispatch", "2024-01-15", "a"),
            TimelineEntry("dispatch", "2024-03", "b"),
            TimelineEntry("return", "2024-03-02", "c"),
            TimelineEntry("presence", "2024", "d"),
            TimelineEntry("wage", "2024-02", "e"),
        ]
    )
    assert timeline.by == "month"
    assert [p.label for p in timeline.periods] == ["2024-01", "2024-02", "2024-03"]
    assert [p.all_claims for p in timeline.periods] == [["a"], [], ["b", "c"]]
    assert timeline.not_shown == ["d"]  # dated only to the year: not put in January


def test_claims_spread_over_years_are_counted_by_year() -> None:
    timeline = build_timeline(
        [TimelineEntry("presence", "2015", "a"), TimelineEntry("dispatch", "2019-06", "b")]
    )
    assert timeline.by == "year"
    assert [p.label for p in timeline.periods] == ["2015", "2016", "2017", "2018", "2019"]
    assert timeline.periods[-1].claims["dispatch"] == ["b"]


def test_the_border_map_always_shows_the_dprk_and_widens_for_nearby_places() -> None:
    alone = fit_view([])
    assert alone.shows(127.5, 40.3) and alone.shows(124.4, 40.1)  # Pyongyang region and Dandong
    khabarovsk = MapPoint("Khabarovsk", "RU", 48.48, 135.08, ["a"])
    assert fit_view([khabarovsk]).shows(135.08, 48.48)


def test_places_far_from_the_border_get_a_second_map_and_foreign_ones_none() -> None:
    dandong = MapPoint("Dandong", "CN", 40.13, 124.39, ["a"])
    moscow = MapPoint("Moscow", "RU", 55.75, 37.62, ["b"])
    doha = MapPoint("Doha", "QA", 25.29, 51.53, ["c"])
    assert len(map_figures([dandong, doha])) == 1
    border, whole = map_figures([dandong, moscow, doha])
    assert not border.view.shows(37.62, 55.75) and whole.view.shows(37.62, 55.75)
    assert not whole.view.shows(51.53, 25.29)
    assert "Moscow 1" in whole.svg and "Doha" not in whole.svg
