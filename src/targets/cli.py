"""The `targets` command: parse arguments, call the core, render, map errors to exit codes.

Start-up time matters (the command runs on every tab completion and inside scripts), so
`main` builds an app holding only the command being run: Typer then inspects one function
signature instead of all of them, and only that command's module is imported. Rich is
imported only by the commands that draw tables.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import TargetsError
from .exitcodes import ExitCode, exit_code_for

PROG = "targets"
COMPLETE_ENV = "_TARGETS_COMPLETE"
DEBUG_ENV = "TARGETS_DEBUG"


class TargetsGroup(TyperGroup):
    """Runs a command and turns every error into one line on stderr and a documented exit code."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(
                args=args,
                prog_name=prog_name or PROG,
                complete_var=complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except TargetsError as error:
            fail(str(error), exit_code_for(error))
        except typer.TyperException as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # `targets` alone: the help was shown
                sys.exit(ExitCode.OK)
            ctx = getattr(error, "ctx", None)
            hint = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
            fail(f"{error.format_message()}{hint}", getattr(error, "exit_code", ExitCode.USAGE))
        except typer.Abort:
            fail("aborted", ExitCode.INVALID_DATA)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(ExitCode.OK)
        except Exception as error:  # a bug: one line, unless asked for the traceback
            if os.environ.get(DEBUG_ENV):
                raise
            fail(
                f"internal error: {error!r}; rerun with {DEBUG_ENV}=1 for details and "
                "please report it",
                ExitCode.INTERNAL_ERROR,
            )
        sys.exit(code if isinstance(code, int) else ExitCode.OK)


def fail(message: str, code: int) -> NoReturn:
    """Print a one-line error on stderr and exit."""
    sys.stderr.write(f"{PROG}: error: {message}\n")
    sys.exit(code)


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


# Each command: (module, function). The function's docstring is its help.
COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("cli_read", "list_targets"),
    "show": ("cli_read", "show"),
    "status": ("cli_read", "status"),
    "check": ("cli_read", "check"),
    "mark": ("cli_write", "mark"),
    "unmark": ("cli_write", "unmark"),
    "verdict": ("cli_write", "verdict"),
    "add": ("cli_write", "add"),
    "init": ("cli_write", "init"),
    "export": ("cli_publish", "export"),
    "report": ("cli_publish", "report"),
}


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


def build_app(only: str | None = None) -> typer.Typer:
    """The Typer app with every command, or with just the one named."""
    app = typer.Typer(
        cls=TargetsGroup,
        name=PROG,
        help="Track the targets Chinese local governments pledge in their annual work reports.",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    for name, (module, function) in COMMANDS.items():
        if only is None or name == only:
            command = getattr(importlib.import_module(f"targets.{module}"), function)
            app.command(name)(command)
    return app


def _command_named(args: Sequence[str]) -> str | None:
    """The command a command line runs, when it can be told without parsing it."""
    if COMPLETE_ENV in os.environ:
        return _command_being_completed()
    first = next((arg for arg in args if not arg.startswith("-")), None)
    return first if first in COMMANDS else None


def _command_being_completed() -> str | None:
    """During shell completion, the command whose arguments are being completed; None while
    the command name itself is (then every command is needed)."""
    if "COMP_WORDS" in os.environ:  # bash: the words, and the index of the one being completed
        words = os.environ["COMP_WORDS"].split()
        done = words[: int(os.environ.get("COMP_CWORD", len(words)))]
    else:  # zsh, fish, PowerShell: the line so far; its last word is unfinished
        line = os.environ.get("_TYPER_COMPLETE_ARGS", "")
        done = line.split() if line.endswith(" ") else line.split()[:-1]
    first = next((word for word in done[1:] if not word.startswith("-")), None)
    return first if first in COMMANDS else None


def __getattr__(name: str) -> Any:
    if name == "app":  # the full app, for tests and tools that import it
        return build_app()
    raise AttributeError(name)


def main() -> None:
    """Entry point of the `targets` script."""
    build_app(_command_named(sys.argv[1:]))()
