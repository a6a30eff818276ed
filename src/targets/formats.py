"""Machine-readable output: json, jsonl, csv, tsv, markdown and ids. No Rich, no colour.

Text from the data file is untrusted: terminal control characters never reach the output
raw. JSON escapes them (lossless); the other formats show them as visible symbols.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from .errors import UsageError
from .rows import Row

MACHINE_FORMATS: tuple[str, ...] = ("json", "jsonl", "csv", "tsv", "markdown", "ids")
FORMATS: tuple[str, ...] = ("table", *MACHINE_FORMATS)

# C1 controls, DEL, and the bidirectional overrides that can reorder what a terminal shows.
# JSON escapes the C0 controls itself; the other formats need them made visible too.
_STEERING = "\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029"
_COMPACT = (",", ":")
_CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@cache
def _pattern(name: str) -> re.Pattern[str]:
    """Compiled on first use: each costs half a millisecond, and most runs need one at most."""
    return re.compile(
        {
            "unsafe": f"[\x00-\x08\x0b-\x1f{_STEERING}]",
            "steering": f"[{_STEERING}]",
            "markdown": r"([\\`*_\[\]<>#|])",
        }[name]
    )


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture": ESC shows as ␛
    return "\u2421" if code == 0x7F else "\ufffd"


def neutralise(text: str) -> str:
    """`text` with control characters replaced by visible symbols; newlines and tabs kept."""
    return _pattern("unsafe").sub(_visible, text)


def _escaped(text: str) -> str:
    return _pattern("steering").sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def compact_json(value: Any) -> str:
    """One line of JSON, characters that could steer a terminal \\u-escaped."""
    return _escaped(json.dumps(value, ensure_ascii=False, separators=_COMPACT))


def json_lines(encoded: Sequence[str], array: bool) -> str:
    """Already-encoded items as a JSON array, one per line, or as JSON Lines."""
    if not array:
        return "".join(f"{item}\n" for item in encoded)
    return "[\n" + ",\n".join(encoded) + "\n]\n" if encoded else "[]\n"


def to_json(value: Any, pretty: bool = True) -> str:
    """JSON; characters that could steer a terminal are \\u-escaped.

    Pretty means indented. Otherwise a list is written one compact item per line, which
    stdlib's C encoder does several times faster than indenting (200 ms on 10,000 targets).
    """
    if pretty or not isinstance(value, list):
        return _escaped(json.dumps(value, ensure_ascii=False, indent=2 if pretty else None)) + "\n"
    return json_lines([compact_json(item) for item in value], array=True)


def to_jsonl(rows: Sequence[Row]) -> str:
    """One compact JSON object per line."""
    return json_lines([compact_json(row) for row in rows], array=False)


def cell_text(value: Any) -> str:
    """A field as plain text: lists joined by commas, None empty, booleans lowercase."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(cell_text(v) for v in value)
    return str(value)


def _csv_cell(value: Any) -> str:
    text = neutralise(cell_text(value)).replace("\r", "\u240d")
    if isinstance(value, str) and text.startswith(_CSV_FORMULA_START):
        return "'" + text  # a spreadsheet would run it as a formula
    return text


def to_csv(rows: Sequence[Row], fields: Sequence[str]) -> str:
    """RFC 4180 CSV with a header row; formula-like text cells are prefixed with '."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for row in rows:
        writer.writerow([_csv_cell(row[f]) for f in fields])
    return out.getvalue()


def _tsv_cell(value: Any) -> str:
    text = cell_text(value)
    text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return neutralise(text)


def to_tsv(rows: Sequence[Row], fields: Sequence[str]) -> str:
    """Tab-separated with a header; backslash, tab and newline escaped as \\\\, \\t, \\n."""
    lines = ["\t".join(fields)]
    lines += ["\t".join(_tsv_cell(row[f]) for f in fields) for row in rows]
    return "\n".join(lines) + "\n"


def markdown_text(value: Any) -> str:
    """A value as Markdown text: one line, special characters escaped."""
    text = neutralise(cell_text(value)).replace("\n", " ").replace("\t", " ")
    return _pattern("markdown").sub(r"\\\1", text)


def to_markdown(rows: Sequence[Row], fields: Sequence[str]) -> str:
    """A GitHub-flavoured Markdown table."""
    lines = ["| " + " | ".join(fields) + " |", "|" + "---|" * len(fields)]
    lines += ["| " + " | ".join(markdown_text(row[f]) for f in fields) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def to_ids(rows: Sequence[Row]) -> str:
    """One id per line."""
    return "".join(f"{row['id']}\n" for row in rows)


def pick_fields(spec: str | None, default: Sequence[str], known: Sequence[str]) -> list[str]:
    """The fields named in `--fields a,b,c`, checked against the known ones."""
    if not spec:
        return list(default)
    fields = [f.strip() for f in spec.split(",") if f.strip()]
    for field in fields:
        if field not in known:
            raise UsageError(f"unknown field {field!r}; valid fields: {', '.join(known)}")
    return fields


def format_rows(rows: Sequence[Row], fmt: str, fields: Sequence[str], pretty: bool = False) -> str:
    """Rows in a machine format, keeping only `fields` (json and jsonl too).

    `pretty` indents JSON, for a person at a terminal."""
    every_field = bool(rows) and list(fields) == list(rows[0])
    picked = rows if every_field else [{f: row[f] for f in fields} for row in rows]
    if fmt == "json":
        return to_json(picked, pretty)
    if fmt == "jsonl":
        return to_jsonl(picked)
    if fmt == "csv":
        return to_csv(picked, fields)
    if fmt == "tsv":
        return to_tsv(picked, fields)
    if fmt == "markdown":
        return to_markdown(picked, fields)
    if fmt == "ids":
        return to_ids(rows)
    raise UsageError(f"unknown format {fmt!r}; valid formats: {', '.join(FORMATS)}")
