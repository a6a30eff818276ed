"""What both report formats say: the page title, the summary, the groups, the amounts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from targets.domain.labels import category_label
from targets.domain.model import Report
from targets.domain.rows import for_reading

Row = dict[str, Any]

WORDS = {
    "zh": {
        "title": "政府工作报告目标进展",
        "lede": "共{total}项目标（其中{measured}项可量化），截至{day}。",
        "attention": "需要关注",
        "done": "已实现",
        "commitments": "定性承诺",
        "sources": "来源",
        "none": "暂无",
        "now": "现值",
        "of": "目标",
        "due": "截止",
        "pace": "应达进度",
        "done_share": "完成",
        "verdict": "评价",
        "no_verdict": "尚无评价",
        "records": "记录",
    },
    "en": {
        "title": "Work-report pledges",
        "lede": "{total} targets ({measured} measured), status on {day}.",
        "attention": "Needs attention",
        "done": "Achieved",
        "commitments": "Qualitative commitments",
        "sources": "Sources",
        "none": "none",
        "now": "now",
        "of": "of",
        "due": "due",
        "pace": "pace",
        "done_share": "done",
        "verdict": "verdict",
        "no_verdict": "no verdict yet",
        "records": "records",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS["en" if lang == "en" else "zh"]


def page_title(rows: Sequence[Row], reports: Sequence[Report], lang: str) -> str:
    """One title for every format: what, for whom (the districts shown)."""
    districts = list(dict.fromkeys(for_reading(row, "district", lang) for row in rows))
    separator = ", " if lang == "en" else "、"
    shown = separator.join(districts) if districts else words(lang)["none"]
    return (
        f"{words(lang)['title']}: {shown}" if lang == "en" else f"{words(lang)['title']}：{shown}"
    )


def lede(rows: Sequence[Row], day: dt.date, lang: str) -> str:
    measured = sum(1 for row in rows if row["kind"] != "qualitative")
    return words(lang)["lede"].format(total=len(rows), measured=measured, day=day.isoformat())


def sections(
    rows: Sequence[Row], lang: str
) -> list[tuple[str, list[tuple[str, list[Row], list[Row]]]]]:
    """By district, then category (in the reader's language): measured targets and
    qualitative commitments apart."""
    districts: dict[str, dict[str, list[Row]]] = {}
    for row in rows:
        district = for_reading(row, "district", lang)
        districts.setdefault(district, {}).setdefault(
            category_label(row["category"], lang), []
        ).append(row)
    return [
        (
            district,
            [
                (
                    label,
                    [r for r in group if r["kind"] != "qualitative"],
                    [r for r in group if r["kind"] == "qualitative"],
                )
                for label, group in categories.items()
            ],
        )
        for district, categories in districts.items()
    ]


def amount(value: Any, unit: Any) -> str:
    """A value with its unit (a stage as it is); — when there is none."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    return f"{shown} {unit}" if unit else shown


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def measure_line(row: Row, lang: str) -> str:
    """Now, of, done, pace and due, for a measured target; empty for a qualitative one."""
    if row["kind"] == "qualitative":
        return ""
    w = words(lang)
    parts = [
        f"{w['now']} {amount(row['current'], row['unit'])}",
        f"{w['of']} {amount(row['target'], row['unit'])}",
    ]
    if row["progress"] is not None:
        parts.append(f"{w['done_share']} {percent(row['progress'])}")
    if row["expected"] is not None:
        parts.append(f"{w['pace']} {percent(row['expected'])}")
    parts.append(f"{w['due']} {row['due']}")
    return " · ".join(parts)
