"""The domain: reports, targets, progress records and the problems found in a data file.

No I/O here. Everything is immutable; loading builds these from a parsed TOML document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .vocab import Comparator as Comparator
from .vocab import Kind as Kind
from .vocab import Severity as Severity
from .vocab import Status as Status
from .vocab import Verdict as Verdict

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
