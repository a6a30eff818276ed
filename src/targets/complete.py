"""Shell completion of values from the data file: target ids, districts, categories, stages.

Completion runs on every press of Tab, so it reads the cached list rows (a few milliseconds)
and never fails loudly: a broken or missing data file just completes nothing.
"""

from __future__ import annotations

import os
from typing import Any

from .vocab import Kind, Status

Choices = list[tuple[str, str]]


def _rows(ctx: Any) -> list[dict[str, Any]]:
    from .errors import TargetsError
    from .files import find_data_file, today
    from .source import list_rows, read_source

    params = getattr(ctx, "params", None) or {}
    try:
        path = find_data_file(params.get("file"), os.environ).path
        return list_rows(read_source(path, today(), os.environ), today())
    except (TargetsError, OSError):
        return []


def _matching(pairs: list[tuple[str, str]], incomplete: str) -> Choices:
    folded = incomplete.casefold()
    seen: dict[str, str] = {}
    for value, help_text in pairs:
        if value.casefold().startswith(folded) and value not in seen:
            seen[value] = help_text
    return list(seen.items())


def target_ids(ctx: Any, incomplete: str) -> Choices:
    """Target ids, each with its title."""
    return _matching([(row["id"], row["title"]) for row in _rows(ctx)], incomplete)


def districts(ctx: Any, incomplete: str) -> Choices:
    """District names: the short English name, the English and the Chinese name."""
    pairs: list[tuple[str, str]] = []
    for row in _rows(ctx):
        english = row["district_en"] or ""
        if english:
            pairs.append((english.split()[0].lower(), row["district"]))
        pairs.append((row["district"], english))
    return _matching(pairs, incomplete)


def categories(ctx: Any, incomplete: str) -> Choices:
    """The categories the data uses."""
    return _matching(sorted((row["category"], "") for row in _rows(ctx)), incomplete)


def reports(ctx: Any, incomplete: str) -> Choices:
    """Report ids."""
    return _matching([(row["report"], row["district"]) for row in _rows(ctx)], incomplete)


def statuses(incomplete: str) -> Choices:
    """Every status."""
    return _matching([(status.value, "") for status in Status], incomplete)


def kinds(incomplete: str) -> Choices:
    """Every kind of target."""
    return _matching([(kind.value, "") for kind in Kind], incomplete)


def stages(ctx: Any, incomplete: str) -> Choices:
    """For `mark ID VALUE`: the stages of a milestone target (nothing for a number)."""
    params = getattr(ctx, "params", None) or {}
    target_id = params.get("target_id")
    for row in _rows(ctx):
        if row["id"] == target_id and row["kind"] == Kind.MILESTONE.value:
            from .files import find_data_file, today
            from .source import dataset, read_source

            path = find_data_file(params.get("file"), os.environ).path
            target = dataset(read_source(path, today(), os.environ)).targets[target_id]
            return _matching([(stage, "") for stage in target.stages], incomplete)
    return []


def sort_fields(incomplete: str) -> Choices:
    """List fields, and each with a minus for descending order."""
    from .rows import LIST_FIELDS

    return _matching(
        [(f, "") for f in LIST_FIELDS] + [(f"-{f}", "descending") for f in LIST_FIELDS], incomplete
    )


def list_fields(incomplete: str) -> Choices:
    """List fields; after a comma, the next one."""
    from .rows import LIST_FIELDS

    done, _, current = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [(prefix + f, "") for f, _ in _matching([(f, "") for f in LIST_FIELDS], current)]


def formats(incomplete: str) -> Choices:
    """Output formats."""
    from .formats import FORMATS

    return _matching([(f, "") for f in FORMATS], incomplete)


def languages(incomplete: str) -> Choices:
    """Display languages."""
    return _matching([("zh", "中文"), ("en", "English")], incomplete)


def verdicts(incomplete: str) -> Choices:
    """Editorial verdicts."""
    from .vocab import Verdict

    return _matching([(v.value, "") for v in Verdict], incomplete)
