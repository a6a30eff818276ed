"""Progress, expected pace and status of a target at a date. Pure: the date is passed in.

The rules are the README's (section Status). Where it could go either way:
- a target's `direction` says whether more (up) or less (down) is better, and `about` leans
  with it: up is met at target − tolerance or more, however far beyond; down at
  target + tolerance or less;
- rates (growth, a level without a baseline) and caps (less is better, no baseline above the
  target) have no linear pace: before the due date not met is `behind`; met is `achieved` for
  a level, but only `on_track` for a rate or a cap, which may still fall or be broken;
  a record dated on or after the due date is final;
- a record's `date` is the day its value describes; when it was published does not change
  the status (a full-year figure is dated the year's last day, published in January);
- a composite's value on a day is the sum of its parts' latest values on that day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import (
    DEFAULT_TOLERANCE_SHARE,
    Comparator,
    DataSet,
    Direction,
    Kind,
    Status,
    Target,
    Verdict,
    VerdictEntry,
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
    as_of: dt.date | None  # the date of the latest observation counted
    progress: float | None
    expected: float | None
    margin: float | None  # current − target, in the target's unit
    status: Status
    verdict: VerdictEntry | None
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


def tolerance(target: Target) -> float:
    """How far from the target `about` allows: `tolerance`, else 10% of the target."""
    goal = target.target if isinstance(target.target, float) else 0.0
    return target.tolerance if target.tolerance is not None else abs(goal) * DEFAULT_TOLERANCE_SHARE


def meets(target: Target, value: float | str) -> bool:
    """Whether `value` fulfils the target under its comparator and direction (or stage order)."""
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
        if target.direction is Direction.DOWN:
            return value <= goal + tolerance(target)
        return value >= goal - tolerance(target)
    return value >= goal


def progress(target: Target, value: float | str) -> float | None:
    """How far along: 1.0 means there, above 1.0 beyond. From the baseline to the target
    when there is a baseline; for a down target without one, 1.0 when met, else the share the
    target is of the value (CPI 3.5 against 3: 0.86)."""
    if target.kind is Kind.MILESTONE:
        if not isinstance(value, str) or not isinstance(target.target, str):
            return None
        stage = stage_index(target, target.target)
        return stage_index(target, value) / stage if stage else float(meets(target, value))
    if isinstance(value, str) or not isinstance(target.target, float):
        return None
    goal = target.target
    if target.direction is Direction.DOWN and target.baseline is None and goal >= 0:
        if meets(target, value) or value <= 0:
            return 1.0 if meets(target, value) else 0.0
        return goal / value
    baseline = target.baseline or 0.0
    span = goal - baseline
    going_up = target.direction is Direction.UP
    if span == 0 or (span > 0) != going_up:  # a cap, or a target behind its baseline
        return float(meets(target, value))
    return (value - baseline) / span


def margin(target: Target, value: float | str | None) -> float | None:
    """By how much the value beats (positive for up) or falls short of the target."""
    if isinstance(value, (int, float)) and isinstance(target.target, float):
        return value - target.target
    return None


def _paced(target: Target) -> bool:
    """Whether a share of the period elapsed means a share of the way: milestones, counts,
    and levels moving from a baseline toward the target; not rates, not levels without a
    baseline, and not caps (less is better, and the baseline is already under the target)."""
    if target.kind in (Kind.GROWTH, Kind.QUALITATIVE):
        return False
    if target.kind is Kind.MILESTONE:
        return True
    if target.direction is Direction.DOWN:
        goal = target.target if isinstance(target.target, float) else None
        return target.baseline is not None and goal is not None and target.baseline > goal
    return target.kind is Kind.COUNT or target.baseline is not None


def _final_only(target: Target) -> bool:
    """Whether meeting the target before its due date only means being on track: a rate may
    still fall, and a cap may still be broken."""
    return target.kind is Kind.GROWTH or (target.direction is Direction.DOWN and not _paced(target))


def expected(target: Target, day: dt.date) -> float | None:
    """Share of the target's period elapsed by the end of `day`; None where pace means nothing."""
    if not _paced(target):
        return None
    start, due = target.start_date, target.due_date
    length = (due - start).days + 1
    elapsed = (day - start).days + 1
    return min(1.0, max(0.0, elapsed / length))


def _status(target: Target, series: list[Observation], day: dt.date) -> Status:
    if target.kind is Kind.QUALITATIVE:
        return Status.UNMEASURED
    due = target.due_date
    if not series:
        return Status.NOT_STARTED if day <= due else Status.OVERDUE
    latest_date, latest = series[-1]
    if day <= due and latest_date < due:
        if meets(target, latest):
            return Status.ON_TRACK if _final_only(target) else Status.ACHIEVED
        if not _paced(target):
            return Status.BEHIND
        share, pace = progress(target, latest), expected(target, day)
        on_pace = share is not None and pace is not None and share >= pace - SLACK
        return Status.ON_TRACK if on_pace else Status.BEHIND
    by_due = [value for date, value in series if date <= due]
    if by_due and meets(target, by_due[-1]):
        return Status.ACHIEVED
    if meets(target, latest):
        return Status.ACHIEVED_LATE
    return Status.MISSED


def conflicts(verdict: Verdict | None, status: Status) -> bool:
    """Whether an editor's verdict contradicts the computed status."""
    if verdict is Verdict.KEPT:
        return status in _KEPT_VERDICT_CONFLICTS
    if verdict in (Verdict.BROKEN, Verdict.DROPPED, Verdict.STALLED):
        return status in _FAILED_VERDICT_CONFLICTS
    return False


def evaluate(target: Target, data: DataSet, day: dt.date) -> Evaluation:
    """The target's standing on `day`, counting only records and verdicts dated on or before it."""
    series = observations(target, data, day)
    status = _status(target, series, day)
    latest = series[-1] if series else None
    verdict = target.verdict_on(day)
    return Evaluation(
        target=target,
        day=day,
        current=latest[1] if latest else None,
        as_of=latest[0] if latest else None,
        progress=progress(target, latest[1]) if latest else None,
        expected=expected(target, day),
        margin=margin(target, latest[1]) if latest else None,
        status=status,
        verdict=verdict,
        conflict=conflicts(verdict.verdict if verdict else None, status),
        series=tuple(series),
    )


def evaluate_all(data: DataSet, day: dt.date) -> list[Evaluation]:
    """Every target's standing on `day`, in document order."""
    return [evaluate(target, data, day) for target in data.targets.values()]
