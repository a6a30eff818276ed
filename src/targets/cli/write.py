"""Write commands: mark, unmark, verdict, add, init."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from targets.environment import Environment, bundled_path
from targets.errors import UsageError
from targets.output.safe import terminal

from . import complete
from .options import DryRunOpt, FileOpt, TargetIdArg, environment, many, open_data, optional_date

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


def _say(line: str) -> None:
    sys.stdout.write(terminal(line) + "\n")
    sys.stdout.flush()


def _workspace(env: Environment) -> Any:
    from targets.storage.paths import check_writable
    from targets.storage.writing import Workspace

    check_writable(env.data.path, env.data)  # before anything else: the bundled copy
    return Workspace(open_data(env), env.data, env.lock_timeout, env.today)


def _show_change(result: Any) -> None:
    """For a dry run: the exact change, as a unified diff of each document."""
    import difflib

    for change in result.written:
        before = change.before.text.splitlines(keepends=True)
        after = change.after.text.splitlines(keepends=True)
        name = change.before.name
        sys.stdout.write(
            terminal("".join(difflib.unified_diff(before, after, f"a/{name}", f"b/{name}")))
        )
    sys.stderr.write("dry run: nothing written\n")


def _standing(result: Any, day: dt.date, today: dt.date) -> str:
    """The target's standing on the record's `day`, and today's status when it differs:
    a mid-year value on pace is `on_track` then, though the target may be missed today."""
    from targets.domain.evaluate import evaluate

    then = evaluate(result.target, result.data, day)
    now = evaluate(result.target, result.data, today)
    shown = then if then.current is not None else now
    current = (
        "no records"
        if shown.current is None
        else f"{_amount(shown.current, result)} as of {shown.as_of}"
    )
    share = "" if shown.progress is None else f", {shown.progress * 100:.0f}% done"
    share += "" if shown.expected is None else f", pace {shown.expected * 100:.0f}%"
    line = f"{result.target.id}: {current}: {shown.status.value}{share}"
    if then.status != now.status:
        line = f"{line} on {day}; {now.status.value} today ({today})"
    return line


def _amount(value: float | str, result: Any) -> str:
    from targets.domain.rows import plain_number

    if isinstance(value, str):
        return value
    return f"{plain_number(value)} {result.target.unit or ''}".strip()


def mark(
    target_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="The target's id.",
            autocompletion=complete.target_ids,
            show_default=False,
        ),
    ] = None,
    value: Annotated[
        str | None,
        typer.Argument(
            metavar="[VALUE]",
            help="The value so far, or a milestone's stage.",
            autocompletion=complete.stages,
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            show_default=False,
            help="The day the value describes (a year's figure: its last day). Default: today.",
        ),
    ] = None,
    published: PublishedOpt = None,
    note: NoteOpt = None,
    source: SourceOpt = None,
    from_file: FromOpt = None,
    dry_run: DryRunOpt = False,
    file: FileOpt = None,
) -> None:
    """Add a progress record (or many, --from FILE) and print the target's status."""
    from targets.storage.records import NewRecord, mark_many
    from targets.storage.records import mark as mark_target

    env = environment(file)
    if from_file is not None:
        if target_id is not None or value is not None:
            raise UsageError("give either ID VALUE or --from FILE, not both")
        from targets.storage.batches import read_records

        records = read_records(_read_input(from_file), str(from_file), env.today)
        result = mark_many(_workspace(env), records, dry_run)
        _finish_batch(result, f"{len(records)} record(s)")
        return
    if target_id is None or value is None:
        raise UsageError("give a target ID and a VALUE (or --from FILE)")
    day = optional_date(date, "--date") or env.today
    record = NewRecord(target_id, value, day, optional_date(published, "--published"), note, source)
    result = mark_target(_workspace(env), record, dry_run)
    if dry_run:
        _show_change(result)
    _say(_standing(result, day, env.today))


def _read_input(path: Path) -> tuple[bytes, str]:
    from targets.storage.document import read_bytes

    if str(path) == "-":
        return sys.stdin.buffer.read(), "-"
    return read_bytes(path), str(path)


def _finish_batch(result: Any, what: str) -> None:
    if result.dry_run:
        _show_change(result)
        return
    names = ", ".join(change.before.name for change in result.written)
    _say(f"added {what} to {names}")


def unmark(
    target_id: TargetIdArg,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            show_default=False,
            help="Remove the record of this day instead of the latest.",
        ),
    ] = None,
    dry_run: DryRunOpt = False,
    file: FileOpt = None,
) -> None:
    """Remove a target's latest progress record (or the one at --date) and print it."""
    from targets.storage.edits import table_text
    from targets.storage.records import unmark as unmark_target

    env = environment(file)
    result = unmark_target(_workspace(env), target_id, optional_date(date, "--date"), dry_run)
    if dry_run:
        _show_change(result)
    else:
        _say(
            table_text(f"[[targets.{target_id}.progress]]", result.details["removed"], "\n").rstrip(
                "\n"
            )
        )
    _say(_standing(result, env.today, env.today))


def verdict(
    target_id: TargetIdArg,
    rating: Annotated[
        str | None,
        typer.Argument(
            metavar="[VERDICT]",
            show_default=False,
            help="kept, partly_kept, broken, stalled or dropped.",
            autocompletion=complete.verdicts,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            show_default=False,
            help="The day the verdict describes. Default: today.",
        ),
    ] = None,
    published: PublishedOpt = None,
    note: NoteOpt = None,
    source: SourceOpt = None,
    clear: Annotated[
        bool,
        typer.Option(
            "--clear", help="Remove the latest verdict (its note and source with it) and print it."
        ),
    ] = False,
    dry_run: DryRunOpt = False,
    file: FileOpt = None,
) -> None:
    """Give a target a dated verdict (kept with the earlier ones), or --clear the latest."""
    from targets.domain.evaluate import evaluate
    from targets.storage.verdicts import NewVerdict, clear_verdict, set_verdict

    if clear == (rating is not None):
        raise UsageError("give a VERDICT (kept, partly_kept, broken, stalled, dropped) or --clear")
    env = environment(file)
    if clear:
        if date is not None or note is not None or source is not None or published is not None:
            raise UsageError("--clear takes no --date, --note, --source or --published")
        result = clear_verdict(_workspace(env), target_id, dry_run)
        removed = result.details["removed"]
        if not dry_run:
            _say(f"removed: {', '.join(f'{k} = {v}' for k, v in removed.items())}")
    else:
        assert rating is not None
        day = optional_date(date, "--date") or env.today
        entry = NewVerdict(
            target_id, rating, day, optional_date(published, "--published"), note, source
        )
        result = set_verdict(_workspace(env), entry, dry_run)
    if dry_run:
        _show_change(result)
    assert result.target is not None
    ev = evaluate(result.target, result.data, env.today)
    conflict = " (conflicts with the computed status)" if ev.conflict else ""
    shown = ev.verdict.verdict.value if ev.verdict else "no verdict"
    _say(f"{target_id}: {shown}; status {ev.status.value}{conflict}")


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

        drafts = read_drafts(_read_input(from_file), str(from_file), default_report=report)
        result = add_many(_workspace(env), drafts, dry_run)
        _finish_batch(result, f"{len(drafts)} target(s)")
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
    result = add_target(_workspace(env), target_id, table, dry_run)
    if dry_run:
        _show_change(result)
    _say(_standing(result, env.today, env.today))


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
    _say(f"wrote {path}; `targets` in this folder now reads and writes it")
