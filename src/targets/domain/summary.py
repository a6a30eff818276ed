"""What the status dashboard and the reports count: targets by status, and by group."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .rows import TargetRow
from .vocab import Status

BEHIND_STATUSES = ("behind", "missed", "overdue")
"""What needs attention, most pressing last-known first."""
DONE_STATUSES = ("achieved", "achieved_late")


def status_counts(rows: Iterable[TargetRow]) -> dict[str, int]:
    """How many targets have each status, in the order of the statuses; zeros left out."""
    counts = {status.value: 0 for status in Status}
    for row in rows:
        counts[row.status] += 1
    return {status: n for status, n in counts.items() if n}


def status_groups(rows: Iterable[TargetRow]) -> list[dict[str, Any]]:
    """Counts by district, category and status, in first-seen order."""
    groups: dict[tuple[str, str, str], int] = {}
    for row in rows:
        key = (row.district, row.category, row.status)
        groups[key] = groups.get(key, 0) + 1
    return [
        {"district": d, "category": c, "status": s, "count": n} for (d, c, s), n in groups.items()
    ]


def grouped(
    rows: Iterable[TargetRow], district_of: Any = None
) -> dict[tuple[str, str], list[TargetRow]]:
    """Rows by (district, category), in first-seen order; `district_of` names the district."""
    groups: dict[tuple[str, str], list[TargetRow]] = {}
    for row in rows:
        district = district_of(row) if district_of else row.district
        groups.setdefault((district, row.category), []).append(row)
    return groups


def needing_attention(rows: Sequence[TargetRow]) -> list[TargetRow]:
    """The measured targets that are behind, missed or overdue: missed first, then overdue,
    then behind; within each, the furthest from its pace first."""
    order = {"missed": 0, "overdue": 1, "behind": 2}
    chosen = [r for r in rows if r.status in order and r.kind != "qualitative"]
    return sorted(chosen, key=lambda r: (order[r.status], (r.progress or 0) - (r.expected or 0)))
