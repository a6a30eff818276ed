"""Rules on what a target means: what each kind needs, directions, stages and dates."""

from __future__ import annotations

import datetime as dt

from targets.domain.model import Comparator, Direction, Kind, Path, Problem

from .tables import (
    Table,
    error,
    is_date,
    is_number,
    records_of,
    reports_of,
    stages_of,
    targets_of,
    text,
    verdicts_of,
    warning,
)

MEASURED_KINDS = {Kind.COUNT.value, Kind.LEVEL.value, Kind.GROWTH.value}
_DOWNWARD = {Comparator.AT_MOST.value}
_UPWARD = {Comparator.AT_LEAST.value, Comparator.EXCEED.value}


def _kind_problems(path: Path, target: Table) -> list[Problem]:
    kind = text(target.get("kind"))
    problems = []
    if kind in MEASURED_KINDS:
        problems += [
            error(path, f"a {kind} target needs `{key}`")
            for key in ("comparator", "target", "unit")
            if key not in target
        ]
        if "target" in target and not is_number(target["target"]):
            problems.append(
                error((*path, "target"), f"a {kind} target's `target` must be a number")
            )
    if kind == Kind.MILESTONE.value and not isinstance(target.get("target"), str):
        problems.append(error(path, "a milestone needs `target`: the stage that fulfils it"))
    if kind == Kind.QUALITATIVE.value:
        problems += [
            error((*path, key), f"a qualitative target has no `{key}`; give it a verdict")
            for key in ("target", "comparator", "progress", "direction")
            if key in target
        ]
    if "direction" in target and kind == Kind.MILESTONE.value:
        problems.append(error((*path, "direction"), "a milestone has no `direction`"))
    if "stages" in target and kind != Kind.MILESTONE.value:
        problems.append(error((*path, "stages"), "only a milestone has `stages`"))
    if "tolerance" in target and text(target.get("comparator")) != Comparator.ABOUT.value:
        problems.append(
            error((*path, "tolerance"), '`tolerance` applies only to comparator = "about"')
        )
    tolerance = target.get("tolerance")
    if is_number(tolerance) and tolerance < 0:
        problems.append(error((*path, "tolerance"), "`tolerance` must not be negative"))
    return problems


def rule_kind_fields(doc: Table) -> list[Problem]:
    problems = []
    for tid, target in targets_of(doc):
        problems += _kind_problems(("targets", tid), target)
    return problems


def rule_direction(doc: Table) -> list[Problem]:
    """`at_least` and `exceed` mean more is better, `at_most` less: the direction must agree."""
    problems = []
    for tid, target in targets_of(doc):
        comparator, direction = text(target.get("comparator")), text(target.get("direction"))
        if direction == Direction.DOWN.value and comparator in _UPWARD:
            problems.append(
                error(
                    ("targets", tid, "direction"),
                    f'comparator "{comparator}" means more is better; '
                    'use direction = "up" or comparator "at_most" or "about"',
                )
            )
        if direction == Direction.UP.value and comparator in _DOWNWARD:
            problems.append(
                error(
                    ("targets", tid, "direction"),
                    'comparator "at_most" means less is better; use direction = "down"',
                )
            )
    return problems


def rule_composites(doc: Table) -> list[Problem]:
    """A composite is a count that sums its parts, and has no records of its own."""
    problems = []
    for tid, target in targets_of(doc):
        parts = target.get("parts")
        if not isinstance(parts, list) or not parts:
            continue
        if text(target.get("kind")) != Kind.COUNT.value:
            problems.append(
                error(("targets", tid, "parts"), "only a count target can have `parts`")
            )
        if target.get("progress"):
            problems.append(
                error(
                    ("targets", tid, "progress"),
                    "a composite target sums its parts; mark the parts instead",
                )
            )
    return problems


def _record_shape(path: Path, kind: str | None, record: Table, stages: list[str]) -> list[Problem]:
    if kind == Kind.MILESTONE.value:
        if "value" in record:
            return [error((*path, "value"), "a milestone's record takes `stage`, not `value`")]
        if "stage" not in record:
            return [error(path, f"a milestone's record needs `stage`: one of {', '.join(stages)}")]
        stage = text(record.get("stage"))
        if stage is not None and stage not in stages:
            return [
                error((*path, "stage"), f"unknown stage {stage!r}; use one of: {', '.join(stages)}")
            ]
        return []
    if kind in MEASURED_KINDS:
        if "stage" in record:
            return [error((*path, "stage"), f"a {kind} target's record takes `value`, not `stage`")]
        if "value" not in record:
            return [error(path, "a progress record needs `value`")]
    return []


def rule_stages(doc: Table) -> list[Problem]:
    problems = []
    for tid, target in targets_of(doc):
        path = ("targets", tid)
        stages = stages_of(target)
        if len(set(stages)) != len(stages) or not stages:
            problems.append(
                error((*path, "stages"), "`stages` must be a non-empty list of distinct names")
            )
        goal = text(target.get("target"))
        if (
            text(target.get("kind")) == Kind.MILESTONE.value
            and goal is not None
            and goal not in stages
        ):
            problems.append(
                error((*path, "target"), f"stage {goal!r} is not one of: {', '.join(stages)}")
            )
        for index, record in records_of(target):
            problems += _record_shape(
                (*path, "progress", index), text(target.get("kind")), record, stages
            )
    return problems


def rule_periods(doc: Table) -> list[Problem]:
    problems = []
    for rid, report in reports_of(doc):
        period = report.get("period")
        if isinstance(period, dict):
            start, end = period.get("start"), period.get("end")
            if is_date(start) and is_date(end) and start > end:
                problems.append(
                    error(("reports", rid, "period"), f"period starts {start} after it ends {end}")
                )
    for tid, target in targets_of(doc):
        start, due = target.get("start"), target.get("due")
        if is_date(start) and is_date(due) and start > due:
            problems.append(error(("targets", tid), f"starts {start} after it is due {due}"))
    return problems


def _dated_entries(path: Path, entries: list[tuple[int, Table]], what: str) -> list[Problem]:
    """Entries in date order, one per day, none published before the day it describes."""
    problems = []
    previous: dt.date | None = None
    for index, entry in entries:
        day, published = entry.get("date"), entry.get("published")
        where = (*path, index)
        if is_date(day) and is_date(published) and published < day:
            problems.append(
                error(
                    (*where, "published"),
                    f"published {published}, before the day it reports ({day}); "
                    "`date` is the day the fact describes, `published` when it appeared",
                )
            )
        if not is_date(day):
            continue
        if previous and day == previous:
            problems.append(
                error((*where, "date"), f"a second {what} on {day}; merge the two or remove one")
            )
        elif previous and day < previous:
            problems.append(
                error(
                    (*where, "date"),
                    f"{what} dated {day} comes after one dated {previous}; "
                    f"keep {what}s in date order",
                )
            )
        previous = day
    return problems


def rule_entry_dates(doc: Table) -> list[Problem]:
    problems = []
    for tid, target in targets_of(doc):
        problems += _dated_entries(("targets", tid, "progress"), list(records_of(target)), "record")
        problems += _dated_entries(
            ("targets", tid, "verdicts"), list(verdicts_of(target)), "verdict"
        )
    return problems


def rule_sources(doc: Table) -> list[Problem]:
    problems = []
    for tid, target in targets_of(doc):
        for index, record in records_of(target):
            if not record.get("source"):
                problems.append(
                    warning(
                        ("targets", tid, "progress", index),
                        "record has no `source`; cite where it was published",
                    )
                )
        if target.get("verdict") and not target.get("verdict_source"):
            problems.append(warning(("targets", tid, "verdict"), "verdict has no `verdict_source`"))
        for index, entry in verdicts_of(target):
            if not entry.get("source"):
                problems.append(
                    warning(("targets", tid, "verdicts", index), "verdict has no `source`")
                )
        if not target.get("quote"):
            problems.append(warning(("targets", tid), "target has no `quote` from its report"))
    return problems


MEANING_RULES = (
    rule_kind_fields,
    rule_composites,
    rule_direction,
    rule_stages,
    rule_periods,
    rule_entry_dates,
    rule_sources,
)
