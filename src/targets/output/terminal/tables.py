"""What people read at a terminal: tables that fit any width, `show` and `status`.

The only module that imports rich. Every piece of data text goes in as a `Text` object after
`safe.terminal`, so it is never read as markup and cannot steer the terminal.

Tables at any width: ids, numbers, percentages, statuses and dates are never cut (their
columns take their natural width); the title takes what is left and folds onto more lines.
When even that does not fit, the least important columns go first, in the order of
`DROP_ORDER`; `--wide` keeps every column.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from targets.domain.rows import for_reading
from targets.output import safe

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
FOLDING = ("title", "title_en", "quote", "note", "verdict_note", "source", "tags")
DROP_ORDER = (
    "district",
    "district_en",
    "report",
    "due",
    "start",
    "current",
    "target",
    "expected",
    "progress",
    "category",
    "kind",
)
"""Which columns give way first when a table is too wide (then any other, last first)."""
TITLE_MIN = 12
GAP = 3  # between two columns: the padding on each side and the box's divider
SPARK = "▁▂▃▄▅▆▇█"
BAR_WIDTH = 20


def make_console(
    file: IO[str] | None = None, colour: bool = False, width: int | None = None
) -> Console:
    """A console that writes colour only when told to, never reads markup or emoji codes."""
    return Console(
        file=file,
        no_color=not colour,
        color_system="auto" if colour else None,
        force_terminal=colour or None,
        width=width,
        highlight=False,
        emoji=False,
        markup=False,
    )


def text(value: Any, style: str = "") -> Text:
    """A piece of data as literal text, control characters made visible."""
    return Text(safe.terminal(value), style=style)


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def amount(row: Any, field: str) -> str:
    value = row.get(field)
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    unit = row.get("unit") or ""
    return f"{value:g} {unit}".strip() if isinstance(value, float) else f"{value} {unit}".strip()


def cell(row: Any, field: str, lang: str) -> Text:
    """A table cell for a row's field, as a person reads it."""
    if field in ("target", "current"):
        return text(amount(row, field))
    if field in ("progress", "expected"):
        return Text(percent(row.get(field)), justify="right")
    if field == "margin":
        value = row.get(field)
        return Text("—" if value is None else f"{value:+g}", justify="right")
    if field == "status":
        label = row.get("status") + (" ⚠ verdict" if row.get("conflict") else "")
        return Text(label, style=STATUS_STYLE.get(row.get("status"), ""))
    return text(for_reading(row, field, lang))


KEEP = ("id", "title", "status")
"""Columns a table never gives up."""


def _fitting(
    widths: dict[str, int],
    width: int | None,
    wide: bool,
    keep: Sequence[str],
    drop: Sequence[str],
    shrinking: Sequence[str],
) -> list[str]:
    """The columns to show: all when wide or when they fit, else without the least important
    (those of `drop` first, then the others from the right; never those of `keep`)."""
    fields = list(widths)
    if wide or width is None:
        return fields

    def total(chosen: list[str]) -> int:
        fixed = sum(widths[f] for f in chosen if f not in shrinking)
        narrow = sum(min(widths[f], TITLE_MIN) for f in chosen if f in shrinking)
        return fixed + narrow + GAP * (len(chosen) - 1)

    droppable = [f for f in drop if f in fields and f not in keep] + [
        f for f in reversed(fields) if f not in drop and f not in keep
    ]
    while total(fields) > width and droppable:
        fields.remove(droppable.pop(0))
    return fields


def rows_table(
    rows: Sequence[Any],
    fields: Sequence[str],
    lang: str = "zh",
    width: int | None = None,
    wide: bool = False,
    keep: Sequence[str] = KEEP,
    drop: Sequence[str] = DROP_ORDER,
    cut: Sequence[str] = (),
) -> Table:
    """A table of rows that fits `width` (see the module's docstring); the columns of `cut`
    (long notes, sources) are cut to one line with an ellipsis instead of folding."""
    cells = [[cell(row, f, lang) for f in fields] for row in rows]
    natural = {
        f: max([cell_len(HEADERS.get(f, f))] + [cell_len(str(r[i])) for r in cells])
        for i, f in enumerate(fields)
    }
    shrinking = [f for f in fields if f in FOLDING or f in cut]
    shown = _fitting(natural, width, wide, keep, drop, shrinking)
    sizes = _sizes(shown, natural, shrinking, width)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for field in shown:
        header, size = HEADERS.get(field, field), sizes[field]
        if field in cut:
            table.add_column(header, no_wrap=True, overflow="ellipsis", width=size)
        elif field in FOLDING or size < natural[field]:  # a title, or an id with no room
            table.add_column(header, overflow="fold", width=size)
        else:
            table.add_column(header, no_wrap=True, width=size)
    for row_cells in cells:
        table.add_row(*(row_cells[fields.index(f)] for f in shown))
    return table


def _sizes(
    shown: list[str], natural: dict[str, int], shrinking: list[str], width: int | None
) -> dict[str, int]:
    """Each column's width: its natural width, but the titles and notes share what is left
    (at least TITLE_MIN each, none wider than it needs). Only when even that does not fit do
    the other columns fold (never cut), widest first."""
    sizes = {f: natural[f] for f in shown}
    if width is None:
        return sizes
    flexible = [f for f in shown if f in shrinking]
    room = width - GAP * (len(shown) - 1) - sum(sizes[f] for f in shown if f not in flexible)
    least = {f: min(natural[f], TITLE_MIN) for f in flexible}
    if room >= sum(least.values()):
        extra = room - sum(least.values())
        for field in flexible:
            sizes[field] = least[field]
        while extra > 0 and any(sizes[f] < natural[f] for f in flexible):
            for field in flexible:
                if extra > 0 and sizes[field] < natural[field]:
                    sizes[field] += 1
                    extra -= 1
        return sizes
    sizes.update(least)
    over = sum(sizes.values()) + GAP * (len(shown) - 1) - width
    for field in sorted((f for f in shown if f not in flexible), key=lambda f: -sizes[f]):
        if over <= 0:
            break
        give = min(over, sizes[field] - max(6, len(HEADERS.get(field, field))))
        if give > 0:
            sizes[field] -= give
            over -= give
    return sizes


def sparkline(values: Sequence[float], low: float, high: float) -> str:
    """Values as block characters between `low` and `high`."""
    span = (high - low) or 1.0
    return "".join(
        SPARK[min(len(SPARK) - 1, max(0, int((v - low) / span * (len(SPARK) - 1))))] for v in values
    )


def progress_bar(
    share: float | None, pace: float | None, status: str, width: int = BAR_WIDTH
) -> Text:
    """A bar of `share` (0..1 shown), with a mark where the expected pace stands."""
    if share is None:
        return Text("·" * width, style="dim")
    filled = round(min(1.0, max(0.0, share)) * width)
    bar = Text("█" * filled, style=STATUS_STYLE.get(status, ""))
    bar.append("░" * (width - filled), style="dim")
    if pace is not None:
        mark = min(width - 1, int(pace * width))
        bar = bar[:mark] + Text("┃", style="bold") + bar[mark + 1 :]
    return bar


def counts_line(counts: dict[str, int]) -> Text:
    line = Text()
    for status, count in counts.items():
        if line:
            line.append("  ")
        line.append(f"{status} {count}", style=STATUS_STYLE.get(status, ""))
    return line


def render(
    renderable: RenderableType, colour: bool, width: int | None, file: IO[str] | None = None
) -> None:
    make_console(file=file, colour=colour, width=width).print(renderable)


def group(*parts: RenderableType) -> Group:
    return Group(*parts)
