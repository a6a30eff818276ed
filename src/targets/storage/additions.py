"""New targets: `add` one, `add --from` a batch, and `init` a data file of one's own."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from targets.domain.fields import TARGET_FIELDS
from targets.domain.model import SCHEMA_VERSION, Severity
from targets.domain.rules import document_problems, facts_of, index_of, target_problems
from targets.environment import PACKAGE_DIR
from targets.errors import UsageError, WriteError

from . import edits
from .document import read_bytes
from .files import write_bytes
from .paths import check_regular_or_absent, check_writable
from .write import Plan, PlanFor, Snapshot
from .writing import Table, Workspace, WriteResult, checked_id, result, run


def new_target_table(values: dict[str, Any]) -> Table:
    """A new target's keys in the order the data file uses, empty ones left out."""
    kept = {key: value for key, value in values.items() if value not in (None, [], "")}
    unknown = [key for key in kept if key not in TARGET_FIELDS]
    if unknown:
        raise UsageError(
            f"`{unknown[0]}` is not a key of a target; known keys: {', '.join(TARGET_FIELDS)}"
        )
    return {key: kept[key] for key in TARGET_FIELDS if key in kept}


def _check_new(
    workspace: Workspace, drafts: Sequence[tuple[str, Table]]
) -> dict[str, list[tuple[str, Table]]]:
    """Check new targets against the rules and the catalog (and each other); group them by
    the document of their report. UsageError naming the first problem, and the draft."""
    catalog = workspace.catalog
    seen: set[str] = set()
    for target_id, _ in drafts:
        checked_id(target_id, "new id")
        owner = catalog.defining("targets", target_id)
        if owner is not None or target_id in seen:
            where = f" in {owner.name}" if owner else " twice in the batch"
            raise UsageError(f"target {target_id!r} already exists{where}; choose another id")
        seen.add(target_id)
    own = {"schema_version": SCHEMA_VERSION, "targets": dict(drafts)}
    new_facts = facts_of(own)
    index, _ = index_of([*((d.name, catalog.facts(d)) for d in catalog.documents), ("", new_facts)])
    for target_id, table in drafts:
        problems = document_problems(
            {"schema_version": SCHEMA_VERSION, "targets": {target_id: table}}
        )
        if not any(p.severity is Severity.ERROR for p in problems):
            problems = target_problems(
                target_id, new_facts.targets[target_id], index, workspace.today
            )
        errors = [p for p in problems if p.severity is Severity.ERROR]
        if errors:
            where = ".".join(str(p) for p in errors[0].path[2:])
            at = f" (at `{where}`)" if where else ""
            raise UsageError(f"refused {target_id}: {errors[0].message}{at}")
    groups: dict[str, list[tuple[str, Table]]] = {}
    for target_id, table in drafts:
        home = catalog.defining("reports", str(table.get("report")))
        assert home is not None  # the report was checked above
        check_writable(home.path, workspace.data)
        groups.setdefault(home.name, []).append((target_id, table))
    return groups


def _append_plan(batch: list[tuple[str, Table]]) -> PlanFor:
    def plan(snapshot: Snapshot) -> Plan:
        text = snapshot.text
        for target_id, table in batch:
            text = edits.append_target(text, target_id, table).text
        first = edits.append_target(snapshot.text, *batch[0])
        appended = text[len(snapshot.text) :]
        edit = first if len(batch) == 1 else edits.Edit(text, len(snapshot.text), "", appended)
        return Plan(edit, {("targets", tid): table for tid, table in batch}, {})

    return plan


def add_many(
    workspace: Workspace, drafts: Sequence[tuple[str, Table]], dry_run: bool = False
) -> WriteResult:
    """Add every new target at the end of the document of its report, or none."""
    if not drafts:
        raise UsageError("no targets to add")
    groups = _check_new(workspace, drafts)
    catalog = workspace.catalog
    plans = {catalog.named(name).path: _append_plan(batch) for name, batch in groups.items()}
    written = run(workspace, plans, dry_run)
    last = drafts[-1][0] if len(drafts) == 1 else None
    return result(workspace, last, written, count=len(drafts))


def add(workspace: Workspace, target_id: str, table: Table, dry_run: bool = False) -> WriteResult:
    """Add one target at the end of the document of its report."""
    return add_many(workspace, [(target_id, table)], dry_run)


# -- init -----------------------------------------------------------------------------------

SCHEMA_NAMES = ("data/targets.schema.json", "../../schema/targets.schema.json")


def bundled_schema() -> Path | None:
    """The JSON Schema installed with the package (or the source tree's)."""
    for name in SCHEMA_NAMES:
        candidate = (PACKAGE_DIR / name).resolve()
        if candidate.is_file():
            return candidate
    return None


def _repointed(data: bytes) -> bytes:
    """The bundled file with its `#:schema` line pointing at the installed schema, so that
    an editor finds it from the copy wherever the copy is."""
    schema = bundled_schema()
    first, newline, rest = data.partition(b"\n")
    if schema is None or not first.startswith(b"#:schema "):
        return data
    return b"#:schema " + schema.as_uri().encode() + newline + rest


def init(
    source: Path, destination: Path, data_file: Any, force: bool = False, dry_run: bool = False
) -> bytes:
    """Copy the bundled data to a writable place; the bytes written (or, dry, to write)."""
    check_regular_or_absent(destination, "PATH")
    check_writable(destination, data_file)
    if os.path.lexists(destination) and not force:
        raise UsageError(f"{destination} already exists; pass --force to overwrite it")
    try:
        data = _repointed(read_bytes(source))
    except UsageError as error:
        raise WriteError(f"cannot read the bundled data: {error}") from None
    if not dry_run:
        write_bytes(destination, data)
    return data
