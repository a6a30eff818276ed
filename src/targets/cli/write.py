"""Write commands for progress: mark, unmark, verdict."""

from __future__ import annotations

from typing import Annotated

import typer

from targets.errors import UsageError

from . import complete
from .options import (
    DryRunOpt,
    FileOpt,
    FromOpt,
    NoteOpt,
    PublishedOpt,
    SourceOpt,
    TargetIdArg,
    environment,
    optional_date,
)
from .writing import (
    finish_batch,
    mark_one,
    read_input,
    say,
    show_change,
    standing,
    workspace,
)


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
    from targets.storage.records import mark_many

    env = environment(file)
    if from_file is not None:
        if target_id is not None or value is not None:
            raise UsageError("give either ID VALUE or --from FILE, not both")
        from targets.storage.batches import read_records

        records = read_records(read_input(from_file), str(from_file), env.today)
        result = mark_many(workspace(env), records, dry_run)
        finish_batch(result, f"{len(records)} record(s)")
        return
    if target_id is None or value is None:
        raise UsageError("give a target ID and a VALUE (or --from FILE)")
    mark_one(env, target_id, value, date, published, note, source, dry_run)


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
    result = unmark_target(workspace(env), target_id, optional_date(date, "--date"), dry_run)
    if dry_run:
        show_change(result)
    else:
        say(
            table_text(f"[[targets.{target_id}.progress]]", result.details["removed"], "\n").rstrip(
                "\n"
            )
        )
    say(standing(result, env.today, env.today))


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
        result = clear_verdict(workspace(env), target_id, dry_run)
        removed = result.details["removed"]
        if not dry_run:
            say(f"removed: {', '.join(f'{k} = {v}' for k, v in removed.items())}")
    else:
        assert rating is not None
        day = optional_date(date, "--date") or env.today
        entry = NewVerdict(
            target_id, rating, day, optional_date(published, "--published"), note, source
        )
        result = set_verdict(workspace(env), entry, dry_run)
    if dry_run:
        show_change(result)
    assert result.target is not None
    ev = evaluate(result.target, result.data, env.today)
    conflict = " (conflicts with the computed status)" if ev.conflict else ""
    shown = ev.verdict.verdict.value if ev.verdict else "no verdict"
    say(f"{target_id}: {shown}; status {ev.status.value}{conflict}")
