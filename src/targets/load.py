"""Text to model: parse the TOML, run every rule, and build the data set when it is valid.

Loading never raises on bad data: it returns the problems, so that `targets check` can show
all of them at once. Positions are worked out only when there are problems to show.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .model import (
    DEFAULT_STAGES,
    Comparator,
    DataSet,
    Kind,
    Period,
    Problem,
    ProgressRecord,
    Report,
    Severity,
    Target,
    Verdict,
)
from .rules import records_of, reports_of, run_rules, targets_of

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

TOMLDecodeError = tomllib.TOMLDecodeError
_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_DATE_LIKE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@dataclass(frozen=True)
class Loaded:
    """The result of loading: a data set when the file is valid, and every problem found."""

    dataset: DataSet | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def parse_toml(text: str) -> tuple[dict[str, Any] | None, Problem | None]:
    """The TOML document, or a syntax problem with its line and column."""
    try:
        return tomllib.loads(text), None
    except TOMLDecodeError as exc:
        message = str(exc)
        line, col = getattr(exc, "lineno", 0), getattr(exc, "colno", 0)
        found = _AT_LINE.search(message)
        if found:
            line, col = int(found.group(1)), int(found.group(2))
            message = message[: found.start()].strip()
        line, col = line or 1, col or 1
        bad_date = _impossible_date(text, line)
        if bad_date:
            col, message = bad_date[0], f"{bad_date[1]} is not a real date"
        return None, Problem(Severity.ERROR, (), f"TOML syntax: {message}", line, col)


def _impossible_date(text: str, line: int) -> tuple[int, str] | None:
    """The column and text of a date-like word on `line` that names no real day, if any.

    tomllib reports 2023-02-30 as a misplaced token; this says what is wrong instead.
    """
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    for found in _DATE_LIKE.finditer(lines[line - 1]):
        try:
            dt.date.fromisoformat(found.group())
        except ValueError:
            return found.start() + 1, found.group()
    return None


def load_text(text: str, today: dt.date) -> Loaded:
    """Parse and validate `text`; build the data set if there are no errors."""
    doc, syntax = parse_toml(text)
    if doc is None:
        assert syntax is not None
        return Loaded(None, [syntax])
    problems = run_rules(doc, today)
    if any(p.severity is Severity.ERROR for p in problems):
        return Loaded(None, problems)
    return Loaded(build_dataset(doc), problems)


def decode(data: bytes) -> tuple[str | None, Problem | None]:
    """UTF-8 text of a file (a BOM is allowed), or a problem saying where decoding failed."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Problem(
            Severity.ERROR, (), "the file is not UTF-8 text; save it as UTF-8", line, col
        )


def locate(problems: Iterable[Problem], text: str) -> list[Problem]:
    """The problems with line and column filled in from their document paths."""
    problems = list(problems)
    if all(p.line for p in problems):
        return problems
    from .tomlmap import SourceMap

    source = SourceMap(text)
    located = []
    for problem in problems:
        if not problem.line:
            line, col = source.position(problem.path)
            problem = dataclasses.replace(problem, line=line, col=col)
        located.append(problem)
    return located


# -- building the model -------------------------------------------------------------------


def _report(rid: str, raw: dict[str, Any]) -> Report:
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


def _record(raw: dict[str, Any]) -> ProgressRecord:
    value = raw.get("value")
    return ProgressRecord(
        date=raw["date"],
        value=float(value) if value is not None else None,
        stage=raw.get("stage"),
        note=raw.get("note"),
        source=raw.get("source"),
    )


def _number(raw: dict[str, Any], key: str) -> float | None:
    value = raw.get(key)
    return float(value) if value is not None else None


def _target(tid: str, raw: dict[str, Any], reports: dict[str, Report]) -> Target:
    kind = Kind(raw["kind"])
    goal = raw.get("target")
    return Target(
        id=tid,
        report=reports[raw["report"]],
        title=raw["title"],
        kind=kind,
        category=raw["category"],
        title_en=raw.get("title_en"),
        quote=raw.get("quote"),
        tags=tuple(raw.get("tags", ())),
        comparator=Comparator(raw["comparator"]) if "comparator" in raw else None,
        target=goal if isinstance(goal, str) else _number(raw, "target"),
        unit=raw.get("unit"),
        baseline=_number(raw, "baseline"),
        tolerance=_number(raw, "tolerance"),
        start=raw.get("start"),
        due=raw.get("due"),
        parts=tuple(raw.get("parts", ())),
        stages=tuple(raw.get("stages", DEFAULT_STAGES)),
        verdict=Verdict(raw["verdict"]) if "verdict" in raw else None,
        verdict_note=raw.get("verdict_note"),
        verdict_source=raw.get("verdict_source"),
        note=raw.get("note"),
        records=tuple(_record(r) for _, r in records_of(raw)),
    )


def build_dataset(doc: dict[str, Any]) -> DataSet:
    """The model of a document that passed every rule."""
    reports = {rid: _report(rid, raw) for rid, raw in reports_of(doc)}
    targets = {tid: _target(tid, raw, reports) for tid, raw in targets_of(doc)}
    return DataSet(reports=reports, targets=targets, schema_version=doc["schema_version"])
