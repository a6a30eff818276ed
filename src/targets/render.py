"""What people read: Rich tables, the `show` view and the `status` dashboard.

The only module that imports rich. Every piece of text from the data file goes in as a
`Text` object after `neutralise`, so it is never read as markup and cannot steer the terminal.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import IO, Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from .formats import cell_text, neutralise
from .rows import Row, for_reading

STATUS_STYLE = {
    "achieved": "bold green",
    "achieved_late": "green",
    "on_track": "cyan",
    "behind": "yellow",
    "not_started": "dim",
    "missed": "bold red",
    "overdue": "magenta",
    "unmeasured": "dim",
}
HEADERS = {"current": "now", "progress": "done", "expected": "pace"}
SPARK = "▁▂▃▄▅▆▇█"
BAR_WIDTH = 20


def make_console(
    file: IO[str] | None = None, no_color: bool = False, stderr: bool = False
) -> Console:
    """A console that honours --no-color, NO_COLOR and TERM=dumb, and FORCE_COLOR otherwise."""
    plain = no_color or bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    return Console(
        file=file,
        stderr=stderr,
        no_color=plain,
        color_system=None if plain else "auto",
        highlight=False,
        emoji=False,
        markup=False,
    )


def safe(value: Any, style: str = "") -> Text:
    """A cell from data: literal text, control characters made visible."""
    return Text(neutralise(cell_text(value)), style=style)


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def amount(row: Row, field: str) -> str:
    value = row.get(field)
    if value is None:
        return "—"
    unit = row.get("unit") or ""
    return f"{value}{'' if isinstance(value, str) else ' ' + unit}".strip()


def _cell(row: Row, field: str, lang: str) -> Text:
    if field in ("target", "current"):
        return safe(amount(row, field))
    if field in ("progress", "expected"):
        return Text(percent(row[field]), justify="right")
    if field == "status":
        label = row["status"] + (" ⚠ verdict conflict" if row.get("conflict") else "")
        return Text(label, style=STATUS_STYLE.get(row["status"], ""))
    return safe(for_reading(row, field, lang))


def rows_table(rows: Sequence[Row], fields: Sequence[str], lang: str = "zh") -> Table:
    """A table of targets; long Chinese titles fold onto more lines instead of being cut."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for field in fields:
        wide = field in ("title", "title_en", "quote", "verdict_note", "note")
        table.add_column(
            HEADERS.get(field, field),
            overflow="fold",
            no_wrap=not wide,
            ratio=3 if wide else None,
            min_width=12 if wide else None,
        )
    for row in rows:
        table.add_row(*(_cell(row, f, lang) for f in fields))
    return table


def sparkline(values: Sequence[float], low: float, high: float) -> str:
    """Values as block characters between `low` and `high`."""
    span = (high - low) or 1.0
    return "".join(
        SPARK[min(len(SPARK) - 1, max(0, int((v - low) / span * (len(SPARK) - 1))))] for v in values
    )


def progress_bar(share: float | None, pace: float | None, status: str) -> Text:
    """A bar of `share` (0..1 shown), with a mark where the expected pace stands."""
    if share is None:
        return Text("·" * BAR_WIDTH, style="dim")
    filled = round(min(1.0, max(0.0, share)) * BAR_WIDTH)
    bar = Text("█" * filled, style=STATUS_STYLE.get(status, ""))
    bar.append("░" * (BAR_WIDTH - filled), style="dim")
    if pace is not None:
        mark = min(BAR_WIDTH - 1, int(pace * BAR_WIDTH))
        bar = bar[:mark] + Text("┃", style="bold") + bar[mark + 1 :]
    return bar


def _history(show: Row) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for name in ("date", "value", "note", "source"):
        table.add_column(name, overflow="fold", ratio=2 if name in ("note", "source") else None)
    for record in show["records"]:
        value = record["stage"] if record["stage"] is not None else record["value"]
        table.add_row(
            safe(record["date"]), safe(value), safe(record["note"]), safe(record["source"])
        )
    return table


def _chart(show: Row) -> Text | None:
    values = [o["value"] for o in show["observations"] if not isinstance(o["value"], str)]
    if len(values) < 1 or not isinstance(show["target"], (int, float)):
        return None
    low = min([*values, show["baseline"] or 0])
    high = max([*values, show["target"]])
    line = Text("values  ")
    line.append(sparkline(values, low, high), style="cyan")
    line.append(f"  {values[0]} → {values[-1]} of {show['target']} {show['unit'] or ''}".rstrip())
    return line


def show_view(show: Row, lang: str = "zh") -> RenderableType:
    """One target whole: titles, quote, fields, status, history and a chart of its values."""
    title = safe(for_reading(show, "title", lang), "bold")
    parts: list[RenderableType] = [Text.assemble(safe(show["id"], "dim"), "  ", title)]
    if show.get("title_en") and lang != "en":
        parts.append(safe(show["title_en"], "italic"))
    if show.get("quote"):
        parts.append(Text.assemble("“", safe(show["quote"]), "”"))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column(overflow="fold")
    for field in (
        "district",
        "report",
        "category",
        "tags",
        "kind",
        "comparator",
        "target",
        "baseline",
        "tolerance",
        "stages",
        "parts",
        "start",
        "due",
        "current",
        "as_of",
        "progress",
        "expected",
        "verdict",
        "verdict_note",
        "verdict_source",
        "note",
    ):
        value = show.get(field)
        if value in (None, [], ""):
            continue
        cell = (
            _cell(show, field, lang)
            if field in ("target", "current", "progress", "expected")
            else safe(for_reading(show, field, lang))
        )
        facts.add_row(field, cell)
    facts.add_row("status", _cell(show, "status", lang))
    parts.append(facts)
    parts.append(
        Text.assemble(
            "progress ",
            progress_bar(show["progress"], show["expected"], show["status"]),
            f"  as of {show['evaluated_on']}",
        )
    )
    if show["records"]:
        parts.append(_history(show))
        chart = _chart(show)
        if chart:
            parts.append(chart)
    else:
        parts.append(Text("no progress records yet", style="dim"))
    return Group(*parts)


def _count_line(counts: dict[str, int]) -> Text:
    line = Text()
    for status, count in counts.items():
        if line:
            line.append("  ")
        line.append(f"{status} {count}", style=STATUS_STYLE.get(status, ""))
    return line


def status_view(
    rows: Sequence[Row], counts: dict[str, int], day: str, lang: str = "zh"
) -> RenderableType:
    """The dashboard: counts by status, then each district and category with a bar per target."""
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
    table.add_column(overflow="fold", ratio=3)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    for (district, category), group in _grouped(rows, lang).items():
        table.add_row(Text(""))
        table.add_row(Text.assemble(safe(district, "bold"), " · ", safe(category, "bold")))
        for row in group:
            table.add_row(
                Text.assemble("  ", safe(for_reading(row, "title", lang))),
                progress_bar(row["progress"], row["expected"], row["status"]),
                percent(row["progress"]),
                _cell(row, "status", lang),
            )
    return Group(Text(f"{len(rows)} targets at {day}", style="bold"), _count_line(counts), table)


def _grouped(rows: Iterable[Row], lang: str) -> dict[tuple[str, str], list[Row]]:
    groups: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        groups.setdefault((for_reading(row, "district", lang), row["category"]), []).append(row)
    return groups
