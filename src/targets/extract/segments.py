"""Sentences and clauses: a report's text cut at sentence ends (。！？；) and line breaks, and each
sentence at the marks that end a clause (，、：|), where a line break inside a sentence laid out
in lines of a fixed width is no break, a thousands comma stays inside its number, and marks
inside quotes split nothing. A sentence also carries what the plan-or-review decision
(`modes.py`) writes into it: its mode, whether its own words decided it, and its section."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from targets.extract.numbers import CN_NUMERAL_CHARS

_SENTENCE_END = frozenset("。！？!?；;")
_CLAUSE_END = frozenset("，,、：:|｜")
_OPEN_QUOTES = '“‘「『"《'
_CLOSE_QUOTES = '”’」』"》'
_THOUSANDS_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


@dataclass
class Clause:
    start: int
    end: int
    delim: str  # the delimiter that ends it ("" at a sentence end)


@dataclass
class Sentence:
    start: int
    end: int
    clauses: list[Clause] = field(default_factory=list)
    mode: str = "plan"
    decided: bool = True
    section: str | None = None


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _is_wrapped(text: str) -> bool:
    """Text laid out in lines of a fixed width (as from a PDF): most lines are long and most long
    lines end mid-sentence. A digest of one short item a line (a heading, a result, a plan, each
    on a line without a stop) is not wrapped: its short lines outnumber its long ones."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    long_lines = [ln for ln in lines if len(ln) >= 20]
    if len(long_lines) < 3 or 2 * len(long_lines) < len(lines):
        return False
    open_ended = sum(
        1 for ln in long_lines if ln[-1] not in _SENTENCE_END and ln[-1] not in "”」』)）:："
    )
    return open_ended >= 0.75 * len(long_lines)


def _soft_newline(text: str, i: int) -> bool:
    """A newline inside a sentence of wrapped text."""
    line_start = text.rfind("\n", 0, i) + 1
    line = text[line_start:i].strip()
    if len(line) < 20 or not line or line[-1] in _SENTENCE_END or line[-1] in "”」』:：":
        return False
    nxt = text[i + 1 : i + 2]
    return bool(nxt) and not nxt.isspace() and nxt not in "—-•·◢●"


def segment(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    sent = Sentence(0, 0)
    clause_start = 0
    quote_depth = 0
    n = len(text)
    wrapped = _is_wrapped(text)

    def close_clause(end: int, delim: str) -> None:
        nonlocal clause_start
        if text[clause_start:end].strip():
            sent.clauses.append(Clause(clause_start, end, delim))
        clause_start = end + 1

    for i, ch in enumerate(text):
        if ch in _OPEN_QUOTES and ch != '"':
            quote_depth += 1
        elif ch in _CLOSE_QUOTES and ch != '"':
            quote_depth = max(0, quote_depth - 1)
        is_break = ch in _SENTENCE_END or (
            ch in "\n\r\u2028\u2029" and not (wrapped and _soft_newline(text, i))
        )
        if is_break:
            close_clause(i, "")
            sent.end = i
            if sent.clauses:
                sentences.append(sent)
            sent = Sentence(i + 1, i + 1)
            quote_depth = 0
        elif ch in _CLAUSE_END and quote_depth == 0:
            if ch == "," and _THOUSANDS_COMMA.match(text, i):
                continue
            close_clause(i, ch)
        elif (
            ch in " \t\u3000"
            and 0 < i < n - 1
            and is_cjk(text[i - 1])
            and (is_cjk(text[i + 1]) or text[i + 1] in " \t\u3000")
            and text[i - 1] not in CN_NUMERAL_CHARS + "万亿"
        ):
            close_clause(i, " ")
    close_clause(n, "")
    sent.end = n
    if sent.clauses:
        sentences.append(sent)
    return sentences


def quote_start(text: str, clause: Clause) -> int:
    s = clause.start
    while s < clause.end and text[s] in " \t\n\r\u3000":
        s += 1
    return s
