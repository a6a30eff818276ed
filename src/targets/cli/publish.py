"""Publishing commands: export (SQLite, JSON, CSV) and report (Markdown, HTML)."""

from __future__ import annotations

import sys
from typing import Any

from targets.domain.query import select
from targets.errors import UsageError
from targets.output.safe import terminal
from targets.output.writer import Writer

from .options import (
    AsOfOpt,
    CategoryOpt,
    DistrictOpt,
    FileOpt,
    KindOpt,
    LangOpt,
    OutputOpt,
    ReportOpt,
    SearchOpt,
    StatusOpt,
    TagOpt,
    check_lang,
    environment,
    evaluation_day,
    filters,
    finish,
    format_option,
    open_data,
    warn_skipped,
)


def _details(catalog: Any, day: Any, chosen: Any) -> list[dict[str, Any]]:
    """Every selected target whole (records and verdicts up to `day`), evaluated on `day`."""
    from targets.domain.evaluate import evaluate
    from targets.domain.rows import detail
    from targets.storage import evaluated

    data = evaluated.dataset(catalog)
    keep = {row.id for row in select(evaluated.rows(catalog, day), chosen)}
    return [detail(evaluate(t, data, day)) for t in data.targets.values() if t.id in keep]


def export(
    format: format_option("export") = None,  # type: ignore[valid-type]
    output: OutputOpt = None,
    as_of: AsOfOpt = None,
    file: FileOpt = None,
) -> None:
    """Export reports, targets, records and verdicts as of a date: SQLite, JSON or CSV."""
    from targets.output.export import export_json, target_csv, write_sqlite
    from targets.storage import evaluated

    env = environment(file)
    catalog = open_data(env)
    out = Writer(env, output, [d.path for d in catalog.documents])
    fmt = out.format("export", format)
    if fmt == "sqlite" and out.destination.is_stdout:
        raise UsageError("a SQLite export needs --output PATH, such as --output targets.db")
    skipped = warn_skipped(catalog)
    day = evaluation_day(env, as_of)
    rows = _details(catalog, day, filters())
    data = evaluated.dataset(catalog)
    if fmt == "sqlite":
        assert out.destination.path is not None
        write_sqlite(out.destination.path, data, rows, day)
    elif fmt == "json":
        out.text(export_json(data, rows, day))
    else:
        out.text(target_csv(rows))
    if not out.destination.is_stdout:
        sys.stderr.write(
            terminal(f"wrote {output}: {len(rows)} targets, evaluated on {day}", one_line=True)
            + "\n"
        )
    finish(skipped)


def report(
    format: format_option("report") = None,  # type: ignore[valid-type]
    output: OutputOpt = None,
    district: DistrictOpt = None,
    report: ReportOpt = None,
    category: CategoryOpt = None,
    kind: KindOpt = None,
    status: StatusOpt = None,
    tag: TagOpt = None,
    search: SearchOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = "zh",
    file: FileOpt = None,
) -> None:
    """Write a publishable status report: Markdown, or one self-contained HTML page."""
    from targets.output.page import html_page, markdown_page

    env = environment(file)
    catalog = open_data(env)
    out = Writer(env, output, [d.path for d in catalog.documents])
    fmt, lang = out.format("report", format), check_lang(lang)
    if fmt == "html" and out.to_terminal:
        raise UsageError(
            "an HTML report is not for a terminal; add --output report.html, "
            "or pipe it (| cat > report.html)"
        )
    skipped = warn_skipped(catalog)
    day = evaluation_day(env, as_of)
    rows = _details(
        catalog, day, filters(district, report, category, kind, status, tag, None, search)
    )
    from targets.storage import evaluated

    reports = list(evaluated.dataset(catalog).reports.values())
    build = html_page if fmt == "html" else markdown_page
    out.text(build(rows, reports, day, lang))
    if not out.destination.is_stdout:
        sys.stderr.write(terminal(f"wrote {output}", one_line=True) + "\n")
    finish(skipped)
