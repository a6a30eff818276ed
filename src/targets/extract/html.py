"""The main text of a saved web page, with the standard library's html.parser.

A page is cut into blocks (paragraphs, headings, list items, table cells, line breaks). What
is never text is dropped with its content (script, style, template, svg, noscript, iframe,
form controls), and so are the page's chrome: nav, header, footer, aside, and any element
whose id or class names a menu, navigation, breadcrumb, footer, sidebar, share bar, comment
box or copyright line. Of what remains, a block is kept when it reads as prose: enough
Chinese characters, and not mostly link text. See the package docstring for why this, and
not a boilerplate library.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = frozenset(
    {
        "script",
        "style",
        "template",
        "svg",
        "noscript",
        "iframe",
        "select",
        "button",
        "textarea",
        "object",
        "canvas",
        "head",
        "title",
        "math",
    }
)
_CHROME = frozenset({"nav", "header", "footer", "aside", "menu", "form"})
_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "td",
        "th",
        "table",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "hr",
        "center",
        "body",
        "font",
    }
)
_VOID = frozenset(
    {
        "br",
        "hr",
        "img",
        "meta",
        "link",
        "input",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
        "param",
    }
)
_CHROME_NAME = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumb|crumb|footer|foot|sidebar|side|share|"
    r"comment|comments|copyright|toolbar|topbar|header|login|search|related|recommend|"
    r"advert|ads?|banner|pager|pagination|friendlink|links)(?:$|[\s_-])",
    re.I,
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, drops its content)
        self.blocks: list[tuple[str, int]] = []  # (text, characters inside links)
        self.buf: list[str] = []
        self.link_chars = 0
        self.in_link = 0

    def _dropping(self) -> bool:
        return any(drop for _, drop in self.stack)

    def _flush(self) -> None:
        text = "".join(self.buf)
        if text.strip():
            self.blocks.append((text, self.link_chars))
        self.buf = []
        self.link_chars = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._flush()
        if tag in _VOID:
            return
        names = " ".join(v or "" for k, v in attrs if k in ("id", "class", "role"))
        drop = tag in _SKIP or tag in _CHROME or bool(names and _CHROME_NAME.search(names))
        self.stack.append((tag, drop))
        if tag == "a":
            self.in_link += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK:
            self._flush()
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag == "a" and self.in_link:
            self.in_link -= 1

    def handle_data(self, data: str) -> None:
        if self._dropping():
            return
        self.buf.append(data)
        if self.in_link:
            self.link_chars += len(data.strip())

    def close(self) -> None:
        super().close()
        self._flush()


def _prose(text: str, link_chars: int) -> bool:
    stripped = text.strip()
    cjk = len(_CJK.findall(stripped))
    if link_chars > 0.5 * max(1, len(stripped)):
        return False
    return cjk >= 4 or bool(re.search(r"\d", stripped) and cjk >= 2)


def main_text(html: str) -> str:
    """The visible main text of an HTML page, one block a line."""
    collector = _Collector()
    try:
        collector.feed(html)
        collector.close()
    except (AssertionError, ValueError):  # pragma: no cover - html.parser is lenient
        collector._flush()
    lines = []
    for text, links in collector.blocks:
        if not _prose(text, links):
            continue
        line = re.sub(r"[ \t\r\f\v\u00a0\u3000]+", " ", text.replace("\n", " ")).strip()
        if line:
            lines.append(line)
    return "\n".join(lines) + ("\n" if lines else "")
