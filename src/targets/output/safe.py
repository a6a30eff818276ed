"""Text from data files made inert, one function per kind of output.

Data files are edited by people and come from anywhere: a title may hold an escape sequence
that retitles the terminal, a bidirectional override that reorders what is shown, Rich
markup, a Markdown image that loads from a stranger's server, a `<script>`, or a CSV formula.
Every view passes every piece of data text through the function for its output kind; none
builds its own escaping.
"""

from __future__ import annotations

import json
import re
from functools import cache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


# C0 controls but tab and newline, DEL, C1 controls, the bidirectional controls that can
# reorder a line, and the Unicode line and paragraph separators.
_STEERING = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
_CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@cache
def _pattern(name: str) -> re.Pattern[str]:
    """Compiled on first use: each costs half a millisecond, and most runs need one at most."""
    return re.compile(
        {
            "unsafe": f"[\x00-\x08\x0b-\x1f{_STEERING}]",
            "unsafe_or_newline": f"[\x00-\x1f{_STEERING}]",
            "steering": f"[{_STEERING}]",
            "markdown": r"([\\`*_{}\[\]()<>#|!~&])",
            "url": r"https?://[^\s<>\"'`\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+",
        }[name]
    )


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture": ESC shows as ␛
    return "\u2421" if code == 0x7F else "\ufffd"


def plain(value: Any) -> str:
    """A value as plain text: lists joined by commas, None empty, booleans lowercase."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(plain(v) for v in value)
    return str(value)


def terminal(value: Any, one_line: bool = False) -> str:
    """For a terminal: control and steering characters shown as visible symbols (␛, �);
    newlines kept unless `one_line`. Never read as Rich markup: views build `Text` objects."""
    name = "unsafe_or_newline" if one_line else "unsafe"
    return _pattern(name).sub(_visible, plain(value))


def json_text(value: Any, indent: int | None = None) -> str:
    """JSON, lossless; characters that could steer a terminal are \\u-escaped."""
    separators = (",", ":") if indent is None else None
    encoded = json.dumps(value, ensure_ascii=False, indent=indent, separators=separators)
    return _pattern("steering").sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def csv_cell(value: Any) -> str:
    """For CSV: controls visible, and a text cell (a list of texts too) that a spreadsheet
    would run as a formula prefixed with '."""
    text = terminal(value).replace("\r", "\u240d")
    is_text = isinstance(value, (str, list))
    return "'" + text if is_text and text.startswith(_CSV_FORMULA_START) else text


def tsv_cell(value: Any) -> str:
    """For TSV: backslash, tab, newline and carriage return escaped; controls visible."""
    text = plain(value)
    text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return terminal(text)


def markdown(value: Any) -> str:
    """For Markdown: one line, every character that could start markup (emphasis, links,
    images, HTML, headings, tables) backslash-escaped, controls visible."""
    text = terminal(value, one_line=True)
    return _pattern("markdown").sub(r"\\\1", text)


def markdown_link(value: Any) -> str:
    """A source for Markdown: an autolink when it is one clean http(s) address, else text."""
    text = plain(value)
    if _pattern("url").fullmatch(text):
        return f"<{text}>"
    return markdown(text)


def html_text(value: Any) -> str:
    """For HTML: escaped, controls visible (a raw control character is never written)."""
    import html

    return html.escape(terminal(value), quote=True)


def html_link(value: Any) -> str:
    """A source for HTML: a link when it is one clean http(s) address, else escaped text."""
    import html

    text = plain(value)
    if _pattern("url").fullmatch(text):
        href = html.escape(text, quote=True)
        return f'<a href="{href}" rel="noopener noreferrer">{html.escape(text)}</a>'
    return html_text(text)
