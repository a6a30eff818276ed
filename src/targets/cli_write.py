"""Write commands: mark, unmark, verdict, add, init."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import complete
from .cli_common import FileOpt, TargetIdArg, _many, data_file, write
from .errors import ReadOnlyData, UsageError, missing_data_file
from .evaluate import evaluate
from .fields import TARGET_FIELDS
from .files import bundled_path, parse_date, today
from .formats import neutralise
from .rows import plain_number

if TYPE_CHECKING:
    from .writes import WriteResult

NoteOpt = Annotated[
    str | None,
    typer.Option(
        "--note", metavar="TEXT", show_default=False, help="What the record says; stored verbatim."
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


def writable_file(file: str | None) -> Path:
    """The data file to write, refusing the read-only bundled copy."""
    chosen = data_file(file)
    if not chosen.path.exists():
        raise missing_data_file(chosen.path)
    if chosen.bundled:
        raise ReadOnlyData(
            "the bundled data is read-only; run `targets init` to copy it to ./targets.toml, "
            "then run this again in that folder (or pass --file)"
        )
    return chosen.path


def _standing(result: WriteResult) -> str:
    ev = evaluate(result.target, result.data, today())
    now = "no records" if ev.current is None else f"{_amount(ev.current, result)} as of {ev.as_of}"
    share = "" if ev.progress is None else f", {ev.progress * 100:.0f}% done"
    pace = "" if ev.expected is None else f", pace {ev.expected * 100:.0f}%"
    return f"{result.target.id}: {now}: {ev.status.value}{share}{pace}"


def _amount(value: float | str, result: WriteResult) -> str:
    if isinstance(value, str):
        return value
    return f"{plain_number(value)} {result.target.unit or ''}".strip()


def _say(line: str) -> None:
    write(neutralise(line) + "\n")


def mark(
    target_id: TargetIdArg,
    value: Annotated[
        str,
        typer.Argument(
            metavar="VALUE",
            help="The value so far, or a milestone's stage.",
            autocompletion=complete.stages,
        ),
    ],
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            show_default=False,
            help="The day it was true or published (default: today).",
        ),
    ] = None,
    note: NoteOpt = None,
    source: SourceOpt = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the record; write nothing.")
    ] = False,
    file: FileOpt = None,
) -> None:
    """Add a progress record to a target and print its new status."""
    from .writes import mark as mark_target

    path = writable_file(file)
    day = parse_date(date, "--date") if date else today()
    result = mark_target(path, target_id, value, day, today(), note, source, dry_run)
    if dry_run:
        write(result.added)
        sys.stderr.write("dry run: nothing written\n")
    _say(_standing(result))


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
    file: FileOpt = None,
) -> None:
    """Remove a target's latest progress record (or the one at --date) and print it."""
    from .writes import unmark as unmark_target

    path = writable_file(file)
    result = unmark_target(path, target_id, parse_date(date, "--date") if date else None, today())
    from .edits import table_text

    removed = table_text(f"[[targets.{target_id}.progress]]", result.removed or {}, "\n")
    write(neutralise(removed))
    _say(_standing(result))


def verdict(
    target_id: TargetIdArg,
    rating: Annotated[
        str | None,
        typer.Argument(
            metavar="VERDICT",
            show_default=False,
            help="kept, partly_kept, broken, stalled or dropped.",
            autocompletion=complete.verdicts,
        ),
    ] = None,
    note: NoteOpt = None,
    source: SourceOpt = None,
    clear: Annotated[
        bool, typer.Option("--clear", help="Remove the verdict, its note and source.")
    ] = False,
    file: FileOpt = None,
) -> None:
    """Set an editor's verdict on a target, or --clear it."""
    from .writes import verdict as set_verdict

    if clear == (rating is not None):
        raise UsageError("give a VERDICT (kept, partly_kept, broken, stalled, dropped) or --clear")
    path = writable_file(file)
    result = set_verdict(path, target_id, None if clear else rating, today(), note, source)
    ev = evaluate(result.target, result.data, today())
    conflict = " (conflicts with the computed status)" if ev.conflict else ""
    shown = result.target.verdict.value if result.target.verdict else "no verdict"
    _say(f"{target_id}: {shown}; status {ev.status.value}{conflict}")


def _add_fields(kind: str, target: str | None, values: dict[str, Any]) -> dict[str, Any]:
    goal: Any = target
    if target is not None and kind != "milestone":
        goal = _optional_number(target)
    fields = {**values, "target": goal}
    return {key: fields[key] for key in TARGET_FIELDS if key in fields}


def _optional_number(text: str | None) -> int | float | None:
    from .writes import parse_number

    return parse_number(text) if text is not None else None


def _optional_date(text: str | None, flag: str) -> Any:
    return parse_date(text, flag) if text else None


Text = Annotated[str | None, typer.Option(show_default=False)]


def add(
    target_id: Annotated[str, typer.Argument(metavar="ID", help="New id: lowercase slug.")],
    report: Annotated[str, typer.Option("--report", metavar="ID", help="Report id.")],
    title: Annotated[str, typer.Option("--title", metavar="TEXT", help="The pledge in Chinese.")],
    kind: Annotated[
        str,
        typer.Option(
            "--kind", metavar="KIND", help="count, level, growth, milestone or qualitative."
        ),
    ],
    category: Annotated[
        str, typer.Option("--category", metavar="SLUG", help="parks, schools, ...")
    ],
    title_en: Annotated[
        str | None, typer.Option("--title-en", metavar="TEXT", show_default=False)
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
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            metavar="N|STAGE",
            show_default=False,
            help="Number to reach, or a milestone's fulfilling stage.",
        ),
    ] = None,
    unit: Text = None,
    quote: Annotated[
        str | None,
        typer.Option(
            "--quote", metavar="TEXT", show_default=False, help="The report's own words, verbatim."
        ),
    ] = None,
    baseline: Text = None,
    tolerance: Text = None,
    start: Text = None,
    due: Text = None,
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
            help="Id of a part whose values sum to this. Repeatable.",
        ),
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", metavar="TAG", show_default=False, help="A label. Repeatable."),
    ] = None,
    file: FileOpt = None,
) -> None:
    """Add a target; it is checked by the same rules as `targets check` before it is written."""
    from .writes import add as add_target

    path = writable_file(file)
    fields = _add_fields(
        kind,
        target,
        {
            "report": report,
            "category": category,
            "tags": list(_many(tag)),
            "title": title,
            "title_en": title_en,
            "kind": kind,
            "comparator": comparator,
            "unit": unit,
            "baseline": _optional_number(baseline),
            "tolerance": _optional_number(tolerance),
            "start": _optional_date(start, "--start"),
            "due": _optional_date(due, "--due"),
            "stages": list(stage or []),
            "parts": list(_many(part)),
            "quote": quote,
        },
    )
    result = add_target(path, target_id, fields, today())
    _say(_standing(result))


def init(
    path: Annotated[Path, typer.Argument(metavar="[PATH]", help="Where to put the copy.")] = Path(
        "targets.toml"
    ),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Copy the bundled data to a writable file (default ./targets.toml) to start tracking."""
    from .writes import init as init_file

    init_file(bundled_path(), path, force)
    _say(f"wrote {path}; `targets` in this folder now reads and writes it")
