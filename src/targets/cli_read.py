"""Read commands: list, show, status, check."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from . import complete
from .cli_common import (
    AsOfOpt,
    FieldsOpt,
    FileOpt,
    FormatOpt,
    LangOpt,
    ManyOpt,
    NoColorOpt,
    TargetIdArg,
    _many,
    check_lang,
    evaluation_day,
    output_format,
    print_rich,
    read,
    write,
)
from .errors import UsageError, unknown_target
from .exitcodes import ExitCode
from .files import parse_date
from .formats import format_rows, json_lines, neutralise, pick_fields, to_json
from .vocab import Severity, Status

if TYPE_CHECKING:
    from .model import DataSet
from .query import STATUS_ORDER, Filters, select, sort_rows
from .rows import LIST_FIELDS, SHOW_FIELDS, TABLE_FIELDS, Row, localised

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
        help="Text in the id, title, English title or quote (any case).",
    ),
]
SortOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--sort",
        metavar="FIELD",
        show_default=False,
        help="Sort by FIELD (-FIELD for descending). Repeatable.",
        autocompletion=complete.sort_fields,
    ),
]


def _filters(
    district: ManyOpt,
    report: ManyOpt,
    category: ManyOpt,
    kind: ManyOpt,
    status: ManyOpt,
    due_before: str | None,
    search: str | None,
) -> Filters:
    return Filters(
        districts=_many(district),
        reports=_many(report),
        categories=_many(category),
        kinds=_many(kind),
        statuses=_many(status),
        due_before=parse_date(due_before, "--due-before") if due_before else None,
        search=search,
    )


def _selected_rows(
    file: str | None, filters: Filters, as_of: str | None, sort: ManyOpt
) -> list[Row]:
    """The rows that pass the filters, sorted."""
    from .source import list_rows

    rows = list_rows(read(file), evaluation_day(as_of))
    return sort_rows(select(rows, filters), _many(sort))


def list_targets(
    district: DistrictOpt = None,
    report: ReportOpt = None,
    category: CategoryOpt = None,
    kind: KindOpt = None,
    status: StatusOpt = None,
    due_before: DueBeforeOpt = None,
    search: SearchOpt = None,
    as_of: AsOfOpt = None,
    sort: SortOpt = None,
    format: FormatOpt = None,
    fields: FieldsOpt = None,
    lang: LangOpt = "zh",
    no_color: NoColorOpt = False,
    file: FileOpt = None,
) -> None:
    """List targets with their status, filtered and sorted."""
    fmt, lang = output_format(format), check_lang(lang)
    filters = _filters(district, report, category, kind, status, due_before, search)
    pretty = sys.stdout.isatty()
    if fmt in ("json", "jsonl") and not pretty and not fields and not sort and filters == Filters():
        from .source import list_json  # every row, in file order: ready-made JSON from the cache

        write(json_lines(list_json(read(file), evaluation_day(as_of)), array=fmt == "json"))
        return
    rows = _selected_rows(file, filters, as_of, sort)
    if fmt == "table":
        from .render import rows_table

        print_rich(rows_table(rows, pick_fields(fields, TABLE_FIELDS, LIST_FIELDS), lang), no_color)
    else:
        default = TABLE_FIELDS if fmt == "markdown" else LIST_FIELDS
        picked = pick_fields(fields, default, LIST_FIELDS)
        readable = localised(rows, lang) if fmt == "markdown" else rows  # markdown is for people
        write(format_rows(readable, fmt, picked, pretty=pretty))


def _find_target(data: DataSet, target_id: str) -> None:
    if target_id not in data.targets:
        raise unknown_target(target_id, data.targets)


def show(
    target_id: TargetIdArg,
    as_of: AsOfOpt = None,
    format: FormatOpt = None,
    lang: LangOpt = "zh",
    no_color: NoColorOpt = False,
    file: FileOpt = None,
) -> None:
    """Show one target whole: quote, fields, status, records and a chart."""
    fmt = output_format(format or ("table" if sys.stdout.isatty() else "json"), ("table", "json"))
    lang = check_lang(lang)
    from .evaluate import evaluate
    from .rows import show_row
    from .source import dataset

    data = dataset(read(file))
    _find_target(data, target_id)
    row = show_row(evaluate(data.targets[target_id], data, evaluation_day(as_of)))
    if fmt == "json":
        write(to_json({f: row[f] for f in SHOW_FIELDS}))
    else:
        from .render import show_view

        print_rich(show_view(row, lang), no_color)


def _status_counts(rows: list[Row]) -> dict[str, int]:
    counts = {status.value: 0 for status in Status}
    for row in rows:
        counts[row["status"]] += 1
    return {status: n for status, n in counts.items() if n}


def _status_groups(rows: list[Row]) -> list[Row]:
    groups: dict[tuple[str, str, str], int] = {}
    for row in rows:
        key = (row["district"], row["category"], row["status"])
        groups[key] = groups.get(key, 0) + 1
    return [
        {"district": d, "category": c, "status": s, "count": n} for (d, c, s), n in groups.items()
    ]


def status(
    district: DistrictOpt = None,
    report: ReportOpt = None,
    category: CategoryOpt = None,
    kind: KindOpt = None,
    status: StatusOpt = None,
    due_before: DueBeforeOpt = None,
    search: SearchOpt = None,
    as_of: AsOfOpt = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="STATUS,...",
            show_default=False,
            help="Exit 4 if any shown target has one of these statuses.",
            autocompletion=complete.statuses,
        ),
    ] = None,
    format: FormatOpt = None,
    lang: LangOpt = "zh",
    no_color: NoColorOpt = False,
    file: FileOpt = None,
) -> None:
    """Dashboard: counts by status, then a bar per target by district and category."""
    fmt, lang = output_format(format), check_lang(lang)
    failing = set(_many([fail_on] if fail_on else None))
    for value in failing - set(STATUS_ORDER):
        raise UsageError(
            f"unknown status {value!r} in --fail-on; valid values: {', '.join(STATUS_ORDER)}"
        )
    filters = _filters(district, report, category, kind, status, due_before, search)
    rows = _selected_rows(file, filters, as_of, None)
    counts = _status_counts(rows)
    day = evaluation_day(as_of).isoformat()
    if fmt == "table":
        from .render import status_view

        print_rich(status_view(rows, counts, day, lang), no_color)
    elif fmt == "json":
        write(
            to_json(
                {"as_of": day, "total": len(rows), "counts": counts, "groups": _status_groups(rows)}
            )
        )
    else:
        write(format_rows(_status_groups(rows), fmt, ["district", "category", "status", "count"]))
    if failing & set(counts):
        raise typer.Exit(ExitCode.FAIL_ON_MATCHED)


def check(
    file: FileOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
) -> None:
    """Validate the data file: print each problem as PATH:LINE:COL; silent when clean."""
    from .source import problems

    source = read(file)
    found, _ = problems(source)
    errors, warnings = (
        sorted((p for p in found if p.severity is severity), key=lambda p: (p.line, p.col))
        for severity in (Severity.ERROR, Severity.WARNING)
    )
    for problem in [*errors, *warnings]:
        where = f"{source.path}:{problem.line}:{problem.col}"
        line = f"{where}: {problem.severity.value}: {problem.message}".replace("\n", " ")
        sys.stdout.write(neutralise(line) + "\n")  # messages quote keys from the file
    if errors or warnings:
        sys.stderr.write(f"{len(errors)} error(s), {len(warnings)} warning(s) in {source.path}\n")
    if errors or (strict and warnings):
        raise typer.Exit(ExitCode.INVALID_DATA)
