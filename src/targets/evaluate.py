"""Progress, expected pace and status of a target at a date. Pure: the date is passed in.

The rules are those of DESIGN section 2, with these readings where it is silent:
- a growth rate describes the whole period, so before the due date a rate that meets the
  target is `on_track` (not yet `achieved`), and after it a rate published late still counts
  as `achieved`: full-year figures always appear after the year ends;
- a level with no `baseline` has no pace to follow, so it is judged like a growth rate;
- a composite's value on a day is the sum of its parts' latest values on that day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import (
    DEFAULT_TOLERANCE_SHARE,
    Comparator,
    DataSet,
    Kind,
    Status,
    Target,
    Verdict,
)

SLACK = 0.10
Observation = tuple[dt.date, float | str]

_FAILED_VERDICT_CONFLICTS = {Status.ACHIEVED, Status.ACHIEVED_LATE}
_KEPT_VERDICT_CONFLICTS = {Status.MISSED}


@dataclass(frozen=True)
class Evaluation:
    """A target's standing on `day`."""

    target: Target
    day: dt.date
    current: float | str | None
    as_of: dt.date | None
    progress: float | None
    expected: float | None
    status: Status
    conflict: bool
    series: tuple[Observation, ...] = ()  # what the status was computed from, oldest first

    @property
    def id(self) -> str:
        return self.target.id


def observations(target: Target, data: DataSet, day: dt.date) -> list[Observation]:
    """The target's recorded values (or stages) dated on or before `day`, oldest first."""
    if target.is_composite:
        return _composite_observations(target, data, day)
    series: list[Observation] = []
    for record in target.records:
        if record.date <= day:
            observed = record.stage if record.stage is not None else record.value
            if observed is not None:
                series.append((record.date, observed))
    return series


def _composite_observations(target: Target, data: DataSet, day: dt.date) -> list[Observation]:
    latest: dict[str, float] = {}
    changes: dict[dt.date, dict[str, float]] = {}
    for part_id in target.parts:
        for record in data.targets[part_id].records:
            if record.date <= day and record.value is not None:
                changes.setdefault(record.date, {})[part_id] = record.value
    series: list[Observation] = []
    for date in sorted(changes):
        latest.update(changes[date])
        series.append((date, sum(latest.values())))
    return series


def stage_index(target: Target, stage: str) -> int:
    """Position of a stage in the milestone's stages."""
    return target.stages.index(stage)


def meets(target: Target, value: float | str) -> bool:
    """Whether `value` fulfils the target under its comparator (or stage order)."""
    if target.kind is Kind.MILESTONE:
        return (
            isinstance(value, str)
            and isinstance(target.target, str)
            and (stage_index(target, value) >= stage_index(target, target.target))
        )
    if isinstance(value, str) or not isinstance(target.target, float):
        return False
    goal = target.target
    if target.comparator is Comparator.EXCEED:
        return value > goal
    if target.comparator is Comparator.AT_MOST:
        return value <= goal
    if target.comparator is Comparator.ABOUT:
        tolerance = (
            target.tolerance
            if target.tolerance is not None
            else abs(goal) * DEFAULT_TOLERANCE_SHARE
        )
        return abs(value - goal) <= tolerance
    return value >= goal


def progress(target: Target, value: float | str) -> float | None:
    """Share of the way from baseline to target; 1.0 means there, above 1.0 beyond."""
    if target.kind is Kind.MILESTONE:
        if not isinstance(value, str) or not isinstance(target.target, str):
            return None
        goal = stage_index(target, target.target)
        return stage_index(target, value) / goal if goal else float(meets(target, value))
    if isinstance(value, str) or not isinstance(target.target, float):
        return None
    baseline = target.baseline or 0.0
    span = target.target - baseline
    is_cap = target.comparator is Comparator.AT_MOST and span >= 0
    if span == 0 or is_cap:
        return float(meets(target, value))
    return (value - baseline) / span


def expected(target: Target, day: dt.date) -> float | None:
    """Share of the target's period elapsed by the end of `day`; None where pace means nothing."""
    if target.kind in (Kind.GROWTH, Kind.QUALITATIVE) or _judged_directly(target):
        return None
    start, due = target.start_date, target.due_date
    length = (due - start).days + 1
    elapsed = (day - start).days + 1
    return min(1.0, max(0.0, elapsed / length))


def _judged_directly(target: Target) -> bool:
    return target.kind is Kind.GROWTH or (target.kind is Kind.LEVEL and target.baseline is None)


def _status(target: Target, series: list[Observation], day: dt.date) -> Status:
    if target.kind is Kind.QUALITATIVE:
        return Status.UNMEASURED
    due = target.due_date
    if not series:
        return Status.NOT_STARTED if day <= due else Status.OVERDUE
    latest = series[-1][1]
    if day <= due:
        if meets(target, latest):
            return Status.ON_TRACK if target.kind is Kind.GROWTH else Status.ACHIEVED
        if _judged_directly(target):
            return Status.BEHIND
        share, pace = progress(target, latest), expected(target, day)
        on_pace = share is not None and pace is not None and share >= pace - SLACK
        return Status.ON_TRACK if on_pace else Status.BEHIND
    by_due = [value for date, value in series if date <= due]
    if by_due and meets(target, by_due[-1]):
        return Status.ACHIEVED
    if meets(target, latest):
        return Status.ACHIEVED if target.kind is Kind.GROWTH else Status.ACHIEVED_LATE
    return Status.MISSED


def conflicts(verdict: Verdict | None, status: Status) -> bool:
    """Whether an editor's verdict contradicts the computed status."""
    if verdict is Verdict.KEPT:
        return status in _KEPT_VERDICT_CONFLICTS
    if verdict in (Verdict.BROKEN, Verdict.DROPPED, Verdict.STALLED):
        return status in _FAILED_VERDICT_CONFLICTS
    return False


def evaluate(target: Target, data: DataSet, day: dt.date) -> Evaluation:
    """The target's standing on `day`, counting only records dated on or before it."""
    series = observations(target, data, day)
    status = _status(target, series, day)
    latest = series[-1] if series else None
    return Evaluation(
        target=target,
        day=day,
        current=latest[1] if latest else None,
        as_of=latest[0] if latest else None,
        progress=progress(target, latest[1]) if latest else None,
        expected=expected(target, day),
        status=status,
        conflict=conflicts(target.verdict, status),
        series=tuple(series),
    )


def evaluate_all(data: DataSet, day: dt.date) -> list[Evaluation]:
    """Every target's standing on `day`, in file order."""
    return [evaluate(target, data, day) for target in data.targets.values()]
