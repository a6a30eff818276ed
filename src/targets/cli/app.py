"""The command group: commands are found in one registry and imported only when run.

Click's documented lazy group (`list_commands` and `get_command`): `targets list` imports
the list command's module and builds its Click command from the Typer function, nothing
else; `targets --help` and completion ask for all of them.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup
from typer.models import CommandInfo

from targets import __version__

from .app_errors import PROG, exit_for, fail
from .exitcodes import ExitCode

# Each command: (module under targets.cli, function). The function's docstring is its help.
COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("read", "list_targets"),
    "show": ("read", "show"),
    "status": ("read", "status"),
    "check": ("read", "check"),
    "log": ("history", "log"),
    "diff": ("history", "diff"),
    "mark": ("write", "mark"),
    "unmark": ("write", "unmark"),
    "verdict": ("write", "verdict"),
    "add": ("add", "add"),
    "edit": ("edit", "edit"),
    "init": ("add", "init"),
    "extract": ("extract", "extract"),
    "export": ("publish", "export"),
    "report": ("publish", "report"),
}


class LazyGroup(TyperGroup):
    """Commands from `COMMANDS`, each built the first time it is asked for; running it turns
    every outcome into one line on stderr and a documented exit code."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        given = list(sys.argv[1:] if args is None else args)
        _check_text(given)
        try:
            code = super().main(
                args=given,
                prog_name=prog_name or PROG,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        except typer.Exit as done:
            sys.exit(done.exit_code)
        except typer.Abort:
            fail("aborted", ExitCode.USAGE)
        except BaseException as error:  # noqa: BLE001 - every outcome gets its exit code
            _usage_or_other(error)
        sys.exit(code if isinstance(code, int) else ExitCode.OK)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in COMMANDS:
            return None
        module, function = COMMANDS[cmd_name]
        callback = getattr(importlib.import_module(f"targets.cli.{module}"), function)
        info = CommandInfo(name=cmd_name, callback=callback)
        return typer.main.get_command_from_info(
            info, pretty_exceptions_short=True, rich_markup_mode=None
        )


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"{PROG} {__version__}\n")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Track the targets Chinese local governments pledge in their annual work reports."""


def root_app() -> typer.Typer:
    """The `targets` Typer app (its group is a `LazyGroup`: commands come from `COMMANDS`)."""
    app = typer.Typer(
        cls=LazyGroup,
        name=PROG,
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    return app


def root_command() -> Any:
    """The `targets` Click group."""
    return typer.main.get_command(root_app())


def _check_text(args: Sequence[str]) -> None:
    """Arguments must be text: undecodable bytes arrive as lone surrogates, refused here once."""
    for arg in args:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "replace").decode("utf-8")[:40]
            fail(f"argument {shown!r} holds bytes that are not UTF-8 text", ExitCode.USAGE)


def run(args: Sequence[str]) -> None:
    """Run a command line; every outcome becomes a documented exit code."""
    root_command().main(args=list(args), prog_name=PROG)


def _usage_or_other(error: BaseException) -> None:
    from typer._click.exceptions import ClickException, NoArgsIsHelpError

    if isinstance(error, NoArgsIsHelpError):  # `targets` alone: show the help
        sys.stdout.write(error.ctx.get_help() + "\n")
        sys.exit(ExitCode.OK)
    if isinstance(error, ClickException):
        ctx = getattr(error, "ctx", None)
        hint = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
        fail(f"{error.format_message()}{hint}", getattr(error, "exit_code", ExitCode.USAGE))
    exit_for(error)
