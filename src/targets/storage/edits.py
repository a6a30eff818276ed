"""Surgical edits of a data file's text: each changes only the lines it means to.

An edit works on the *region* of one target: its `[targets.ID]` table and its
`[[targets.ID.progress]]` records, from the first of their header lines to the next header
of anything else. Every byte outside the region is kept as it was; inside it, only the
inserted or removed lines change. Each edit returns the new text and the region's old and
new text, so the caller can check the change by parsing the region alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .tomlmap import SourceMap, Statement

_DATE_OR_NUMBER = (int, float)


@dataclass(frozen=True)
class Edit:
    """A new text, and the stretch of it that changed, before and after."""

    text: str
    start: int  # where the region starts, in both texts
    old_region: str
    new_region: str


# -- writing TOML values ------------------------------------------------------------------


def toml_string(value: str) -> str:
    """A TOML basic string holding `value` exactly; control characters are escaped."""
    quoted = json.dumps(value, ensure_ascii=False)  # JSON escapes are all valid TOML escapes
    return quoted.replace("\x7f", "\\u007f")


def toml_value(value: Any) -> str:
    """A TOML literal for a string, number, date or list of strings."""
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _DATE_OR_NUMBER):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return str(value.isoformat())  # a date


def table_text(header: str, fields: dict[str, Any], newline: str) -> str:
    """A table: its header line, then one `key = value` line per field, in the order given."""
    lines = [header] + [f"{key} = {toml_value(value)}" for key, value in fields.items()]
    return newline.join(lines) + newline


# -- finding a table's region -------------------------------------------------------------


def newline_of(text: str) -> str:
    """The line ending a file uses, judged by its first line."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _line_end(text: str, offset: int) -> int:
    """Offset just past the newline ending the line at `offset` (or the end of the text)."""
    end = text.find("\n", offset)
    return len(text) if end < 0 else end + 1


Span = tuple[int, int]


def _owner(line: str, section: str, key: str) -> bool:
    if key not in line:
        return False
    header = SourceMap(line).statements
    return bool(header) and header[0].path[:2] == (section, key)


def region_among(text: str, starts: list[int], section: str, key: str) -> Span | None:
    """The first run of consecutive header lines that belong to [section.key]: from the first
    one to the next header line of anything else. None if there is none."""
    bounds = [*starts, len(text)]
    first = last = -1
    for index, start in enumerate(starts):
        if _owner(text[start : _line_end(text, start)], section, key):
            first = index if first < 0 else first
            last = index
        elif first >= 0:
            break
    return None if first < 0 else (bounds[first], bounds[last + 1])


def local_region(data: bytes, section: str, key: str) -> Span | None:
    """Where [section.key] seems to be written in a file's bytes, found without reading (or
    decoding) the rest of it: from the first header line naming it to the header line after
    the last one, as byte offsets. The caller must check what the region holds (it may hold
    other tables, or miss a part written in another form)."""
    owned: list[int] = []
    needle = key.encode("utf-8")
    position = data.find(needle)
    while position >= 0:
        line_start = data.rfind(b"\n", 0, position) + 1
        line_end = data.find(b"\n", position)
        line_end = len(data) if line_end < 0 else line_end + 1
        line = data[line_start:line_end].decode("utf-8", "replace")
        if data.startswith(b"[", line_start) and _owner(line, section, key):
            owned.append(line_start)
        position = data.find(needle, line_end)
    if not owned:
        return None
    last_end = data.find(b"\n", owned[-1])
    following = data.find(b"\n[", last_end) if last_end >= 0 else -1
    return owned[0], (following + 1 if following >= 0 else len(data))


def exact_region(text: str, section: str, key: str) -> Span | None:
    """The region found by scanning the whole text token by token: slow, never fooled."""
    statements = SourceMap(text).statements
    headers = [_line_start(text, s.start) for s in statements if s.kind != "key"]
    return region_among(text, headers, section, key)


# -- the edits ----------------------------------------------------------------------------


def _splice(text: str, start: int, end: int, region: str, new_region: str) -> Edit:
    return Edit(text[:start] + new_region + text[end:], start, region, new_region)


def _content_end(region: str, statements: list[Statement], block_start: int, block_end: int) -> int:
    """End of the last line in [block_start, block_end) that holds a statement."""
    inside = [s for s in statements if block_start <= s.start < block_end]
    return _line_end(region, max(s.end for s in inside))


def _blocks(statements: list[Statement], length: int) -> list[tuple[Statement, int, int]]:
    """Each header with the offsets its block spans: its line start to the next header's."""
    headers = [s for s in statements if s.kind != "key"]
    bounds = [h.start for h in headers[1:]] + [length]
    return list(zip(headers, [h.start for h in headers], bounds, strict=True))


def _entries(
    statements: list[Statement], length: int, array: str
) -> list[tuple[Statement, int, int]]:
    """The blocks of one array of tables ("progress" or "verdicts") in a target's region."""
    return [
        b
        for b in _blocks(statements, length)
        if b[0].kind == "array_header" and b[0].path[-1] == array
    ]


def written_inline(text: str, span: Span, array: str) -> bool:
    """Whether the target in `span` writes `array` as an inline value (`progress = [...]`)
    rather than as [[...]] tables, which an entry cannot be added to in place."""
    statements = SourceMap(text[span[0] : span[1]]).statements
    return any(s.kind == "key" and len(s.path) == 3 and s.path[2] == array for s in statements)


def insert_entry(
    text: str,
    span: Span,
    target_id: str,
    array: str,
    fields: dict[str, Any],
    before_index: int | None,
) -> Edit:
    """Add a [[targets.ID.ARRAY]] entry to the target whose tables `span` holds: before
    entry `before_index`, or after the last entry of that array (or at the region's end)."""
    start, end = span
    region = text[start:end]
    nl = newline_of(text)
    entry = table_text(f"[[targets.{target_id}.{array}]]", fields, nl)
    statements = SourceMap(region).statements
    blocks = _blocks(statements, len(region))
    entries = _entries(statements, len(region), array)
    if before_index is not None and before_index < len(entries):
        header = entries[before_index][0]
        at = _comment_block_start(region, _line_start(region, header.start))
        new_region = region[:at] + entry + nl + region[at:]
    else:
        after = entries[-1] if entries else blocks[-1]
        at = _content_end(region, statements, after[1], after[2])
        if at == len(region) and not region.endswith("\n"):
            new_region = region + nl + nl + entry[: -len(nl)]
        else:
            new_region = region[:at] + nl + entry + region[at:]
    return _splice(text, start, end, region, new_region)


def _comment_block_start(region: str, line_start: int) -> int:
    """Move up over comment lines directly above a header: they belong to it."""
    while line_start > 0:
        previous = _line_start(region, line_start - 1)
        if not region[previous:line_start].lstrip().startswith("#"):
            break
        line_start = previous
    return line_start


def _is_blank(region: str, line_start: int, line_end: int) -> bool:
    return line_end > line_start and not region[line_start:line_end].strip()


def remove_entry(text: str, span: Span, array: str, index: int) -> Edit:
    """Remove the `index`-th [[targets.ID.ARRAY]] entry of the target whose tables `span`
    holds, and one blank line beside it."""
    start, end = span
    region = text[start:end]
    statements = SourceMap(region).statements
    header, block_start, block_end = _entries(statements, len(region), array)[index]
    cut_from = _line_start(region, header.start)
    cut_to = _content_end(region, statements, block_start, block_end)
    before = _line_start(region, cut_from - 1) if cut_from else cut_from
    if cut_from and _is_blank(region, before, cut_from):
        cut_from = before
    elif _is_blank(region, cut_to, _line_end(region, cut_to)):
        cut_to = _line_end(region, cut_to)
    if cut_to == len(region) and not region.endswith("\n") and cut_from:
        cut_from -= (
            2 if region[cut_from - 2 : cut_from] == "\r\n" else 1
        )  # the file had no final newline
    return _splice(text, start, end, region, region[:cut_from] + region[cut_to:])


def set_keys(text: str, span: Span, values: dict[str, Any]) -> Edit:
    """Set (or, for None, remove) keys of the [targets.ID] table that `span` holds."""
    start, end = span
    region = text[start:end]
    nl = newline_of(text)
    statements = SourceMap(region).statements
    table_block = next(b for b in _blocks(statements, len(region)) if b[0].kind == "header")
    keys = {
        s.path[-1]: s
        for s in statements
        if s.kind == "key" and len(s.path) == 3 and table_block[1] <= s.start < table_block[2]
    }
    edits: list[tuple[int, int, str]] = []
    additions = ""
    for key, value in values.items():
        found = keys.get(key)
        if found and value is None:
            line_start = _line_start(region, found.start)
            edits.append((line_start, _line_end(region, found.end), ""))
        elif found:
            edits.append((found.start, found.end, f"{key} = {toml_value(value)}"))
        elif value is not None:
            additions += f"{key} = {toml_value(value)}{nl}"
    if additions:
        at = _content_end(region, statements, table_block[1], table_block[2])
        prefix = nl if at == len(region) and not region.endswith("\n") else ""
        edits.append((at, at, prefix + additions))
    new_region = region
    for edit_start, edit_end, replacement in sorted(edits, reverse=True):
        new_region = new_region[:edit_start] + replacement + new_region[edit_end:]
    return _splice(text, start, end, region, new_region)


def append_target(text: str, target_id: str, fields: dict[str, Any]) -> Edit:
    """Add a [targets.ID] table at the end of the file, after one blank line."""
    nl = newline_of(text)
    table = table_text(f"[targets.{target_id}]", fields, nl)
    separator = "" if not text else (nl if text.endswith("\n") else nl + nl)
    return Edit(text + separator + table, len(text), "", separator + table)
