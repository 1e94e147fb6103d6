"""The README's promises: its test command is the one CI runs, and every command has help."""

from __future__ import annotations

import re
from pathlib import Path

import click
import typer
from typer.testing import CliRunner

from yalu.cli import app

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    quickstart = ROOT.joinpath("README.md").read_text().split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", quickstart)


def test_quickstart_is_two_commands_and_ci_runs_the_test_one() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    ci_script = ROOT.joinpath(".ci/run").read_text()
    assert commands[1] in ci_script


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = []
    for name, command in group.commands.items():
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, (*prefix, name)))
    return paths


def test_every_command_has_help() -> None:
    runner = CliRunner()
    root = typer.main.get_command(app)
    paths = command_paths(root) if isinstance(root, click.Group) else []
    for path in paths:
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, path
        assert "Usage" in result.output, path
        assert root.commands[path[0]].help  # type: ignore[attr-defined], f"{path} has no help text"


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert "yalu" in result.output
