"""The report as Markdown, for a wiki or an issue: every piece of data escaped
(`safe.markdown`), links only as autolinks of clean http(s) addresses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from targets.domain.labels import status_label
from targets.domain.model import Report
from targets.domain.rows import for_reading
from targets.domain.summary import achieved, needing_attention
from targets.domain.summary import status_counts as counts
from targets.output import safe
from targets.output.safe import markdown as md

from .common import (
    Row,
    lede,
    measure_line,
    page_title,
    sections,
    words,
)


def _bar(row: Row) -> str:
    if row["progress"] is None:
        return ""
    filled = round(max(0.0, min(1.0, row["progress"])) * 20)
    return f" `{'█' * filled}{'░' * (20 - filled)}`"


def _brief(rows: Sequence[Row], lang: str) -> list[str]:
    if not rows:
        return [f"_{words(lang)['none']}_", ""]
    return [
        f"- **{md(for_reading(r, 'title', lang))}** ({md(status_label(r['status'], lang))}) "
        f"{md(for_reading(r, 'district', lang))} · {md(measure_line(r, lang))}"
        for r in rows
    ] + [""]


def _verdict_line(row: Row, lang: str) -> str:
    w = words(lang)
    if not row["verdict"]:
        return f"  - _{w['no_verdict']}_"
    note = f" {safe.markdown(row['verdict_note'])}" if row["verdict_note"] else ""
    source = f" {safe.markdown_link(row['verdict_source'])}" if row["verdict_source"] else ""
    clash = " ⚠" if row["conflict"] else ""
    return f"  - {w['verdict']}: `{safe.markdown(row['verdict'])}`{clash}{note}{source}"


def _target(row: Row, lang: str) -> list[str]:
    lines = [
        f"- **{md(for_reading(row, 'title', lang))}** — {md(status_label(row['status'], lang))}"
        f"{_bar(row)} {md(measure_line(row, lang))}"
    ]
    if row["quote"]:
        lines.append(f"  > {safe.markdown(row['quote'])}")
    for record in row["records"]:
        value = record["stage"] if record["stage"] is not None else record["value"]
        published = f" ({safe.markdown(record['published'])})" if record["published"] else ""
        note = f" — {safe.markdown(record['note'])}" if record["note"] else ""
        source = safe.markdown_link(record["source"])
        lines.append(f"  - {md(record['date'])}{published}: {md(value)}{note} {source}".rstrip())
    if row["verdict"]:
        lines.append(_verdict_line(row, lang))
    return lines


def _commitment(row: Row, lang: str) -> str:
    verdict = (
        f" — `{safe.markdown(row['verdict'])}`"
        if row["verdict"]
        else f" — _{words(lang)['no_verdict']}_"
    )
    return f"- {safe.markdown(for_reading(row, 'title', lang))}{verdict}"


def markdown_page(
    rows: Sequence[Row], reports: Sequence[Report], day: dt.date, lang: str = "zh"
) -> str:
    """The whole report as Markdown."""
    w = words(lang)
    found = counts(rows)
    lines = [
        f"# {safe.markdown(page_title(rows, reports, lang))}",
        "",
        safe.markdown(lede(rows, day, lang)),
        "",
        " · ".join(f"**{safe.markdown(status_label(s, lang))}** {n}" for s, n in found.items()),
        "",
        f"## {w['attention']}",
        "",
        *_brief(needing_attention(rows), lang),
        f"## {w['done']}",
        "",
        *_brief(achieved(rows), lang),
    ]
    for district, categories in sections(rows, lang):
        lines += [f"## {safe.markdown(district)}", ""]
        for label, measured, qualitative in categories:
            lines += [f"### {safe.markdown(label)}", ""]
            for row in measured:
                lines += _target(row, lang)
            if qualitative:
                lines += ["", f"_{w['commitments']}:_", ""] if measured else []
                lines += [_commitment(row, lang) for row in qualitative]
            lines.append("")
    lines += [f"{w['sources']}:", ""]
    lines += [
        f"- {safe.markdown(r.title or r.id)}: {safe.markdown_link(r.source)}" for r in reports
    ]
    return "\n".join(lines) + "\n"


def markdown_target(row: Row, lang: str = "zh") -> str:
    """One target whole, for `show --format markdown`."""
    lines = [
        f"### {safe.markdown(for_reading(row, 'title', lang))}",
        "",
        f"`{safe.markdown(row['id'])}`",
        "",
    ]
    lines += _target(row, lang) if row["kind"] != "qualitative" else [_commitment(row, lang)]
    for entry in row["verdicts"][:-1]:
        note = md(entry["note"] or "")
        lines.append(f"  - {md(entry['date'] or '')}: `{md(entry['verdict'])}` {note}".rstrip())
    return "\n".join(lines) + "\n"
