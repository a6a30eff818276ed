"""A catalog's summary: what every command needs to know about all the documents at once,
small enough to read on every run.

Per document: its key, whether it is valid, its own problems, its target ids and its report
tables; between documents: the problems of references and dates, which documents each one
depends on, and which composites each target is a part of. It is kept in the cache under a
key made of every document's key, the code's fingerprint and the day (a date can be in the
future one day and not the next). The facts each document shares with the others (`Facts`)
are kept beside it, so that after a change only the changed documents are read again.
"""

from __future__ import annotations

from targets.domain.problems import Problem
from targets.domain.vocab import Severity

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence
    from typing import Any

    from targets.domain.rules import Facts

    Table = dict[str, Any]
    Own = tuple[bool, list[Problem], list[str], dict[str, Table], dict[str, str]]


class Summary:
    """The summary; a plain class, read by every command (see the module's docstring)."""

    def __init__(
        self,
        keys: dict[str, str],  # document name: its key
        valid: dict[str, bool],
        problems: dict[str, list[Problem]],  # each document's own
        targets: dict[str, list[str]],  # ids, in document order
        reports: dict[str, dict[str, Table]],  # report tables
        reference: list[Problem],  # between documents
        deps: dict[str, list[str]],  # names of the documents each one needs
        parts_of: dict[str, list[str]],  # target: the composites it is a part of
        digests: dict[str, dict[str, str]],  # each document's target tables' fingerprints
    ) -> None:
        self.keys = keys
        self.valid = valid
        self.problems = problems
        self.targets = targets
        self.reports = reports
        self.reference = reference
        self.deps = deps
        self.parts_of = parts_of
        self.digests = digests

    def defining(self, section: str, key: str) -> str | None:
        """The name of the first document defining [section.key]."""
        for name in self.keys:
            held = self.targets[name] if section == "targets" else self.reports[name]
            if key in held:
                return name
        return None

    def invalid(self) -> set[str]:
        bad = {name for name, ok in self.valid.items() if not ok}
        return bad | {p.document for p in self.reference if p.severity is Severity.ERROR}


def _dependencies(named: Sequence[tuple[str, Facts]]) -> dict[str, list[str]]:
    """For each document, the others whose reports or parts its targets name."""
    first: dict[tuple[str, str], str] = {}
    for name, facts in named:
        for rid in facts.reports:
            first.setdefault(("reports", rid), name)
        for tid in facts.targets:
            first.setdefault(("targets", tid), name)
    deps: dict[str, list[str]] = {}
    for name, facts in named:
        needed = {("reports", t.report) for t in facts.targets.values() if t.report}
        needed |= {("targets", p) for t in facts.targets.values() for p in t.parts}
        found = {first[item] for item in needed if item in first} - {name}
        deps[name] = sorted(found)
    return deps


def _parts_of(named: Sequence[tuple[str, Facts]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for _, facts in named:
        for tid, target in facts.targets.items():
            for part in target.parts:
                found.setdefault(part, []).append(tid)
    return found


def summarise(
    documents: Sequence[tuple[str, str]],
    own: dict[str, Own],
    facts: dict[str, Facts],
    today: dt.date,
) -> Summary:
    """The summary of named documents (name, key), from what each holds on its own (valid,
    problems, target ids, report tables, table fingerprints) and the facts between them."""
    from targets.domain.rules import reference_problems

    named = [(name, facts[name]) for name, _ in documents]
    return Summary(
        keys=dict(documents),
        valid={name: own[name][0] for name, _ in documents},
        problems={name: own[name][1] for name, _ in documents},
        targets={name: own[name][2] for name, _ in documents},
        reports={name: own[name][3] for name, _ in documents},
        reference=reference_problems(named, today),
        deps=_dependencies(named),
        parts_of=_parts_of(named),
        digests={name: own[name][4] for name, _ in documents},
    )


def unlocated(problems: list[Problem]) -> list[Problem]:
    """Problems whose lines may have moved (the document was edited): located again on show."""
    return [p.replace(line=0, col=0) for p in problems]
