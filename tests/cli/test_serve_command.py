"""`yalu serve` and the workspace end of `yalu demo`: extraction, a first admin, then the server."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from typer.testing import CliRunner

from yalu import accounts
from yalu.cli import app
from yalu.store import ClaimRow, open_store


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Calls to uvicorn.run, recorded instead of serving."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(
        "uvicorn.run", lambda application, **options: calls.append({"app": application, **options})
    )
    return calls


def test_serve_runs_the_workspace_on_loopback_by_default(
    database_url: str, tmp_path: Path, served: list[dict[str, Any]]
) -> None:
    result = CliRunner().invoke(app, ["--db", database_url, "--data-dir", str(tmp_path), "serve"])
    assert result.exit_code == 0, result.output
    [call] = served
    assert (call["host"], call["port"]) == ("127.0.0.1", 8000)
    assert isinstance(call["app"], FastAPI)
    assert call["app"].state.workspace.public is False
    assert "http://127.0.0.1:8000/" in result.output


def test_serve_public_on_another_address_warns_about_both(
    database_url: str, tmp_path: Path, served: list[dict[str, Any]]
) -> None:
    args = [
        "--db",
        database_url,
        "--data-dir",
        str(tmp_path),
        "serve",
        "--public",
        "--host",
        "0.0.0.0",
        "--port",
        "9000",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert served[0]["app"].state.workspace.public is True
    assert "HTTPS" in result.output
    assert "without logging in" in result.output


def test_serve_refuses_a_placeholder_secret(
    database_url: str, tmp_path: Path, served: list[dict[str, Any]]
) -> None:
    result = CliRunner().invoke(
        app, ["--db", database_url, "--data-dir", str(tmp_path), "serve"], env={"YALU_SECRET_KEY": "changeme"}
    )
    assert result.exit_code == 1
    assert "placeholder" in result.output
    assert served == []


def test_demo_extracts_makes_a_first_admin_once_and_serves(
    database_url: str, tmp_path: Path, served: list[dict[str, Any]]
) -> None:
    runner = CliRunner()
    base = ["--db", database_url, "--data-dir", str(tmp_path), "demo"]
    first = runner.invoke(app, [*base, "--serve"])
    assert first.exit_code == 0, first.output
    password = re.search(r"one-time password (\S+)", first.output)
    assert password is not None
    assert len(served) == 1
    store = open_store(database_url)
    with store.transaction() as session:
        assert accounts.authenticate(session, "admin", password.group(1)) is not None
        assert session.scalar(select(func.count()).select_from(ClaimRow)) > 50
    store.close()
    again = runner.invoke(app, [*base, "--no-serve"])
    assert again.exit_code == 0, again.output
    assert "one-time password" not in again.output
    assert "yalu serve" in again.output
    assert len(served) == 1
