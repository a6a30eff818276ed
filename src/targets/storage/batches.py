"""Reading many targets (`add --from`) or records (`mark --from`) from a file.

Targets: TOML `[targets.ID]` tables (as `targets extract` prints them), JSON (a list of
objects, `{"targets": [...]}` as `extract --format json` prints it, or `{"targets": {ID:
{...}}}`), JSON Lines, or CSV with a header; every object has an `id` and target keys.
Records: the same formats with `target`, `value` (or `stage`), `date`, `published`, `note`,
`source`; `extract --format json` outcomes are read too (their first match, their period's
end, their quote as the note). The format is told by the file's suffix, or by its first
character for standard input.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from targets.domain.dates import parse_date
from targets.domain.fields import TARGET_FIELDS
from targets.errors import UsageError

from .additions import new_target_table
from .records import NewRecord
from .toml import decode, parse_toml
from .writing import parse_number

EXTRACT_ONLY = ("metric", "confidence", "matches")
LIST_KEYS = ("tags", "stages", "parts")
NUMBER_KEYS = ("baseline", "tolerance")
DATE_KEYS = ("start", "due")


def _format(data: bytes, name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix in ("toml", "json", "jsonl", "csv"):
        return suffix
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        text = data.decode("utf-8", "replace").strip()
        return (
            "jsonl"
            if head == b"{" and "\n{" in text
            else ("toml" if text.startswith("[targets.") else "json")
        )
    return "toml" if b"[targets." in data[:4096] else "csv"


def _text(source: tuple[bytes, str]) -> str:
    text, problem = decode(source[0])
    if text is None:
        assert problem is not None
        raise UsageError(f"{source[1]}:{problem.line}:{problem.col}: {problem.message}")
    return text


def _objects(source: tuple[bytes, str], section: str) -> list[dict[str, Any]]:
    """The objects of a batch file, whatever its format."""
    data, name = source
    text = _text(source)
    kind = _format(data, name)
    if kind == "toml":
        parsed, problem = parse_toml(text)
        if parsed is None:
            assert problem is not None
            raise UsageError(f"{name}:{problem.line}:{problem.col}: {problem.message}")
        found = parsed.get(section, {})
        if isinstance(found, dict):
            return [{"id": key, **value} for key, value in found.items() if isinstance(value, dict)]
        return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []
    if kind == "csv":
        return [dict(row) for row in csv.DictReader(io.StringIO(text))]
    try:
        if kind == "jsonl":
            items: Any = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            items = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise UsageError(f"{name} is not valid JSON: {str(exc)[:100]}") from None
    if isinstance(items, dict):
        items = items.get(section, items.get("targets" if section == "targets" else "records", []))
        if isinstance(items, dict):
            items = [
                {"id": key, **value} for key, value in items.items() if isinstance(value, dict)
            ]
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise UsageError(f"{name} holds no list of objects; see `targets add --help`")
    return items


def _value(key: str, value: Any, where: str) -> Any:
    """A draft's value as the data file holds it (CSV and JSON give text for dates, lists)."""
    if value in ("", None):
        return None
    if key in LIST_KEYS:
        return (
            [v.strip() for v in value.split(",") if v.strip()] if isinstance(value, str) else value
        )
    if key in DATE_KEYS and isinstance(value, str):
        return parse_date(value, f"{where} `{key}`")
    if key in NUMBER_KEYS or (key == "target" and isinstance(value, str)):
        try:
            return parse_number(str(value)) if not isinstance(value, (int, float)) else value
        except UsageError:
            if key == "target":
                return value  # a milestone's stage
            raise
    return value


def read_drafts(
    source: tuple[bytes, str], name: str, default_report: str | None = None
) -> list[tuple[str, dict[str, Any]]]:
    """The new targets of a batch file, with their ids, in the order of the file."""
    drafts = []
    for number, item in enumerate(_objects(source, "targets"), 1):
        target_id = item.get("id")
        where = f"{name}: draft {number}" + (
            f" ({target_id})" if isinstance(target_id, str) else ""
        )
        if not isinstance(target_id, str) or not target_id:
            raise UsageError(f"{where} has no `id`")
        values: dict[str, Any] = {}
        for key, value in item.items():
            if key == "id" or key in EXTRACT_ONLY or (key == "start" and isinstance(value, int)):
                continue
            if key not in TARGET_FIELDS:
                raise UsageError(f"{where}: `{key}` is not a key of a target")
            values[key] = _value(key, value, where)
        if default_report and not values.get("report"):
            values["report"] = default_report
        drafts.append((target_id, new_target_table(values)))
    return drafts


def _date(value: Any, what: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise UsageError(f"{what} is missing; write it as YYYY-MM-DD")
    return parse_date(value, what)


def read_records(source: tuple[bytes, str], name: str, today: dt.date) -> list[NewRecord]:
    """The records of a batch file, in the order of the file."""
    items = _objects(source, "outcomes" if _is_extraction(source) else "records")
    records = []
    for number, item in enumerate(items, 1):
        where = f"{name}: record {number}"
        target = item.get("target") or item.get("id") or (item.get("matches") or [None])[0]
        if not isinstance(target, str):
            raise UsageError(f"{where} names no `target` (or has no match)")
        value = item.get("value", item.get("stage"))
        if value is None or isinstance(value, (dict, list, bool)):
            raise UsageError(f"{where} has no `value` (or `stage`)")
        note = item.get("note") or (f"「{item['quote']}」" if item.get("quote") else None)
        published = item.get("published")
        records.append(
            NewRecord(
                target=target,
                value=value if isinstance(value, str) else repr(value),
                date=_date(item.get("date", item.get("period_end")), f"{where} `date`"),
                published=_date(published, f"{where} `published`") if published else None,
                note=note if isinstance(note, str) else None,
                source=item.get("source") if isinstance(item.get("source"), str) else None,
            )
        )
    return records


def _is_extraction(source: tuple[bytes, str]) -> bool:
    return b'"outcomes"' in source[0][:100_000]
