"""`targets extract`: draft targets and outcome records from a report's text."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from targets.errors import UsageError
from targets.output.writer import Writer

from .options import FileOpt, OutputOpt, environment, format_option, open_data, optional_date


def extract(
    path: Annotated[
        str,
        typer.Argument(
            metavar="PATH|-",
            help="The report: text, Markdown or a saved web page (UTF-8 or GB18030); - for stdin.",
        ),
    ],
    report: Annotated[
        str | None,
        typer.Option(
            "--report",
            metavar="ID",
            show_default=False,
            help="The report id to write into each draft (`report = `).",
        ),
    ] = None,
    plan_year: Annotated[
        int | None,
        typer.Option(
            "--plan-year",
            metavar="YEAR",
            show_default=False,
            help="The year the report plans for (default: read from the text).",
        ),
    ] = None,
    id_prefix: Annotated[
        str,
        typer.Option(
            "--id-prefix",
            metavar="PREFIX",
            help="Start of every suggested id, such as licang-2024-.",
        ),
    ] = "",
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            metavar="DATE",
            show_default=False,
            help="The report's publication date, for the `targets mark` lines.",
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            metavar="URL",
            show_default=False,
            help="Where the report was read, for the `targets mark` lines.",
        ),
    ] = None,
    format: format_option("extract") = None,  # type: ignore[valid-type]
    output: OutputOpt = None,
    file: FileOpt = None,
) -> None:
    """Read a report and print draft targets and outcome records, to review and `add --from`."""
    from targets.extract import (
        KnownTarget,
        ReportUnreadable,
        extraction_json,
        extraction_toml,
        read_report,
    )
    from targets.extract import (
        extract as find,
    )
    from targets.output.machine import to_json
    from targets.storage.document import read_bytes

    env = environment(file)
    data = sys.stdin.buffer.read() if path == "-" else read_bytes(Path(path))
    try:
        text = read_report(data, "" if path == "-" else path)
    except ReportUnreadable as error:
        raise UsageError(f"{path}: {error}") from None
    if published is not None:
        optional_date(published, "--published")
    known: list[KnownTarget] = []
    try:
        catalog = open_data(env)
        from targets.storage.evaluated import rows

        known = [
            KnownTarget(r.id, r.title, r.quote, r.kind, r.unit, r.category, r.district)
            for r in rows(catalog, env.today)
        ]
        protected = [d.path for d in catalog.documents]
    except Exception:  # noqa: BLE001 - no data to match against: drafts alone
        protected = [env.data.path]
    out = Writer(env, output, protected)
    fmt = out.format("extract", format)
    found = find(text, known, plan_year=plan_year, id_prefix=id_prefix)
    if fmt == "json":
        out.text(to_json(extraction_json(found), pretty=out.to_terminal))
    else:
        out.text(extraction_toml(found, report, published, source))
