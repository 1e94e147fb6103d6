"""The overview's counts stay right as the store changes, though they are only counted again where it changed.

Every document is made its own shard here, and without the grace period for
late commits (these tests write all within a second), so each change leaves
most shards' counts as they were; after each change the overview must equal
the overview of a fresh workspace, which counts everything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from yalu.extract.places import load_gazetteer
from yalu.model import PlaceRef
from yalu.store import DocumentRow, Store, add_document, load_claims, save_claims
from yalu.web import aggregates

Login = Callable[..., str]
ClientFactory = Callable[..., TestClient]


@pytest.fixture(autouse=True)
def one_document_per_shard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aggregates, "SHARD_DOCUMENTS", 1)
    monkeypatch.setattr(aggregates, "GRACE", timedelta(0))


def gazetteer_place(name: str, role: str) -> PlaceRef:
    gazetteer = load_gazetteer()
    found = gazetteer.lookup(name)
    assert found is not None, name
    return gazetteer.place_ref(found, role)  # type: ignore[arg-type]


def overview(client: TestClient) -> dict[str, Any]:
    response = client.get("/overview.json")
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def counted_afresh(client_for: ClientFactory, login: Login, public: bool = False) -> dict[str, Any]:
    client = client_for(public=public)
    if not public:
        login(client, "vera")
    return overview(client)


def map_counts(data: dict[str, Any]) -> dict[str, int]:
    return {place["name"]: place["claims"] for place in data["places"]}


def re_extract(store: Store, document_id: str, change: Callable[[list[Any]], list[Any]]) -> None:
    with store.session() as session:
        claims = load_claims(session, document_id)
    with store.transaction() as session:
        save_claims(session, document_id, change(claims))


def test_a_claim_naming_a_place_twice_counts_once_on_the_map(
    client: TestClient, login: Login, workspace_store: Store
) -> None:
    twice = [gazetteer_place("Dandong", "destination"), gazetteer_place("Dandong", "location")]
    re_extract(
        workspace_store,
        "dandong",
        lambda claims: [
            c.model_copy(update={"places": twice}) if c.type == "dispatch" else c for c in claims
        ],
    )
    login(client, "vera")
    assert map_counts(overview(client))["Dandong"] == 1


def test_counts_follow_reviews_re_extraction_and_sensitivity(
    client_for: ClientFactory, login: Login, workspace_store: Store, claim_ids: dict[str, str]
) -> None:
    analyst, public = client_for(), client_for(public=True)
    token = login(analyst, "anna")
    assert overview(analyst) == counted_afresh(client_for, login)
    assert overview(public) == counted_afresh(client_for, login, public=True)

    analyst.post(f"/claims/{claim_ids['dandong/dispatch']}/reject", data={"csrf_token": token})
    rejected = overview(analyst)
    assert rejected["by_status"]["rejected"] == 1
    assert "Dandong" not in map_counts(rejected)
    assert rejected == counted_afresh(client_for, login)

    yanji = [gazetteer_place("Yanji", "destination")]
    re_extract(
        workspace_store, "hostile", lambda claims: [c.model_copy(update={"places": yanji}) for c in claims]
    )
    moved = overview(analyst)
    assert map_counts(moved) == {"Vladivostok": 1, "Yanji": 1}
    assert moved == counted_afresh(client_for, login)

    re_extract(workspace_store, "notes", lambda claims: [])
    assert overview(analyst)["claims"] == 4
    assert overview(analyst) == counted_afresh(client_for, login)

    with workspace_store.transaction() as session:
        session.execute(
            update(DocumentRow).where(DocumentRow.external_id == "hostile").values(sensitive=True)
        )
    assert overview(public)["claims"] == 3
    assert overview(public) == counted_afresh(client_for, login, public=True)


def test_claims_of_a_new_document_are_counted(
    client: TestClient, login: Login, workspace_store: Store
) -> None:
    login(client, "vera")
    assert overview(client)["claims"] == 5
    with workspace_store.session() as session:
        copied = load_claims(session, "notes")
    text = "Forty North Korean builders live on the site in Vladivostok."
    with workspace_store.transaction() as session:
        add_document(session, DocumentRow(external_id="later", text=text, media_type="text/plain"), b"later")
        save_claims(
            session,
            "later",
            [c.model_copy(update={"document_id": "later", "stored_id": None}) for c in copied],
        )
    assert overview(client)["claims"] == 6
    assert map_counts(overview(client))["Vladivostok"] == 2
