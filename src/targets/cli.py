"""The `targets` command: parse arguments, call the core, render, map errors to exit codes.

Rich is imported only by the commands that draw tables, so machine output starts fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import TargetsError, UsageError
from .exitcodes import ExitCode, exit_code_for
from .files import DataFile, find_data_file, parse_date, today
from .formats import FORMATS
from .model import DataSet

PROG = "targets"


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
            ctx = getattr(error, "ctx", None)
            hint = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
            fail(f"{error.format_message()}{hint}", getattr(error, "exit_code", ExitCode.USAGE))
        except typer.Abort:
            fail("aborted", ExitCode.INVALID_DATA)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(ExitCode.OK)
        sys.exit(code if isinstance(code, int) else ExitCode.OK)


def fail(message: str, code: int) -> NoReturn:
    """Print a one-line error on stderr and exit."""
    sys.stderr.write(f"{PROG}: error: {message}\n")
    sys.exit(code)


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


app = typer.Typer(
    cls=TargetsGroup,
    name=PROG,
    help="Track the targets Chinese local governments pledge in their annual work reports.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"{PROG} {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Track the targets Chinese local governments pledge in their annual work reports."""


# -- shared options -----------------------------------------------------------------------

FileOpt = Annotated[
    str | None,
    typer.Option(
        "--file",
        "-f",
        metavar="PATH",
        show_default=False,
        help="Data file. Default: $TARGETS_FILE, ./targets.toml, ./data/targets.toml, bundled.",
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        show_default=False,
        help="Evaluate at this date (YYYY-MM-DD) instead of today.",
    ),
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-F",
        metavar="FORMAT",
        show_default=False,
        help=f"One of: {', '.join(FORMATS)}. Default: table on a terminal, tsv otherwise.",
    ),
]
FieldsOpt = Annotated[
    str | None,
    typer.Option(
        "--fields", metavar="A,B,C", show_default=False, help="Columns to show, comma-separated."
    ),
]
LangOpt = Annotated[
    str,
    typer.Option("--lang", metavar="zh|en", help="Language of titles and districts people read."),
]
NoColorOpt = Annotated[
    bool, typer.Option("--no-color", help="No colour (also NO_COLOR or TERM=dumb).")
]
ManyOpt = Annotated[list[str] | None, typer.Option(show_default=False)]


def _many(values: list[str] | None) -> tuple[str, ...]:
    """Repeated options, each of which may hold comma-separated values."""
    return tuple(v.strip() for value in values or () for v in value.split(",") if v.strip())


def data_file(file: str | None) -> DataFile:
    return find_data_file(file, os.environ, Path())


def evaluation_day(as_of: str | None) -> Any:
    return parse_date(as_of, "--as-of") if as_of else today()


def load(file: str | None) -> DataSet:
    from .load import load_valid

    return load_valid(data_file(file).path, today())


def output_format(fmt: str | None, allowed: Sequence[str] = FORMATS) -> str:
    chosen = fmt or ("table" if sys.stdout.isatty() else "tsv")
    if chosen not in allowed:
        raise UsageError(f"unknown format {chosen!r}; valid formats: {', '.join(allowed)}")
    return chosen


def check_lang(lang: str) -> str:
    if lang not in ("zh", "en"):
        raise UsageError(f"unknown language {lang!r}; valid values: zh, en")
    return lang


def print_rich(renderable: Any, no_color: bool) -> None:
    from .render import make_console

    make_console(no_color=no_color).print(renderable)


def write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def main() -> None:
    """Entry point of the `targets` script."""
    app()


# The commands live in their own modules and register themselves on `app`.
from . import cli_read, cli_write  # noqa: E402, F401
