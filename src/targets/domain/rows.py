"""The flat views of an evaluated target that every output shares: typed rows.

The field names are the stable interface of `--format json` (documented in the README): add
fields, never rename or remove them. New fields go at the end, so TSV columns keep their places.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import astuple, dataclass, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .evaluate import Evaluation
    from .model import ProgressRecord, VerdictEntry

Number = float | int


@dataclass(frozen=True, slots=True)
class TargetRow:
    """One target evaluated on a day, as `list` shows it. JSON-ready values only."""

    id: str
    district: str
    district_en: str | None
    report: str
    category: str
    tags: list[str]
    title: str
    title_en: str | None
    kind: str
    comparator: str | None
    target: Number | str | None
    unit: str | None
    baseline: Number | None
    tolerance: Number | None
    start: str
    due: str
    parts: list[str]
    current: Number | str | None
    as_of: str | None  # the date of the latest record counted
    progress: float | None
    expected: float | None
    status: str
    verdict: str | None
    conflict: bool
    quote: str | None
    direction: str | None
    margin: Number | None
    published: str | None  # when the latest record counted was published
    evaluated_on: str

    def get(self, field: str) -> Any:
        return getattr(self, field)

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in LIST_FIELDS}

    def as_tuple(self) -> tuple[Any, ...]:
        return astuple(self)


LIST_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(TargetRow))
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
DETAIL_FIELDS: tuple[str, ...] = (
    "stages",
    "source",
    "note",
    "verdict_date",
    "verdict_note",
    "verdict_source",
    "verdicts",
    "records",
    "observations",
)
SHOW_FIELDS: tuple[str, ...] = (*LIST_FIELDS, *DETAIL_FIELDS)


def plain_number(value: float | None) -> Number | None:
    """Whole numbers as int (16, not 16.0), others as they are."""
    if value is not None and float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _observed(value: float | str | None) -> Number | str | None:
    return value if isinstance(value, str) or value is None else plain_number(value)


def _published(ev: Evaluation) -> str | None:
    if ev.target.is_composite or ev.as_of is None:
        return None
    dated = [r for r in ev.target.records if r.date == ev.as_of]
    return _iso(dated[-1].published) if dated else None


def target_row(ev: Evaluation) -> TargetRow:
    """The list fields of one evaluated target."""
    t = ev.target
    measured = t.kind.value in ("count", "level", "growth")
    return TargetRow(
        id=t.id,
        district=t.report.district,
        district_en=t.report.district_en,
        report=t.report.id,
        category=t.category,
        tags=list(t.tags),
        title=t.title,
        title_en=t.title_en,
        kind=t.kind.value,
        comparator=t.comparator.value if t.comparator else None,
        target=_observed(t.target),
        unit=t.unit,
        baseline=plain_number(t.baseline),
        tolerance=plain_number(t.tolerance),
        start=t.start_date.isoformat(),
        due=t.due_date.isoformat(),
        parts=list(t.parts),
        current=_observed(ev.current),
        as_of=_iso(ev.as_of),
        progress=_share(ev.progress),
        expected=_share(ev.expected),
        status=ev.status.value,
        verdict=ev.verdict.verdict.value if ev.verdict else None,
        conflict=ev.conflict,
        quote=t.quote,
        direction=t.direction.value if measured else None,
        margin=plain_number(None if ev.margin is None else round(ev.margin, 6)),
        published=_published(ev),
        evaluated_on=ev.day.isoformat(),
    )


def record_dict(record: ProgressRecord) -> dict[str, Any]:
    """One progress record, JSON-ready."""
    return {
        "date": record.date.isoformat(),
        "published": _iso(record.published),
        "value": plain_number(record.value),
        "stage": record.stage,
        "note": record.note,
        "source": record.source,
    }


def verdict_dict(entry: VerdictEntry) -> dict[str, Any]:
    """One verdict entry, JSON-ready."""
    return {
        "date": _iso(entry.date),
        "published": _iso(entry.published),
        "verdict": entry.verdict.value,
        "note": entry.note,
        "source": entry.source,
    }


def detail(ev: Evaluation) -> dict[str, Any]:
    """Everything about one target: the list fields, then stages, sources, verdicts, records."""
    t = ev.target
    current = ev.verdict
    return {
        **target_row(ev).as_dict(),
        "stages": list(t.stages) if t.kind.value == "milestone" else None,
        "source": t.source,
        "note": t.note,
        "verdict_date": _iso(current.date) if current else None,
        "verdict_note": current.note if current else None,
        "verdict_source": current.source if current else None,
        "verdicts": [verdict_dict(v) for v in t.verdicts if v.date is None or v.date <= ev.day],
        "records": [record_dict(r) for r in t.records if r.date <= ev.day],
        "observations": [
            {"date": day.isoformat(), "value": _observed(value)} for day, value in ev.series
        ],
    }


def for_reading(row: Any, field: str, lang: str) -> Any:
    """A field as a person reads it: with `lang` "en", the English title and district where
    the data has them. Machine formats never use this: they carry the data's own values."""
    english = row.get(f"{field}_en") if field in ("title", "district") else None
    if lang == "en" and english:
        return english
    return row.get(field)
