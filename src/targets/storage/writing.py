"""What every write command shares: the workspace it writes in, checking its input, and
keeping the catalog's cache current after the write.

Each write refuses bad input with a UsageError before anything is written, and checks the
changed tables against the same rules as `targets check`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from targets.domain.build import build_dataset
from targets.domain.model import SCHEMA_VERSION, DataSet, Severity, Target
from targets.domain.rules import SLUG, document_problems, facts_of, target_problems
from targets.environment import DataFile
from targets.errors import InvalidData, UsageError, unknown_target

from .cache import Cache
from .catalog import Catalog
from .document import Document
from .paths import check_writable
from .write import Known, Plan, PlanFor, Snapshot, Written, write_changes

Table = dict[str, Any]
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_MAX_DIGITS = 30


@dataclass(frozen=True)
class Workspace:
    """Where a write happens: the catalog, where its root came from, the lock timeout, today."""

    catalog: Catalog
    data: DataFile
    lock_timeout: float
    today: dt.date


@dataclass(frozen=True)
class WriteResult:
    """What a write did: the target as it now stands (in a data set with its report and parts,
    enough to evaluate it), the documents it changed, and what the caller reports."""

    target: Target | None
    data: DataSet
    written: list[Written]
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def dry_run(self) -> bool:
        return bool(self.written) and self.written[0].dry_run


# -- input ----------------------------------------------------------------------------------


def parse_number(text: str) -> int | float:
    """A finite number written plainly (7, 7.5, -3, 1e4); no NaN, infinity, commas or units."""
    cleaned = text.strip()
    if not _NUMBER.fullmatch(cleaned) or len(cleaned) > _MAX_DIGITS + 10:
        shown = cleaned[:20] + ("…" if len(cleaned) > 20 else "")
        raise UsageError(
            f"value {shown!r} is not a number; write it like 7 or 7.5 (at most "
            f"{_MAX_DIGITS} digits), without units"
        )
    if re.fullmatch(r"[+-]?\d+", cleaned):
        number = int(cleaned)
        if abs(number) >= 2**63:
            raise UsageError(f"value {cleaned[:20]!r}… is too large")
        return number
    value = float(cleaned)
    if not math.isfinite(value):
        raise UsageError(f"value {cleaned[:20]!r} is too large")
    return value


def checked_text(text: str | None, what: str) -> str | None:
    """Free text as given, refused if it cannot be stored as UTF-8 (undecodable bytes)."""
    if text is None:
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(f"{what} holds bytes that are not valid UTF-8 text") from None
    return text


def checked_id(target_id: str, what: str = "target id") -> str:
    if not SLUG.match(target_id):
        shown = target_id[:40] + ("…" if len(target_id) > 40 else "")
        raise UsageError(
            f"{what} {shown!r} is not an id; ids are lowercase slugs such as licang-greenways "
            "(see `targets list --format ids`)"
        )
    return target_id


def defining_document(workspace: Workspace, target_id: str) -> Document:
    """The document that defines the target, checked writable; UnknownTarget otherwise."""
    checked_id(target_id)
    document = workspace.catalog.defining("targets", target_id)
    if document is None:
        raise unknown_target(target_id, workspace.catalog.target_ids())
    check_writable(document.path, workspace.data)
    refuse_reference_errors(workspace.catalog, document)
    return document


def refuse_reference_errors(catalog: Catalog, document: Document) -> None:
    """InvalidData if the document has errors between it and the others (a duplicate id)."""
    errors = [
        p
        for p in catalog.reference_problems()
        if p.document == document.name and p.severity is Severity.ERROR
    ]
    if errors:
        from .toml import locate

        raise InvalidData(document.path, locate(errors, document.text))


def target_table(snapshot: Snapshot, target_id: str) -> Table:
    found = snapshot.table("targets", target_id)
    if found is None:
        raise unknown_target(target_id, snapshot.content.targets)
    return found


def report_period(workspace: Workspace, target: Table) -> tuple[dt.date | None, dt.date | None]:
    """The start and end of the target's window: its own, else its report's period."""
    rid = target.get("report")
    start, end = workspace.catalog.report_period(rid) if isinstance(rid, str) else (None, None)
    return target.get("start", start), target.get("due", end)


def validated(workspace: Workspace, target_id: str, table: Table, references: bool = True) -> None:
    """Run every rule on the changed target, alone and (unless its report and parts did not
    change) against the catalog; refuse the change on the first error, naming it."""
    own = {"schema_version": SCHEMA_VERSION, "targets": {target_id: table}}
    problems = [p for p in document_problems(own) if p.severity is Severity.ERROR]
    if not problems and references:
        facts = facts_of(own).targets[target_id]
        problems = target_problems(target_id, facts, workspace.catalog.index(), workspace.today)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        where = ".".join(str(p) for p in errors[0].path[2:])
        raise UsageError(f"refused: {errors[0].message}" + (f" (at `{where}`)" if where else ""))


# -- after the write ------------------------------------------------------------------------


def run(workspace: Workspace, plans: dict[Path, PlanFor], dry_run: bool) -> list[Written]:
    """Write the planned changes, then bring the catalog's cached state up to date: its
    summary, and the changed targets' rows for today, so the next read parses nothing."""
    from .evaluated import patch_rows

    catalog = workspace.catalog
    summary = catalog.summary
    known = {
        str(d.path): Known(
            d.data, d.key, d.signature, summary.targets[d.name], summary.digests[d.name]
        )
        for d in catalog.documents
        if catalog.valid(d)
    }
    written = write_changes(plans, catalog.cache, workspace.lock_timeout, dry_run, known)
    for change in written:
        before = next(d for d in catalog.documents if d.name == change.before.name)
        if dry_run:
            catalog.documents[catalog.documents.index(before)] = change.after
            catalog.forget_summary()
            continue
        tables = {
            key: table
            for (section, key), table in change.plan.changes.items()
            if section == "targets"
        }
        added = sum(1 for tid in tables if tid not in catalog.summary.targets[before.name])
        catalog.replaced(before, change.after, tables, [])
        patch_rows(catalog, before, change.after, tables, added, workspace.today)
    return written


def result(
    workspace: Workspace, target_id: str | None, written: list[Written], **details: Any
) -> WriteResult:
    """The target as it now stands, with its report and parts: enough to evaluate it. Its
    table comes from the write itself, its report from the summary; only a composite's parts
    are read from their documents."""
    catalog = workspace.catalog
    if target_id is None:
        return WriteResult(None, DataSet(), written, details)

    def table_of(tid: str) -> Table:
        for change in written:
            if ("targets", tid) in change.plan.changes:
                return change.plan.changes[("targets", tid)]
        owner = catalog.defining("targets", tid)
        assert owner is not None
        return owner.content.targets[tid]

    names = [*table_of(target_id).get("parts", ()), target_id]
    targets = [(tid, table_of(tid)) for tid in names]
    reports = []
    for rid in {str(table.get("report")) for _, table in targets}:
        home = catalog.summary.defining("reports", rid)
        if home is not None:
            reports.append((rid, catalog.summary.reports[home][rid]))
    data = build_dataset(reports, targets)
    return WriteResult(data.targets[target_id], data, written, details)


Planner = Callable[[Snapshot], Plan]


def open_workspace(
    path: Path, today: dt.date, cache: Cache | None = None, lock_timeout: float = 5.0
) -> Workspace:
    """A workspace over the data file at `path`, for writing through the core API."""
    from .catalog import open_catalog_at

    return Workspace(
        open_catalog_at(path, cache or Cache(None), today), DataFile(path), lock_timeout, today
    )
