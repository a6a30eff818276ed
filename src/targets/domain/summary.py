"""What the dashboard and the reports count and pick: targets by status, by group, and those
that need attention. Rows are anything with `.get(field)`: typed rows, or a target's detail."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from .vocab import Status

ATTENTION = ("missed", "overdue", "behind")
"""What needs attention, most pressing first."""
DONE = ("achieved", "achieved_late")


class Row(Protocol):
    def get(self, field: str) -> Any: ...


def status_counts(rows: Iterable[Row]) -> dict[str, int]:
    """How many targets have each status, in the order of the statuses; zeros left out."""
    counts = {status.value: 0 for status in Status}
    for row in rows:
        counts[row.get("status")] += 1
    return {status: n for status, n in counts.items() if n}


def status_groups(rows: Iterable[Row]) -> list[dict[str, Any]]:
    """Counts by district, category and status, in first-seen order."""
    groups: dict[tuple[str, str, str], int] = {}
    for row in rows:
        key = (row.get("district"), row.get("category"), row.get("status"))
        groups[key] = groups.get(key, 0) + 1
    return [
        {"district": d, "category": c, "status": s, "count": n} for (d, c, s), n in groups.items()
    ]


def grouped(
    rows: Iterable[Row], district_of: Callable[[Row], str] | None = None
) -> dict[tuple[str, str], list[Any]]:
    """Rows by (district, category), in first-seen order; `district_of` names the district."""
    groups: dict[tuple[str, str], list[Any]] = {}
    for row in rows:
        district = district_of(row) if district_of else row.get("district")
        groups.setdefault((district, row.get("category")), []).append(row)
    return groups


def needing_attention(rows: Sequence[Row]) -> list[Any]:
    """The measured targets that are missed, overdue or behind, in that order; within each,
    the furthest from its pace first."""
    chosen = [r for r in rows if r.get("status") in ATTENTION and r.get("kind") != "qualitative"]
    return sorted(
        chosen,
        key=lambda r: (
            ATTENTION.index(r.get("status")),
            (r.get("progress") or 0) - (r.get("expected") or 0),
        ),
    )


def achieved(rows: Sequence[Row]) -> list[Any]:
    """The targets achieved, on time or late."""
    return [r for r in rows if r.get("status") in DONE]
