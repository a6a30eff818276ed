"""The README tells the truth: every command and every flag is in it, with help text."""

from __future__ import annotations

import pytest

from targets.cli.app import COMMANDS, root_command
from tests.helpers import REPO, run

README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_help_and_is_documented(name: str) -> None:
    result = run(name, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout
    assert f"targets {name}" in README


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_flag_is_documented(name: str) -> None:
    group = root_command()
    command = group.get_command(None, name)
    for param in command.params:
        for flag in param.opts:
            if flag.startswith("--") and flag != "--help":
                assert flag in README, f"{name} {flag}"


def test_readme_has_the_two_setup_commands() -> None:
    setup = README.split("## Set up", 1)[1].split("##", 1)[0]
    assert "pip install . && targets list" in setup
    assert "pip install '.[test]' && pytest" in setup
