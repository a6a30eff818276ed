"""The flat view of an evaluated target that every output format shares.

These field names are the stable interface of `--format json` (documented in the README):
add fields, never rename or remove them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .evaluate import Evaluation
    from .model import ProgressRecord

LIST_FIELDS: tuple[str, ...] = (
    "id",
    "district",
    "district_en",
    "report",
    "category",
    "tags",
    "title",
    "title_en",
    "kind",
    "comparator",
    "target",
    "unit",
    "baseline",
    "tolerance",
    "start",
    "due",
    "parts",
    "current",
    "as_of",
    "progress",
    "expected",
    "status",
    "verdict",
    "conflict",
    "quote",
)
TABLE_FIELDS: tuple[str, ...] = (
    "id",
    "district",
    "title",
    "target",
    "current",
    "progress",
    "status",
    "due",
)
"""The columns a person sees by default (table and markdown)."""
SHOW_FIELDS: tuple[str, ...] = (
    *LIST_FIELDS,
    "stages",
    "verdict_note",
    "verdict_source",
    "note",
    "evaluated_on",
    "records",
    "observations",
)

Row = dict[str, Any]


def plain_number(value: float | None) -> float | int | None:
    """Whole numbers as int (16, not 16.0), others as they are."""
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def list_row(ev: Evaluation) -> Row:
    """The list fields of one evaluated target, JSON-ready."""
    t = ev.target
    current = ev.current if isinstance(ev.current, str) else plain_number(ev.current)
    goal = t.target if isinstance(t.target, str) else plain_number(t.target)
    return {
        "id": t.id,
        "district": t.report.district,
        "district_en": t.report.district_en,
        "report": t.report.id,
        "category": t.category,
        "tags": list(t.tags),
        "title": t.title,
        "title_en": t.title_en,
        "kind": t.kind.value,
        "comparator": t.comparator.value if t.comparator else None,
        "target": goal,
        "unit": t.unit,
        "baseline": plain_number(t.baseline),
        "tolerance": plain_number(t.tolerance),
        "start": _iso(t.start_date),
        "due": _iso(t.due_date),
        "parts": list(t.parts),
        "current": current,
        "as_of": _iso(ev.as_of),
        "progress": _share(ev.progress),
        "expected": _share(ev.expected),
        "status": ev.status.value,
        "verdict": t.verdict.value if t.verdict else None,
        "conflict": ev.conflict,
        "quote": t.quote,
    }


def record_row(record: ProgressRecord) -> Row:
    """One progress record, JSON-ready."""
    return {
        "date": record.date.isoformat(),
        "value": plain_number(record.value),
        "stage": record.stage,
        "note": record.note,
        "source": record.source,
    }


def show_row(ev: Evaluation) -> Row:
    """Everything about one target: the list fields, its stages, verdict notes and records."""
    t = ev.target
    return {
        **list_row(ev),
        "stages": list(t.stages) if t.kind.value == "milestone" else None,
        "verdict_note": t.verdict_note,
        "verdict_source": t.verdict_source,
        "note": t.note,
        "evaluated_on": ev.day.isoformat(),
        "records": [record_row(r) for r in t.records],
        "observations": [
            {
                "date": day.isoformat(),
                "value": value if isinstance(value, str) else plain_number(value),
            }
            for day, value in ev.series
        ],
    }


def for_reading(row: Row, field: str, lang: str) -> Any:
    """A field as a person reads it: with `lang` "en", the English title and district where
    the data has them. Machine formats never use this: they carry the data's own values."""
    if lang == "en" and field in ("title", "district") and row.get(f"{field}_en"):
        return row[f"{field}_en"]
    return row.get(field)


def localised(rows: list[Row], lang: str) -> list[Row]:
    """Rows with titles and districts as a person reads them in `lang`."""
    if lang != "en":
        return rows
    return [
        {
            **row,
            "title": for_reading(row, "title", lang),
            "district": for_reading(row, "district", lang),
        }
        for row in rows
    ]
