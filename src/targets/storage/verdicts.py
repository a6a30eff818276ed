"""Verdicts: an editor's dated rating of a pledge, kept as a history.

`verdict` adds a [[targets.ID.verdicts]] entry (date, verdict, note, source); the latest is
the current one. `--clear` removes only the latest entry (or, in an older file, the single
`verdict` keys) and reports it: the reasons for earlier ratings are never lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from targets.domain.model import Verdict
from targets.errors import UsageError, WriteError

from . import edits
from .write import Plan, Snapshot
from .writing import (
    Table,
    Workspace,
    WriteResult,
    checked_text,
    defining_document,
    result,
    run,
    target_table,
    validated,
)

LEGACY_KEYS = ("verdict", "verdict_note", "verdict_source")


@dataclass(frozen=True)
class NewVerdict:
    target: str
    verdict: str
    date: dt.date
    published: dt.date | None = None
    note: str | None = None
    source: str | None = None


def _entry(workspace: Workspace, verdict: NewVerdict) -> Table:
    if verdict.verdict not in {v.value for v in Verdict}:
        valid = ", ".join(v.value for v in Verdict)
        raise UsageError(f"unknown verdict {verdict.verdict!r}; valid verdicts: {valid}")
    if verdict.date > workspace.today:
        raise UsageError(f"--date {verdict.date} is in the future (today is {workspace.today})")
    if verdict.published is not None and not verdict.date <= verdict.published <= workspace.today:
        raise UsageError(
            f"--published {verdict.published} must fall between the verdict's date "
            f"({verdict.date}) and today ({workspace.today})"
        )
    entry: Table = {"date": verdict.date}
    if verdict.published is not None:
        entry["published"] = verdict.published
    entry["verdict"] = verdict.verdict
    for key, text in (("note", verdict.note), ("source", verdict.source)):
        if checked_text(text, f"--{key}"):
            entry[key] = text
    return entry


def _dated(entry: Table) -> dt.date:
    day = entry.get("date")
    return day if isinstance(day, dt.date) else dt.date.min


def set_verdict(workspace: Workspace, verdict: NewVerdict, dry_run: bool = False) -> WriteResult:
    """Add a dated verdict entry, in date order."""
    document = defining_document(workspace, verdict.target)

    def plan(snapshot: Snapshot) -> Plan:
        target = target_table(snapshot, verdict.target)
        entry = _entry(workspace, verdict)
        entries = list(target.get("verdicts", []))
        if any(e.get("date") == verdict.date for e in entries):
            raise UsageError(
                f"{verdict.target} already has a verdict on {verdict.date}; remove it first "
                f"with `targets verdict {verdict.target} --clear`, or give another --date"
            )
        text, span = snapshot.window("targets", verdict.target)
        if edits.written_inline(text, span, "verdicts"):
            raise WriteError(
                f"[targets.{verdict.target}] writes its `verdicts` inline; edit it by hand"
            )
        later = [i for i, e in enumerate(entries) if _dated(e) > verdict.date]
        position = later[0] if later else len(entries)
        edit = edits.insert_entry(
            text, span, verdict.target, "verdicts", entry, position if later else None
        )
        new = {**target, "verdicts": [*entries[:position], entry, *entries[position:]]}
        validated(workspace, verdict.target, new, references=False)
        return Plan(edit, {("targets", verdict.target): new}, {"entry": entry})

    written = run(workspace, {document.path: plan}, dry_run)
    return result(workspace, verdict.target, written, entry=written[0].plan.details["entry"])


def clear_verdict(workspace: Workspace, target_id: str, dry_run: bool = False) -> WriteResult:
    """Remove the latest verdict entry (or an older file's single verdict) and report it."""
    document = defining_document(workspace, target_id)

    def plan(snapshot: Snapshot) -> Plan:
        target = target_table(snapshot, target_id)
        entries = list(target.get("verdicts", []))
        text, span = snapshot.window("targets", target_id)
        if entries:
            if edits.written_inline(text, span, "verdicts"):
                raise WriteError(
                    f"[targets.{target_id}] writes its `verdicts` inline; edit it by hand"
                )
            index = max(range(len(entries)), key=lambda i: _dated(entries[i]))
            edit = edits.remove_entry(text, span, "verdicts", index)
            new = {**target, "verdicts": entries[:index] + entries[index + 1 :]}
            if not new["verdicts"]:
                del new["verdicts"]
            return Plan(edit, {("targets", target_id): new}, {"removed": entries[index]})
        if "verdict" not in target:
            raise UsageError(f"{target_id} has no verdict to clear")
        removed = {
            key.removeprefix("verdict_"): target[key] for key in LEGACY_KEYS if key in target
        }
        edit = edits.set_keys(text, span, dict.fromkeys(LEGACY_KEYS))
        new = {k: v for k, v in target.items() if k not in LEGACY_KEYS}
        return Plan(edit, {("targets", target_id): new}, {"removed": removed})

    written = run(workspace, {document.path: plan}, dry_run)
    return result(workspace, target_id, written, removed=written[0].plan.details["removed"])
