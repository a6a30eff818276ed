"""Reading TOML text: bytes to text, text to tables, and problems to their lines.

Parsing never raises on bad input: it returns a problem with a line and a column, so that
`targets check` can show it among the others.
"""

from __future__ import annotations

import datetime as dt
import re
import sys

from targets.domain.problems import Problem
from targets.domain.vocab import Severity

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_DATE_LIKE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_OPENERS = re.compile(r"[\[{]")


def parse_toml(text: str) -> tuple[dict[str, Any] | None, Problem | None]:
    """The TOML document, or a syntax problem with its line and column."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        return None, _syntax_problem(text, str(exc))
    except RecursionError:
        line, col = _deep_nesting(text)
        return None, Problem(
            Severity.ERROR, (), "TOML syntax: arrays or tables nested too deeply", line, col
        )


def _syntax_problem(text: str, message: str) -> Problem:
    line, col = 1, 1
    found = _AT_LINE.search(message)
    if found:
        line, col = int(found.group(1)), int(found.group(2))
        message = message[: found.start()].strip()
    bad_date = _impossible_date(text, line)
    if bad_date:
        col, message = bad_date[0], f"{bad_date[1]} is not a real date"
    return Problem(Severity.ERROR, (), f"TOML syntax: {message}", line, col)


def _deep_nesting(text: str, limit: int = 100) -> tuple[int, int]:
    """Where brackets first open `limit` deep (strings are not looked into: a rough place)."""
    depth = 0
    for number, line in enumerate(text.splitlines(), 1):
        for found in _OPENERS.finditer(line):
            depth += 1
            if depth >= limit:
                return number, found.start() + 1
        depth -= line.count("]") + line.count("}")
    return 1, 1


def _impossible_date(text: str, line: int) -> tuple[int, str] | None:
    """The column and text of a date-like word on `line` that names no real day, if any.

    tomllib reports 2023-02-30 as a misplaced token; this says what is wrong instead.
    """
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    for found in _DATE_LIKE.finditer(lines[line - 1]):
        try:
            dt.date.fromisoformat(found.group())
        except ValueError:
            return found.start() + 1, found.group()
    return None


def decode(data: bytes) -> tuple[str | None, Problem | None]:
    """UTF-8 text of a file (a BOM is allowed), or a problem saying where decoding failed."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Problem(
            Severity.ERROR, (), "the file is not UTF-8 text; save it as UTF-8", line, col
        )


def locate(problems: Iterable[Problem], text: str) -> list[Problem]:
    """The problems with line and column filled in from their document paths."""
    problems = list(problems)
    if all(p.line for p in problems):
        return problems
    from .tomlmap import SourceMap

    try:
        source: SourceMap | None = SourceMap(text)
    except RecursionError:
        source = None
    located = []
    for problem in problems:
        if not problem.line:
            line, col = source.position(problem.path) if source else (1, 1)
            problem = problem.replace(line=line, col=col)
        located.append(problem)
    return located
