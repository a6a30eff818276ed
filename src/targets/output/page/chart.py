"""A small SVG chart of a target's recorded values, with labelled axes: the values at the
bottom, top and target, the period's start and due date, the expected pace and the day of
evaluation. Drawn only for a target with records."""

from __future__ import annotations

import datetime as dt
from typing import Any

from targets.output import safe

WIDTH, HEIGHT = 360, 150
LEFT, RIGHT, TOP, BOTTOM = 56, 14, 12, 30


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _points(row: dict[str, Any]) -> list[tuple[dt.date, float]]:
    """The observed values: numbers, or a milestone's stages as their positions."""
    stages = row.get("stages") or []
    points = []
    for observed in row["observations"]:  # a composite's are the sums of its parts
        value = observed["value"]
        if isinstance(value, str):
            if value in stages:
                points.append((_day(observed["date"]), float(stages.index(value))))
        else:
            points.append((_day(observed["date"]), float(value)))
    return points


def _goal(row: dict[str, Any]) -> float | None:
    if isinstance(row["target"], (int, float)):
        return float(row["target"])
    stages = row.get("stages") or []
    return float(stages.index(row["target"])) if row["target"] in stages else None


def _label(row: dict[str, Any], value: float) -> str:
    stages = row.get("stages") or []
    if row["kind"] == "milestone" and stages:
        return stages[int(value)] if 0 <= int(value) < len(stages) else ""
    return f"{value:g}"


def _line(x1: float, y1: float, x2: float, y2: float, kind: str) -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" class="{kind}"/>'


def _text(x: float, y: float, kind: str, shown: str) -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" class="{kind}">{safe.html_text(shown)}</text>'


def chart_svg(row: dict[str, Any], lang: str = "zh") -> str:
    """The chart, or "" when there is nothing to draw."""
    goal, points = _goal(row), _points(row)
    if goal is None or not points:
        return ""
    start, due, evaluated = _day(row["start"]), _day(row["due"]), _day(row["evaluated_on"])
    first = min([start, *(d for d, _ in points)])
    last = max([due, *(d for d, _ in points)])
    base = float(row["baseline"] or 0)
    low = min([base, goal, *(v for _, v in points)])
    high = max([base, goal, *(v for _, v in points)])
    if high == low:
        high = low + 1
    span_days = max(1, (last - first).days)

    def x(day: dt.date) -> float:
        return LEFT + (day - first).days / span_days * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * (HEIGHT - TOP - BOTTOM)

    due_word = "due" if lang == "en" else "截止"
    label = safe.html_text(f"{row['id']}: recorded values against the target and the pace")
    bottom = HEIGHT - BOTTOM
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-label="{label}">',
        _line(LEFT, TOP, LEFT, bottom, "axis"),
        _line(LEFT, bottom, WIDTH - RIGHT, bottom, "axis"),
    ]
    for value in sorted({low, high, goal}):
        parts.append(_text(LEFT - 4, y(value) + 3, "tick y", _label(row, value)))
    parts.append(_line(LEFT, y(goal), WIDTH - RIGHT, y(goal), "goal"))
    if row["expected"] is not None:
        parts.append(_line(x(start), y(base), x(due), y(goal), "pace"))
    for day, anchor, shown in (
        (first, "start", first.isoformat()),
        (due, "end", f"{due_word} {due.isoformat()}"),
    ):
        parts.append(_line(x(day), bottom, x(day), bottom + 4, "axis"))
        parts.append(_text(x(day), bottom + 16, f"tick {anchor}", shown))
    if first <= evaluated <= last:
        parts.append(_line(x(evaluated), TOP, x(evaluated), bottom, "today"))
    coords = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
    parts.append(f'<polyline points="{coords}" class="values"/>')
    parts += [f'<circle cx="{x(d):.1f}" cy="{y(v):.1f}" r="3" class="point"/>' for d, v in points]
    parts.append("</svg>")
    return "".join(parts)
