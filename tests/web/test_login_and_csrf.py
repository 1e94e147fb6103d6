"""Logging in (throttled), and CSRF tokens on every state-changing request."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from yalu.web.state import LoginThrottle

Login = Callable[..., str]


def login_form_token(client: TestClient) -> str:
    token: str = client.get("/login.json").json()["csrf_token"]
    return token


def try_login(client: TestClient, name: str, password: str, next_path: str = "/claims") -> int:
    data = {"name": name, "password": password, "csrf_token": login_form_token(client), "next": next_path}
    return client.post("/login", data=data, follow_redirects=False).status_code


def test_login_sets_a_secure_http_only_same_site_cookie(client: TestClient) -> None:
    data = {
        "name": "vera",
        "password": "correct horse battery staple",
        "csrf_token": login_form_token(client),
    }
    response = client.post("/login", data={**data, "next": "/claims?type=wage"}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/claims?type=wage"
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("yalu_session="))
    assert "HttpOnly" in cookie
    assert "Secure" in cookie
    assert "SameSite=lax" in cookie


def test_login_never_redirects_off_site(client: TestClient) -> None:
    data = {
        "name": "vera",
        "password": "correct horse battery staple",
        "csrf_token": login_form_token(client),
    }
    response = client.post("/login", data={**data, "next": "//evil.example/"}, follow_redirects=False)
    assert response.headers["location"] == "/"


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(client: TestClient) -> None:
    data = {"name": "vera", "password": "not the password", "csrf_token": login_form_token(client)}
    response = client.post("/login", data=data)
    assert response.status_code == 401
    assert "wrong name or password" in response.text
    assert try_login(client, "nobody", "not the password") == 401


def test_login_form_without_its_token_is_refused(client: TestClient) -> None:
    login_form_token(client)
    data = {"name": "vera", "password": "correct horse battery staple", "csrf_token": "forged"}
    assert client.post("/login", data=data).status_code == 403
    fresh = TestClient(client.app, base_url="https://testserver")
    assert fresh.post("/login", data={**data, "csrf_token": login_form_token(client)}).status_code == 403


def test_repeated_failures_are_throttled_per_name_and_address(client: TestClient) -> None:
    for _ in range(5):
        assert try_login(client, "vera", "guess") == 401
    data = {
        "name": "vera",
        "password": "correct horse battery staple",
        "csrf_token": login_form_token(client),
    }
    blocked = client.post("/login", data=data)
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) > 0
    assert try_login(client, "anna", "correct horse battery staple") == 303


def test_throttle_forgets_failures_after_the_window() -> None:
    now = [1000.0]
    throttle = LoginThrottle(limit=2, window=60, clock=lambda: now[0])
    key = ("vera", "127.0.0.1")
    throttle.failed(key)
    throttle.failed(key)
    assert throttle.retry_after(key) == 61
    now[0] += 61
    assert throttle.retry_after(key) is None


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/claims/{claim}/confirm", {}),
        ("/claims/{claim}/reject", {"note": "wrong"}),
        ("/claims/{claim}/notes", {"note": "check this"}),
        ("/claims/{claim}/merge", {"into": "{other}"}),
        ("/claims/{claim}/correct", {"type": "presence", "modality": "reported"}),
        ("/users", {"name": "mallory", "role": "admin"}),
        ("/users/vera/role", {"role": "admin"}),
        ("/logout", {}),
    ],
)
def test_state_changing_requests_need_the_csrf_token(
    client: TestClient, login: Login, claim_ids: dict[str, str], path: str, data: dict[str, str]
) -> None:
    token = login(client, "adam")
    ids = {"claim": claim_ids["dandong/dispatch"], "other": claim_ids["dandong/wage"]}
    url = path.format(**ids)
    form = {key: value.format(**ids) for key, value in data.items()}
    assert client.post(url, data=form).status_code == 403
    assert client.post(url, data={**form, "csrf_token": token[::-1]}).status_code == 403
    assert client.post(url, data=form, headers={"X-CSRF-Token": "0" * len(token)}).status_code == 403
    assert client.get(f"/claims/{ids['claim']}.json").json()["history"] == []
    assert client.get("/users.json").status_code == 200  # still logged in, nothing changed
    assert client.post(url, data=form, headers={"X-CSRF-Token": token}).status_code < 400
