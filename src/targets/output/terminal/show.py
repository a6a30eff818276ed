"""`targets show` at a terminal: one target whole."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from targets.domain.rows import for_reading

from .tables import cell, progress_bar, rows_table, sparkline, text

FACTS = (
    "district",
    "report",
    "category",
    "tags",
    "kind",
    "comparator",
    "direction",
    "target",
    "baseline",
    "tolerance",
    "stages",
    "parts",
    "start",
    "due",
    "current",
    "as_of",
    "published",
    "margin",
    "progress",
    "expected",
    "source",
    "note",
)


def _records(detail: dict[str, Any], width: int | None) -> Table:
    rows = [
        {**r, "value": r["stage"] if r["stage"] is not None else r["value"]}
        for r in detail["records"]
    ]
    return rows_table(
        [_Row(r) for r in rows],
        ["date", "published", "value", "note", "source"],
        width=width,
    )


def _verdicts(detail: dict[str, Any], width: int | None) -> Table:
    rows = [{**v, "date": v["date"] or "(undated)"} for v in detail["verdicts"]]
    return rows_table([_Row(r) for r in rows], ["date", "verdict", "note", "source"], width=width)


class _Row(dict[str, Any]):
    """A plain dict read like a row."""


def _chart(detail: dict[str, Any]) -> Text | None:
    values = [o["value"] for o in detail["observations"] if not isinstance(o["value"], str)]
    if not values or not isinstance(detail["target"], (int, float)):
        return None
    low = min([*values, detail["baseline"] or 0, detail["target"]])
    high = max([*values, detail["target"]])
    line = Text("values  ")
    line.append(sparkline(values, low, high), style="cyan")
    unit = text(f" {detail['unit']}" if detail["unit"] else "")
    line.append(f"  {values[0]:g} → {values[-1]:g} of {detail['target']:g}")
    line.append_text(unit)
    return line


def show_view(detail: dict[str, Any], lang: str = "zh", width: int | None = None) -> RenderableType:
    """One target whole: titles, quote, facts, status, records, verdicts, and a chart."""
    title = text(for_reading(detail, "title", lang), "bold")
    parts: list[RenderableType] = [Text.assemble(text(detail["id"], "dim"), "  ", title)]
    if detail.get("title_en") and lang != "en":
        parts.append(text(detail["title_en"], "italic"))
    if detail.get("quote"):
        parts.append(Text.assemble("“", text(detail["quote"]), "”"))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column(overflow="fold")
    for field in FACTS:
        value = detail.get(field)
        if value not in (None, [], ""):
            facts.add_row(field, cell(detail, field, lang))
    facts.add_row("status", cell(detail, "status", lang))
    parts.append(facts)
    if detail["kind"] == "qualitative":
        parts.append(Text("a commitment with no measure: only a verdict speaks", style="dim"))
    else:
        parts.append(
            Text.assemble(
                "progress ",
                progress_bar(detail["progress"], detail["expected"], detail["status"]),
                f"  evaluated on {detail['evaluated_on']}",
            )
        )
    if detail["records"]:
        parts.append(Text("records", style="bold"))
        parts.append(_records(detail, width))
        chart = _chart(detail)
        if chart:
            parts.append(chart)
    elif detail["kind"] != "qualitative":
        parts.append(Text("no progress records yet", style="dim"))
    if detail["verdicts"]:
        parts.append(Text("verdicts (the last is current)", style="bold"))
        parts.append(_verdicts(detail, width))
    else:
        parts.append(Text("no verdict yet", style="dim"))
    return Group(*parts)
