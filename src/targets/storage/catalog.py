"""A catalog: the root document and every document it includes, as one data set.

It answers "all targets", "where is target X" and "what is wrong", reading each document's
derived state from the cache and working out again only what changed: the facts documents
share (ids, reports, parts) live in one catalog entry keyed by every document's key, so a
change to one of a thousand documents reloads only that one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from targets.domain.model import Problem, Severity
from targets.domain.rules import Facts, Index, index_of, reference_problems
from targets.errors import InvalidData, TargetsError

from .cache import Cache, code_fingerprint, combined_key
from .document import Document, read_document
from .toml import locate

CATALOG_KIND = "catalog.pickle"


@dataclass
class Catalog:
    root: Path
    documents: list[Document]
    cache: Cache
    today: dt.date
    include_problems: list[Problem] = field(default_factory=list)
    _facts: dict[str, Facts] = field(default_factory=dict)  # by document name
    _reference: list[Problem] | None = None
    _where: dict[tuple[str, str], Document] | None = None
    _valid: dict[str, bool] = field(default_factory=dict)  # by document name

    # -- what is where ------------------------------------------------------------------

    def facts(self, document: Document) -> Facts:
        if document.name not in self._facts:
            self._facts[document.name] = document.content.facts
        return self._facts[document.name]

    def valid(self, document: Document) -> bool:
        """Whether the document has no error of its own (from the catalog entry when it can)."""
        if document.name not in self._valid:
            self._valid[document.name] = document.content.valid
        return self._valid[document.name]

    def forget(self, document: Document) -> None:
        """Drop what was derived from a document's old bytes (after a write replaced them)."""
        self._facts.pop(document.name, None)
        self._valid.pop(document.name, None)
        self._where = None
        self._reference = None

    def named(self, name: str) -> Document:
        return next(d for d in self.documents if d.name == name)

    def defining(self, section: str, key: str) -> Document | None:
        """The (first) document that defines [section.key]."""
        if self._where is None:
            where: dict[tuple[str, str], Document] = {}
            for document in reversed(self.documents):
                facts = self.facts(document)
                where.update(dict.fromkeys((("reports", r) for r in facts.reports), document))
                where.update(dict.fromkeys((("targets", t) for t in facts.targets), document))
            self._where = where
        return self._where.get((section, key))

    def index(self) -> Index:
        """Every report and target with the facts of its first definition."""
        found, _ = index_of([(d.name, self.facts(d)) for d in self.documents])
        return found

    def target_ids(self) -> Iterator[str]:
        for document in self.documents:
            yield from self.facts(document).targets

    def report_ids(self) -> Iterator[str]:
        for document in self.documents:
            yield from self.facts(document).reports

    # -- problems -----------------------------------------------------------------------

    def reference_problems(self) -> list[Problem]:
        if self._reference is None:
            self._load_reference()
        assert self._reference is not None
        return self._reference

    def _key(self) -> str:
        keys = (f"{d.name}\0{d.key}" for d in self.documents)
        return combined_key(code_fingerprint(), self.today.isoformat(), *keys)

    def _load_reference(self) -> None:
        key = self._key()
        stored = self.cache.get(self.root, CATALOG_KIND, key)
        if isinstance(stored, dict) and isinstance(stored.get("reference"), list):
            self._facts.update(stored["facts"])
            self._valid.update(stored["valid"])
            self._reference = stored["reference"]
            return
        self._reuse_facts(self.cache.get(self.root, CATALOG_KIND, None))
        named = [(d.name, self.facts(d)) for d in self.documents]
        self._reference = reference_problems(named, self.today)
        self.remember()

    def _reuse_facts(self, previous: object) -> None:
        """Take the facts of unchanged documents from the catalog's previous entry."""
        if not isinstance(previous, dict) or not isinstance(previous.get("keys"), dict):
            return
        for document in self.documents:
            if previous["keys"].get(document.name) == document.key:
                self._facts.setdefault(document.name, previous["facts"][document.name])
                self._valid.setdefault(document.name, previous["valid"][document.name])

    def remember(self) -> None:
        """Store the catalog's facts and reference problems for the next run."""
        facts = {d.name: self.facts(d) for d in self.documents}
        value = {
            "keys": {d.name: d.key for d in self.documents},
            "facts": facts,
            "valid": {d.name: self.valid(d) for d in self.documents},
            "reference": self._reference,
        }
        self.cache.put(self.root, CATALOG_KIND, self._key(), value)

    def problems(self) -> list[Problem]:
        """Every problem of every document, located, each naming its document."""
        found: list[Problem] = []
        by_document: dict[str, list[Problem]] = {}
        for problem in self.reference_problems() + self.include_problems:
            by_document.setdefault(problem.document, []).append(problem)
        for document in self.documents:
            own = [
                dataclasses.replace(p, document=document.name) for p in document.content.problems
            ]
            others = by_document.get(document.name, [])
            if any(not p.line for p in others):
                others = locate(others, document.text)
            found += own + [self._with_also(p) for p in others]
        return found

    def _with_also(self, problem: Problem) -> Problem:
        if problem.also is None:
            return problem
        name, path = problem.also
        other = locate([Problem(Severity.ERROR, path, "")], self.named(name).text)[0]
        where = f"{name}:{other.line}:{other.col}"
        return dataclasses.replace(problem, message=f"{problem.message}; also defined at {where}")

    def invalid(self) -> set[str]:
        """The documents with errors of their own, or between them and others."""
        bad = {d.name for d in self.documents if not self.valid(d)}
        bad |= {p.document for p in self.reference_problems() if p.severity is Severity.ERROR}
        bad |= {p.document for p in self.include_problems if p.severity is Severity.ERROR}
        return bad

    def require_valid(self, document: Document | None = None) -> None:
        """InvalidData naming the first error, of `document` or of any document."""
        errors = [
            p
            for p in self.problems()
            if p.severity is Severity.ERROR and (document is None or p.document == document.name)
        ]
        if errors:
            raise InvalidData(Path(errors[0].document or self.root), errors)


def open_catalog(root: Path, cache: Cache, today: dt.date) -> Catalog:
    """The root document and, depth first and in order, every document it includes."""
    documents: list[Document] = []
    problems: list[Problem] = []
    seen: set[str] = set()

    def visit(path: Path, chain: tuple[str, ...]) -> None:
        document = read_document(path, cache)
        documents.append(document)
        for index, pattern in enumerate(document.content.includes):
            where = ("include", index)
            matches = _matches(path, pattern)
            if not matches:
                problems.append(
                    Problem(
                        Severity.WARNING,
                        where,
                        f"include {pattern!r} matches no file",
                        document=document.name,
                    )
                )
            for match in matches:
                real = os.path.realpath(match)
                if real in chain:
                    problems.append(
                        Problem(
                            Severity.ERROR,
                            where,
                            f"include {pattern!r} brings in {match}, which includes this "
                            "document again: an include cycle",
                            document=document.name,
                        )
                    )
                elif real not in seen:
                    seen.add(real)
                    _visit_included(visit, match, (*chain, real), problems, document, where)

    seen.add(os.path.realpath(root))
    visit(root, (os.path.realpath(root),))
    return Catalog(root, documents, cache, today, problems)


def _visit_included(
    visit: object,
    match: Path,
    chain: tuple[str, ...],
    problems: list[Problem],
    parent: Document,
    where: tuple[str | int, ...],
) -> None:
    try:
        visit(match, chain)  # type: ignore[operator]
    except TargetsError as error:
        problems.append(Problem(Severity.ERROR, where, str(error), document=parent.name))


def _matches(document: Path, pattern: str) -> list[Path]:
    """The files a glob names, relative to the including document's folder, sorted."""
    folder = document.parent
    full = pattern if os.path.isabs(pattern) else os.path.join(folder, pattern)
    try:
        found = glob.glob(full, recursive=True)
    except (OSError, ValueError):
        return []
    return [Path(m) for m in sorted(found) if not os.path.isdir(m)]
