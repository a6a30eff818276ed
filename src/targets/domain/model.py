"""The domain: reports, targets, progress records, verdicts and the problems found in data.

No I/O here. Everything is immutable; loading builds these from parsed TOML documents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .problems import Path as Path
from .problems import Problem as Problem
from .vocab import Comparator as Comparator
from .vocab import Direction as Direction
from .vocab import Kind as Kind
from .vocab import Severity as Severity
from .vocab import Status as Status
from .vocab import Verdict as Verdict

DEFAULT_STAGES: tuple[str, ...] = ("planned", "started", "completed")
DEFAULT_TOLERANCE_SHARE = 0.10
SCHEMA_VERSION = 1


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
    """A dated observation: a value for measured kinds, a stage for milestones.

    `date` is the day the value describes (a full-year figure: the year's last day);
    `published` is the day its source published it, when known."""

    date: dt.date
    value: float | None = None
    stage: str | None = None
    note: str | None = None
    source: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True)
class VerdictEntry:
    """An editor's rating of a pledge on a day, with its own reason and evidence.

    The single `verdict` keys of older files load as one entry without a date, older than
    every dated one."""

    verdict: Verdict
    date: dt.date | None = None
    note: str | None = None
    source: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True)
class Target:
    """One pledge of a report, with its progress records and verdicts in date order."""

    id: str
    report: Report
    title: str
    kind: Kind
    category: str
    title_en: str | None = None
    quote: str | None = None
    source: str | None = None
    tags: tuple[str, ...] = ()
    comparator: Comparator | None = None
    direction: Direction = Direction.UP
    target: float | str | None = None
    unit: str | None = None
    baseline: float | None = None
    tolerance: float | None = None
    start: dt.date | None = None
    due: dt.date | None = None
    parts: tuple[str, ...] = ()
    stages: tuple[str, ...] = DEFAULT_STAGES
    verdicts: tuple[VerdictEntry, ...] = ()
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

    def verdict_on(self, day: dt.date) -> VerdictEntry | None:
        """The verdict in force on `day`: the latest entry dated on or before it."""
        current = None
        for entry in self.verdicts:
            if entry.date is None or entry.date <= day:
                current = entry
        return current


@dataclass(frozen=True)
class DataSet:
    """Every report and target of a catalog, targets in document order."""

    reports: dict[str, Report] = field(default_factory=dict)
    targets: dict[str, Target] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION
