"""A publishable status report: one self-contained HTML file (inline CSS and SVG, nothing
loaded from the network), or Markdown. Built from the `show` rows of every target.

All text from the data file is escaped; links are made only from http(s) addresses.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from typing import Any

from .rows import Row, for_reading
from .vocab import Status

COLOURS = {
    "achieved": "#1a7f37",
    "achieved_late": "#4c9a5e",
    "on_track": "#0969da",
    "behind": "#bf8700",
    "not_started": "#8c959f",
    "missed": "#cf222e",
    "overdue": "#8250df",
    "unmeasured": "#afb8c1",
}
WIDTH, HEIGHT, PAD = 320, 110, 26


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _link(text: Any) -> str:
    """A source as a link when it is a web address, else as escaped text."""
    raw = "" if text is None else str(text)
    if raw.startswith(("https://", "http://")) and not any(c.isspace() for c in raw):
        return f'<a href="{_e(raw)}" rel="noopener">{_e(raw)}</a>'
    return _e(raw)


def _groups(rows: Iterable[Row], lang: str) -> dict[tuple[str, str], list[Row]]:
    groups: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        groups.setdefault((for_reading(row, "district", lang), row["category"]), []).append(row)
    return groups


def _counts(rows: list[Row]) -> dict[str, int]:
    counts = {status.value: 0 for status in Status}
    for row in rows:
        counts[row["status"]] += 1
    return {status: n for status, n in counts.items() if n}


# -- the chart ----------------------------------------------------------------------------


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _series(row: Row) -> list[tuple[dt.date, float]]:
    """The recorded values to plot: numbers, or a milestone's stages as their positions."""
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


def _goal(row: Row) -> float | None:
    if isinstance(row["target"], (int, float)):
        return float(row["target"])
    stages = row.get("stages") or []
    return float(stages.index(row["target"])) if row["target"] in stages else None


def chart_svg(row: Row) -> str:
    """Recorded values over the target's period, against the expected pace and the target."""
    goal, points = _goal(row), _series(row)
    if goal is None:
        return ""
    start, due = _day(row["start"]), _day(row["due"])
    evaluated = _day(row["evaluated_on"])
    first, last = (
        min([start, *(d for d, _ in points)]),
        max([due, evaluated, *(d for d, _ in points)]),
    )
    base = float(row["baseline"] or 0)
    low = min([base, goal, *(v for _, v in points)])
    high = max([base, goal, *(v for _, v in points)]) or 1.0
    span_days = max(1, (last - first).days)

    def x(day: dt.date) -> float:
        return PAD + (day - first).days / span_days * (WIDTH - 2 * PAD)

    def y(value: float) -> float:
        return HEIGHT - PAD / 2 - (value - low) / ((high - low) or 1) * (HEIGHT - PAD)

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-label="{_e(row["id"])}: recorded values against the expected pace">'
    ]
    parts.append(
        f'<line x1="{PAD}" y1="{y(goal):.1f}" x2="{WIDTH - PAD}" y2="{y(goal):.1f}" class="goal"/>'
    )
    if row["kind"] in ("count", "level", "milestone"):
        parts.append(
            f'<line x1="{x(start):.1f}" y1="{y(base):.1f}" x2="{x(due):.1f}" y2="{y(goal):.1f}" '
            'class="pace"/>'
        )
    marker = x(min(evaluated, last))
    parts.append(
        f'<line x1="{marker:.1f}" y1="4" x2="{marker:.1f}" y2="{HEIGHT - 8}" class="today"/>'
    )
    if points:
        coords = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
        parts.append(f'<polyline points="{coords}" class="values"/>')
        parts += [
            f'<circle cx="{x(d):.1f}" cy="{y(v):.1f}" r="3" class="point"/>' for d, v in points
        ]
    else:
        parts.append(
            f'<text x="{WIDTH / 2:.0f}" y="{HEIGHT / 2:.0f}" class="empty">no records yet</text>'
        )
    parts.append(f'<text x="{PAD}" y="{HEIGHT - 1}" class="axis">{_e(first)}</text>')
    parts.append(f'<text x="{WIDTH - PAD}" y="{HEIGHT - 1}" class="axis end">{_e(last)}</text>')
    parts.append("</svg>")
    return "".join(parts)


# -- HTML -----------------------------------------------------------------------------------

CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC",sans-serif;
 margin:0 auto;max-width:980px;padding:24px;color:#1f2328;background:#fff}
h1{font-size:26px;margin:0 0 4px}h2{margin-top:36px;border-bottom:1px solid #d0d7de}
h3{margin:24px 0 8px;color:#57606a}.lede{color:#57606a;margin:0 0 16px}
.summary{display:flex;flex-wrap:wrap;gap:8px;margin:16px 0}
.chip{border-radius:999px;padding:2px 10px;color:#fff;font-size:13px;white-space:nowrap}
.stack{display:flex;height:12px;border-radius:6px;overflow:hidden;margin:8px 0 24px}
.target{border:1px solid #d0d7de;border-radius:8px;padding:12px 16px;margin:10px 0;
 display:grid;grid-template-columns:1fr 330px;gap:4px 16px}
.target.plain{grid-template-columns:1fr;padding:8px 16px}
.target h4{margin:0;font-size:16px}.en{color:#57606a;font-size:13px;margin:0}
.meta{font-size:13px;color:#57606a}.bar{position:relative;height:10px;background:#eaeef2;
 border-radius:5px;margin:6px 0}.fill{height:100%;border-radius:5px}
.pacemark{position:absolute;top:-3px;width:2px;height:16px;background:#1f2328}
blockquote{margin:6px 0;padding:2px 10px;border-left:3px solid #d0d7de;color:#424a53}
.records{font-size:13px;margin:4px 0 0;padding-left:18px}.side{grid-row:span 4}
.chart .goal{stroke:#1a7f37;stroke-dasharray:4 3}.chart .pace{stroke:#8c959f;stroke-dasharray:2 3}
.chart .today{stroke:#d0d7de}.chart .values{fill:none;stroke:#0969da;stroke-width:2}
.chart .point{fill:#0969da}.chart text{font-size:10px;fill:#57606a}.chart .end{text-anchor:end}
.chart .empty{text-anchor:middle;font-size:12px}.conflict{color:#cf222e;font-weight:600}
footer{margin-top:40px;font-size:12px;color:#57606a}
"""


def _chip(status: str, text: str) -> str:
    return (
        f'<span class="chip" style="background:{COLOURS.get(status, "#8c959f")}">{_e(text)}</span>'
    )


def _bar(row: Row) -> str:
    if row["progress"] is None:
        return ""
    width = max(0.0, min(1.0, row["progress"])) * 100
    colour = COLOURS[row["status"]]
    parts = [f'<div class="fill" style="width:{width:.1f}%;background:{colour}"></div>']
    if row["expected"] is not None:
        left = row["expected"] * 100
        parts.append(f'<div class="pacemark" style="left:{left:.1f}%" title="expected pace"></div>')
    return f'<div class="bar">{"".join(parts)}</div>'


def _amount(value: Any, unit: Any) -> str:
    if value is None:
        return "—"
    return f"{value} {unit}" if isinstance(value, (int, float)) and unit else str(value)


def _verdict(row: Row) -> str:
    if not row["verdict"]:
        return ""
    clash = ' <span class="conflict">conflicts with the status</span>' if row["conflict"] else ""
    note, source = _e(row["verdict_note"] or ""), _link(row["verdict_source"])
    return f'<div class="meta">verdict: {_e(row["verdict"])}{clash} {note} {source}</div>'


def _records(row: Row) -> str:
    items = []
    for r in row["records"]:
        value = r["stage"] if r["stage"] is not None else r["value"]
        note = f" — {_e(r['note'])}" if r["note"] else ""
        items.append(f"<li>{_e(r['date'])}: {_e(value)}{note} {_link(r['source'])}</li>")
    return f'<ul class="records">{"".join(items)}</ul>' if items else ""


def _target_html(row: Row, lang: str) -> str:
    title = for_reading(row, "title", lang)
    other = row["title_en"] if lang != "en" else row["title"]
    chart = chart_svg(row)
    if row["kind"] == "qualitative":
        facts = "a commitment with no measure: only a verdict speaks"
    else:
        share = "" if row["progress"] is None else f" · {row['progress'] * 100:.0f}% done"
        pace = "" if row["expected"] is None else f" (pace {row['expected'] * 100:.0f}%)"
        now, goal = _amount(row["current"], row["unit"]), _amount(row["target"], row["unit"])
        facts = f"now {now} of {goal}{share}{pace} · due {row['due']}"
    parts = [
        f'<section class="target{"" if chart else " plain"}" id="{_e(row["id"])}">',
        f"<div><h4>{_e(title)}</h4>",
        f'<p class="en">{_e(other)}</p>' if other else "",
        "</div>",
        f'<div class="side">{chart}</div>' if chart else "",
        f'<div class="meta">{_chip(row["status"], row["status"])} {_e(facts)}</div>',
        f"<div>{_bar(row)}{_verdict(row)}",
        f"<blockquote>{_e(row['quote'])}</blockquote>" if row["quote"] else "",
        _records(row),
        "</div></section>",
    ]
    return "".join(parts)


def html_report(rows: list[Row], reports: list[dict[str, Any]], day: str, lang: str = "zh") -> str:
    """The whole report as one HTML document."""
    counts = _counts(rows)
    total = len(rows) or 1
    stack = "".join(
        f'<div style="width:{n / total * 100:.2f}%;background:{COLOURS[s]}" title="{s} {n}"></div>'
        for s, n in counts.items()
    )
    districts = "、".join(dict.fromkeys(_e(for_reading(row, "district", lang)) for row in rows))
    body = [
        f"<h1>{'Pledges' if lang == 'en' else '政府工作报告目标'}: {districts}</h1>",
        f'<p class="lede">{len(rows)} targets, status on {_e(day)}. Generated by targets.</p>',
        '<div class="summary">'
        + "".join(_chip(s, f"{s} {n}") for s, n in counts.items())
        + "</div>",
        f'<div class="stack">{stack}</div>',
    ]
    current_district = None
    for (district, category), group in _groups(rows, lang).items():
        if district != current_district:
            body.append(f"<h2>{_e(district)}</h2>")
            current_district = district
        body.append(f"<h3>{_e(category)}</h3>")
        body += [_target_html(row, lang) for row in group]
    sources = "".join(
        f"<li>{_e(r['title'] or r['id'])}: {_link(r['source'])}</li>" for r in reports
    )
    body.append(f"<footer><p>Sources:</p><ul>{sources}</ul></footer>")
    head = (
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>targets: status on {_e(day)}</title><style>{CSS}</style>"
    )
    language = "en" if lang == "en" else "zh-CN"
    page = f'<html lang="{language}"><head>{head}</head><body>{"".join(body)}</body></html>'
    return f"<!DOCTYPE html>\n{page}\n"


# -- Markdown -------------------------------------------------------------------------------


def _md(value: Any) -> str:
    from .formats import markdown_text

    return markdown_text(value)


def _md_bar(row: Row) -> str:
    if row["progress"] is None:
        return ""
    filled = round(max(0.0, min(1.0, row["progress"])) * 20)
    return f"`{'█' * filled}{'░' * (20 - filled)}` {row['progress'] * 100:.0f}%"


def markdown_report(
    rows: list[Row], reports: list[dict[str, Any]], day: str, lang: str = "zh"
) -> str:
    """The whole report as Markdown."""
    counts = _counts(rows)
    lines = [
        f"# Targets: status on {day}",
        "",
        f"{len(rows)} targets: " + ", ".join(f"**{s}** {n}" for s, n in counts.items()),
        "",
    ]
    current_district = None
    for (district, category), group in _groups(rows, lang).items():
        if district != current_district:
            lines += [f"## {_md(district)}", ""]
            current_district = district
        lines += [f"### {_md(category)}", ""]
        for row in group:
            pace = "" if row["expected"] is None else f" (pace {row['expected'] * 100:.0f}%)"
            lines.append(
                f"- **{_md(for_reading(row, 'title', lang))}** — `{row['status']}` "
                f"{_md_bar(row)}{pace} · now {_md(_amount(row['current'], row['unit']))} "
                f"of {_md(_amount(row['target'], row['unit']))} · due {row['due']}"
            )
            if row["quote"]:
                lines.append(f"  > {_md(row['quote'])}")
            for record in row["records"]:
                value = record["stage"] if record["stage"] is not None else record["value"]
                source = record["source"] or ""
                shown = f"<{source}>" if source.startswith(("https://", "http://")) else _md(source)
                lines.append(f"  - {record['date']}: {_md(value)} {shown}")
        lines.append("")
    lines += ["Sources:", ""] + [
        f"- {_md(r['title'] or r['id'])}: {_md(r['source'])}" for r in reports
    ]
    return "\n".join(lines) + "\n"
