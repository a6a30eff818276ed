"""What every command shares: the option types, the environment, opening the data."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from targets.domain.dates import parse_date
from targets.environment import Environment
from targets.output.registry import format_help, formats_of
from targets.storage.opening import open_catalog as open_catalog
from targets.storage.opening import open_data as open_data

from . import complete

if TYPE_CHECKING:
    from targets.domain.query import Filters
    from targets.storage.catalog import Catalog

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
        help="Evaluate at this date (YYYY-MM-DD) instead of today: only records and verdicts "
        "dated on or before it count.",
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
        help="Language of titles, districts and categories people read.",
        autocompletion=complete.languages,
    ),
]
NoColorOpt = Annotated[
    bool, typer.Option("--no-color", help="No colour (also NO_COLOR or TERM=dumb).")
]
WideOpt = Annotated[
    bool, typer.Option("--wide", help="Show every column, however narrow the terminal.")
]
DryRunOpt = Annotated[
    bool, typer.Option("--dry-run", help="Print the exact change; write nothing, take no lock.")
]
ManyOpt = Annotated[list[str] | None, typer.Option(show_default=False)]
TargetIdArg = Annotated[
    str, typer.Argument(metavar="ID", help="The target's id.", autocompletion=complete.target_ids)
]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="PATH",
        show_default=False,
        help="File to write (replaced atomically); - or /dev/stdout for standard output.",
    ),
]

NoteOpt = Annotated[
    str | None,
    typer.Option(
        "--note",
        metavar="TEXT",
        show_default=False,
        help="What it rests on: quote the source's sentence.",
    ),
]
SourceOpt = Annotated[
    str | None,
    typer.Option(
        "--source",
        metavar="URL",
        show_default=False,
        help="Where it was published (a URL or a citation).",
    ),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published",
        metavar="DATE",
        show_default=False,
        help="The day the source published it (on or after --date).",
    ),
]
FromOpt = Annotated[
    Path | None,
    typer.Option(
        "--from",
        metavar="FILE",
        show_default=False,
        help="Many at once from a file (TOML as `targets extract` prints it, JSON, JSONL or "
        "CSV; - for stdin).",
    ),
]


def format_option(view: str) -> Any:
    """The --format option of a view, its help and completion read from the registry."""
    return Annotated[
        str | None,
        typer.Option(
            "--format",
            "-F",
            metavar="FORMAT",
            show_default=False,
            help=format_help(view),
            autocompletion=lambda incomplete: complete.choices(formats_of(view), incomplete),
        ),
    ]


def many(values: list[str] | None) -> tuple[str, ...]:
    """Repeated options, each of which may hold comma-separated values."""
    return tuple(v.strip() for value in values or () for v in value.split(",") if v.strip())


def environment(file: str | None = None, no_color: bool = False) -> Environment:
    return Environment.from_process(file, no_color)


def evaluation_day(env: Environment, as_of: str | None) -> dt.date:
    return parse_date(as_of, "--as-of") if as_of is not None else env.today


def optional_date(text: str | None, flag: str) -> dt.date | None:
    return parse_date(text, flag) if text is not None else None


def check_lang(lang: str) -> str:
    if lang not in ("zh", "en"):
        from targets.errors import UsageError

        raise UsageError(f"unknown language {lang!r}; valid values: zh, en")
    return lang


def warn_skipped(catalog: Catalog) -> bool:
    """Say on stderr which documents were left out as invalid; whether any were."""
    from targets.output.safe import terminal

    skipped = sorted(catalog.invalid())
    for name in skipped:
        sys.stderr.write(
            f"targets: warning: {terminal(name, one_line=True)} has errors and was left out; "
            "run `targets check`\n"
        )
    return bool(skipped)


def finish(skipped: bool) -> None:
    """Exit 1 after the output when invalid documents were left out of it."""
    if skipped:
        from .exitcodes import ExitCode

        raise typer.Exit(ExitCode.INVALID_DATA)


def filters(
    district: list[str] | None = None,
    report: list[str] | None = None,
    category: list[str] | None = None,
    kind: list[str] | None = None,
    status: list[str] | None = None,
    tag: list[str] | None = None,
    due_before: str | None = None,
    search: str | None = None,
) -> Filters:
    from targets.domain.query import Filters

    return Filters(
        districts=many(district),
        reports=many(report),
        categories=many(category),
        kinds=many(kind),
        statuses=many(status),
        tags=many(tag),
        due_before=optional_date(due_before, "--due-before"),
        search=search,
    )


DistrictOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--district",
        "-d",
        metavar="NAME",
        show_default=False,
        help="District: Chinese or English name or a prefix (licang, 李沧). Repeatable.",
        autocompletion=complete.districts,
    ),
]
ReportOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--report",
        metavar="ID",
        show_default=False,
        help="Report id. Repeatable.",
        autocompletion=complete.reports,
    ),
]
CategoryOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--category",
        "-c",
        metavar="SLUG",
        show_default=False,
        help="Category (parks, schools, ...). Repeatable, or comma-separated.",
        autocompletion=complete.categories,
    ),
]
KindOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        "-k",
        metavar="KIND",
        show_default=False,
        help="count, level, growth, milestone or qualitative. Repeatable.",
        autocompletion=complete.kinds,
    ),
]
StatusOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        "-s",
        metavar="STATUS",
        show_default=False,
        help="Status (behind, on_track, ...). Repeatable, or comma-separated.",
        autocompletion=complete.statuses,
    ),
]
TagOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        "-t",
        metavar="TAG",
        show_default=False,
        help="Tag. Repeatable, or comma-separated.",
        autocompletion=complete.tags,
    ),
]
DueBeforeOpt = Annotated[
    str | None,
    typer.Option(
        "--due-before",
        metavar="DATE",
        show_default=False,
        help="Only targets due strictly before DATE.",
    ),
]
SearchOpt = Annotated[
    str | None,
    typer.Option(
        "--search",
        metavar="TEXT",
        show_default=False,
        help="Text in the id, titles, quote, category or tags (any case).",
    ),
]
