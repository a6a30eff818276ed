"""Read commands: list, show, status, check."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from targets.domain.query import STATUS_ORDER, Filters, select, sort_rows
from targets.domain.rows import LIST_FIELDS, SHOW_FIELDS, TABLE_FIELDS, TargetRow
from targets.errors import UsageError
from targets.output.writer import Writer

from . import complete
from .exitcodes import ExitCode
from .options import (
    AsOfOpt,
    CategoryOpt,
    DistrictOpt,
    DueBeforeOpt,
    FieldsOpt,
    FileOpt,
    KindOpt,
    LangOpt,
    NoColorOpt,
    ReportOpt,
    SearchOpt,
    StatusOpt,
    TagOpt,
    TargetIdArg,
    WideOpt,
    check_lang,
    environment,
    evaluation_day,
    filters,
    finish,
    format_option,
    many,
    open_catalog,
    open_data,
    warn_skipped,
)

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


def list_targets(
    district: DistrictOpt = None,
    report: ReportOpt = None,
    category: CategoryOpt = None,
    kind: KindOpt = None,
    status: StatusOpt = None,
    tag: TagOpt = None,
    due_before: DueBeforeOpt = None,
    search: SearchOpt = None,
    as_of: AsOfOpt = None,
    sort: SortOpt = None,
    format: format_option("list") = None,  # type: ignore[valid-type]
    fields: FieldsOpt = None,
    wide: WideOpt = False,
    lang: LangOpt = "zh",
    no_color: NoColorOpt = False,
    file: FileOpt = None,
) -> None:
    """List targets with their status, filtered and sorted."""
    from targets.output import machine
    from targets.storage import evaluated

    env = environment(file, no_color)
    out = Writer(env)
    fmt, lang = out.format("list", format), check_lang(lang)
    chosen = filters(district, report, category, kind, status, tag, due_before, search)
    catalog = open_data(env)
    skipped = warn_skipped(catalog)
    day = evaluation_day(env, as_of)
    if (
        fmt in ("json", "jsonl")
        and not out.to_terminal
        and fields is None
        and not sort
        and chosen == Filters()
    ):
        lines = evaluated.json_lines(catalog, day)  # every row in document order: ready-made
        out.pieces(machine.json_stream(lines, array=fmt == "json"))
        return finish(skipped)
    rows = sort_rows(select(evaluated.rows(catalog, day), chosen), many(sort))
    if fmt == "table":
        from targets.output.terminal.tables import rows_table

        picked = machine.pick_fields(fields, TABLE_FIELDS, LIST_FIELDS)
        out.rich(rows_table(rows, picked, lang, out.width, wide))
    else:
        picked = machine.pick_fields(
            fields, TABLE_FIELDS if fmt == "markdown" else LIST_FIELDS, LIST_FIELDS
        )
        readable = [_Localised(row, lang) for row in rows] if fmt == "markdown" else rows
        out.text(machine.format_rows(readable, fmt, picked, pretty=out.to_terminal))
    finish(skipped)


class _Localised:
    """A row as a person reads it in `lang` (Markdown is for people); machine formats carry
    the data's own values."""

    def __init__(self, row: TargetRow, lang: str) -> None:
        self.row, self.lang = row, lang

    def get(self, field: str) -> object:
        from targets.domain.rows import for_reading

        return for_reading(self.row, field, self.lang)


def show(
    target_id: TargetIdArg,
    as_of: AsOfOpt = None,
    format: format_option("show") = None,  # type: ignore[valid-type]
    lang: LangOpt = "zh",
    no_color: NoColorOpt = False,
    file: FileOpt = None,
) -> None:
    """Show one target whole: quote, fields, status, records, verdicts and a chart."""
    from targets.domain.evaluate import evaluate
    from targets.domain.rows import detail
    from targets.output import machine
    from targets.storage.evaluated import target_dataset

    env = environment(file, no_color)
    out = Writer(env)
    fmt, lang = out.format("show", format), check_lang(lang)
    catalog = open_data(env)
    data = target_dataset(catalog, target_id)
    whole = detail(evaluate(data.targets[target_id], data, evaluation_day(env, as_of)))
    if fmt == "json":
        out.text(machine.to_json({f: whole[f] for f in SHOW_FIELDS}, pretty=out.to_terminal))
    elif fmt == "markdown":
        from targets.output.page import markdown_target

        out.text(markdown_target(whole, lang))
    else:
        from targets.output.terminal.show import show_view

        out.rich(show_view(whole, lang, out.width))


def status(
    district: DistrictOpt = None,
    report: ReportOpt = None,
    category: CategoryOpt = None,
    kind: KindOpt = None,
    status: StatusOpt = None,
    tag: TagOpt = None,
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
    format: format_option("status") = None,  # type: ignore[valid-type]
    lang: LangOpt = "zh",
    no_color: NoColorOpt = False,
    file: FileOpt = None,
) -> None:
    """Dashboard: counts by status, then each target by id with a bar, by district and category."""
    from targets.domain.summary import status_counts, status_groups
    from targets.output import machine
    from targets.storage import evaluated

    env = environment(file, no_color)
    out = Writer(env)
    fmt, lang = out.format("status", format), check_lang(lang)
    failing = set(many([fail_on] if fail_on is not None else None))
    for value in failing - set(STATUS_ORDER):
        raise UsageError(
            f"unknown status {value!r} in --fail-on; valid values: {', '.join(STATUS_ORDER)}"
        )
    chosen = filters(district, report, category, kind, status, tag, due_before, search)
    catalog = open_data(env)
    skipped = warn_skipped(catalog)
    day = evaluation_day(env, as_of)
    rows = select(evaluated.rows(catalog, day), chosen)
    counts = status_counts(rows)
    if fmt == "table":
        from targets.output.terminal.status import status_view

        out.rich(status_view(rows, counts, day.isoformat(), lang, out.width))
    elif fmt == "json":
        summary = {
            "evaluated_on": day.isoformat(),
            "total": len(rows),
            "counts": counts,
            "groups": status_groups(rows),
        }
        out.text(machine.to_json(summary, pretty=out.to_terminal))
    elif fmt == "ids":
        out.text(machine.to_ids(rows))
    else:
        groups = [_Dict(g) for g in status_groups(rows)]
        out.text(
            machine.format_rows(
                groups, fmt, ["district", "category", "status", "count"], pretty=out.to_terminal
            )
        )
    if failing & set(counts):
        raise typer.Exit(ExitCode.FAIL_ON_MATCHED)
    finish(skipped)


class _Dict(dict[str, object]):
    """A group of the dashboard, read like a row."""


def check(
    file: FileOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    format: format_option("check") = None,  # type: ignore[valid-type]
) -> None:
    """Validate the data: every document's problems as DOC:LINE:COL; silent when clean."""
    from targets.domain.model import Severity
    from targets.output import machine
    from targets.output.safe import terminal

    env = environment(file)
    out = Writer(env)
    fmt = out.format("check", format)
    catalog = open_catalog(env)
    found = catalog.problems()
    ordered = sorted(
        found, key=lambda p: (p.severity is not Severity.ERROR, p.document, p.line, p.col)
    )
    errors = [p for p in ordered if p.severity is Severity.ERROR]
    warnings = [p for p in ordered if p.severity is Severity.WARNING]
    if fmt == "json":
        items = [
            {
                "document": p.document,
                "line": p.line,
                "col": p.col,
                "severity": p.severity.value,
                "message": p.message,
            }
            for p in ordered
        ]
        out.text(machine.to_json(items, pretty=out.to_terminal))
    else:
        out.text(
            "".join(
                terminal(
                    f"{p.document}:{p.line}:{p.col}: {p.severity.value}: {p.message}", one_line=True
                )
                + "\n"
                for p in ordered
            )
        )
    if errors or warnings:
        documents = len({p.document for p in ordered})
        where = (
            f"{documents} of {len(catalog.documents)} documents"
            if len(catalog.documents) > 1
            else catalog.documents[0].name
        )
        sys.stderr.write(
            terminal(
                f"{len(errors)} error(s), {len(warnings)} warning(s) in {where}", one_line=True
            )
            + "\n"
        )
    if errors or (strict and warnings):
        raise typer.Exit(ExitCode.INVALID_DATA)
