"""What changed: log (records and verdicts in a window) and diff (statuses between two days)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated, Any

import typer

from targets.domain.dates import parse_date
from targets.domain.query import select
from targets.errors import UsageError
from targets.output.writer import Writer

from .options import (
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
    WideOpt,
    check_lang,
    environment,
    filters,
    finish,
    format_option,
    open_data,
    optional_date,
    warn_skipped,
)


def _window(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}")


def log(
    since: Annotated[
        str | None,
        typer.Option(
            "--since", metavar="DATE", show_default=False, help="From this day on (inclusive)."
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until", metavar="DATE", show_default=False, help="Up to this day (inclusive)."
        ),
    ] = None,
    published: Annotated[
        bool,
        typer.Option(
            "--published", help="Window on the day a source published the fact, not the fact's day."
        ),
    ] = False,
    district: DistrictOpt = None,
    report: ReportOpt = None,
    category: CategoryOpt = None,
    kind: KindOpt = None,
    status: StatusOpt = None,
    tag: TagOpt = None,
    due_before: DueBeforeOpt = None,
    search: SearchOpt = None,
    format: format_option("log") = None,  # type: ignore[valid-type]
    fields: FieldsOpt = None,
    wide: WideOpt = False,
    lang: LangOpt = "zh",
    no_color: NoColorOpt = False,
    file: FileOpt = None,
) -> None:
    """What happened: the records and verdicts dated in a window, newest first."""
    from targets.domain.history import LOG_FIELDS, LOG_LAYOUT, LOG_TABLE_FIELDS
    from targets.domain.history import log as entries_of
    from targets.storage import evaluated

    env = environment(file, no_color)
    out = Writer(env)
    fmt, lang = out.format("log", format), check_lang(lang)
    first, last = optional_date(since, "--since"), optional_date(until, "--until")
    _window(first, last)
    chosen = filters(district, report, category, kind, status, tag, due_before, search)
    catalog = open_data(env)
    skipped = warn_skipped(catalog)
    day = min(last or env.today, env.today)
    rows = select(evaluated.rows(catalog, day), chosen)
    entries = entries_of(evaluated.dataset(catalog), [r.id for r in rows], first, last, published)
    _emit(out, fmt, entries, fields, LOG_TABLE_FIELDS, LOG_FIELDS, lang, wide, "target", LOG_LAYOUT)
    finish(skipped)


def diff(
    since: Annotated[str, typer.Option("--from", metavar="DATE", help="The earlier day.")],
    until: Annotated[
        str | None,
        typer.Option(
            "--to", metavar="DATE", show_default=False, help="The later day (default: today)."
        ),
    ] = None,
    district: DistrictOpt = None,
    report: ReportOpt = None,
    category: CategoryOpt = None,
    kind: KindOpt = None,
    status: StatusOpt = None,
    tag: TagOpt = None,
    due_before: DueBeforeOpt = None,
    search: SearchOpt = None,
    format: format_option("diff") = None,  # type: ignore[valid-type]
    fields: FieldsOpt = None,
    wide: WideOpt = False,
    lang: LangOpt = "zh",
    no_color: NoColorOpt = False,
    file: FileOpt = None,
) -> None:
    """What moved: the targets whose status differs between two days (filters see the later)."""
    from targets.domain.history import DIFF_FIELDS, DIFF_LAYOUT, DIFF_TABLE_FIELDS
    from targets.domain.history import diff as changes_of
    from targets.storage import evaluated

    env = environment(file, no_color)
    out = Writer(env)
    fmt, lang = out.format("diff", format), check_lang(lang)
    first = parse_date(since, "--from")
    last = optional_date(until, "--to") or env.today
    _window(first, last)
    chosen = filters(district, report, category, kind, status, tag, due_before, search)
    catalog = open_data(env)
    skipped = warn_skipped(catalog)
    after = select(evaluated.rows(catalog, last), chosen)
    before = evaluated.rows(catalog, first)
    _emit(
        out,
        fmt,
        changes_of(before, after),
        fields,
        DIFF_TABLE_FIELDS,
        DIFF_FIELDS,
        lang,
        wide,
        "id",
        DIFF_LAYOUT,
    )
    finish(skipped)


def _emit(
    out: Writer,
    fmt: str,
    rows: Sequence[Any],
    fields: str | None,
    table_fields: tuple[str, ...],
    every_field: tuple[str, ...],
    lang: str,
    wide: bool,
    id_field: str,
    layout: dict[str, tuple[str, ...]],
) -> None:
    from targets.output import machine

    if fmt == "table":
        from targets.output.terminal.tables import rows_table

        picked = machine.pick_fields(fields, table_fields, every_field)
        out.rich(rows_table(rows, picked, lang, out.width, wide, **layout))
    elif fmt == "ids":
        out.text(machine.to_ids(rows, id_field))
    else:
        default = table_fields if fmt == "markdown" else every_field
        picked = machine.pick_fields(fields, default, every_field)
        out.text(machine.format_rows(rows, fmt, picked, pretty=out.to_terminal))
