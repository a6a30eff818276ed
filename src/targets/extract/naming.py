"""What a draft is called and when it falls: the period an outcome reports (the last year written
before its number, or the year heading its review section, to the end of the month a range such
as 1-9月 or a word such as 上半年 names), the measure word and category a metric's words give
(from the table of measures in `words`), ids made of the caller's prefix, the category and that
word, unique among the known targets and each other, and a title read from the quote without its
lead words."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence

from targets.extract import words as W
from targets.extract.figures import SPACE, YEAR
from targets.extract.measures import strip_lead
from targets.extract.model import KnownTarget
from targets.extract.segments import Sentence

# --- periods -------------------------------------------------------------------------------------

_MONTH_RANGE = re.compile(r"(?:1|一)\s*[-—~至到]\s*(\d{1,2})\s*月(?:份)?")


def period_of(
    text: str, sent: Sentence, pos: int, section_year: int | None
) -> tuple[str | None, dt.date | None]:
    s = text[sent.start : pos]
    years = YEAR.findall(s)
    year = int(years[-1]) if years else section_year
    written: str | None = years[-1] if years else (str(section_year) if section_year else None)
    month = 12
    m = _MONTH_RANGE.search(s)
    if m:
        month = int(m.group(1))
        written = m.group(0)
    else:
        for word, mo in W.PERIOD_MONTHS:
            if word in s and word != "全年":
                month, written = mo, word
                break
    if year is None or not 1 <= month <= 12:
        return written, None
    return written, dt.date(year, month, calendar.monthrange(year, month)[1])


# --- ids, titles, categories ---------------------------------------------------------------------

_SLUG_RE = re.compile(r"[^a-z0-9]+")


def _slug(s: str) -> str:
    return _SLUG_RE.sub("-", s.lower()).strip("-")


def measure_word(metric: str, quote: str) -> tuple[str, str]:
    for needle, word, category in W.MEASURES:
        if needle in metric:
            return word, category
    for needle, word, category in W.MEASURES:
        if needle in quote:
            return word, category
    return "target", W.DEFAULT_CATEGORY


class Ids:
    def __init__(self, prefix: str, known: Sequence[KnownTarget]) -> None:
        self.prefix = _slug(prefix)
        self.taken = {k.id for k in known}

    def make(self, category: str, word: str) -> str:
        parts = [p for p in (self.prefix, _slug(category), _slug(word)) if p]
        base = "-".join(parts) or "target"
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate


def title(quote: str) -> str:
    t = SPACE.sub("", quote)
    stripped = strip_lead(t)
    return stripped if len(stripped) >= 2 else t
