"""The findings page and its JSON twin over tests/data/evidence: support, conflicts, filters, access."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

Login = Callable[..., str]
ClientFactory = Callable[..., TestClient]


def findings(client: TestClient, query: str = "") -> dict[str, Any]:
    response = client.get(f"/findings.json?{query}")
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


def test_a_fact_three_outlets_state_comes_first_with_its_conflicting_figures(viewer: TestClient) -> None:
    page = findings(viewer)
    assert (page["total"], page["corroborated"], page["conflicts"]) == (6, 1, 1)
    top = page["findings"][0]
    assert (top["type"], top["places"], top["dates"], top["support"]) == ("presence", "China", "2019", 3)
    assert top["outlets"] == ["Daily NK", "Radio Free Asia", "Yonhap"]
    assert top["conflict"] is True
    figures = [(f["label"], f["outlets"], f["dates"]) for f in top["figures"]]
    assert figures == [
        ("50,000 workers", ["Daily NK", "Yonhap"], ["2019", "2019"]),
        ("at least 100,000 workers", ["Radio Free Asia"], ["2019"]),
    ]
    assert sorted(claim["document_id"] for claim in top["claims"]) == ["cn-1", "cn-2", "cn-3"]
    assert {claim_id for f in top["figures"] for claim_id in f["claims"]} == {c["id"] for c in top["claims"]}


def test_the_page_links_each_claim_and_its_document_and_shows_figures_side_by_side(
    viewer: TestClient,
) -> None:
    top = findings(viewer)["findings"][0]
    html = viewer.get("/findings").text
    for claim in top["claims"]:
        assert f'href="/claims/{claim["id"]}"' in html
        assert f'href="/documents/{claim["document_id"]}?claim={claim["id"]}#claim-{claim["id"]}"' in html
    assert "Conflicting figures" in html
    assert '<div class="figure-label">at least 100,000 workers</div>' in html
    assert html.index("50,000 workers") < html.index("at least 100,000 workers")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=condition", [("condition", "Dandong"), ("condition", "Hunchun")]),
        ("place=Jilin", [("condition", "Hunchun")]),
        ("place=cn-liaoning", [("presence", "Dandong"), ("condition", "Dandong")]),
        ("date_from=2023", [("dispatch", "Russia")]),
        ("date_from=2018-01&date_to=2018-12", [("presence", "Dandong"), ("condition", "Dandong")]),
        ("conflicts=true", [("presence", "China")]),
        ("type=wage&conflicts=true", []),
    ],
)
def test_filters_by_type_place_and_below_dates_and_conflicts(
    viewer: TestClient, query: str, expected: list[tuple[str, str]]
) -> None:
    page = findings(viewer, query)
    assert [(f["type"], f["places"]) for f in page["findings"]] == expected


def test_findings_come_in_pages(viewer: TestClient) -> None:
    first = findings(viewer, "per_page=10")
    assert (first["pages"], len(first["findings"])) == (1, 6)
    assert findings(viewer, "per_page=10&page=2")["findings"] == []
    assert viewer.get("/findings.json?per_page=5").status_code == 422


def test_an_unknown_place_or_a_backwards_range_is_explained(viewer: TestClient) -> None:
    unknown = findings(viewer, "place=Xyzzyville")
    assert unknown["findings"] == [] and "Xyzzyville" in unknown["problem"]
    backwards = viewer.get("/findings?date_from=2020&date_to=2019")
    assert backwards.status_code == 200
    assert "ends (2019) before it starts (2020)" in backwards.text
    assert viewer.get("/findings.json?date_from=2019-13").status_code == 422


def test_hostile_document_content_is_shown_as_text(viewer: TestClient) -> None:
    html = viewer.get("/findings?place=Hunchun").text
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#39;quote&#39;)&lt;/script&gt;" in html
    assert "Evil &lt;script&gt;alert(1)&lt;/script&gt; News" in html
    assert "&lt;img src=x onerror=alert(1)&gt; Hunchun" in html
    assert 'href="javascript:' not in html


def test_public_readers_see_no_sensitive_claims_and_no_source_descriptions(
    evidence_client_for: ClientFactory, viewer: TestClient
) -> None:
    public = evidence_client_for(public=True)
    page = findings(public)
    documents = {claim["document_id"] for f in page["findings"] for claim in f["claims"]}
    assert "dandong-notes" not in documents
    assert page["total"] == 4
    quotes = [q for f in page["findings"] for claim in f["claims"] for q in claim["quotes"]]
    assert "Changbai" not in " ".join(quotes)
    assert any("[source withheld]" in quote for quote in quotes)
    assert "Changbai" not in public.get("/findings").text
    signed_in = [q for f in findings(viewer)["findings"] for c in f["claims"] for q in c["quotes"]]
    assert any("a trade official in Changbai County" in quote for quote in signed_in)


def test_the_analysis_pages_need_a_login(evidence_client_for: ClientFactory) -> None:
    anonymous = evidence_client_for()
    for path in ["/findings", "/estimates", "/grades", "/report?format=md"]:
        response = anonymous.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next=/"), path
    assert anonymous.get("/findings.json").status_code == 401


def test_findings_follow_a_review(evidence_client_for: ClientFactory, login: Login) -> None:
    analyst = evidence_client_for()
    token = login(analyst, "anna")
    top = findings(analyst)["findings"][0]
    outlier = next(c for c in top["claims"] if c["outlet"] == "Radio Free Asia")
    assert analyst.post(f"/claims/{outlier['id']}/reject", data={"csrf_token": token}).status_code == 200
    after = findings(analyst)["findings"][0]
    assert (after["support"], after["conflict"]) == (2, False)
