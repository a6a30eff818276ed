"""The records `extract` returns: drafts for a person to review, never data on their own."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


class ReportUnreadable(ValueError):
    """The bytes are not a text this tool can read (one-line message)."""


@dataclass(frozen=True)
class KnownTarget:
    """A target already in the data file, for matching outcomes and keeping ids unique."""

    id: str
    title: str
    quote: str | None
    kind: str
    unit: str | None
    category: str
    district: str | None = None


@dataclass(frozen=True)
class DraftTarget:
    """A pledge found in the text: `quote` is `text[start:start + len(quote)]`."""

    quote: str
    start: int
    metric: str
    kind: str
    comparator: str | None
    target: float | str | None
    unit: str | None
    direction: str | None
    id: str
    title: str
    category: str
    confidence: float


@dataclass(frozen=True)
class DraftOutcome:
    """A result reported for a past period: `quote` is `text[start:start + len(quote)]`."""

    quote: str
    start: int
    metric: str
    value: float
    unit: str | None
    period: str | None
    period_end: dt.date | None
    matches: tuple[str, ...]


@dataclass(frozen=True)
class Extraction:
    """What `extract` found in one text, in text order."""

    targets: tuple[DraftTarget, ...]
    outcomes: tuple[DraftOutcome, ...]
