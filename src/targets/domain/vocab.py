"""The words of the domain: kinds, comparators, directions, statuses, verdicts, severities.

Kept apart from `model` so that code needing only these names (filters, the list fast path)
does not pay for building the model's dataclasses at start-up.
"""

from __future__ import annotations

from enum import Enum


class Kind(str, Enum):
    """What sort of pledge a target is, which decides how its progress is measured."""

    COUNT = "count"
    LEVEL = "level"
    GROWTH = "growth"
    MILESTONE = "milestone"
    QUALITATIVE = "qualitative"


class Comparator(str, Enum):
    """How the reported value is compared with the target, from the report's own wording."""

    AT_LEAST = "at_least"  # 以上, 达到, 不低于, 提升至, a bare amount
    EXCEED = "exceed"  # 突破, 超过
    ABOUT = "about"  # 左右, 约
    AT_MOST = "at_most"  # 以内, 以下, 不超过, 控制在


class Direction(str, Enum):
    """Which way is better for a measured target: more (up) or less (down)."""

    UP = "up"  # jobs, parks, revenue, growth
    DOWN = "down"  # CPI, unemployment, energy use per unit of GDP


class Status(str, Enum):
    """Where a target stands at a date."""

    ACHIEVED = "achieved"
    ACHIEVED_LATE = "achieved_late"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NOT_STARTED = "not_started"
    MISSED = "missed"
    OVERDUE = "overdue"
    UNMEASURED = "unmeasured"


class Verdict(str, Enum):
    """An editor's rating of a pledge, independent of the computed status."""

    KEPT = "kept"
    PARTLY_KEPT = "partly_kept"
    BROKEN = "broken"
    STALLED = "stalled"
    DROPPED = "dropped"


class Severity(str, Enum):
    """Errors make a file invalid; warnings are advice."""

    ERROR = "error"
    WARNING = "warning"
