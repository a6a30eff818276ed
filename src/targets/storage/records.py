"""Progress records: `mark` adds one (or a batch), `unmark` removes one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from targets.domain.model import DEFAULT_STAGES, Kind
from targets.errors import UsageError, WriteError

from . import edits
from .write import Plan, PlanFor, Snapshot
from .writing import (
    Table,
    Workspace,
    WriteResult,
    checked_text,
    defining_document,
    parse_number,
    report_period,
    result,
    run,
    target_table,
    validated,
)


@dataclass(frozen=True)
class NewRecord:
    """A record to add: what `mark` is given, on the command line or in a batch file."""

    target: str
    value: str
    date: dt.date
    published: dt.date | None = None
    note: str | None = None
    source: str | None = None


def _observed(target: Table, target_id: str, value: str) -> Table:
    if target.get("parts"):
        raise UsageError(
            f"{target_id} is the sum of {', '.join(target['parts'])}; mark those instead"
        )
    kind = target.get("kind")
    if kind == Kind.QUALITATIVE.value:
        raise UsageError(f"{target_id} is qualitative; give it a verdict with `targets verdict`")
    if kind == Kind.MILESTONE.value:
        stages = target.get("stages", list(DEFAULT_STAGES))
        if value not in stages:
            raise UsageError(
                f"unknown stage {value!r} for {target_id}; valid stages: {', '.join(stages)}"
            )
        return {"stage": value}
    return {"value": parse_number(value)}


def _check_dates(workspace: Workspace, target: Table, record: NewRecord) -> None:
    today = workspace.today
    if record.date > today:
        raise UsageError(f"date {record.date} is in the future (today is {today})")
    if record.published is not None:
        if record.published > today:
            raise UsageError(f"--published {record.published} is in the future (today is {today})")
        if record.published < record.date:
            raise UsageError(
                f"--published {record.published} is before the day the value describes "
                f"({record.date}); --date is the fact's day, --published when it appeared"
            )
    start, _ = report_period(workspace, target)
    if start and record.date < start:
        raise UsageError(f"date {record.date} is before the target's start {start}")


def _fields(record: NewRecord, observed: Table) -> Table:
    fields: Table = {"date": record.date}
    if record.published is not None:
        fields["published"] = record.published
    fields.update(observed)
    for key, text in (("note", record.note), ("source", record.source)):
        if checked_text(text, f"--{key}"):
            fields[key] = text
    return fields


def _dated(entry: Table) -> dt.date:
    day = entry.get("date")
    return day if isinstance(day, dt.date) else dt.date.min


def _add_record(
    workspace: Workspace, target: Table, text: str, span: edits.Span, record: NewRecord
) -> tuple[edits.Edit, Table, Table]:
    """The edit adding one record to the target `span` holds in `text`, the target's table
    after it, and the record's fields."""
    fields = _fields(record, _observed(target, record.target, record.value))
    _check_dates(workspace, target, record)
    records = list(target.get("progress", []))
    if any(r.get("date") == record.date for r in records):
        raise UsageError(
            f"{record.target} already has a record on {record.date}; remove it first with "
            f"`targets unmark {record.target} --date {record.date}`"
        )
    if edits.written_inline(text, span, "progress"):
        raise WriteError(
            f"[targets.{record.target}] writes its `progress` inline; write each record as a "
            f"[[targets.{record.target}.progress]] table so that `targets mark` can add one"
        )
    later = [i for i, r in enumerate(records) if _dated(r) > record.date]
    position = later[0] if later else len(records)
    edit = edits.insert_entry(
        text, span, record.target, "progress", fields, position if later else None
    )
    new = {**target, "progress": [*records[:position], fields, *records[position:]]}
    validated(workspace, record.target, new, references=False)
    return edit, new, fields


def mark(workspace: Workspace, record: NewRecord, dry_run: bool = False) -> WriteResult:
    """Add a progress record, in date order."""
    document = defining_document(workspace, record.target)

    def plan(snapshot: Snapshot) -> Plan:
        target = target_table(snapshot, record.target)
        text, span = snapshot.window("targets", record.target)
        edit, new, fields = _add_record(workspace, target, text, span, record)
        return Plan(edit, {("targets", record.target): new}, {"fields": fields})

    written = run(workspace, {document.path: plan}, dry_run)
    return result(workspace, record.target, written, fields=written[0].plan.details["fields"])


def _batch_plan(workspace: Workspace, batch: list[NewRecord]) -> PlanFor:
    def plan(snapshot: Snapshot) -> Plan:
        text = snapshot.text
        changes: dict[tuple[str, str], Table] = {}
        for record in batch:
            key = ("targets", record.target)
            target = changes.get(key) or target_table(snapshot, record.target)
            span = edits.exact_region(text, *key)
            if span is None:
                raise WriteError(f"[targets.{record.target}] is not written as a table of its own")
            edit, changes[key], _ = _add_record(workspace, target, text, span, record)
            text = edit.text
        return Plan(edits.Edit(text, 0, "", text), changes, {})  # checked whole

    return plan


def mark_many(
    workspace: Workspace, records: Sequence[NewRecord], dry_run: bool = False
) -> WriteResult:
    """Add every record, or none: checked as a whole, written through the same verified write."""
    if not records:
        raise UsageError("no records to add")
    by_document: dict[Path, list[NewRecord]] = {}
    for record in records:
        by_document.setdefault(defining_document(workspace, record.target).path, []).append(record)
    plans = {path: _batch_plan(workspace, batch) for path, batch in by_document.items()}
    written = run(workspace, plans, dry_run)
    return result(workspace, None, written, count=len(records))


def unmark(
    workspace: Workspace, target_id: str, day: dt.date | None, dry_run: bool = False
) -> WriteResult:
    """Remove the latest record, or the one dated `day`."""
    document = defining_document(workspace, target_id)

    def plan(snapshot: Snapshot) -> Plan:
        target = target_table(snapshot, target_id)
        records = list(target.get("progress", []))
        if not records:
            raise UsageError(f"{target_id} has no progress records to remove")
        if day is None:
            index = max(range(len(records)), key=lambda i: _dated(records[i]))
        else:
            matches = [i for i, r in enumerate(records) if r.get("date") == day]
            if not matches:
                dates = ", ".join(str(r.get("date")) for r in records)
                raise UsageError(
                    f"{target_id} has no record on {day}; its records are dated {dates}"
                )
            index = matches[0]
        text, span = snapshot.window("targets", target_id)
        if edits.written_inline(text, span, "progress"):
            raise WriteError(
                f"[targets.{target_id}] writes its `progress` inline; remove the record by hand "
                "(`targets edit`)"
            )
        edit = edits.remove_entry(text, span, "progress", index)
        new = {**target, "progress": records[:index] + records[index + 1 :]}
        if not new["progress"]:
            del new["progress"]
        return Plan(edit, {("targets", target_id): new}, {"removed": records[index]})

    written = run(workspace, {document.path: plan}, dry_run)
    return result(workspace, target_id, written, removed=written[0].plan.details["removed"])
