"""Bytes of a report file to its text: decoding, and HTML reduced to its main text."""

from __future__ import annotations

import re

from targets.extract.model import ReportUnreadable

_HTML_SNIFF = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|p)\b", re.I | re.S
)


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise ReportUnreadable(
            "not UTF-8 or GB18030 text; save the report as UTF-8 and try again"
        ) from None
    # GB18030 decodes almost any byte string; real text has few control characters.
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(2, len(text) // 100):
        raise ReportUnreadable("this looks like a binary file, not a report's text")
    return text


def is_html(data: bytes, name: str = "") -> bool:
    """HTML by the file name's suffix (.htm, .html, .xhtml) or by the first tag."""
    lower = name.lower()
    if lower.endswith((".htm", ".html", ".xhtml", ".shtml")):
        return True
    if lower.endswith((".txt", ".md", ".markdown", ".text")):
        return False
    return _HTML_SNIFF.match(data[:4096]) is not None


def read_report(data: bytes, name: str = "") -> str:
    """Text of a report file's bytes: UTF-8 (BOM ok) or GB18030 decoded, HTML reduced to its
    main text (decided by name suffix .htm/.html or by sniffing). Raises ReportUnreadable
    (a ValueError) with a one-line message on undecodable input."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReportUnreadable("this looks like a binary file, not a report's text")
    if is_html(data, name):
        head = data[:4096].lower()
        match = re.search(rb"charset\s*=\s*[\"']?([a-z0-9_-]+)", head)
        text: str | None = None
        if match and match.group(1) in (b"gbk", b"gb2312", b"gb18030"):
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                text = None
        if text is None:
            text = _decode(data)
        from targets.extract.html import main_text

        return main_text(text)
    text = _decode(data)
    if "\x00" in text:
        raise ReportUnreadable("this looks like a binary file, not a report's text")
    return text
