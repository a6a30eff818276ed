"""What every command shares: the option types, finding the data file, output helpers."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import complete
from .errors import UsageError
from .files import DataFile, find_data_file, parse_date, today
from .formats import FORMATS

if TYPE_CHECKING:
    from .source import Source

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
        autocompletion=complete.formats,
    ),
]
FieldsOpt = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="A,B,C",
        show_default=False,
        help="Columns to show, comma-separated.",
        autocompletion=complete.list_fields,
    ),
]
LangOpt = Annotated[
    str,
    typer.Option(
        "--lang",
        metavar="zh|en",
        help="Language of titles and districts people read.",
        autocompletion=complete.languages,
    ),
]
NoColorOpt = Annotated[
    bool, typer.Option("--no-color", help="No colour (also NO_COLOR or TERM=dumb).")
]
ManyOpt = Annotated[list[str] | None, typer.Option(show_default=False)]
TargetIdArg = Annotated[
    str, typer.Argument(metavar="ID", help="The target's id.", autocompletion=complete.target_ids)
]


def _many(values: list[str] | None) -> tuple[str, ...]:
    """Repeated options, each of which may hold comma-separated values."""
    return tuple(v.strip() for value in values or () for v in value.split(",") if v.strip())


def data_file(file: str | None) -> DataFile:
    return find_data_file(file, os.environ, Path())


def evaluation_day(as_of: str | None) -> Any:
    return parse_date(as_of, "--as-of") if as_of else today()


def read(file: str | None) -> Source:
    """The chosen data file's bytes, ready for the cached readers of `targets.source`."""
    from .source import read_source

    return read_source(data_file(file).path, today(), os.environ)


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
