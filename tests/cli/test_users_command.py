"""`yalu users`: accounts are added with a one-time password, listed, disabled and given roles."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from yalu import accounts
from yalu.cli import app
from yalu.store import open_store


def users(database_url: str, *args: str, given: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(
        app, ["--db", database_url, "users", *args], input=given, env={"COLUMNS": "200"}
    )
    return result.exit_code, result.output


def test_add_prints_a_generated_password_once_that_logs_in(database_url: str) -> None:
    code, output = users(database_url, "add", "anna", "--role", "analyst")
    assert code == 0, output
    password = re.search(r"one-time password: (\S+)", output)
    assert password is not None
    store = open_store(database_url)
    with store.transaction() as session:
        user = accounts.authenticate(session, "anna", password.group(1))
        assert user is not None and user.role == "analyst"
        assert password.group(1) not in user.password_hash
    store.close()


def test_add_can_prompt_for_the_password(database_url: str) -> None:
    chosen = "a long enough passphrase"
    code, output = users(database_url, "add", "vera", "--prompt", given=f"{chosen}\n{chosen}\n")
    assert code == 0, output
    assert "one-time password" not in output
    store = open_store(database_url)
    with store.transaction() as session:
        assert accounts.authenticate(session, "vera", chosen) is not None
    store.close()


def test_list_disable_enable_and_set_role(database_url: str) -> None:
    users(database_url, "add", "vera")
    assert users(database_url, "set-role", "vera", "admin")[0] == 0
    assert users(database_url, "disable", "vera")[0] == 0
    code, output = users(database_url, "list")
    assert code == 0
    assert re.search(r"│ vera +│ admin +│ no ", output)
    assert users(database_url, "enable", "vera")[0] == 0
    assert re.search(r"│ vera +│ admin +│ yes ", users(database_url, "list")[1])


def test_mistakes_are_one_line_errors(database_url: str) -> None:
    users(database_url, "add", "vera")
    for args, problem in [
        (("add", "vera"), "already exists"),
        (("add", "bob", "--role", "superuser"), "not one of viewer, analyst, admin"),
        (("add", "bad name!"), "user name"),
        (("disable", "nobody"), "no user named 'nobody'"),
        (("set-role", "vera", "owner"), "role 'owner'"),
    ]:
        code, output = users(database_url, *args)
        assert code == 1, args
        assert problem in output, args
        assert "Traceback" not in output


def test_prompted_passwords_must_be_long(database_url: str) -> None:
    code, output = users(database_url, "add", "vera", "--prompt", given="short\nshort\n")
    assert code == 1
    assert "too short" in output
