"""The estimates page and its JSON twin: intervals per period, the claims behind them, refusals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

Login = Callable[..., str]
ClientFactory = Callable[..., TestClient]


def estimates(client: TestClient, query: str = "") -> dict[str, Any]:
    response = client.get(f"/estimates.json?{query}")
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


def test_workers_and_payments_in_china_with_intervals_and_their_claims(viewer: TestClient) -> None:
    page = estimates(viewer, "country=cn&by=year")
    assert page["query"]["country"] == "CN"
    [year] = page["workers"]["periods"]
    assert year["period"] == "2019"
    assert 50_000 < year["central"] < 100_000
    assert year["low"] < year["central"] < year["high"]
    [revenue] = page["revenue"]["periods"]
    assert revenue["low"] < revenue["central"] < revenue["high"]
    assert 250 < page["revenue"]["monthly_payment"]["central"] < 350  # "300 dollars a month", uncertain
    cited = {claim["id"]: claim for claim in page["claims"]}
    assert set(cited) == set(page["workers"]["claim_ids"]) | set(page["revenue"]["claim_ids"])
    assert sorted(c["document_id"] for c in cited.values()) == ["cn-1", "cn-1", "cn-2", "cn-3"]
    assert page["workers_problem"] is None and page["revenue_problem"] is None


def test_the_page_draws_a_chart_lists_periods_and_links_the_claims(viewer: TestClient) -> None:
    page = estimates(viewer, "country=CN&by=quarter")
    assert [p["period"] for p in page["workers"]["periods"]] == ["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"]
    html = viewer.get("/estimates?country=CN&by=quarter").text
    assert 'data-estimate="workers-data"' in html and 'data-estimate="revenue-data"' in html
    assert '<script type="application/json" id="workers-data">' in html
    assert "<td>2019-Q3</td>" in html
    for claim_id in page["workers"]["claim_ids"]:
        assert f'href="/claims/{claim_id}"' in html


def test_missing_evidence_is_a_clear_message_not_an_error(viewer: TestClient) -> None:
    page = estimates(viewer, "country=RU")
    assert page["workers"] is None and page["revenue"] is None
    assert page["workers_problem"].startswith("no dated presence claim with a count for RU")
    response = viewer.get("/estimates?country=RU")
    assert response.status_code == 200
    assert "Not estimated: no dated presence claim with a count for RU" in response.text
    assert "unknown country code 'XX'" in estimates(viewer, "country=XX")["workers_problem"]
    assert (
        "before it starts" in estimates(viewer, "country=CN&date_from=2020&date_to=2019")["workers_problem"]
    )


@pytest.mark.parametrize(
    "query",
    ["country=CHN", "country=C1", "by=week", "date_from=2019-13", "date_to=next+year", "place=" + "x" * 201],
)
def test_invalid_input_is_refused_with_422(viewer: TestClient, query: str) -> None:
    assert viewer.get(f"/estimates.json?{query}").status_code == 422
    assert viewer.get(f"/estimates?{query}").status_code == 422


def test_a_place_within_the_country_narrows_the_estimate(viewer: TestClient) -> None:
    dandong = estimates(viewer, "country=CN&place=cn-dandong")
    assert dandong["workers"]["place"] == "Dandong"
    [year] = dandong["workers"]["periods"]
    assert (year["period"], 1_000 < year["central"] < 4_000) == ("2018", True)


def test_public_readers_get_estimates_without_sensitive_documents(evidence_client_for: ClientFactory) -> None:
    public = evidence_client_for(public=True)
    dandong = estimates(public, "country=CN&place=Dandong")
    assert dandong["workers"] is None
    assert "Dandong" in dandong["workers_problem"]
    quotes = " ".join(q for claim in estimates(public, "country=CN")["claims"] for q in claim["quotes"])
    assert "[source withheld]" in quotes and "Changbai" not in quotes


def test_estimates_follow_reviews_and_grades(evidence_client_for: ClientFactory, login: Login) -> None:
    analyst = evidence_client_for()
    token = login(analyst, "anna")
    before = estimates(analyst, "country=CN")
    analyst.post("/grades/outlets", data={"csrf_token": token, "outlet": "RFA", "reliability": "A"})
    graded = estimates(analyst, "country=CN")
    assert graded["workers"]["periods"][0]["central"] > before["workers"]["periods"][0]["central"]
    rfa = next(c for c in graded["claims"] if c["outlet"] == "Radio Free Asia")
    assert rfa["grade"].startswith("A")
    analyst.post(f"/claims/{rfa['id']}/reject", data={"csrf_token": token})
    assert rfa["id"] not in {c["id"] for c in estimates(analyst, "country=CN")["claims"]}
