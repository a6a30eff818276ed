"""The core API for reading data without the CLI: a text or a file to a data set and its
problems. (The commands use the catalog directly, for its caching.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from targets.domain.build import build_dataset
from targets.domain.model import DataSet, Problem, Severity
from targets.domain.rules import reference_problems

from .cache import Cache
from .catalog import open_catalog_at
from .content import content_of
from .evaluated import dataset
from .toml import locate


@dataclass(frozen=True)
class Loaded:
    """A data set when the data is valid, and every problem found."""

    dataset: DataSet | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def load_text(text: str, today: dt.date) -> Loaded:
    """Parse and check one document's text (its includes are not followed)."""
    content = content_of(text.encode("utf-8"))
    between = locate(reference_problems([("", content.facts)], today), text)
    problems = list(content.problems) + [p.replace(document="") for p in between]
    if any(p.severity is Severity.ERROR for p in problems):
        return Loaded(None, problems)
    return Loaded(build_dataset(content.reports.items(), content.targets.items()), problems)


def load_path(path: Path, today: dt.date, cache: Cache | None = None) -> Loaded:
    """Read a data file and every document it includes."""
    catalog = open_catalog_at(path, cache or Cache(None), today)
    problems = catalog.problems()
    if any(p.severity is Severity.ERROR for p in problems):
        return Loaded(None, problems)
    return Loaded(dataset(catalog), problems)
