"""Publishing commands: export (SQLite, JSON, CSV) and report (HTML, Markdown)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .cli_common import (
    AsOfOpt,
    FileOpt,
    LangOpt,
    _many,
    check_lang,
    evaluation_day,
    read,
    write,
)
from .cli_read import CategoryOpt, DistrictOpt, KindOpt, SearchOpt, StatusOpt
from .errors import UsageError
from .query import Filters, select

OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="PATH",
        show_default=False,
        help="File to write (replaced if it exists); - for standard output (not for sqlite).",
    ),
]


def _choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise UsageError(f"unknown {what} {value!r}; valid values: {', '.join(allowed)}")
    return value


def _emit(text: str, output: str | None) -> None:
    from .export import export_text

    if output in (None, "-"):
        write(text)
    else:
        export_text(Path(output), text)
        sys.stderr.write(f"wrote {output}\n")


def export(
    format: Annotated[
        str, typer.Option("--format", "-F", metavar="sqlite|json|csv", help="What to write.")
    ] = "sqlite",
    output: OutputOpt = None,
    as_of: AsOfOpt = None,
    file: FileOpt = None,
) -> None:
    """Export targets, records and status at a date: SQLite for sqlite3 and Datasette, JSON, CSV."""
    from .export import EXPORT_FORMATS, export_json, target_rows, write_sqlite
    from .formats import format_rows
    from .rows import LIST_FIELDS
    from .source import dataset

    fmt = _choice(format, EXPORT_FORMATS, "export format")
    if fmt == "sqlite" and output in (None, "-"):
        raise UsageError("a SQLite export needs --output PATH, such as --output targets.db")
    day = evaluation_day(as_of)
    data = dataset(read(file))
    rows = target_rows(data, day)
    if fmt == "sqlite":
        assert output is not None
        write_sqlite(Path(output), data, rows)
        sys.stderr.write(f"wrote {output}: {len(rows)} targets, evaluated on {day}\n")
    elif fmt == "json":
        _emit(export_json(data, rows, day), output)
    else:
        _emit(format_rows(rows, "csv", [*LIST_FIELDS, "verdict_note", "verdict_source"]), output)


def report(
    format: Annotated[
        str, typer.Option("--format", "-F", metavar="html|markdown", help="What to write.")
    ] = "html",
    output: OutputOpt = None,
    district: DistrictOpt = None,
    category: CategoryOpt = None,
    kind: KindOpt = None,
    status: StatusOpt = None,
    search: SearchOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = "zh",
    file: FileOpt = None,
) -> None:
    """Write a publishable status report: one self-contained HTML file, or Markdown."""
    from .export import target_rows
    from .report import html_report, markdown_report
    from .source import dataset

    fmt = _choice(format, ("html", "markdown"), "report format")
    lang = check_lang(lang)
    day = evaluation_day(as_of)
    data = dataset(read(file))
    filters = Filters(
        districts=_many(district),
        categories=_many(category),
        kinds=_many(kind),
        statuses=_many(status),
        search=search,
    )
    rows = select(target_rows(data, day), filters)
    reports: list[dict[str, Any]] = [
        {
            "id": r.id,
            "title": r.title,
            "district": r.district,
            "district_en": r.district_en,
            "source": r.source,
        }
        for r in data.reports.values()
    ]
    build = html_report if fmt == "html" else markdown_report
    _emit(build(rows, reports, day.isoformat(), lang), output)
