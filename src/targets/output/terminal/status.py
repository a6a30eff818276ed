"""`targets status` at a terminal: counts, then a bar per target, named by its id."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from targets.domain.labels import category_label
from targets.domain.rows import TargetRow, for_reading
from targets.domain.summary import grouped

from .tables import TITLE_MIN, cell, counts_line, percent, progress_bar, text

BARS = (20, 10)
TITLE_ROOM = 12  # cells beyond the least, before the bar may be long


def _bar_and_share(width: int | None, fixed: int) -> tuple[int, bool]:
    """The bar's width (0: none) and whether the share column fits beside `fixed` columns,
    leaving the titles room for a dozen characters when the terminal allows it."""
    if width is None:
        return BARS[0], True
    for bar in BARS:
        if fixed + bar + 6 + TITLE_ROOM <= width:
            return bar, True
    for bar in BARS[1:]:
        if fixed + bar + 6 <= width:
            return bar, True
    return 0, fixed + 5 <= width


def status_view(
    rows: Sequence[TargetRow],
    counts: dict[str, int],
    day: str,
    lang: str = "zh",
    width: int | None = None,
) -> RenderableType:
    """Counts by status, then each district and category with, per target, its id, title,
    a bar with the expected pace marked, the share done and the status. Every group's table
    has the same columns, so they line up down the page."""
    id_width = max([2, *(len(row.id) for row in rows)]) + 2
    status_width = max([6, *(cell_len(str(cell(row, "status", lang))) for row in rows)])
    bar_width, show_share = _bar_and_share(width, id_width + TITLE_MIN + status_width + 4)
    parts: list[RenderableType] = [
        Text(f"{len(rows)} targets, evaluated on {day}", style="bold"),
        counts_line(counts),
    ]
    for (district, category), members in grouped(
        rows, lambda r: for_reading(r, "district", lang)
    ).items():
        label = category_label(category, lang)
        parts += [Text(""), Text.assemble(text(district, "bold"), " · ", text(label, "bold"))]
        table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1), expand=True)
        table.add_column(no_wrap=True, min_width=id_width, max_width=id_width)
        table.add_column(overflow="fold", ratio=1, min_width=TITLE_MIN)
        if bar_width:
            table.add_column(no_wrap=True, min_width=bar_width, max_width=bar_width)
        if show_share:
            table.add_column(justify="right", no_wrap=True, min_width=5, max_width=5)
        table.add_column(no_wrap=True, min_width=status_width, max_width=status_width)
        for row in members:
            cells: list[RenderableType] = [
                Text.assemble("  ", text(row.id, "dim")),
                text(for_reading(row, "title", lang)),
            ]
            if bar_width:
                cells.append(progress_bar(row.progress, row.expected, row.status, bar_width))
            if show_share:
                cells.append(percent(row.progress))
            table.add_row(*cells, cell(row, "status", lang))
        parts.append(table)
    return Group(*parts)
