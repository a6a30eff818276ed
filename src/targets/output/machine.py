"""Rows as machine formats: json, jsonl, csv, tsv, markdown and ids. No Rich, no colour.

Every cell goes through the neutraliser of its format (`safe`): JSON escapes what could
steer a terminal, CSV guards formulas, TSV escapes its separators, Markdown its markup.
"""

from __future__ import annotations

from targets.errors import UsageError

from . import safe

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from typing import Any, Protocol

    class Row(Protocol):
        def get(self, field: str) -> Any: ...


def compact_json(value: Any) -> str:
    """One line of JSON, characters that could steer a terminal \\u-escaped."""
    return safe.json_text(value)


def json_lines(encoded: Iterable[str], array: bool) -> str:
    """Already-encoded items as a JSON array, one per line, or as JSON Lines."""
    return "".join(json_stream(encoded, array))


def json_stream(encoded: Iterable[str], array: bool) -> Iterator[str]:
    """The pieces of `json_lines`, as they come: for writing many rows without holding them."""
    if not array:
        for item in encoded:
            yield f"{item}\n"
        return
    first = True
    for item in encoded:
        yield ("[\n" if first else ",\n") + item
        first = False
    yield "[]\n" if first else "\n]\n"


def to_json(value: Any, pretty: bool = True) -> str:
    """JSON: indented for a person; a list otherwise one compact item per line (the C encoder
    writes that several times faster than indenting)."""
    if pretty or not isinstance(value, list):
        return safe.json_text(value, indent=2 if pretty else None) + "\n"
    return json_lines([compact_json(item) for item in value], array=True)


def _picked(rows: Sequence[Row], fields: Sequence[str]) -> list[dict[str, Any]]:
    return [{f: row.get(f) for f in fields} for row in rows]


def to_csv(rows: Sequence[Row], fields: Sequence[str]) -> str:
    """RFC 4180 CSV with a header row; formula-like text cells are prefixed with '."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([safe.csv_cell(f) for f in fields])
    for row in rows:
        writer.writerow([safe.csv_cell(row.get(f)) for f in fields])
    return out.getvalue()


def to_tsv(rows: Sequence[Row], fields: Sequence[str]) -> str:
    """Tab-separated with a header; backslash, tab and newline escaped as \\\\, \\t, \\n."""
    lines = ["\t".join(fields)]
    lines += ["\t".join(safe.tsv_cell(row.get(f)) for f in fields) for row in rows]
    return "\n".join(lines) + "\n"


def to_markdown(
    rows: Sequence[Row], fields: Sequence[str], headers: Sequence[str] | None = None
) -> str:
    """A GitHub-flavoured Markdown table."""
    names = headers or fields
    lines = ["| " + " | ".join(safe.markdown(h) for h in names) + " |", "|" + "---|" * len(fields)]
    lines += ["| " + " | ".join(safe.markdown(row.get(f)) for f in fields) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def to_ids(rows: Sequence[Row], field: str = "id") -> str:
    """One id per line."""
    return "".join(f"{safe.terminal(row.get(field), one_line=True)}\n" for row in rows)


def pick_fields(spec: str | None, default: Sequence[str], known: Sequence[str]) -> list[str]:
    """The fields named in `--fields a,b,c`, checked against the known ones."""
    if spec is None:
        return list(default)
    fields = [f.strip() for f in spec.split(",")]
    if not any(fields):
        raise UsageError(f"--fields is empty; name fields such as {', '.join(known[:3])}")
    for field in fields:
        if not field:
            raise UsageError(
                f"--fields {spec!r} has an empty name; write names separated by commas"
            )
        if field not in known:
            import difflib

            close = difflib.get_close_matches(field, list(known), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise UsageError(f"unknown field {field!r}; {hint}valid fields: {', '.join(known)}")
    repeated = sorted({f for f in fields if fields.count(f) > 1})
    if repeated:
        raise UsageError(f"--fields names {', '.join(repeated)} more than once")
    return fields


def format_rows(rows: Sequence[Row], fmt: str, fields: Sequence[str], pretty: bool = False) -> str:
    """Rows in a machine format, keeping only `fields` (json and jsonl too). `pretty` indents
    JSON, for a person at a terminal."""
    if fmt == "json":
        return to_json(_picked(rows, fields), pretty)
    if fmt == "jsonl":
        return json_lines([compact_json(item) for item in _picked(rows, fields)], array=False)
    if fmt == "csv":
        return to_csv(rows, fields)
    if fmt == "tsv":
        return to_tsv(rows, fields)
    if fmt == "markdown":
        return to_markdown(rows, fields)
    if fmt == "ids":
        return to_ids(rows, "id" if "id" in fields or not fields else fields[0])
    raise UsageError(f"unknown format {fmt!r}")
