"""The write commands' core: check the input, build the edit, hand it to the store.

Each function refuses bad input with a UsageError before anything is written, and checks
the changed target against the same rules as `targets check`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import edits
from .errors import UsageError, WriteError, unknown_target
from .load import build_dataset
from .model import DEFAULT_STAGES, SCHEMA_VERSION, DataSet, Kind, Severity, Target, Verdict
from .rules import SLUG, run_rules
from .store import Plan, Snapshot, replace_file, write_change

_HEADER_ID = re.compile(r"(?m)^[ \t]*\[[ \t]*targets\.([A-Za-z0-9_-]+)[ \t]*\]")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_INT64 = 2**63


@dataclass(frozen=True)
class WriteResult:
    """What a write did: the text it added or removed, and the target as it now stands
    (in a data set holding it, its report and its parts, enough to evaluate it)."""

    target: Target
    data: DataSet
    added: str = ""
    removed: dict[str, Any] | None = None
    dry_run: bool = False


# -- input checks -------------------------------------------------------------------------


def _target_of(snap: Snapshot, target_id: str) -> dict[str, Any]:
    """The target's table as written; UnknownTarget (with suggestions) if there is none."""
    found = snap.table("targets", target_id)
    if found is None:
        raise unknown_target(target_id, _HEADER_ID.findall(snap.text))
    return found


def parse_number(text: str) -> int | float:
    """A finite number written plainly (7, 7.5, -3, 1e4); no NaN, infinity, commas or units."""
    cleaned = text.strip()
    if not _NUMBER.match(cleaned):
        raise UsageError(f"value {text!r} is not a number; write it like 7 or 7.5, without units")
    if re.fullmatch(r"[+-]?\d+", cleaned):
        number = int(cleaned)
        if not -_INT64 <= number < _INT64:
            raise UsageError(f"value {text!r} is too large")
        return number
    value = float(cleaned)
    if not math.isfinite(value):
        raise UsageError(f"value {text!r} is too large")
    return value


def checked_text(text: str | None, what: str) -> str | None:
    """Free text as given, refused only if it cannot be stored as UTF-8."""
    if text is None:
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(f"{what} contains characters that are not valid text") from None
    return text


def _record_value(target: dict[str, Any], target_id: str, value: str) -> dict[str, Any]:
    kind = target.get("kind")
    if target.get("parts"):
        parts = ", ".join(target["parts"])
        raise UsageError(f"{target_id} is the sum of {parts}; mark those instead")
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


def _check_day(day: dt.date, today: dt.date, start: dt.date | None) -> None:
    if day > today:
        raise UsageError(f"date {day} is in the future (today is {today})")
    if start and day < start:
        raise UsageError(f"date {day} is before the target's start {start}")


def _start_of(snap: Snapshot, target: dict[str, Any]) -> dt.date | None:
    start = target.get("start")
    if isinstance(start, dt.date):
        return start
    report = snap.table("reports", str(target.get("report"))) or {}
    period = report.get("period", {})
    found = period.get("start") if isinstance(period, dict) else None
    return found if isinstance(found, dt.date) else None


def _neighbourhood(snap: Snapshot, target_id: str, target: dict[str, Any]) -> dict[str, Any]:
    """A small document: the target as it will be, its report and its parts. Enough to run
    every rule on the target and to evaluate it."""
    report_id = str(target.get("report"))
    report = snap.table("reports", report_id)
    parts = {p: snap.table("targets", p) for p in target.get("parts", []) if isinstance(p, str)}
    return {
        "schema_version": SCHEMA_VERSION,
        "reports": {report_id: report} if report is not None else {},
        "targets": {**{p: t for p, t in parts.items() if t is not None}, target_id: target},
    }


def _validated(document: dict[str, Any], today: dt.date) -> None:
    """Run every rule on a small document; refuse the change on the first error."""
    errors = [p for p in run_rules(document, today) if p.severity is Severity.ERROR]
    if errors:
        raise UsageError(f"refused: {errors[0].message}")


def _planned(
    snap: Snapshot,
    target_id: str,
    new: dict[str, Any],
    edit: edits.Edit,
    today: dt.date,
    **details: Any,
) -> Plan:
    document = _neighbourhood(snap, target_id, new)
    _validated(document, today)
    return Plan(edit, ("targets", target_id), new, {**details, "document": document})


def _after(plan: Plan, target_id: str, **details: Any) -> WriteResult:
    data = build_dataset(plan.details["document"])
    return WriteResult(data.targets[target_id], data, **details)


# -- commands -----------------------------------------------------------------------------


def mark(
    path: Path,
    target_id: str,
    value: str,
    day: dt.date,
    today: dt.date,
    note: str | None = None,
    source: str | None = None,
    dry_run: bool = False,
) -> WriteResult:
    """Add a progress record, in date order."""

    def plan(snap: Snapshot) -> Plan:
        target = _target_of(snap, target_id)
        fields: dict[str, Any] = {"date": day, **_record_value(target, target_id, value)}
        for key, text in (("note", note), ("source", source)):
            if checked_text(text, key):
                fields[key] = text
        _check_day(day, today, _start_of(snap, target))
        records = target.get("progress", [])
        if any(r.get("date") == day for r in records):
            raise UsageError(
                f"{target_id} already has a record on {day}; "
                f"remove it first with `targets unmark {target_id} --date {day}`"
            )
        later = [i for i, r in enumerate(records) if _date(r) > day]
        position = later[0] if later else len(records)
        span = snap.span("targets", target_id)
        edit = edits.insert_record(snap.text, span, target_id, fields, position if later else None)
        new = {**target, "progress": [*records[:position], fields, *records[position:]]}
        return _planned(snap, target_id, new, edit, today, fields=fields)

    done = write_change(path, plan, dry_run)
    added = edits.table_text(f"[[targets.{target_id}.progress]]", done.details["fields"], "\n")
    return _after(done, target_id, added=added, dry_run=dry_run)


def _date(record: dict[str, Any]) -> dt.date:
    day = record.get("date")
    return day if isinstance(day, dt.date) else dt.date.min


def unmark(path: Path, target_id: str, day: dt.date | None, today: dt.date) -> WriteResult:
    """Remove the latest record, or the one dated `day`."""

    def plan(snap: Snapshot) -> Plan:
        target = _target_of(snap, target_id)
        records = target.get("progress", [])
        if not records:
            raise UsageError(f"{target_id} has no progress records to remove")
        if day is None:
            index = max(range(len(records)), key=lambda i: _date(records[i]))
        else:
            matches = [i for i, r in enumerate(records) if r.get("date") == day]
            if not matches:
                dates = ", ".join(str(r.get("date")) for r in records)
                raise UsageError(
                    f"{target_id} has no record on {day}; its records are dated {dates}"
                )
            index = matches[0]
        edit = edits.remove_record(snap.text, snap.span("targets", target_id), index)
        kept = records[:index] + records[index + 1 :]
        new = {k: v for k, v in target.items() if k != "progress"}
        if kept:
            new["progress"] = kept
        return _planned(snap, target_id, new, edit, today, removed=records[index])

    done = write_change(path, plan)
    return _after(done, target_id, removed=done.details["removed"])


def verdict(
    path: Path,
    target_id: str,
    rating: str | None,
    today: dt.date,
    note: str | None = None,
    source: str | None = None,
) -> WriteResult:
    """Set an editor's verdict (with optional note and source), or clear it with rating None."""
    if rating is not None and rating not in {v.value for v in Verdict}:
        valid = ", ".join(v.value for v in Verdict)
        raise UsageError(f"unknown verdict {rating!r}; valid verdicts: {valid}")
    # A verdict comes with its own note and source: a new verdict replaces all three.
    values: dict[str, Any] = {
        "verdict": rating,
        "verdict_note": checked_text(note, "note") or None if rating else None,
        "verdict_source": checked_text(source, "source") or None if rating else None,
    }

    def plan(snap: Snapshot) -> Plan:
        target = _target_of(snap, target_id)
        edit = edits.set_keys(snap.text, snap.span("targets", target_id), values)
        new = {k: v for k, v in target.items() if k not in values}
        new.update({k: v for k, v in values.items() if v is not None})
        return _planned(snap, target_id, new, edit, today)

    return _after(write_change(path, plan), target_id)


def add(path: Path, target_id: str, fields: dict[str, Any], today: dt.date) -> WriteResult:
    """Add a new [targets.ID] table at the end of the file."""
    if not SLUG.match(target_id):
        raise UsageError(
            f"id {target_id!r} is not a slug; use lowercase letters, digits and hyphens"
        )
    fields = {key: value for key, value in fields.items() if value not in (None, [], "")}

    def plan(snap: Snapshot) -> Plan:
        if target_id in snap.document.get("targets", {}):
            raise UsageError(f"target {target_id!r} already exists; choose another id")
        edit = edits.append_target(snap.text, target_id, fields)
        return _planned(snap, target_id, dict(fields), edit, today)

    return _after(write_change(path, plan), target_id)


def init(source: Path, destination: Path, force: bool = False) -> None:
    """Copy the bundled data file to a writable place."""
    if destination.exists() and not force:
        raise UsageError(f"{destination} already exists; pass --force to overwrite it")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise WriteError(f"cannot read the bundled data {source}: {exc.strerror}") from None
    if not destination.parent.is_dir():
        raise WriteError(f"folder {destination.parent} does not exist")
    replace_file(destination, data.decode("utf-8"))
