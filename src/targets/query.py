"""Filters and sort orders over evaluated targets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import UsageError
from .evaluate import Evaluation
from .model import DataSet, Kind, Status
from .rows import LIST_FIELDS, Row, list_row

STATUS_ORDER = {status.value: index for index, status in enumerate(Status)}


@dataclass(frozen=True)
class Filters:
    """What `list` and `status` keep: each given field must match one of its values."""

    districts: tuple[str, ...] = ()
    reports: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    due_before: dt.date | None = None
    search: str | None = None


def _unknown(what: str, value: str, valid: Iterable[str]) -> UsageError:
    return UsageError(f"unknown {what} {value!r}; valid values: {', '.join(valid)}")


def _checked(what: str, values: tuple[str, ...], valid: Sequence[str]) -> set[str]:
    for value in values:
        if value not in valid:
            raise _unknown(what, value, valid)
    return set(values)


def district_names(data: DataSet) -> list[str]:
    """Each district of the data once, in file order."""
    return list(dict.fromkeys(report.district for report in data.reports.values()))


def match_districts(values: tuple[str, ...], data: DataSet) -> set[str]:
    """The districts that the given names select: Chinese or English, any case, any prefix."""
    chosen: set[str] = set()
    for value in values:
        needle = value.strip().casefold()
        found = {
            report.district
            for report in data.reports.values()
            if needle
            and any(
                name.casefold().startswith(needle)
                for name in (report.district, report.district_en or "", report.id)
            )
        }
        if not found:
            valid = [
                f"{r.district} ({r.district_en})" if r.district_en else r.district
                for r in {r.district: r for r in data.reports.values()}.values()
            ]
            raise _unknown("district", value, valid)
        chosen |= found
    return chosen


def categories(data: DataSet) -> list[str]:
    """Each category of the data once, sorted."""
    return sorted({target.category for target in data.targets.values()})


def select(evaluations: list[Evaluation], filters: Filters, data: DataSet) -> list[Evaluation]:
    """The evaluations that pass every filter, in their given order."""
    districts = match_districts(filters.districts, data) if filters.districts else None
    reports = _checked("report", filters.reports, list(data.reports)) if filters.reports else None
    cats = (
        _checked("category", filters.categories, categories(data)) if filters.categories else None
    )
    kinds = _checked("kind", filters.kinds, [k.value for k in Kind]) if filters.kinds else None
    statuses = (
        _checked("status", filters.statuses, list(STATUS_ORDER)) if filters.statuses else None
    )
    needle = filters.search.casefold() if filters.search else None

    def keep(ev: Evaluation) -> bool:
        t = ev.target
        return (
            (districts is None or t.report.district in districts)
            and (reports is None or t.report.id in reports)
            and (cats is None or t.category in cats)
            and (kinds is None or t.kind.value in kinds)
            and (statuses is None or ev.status.value in statuses)
            and (filters.due_before is None or t.due_date < filters.due_before)
            and (needle is None or _mentions(ev, needle))
        )

    return [ev for ev in evaluations if keep(ev)]


def _mentions(ev: Evaluation, needle: str) -> bool:
    t = ev.target
    return any(needle in (text or "").casefold() for text in (t.id, t.title, t.title_en, t.quote))


def _sort_value(row: Row, field: str) -> Any:
    value = row[field]
    if field == "status":
        return STATUS_ORDER[value]
    if isinstance(value, list):
        return ",".join(map(str, value))
    if isinstance(value, bool):
        return int(value)
    return value


def sort_rows(rows: list[Row], keys: Sequence[str]) -> list[Row]:
    """Rows sorted by each key in turn (`-key` for descending); missing values last."""
    for key in keys:
        field = key.lstrip("-")
        if field not in LIST_FIELDS:
            raise _unknown("sort field", field, LIST_FIELDS)
    ordered = list(rows)
    for key in reversed(keys):
        field, descending = key.lstrip("-"), key.startswith("-")
        present = [r for r in ordered if r[field] is not None]
        missing = [r for r in ordered if r[field] is None]
        present.sort(key=lambda r: _mix_safe(_sort_value(r, field)), reverse=descending)
        ordered = present + missing
    return ordered


def _mix_safe(value: Any) -> tuple[int, Any]:
    """Numbers before strings, so a column mixing them (a milestone's stage) still sorts."""
    if isinstance(value, (int, float)):
        return (0, value)
    return (1, str(value))


def rows_of(evaluations: list[Evaluation]) -> list[Row]:
    """The list row of each evaluation."""
    return [list_row(ev) for ev in evaluations]
