"""Extraction to JSON-ready data and to ready-to-review TOML."""

from __future__ import annotations

import math
import shlex
from dataclasses import asdict
from typing import Any

from targets.extract.model import DraftOutcome, DraftTarget, Extraction

DEFAULT_STAGES = ("planned", "started", "completed")  # as targets.domain.model has them
TARGET_FIELDS = (
    "quote",
    "start",
    "metric",
    "kind",
    "comparator",
    "target",
    "unit",
    "direction",
    "id",
    "title",
    "category",
    "confidence",
)
OUTCOME_FIELDS = ("quote", "start", "metric", "value", "unit", "period", "period_end", "matches")


def _number(value: float) -> float | int:
    return (
        int(value) if math.isfinite(value) and value == int(value) and abs(value) < 2**53 else value
    )


def _target_json(t: DraftTarget) -> dict[str, Any]:
    d = asdict(t)
    if isinstance(t.target, float):
        d["target"] = _number(t.target)
    out = {k: d[k] for k in TARGET_FIELDS}
    if t.kind == "milestone" and t.target not in DEFAULT_STAGES:
        out["stages"] = ["planned", t.target]  # so that `add --from` takes the stage
    return out


def _outcome_json(o: DraftOutcome) -> dict[str, Any]:
    d = asdict(o)
    d["value"] = _number(o.value)
    d["period_end"] = o.period_end.isoformat() if o.period_end else None
    d["matches"] = list(o.matches)
    return {k: d[k] for k in OUTCOME_FIELDS}


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    """{"targets": [...], "outcomes": [...]}: JSON-ready, field names as in the dataclasses
    (and `stages` for a milestone whose stage is not a default one, such as established)."""
    return {
        "targets": [_target_json(t) for t in extraction.targets],
        "outcomes": [_outcome_json(o) for o in extraction.outcomes],
    }


def _toml_string(s: str) -> str:
    """A TOML basic string: quotes, backslashes and every control character escaped."""
    out = ['"']
    for ch in s:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\\uFFFD")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _comment_safe(s: str) -> str:
    """Text that can stand in a TOML comment: one line, no control characters."""
    return "".join(
        " "
        if ch in "\n\r\t" or ord(ch) < 0x20 or ord(ch) == 0x7F
        else "\ufffd"
        if 0xD800 <= ord(ch) <= 0xDFFF
        else ch
        for ch in s
    )


def _toml_value(v: float | str) -> str:
    if isinstance(v, str):
        return _toml_string(v)
    n = _number(v)
    if isinstance(n, int):
        return str(n)
    if not math.isfinite(n):
        return "nan" if math.isnan(n) else ("inf" if n > 0 else "-inf")
    return repr(n)


def _mark_value(v: float) -> str:
    n = _number(v)
    return str(n) if isinstance(n, int) else repr(n)


def extraction_toml(
    extraction: Extraction,
    report: str | None,
    published: str | None = None,
    source: str | None = None,
) -> str:
    """Ready-to-review `[targets.ID]` tables, and as comments the `targets mark` lines that would
    record the outcomes that match a target. The whole text is valid TOML."""
    lines: list[str] = [
        "# Drafts from `targets extract`: review every table before adding it to the data file."
    ]
    for t in extraction.targets:
        lines.append("")
        lines.append(_comment_safe(f"# confidence {t.confidence:.2f}; metric: {t.metric}"))
        lines.append(f"[targets.{t.id}]")
        if report is not None:
            lines.append(f"report = {_toml_string(report)}")
        lines.append(f"category = {_toml_string(t.category)}")
        lines.append(f"title = {_toml_string(t.title)}")
        lines.append(f"kind = {_toml_string(t.kind)}")
        if t.comparator is not None:
            lines.append(f"comparator = {_toml_string(t.comparator)}")
        if t.direction is not None:
            lines.append(f"direction = {_toml_string(t.direction)}")
        if t.target is not None:
            lines.append(f"target = {_toml_value(t.target)}")
            if t.kind == "milestone" and t.target not in DEFAULT_STAGES:
                lines.append(f'stages = ["planned", {_toml_value(t.target)}]')
        if t.unit is not None:
            lines.append(f"unit = {_toml_string(t.unit)}")
        lines.append(f"quote = {_toml_string(t.quote)}")
    marks = [o for o in extraction.outcomes if o.matches]
    if marks:
        lines.append("")
        lines.append(
            "# Outcomes that report on a known target (best match first); run to record them:"
        )
        for o in marks:
            parts = ["targets", "mark", o.matches[0], _mark_value(o.value)]
            if o.period_end is not None:
                parts += ["--date", o.period_end.isoformat()]
            if published:
                parts += ["--published", published]
            if source:
                parts += ["--source", source]
            parts += ["--note", f"「{o.quote}」"]
            cmd = " ".join(shlex.quote(p) for p in parts)
            others = f"  (also: {', '.join(o.matches[1:])})" if len(o.matches) > 1 else ""
            lines.append(_comment_safe(f"# {cmd}{others}"))
    return "\n".join(lines) + "\n"
