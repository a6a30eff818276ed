"""What a document holds, parsed and checked on its own: its tables, its problems and the
facts other documents depend on. Worked out only when the cache does not have it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from targets.domain.problems import Problem
from targets.domain.vocab import Severity

from .toml import decode, parse_toml

if TYPE_CHECKING:
    from targets.domain.rules import Facts

Table = dict[str, Any]


@dataclass(frozen=True)
class Content:
    """What a document holds, parsed and checked on its own."""

    includes: tuple[str, ...]
    reports: dict[str, Table]
    targets: dict[str, Table]
    problems: tuple[Problem, ...]
    facts: Facts
    bom: bool = False
    digests: dict[str, str] | None = None  # target id: `table_digest` of its table

    def digest_of(self, target_id: str) -> str:
        """The fingerprint of a target's table (worked out for all of them the first time)."""
        if self.digests is None:
            found = {tid: table_digest(table) for tid, table in self.targets.items()}
            object.__setattr__(self, "digests", found)
        assert self.digests is not None
        return self.digests[target_id]

    @property
    def valid(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)


def table_digest(table: Table) -> str:
    """A fingerprint of a table's exact value (the same table always pickles the same)."""
    import pickle

    from .cache import content_key

    return content_key(pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))[:24]


def content_of(data: bytes) -> Content:
    """Parse and check a document's bytes; never raises on bad data."""
    from targets.domain.rules import Facts, document_problems, facts_of
    from targets.domain.rules.tables import reports_of, targets_of

    from .toml import locate

    empty = Facts({}, {})
    text, undecodable = decode(data)
    if text is None:
        assert undecodable is not None
        return Content((), {}, {}, (undecodable,), empty)
    doc, syntax = parse_toml(text)
    if doc is None:
        assert syntax is not None
        return Content((), {}, {}, (syntax,), empty)
    problems = document_problems(doc)
    includes = doc.get("include")
    return Content(
        includes=tuple(includes)
        if isinstance(includes, list) and all(isinstance(i, str) for i in includes)
        else (),
        reports=dict(reports_of(doc)),
        targets=dict(targets_of(doc)),
        problems=tuple(locate(problems, text) if problems else ()),
        facts=facts_of(doc),
        bom=data.startswith(b"\xef\xbb\xbf"),
    )


def patched(content: Content, changes: dict[tuple[str, str], Table]) -> Content:
    """The content after some tables changed: their problems and facts worked out again, the
    other problems kept (their lines may have moved: they are located again when shown)."""
    from targets.domain.rules import Facts, document_problems, facts_of

    reports, targets = dict(content.reports), dict(content.targets)
    own: Table = {"schema_version": 1}
    for (section, key), table in changes.items():
        (targets if section == "targets" else reports)[key] = table
        own.setdefault(section, {})[key] = table
    problems = [p.replace(line=0, col=0) for p in content.problems if p.path[:2] not in changes] + [
        p for p in document_problems(own) if p.path
    ]
    facts = facts_of(own)
    merged = Facts(
        {**content.facts.reports, **facts.reports}, {**content.facts.targets, **facts.targets}
    )
    return replace(
        content, reports=reports, targets=targets, problems=tuple(problems), facts=merged
    )
