"""The domain: reports, targets, progress records and the problems found in a data file.

No I/O here. Everything is immutable; loading builds these from a parsed TOML document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
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

    AT_LEAST = "at_least"  # 以上, 达到, 提升至
    EXCEED = "exceed"  # 突破, 超过
    ABOUT = "about"  # 左右
    AT_MOST = "at_most"  # 以内, 以下, 不超过


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


DEFAULT_STAGES: tuple[str, ...] = ("planned", "started", "completed")
DEFAULT_TOLERANCE_SHARE = 0.10
SCHEMA_VERSION = 1

Path = tuple[str | int, ...]
"""A place in the TOML document: ("targets", "licang-greenways", "progress", 0, "date")."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, with the document path it concerns."""

    severity: Severity
    path: Path
    message: str
    line: int = 0  # 1-based; 0 until located in the text
    col: int = 0


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Report:
    """One government work report: who delivered it, for which period, where it was read."""

    id: str
    district: str
    period: Period
    district_en: str | None = None
    city: str | None = None
    title: str | None = None
    session: str | None = None
    delivered: dt.date | None = None
    source: str | None = None


@dataclass(frozen=True)
class ProgressRecord:
    """A dated observation: a value for measured kinds, a stage for milestones."""

    date: dt.date
    value: float | None = None
    stage: str | None = None
    note: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Target:
    """One pledge of a report, with its progress records in date order."""

    id: str
    report: Report
    title: str
    kind: Kind
    category: str
    title_en: str | None = None
    quote: str | None = None
    tags: tuple[str, ...] = ()
    comparator: Comparator | None = None
    target: float | str | None = None
    unit: str | None = None
    baseline: float | None = None
    tolerance: float | None = None
    start: dt.date | None = None
    due: dt.date | None = None
    parts: tuple[str, ...] = ()
    stages: tuple[str, ...] = DEFAULT_STAGES
    verdict: Verdict | None = None
    verdict_note: str | None = None
    verdict_source: str | None = None
    note: str | None = None
    records: tuple[ProgressRecord, ...] = ()

    @property
    def start_date(self) -> dt.date:
        return self.start or self.report.period.start

    @property
    def due_date(self) -> dt.date:
        return self.due or self.report.period.end

    @property
    def district(self) -> str:
        return self.report.district

    @property
    def is_composite(self) -> bool:
        return bool(self.parts)


@dataclass(frozen=True)
class DataSet:
    """Everything in one data file, targets in file order."""

    reports: dict[str, Report] = field(default_factory=dict)
    targets: dict[str, Target] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION
