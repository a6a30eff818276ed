"""Valid tables to the model: reports, targets, records and verdict entries.

Only called on tables that passed every rule, so it may index and convert without checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .model import (
    DEFAULT_STAGES,
    Comparator,
    DataSet,
    Direction,
    Kind,
    Period,
    ProgressRecord,
    Report,
    Target,
    Verdict,
    VerdictEntry,
)
from .rules.tables import records_of, verdicts_of

Table = dict[str, Any]


def build_report(rid: str, raw: Table) -> Report:
    period = raw["period"]
    return Report(
        id=rid,
        district=raw["district"],
        period=Period(period["start"], period["end"]),
        district_en=raw.get("district_en"),
        city=raw.get("city"),
        title=raw.get("title"),
        session=raw.get("session"),
        delivered=raw.get("delivered"),
        source=raw.get("source"),
    )


def _number(raw: Table, key: str) -> float | None:
    value = raw.get(key)
    return float(value) if value is not None else None


def _record(raw: Table) -> ProgressRecord:
    return ProgressRecord(
        date=raw["date"],
        value=_number(raw, "value"),
        stage=raw.get("stage"),
        note=raw.get("note"),
        source=raw.get("source"),
        published=raw.get("published"),
    )


def _verdicts(raw: Table) -> tuple[VerdictEntry, ...]:
    entries = []
    if "verdict" in raw:  # the single verdict of older files: undated, so the oldest
        entries.append(
            VerdictEntry(
                Verdict(raw["verdict"]),
                note=raw.get("verdict_note"),
                source=raw.get("verdict_source"),
            )
        )
    entries += [
        VerdictEntry(
            Verdict(entry["verdict"]),
            date=entry["date"],
            note=entry.get("note"),
            source=entry.get("source"),
            published=entry.get("published"),
        )
        for _, entry in verdicts_of(raw)
    ]
    return tuple(entries)


def default_direction(comparator: Comparator | None) -> Direction:
    """Up unless the comparator is a cap."""
    return Direction.DOWN if comparator is Comparator.AT_MOST else Direction.UP


def build_target(tid: str, raw: Table, reports: Mapping[str, Report]) -> Target:
    goal = raw.get("target")
    comparator = Comparator(raw["comparator"]) if "comparator" in raw else None
    direction = Direction(raw["direction"]) if "direction" in raw else default_direction(comparator)
    return Target(
        id=tid,
        report=reports[raw["report"]],
        title=raw["title"],
        kind=Kind(raw["kind"]),
        category=raw["category"],
        title_en=raw.get("title_en"),
        quote=raw.get("quote"),
        source=raw.get("source"),
        tags=tuple(raw.get("tags", ())),
        comparator=comparator,
        direction=direction,
        target=goal if isinstance(goal, str) else _number(raw, "target"),
        unit=raw.get("unit"),
        baseline=_number(raw, "baseline"),
        tolerance=_number(raw, "tolerance"),
        start=raw.get("start"),
        due=raw.get("due"),
        parts=tuple(raw.get("parts", ())),
        stages=tuple(raw.get("stages", DEFAULT_STAGES)),
        verdicts=_verdicts(raw),
        note=raw.get("note"),
        records=tuple(_record(r) for _, r in records_of(raw)),
    )


def build_dataset(
    reports: Iterable[tuple[str, Table]], targets: Iterable[tuple[str, Table]]
) -> DataSet:
    """The model of tables that passed every rule."""
    built = {rid: build_report(rid, raw) for rid, raw in reports}
    return DataSet(
        reports=built,
        targets={tid: build_target(tid, raw, built) for tid, raw in targets},
    )
