"""What changed: the records and verdicts dated in a window (`log`), and the targets whose
status differs between two days (`diff`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from .model import DataSet
from .rows import TargetRow, plain_number


@dataclass(frozen=True, slots=True)
class LogEntry:
    """A record or a verdict, with the target it belongs to."""

    date: str
    published: str | None
    event: str  # "record" | "verdict"
    target: str
    title: str
    value: float | int | None
    stage: str | None
    verdict: str | None
    note: str | None
    source: str | None
    district: str
    title_en: str | None

    def get(self, field: str) -> Any:
        return getattr(self, field)

    @property
    def result(self) -> float | int | str | None:
        """What the entry says: a record's value or stage, or the verdict (for tables)."""
        return self.value if self.value is not None else (self.stage or self.verdict)


LOG_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(LogEntry))
LOG_TABLE_FIELDS = ("date", "event", "target", "title", "result", "note")
LOG_LAYOUT = {
    "keep": ("date", "target", "title"),
    "drop": ("source", "published", "note", "result", "event"),
    "cut": ("note", "source"),
}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _in(day: dt.date | None, since: dt.date | None, until: dt.date | None) -> bool:
    return day is not None and (since is None or day >= since) and (until is None or day <= until)


def log(
    data: DataSet,
    target_ids: Iterable[str],
    since: dt.date | None,
    until: dt.date | None,
    by_published: bool = False,
) -> list[LogEntry]:
    """The targets' records and dated verdicts whose date (or publication date) falls in the
    window, newest first; within a day, in the targets' order."""
    entries: list[tuple[dt.date, int, LogEntry]] = []
    for order, tid in enumerate(target_ids):
        target = data.targets[tid]
        common: dict[str, Any] = {
            "target": tid,
            "title": target.title,
            "district": target.district,
            "title_en": target.title_en,
        }
        for record in target.records:
            day = record.published if by_published else record.date
            if _in(day, since, until):
                assert day is not None
                entry = LogEntry(
                    date=record.date.isoformat(),
                    published=_iso(record.published),
                    event="record",
                    value=plain_number(record.value),
                    stage=record.stage,
                    verdict=None,
                    note=record.note,
                    source=record.source,
                    **common,
                )
                entries.append((day, order, entry))
        for verdict in target.verdicts:
            day = verdict.published if by_published else verdict.date
            if _in(day, since, until):
                assert day is not None and verdict.date is not None
                entry = LogEntry(
                    date=verdict.date.isoformat(),
                    published=_iso(verdict.published),
                    event="verdict",
                    value=None,
                    stage=None,
                    verdict=verdict.verdict.value,
                    note=verdict.note,
                    source=verdict.source,
                    **common,
                )
                entries.append((day, order, entry))
    entries.sort(key=lambda item: (-item[0].toordinal(), item[1]))
    return [entry for _, _, entry in entries]


@dataclass(frozen=True, slots=True)
class Change:
    """A target whose status differs between two days."""

    id: str
    title: str
    district: str
    status_before: str
    status_after: str
    current_before: float | int | str | None
    current_after: float | int | str | None
    progress_before: float | None
    progress_after: float | None
    unit: str | None
    title_en: str | None
    district_en: str | None

    def get(self, field: str) -> Any:
        return getattr(self, field)


DIFF_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Change))
DIFF_TABLE_FIELDS = (
    "id",
    "title",
    "status_before",
    "status_after",
    "current_before",
    "current_after",
)
DIFF_LAYOUT = {
    "keep": ("id", "title", "status_before", "status_after"),
    "drop": ("district", "current_before", "current_after", "progress_before", "progress_after"),
    "cut": (),
}


def diff(before: Sequence[TargetRow], after: Sequence[TargetRow]) -> list[Change]:
    """The targets (in `after`'s order) whose status on the second day differs from the first."""
    earlier = {row.id: row for row in before}
    changes = []
    for row in after:
        old = earlier.get(row.id)
        if old is None or old.status == row.status:
            continue
        changes.append(
            Change(
                id=row.id,
                title=row.title,
                district=row.district,
                status_before=old.status,
                status_after=row.status,
                current_before=old.current,
                current_after=row.current,
                progress_before=old.progress,
                progress_after=row.progress,
                unit=row.unit,
                title_en=row.title_en,
                district_en=row.district_en,
            )
        )
    return changes
