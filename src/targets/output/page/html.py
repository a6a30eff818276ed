"""The report as one self-contained HTML page: inline CSS and SVG, nothing loaded from the
network, every piece of data escaped (`safe.html_text`) and links only to clean http(s)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from targets.domain.labels import status_label
from targets.domain.model import Report
from targets.domain.rows import for_reading
from targets.domain.summary import achieved, needing_attention
from targets.domain.summary import status_counts as counts
from targets.output import safe
from targets.output.safe import html_text as h

from .chart import chart_svg
from .common import (
    Row,
    lede,
    measure_line,
    page_title,
    sections,
    words,
)

COLOURS = {
    "achieved": "#1a7f37",
    "achieved_late": "#4c9a5e",
    "on_track": "#0969da",
    "behind": "#bf8700",
    "not_started": "#6e7781",
    "missed": "#cf222e",
    "overdue": "#8250df",
    "unmeasured": "#8c959f",
}

CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC",sans-serif;
 margin:0 auto;max-width:980px;padding:24px;color:#1f2328;background:#fff}
h1{font-size:26px;margin:0 0 4px}h2{margin-top:32px;border-bottom:1px solid #d0d7de}
h3{margin:22px 0 8px;color:#57606a}.lede{color:#57606a;margin:0 0 12px}
.summary{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}
.chip{border-radius:999px;padding:1px 9px;color:#fff;font-size:13px;white-space:nowrap}
.stack{display:flex;height:12px;border-radius:6px;overflow:hidden;margin:8px 0 16px}
.brief{list-style:none;padding:0;margin:8px 0}
.brief li{padding:4px 0;border-bottom:1px solid #eaeef2}
.brief .m{color:#57606a;font-size:13px}
.target{border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;margin:10px 0;
 display:grid;grid-template-columns:1fr 370px;gap:4px 16px}
.target.plain{grid-template-columns:1fr}
.target h4{margin:0;font-size:16px}.en{color:#57606a;font-size:13px;margin:0}
.meta{font-size:13px;color:#57606a}.bar{position:relative;height:10px;background:#eaeef2;
 border-radius:5px;margin:6px 0}.fill{height:100%;border-radius:5px}
.pacemark{position:absolute;top:-3px;width:2px;height:16px;background:#1f2328}
blockquote{margin:6px 0;padding:2px 10px;border-left:3px solid #d0d7de;color:#424a53}
.records{font-size:13px;margin:4px 0 0;padding-left:18px}.side{grid-row:span 4}
.commitments{font-size:14px;padding-left:18px}.commitments li{margin:3px 0}
.chart .axis{stroke:#8c959f}.chart .goal{stroke:#1a7f37;stroke-dasharray:4 3}
.chart .pace{stroke:#8c959f;stroke-dasharray:2 3}.chart .today{stroke:#d0d7de}
.chart .values{fill:none;stroke:#0969da;stroke-width:2}.chart .point{fill:#0969da}
.chart text{font-size:10px;fill:#57606a}.chart .y{text-anchor:end}.chart .end{text-anchor:end}
.conflict{color:#cf222e;font-weight:600}footer{margin-top:40px;font-size:12px;color:#57606a}
"""


def _chip(status: str, lang: str, text: str | None = None) -> str:
    shown = safe.html_text(text if text is not None else status_label(status, lang))
    return f'<span class="chip" style="background:{COLOURS.get(status, "#6e7781")}">{shown}</span>'


def _bar(row: Row) -> str:
    if row["progress"] is None:
        return ""
    width = max(0.0, min(1.0, row["progress"])) * 100
    parts = [
        f'<div class="fill" style="width:{width:.1f}%;background:{COLOURS[row["status"]]}"></div>'
    ]
    if row["expected"] is not None:
        parts.append(f'<div class="pacemark" style="left:{row["expected"] * 100:.1f}%"></div>')
    return f'<div class="bar">{"".join(parts)}</div>'


def _verdict(row: Row, lang: str) -> str:
    if not row["verdict"]:
        return ""
    w = words(lang)
    clash = ' <span class="conflict">⚠</span>' if row["conflict"] else ""
    note = safe.html_text(row["verdict_note"] or "")
    source = safe.html_link(row["verdict_source"])
    return f'<div class="meta">{w["verdict"]}: {h(row["verdict"])}{clash} {note} {source}</div>'


def _records(row: Row) -> str:
    items = []
    for r in row["records"]:
        value = r["stage"] if r["stage"] is not None else r["value"]
        published = f" ({safe.html_text(r['published'])})" if r["published"] else ""
        note = f" — {safe.html_text(r['note'])}" if r["note"] else ""
        source = safe.html_link(r["source"])
        items.append(f"<li>{h(r['date'])}{published}: {h(value)}{note} {source}</li>")
    return f'<ul class="records">{"".join(items)}</ul>' if items else ""


def _target(row: Row, lang: str) -> str:
    title = for_reading(row, "title", lang)
    other = row["title_en"] if lang != "en" else row["title"]
    chart = chart_svg(row, lang)
    return "".join(
        [
            f'<section class="target{"" if chart else " plain"}" id="{h(row["id"])}">',
            f"<div><h4>{safe.html_text(title)}</h4>",
            f'<p class="en">{safe.html_text(other)}</p>' if other and other != title else "",
            "</div>",
            f'<div class="side">{chart}</div>' if chart else "",
            f'<div class="meta">{_chip(row["status"], lang)} {h(measure_line(row, lang))}</div>',
            f"<div>{_bar(row)}{_verdict(row, lang)}",
            f"<blockquote>{safe.html_text(row['quote'])}</blockquote>" if row["quote"] else "",
            _records(row),
            "</div></section>",
        ]
    )


def _commitment(row: Row, lang: str) -> str:
    w = words(lang)
    verdict = (
        _chip("achieved" if row["verdict"] == "kept" else "behind", lang, row["verdict"])
        if row["verdict"]
        else f'<span class="meta">{w["no_verdict"]}</span>'
    )
    title = h(for_reading(row, "title", lang))
    why = _verdict(row, lang) if row["verdict_note"] else ""
    return f'<li id="{h(row["id"])}">{title} {verdict} {why}</li>'


def _brief(rows: Sequence[Row], lang: str) -> str:
    if not rows:
        return f'<p class="meta">{words(lang)["none"]}</p>'
    items = [
        f'<li>{_chip(r["status"], lang)} <a href="#{h(r["id"])}">'
        f"{h(for_reading(r, 'title', lang))}</a> "
        f'<span class="m">{h(for_reading(r, "district", lang))} · '
        f"{h(measure_line(r, lang))}</span></li>"
        for r in rows
    ]
    return f'<ul class="brief">{"".join(items)}</ul>'


def html_page(
    rows: Sequence[Row], reports: Sequence[Report], day: dt.date, lang: str = "zh"
) -> str:
    """The whole report as one HTML document."""
    w = words(lang)
    title = page_title(rows, reports, lang)
    found = counts(rows)
    total = len(rows) or 1
    stack = "".join(
        f'<div style="width:{n / total * 100:.2f}%;background:{COLOURS[s]}" '
        f'title="{h(status_label(s, lang))} {n}"></div>'
        for s, n in found.items()
    )
    body = [
        f"<h1>{safe.html_text(title)}</h1>",
        f'<p class="lede">{safe.html_text(lede(rows, day, lang))}</p>',
        '<div class="summary">'
        + "".join(_chip(s, lang, f"{status_label(s, lang)} {n}") for s, n in found.items())
        + "</div>",
        f'<div class="stack">{stack}</div>',
        f"<h2>{w['attention']}</h2>",
        _brief(needing_attention(rows), lang),
        f"<h2>{w['done']}</h2>",
        _brief(achieved(rows), lang),
    ]
    for district, categories in sections(rows, lang):
        body.append(f"<h2>{safe.html_text(district)}</h2>")
        for label, measured, qualitative in categories:
            body.append(f"<h3>{safe.html_text(label)}</h3>")
            body += [_target(row, lang) for row in measured]
            if qualitative:
                items = "".join(_commitment(row, lang) for row in qualitative)
                body.append(
                    f'<p class="meta">{w["commitments"]}</p><ul class="commitments">{items}</ul>'
                )
    sources = "".join(
        f"<li>{safe.html_text(r.title or r.id)}: {safe.html_link(r.source)}</li>" for r in reports
    )
    made = f"<p>targets · {h(day.isoformat())}</p>"
    body.append(f"<footer><p>{w['sources']}:</p><ul>{sources}</ul>{made}</footer>")
    head = (
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{safe.html_text(title)}</title><style>{CSS}</style>"
    )
    language = "en" if lang == "en" else "zh-CN"
    page = f'<html lang="{language}"><head>{head}</head><body>{"".join(body)}</body></html>'
    return f"<!DOCTYPE html>\n{page}\n"
