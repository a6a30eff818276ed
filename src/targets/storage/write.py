"""Writing documents without losing a byte: lock, check, verify, atomic replace.

Every write runs as: take the document's lock (`<file>.lock`, never the file itself, whose
inode the replace swaps), read its bytes, refuse if the document is not valid as a whole,
let the caller plan an edit, check that the edited text parses to exactly the intended data,
write it to a temporary file beside the original (same mode, owner and group), fsync it,
check that nobody changed the original meanwhile, `os.replace` it and fsync the folder. Any
failure or signal leaves the original untouched and no temporary file behind.

A document whose exact bytes were validated before (its cache entry says so) is edited
through its target's lines alone: every other byte is kept, so only those lines need parsing.
Any other document is parsed and checked whole first.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from targets.domain.vocab import Severity
from targets.errors import InvalidData, WriteError

from .cache import Cache, content_key
from .document import Document, file_signature, read_file
from .edits import Edit
from .files import locked, real_path, write_bytes
from .snapshot import Known, Snapshot
from .toml import parse_toml

__all__ = ["Known", "Plan", "PlanFor", "Snapshot", "Written", "write_changes"]

Table = dict[str, Any]


@dataclass(frozen=True)
class Plan:
    """A change of one document worked out under its lock: the edit, the tables it changes
    with the values they must parse to, and what the caller wants to report."""

    edit: Edit
    changes: dict[tuple[str, str], Table]
    details: dict[str, Any]


def verify(snapshot: Snapshot, plan: Plan) -> None:
    """Check that the edited text holds exactly the intended tables and nothing else changed,
    or raise before anything is written.

    One table in a provably safe region: only the new region is parsed (every byte outside it
    is unchanged, and nothing outside it can touch the table). Otherwise the whole new text
    is parsed and compared with the whole old document."""
    (section, key), intended = next(iter(plan.changes.items()))
    appended = not plan.edit.old_region and plan.edit.start == len(snapshot.text)
    if appended and snapshot.trusted and not any(snapshot.defines(*name) for name in plan.changes):
        # new tables after every byte of a valid document: they are all the change can be
        parsed, problem = parse_toml(plan.edit.new_region)
        expected: Table = {}
        for (part, name), table in plan.changes.items():
            expected.setdefault(part, {})[name] = table
        if parsed == expected:
            return
    elif (
        len(plan.changes) == 1
        and snapshot.region(section, key) is not None
        and plan.edit.old_region
    ):
        parsed, problem = parse_toml(plan.edit.new_region)
        if parsed == {section: {key: intended}}:
            return
    else:
        parsed, problem = parse_toml(plan.edit.text)
        expected = dict(snapshot.whole)
        for (part, name), table in plan.changes.items():
            expected[part] = {**expected.get(part, {}), name: table}
        if parsed == expected:
            return
    reason = problem.message if problem else "other tables would change too"
    raise WriteError(
        f"could not edit [{section}.{key}] in {snapshot.path} in place ({reason}); "
        "the file is unchanged"
    )


def refuse_invalid(snapshot: Snapshot) -> None:
    """InvalidData if the document has any error, anywhere in it (a trusted one has none)."""
    if snapshot.trusted:
        return
    errors = [p for p in snapshot.content.problems if p.severity is Severity.ERROR]
    if errors:
        named = [p.replace(document=snapshot.document.name) for p in errors]
        raise InvalidData(snapshot.path, named)


# -- the write ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Written:
    """What a write did to one document: its plan, and the document as it now is (or would
    be, in a dry run)."""

    plan: Plan
    before: Document
    after: Document
    dry_run: bool


PlanFor = Callable[[Snapshot], Plan]


def write_changes(
    plans: dict[Path, PlanFor],
    cache: Cache,
    timeout: float,
    dry_run: bool = False,
    known: dict[str, Known] | None = None,
) -> list[Written]:
    """Under the documents' locks (taken in one order, so two writers cannot deadlock): read
    each, refuse an invalid one, plan its change, verify it; then, unless a dry run, write
    them all, or none: a failure puts back the ones already written. A dry run takes no lock.

    `known` holds, by path, the states of documents known valid. A `PlanFor` may raise to
    refuse the change; then nothing is written."""
    with contextlib.ExitStack() as stack:
        if not dry_run:
            for path in sorted(plans, key=lambda p: str(real_path(p))):
                stack.enter_context(locked(path, timeout))
        done = [_planned(path, cache, plan_for, known or {}) for path, plan_for in plans.items()]
        if not dry_run:
            _write_all(done)
        return [Written(plan, before, after, dry_run) for plan, before, after in done]


def _planned(
    path: Path, cache: Cache, plan_for: PlanFor, known: dict[str, Known]
) -> tuple[Plan, Document, Document]:
    state = known.get(str(path))
    if (
        state is not None
        and state.signature is not None
        and file_signature(path) == state.signature
    ):
        data, signature = state.data, state.signature  # as the catalog read it
    else:
        data, signature = read_file(path)
        if state is not None and state.data != data:
            state = None  # changed since the catalog read it: check it whole
    key = state.key if state else content_key(data)
    before = Document(path, data, key, cache, signature)
    snapshot = Snapshot(before, state)
    refuse_invalid(snapshot)
    plan = plan_for(snapshot)
    verify(snapshot, plan)
    new_data = snapshot.new_bytes(plan.edit)
    after = Document(path, new_data, content_key(new_data), cache)
    if not snapshot.trusted:
        before.holding(snapshot.content)
    return plan, before, after


def _write_all(done: list[tuple[Plan, Document, Document]]) -> None:
    written: list[tuple[Document, Document]] = []
    try:
        for _, before, after in done:
            after.signature = write_bytes(before.path, after.data, unchanged=before.signature)
            written.append((before, after))
    except BaseException:
        for before, after in reversed(written):  # all or nothing: put back what was written
            with contextlib.suppress(BaseException):
                write_bytes(before.path, before.data, unchanged=after.signature)
        raise
    for plan, before, after in done:
        after.changed_from(before, plan.changes)
