"""Shell completion of values from the data: target ids, districts, categories, stages, tags.

Completion runs on every press of Tab, so it reads the cached rows (a few milliseconds) and
never fails loudly: a broken or missing data file just completes nothing. Help texts shown
beside values come from the data, so they are made inert: controls visible, and Rich markup
(which Typer renders for zsh, fish and PowerShell) escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Choices = list[tuple[str, str]]


def _rows(ctx: Any) -> list[Any]:
    from targets.environment import Environment
    from targets.storage.evaluated import rows

    from .options import open_data

    params = getattr(ctx, "params", None) or {}
    try:
        env = Environment.from_process(params.get("file"))
        return rows(open_data(env), env.today)
    except Exception:  # noqa: BLE001 - completion must never fail loudly
        return []


def _inert(help_text: str) -> str:
    from rich.markup import escape

    from targets.output.safe import terminal

    return escape(terminal(help_text, one_line=True))


def _matching(pairs: Iterable[tuple[str, str]], incomplete: str) -> Choices:
    from targets.output.safe import terminal

    folded = incomplete.casefold()
    seen: dict[str, str] = {}
    for value, help_text in pairs:
        value = terminal(value, one_line=True)
        if value.casefold().startswith(folded) and value not in seen:
            seen[value] = _inert(help_text) if help_text else ""
    return list(seen.items())


def choices(values: Iterable[str], incomplete: str) -> Choices:
    return _matching(((v, "") for v in values), incomplete)


def target_ids(ctx: Any, incomplete: str) -> Choices:
    """Target ids, each with its title."""
    return _matching([(row.id, row.title) for row in _rows(ctx)], incomplete)


def districts(ctx: Any, incomplete: str) -> Choices:
    """District names: the short English name, the English and the Chinese name."""
    pairs: list[tuple[str, str]] = []
    for row in _rows(ctx):
        english = row.district_en or ""
        if english.split():
            pairs.append((english.split()[0].lower(), row.district))
        pairs.append((row.district, english))
    return _matching(pairs, incomplete)


def categories(ctx: Any, incomplete: str) -> Choices:
    """The categories the data uses."""
    return _matching(sorted((row.category, "") for row in _rows(ctx)), incomplete)


def tags(ctx: Any, incomplete: str) -> Choices:
    """The tags the data uses."""
    return _matching(sorted((tag, "") for row in _rows(ctx) for tag in row.tags), incomplete)


def reports(ctx: Any, incomplete: str) -> Choices:
    """Report ids."""
    return _matching([(row.report, row.district) for row in _rows(ctx)], incomplete)


def statuses(incomplete: str) -> Choices:
    from targets.domain.vocab import Status

    return choices((status.value for status in Status), incomplete)


def kinds(incomplete: str) -> Choices:
    from targets.domain.vocab import Kind

    return choices((kind.value for kind in Kind), incomplete)


def verdicts(incomplete: str) -> Choices:
    from targets.domain.vocab import Verdict

    return choices((v.value for v in Verdict), incomplete)


def stages(ctx: Any, incomplete: str) -> Choices:
    """For `mark ID VALUE`: the stages of a milestone target (nothing for a number)."""
    params = getattr(ctx, "params", None) or {}
    for row in _rows(ctx):
        if row.id == params.get("target_id") and row.kind == "milestone":
            from targets.environment import Environment
            from targets.storage.evaluated import target_dataset

            from .options import open_data

            try:
                env = Environment.from_process(params.get("file"))
                target = target_dataset(open_data(env), row.id).targets[row.id]
            except Exception:  # noqa: BLE001 - completion must never fail loudly
                return []
            return choices(target.stages, incomplete)
    return []


def sort_fields(incomplete: str) -> Choices:
    """List fields, and each with a minus for descending order."""
    from targets.domain.rows import LIST_FIELDS

    return _matching(
        [(f, "") for f in LIST_FIELDS] + [(f"-{f}", "descending") for f in LIST_FIELDS], incomplete
    )


def list_fields(incomplete: str) -> Choices:
    """List fields; after a comma, the next one."""
    from targets.domain.rows import LIST_FIELDS

    done, _, current = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [(prefix + f, "") for f, _ in choices(LIST_FIELDS, current)]


def languages(incomplete: str) -> Choices:
    return _matching([("zh", "中文"), ("en", "English")], incomplete)
