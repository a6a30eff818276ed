"""Rules across documents: ids defined once, `report` and `parts` naming existing tables, and
dates measured against a target's window and today.

They run on `Facts`, the few values of each document that other documents depend on, so a
catalog of a thousand documents is checked without holding every table at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from targets.domain.model import Kind, Path, Problem, Severity

from .tables import (
    Table,
    error,
    is_date,
    records_of,
    reports_of,
    targets_of,
    text,
    verdicts_of,
)


@dataclass(frozen=True)
class TargetFacts:
    report: str | None
    parts: tuple[str, ...]
    kind: str | None
    unit: str | None
    start: dt.date | None
    due: dt.date | None
    first_record: tuple[int, dt.date] | None  # the earliest record: its index and date
    latest_day: tuple[Path, dt.date] | None  # the latest date written on it, and where


@dataclass(frozen=True)
class Facts:
    """What other documents may depend on in one document."""

    reports: dict[str, tuple[dt.date | None, dt.date | None]]  # id: the period
    targets: dict[str, TargetFacts]


def _date(value: object) -> dt.date | None:
    return value if is_date(value) else None


def _latest_day(tid: str, target: Table) -> tuple[Path, dt.date] | None:
    latest: tuple[Path, dt.date] | None = None
    for key, entries in (("progress", records_of(target)), ("verdicts", verdicts_of(target))):
        for index, entry in entries:
            for field in ("date", "published"):
                day = _date(entry.get(field))
                if day and (latest is None or day > latest[1]):
                    latest = (("targets", tid, key, index, field), day)
    return latest


def facts_of(doc: Table) -> Facts:
    """The facts of a parsed document (any shape: what is not as expected is left out)."""
    reports = {}
    for rid, report in reports_of(doc):
        period = report.get("period")
        period = period if isinstance(period, dict) else {}
        reports[rid] = (_date(period.get("start")), _date(period.get("end")))
    targets = {}
    for tid, target in targets_of(doc):
        parts = target.get("parts")
        known = [(day, i) for i, r in records_of(target) if (day := _date(r.get("date")))]
        targets[tid] = TargetFacts(
            report=text(target.get("report")),
            parts=tuple(p for p in parts if isinstance(p, str)) if isinstance(parts, list) else (),
            kind=text(target.get("kind")),
            unit=text(target.get("unit")),
            start=_date(target.get("start")),
            due=_date(target.get("due")),
            first_record=min(known)[::-1] if known else None,
            latest_day=_latest_day(tid, target),
        )
    return Facts(reports, targets)


@dataclass(frozen=True)
class Index:
    """Where each report and target is defined first, with its facts."""

    reports: dict[str, tuple[str, tuple[dt.date | None, dt.date | None]]]
    targets: dict[str, tuple[str, TargetFacts]]


def index_of(documents: Sequence[tuple[str, Facts]]) -> tuple[Index, list[Problem]]:
    """The index of named documents' facts, and a problem for each id defined twice."""
    reports: dict[str, tuple[str, tuple[dt.date | None, dt.date | None]]] = {}
    targets: dict[str, tuple[str, TargetFacts]] = {}
    problems = []
    for name, facts in documents:
        for section, own, index in (
            ("reports", facts.reports, reports),
            ("targets", facts.targets, targets),
        ):
            for key, value in own.items():
                if key in index:
                    first = index[key][0]
                    problems.append(
                        Problem(
                            Severity.ERROR,
                            (section, key),
                            f"{section[:-1]} {key!r} is defined twice",
                            document=name,
                            also=(first, (section, key)),
                        )
                    )
                    continue
                index[key] = (name, value)  # type: ignore[assignment]
    return Index(reports, targets), problems


def _window(facts: TargetFacts, index: Index) -> tuple[dt.date | None, dt.date | None]:
    period = index.reports.get(facts.report or "", ("", (None, None)))[1]
    return facts.start or period[0], facts.due or period[1]


def target_problems(tid: str, facts: TargetFacts, index: Index, today: dt.date) -> list[Problem]:
    """What is wrong between one target and the others: its report, parts and dates."""
    path: Path = ("targets", tid)
    problems = []
    if facts.report is not None and facts.report not in index.reports:
        known = ", ".join(index.reports) or "none"
        problems.append(
            error((*path, "report"), f"unknown report {facts.report!r}; known reports: {known}")
        )
    for part in facts.parts:
        other = index.targets.get(part)
        if other is None or part == tid:
            problems.append(error((*path, "parts"), f"part {part!r} is not another target's id"))
        elif other[1].kind != Kind.COUNT.value or other[1].parts:
            problems.append(
                error(
                    (*path, "parts"),
                    f"part {part!r} must be a count target without parts of its own",
                )
            )
        elif other[1].unit != facts.unit:
            problems.append(
                error(
                    (*path, "parts"),
                    f"part {part!r} is in {other[1].unit!r}, this target in {facts.unit!r}",
                )
            )
    start, due = _window(facts, index)
    if start and due and start > due and not (facts.start and facts.due):
        problems.append(error(path, f"starts {start} after it is due {due}"))
    if start and facts.first_record and facts.first_record[1] < start:
        position, day = facts.first_record
        problems.append(
            error(
                (*path, "progress", position, "date"),
                f"record dated {day} is before the target's start {start}",
            )
        )
    if facts.latest_day and facts.latest_day[1] > today:
        where, day = facts.latest_day
        problems.append(error(where, f"{where[-1]} {day} is in the future (today is {today})"))
    return problems


def reference_problems(documents: Sequence[tuple[str, Facts]], today: dt.date) -> list[Problem]:
    """Every problem between the documents (named as given), in document order."""
    index, problems = index_of(documents)
    for name, facts in documents:
        for tid, target in facts.targets.items():
            if index.targets.get(tid, ("",))[0] != name:
                continue  # a second definition: reported once, as a duplicate
            problems += [
                Problem(p.severity, p.path, p.message, document=name)
                for p in target_problems(tid, target, index, today)
            ]
    return problems
