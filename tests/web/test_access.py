"""Who may see and do what: anonymous visitors, public readers, viewers, analysts, admins."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

READ_PAGES = [
    "/overview",
    "/claims",
    "/claims/{claim}",
    "/documents/dandong",
    "/documents/dandong/original",
    "/places/cn-dandong",
    "/search?q=workers",
    "/gazetteer/lookup?place=Dandong",
]
Login = Callable[..., str]
ClientFactory = Callable[..., TestClient]


def read_pages(claim_ids: dict[str, str]) -> list[str]:
    return [page.format(claim=claim_ids["dandong/dispatch"]) for page in READ_PAGES]


def test_anonymous_visitors_are_sent_to_log_in(client: TestClient, claim_ids: dict[str, str]) -> None:
    for path in [*read_pages(claim_ids), "/review", "/users", "/"]:
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next=/"), path


def test_anonymous_json_clients_get_401(client: TestClient) -> None:
    assert client.get("/claims.json").status_code == 401
    assert client.get("/overview", headers={"Accept": "application/json"}).status_code == 401


@pytest.mark.parametrize(
    ("name", "review_status", "users_status"),
    [("vera", 403, 403), ("anna", 200, 403), ("adam", 200, 200)],
)
def test_each_role_sees_what_it_may(
    client: TestClient,
    login: Login,
    claim_ids: dict[str, str],
    name: str,
    review_status: int,
    users_status: int,
) -> None:
    login(client, name)
    for path in read_pages(claim_ids):
        assert client.get(path).status_code == 200, path
    assert client.get("/review").status_code == review_status
    assert client.get("/users").status_code == users_status


def test_viewers_cannot_review(client: TestClient, login: Login, claim_ids: dict[str, str]) -> None:
    token = login(client, "vera")
    claim = claim_ids["dandong/dispatch"]
    response = client.post(f"/claims/{claim}/confirm", data={"csrf_token": token})
    assert response.status_code == 403
    assert "analyst" in response.text
    assert client.get(f"/claims/{claim}.json").json()["claim"]["status"] == "suggested"


def test_analysts_cannot_manage_users(client: TestClient, login: Login) -> None:
    token = login(client, "anna")
    response = client.post("/users", data={"csrf_token": token, "name": "eve", "role": "admin"})
    assert response.status_code == 403


def test_public_instance_reads_without_login_and_hides_sensitive_material(
    client_for: ClientFactory, claim_ids: dict[str, str]
) -> None:
    public = client_for(public=True)
    assert public.get("/overview").status_code == 200
    claims = public.get("/claims.json").json()
    assert {c["document"]["id"] for c in claims["claims"]} == {"dandong", "hostile"}
    assert public.get("/overview.json").json()["documents"] == 2
    assert public.get("/documents/notes").status_code == 404
    assert public.get(f"/claims/{claim_ids['notes/presence']}").status_code == 404
    assert public.get("/documents/notes/original").status_code == 404
    assert "Unpublished" not in public.get("/search?q=Vladivostok").text
    assert public.get("/places/ru-vladivostok.json").json()["total_claims"] == 0
    document = public.get("/documents/dandong.json").json()["document"]
    assert document["author"] is None
    assert document["source_path"] is None
    assert "/home/analyst" not in public.get("/documents/dandong").text


def test_public_instance_is_read_only(client_for: ClientFactory, claim_ids: dict[str, str]) -> None:
    public = client_for(public=True)
    claim = claim_ids["dandong/dispatch"]
    assert public.get("/review").status_code == 403
    assert public.get("/users").status_code == 403
    assert public.post(f"/claims/{claim}/confirm", data={"csrf_token": ""}).status_code == 403
    assert public.get(f"/claims/{claim}.json").json()["claim"]["status"] == "suggested"


def test_signed_in_users_of_a_public_instance_see_everything(client_for: ClientFactory, login: Login) -> None:
    public = client_for(public=True)
    login(public, "vera")
    assert public.get("/documents/notes").status_code == 200
    assert public.get("/documents/dandong.json").json()["document"]["author"] == "A. Reporter"


def test_logging_out_ends_the_session(client: TestClient, login: Login) -> None:
    token = login(client, "vera")
    response = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    assert client.get("/claims.json").status_code == 401


def test_disabling_an_account_ends_its_sessions(client_for: ClientFactory, login: Login) -> None:
    admin, viewer = client_for(), client_for()
    token = login(admin, "adam")
    login(viewer, "vera")
    assert viewer.get("/claims.json").status_code == 200
    response = admin.post(
        "/users/vera/active",
        data={"csrf_token": token, "active": "false"},
        headers={"Accept": "application/json"},
    )
    assert response.json()["active"] is False
    assert viewer.get("/claims.json").status_code == 401


def test_admins_add_users_whose_password_is_shown_once(client_for: ClientFactory, login: Login) -> None:
    admin = client_for()
    token = login(admin, "adam")
    response = admin.post(
        "/users",
        data={"csrf_token": token, "name": "nina", "role": "analyst"},
        headers={"Accept": "application/json"},
    )
    password = response.json()["password"]
    assert login(client_for(), "nina", password)
    assert password not in admin.get("/users").text


def test_admins_cannot_lock_themselves_out(client: TestClient, login: Login) -> None:
    token = login(client, "adam")
    response = client.post("/users/adam/role", data={"csrf_token": token, "role": "viewer"})
    assert response.status_code == 409
    assert client.get("/users.json").status_code == 200
