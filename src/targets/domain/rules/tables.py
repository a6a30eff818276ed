"""Walking a parsed document safely: the tables it holds, whatever else it holds.

Rules read plain dicts from tomllib and must never fail on a value of the wrong type: these
helpers yield only what has the expected shape, and another rule reports the rest.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Hashable, Iterator
from typing import Any, TypeGuard

from targets.domain.fields import (
    PERIOD_FIELDS,
    RECORD_FIELDS,
    REPORT_FIELDS,
    TARGET_FIELDS,
    TOP_FIELDS,
    VERDICT_FIELDS,
    FieldSpec,
)
from targets.domain.model import DEFAULT_STAGES, Path, Problem, Severity

Table = dict[str, Any]


def error(path: Path, message: str) -> Problem:
    return Problem(Severity.ERROR, path, message)


def warning(path: Path, message: str) -> Problem:
    return Problem(Severity.WARNING, path, message)


def _section(doc: Table, name: str) -> Iterator[tuple[str, Table]]:
    section = doc.get(name)
    if isinstance(section, dict):
        for key, value in section.items():
            if isinstance(value, dict):
                yield key, value


def targets_of(doc: Table) -> Iterator[tuple[str, Table]]:
    """Each target table with its id, skipping values that are not tables."""
    return _section(doc, "targets")


def reports_of(doc: Table) -> Iterator[tuple[str, Table]]:
    """Each report table with its id, skipping values that are not tables."""
    return _section(doc, "reports")


def _entries(target: Table, key: str) -> Iterator[tuple[int, Table]]:
    entries = target.get(key)
    if isinstance(entries, list):
        for index, entry in enumerate(entries):
            if isinstance(entry, dict):
                yield index, entry


def records_of(target: Table) -> Iterator[tuple[int, Table]]:
    """Each progress record of a target with its index."""
    return _entries(target, "progress")


def verdicts_of(target: Table) -> Iterator[tuple[int, Table]]:
    """Each dated verdict entry of a target with its index."""
    return _entries(target, "verdicts")


def tables(doc: Table) -> Iterator[tuple[Path, Table, dict[str, FieldSpec], str]]:
    """Every table of the document with the fields it may hold and a name for messages."""
    yield (), doc, TOP_FIELDS, "the top level"
    for rid, report in reports_of(doc):
        yield ("reports", rid), report, REPORT_FIELDS, "a report"
        if isinstance(report.get("period"), dict):
            yield ("reports", rid, "period"), report["period"], PERIOD_FIELDS, "a period"
    for tid, target in targets_of(doc):
        yield ("targets", tid), target, TARGET_FIELDS, "a target"
        for index, record in records_of(target):
            yield ("targets", tid, "progress", index), record, RECORD_FIELDS, "a progress record"
        for index, entry in verdicts_of(target):
            yield ("targets", tid, "verdicts", index), entry, VERDICT_FIELDS, "a verdict entry"


def is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_finite_number(value: object) -> TypeGuard[int | float]:
    """A number a float can hold: no NaN, no infinity, no 5,000-digit integer."""
    if not is_number(value):
        return False
    try:
        return math.isfinite(float(value))
    except OverflowError:
        return False


def is_date(value: object) -> TypeGuard[dt.date]:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def text(value: object) -> str | None:
    """A value that is a string, else None: for comparing a key with its allowed words."""
    return value if isinstance(value, str) else None


def hashable(value: object) -> Hashable | None:
    return value if isinstance(value, (str, int, float, bool)) else None


def stages_of(target: Table) -> list[str]:
    """A milestone's stages as written, or the default ones."""
    stages = target.get("stages")
    if isinstance(stages, list) and all(isinstance(s, str) for s in stages):
        return stages
    return list(DEFAULT_STAGES)


def _is_str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) for x in value)


def _is_table_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(x, dict) for x in value)


TYPE_CHECKS: dict[str, tuple[Callable[[object], bool], str]] = {
    "str": (lambda v: isinstance(v, str), "a string"),
    "int": (lambda v: isinstance(v, int) and not isinstance(v, bool), "an integer"),
    "number": (is_finite_number, "a finite number"),
    "number_or_str": (
        lambda v: is_finite_number(v) or isinstance(v, str),
        "a finite number or a stage name",
    ),
    "date": (is_date, "a date such as 2023-06-30 (no quotes, no time)"),
    "str_list": (_is_str_list, 'a list of strings such as ["a", "b"]'),
    "table": (lambda v: isinstance(v, dict), "a table"),
    "period": (
        lambda v: isinstance(v, dict),
        "a table such as { start = 2023-01-01, end = 2023-12-31 }",
    ),
    "records": (_is_table_list, "[[targets.ID.progress]] tables"),
    "verdicts": (_is_table_list, "[[targets.ID.verdicts]] tables"),
}


def describe(value: object) -> str:
    """A value as a message names it: short, whatever it is."""
    if isinstance(value, dt.datetime):
        return f"date-time {value.isoformat()}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, str):
        return f"string {value[:40]!r}" + ("…" if len(value) > 40 else "")
    if isinstance(value, int) and abs(value) > 10**30:
        return "a very large integer"
    shown = repr(value)
    return f"{type(value).__name__} {shown[:40]}" + ("…" if len(shown) > 40 else "")
