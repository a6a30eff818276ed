"""Filters and sort orders over the list rows of evaluated targets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from .errors import UsageError
from .rows import LIST_FIELDS, Row
from .vocab import Kind, Status

STATUS_ORDER = {status.value: index for index, status in enumerate(Status)}


class Filters(NamedTuple):
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


def match_districts(values: tuple[str, ...], rows: list[Row]) -> set[str]:
    """The districts that the given names select: Chinese or English, any case, any prefix."""
    names = {(r["district"], r["district_en"] or "", r["report"]) for r in rows}
    chosen: set[str] = set()
    for value in values:
        needle = value.strip().casefold()
        found = {n[0] for n in names if needle and any(x.casefold().startswith(needle) for x in n)}
        if not found:
            valid = dict.fromkeys(
                f"{r['district']} ({r['district_en']})" if r["district_en"] else r["district"]
                for r in rows
            )
            raise _unknown("district", value, valid)
        chosen |= found
    return chosen


def _present(rows: list[Row], field: str) -> list[str]:
    return list(dict.fromkeys(row[field] for row in rows))


def select(rows: list[Row], filters: Filters) -> list[Row]:
    """The rows that pass every filter, in their given order."""
    districts = match_districts(filters.districts, rows) if filters.districts else None
    reports = (
        _checked("report", filters.reports, _present(rows, "report")) if filters.reports else None
    )
    cats = (
        _checked("category", filters.categories, sorted(_present(rows, "category")))
        if filters.categories
        else None
    )
    kinds = _checked("kind", filters.kinds, [k.value for k in Kind]) if filters.kinds else None
    statuses = (
        _checked("status", filters.statuses, list(STATUS_ORDER)) if filters.statuses else None
    )
    needle = filters.search.casefold() if filters.search else None
    due_before = filters.due_before.isoformat() if filters.due_before else None

    def keep(row: Row) -> bool:
        return (
            (districts is None or row["district"] in districts)
            and (reports is None or row["report"] in reports)
            and (cats is None or row["category"] in cats)
            and (kinds is None or row["kind"] in kinds)
            and (statuses is None or row["status"] in statuses)
            and (due_before is None or row["due"] < due_before)
            and (needle is None or _mentions(row, needle))
        )

    return [row for row in rows if keep(row)]


def _mentions(row: Row, needle: str) -> bool:
    return any(needle in (row[f] or "").casefold() for f in ("id", "title", "title_en", "quote"))


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
