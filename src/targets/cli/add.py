"""Write commands for targets: add, init."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from targets.environment import bundled_path
from targets.errors import UsageError
from targets.output.safe import terminal

from . import complete
from .options import DryRunOpt, FileOpt, FromOpt, environment, many, optional_date
from .writing import finish_batch, read_input, say, show_change, standing, workspace

Text = Annotated[str | None, typer.Option(show_default=False)]


def _number(text: str | None, flag: str) -> int | float | None:
    from targets.storage.writing import parse_number

    if text is None:
        return None
    try:
        return parse_number(text)
    except UsageError as error:
        raise UsageError(f"{flag}: {error}") from None


def add(
    target_id: Annotated[
        str | None,
        typer.Argument(metavar="[ID]", help="New id: a lowercase slug.", show_default=False),
    ] = None,
    report: Annotated[
        str | None,
        typer.Option(
            "--report",
            metavar="ID",
            show_default=False,
            help="Id of the report it was pledged in.",
            autocompletion=complete.reports,
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            metavar="TEXT",
            show_default=False,
            help="The pledge in Chinese, as the report puts it.",
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            show_default=False,
            help="count, level, growth, milestone or qualitative.",
            autocompletion=complete.kinds,
        ),
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            "--category",
            metavar="SLUG",
            show_default=False,
            help="A lowercase slug: parks, schools, growth, ...",
            autocompletion=complete.categories,
        ),
    ] = None,
    title_en: Annotated[
        str | None,
        typer.Option(
            "--title-en", metavar="TEXT", show_default=False, help="The pledge in English."
        ),
    ] = None,
    comparator: Annotated[
        str | None,
        typer.Option(
            "--comparator",
            metavar="CMP",
            show_default=False,
            help="at_least, exceed, about or at_most.",
        ),
    ] = None,
    direction: Annotated[
        str | None,
        typer.Option(
            "--direction",
            metavar="up|down",
            show_default=False,
            help="Whether more (up, the default) or less (down) is better.",
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            metavar="N|STAGE",
            show_default=False,
            help="The number to reach, or a milestone's fulfilling stage.",
        ),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            metavar="UNIT",
            show_default=False,
            help="The report's unit: %, 个, 公里, 万人, ...",
        ),
    ] = None,
    quote: Annotated[
        str | None,
        typer.Option(
            "--quote", metavar="TEXT", show_default=False, help="The report's own words, verbatim."
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            metavar="URL",
            show_default=False,
            help="Where the quote was read, if not the report's source.",
        ),
    ] = None,
    baseline: Annotated[
        str | None,
        typer.Option(
            "--baseline",
            metavar="N",
            show_default=False,
            help="The value at the start of the period.",
        ),
    ] = None,
    tolerance: Annotated[
        str | None,
        typer.Option(
            "--tolerance",
            metavar="N",
            show_default=False,
            help="For --comparator about: the allowed distance (default 10% of the target).",
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start", metavar="DATE", show_default=False, help="Start, if not the report period's."
        ),
    ] = None,
    due: Annotated[
        str | None,
        typer.Option(
            "--due",
            metavar="DATE",
            show_default=False,
            help="Due date, if not the report period's end.",
        ),
    ] = None,
    stage: Annotated[
        list[str] | None,
        typer.Option(
            "--stage",
            metavar="NAME",
            show_default=False,
            help="A milestone stage, in order. Repeatable.",
        ),
    ] = None,
    part: Annotated[
        list[str] | None,
        typer.Option(
            "--part",
            metavar="ID",
            show_default=False,
            help="Id of a count whose values sum to this one. Repeatable.",
        ),
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", metavar="TAG", show_default=False, help="A label. Repeatable."),
    ] = None,
    from_file: FromOpt = None,
    dry_run: DryRunOpt = False,
    file: FileOpt = None,
) -> None:
    """Add a target (or many, --from FILE), checked by the rules of `targets check` first."""
    from targets.storage.additions import add as add_target
    from targets.storage.additions import add_many, new_target_table

    env = environment(file)
    if from_file is not None:
        if target_id is not None:
            raise UsageError("give either ID and its options or --from FILE, not both")
        from targets.storage.batches import read_drafts

        drafts = read_drafts(read_input(from_file), str(from_file), default_report=report)
        result = add_many(workspace(env), drafts, dry_run)
        finish_batch(result, f"{len(drafts)} target(s)")
        return
    missing = [
        flag
        for flag, value in (
            ("ID", target_id),
            ("--report", report),
            ("--title", title),
            ("--kind", kind),
            ("--category", category),
        )
        if value is None
    ]
    if missing:
        raise UsageError(f"add needs {', '.join(missing)} (or --from FILE)")
    assert target_id is not None
    goal: Any = target if kind == "milestone" or target is None else _number(target, "--target")
    table = new_target_table(
        {
            "report": report,
            "category": category,
            "tags": list(many(tag)),
            "title": title,
            "title_en": title_en,
            "kind": kind,
            "comparator": comparator,
            "direction": direction,
            "target": goal,
            "unit": unit,
            "baseline": _number(baseline, "--baseline"),
            "tolerance": _number(tolerance, "--tolerance"),
            "start": optional_date(start, "--start"),
            "due": optional_date(due, "--due"),
            "stages": list(stage or []),
            "parts": list(many(part)),
            "source": source,
            "quote": quote,
        }
    )
    result = add_target(workspace(env), target_id, table, dry_run)
    if dry_run:
        show_change(result)
    say(standing(result, env.today, env.today))


def init(
    path: Annotated[Path, typer.Argument(metavar="[PATH]", help="Where to put the copy.")] = Path(
        "targets.toml"
    ),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    dry_run: DryRunOpt = False,
) -> None:
    """Copy the bundled data to a writable file (default ./targets.toml) to start tracking."""
    from targets.storage.additions import init as init_file

    env = environment()
    data = init_file(bundled_path(), path, env.data, force, dry_run)
    if dry_run:
        sys.stdout.write(
            terminal(f"would write {path}: {len(data)} bytes, a copy of the bundled data\n")
        )
        sys.stderr.write("dry run: nothing written\n")
        return
    say(f"wrote {path}; `targets` in this folder now reads and writes it")
