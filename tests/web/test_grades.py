"""Source grades from the workspace: analysts set them (with a CSRF token), everyone reads them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from yalu.cli import app

Login = Callable[..., str]
ClientFactory = Callable[..., TestClient]
JSON = {"Accept": "application/json"}


@pytest.fixture
def claim_id(evidence_client_for: ClientFactory, login: Login) -> str:
    """The id of the Radio Free Asia presence claim ("More than 100,000 ... in China in 2019")."""
    client = evidence_client_for()
    login(client, "vera")
    claims = client.get("/claims.json?outlet=Radio+Free+Asia").json()["claims"]
    found: str = claims[0]["id"]
    return found


def grades(client: TestClient) -> dict[str, Any]:
    response = client.get("/grades.json")
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


def outlet(client: TestClient, name: str) -> dict[str, Any]:
    return next(row for row in grades(client)["outlets"] if row["outlet"] == name)


def test_an_analyst_grades_an_outlet_as_the_command_line_does(
    evidence_client_for: ClientFactory, login: Login, database_url: str
) -> None:
    analyst = evidence_client_for()
    token = login(analyst, "anna")
    assert outlet(analyst, "Radio Free Asia")["reliability"] is None
    form = {
        "csrf_token": token,
        "outlet": "RFA",
        "reliability": "D",
        "credibility": "4",
        "note": "one source",
    }
    response = analyst.post("/grades/outlets", data=form, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/grades")
    graded = outlet(analyst, "Radio Free Asia")
    assert (graded["reliability"], graded["credibility"], graded["note"]) == ("D", 4, "one source")
    assert graded["default_reliability"] != "D"
    listed = CliRunner().invoke(app, ["--db", database_url, "grades", "list"], terminal_width=200)
    assert "Radio Free Asia" in listed.output and "D4" in listed.output
    analyst.post("/grades/outlets/clear", data={"csrf_token": token, "outlet": "Radio Free Asia"})
    assert outlet(analyst, "Radio Free Asia")["reliability"] is None


def test_an_analyst_grades_one_claim_and_can_take_it_back(
    evidence_client_for: ClientFactory, login: Login, claim_id: str
) -> None:
    analyst = evidence_client_for()
    token = login(analyst, "anna")
    default = analyst.get(f"/claims/{claim_id}/grade.json").json()
    assert default["analyst"] is None and default["used"] == default["default"]
    form = {
        "csrf_token": token,
        "reliability": "",
        "credibility": "1",
        "note": "checked against customs data",
    }
    page = analyst.post(f"/claims/{claim_id}/grade", data=form, headers=JSON).json()
    assert page["used"]["code"] == default["default"]["reliability"] + "1"
    assert page["used"]["basis"] == "analyst grade for this claim"
    assert page["analyst"]["note"] == "checked against customs data"
    assert [c["used"] for c in grades(analyst)["claims"]] == [page["used"]["code"]]
    html = analyst.get(f"/claims/{claim_id}/grade").text
    assert "Remove this claim's grade" in html
    analyst.post(f"/claims/{claim_id}/grade/clear", data={"csrf_token": token})
    assert analyst.get(f"/claims/{claim_id}/grade.json").json()["used"] == default["default"]


def test_viewers_read_grades_but_cannot_change_them(
    evidence_client_for: ClientFactory, login: Login, claim_id: str
) -> None:
    viewer = evidence_client_for()
    token = login(viewer, "vera")
    assert viewer.get("/grades").status_code == 200
    page = viewer.get(f"/claims/{claim_id}/grade")
    assert page.status_code == 200 and "Save grade" not in page.text
    refused = viewer.post("/grades/outlets", data={"csrf_token": token, "outlet": "RFA", "reliability": "A"})
    assert refused.status_code == 403 and "analyst" in refused.text
    assert (
        viewer.post(f"/claims/{claim_id}/grade", data={"csrf_token": token, "reliability": "A"}).status_code
        == 403
    )
    assert outlet(viewer, "Radio Free Asia")["reliability"] is None


@pytest.mark.parametrize("token", [None, "", "0" * 64])
def test_grade_forms_need_the_sessions_csrf_token(
    evidence_client_for: ClientFactory, login: Login, claim_id: str, token: str | None
) -> None:
    analyst = evidence_client_for()
    login(analyst, "anna")
    sent = {} if token is None else {"csrf_token": token}
    assert (
        analyst.post("/grades/outlets", data={**sent, "outlet": "RFA", "reliability": "A"}).status_code == 403
    )
    assert analyst.post(f"/claims/{claim_id}/grade", data={**sent, "credibility": "1"}).status_code == 403
    assert analyst.post("/grades/outlets/clear", data={**sent, "outlet": "RFA"}).status_code == 403
    assert outlet(analyst, "Radio Free Asia")["reliability"] is None
    assert grades(analyst)["claims"] == []


@pytest.mark.parametrize(
    ("path", "form", "status"),
    [
        ("/grades/outlets", {"outlet": "RFA", "reliability": "G"}, 422),
        ("/grades/outlets", {"outlet": "RFA", "credibility": "2"}, 422),
        ("/grades/outlets", {"outlet": "", "reliability": "A"}, 422),
        ("/grades/outlets/clear", {"outlet": "Yonhap"}, 404),
        ("/claims/{claim}/grade", {"credibility": "7"}, 422),
        ("/claims/{claim}/grade", {"reliability": "", "credibility": ""}, 400),
        ("/claims/0000000000000000/grade", {"reliability": "A"}, 404),
    ],
)
def test_grades_off_the_scale_are_refused(
    evidence_client_for: ClientFactory,
    login: Login,
    claim_id: str,
    path: str,
    form: dict[str, str],
    status: int,
) -> None:
    analyst = evidence_client_for()
    token = login(analyst, "anna")
    response = analyst.post(path.format(claim=claim_id), data={"csrf_token": token, **form}, headers=JSON)
    assert response.status_code == status, response.text


def test_public_readers_see_grades_but_not_notes_and_cannot_grade(
    evidence_client_for: ClientFactory, login: Login, claim_id: str
) -> None:
    analyst = evidence_client_for()
    token = login(analyst, "anna")
    analyst.post(
        "/grades/outlets", data={"csrf_token": token, "outlet": "Yonhap", "reliability": "B", "note": "x"}
    )
    public = evidence_client_for(public=True)
    yonhap = outlet(public, "Yonhap")
    assert (yonhap["reliability"], yonhap["note"]) == ("B", None)
    assert public.post("/grades/outlets", data={"outlet": "Yonhap", "reliability": "E"}).status_code == 403
    assert public.post(f"/claims/{claim_id}/grade", data={"reliability": "E"}).status_code == 403
    assert outlet(public, "Yonhap")["reliability"] == "B"
    assert "grade-form" not in public.get("/grades").text
