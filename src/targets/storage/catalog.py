"""A catalog: the root document and every document it includes, as one data set.

It answers "all targets", "where is target X", "what is wrong" and "what changed" from its
summary (see `summary`), read from the cache on every run; only documents whose bytes
changed are read again, and a write brings the summary up to date itself.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

from targets.domain.problems import Problem
from targets.domain.vocab import Severity
from targets.errors import InvalidData, TargetsError

from .cache import Cache, code_fingerprint, combined_key
from .document import Document, read_document
from .summary import Summary, unlocated

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterator

    from targets.domain.rules import Facts, Index

    from .summary import Own


SUMMARY_KIND = "summary.pickle"
FACTS_KIND = "facts.pickle"


class Catalog:
    """The documents of a data set, with their summary. (A plain class: every command opens
    a catalog, and `dataclasses` costs its import.)"""

    def __init__(
        self,
        root: Path,
        documents: list[Document],
        cache: Cache,
        today: dt.date,
        include_problems: list[Problem],
    ) -> None:
        self.root = root
        self.documents = documents
        self.cache = cache
        self.today = today
        self.include_problems = include_problems
        self._summary: Summary | None = None
        self._facts: dict[str, Facts] = {}  # by document name, when read

    # -- the summary ---------------------------------------------------------------------

    def _key(self) -> str:
        keys = (f"{d.name}\0{d.key}" for d in self.documents)
        return combined_key(code_fingerprint(), self.today.isoformat(), *keys)

    @property
    def summary(self) -> Summary:
        if self._summary is None:
            stored = self.cache.get(self.root, SUMMARY_KIND, self._key())
            self._summary = stored if isinstance(stored, Summary) else self._summarised()
        return self._summary

    def _summarised(self) -> Summary:
        """The summary worked out again, reading only documents not seen in this state."""
        from .summary import summarise

        previous = self.cache.get(self.root, SUMMARY_KIND, None)
        own = {}
        for document in self.documents:
            reused = _reusable(previous, document)
            if reused is not None:
                own[document.name] = reused
            else:
                content = document.content
                ids = list(content.targets)
                digests = {tid: content.digest_of(tid) for tid in ids}
                own[document.name] = (
                    content.valid,
                    list(content.problems),
                    ids,
                    content.reports,
                    digests,
                )
        facts = {d.name: self.facts(d) for d in self.documents}
        named = [(d.name, d.key) for d in self.documents]
        summary = summarise(named, own, facts, self.today)
        self.cache.put(self.root, SUMMARY_KIND, self._key(), summary)
        return summary

    def facts(self, document: Document) -> Facts:
        """What the document shares with the others: from its cache entry, else its content."""
        if document.name not in self._facts:
            stored = self.cache.get(document.path, FACTS_KIND, document.key)
            if stored is None:
                stored = document.content.facts
                self.cache.put(document.path, FACTS_KIND, document.key, stored)
            self._facts[document.name] = stored
        return self._facts[document.name]

    # -- what is where ------------------------------------------------------------------

    def named(self, name: str) -> Document:
        return next(d for d in self.documents if d.name == name)

    def defining(self, section: str, key: str) -> Document | None:
        """The (first) document that defines [section.key]."""
        name = self.summary.defining(section, key)
        return self.named(name) if name is not None else None

    def dependencies(self, document: Document) -> list[Document]:
        """The other documents whose reports or parts `document`'s targets name."""
        return [self.named(name) for name in self.summary.deps.get(document.name, [])]

    def target_ids(self) -> Iterator[str]:
        for document in self.documents:
            yield from self.summary.targets[document.name]

    def report_period(self, report_id: str) -> tuple[dt.date | None, dt.date | None]:
        document = self.summary.defining("reports", report_id)
        if document is None:
            return None, None
        period = self.summary.reports[document][report_id].get("period")
        if not isinstance(period, dict):
            return None, None
        return period.get("start"), period.get("end")

    def index(self) -> Index:
        """Every report and target with the facts of its first definition."""
        from targets.domain.rules import index_of

        found, _ = index_of([(d.name, self.facts(d)) for d in self.documents])
        return found

    # -- problems -----------------------------------------------------------------------

    def reference_problems(self) -> list[Problem]:
        return self.summary.reference

    def valid(self, document: Document) -> bool:
        return self.summary.valid[document.name]

    def invalid(self) -> set[str]:
        """The documents with errors of their own, or between them and others."""
        bad = self.summary.invalid()
        return bad | {p.document for p in self.include_problems if p.severity is Severity.ERROR}

    def problems(self) -> list[Problem]:
        """Every problem of every document, located, each naming its document."""
        found: list[Problem] = []
        between: dict[str, list[Problem]] = {}
        for problem in self.summary.reference + self.include_problems:
            between.setdefault(problem.document, []).append(problem)
        for document in self.documents:
            own = [p.replace(document=document.name) for p in self.summary.problems[document.name]]
            mine = own + between.get(document.name, [])
            if any(not p.line for p in mine):
                from .toml import locate

                mine = locate(mine, document.text)
            found += [self._with_also(p) for p in mine]
        return found

    def _with_also(self, problem: Problem) -> Problem:
        if problem.also is None:
            return problem
        from .toml import locate

        name, path = problem.also
        other = locate([Problem(Severity.ERROR, path, "")], self.named(name).text)[0]
        where = f"{name}:{other.line}:{other.col}"
        return problem.replace(message=f"{problem.message}; also defined at {where}")

    def require_valid(self, document: Document | None = None) -> None:
        """InvalidData naming the first error, of `document` or of any document."""
        errors = [
            p
            for p in self.problems()
            if p.severity is Severity.ERROR and (document is None or p.document == document.name)
        ]
        if errors:
            raise InvalidData(Path(errors[0].document or self.root), errors)

    # -- after a write ------------------------------------------------------------------

    def forget_summary(self) -> None:
        """Work the summary out again (a dry run changed a document in memory only)."""
        self._summary = None
        self._facts.clear()

    def replaced(
        self,
        before: Document,
        after: Document,
        tables: dict[str, dict[str, object]],
        reference: list[Problem],
    ) -> None:
        """Bring the summary up to date after a write changed some targets of a document (to
        `tables`): its key, its targets (new ones at the end), their fingerprints, their own
        problems, and `reference`, theirs against the others (worked out by the writer)."""
        from targets.domain.rules import document_problems

        from .content import table_digest

        summary = self.summary
        name = before.name
        self.documents[self.documents.index(before)] = after
        summary.keys[name] = after.key
        ids = summary.targets[name]
        summary.targets[name] = ids + [tid for tid in tables if tid not in ids]
        summary.digests[name] = {
            **summary.digests[name],
            **{tid: table_digest(table) for tid, table in tables.items()},
        }
        paths = {("targets", tid) for tid in tables}
        own = {"schema_version": 1, "targets": tables}
        summary.problems[name] = unlocated(
            [p for p in summary.problems[name] if p.path[:2] not in paths]
            + [p for p in document_problems(own) if p.path]
        )
        summary.reference = [
            p for p in summary.reference if not (p.document == name and p.path[:2] in paths)
        ] + reference
        self._facts.pop(name, None)
        if after._content is not None:
            self.cache.put(after.path, FACTS_KIND, after.key, after.content.facts)
        self.cache.put(self.root, SUMMARY_KIND, self._key(), summary)


def _reusable(previous: object, document: Document) -> Own | None:
    if not isinstance(previous, Summary) or previous.keys.get(document.name) != document.key:
        return None
    name = document.name
    return (
        previous.valid[name],
        previous.problems[name],
        previous.targets[name],
        previous.reports[name],
        previous.digests[name],
    )


def open_catalog_at(root: Path, cache: Cache, today: dt.date) -> Catalog:
    """The root document and, depth first and in order, every document it includes."""
    documents: list[Document] = []
    problems: list[Problem] = []
    seen: set[str] = {os.path.realpath(root)}

    def visit(path: Path, chain: tuple[str, ...]) -> None:
        document = read_document(path, cache)
        documents.append(document)
        for index, pattern in enumerate(document.includes):
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

    visit(root, (os.path.realpath(root),))
    return Catalog(root, documents, cache, today, problems)


def _visit_included(
    visit: Callable[[Path, tuple[str, ...]], None],
    match: Path,
    chain: tuple[str, ...],
    problems: list[Problem],
    parent: Document,
    where: tuple[str | int, ...],
) -> None:
    try:
        visit(match, chain)
    except TargetsError as error:
        problems.append(Problem(Severity.ERROR, where, str(error), document=parent.name))


def _matches(document: Path, pattern: str) -> list[Path]:
    """The files a glob names, relative to the including document's folder, sorted."""
    full = pattern if os.path.isabs(pattern) else os.path.join(document.parent, pattern)
    try:
        found = glob.glob(full, recursive=True)
    except (OSError, ValueError):
        return []
    return [Path(m) for m in sorted(found) if not os.path.isdir(m)]
