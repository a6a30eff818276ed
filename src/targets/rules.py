"""The rules a data file must follow. Each rule is a small function from the parsed document
to a list of problems; `RULES` lists them in the order `targets check` runs them.

Rules read the raw document (plain dicts from tomllib) and must never fail on a value of
the wrong type: another rule reports that.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeGuard

from .fields import (
    PERIOD_FIELDS,
    RECORD_FIELDS,
    REPORT_FIELDS,
    TARGET_FIELDS,
    TOP_FIELDS,
    FieldSpec,
)
from .model import (
    DEFAULT_STAGES,
    SCHEMA_VERSION,
    Comparator,
    Kind,
    Path,
    Problem,
    Severity,
    Verdict,
)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MEASURED_KINDS = {Kind.COUNT.value, Kind.LEVEL.value, Kind.GROWTH.value}
Table = dict[str, Any]


@dataclass(frozen=True)
class Context:
    """What the rules see: the parsed document and the day that counts as today."""

    doc: Table
    today: dt.date


def _error(path: Path, message: str) -> Problem:
    return Problem(Severity.ERROR, path, message)


def _warning(path: Path, message: str) -> Problem:
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


def records_of(target: Table) -> Iterator[tuple[int, Table]]:
    """Each progress record of a target with its index."""
    records = target.get("progress")
    if isinstance(records, list):
        for index, record in enumerate(records):
            if isinstance(record, dict):
                yield index, record


def _tables(doc: Table) -> Iterator[tuple[Path, Table, dict[str, FieldSpec], str]]:
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


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_date(value: object) -> TypeGuard[dt.date]:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


TYPE_CHECKS: dict[str, tuple[Callable[[object], bool], str]] = {
    "str": (lambda v: isinstance(v, str), "a string"),
    "int": (lambda v: isinstance(v, int) and not isinstance(v, bool), "an integer"),
    "number": (_is_number, "a number"),
    "number_or_str": (lambda v: _is_number(v) or isinstance(v, str), "a number or a stage name"),
    "date": (_is_date, "a date such as 2023-06-30 (no quotes, no time)"),
    "str_list": (
        lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        'a list of strings such as ["a", "b"]',
    ),
    "table": (lambda v: isinstance(v, dict), "a table"),
    "period": (
        lambda v: isinstance(v, dict),
        "a table such as { start = 2023-01-01, end = 2023-12-31 }",
    ),
    "records": (
        lambda v: isinstance(v, list) and all(isinstance(x, dict) for x in v),
        "[[targets.ID.progress]] tables",
    ),
}


def _describe(value: object) -> str:
    if isinstance(value, dt.datetime):
        return f"date-time {value.isoformat()}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    return f"{type(value).__name__} {value!r}"


# -- rules --------------------------------------------------------------------------------


def rule_schema_version(ctx: Context) -> list[Problem]:
    version = ctx.doc.get("schema_version")
    if isinstance(version, int) and version != SCHEMA_VERSION:
        return [
            _error(
                ("schema_version",),
                f"schema_version {version} is not supported; this targets reads {SCHEMA_VERSION}",
            )
        ]
    return []


def rule_unknown_keys(ctx: Context) -> list[Problem]:
    problems = []
    for path, table, fields, name in _tables(ctx.doc):
        for key in table:
            if key not in fields:
                close = difflib.get_close_matches(key, list(fields), n=1)
                hint = (
                    f"; did you mean `{close[0]}`?"
                    if close
                    else f"; known keys: {', '.join(fields)}"
                )
                problems.append(_error((*path, key), f"`{key}` is not a key of {name}{hint}"))
    return problems


def rule_required_fields(ctx: Context) -> list[Problem]:
    problems = []
    for path, table, fields, name in _tables(ctx.doc):
        for key, spec in fields.items():
            if spec.required and key not in table:
                problems.append(_error(path, f"{name} needs `{key}` ({spec.doc})"))
    return problems


def rule_types(ctx: Context) -> list[Problem]:
    problems = []
    for path, table, fields, _ in _tables(ctx.doc):
        for key, value in table.items():
            spec = fields.get(key)
            if spec is None:
                continue
            accepts, wanted = TYPE_CHECKS[spec.type]
            if not accepts(value):
                problems.append(
                    _error((*path, key), f"`{key}` must be {wanted}, not {_describe(value)}")
                )
    return problems


def _enum_problem(path: Path, key: str, value: object, allowed: list[str]) -> list[Problem]:
    if isinstance(value, str) and value not in allowed:
        return [_error((*path, key), f"`{key}` is {value!r}; use one of: {', '.join(allowed)}")]
    return []


def rule_enums(ctx: Context) -> list[Problem]:
    problems = []
    enums: dict[str, list[str]] = {
        "kind": [k.value for k in Kind],
        "comparator": [c.value for c in Comparator],
        "verdict": [v.value for v in Verdict],
    }
    for tid, target in targets_of(ctx.doc):
        for key, allowed in enums.items():
            problems += _enum_problem(("targets", tid), key, target.get(key), allowed)
    return problems


def rule_slugs(ctx: Context) -> list[Problem]:
    problems = []
    how = "use lowercase letters, digits and single hyphens, such as licang-greenways"
    for section in ("reports", "targets"):
        for key in ctx.doc.get(section, {}) if isinstance(ctx.doc.get(section), dict) else {}:
            if not SLUG.match(key):
                problems.append(_error((section, key), f"id {key!r} is not a slug; {how}"))
    for tid, target in targets_of(ctx.doc):
        category = target.get("category")
        if isinstance(category, str) and not SLUG.match(category):
            problems.append(
                _error(("targets", tid, "category"), f"category {category!r} is not a slug; {how}")
            )
    return problems


def rule_report_refs(ctx: Context) -> list[Problem]:
    reports = dict(reports_of(ctx.doc))
    problems = []
    for tid, target in targets_of(ctx.doc):
        report = target.get("report")
        if isinstance(report, str) and report not in reports:
            known = ", ".join(reports) or "none"
            problems.append(
                _error(
                    ("targets", tid, "report"), f"unknown report {report!r}; known reports: {known}"
                )
            )
    return problems


def rule_parts(ctx: Context) -> list[Problem]:
    targets = dict(targets_of(ctx.doc))
    problems = []
    for tid, target in targets.items():
        parts = target.get("parts")
        if not isinstance(parts, list) or not parts:
            continue
        path = ("targets", tid, "parts")
        if target.get("kind") != Kind.COUNT.value:
            problems.append(_error(path, "only a count target can have `parts`"))
        if target.get("progress"):
            problems.append(
                _error(
                    ("targets", tid, "progress"),
                    "a composite target sums its parts; mark the parts instead",
                )
            )
        for part in parts:
            other = targets.get(part) if isinstance(part, str) else None
            if other is None or part == tid:
                problems.append(_error(path, f"part {part!r} is not another target's id"))
            elif other.get("kind") != Kind.COUNT.value or other.get("parts"):
                problems.append(
                    _error(path, f"part {part!r} must be a count target without parts of its own")
                )
            elif other.get("unit") != target.get("unit"):
                problems.append(
                    _error(
                        path,
                        f"part {part!r} is in {other.get('unit')!r}, "
                        f"this target in {target.get('unit')!r}",
                    )
                )
    return problems


def rule_finite_numbers(ctx: Context) -> list[Problem]:
    problems = []
    for path, table, _, _ in _tables(ctx.doc):
        for key, value in table.items():
            if isinstance(value, float) and not math.isfinite(value):
                problems.append(
                    _error((*path, key), f"`{key}` must be a finite number, not {value}")
                )
    return problems


def _kind_problems(path: Path, target: Table) -> list[Problem]:
    kind = target.get("kind")
    problems = []
    if kind in MEASURED_KINDS:
        for key in ("comparator", "target", "unit"):
            if key not in target:
                problems.append(_error(path, f"a {kind} target needs `{key}`"))
        if "target" in target and not _is_number(target["target"]):
            problems.append(
                _error((*path, "target"), f"a {kind} target's `target` must be a number")
            )
    if kind == Kind.MILESTONE.value:
        if not isinstance(target.get("target"), str):
            problems.append(_error(path, "a milestone needs `target`: the stage that fulfils it"))
    if kind == Kind.QUALITATIVE.value:
        for key in ("target", "comparator", "progress"):
            if key in target:
                problems.append(
                    _error((*path, key), f"a qualitative target has no `{key}`; give it a verdict")
                )
    if "stages" in target and kind != Kind.MILESTONE.value:
        problems.append(_error((*path, "stages"), "only a milestone has `stages`"))
    if "tolerance" in target and target.get("comparator") != Comparator.ABOUT.value:
        problems.append(
            _error((*path, "tolerance"), '`tolerance` applies only to comparator = "about"')
        )
    tolerance = target.get("tolerance")
    if _is_number(tolerance) and tolerance < 0:
        problems.append(_error((*path, "tolerance"), "`tolerance` must not be negative"))
    return problems


def rule_kind_fields(ctx: Context) -> list[Problem]:
    problems = []
    for tid, target in targets_of(ctx.doc):
        problems += _kind_problems(("targets", tid), target)
    return problems


def stages_of(target: Table) -> list[str]:
    """A milestone's stages as written, or the default ones."""
    stages = target.get("stages")
    if isinstance(stages, list) and all(isinstance(s, str) for s in stages):
        return stages
    return list(DEFAULT_STAGES)


def _record_shape(path: Path, kind: object, record: Table, stages: list[str]) -> list[Problem]:
    if kind == Kind.MILESTONE.value:
        if "value" in record:
            return [_error((*path, "value"), "a milestone's record takes `stage`, not `value`")]
        stage = record.get("stage")
        if "stage" not in record:
            return [_error(path, f"a milestone's record needs `stage`: one of {', '.join(stages)}")]
        if isinstance(stage, str) and stage not in stages:
            return [
                _error(
                    (*path, "stage"), f"unknown stage {stage!r}; use one of: {', '.join(stages)}"
                )
            ]
        return []
    if kind in MEASURED_KINDS:
        if "stage" in record:
            return [
                _error((*path, "stage"), f"a {kind} target's record takes `value`, not `stage`")
            ]
        if "value" not in record:
            return [_error(path, "a progress record needs `value`")]
    return []


def rule_stages(ctx: Context) -> list[Problem]:
    problems = []
    for tid, target in targets_of(ctx.doc):
        path = ("targets", tid)
        stages = stages_of(target)
        if len(set(stages)) != len(stages) or not stages:
            problems.append(
                _error((*path, "stages"), "`stages` must be a non-empty list of distinct names")
            )
        goal = target.get("target")
        if (
            target.get("kind") == Kind.MILESTONE.value
            and isinstance(goal, str)
            and goal not in stages
        ):
            problems.append(
                _error((*path, "target"), f"stage {goal!r} is not one of: {', '.join(stages)}")
            )
        for index, record in records_of(target):
            problems += _record_shape(
                (*path, "progress", index), target.get("kind"), record, stages
            )
    return problems


def rule_periods(ctx: Context) -> list[Problem]:
    problems = []
    for rid, report in reports_of(ctx.doc):
        period = report.get("period")
        if isinstance(period, dict):
            start, end = period.get("start"), period.get("end")
            if _is_date(start) and _is_date(end) and start > end:
                problems.append(
                    _error(("reports", rid, "period"), f"period starts {start} after it ends {end}")
                )
    for tid, target in targets_of(ctx.doc):
        start, due = _target_window(ctx.doc, target)
        if start and due and start > due:
            problems.append(_error(("targets", tid), f"starts {start} after it is due {due}"))
    return problems


def _target_window(doc: Table, target: Table) -> tuple[dt.date | None, dt.date | None]:
    report = (
        doc.get("reports", {}).get(target.get("report"))
        if isinstance(doc.get("reports"), dict)
        else None
    )
    period = report.get("period") if isinstance(report, dict) else None
    period = period if isinstance(period, dict) else {}
    start = target.get("start", period.get("start"))
    due = target.get("due", period.get("end"))
    return (start if _is_date(start) else None, due if _is_date(due) else None)


def rule_record_dates(ctx: Context) -> list[Problem]:
    problems = []
    for tid, target in targets_of(ctx.doc):
        start, _ = _target_window(ctx.doc, target)
        previous: dt.date | None = None
        for index, record in records_of(target):
            day = record.get("date")
            if not _is_date(day):
                continue
            path = ("targets", tid, "progress", index, "date")
            if start and day < start:
                problems.append(
                    _error(path, f"record dated {day} is before the target's start {start}")
                )
            if day > ctx.today:
                problems.append(
                    _error(path, f"record dated {day} is in the future (today is {ctx.today})")
                )
            if previous and day == previous:
                problems.append(
                    _error(path, f"a second record on {day}; merge the two or remove one")
                )
            elif previous and day < previous:
                problems.append(
                    _error(
                        path,
                        f"record dated {day} comes after one dated {previous}; "
                        "keep records in date order",
                    )
                )
            previous = day
    return problems


def rule_sources(ctx: Context) -> list[Problem]:
    problems = []
    for tid, target in targets_of(ctx.doc):
        for index, record in records_of(target):
            if not record.get("source"):
                problems.append(
                    _warning(
                        ("targets", tid, "progress", index),
                        "record has no `source`; cite where it was published",
                    )
                )
        if target.get("verdict") and not target.get("verdict_source"):
            problems.append(
                _warning(("targets", tid, "verdict"), "verdict has no `verdict_source`")
            )
        if not target.get("quote"):
            problems.append(_warning(("targets", tid), "target has no `quote` from its report"))
    return problems


RULES: tuple[Callable[[Context], list[Problem]], ...] = (
    rule_schema_version,
    rule_unknown_keys,
    rule_required_fields,
    rule_types,
    rule_enums,
    rule_slugs,
    rule_report_refs,
    rule_parts,
    rule_finite_numbers,
    rule_kind_fields,
    rule_stages,
    rule_periods,
    rule_record_dates,
    rule_sources,
)


def run_rules(doc: Table, today: dt.date) -> list[Problem]:
    """Every problem of the document, errors and warnings, in rule order."""
    ctx = Context(doc, today)
    problems: list[Problem] = []
    for rule in RULES:
        problems += rule(ctx)
    return problems
