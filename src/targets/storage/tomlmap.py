"""Where things are in a TOML text: the line and column of every key and table header.

tomllib gives values but no positions. This scanner walks the same text with a token
regex (strings, including multi-line ones, are single tokens, so a `[` inside a string is
never mistaken for a header) and records, for each key and header, the document path it
defines and where it starts and ends. `check` uses it to point at the offending key;
`store` uses it to find the lines a write may touch.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from targets.domain.model import Path

_TOKEN = re.compile(
    r"""
    (?P<mlbasic>\"\"\"(?:[^"\\]|\\.|""?(?!"))*"{3,5})
  | (?P<mlliteral>'''(?:[^']|''?(?!'))*'{3,5})
  | (?P<basic>"(?:[^"\\\n]|\\.)*")
  | (?P<literal>'[^'\n]*')
  | (?P<newline>\n)
  | (?P<comment>\#[^\n]*)
  | (?P<space>[ \t\r]+)
  | (?P<punct>[\[\]{}=,.])
  | (?P<bare>[^\s"'\[\]{}=,\#.]+)
  | (?P<bad>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Statement:
    """A table header or a top-level key/value line, with its place in the text."""

    kind: str  # "header" | "array_header" | "key"
    path: Path
    start: int  # offset of the first character
    end: int  # offset just past the last character (before the newline)
    line: int  # 1-based
    col: int  # 1-based, in characters


class _Tokens:
    """A cursor over the significant tokens of a text."""

    def __init__(self, text: str) -> None:
        self.items = [
            (m.lastgroup or "bad", m.group(), m.start())
            for m in _TOKEN.finditer(text)
            if m.lastgroup not in ("space", "comment")
        ]
        self.i = 0

    def peek(self) -> tuple[str, str, int]:
        if self.i < len(self.items):
            return self.items[self.i]
        return ("eof", "", -1)

    def take(self) -> tuple[str, str, int]:
        tok = self.peek()
        self.i += 1
        return tok

    def skip_newlines(self) -> None:
        while self.peek()[0] == "newline":
            self.i += 1


def _key_text(kind: str, raw: str) -> str:
    if kind == "basic":
        try:
            decoded = json.loads(raw)  # JSON's escapes are TOML's, but for \U and \e
            return decoded if isinstance(decoded, str) else raw[1:-1]
        except ValueError:
            return raw[1:-1]
    if kind == "literal":
        return raw[1:-1]
    return raw


class SourceMap:
    """Positions of every key and header in a TOML text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.statements: list[Statement] = []
        self.positions: dict[Path, tuple[int, int]] = {}
        self._arrays: dict[Path, int] = {}
        self._scan(_Tokens(text))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        lo, hi = 0, len(self._line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - self._line_starts[lo] + 1

    def position(self, path: Path) -> tuple[int, int]:
        """Where `path` is defined, or its nearest defined parent; (1, 1) if nothing is."""
        for n in range(len(path), 0, -1):
            found = self.positions.get(tuple(path[:n]))
            if found:
                return found
        return (1, 1)

    # -- scanning -------------------------------------------------------------------------

    def _record(self, kind: str, path: Path, start: int, end: int) -> None:
        line, col = self.line_col(start)
        self.statements.append(Statement(kind, path, start, end, line, col))
        self.positions.setdefault(path, (line, col))

    def _scan(self, toks: _Tokens) -> None:
        table: Path = ()
        while True:
            toks.skip_newlines()
            kind, raw, start = toks.peek()
            if kind == "eof":
                return
            if raw == "[":
                table = self._header(toks)
            else:
                self._keyval(toks, table, top=True)
            while toks.peek()[0] not in ("newline", "eof"):
                toks.take()  # garbage after a statement: tomllib reports it

    def _keys(self, toks: _Tokens) -> tuple[list[str], int]:
        keys: list[str] = []
        start = toks.peek()[2]
        while True:
            kind, raw, _ = toks.peek()
            if kind not in ("bare", "basic", "literal"):
                break
            toks.take()
            keys.append(_key_text(kind, raw))
            if toks.peek()[1] != ".":
                break
            toks.take()
        return keys, start

    def _resolve(self, keys: list[str]) -> list[str | int]:
        resolved: list[str | int] = []
        for key in keys:
            resolved.append(key)
            count = self._arrays.get(tuple(resolved))
            if count:
                resolved.append(count - 1)
        return resolved

    def _header(self, toks: _Tokens) -> Path:
        _, _, start = toks.take()
        is_array = toks.peek()[1] == "[" and toks.peek()[2] == start + 1
        if is_array:
            toks.take()
        keys, _ = self._keys(toks)
        end = start
        for _ in range(2 if is_array else 1):
            if toks.peek()[1] == "]":
                _, raw, pos = toks.take()
                end = pos + 1
        resolved = self._resolve(keys[:-1]) + keys[-1:]
        path: Path = tuple(resolved)
        if is_array:
            index = self._arrays.get(path, 0)
            self._arrays[path] = index + 1
            self._record("array_header", path, start, end)
            path = (*path, index)
            self.positions.setdefault(path, self.line_col(start))
        else:
            self._record("header", path, start, end)
        return path

    def _keyval(self, toks: _Tokens, table: Path, top: bool) -> None:
        keys, start = self._keys(toks)
        if not keys:
            toks.take()
            return
        path: Path = (*table, *keys)
        if toks.peek()[1] == "=":
            toks.take()
        end = self._value(toks, path)
        if top:
            self._record("key", path, start, end)
        else:
            self.positions.setdefault(path, self.line_col(start))

    def _value(self, toks: _Tokens, path: Path) -> int:
        """Consume one value; return the offset just past it."""
        kind, raw, start = toks.peek()
        if raw == "{":
            toks.take()
            while toks.peek()[1] not in ("}", "") and toks.peek()[0] != "newline":
                if toks.peek()[1] == ",":
                    toks.take()
                    continue
                self._keyval(toks, path, top=False)
            return self._close(toks, "}", start)
        if raw == "[":
            toks.take()
            index = 0
            while True:
                toks.skip_newlines()
                kind, raw, _ = toks.peek()
                if raw == "]" or kind == "eof":
                    break
                if raw == ",":
                    toks.take()
                    index += 1
                    continue
                self.positions.setdefault((*path, index), self.line_col(toks.peek()[2]))
                self._value(toks, (*path, index))
            return self._close(toks, "]", start)
        end = start
        while toks.peek()[0] not in ("newline", "eof") and toks.peek()[1] not in ",]}":
            _, raw, pos = toks.take()
            end = pos + len(raw)
        return end

    @staticmethod
    def _close(toks: _Tokens, bracket: str, start: int) -> int:
        if toks.peek()[1] == bracket:
            _, raw, pos = toks.take()
            return pos + 1
        return start + 1
