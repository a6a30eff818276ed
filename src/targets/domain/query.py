"""Filters and sort orders over the rows of evaluated targets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, Protocol

from targets.errors import UsageError

from .rows import LIST_FIELDS
from .vocab import Kind, Status

STATUS_ORDER = {status.value: index for index, status in enumerate(Status)}


class Row(Protocol):
    """What a filter reads: a target row, or anything with its fields (a log entry)."""

    def get(self, field: str) -> Any: ...


class Filters(NamedTuple):
    """What `list` and the other views keep: each given field must match one of its values."""

    districts: tuple[str, ...] = ()
    reports: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    due_before: dt.date | None = None
    search: str | None = None


def unknown_value(what: str, value: str, valid: Iterable[str]) -> UsageError:
    """The error for a value not among the valid ones, suggesting the closest."""
    import difflib  # only for an error: not at every start

    valid = list(valid)
    close = difflib.get_close_matches(value, valid, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return UsageError(f"unknown {what} {value!r}; {hint}valid values: {', '.join(valid) or 'none'}")


def _checked(what: str, values: tuple[str, ...], valid: Sequence[str]) -> set[str] | None:
    if not values:
        return None
    for value in values:
        if value not in valid:
            raise unknown_value(what, value, valid)
    return set(values)


def match_districts(values: tuple[str, ...], rows: Sequence[Row]) -> set[str]:
    """The districts that the given names select: Chinese or English, any case, any prefix."""
    names = {(r.get("district"), r.get("district_en") or "", r.get("report")) for r in rows}
    chosen: set[str] = set()
    for value in values:
        needle = value.strip().casefold()
        found = {n[0] for n in names if needle and any(x.casefold().startswith(needle) for x in n)}
        if not found:
            valid = dict.fromkeys(f"{n[0]} ({n[1]})" if n[1] else n[0] for n in sorted(names))
            raise unknown_value("district", value, valid)
        chosen |= found
    return chosen


def _present(rows: Sequence[Row], field: str) -> list[str]:
    return list(dict.fromkeys(str(row.get(field)) for row in rows))


def _tags(rows: Sequence[Row]) -> list[str]:
    return sorted({tag for row in rows for tag in row.get("tags") or ()})


def select(rows: Sequence[Row], filters: Filters) -> list[Any]:
    """The rows that pass every filter, in their given order."""
    districts = match_districts(filters.districts, rows) if filters.districts else None
    reports = _checked("report", filters.reports, _present(rows, "report"))
    categories = _checked("category", filters.categories, sorted(_present(rows, "category")))
    kinds = _checked("kind", filters.kinds, [k.value for k in Kind])
    statuses = _checked("status", filters.statuses, list(STATUS_ORDER))
    tags = _checked("tag", filters.tags, _tags(rows))
    needle = filters.search.casefold() if filters.search else None
    due_before = filters.due_before.isoformat() if filters.due_before else None

    def keep(row: Row) -> bool:
        return (
            (districts is None or row.get("district") in districts)
            and (reports is None or row.get("report") in reports)
            and (categories is None or row.get("category") in categories)
            and (kinds is None or row.get("kind") in kinds)
            and (statuses is None or row.get("status") in statuses)
            and (tags is None or not tags.isdisjoint(row.get("tags") or ()))
            and (due_before is None or row.get("due") < due_before)
            and (needle is None or mentions(row, needle))
        )

    return [row for row in rows if keep(row)]


_SEARCHED = ("id", "title", "title_en", "quote", "category")


def mentions(row: Row, needle: str) -> bool:
    """Whether the casefolded `needle` is in the row's id, titles, quote, category or tags."""
    texts = [row.get(f) or "" for f in _SEARCHED] + list(row.get("tags") or ())
    return any(needle in text.casefold() for text in texts)


def _sort_value(row: Row, field: str) -> Any:
    value = row.get(field)
    if field == "status":
        return STATUS_ORDER[value]
    if isinstance(value, list):
        return ",".join(map(str, value))
    if isinstance(value, bool):
        return int(value)
    return value


def check_sort_keys(keys: Sequence[str], known: Sequence[str] = LIST_FIELDS) -> None:
    for key in keys:
        field = key[1:] if key.startswith("-") else key
        if field not in known:
            raise unknown_value("sort field", field, known)


def sort_rows(
    rows: Sequence[Row], keys: Sequence[str], known: Sequence[str] = LIST_FIELDS
) -> list[Any]:
    """Rows sorted by each key in turn (`-key` for descending); missing values last."""
    check_sort_keys(keys, known)
    ordered = list(rows)
    for key in reversed(keys):
        field, descending = key.lstrip("-"), key.startswith("-")
        present = [r for r in ordered if r.get(field) is not None]
        missing = [r for r in ordered if r.get(field) is None]
        present.sort(key=lambda r: _mix_safe(_sort_value(r, field)), reverse=descending)
        ordered = present + missing
    return ordered


def _mix_safe(value: Any) -> tuple[int, Any]:
    """Numbers before strings, so a column mixing them (a milestone's stage) still sorts."""
    if isinstance(value, (int, float)):
        return (0, value)
    return (1, str(value))
