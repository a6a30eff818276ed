"""What the write commands share: the workspace and how they report. No Typer here: the
shortcut for `mark` uses it too (their options are in `options.py`)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from targets.environment import Environment
from targets.output.safe import terminal
from targets.storage.opening import open_data


def say(line: str) -> None:
    sys.stdout.write(terminal(line) + "\n")
    sys.stdout.flush()


def workspace(env: Environment) -> Any:
    from targets.storage.paths import check_writable
    from targets.storage.writing import Workspace

    check_writable(env.data.path, env.data)  # before anything else: the bundled copy
    return Workspace(open_data(env), env.data, env.lock_timeout, env.today)


def mark_one(
    env: Environment,
    target_id: str,
    value: str,
    date: str | None,
    published: str | None,
    note: str | None,
    source: str | None,
    dry_run: bool,
) -> None:
    """`targets mark ID VALUE`: record it (or show the change) and print the standing."""
    from targets.domain.dates import parse_date
    from targets.storage.records import NewRecord, mark

    day = parse_date(date, "--date") if date is not None else env.today
    on = parse_date(published, "--published") if published is not None else None
    result = mark(workspace(env), NewRecord(target_id, value, day, on, note, source), dry_run)
    if dry_run:
        show_change(result)
    say(standing(result, day, env.today))


def show_change(result: Any) -> None:
    """For a dry run: the exact change, as a unified diff of each document."""
    import difflib

    for change in result.written:
        before = change.before.text.splitlines(keepends=True)
        after = change.after.text.splitlines(keepends=True)
        name = change.before.name.lstrip("/")  # as git shows a path: a/tmp/x, not a//tmp/x
        sys.stdout.write(
            terminal("".join(difflib.unified_diff(before, after, f"a/{name}", f"b/{name}")))
        )
    sys.stderr.write("dry run: nothing written\n")


def standing(result: Any, day: dt.date, today: dt.date) -> str:
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


def read_input(path: Path) -> tuple[bytes, str]:
    from targets.storage.document import read_bytes

    if str(path) == "-":
        return sys.stdin.buffer.read(), "-"
    return read_bytes(path), str(path)


def finish_batch(result: Any, what: str) -> None:
    if result.dry_run:
        show_change(result)
        return
    names = ", ".join(change.before.name for change in result.written)
    say(f"added {what} to {names}")
