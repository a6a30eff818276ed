"""Dates as people type them: only YYYY-MM-DD, the form the data file uses."""

from __future__ import annotations

import datetime as dt
import re

from targets.errors import UsageError

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str, what: str = "date") -> dt.date:
    """A calendar date written YYYY-MM-DD; UsageError for anything else, the empty text too."""
    if not _ISO_DAY.fullmatch(text):
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise UsageError(f"{what} {shown!r} is not a date; write it as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{what} {text!r} is not a real date; write it as YYYY-MM-DD") from None
