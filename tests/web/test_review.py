"""Reviewing claims over HTTP: every action is kept with who, when, before and after."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from yalu.store import Store, load_claims, save_claims

Login = Callable[..., str]
JSON = {"Accept": "application/json"}


class Analyst:
    def __init__(self, client: TestClient, token: str) -> None:
        self.client, self.token = client, token

    def post(self, path: str, **form: Any) -> dict[str, Any]:
        response = self.client.post(path, data={"csrf_token": self.token, **form}, headers=JSON)
        assert response.status_code == 200, response.text
        page: dict[str, Any] = response.json()
        return page

    def claim(self, claim_id: str) -> dict[str, Any]:
        page: dict[str, Any] = self.client.get(f"/claims/{claim_id}.json").json()
        return page


@pytest.fixture
def analyst(client: TestClient, login: Login) -> Analyst:
    return Analyst(client, login(client, "anna"))


DISPATCH_CORRECTION = {
    "type": "dispatch",
    "modality": "reported",
    "count_min": "120",
    "count_max": "150",
    "date_start": "2025-09-10",
    "date_end": "2025-09-12",
    "date_precision": "day",
    "place": ["Dandong", "Sinuiju", ""],
    "place_role": ["destination", "origin", "route"],
    "sectors": ["seafood", "food_processing"],
    "organizations": "Kangseong Trading Company\n",
    "note": "count range given in the second paragraph",
}


def test_confirming_marks_the_claim_and_records_who(analyst: Analyst, claim_ids: dict[str, str]) -> None:
    page = analyst.post(f"/claims/{claim_ids['dandong/wage']}/confirm")
    assert page["claim"]["status"] == "confirmed"
    [event] = page["history"]
    assert (event["action"], event["user"]) == ("confirm", "anna")
    assert event["changes"] == [{"field": "status", "before": "suggested", "after": "confirmed"}]


def test_rejecting_keeps_the_reason(analyst: Analyst, claim_ids: dict[str, str]) -> None:
    page = analyst.post(f"/claims/{claim_ids['dandong/condition']}/reject", note="minders, not employers")
    assert page["claim"]["status"] == "rejected"
    assert page["history"][0]["note"] == "minders, not employers"


def test_correcting_any_slot_shows_before_and_after(analyst: Analyst, claim_ids: dict[str, str]) -> None:
    claim_id = claim_ids["dandong/dispatch"]
    page = analyst.post(f"/claims/{claim_id}/correct", **DISPATCH_CORRECTION)
    claim = page["claim"]
    assert claim["id"] == claim_id
    assert claim["status"] == "corrected"
    assert claim["count"] == {"min": 120, "max": 150, "text": None}
    assert [(p["name"], p["role"], p["gazetteer_id"]) for p in claim["places"]] == [
        ("Dandong", "destination", "cn-dandong"),
        ("Sinuiju", "origin", "kp-sinuiju"),
    ]
    assert claim["organizations"] == ["Kangseong Trading Company"]
    assert claim["evidence"][0]["quote"].startswith("About 150 workers")
    [event] = page["history"]
    changed = {change["field"] for change in event["changes"]}
    assert changed == {"status", "count", "date", "places", "sectors", "organizations"}
    html = analyst.client.get(f"/claims/{claim_id}").text
    assert "count range given in the second paragraph" in html
    assert "corrected" in html


def test_correcting_the_type_keeps_the_claim_id(analyst: Analyst, claim_ids: dict[str, str]) -> None:
    claim_id = claim_ids["dandong/dispatch"]
    page = analyst.post(f"/claims/{claim_id}/correct", **{**DISPATCH_CORRECTION, "type": "presence"})
    assert (page["claim"]["id"], page["claim"]["type"]) == (claim_id, "presence")


def test_a_correction_that_changes_nothing_is_a_confirmation(
    analyst: Analyst, claim_ids: dict[str, str]
) -> None:
    claim_id = claim_ids["dandong/wage"]
    form = {"type": "wage", "modality": "reported", "money_min": "300", "money_max": "300", "currency": "USD",
            "money_per": "month", "money_flow": "worker_pay"}  # fmt: skip
    page = analyst.post(f"/claims/{claim_id}/correct", **form)
    assert page["claim"]["status"] == "confirmed"
    assert page["history"][0]["action"] == "confirm"


@pytest.mark.parametrize(
    ("form", "problem"),
    [
        ({"count_min": "200", "count_max": "100"}, "minimum is above the maximum"),
        ({"place": ["Qwxzvtown"], "place_role": ["destination"]}, "not in the gazetteer"),
        ({"sectors": ["piracy"]}, "not one of"),
        ({"money_min": "5"}, "needs a currency"),
        ({"date_start": "September"}, "date_start"),
    ],
)
def test_invalid_corrections_are_refused_and_change_nothing(
    analyst: Analyst, claim_ids: dict[str, str], form: dict[str, Any], problem: str
) -> None:
    claim_id = claim_ids["dandong/dispatch"]
    data = {"csrf_token": analyst.token, **DISPATCH_CORRECTION, **form}
    response = analyst.client.post(f"/claims/{claim_id}/correct", data=data)
    assert response.status_code == 422
    assert problem in response.text
    assert analyst.claim(claim_id)["claim"]["status"] == "suggested"


def test_notes_are_kept_in_order(analyst: Analyst, claim_ids: dict[str, str]) -> None:
    claim_id = claim_ids["dandong/wage"]
    analyst.post(f"/claims/{claim_id}/notes", note="ask the source about deductions")
    page = analyst.post(f"/claims/{claim_id}/notes", note="<b>second</b>")
    assert [event["note"] for event in page["history"]] == [
        "ask the source about deductions",
        "<b>second</b>",
    ]
    assert page["claim"]["status"] == "suggested"
    assert "&lt;b&gt;second&lt;/b&gt;" in analyst.client.get(f"/claims/{claim_id}").text


def test_merging_folds_a_duplicate_in_and_can_be_undone(analyst: Analyst, claim_ids: dict[str, str]) -> None:
    kept, duplicate = claim_ids["dandong/dispatch"], claim_ids["hostile/dispatch"]
    page = analyst.post(f"/claims/{duplicate}/merge", into=kept)
    assert page["claim"]["id"] == kept
    assert page["claim"]["status"] == "confirmed"
    [merge] = page["merges"]
    assert (merge["kept_id"], merge["merged_id"], merge["undone_at"]) == (kept, duplicate, None)
    assert analyst.claim(duplicate)["merged_into"] == kept
    assert analyst.claim(duplicate)["claim"]["status"] == "rejected"
    again = analyst.client.post(
        f"/claims/{duplicate}/merge", data={"csrf_token": analyst.token, "into": kept}
    )
    assert again.status_code == 409
    page = analyst.post(f"/merges/{merge['id']}/undo")
    assert page["merges"][0]["undone_at"] is not None
    assert page["claim"]["status"] == "suggested"
    restored = analyst.claim(duplicate)
    assert (restored["claim"]["status"], restored["merged_into"]) == ("suggested", None)
    assert [event["action"] for event in restored["history"]] == ["merge", "unmerge"]


def test_queue_lists_waiting_suggestions_oldest_first(analyst: Analyst, claim_ids: dict[str, str]) -> None:
    analyst.post(f"/claims/{claim_ids['dandong/wage']}/confirm")
    queue = analyst.client.get("/review.json").json()
    assert queue["waiting"] == 4
    assert queue["by_type"] == {"dispatch": 2, "condition": 1, "presence": 1}
    created = [claim["created_at"] for claim in queue["claims"]]
    assert created == sorted(created)
    assert claim_ids["dandong/wage"] not in {claim["id"] for claim in queue["claims"]}
    assert "machine suggestion" in analyst.client.get("/review").text


def test_re_extraction_never_overwrites_a_reviewed_claim(
    analyst: Analyst, workspace_store: Store, claim_ids: dict[str, str]
) -> None:
    claim_id = claim_ids["dandong/dispatch"]
    analyst.post(f"/claims/{claim_id}/correct", **DISPATCH_CORRECTION)
    with workspace_store.session() as session:
        machine = load_claims(session, "dandong")
    rerun = [claim.model_copy(update={"count": None, "places": []}) for claim in machine]
    with workspace_store.transaction() as session:
        saved = save_claims(session, "dandong", rerun)
    assert saved.kept_reviewed == 1
    corrected = analyst.claim(claim_id)["claim"]
    assert corrected["count"]["min"] == 120
    assert [p["name"] for p in corrected["places"]] == ["Dandong", "Sinuiju"]
    assert len(analyst.claim(claim_id)["history"]) == 1


def test_overview_and_place_figures_follow_each_review(analyst: Analyst, claim_ids: dict[str, str]) -> None:
    def figures() -> tuple[int, list[str]]:
        overview = analyst.client.get("/overview.json").json()
        places = analyst.client.get("/places/cn.json").json()["places_with_claims"]
        return overview["by_status"]["rejected"], sorted(place["name"] for place in places)

    assert figures() == (0, ["Dandong", "Hunchun"])
    analyst.post(f"/claims/{claim_ids['hostile/dispatch']}/reject")
    assert figures() == (1, ["Dandong"])
