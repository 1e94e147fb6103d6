"""Pages and their JSON twins: filters, validation, highlighting, downloads, and escaping."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

Login = Callable[..., str]


@pytest.fixture
def viewer(client: TestClient, login: Login) -> TestClient:
    login(client, "vera")
    return client


def claim_types(client: TestClient, query: str) -> list[str]:
    response = client.get(f"/claims.json?{query}")
    assert response.status_code == 200, response.text
    return sorted(f"{c['document']['id']}/{c['type']}" for c in response.json()["claims"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=dispatch", ["dandong/dispatch", "hostile/dispatch"]),
        ("type=wage&type=condition", ["dandong/condition", "dandong/wage"]),
        ("place=Liaoning", ["dandong/dispatch"]),
        ("place=cn", ["dandong/dispatch", "hostile/dispatch"]),
        ("place=ru-primorsky", ["notes/presence"]),
        ("date_from=2025-09-15&date_to=2025-12", ["dandong/dispatch"]),
        ("date_to=2025-06-01", ["hostile/dispatch"]),
        ("date_to=2025-06", ["hostile/dispatch", "notes/presence"]),
        ("date_from=2025-06-14&date_to=2025-06-14", ["notes/presence"]),
        ("sector=construction", ["notes/presence"]),
        ("indicator=retention_of_documents", ["dandong/condition"]),
        ("outlet=Daily+NK&modality=reported", ["dandong/condition", "dandong/dispatch", "dandong/wage"]),
        ("q=PASSPORTS", ["dandong/condition"]),
        ("status=confirmed", []),
        (
            "modality=&sector=&place=&q=",
            ["dandong/condition", "dandong/dispatch", "dandong/wage", "hostile/dispatch", "notes/presence"],
        ),
    ],
)
def test_claims_filter(viewer: TestClient, query: str, expected: list[str]) -> None:
    assert claim_types(viewer, query) == expected


def test_claims_sort_and_pages(viewer: TestClient) -> None:
    first = viewer.get("/claims.json?sort=-count&per_page=10").json()
    assert [c["count"]["max"] for c in first["claims"][:3]] == [150, 40, 20]
    assert (first["total"], first["pages"]) == (5, 1)
    assert viewer.get("/claims.json?per_page=10&page=2").json()["claims"] == []


@pytest.mark.parametrize(
    "query",
    [
        "type=rumour",
        "date_from=last+week",
        "per_page=5000",
        "page=0",
        "sort=evil",
        "sector=piracy",
        "q=" + "x" * 201,
    ],
)
def test_bad_filters_are_refused_with_422(viewer: TestClient, query: str) -> None:
    assert viewer.get(f"/claims.json?{query}").status_code == 422
    page = viewer.get(f"/claims?{query}")
    assert page.status_code == 422
    assert "invalid input" in page.text


def test_unknown_things_are_404(viewer: TestClient) -> None:
    assert viewer.get("/documents/nothing").status_code == 404
    assert viewer.get("/claims/0123456789abcdef.json").status_code == 404
    assert viewer.get("/places/qwxzvtown").status_code == 404


def test_an_unknown_place_filter_says_so_and_matches_nothing(viewer: TestClient) -> None:
    page = viewer.get("/claims.json?place=Qwxzvtown").json()
    assert (page["total"], page["claims"]) == (0, [])
    assert page["problem"] == "no place named 'Qwxzvtown' in the gazetteer"
    assert "no place named &#39;Qwxzvtown&#39;" in viewer.get("/claims?place=Qwxzvtown").text


def test_every_page_has_a_json_twin_by_suffix_or_accept_header(
    viewer: TestClient, claim_ids: dict[str, str]
) -> None:
    for path in ["/overview", "/claims", f"/claims/{claim_ids['dandong/wage']}", "/documents/dandong",
                 "/places/cn-jilin", "/search?q=workers"]:  # fmt: skip
        base, _, query = path.partition("?")
        by_suffix = viewer.get(f"{base}.json" + (f"?{query}" if query else ""))
        by_header = viewer.get(path, headers={"Accept": "application/json"})
        assert by_suffix.headers["content-type"] == "application/json", path
        assert by_suffix.json() == by_header.json(), path
        assert viewer.get(path).headers["content-type"].startswith("text/html"), path


def test_openapi_describes_the_json_twins(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {
        "/claims.json",
        "/claims/{claim_id}.json",
        "/documents/{document_id}.json",
        "/overview.json",
    } <= set(schema["paths"])
    assert "/claims" not in schema["paths"]
    assert {"ClaimPublic", "ClaimsPage", "DocumentPage", "OverviewPage"} <= set(
        schema["components"]["schemas"]
    )


def test_overview_counts_timeline_and_map(viewer: TestClient) -> None:
    overview = viewer.get("/overview.json").json()
    assert (overview["documents"], overview["claims"], overview["waiting"]) == (3, 5, 5)
    assert {row["month"]: row["dispatch"] for row in overview["timeline"]} == {"2025-06": 0, "2025-09": 1}
    assert {row["month"]: row["largest_count"] for row in overview["timeline"]} == {
        "2025-06": 40,
        "2025-09": 150,
    }
    places = {place["name"]: (place["claims"], place["main_type"]) for place in overview["places"]}
    assert places == {"Dandong": (1, "dispatch"), "Vladivostok": (1, "presence"), "Hunchun": (1, "dispatch")}


def test_place_page_shows_hierarchy_and_claims_under_it(viewer: TestClient) -> None:
    jilin = viewer.get("/places/cn-jilin.json").json()
    assert [a["name"] for a in jilin["ancestors"]] == ["China"]
    assert [c["document"]["id"] for c in jilin["claims"]] == ["hostile"]
    assert [p["name"] for p in jilin["places_with_claims"]] == ["Hunchun"]
    hunchun = viewer.get("/places/cn-hunchun.json").json()
    assert [a["name"] for a in hunchun["ancestors"]] == ["China", "Jilin", "Yanbian"]


def test_document_page_highlights_each_claims_quote(viewer: TestClient, claim_ids: dict[str, str]) -> None:
    wage = claim_ids["dandong/wage"]
    page = viewer.get(f"/documents/dandong.json?claim={wage}").json()
    assert page["active_claim"] == wage
    marked = {segment["text"]: segment["claims"] for segment in page["segments"] if segment["claims"]}
    assert marked["They are paid $300 a month"] == [wage]
    assert "".join(segment["text"] for segment in page["segments"]) == page["document"]["text"]
    html = viewer.get(f"/documents/dandong?claim={wage}").text
    assert f'<mark data-claims="{wage}" class="active">They are paid $300 a month</mark>' in html


def test_original_is_a_download_with_a_safe_content_type(viewer: TestClient) -> None:
    response = viewer.get("/documents/hostile/original")
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"].startswith("attachment;")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert b"<script>" in response.content


def test_markup_in_a_document_is_shown_as_text_never_run(
    viewer: TestClient, claim_ids: dict[str, str]
) -> None:
    pages = [
        viewer.get("/documents/hostile").text,
        viewer.get(f"/claims/{claim_ids['hostile/dispatch']}").text,
        viewer.get("/claims").text,
        viewer.get("/search?q=pwned").text,
    ]
    for html in pages:
        assert "<script>document.title" not in html
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "<b>Bold outlet</b>" not in html
        assert "javascript:alert" not in html.replace("javascript:alert(&#39;url&#39;)", "")
    document = pages[0]
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in document
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in document
    assert 'href="javascript:' not in document


def test_pages_send_a_strict_content_security_policy(viewer: TestClient) -> None:
    policy = viewer.get("/overview").headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert viewer.get("/overview").headers["cache-control"] == "no-store"


def test_a_tile_server_is_offered_to_the_map_and_allowed_by_the_policy(
    client_for: Callable[..., TestClient], login: Login
) -> None:
    client = client_for(tile_url="https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    login(client, "vera")
    page = client.get("/overview")
    assert 'data-tile-url="https://{s}.tiles.example.org/{z}/{x}/{y}.png"' in page.text
    assert "img-src 'self' data: https://*.tiles.example.org;" in page.headers["content-security-policy"]


def test_search_finds_documents_and_claims(viewer: TestClient) -> None:
    found = viewer.get("/search.json?q=passports").json()
    assert [hit["id"] for hit in found["documents"]] == ["dandong"]
    assert any(part["match"] for part in found["documents"][0]["snippet"])
    assert [claim["type"] for claim in found["claims"]] == ["condition"]


def test_gazetteer_lookup_resolves_names_and_ids(viewer: TestClient) -> None:
    assert viewer.get("/gazetteer/lookup.json?place=Antung").json()["place"]["id"] == "cn-dandong"
    assert viewer.get("/gazetteer/lookup.json?place=cn-jilin").json()["ancestors"] == ["China"]
    assert viewer.get("/gazetteer/lookup.json?place=Qwxzvtown").json()["place"] is None
