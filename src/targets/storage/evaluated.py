"""The catalog's targets evaluated on a day: the model, the rows and their JSON, cached per
document.

A document's rows depend on its own bytes, on the documents whose reports and parts it names,
on the day and on the code: all four make the key of its entries, so after a change only the
documents it touches are evaluated again, and a write patches the rows it changed itself.
The model and the evaluation are imported only when something must be evaluated.
"""

from __future__ import annotations

from targets.errors import unknown_target

from .cache import code_fingerprint, combined_key

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator
    from typing import Any

    from targets.domain.model import DataSet
    from targets.domain.rows import TargetRow

    from .catalog import Catalog
    from .document import Document


ROWS_KIND = "rows.marshal"
JSON_KIND = "json.marshal"


def usable(catalog: Catalog) -> list[Document]:
    """The documents that can be evaluated: valid, and depending only on valid ones."""
    bad = catalog.invalid()
    while True:
        more = {
            d.name
            for d in catalog.documents
            if d.name not in bad and any(o.name in bad for o in catalog.dependencies(d))
        }
        if not more:
            return [d for d in catalog.documents if d.name not in bad]
        bad |= more


def dataset(catalog: Catalog, documents: Iterable[Document] | None = None) -> DataSet:
    """The model of the given documents (default: every usable one), with what they name."""
    from targets.domain.build import build_report, build_target
    from targets.domain.model import DataSet, Report, Target

    chosen = list(usable(catalog) if documents is None else documents)
    every = list(chosen)
    for document in chosen:
        every += [d for d in catalog.dependencies(document) if d not in every]
    reports: dict[str, Report] = {}
    for document in every:
        for rid, raw in document.content.reports.items():
            reports.setdefault(rid, build_report(rid, raw))
    wanted = {part for d in chosen for part in _parts_named(d)}
    targets: dict[str, Target] = {}
    for document in every:
        for tid, raw in document.content.targets.items():
            if tid not in targets and (document in chosen or tid in wanted):
                targets[tid] = build_target(tid, raw, reports)
    return DataSet(reports, targets)


def _parts_named(document: Document) -> Iterator[str]:
    for raw in document.content.targets.values():
        yield from raw.get("parts", ())


def _key(catalog: Catalog, document: Document, day: dt.date) -> str:
    deps = (f"{d.name}\0{d.key}" for d in catalog.dependencies(document))
    return combined_key(document.key, code_fingerprint(), day.isoformat(), *deps)


def _made(catalog: Catalog, document: Document, day: dt.date) -> tuple[list[Any], list[str]]:
    """A document's rows on `day` as tuples and as lines of JSON, made and stored."""
    from targets.domain.evaluate import evaluate
    from targets.domain.rows import target_row
    from targets.output.machine import compact_json

    data = dataset(catalog, [document])
    rows = [target_row(evaluate(data.targets[tid], data, day)) for tid in document.content.targets]
    made = ([r.as_tuple() for r in rows], [compact_json(r.as_dict()) for r in rows])
    key = _key(catalog, document, day)
    catalog.cache.put(document.path, ROWS_KIND, key, made[0])
    catalog.cache.put(document.path, JSON_KIND, key, made[1])
    return made


OVERLAY_KIND = "overlay.pickle"


def _entry(catalog: Catalog, document: Document, day: dt.date, kind: str) -> list[Any]:
    """A document's rows (tuples or JSON lines) on `day`: stored, or stored ones with a write's
    changes laid over them, or made now."""
    key = _key(catalog, document, day)
    found = catalog.cache.get(document.path, kind, key)
    if isinstance(found, list):
        return found
    overlay = catalog.cache.get(document.path, OVERLAY_KIND, key)
    if isinstance(overlay, dict):
        base = catalog.cache.get(document.path, kind, overlay["base"])
        if isinstance(base, list) and len(base) == overlay["before"]:
            changed = overlay[kind]
            return [changed.get(i, row) for i, row in enumerate(base)] + [
                changed[i] for i in range(len(base), overlay["after"])
            ]
    made = _made(catalog, document, day)
    return made[0] if kind == ROWS_KIND else made[1]


def rows(catalog: Catalog, day: dt.date) -> list[TargetRow]:
    """Every usable target's row on `day`, in document order."""
    from targets.domain.rows import TargetRow

    return [
        TargetRow(*values)
        for document in usable(catalog)
        for values in _entry(catalog, document, day, ROWS_KIND)
    ]


def json_lines(catalog: Catalog, day: dt.date) -> Iterator[str]:
    """Every usable target's row on `day` as one line of JSON, in document order."""
    for document in usable(catalog):
        yield from _entry(catalog, document, day, JSON_KIND)


def target_dataset(catalog: Catalog, target_id: str) -> DataSet:
    """A model holding the target (with its report and parts): enough to evaluate it."""
    document = catalog.defining("targets", target_id)
    if document is None:
        raise unknown_target(target_id, catalog.target_ids())
    catalog.require_valid(document)
    return dataset(catalog, [document])


def patch_rows(
    catalog: Catalog,
    before: Document,
    after: Document,
    tables: dict[str, dict[str, Any]],
    added: int,
    day: dt.date,
) -> None:
    """After a write changed (or added) some targets of a document, carry its rows on `day` over
    to its new bytes: the changed targets are evaluated, and their rows laid over the stored
    ones (a small entry; the next read applies it). When that cannot be done safely (a
    composite sums a changed target), the next read makes the rows."""
    from targets.domain.build import build_report, build_target
    from targets.domain.evaluate import evaluate
    from targets.domain.model import DataSet
    from targets.domain.rows import target_row
    from targets.output.machine import compact_json

    summary = catalog.summary
    if any(summary.parts_of.get(tid) for tid in tables) or any(
        t.get("parts") for t in tables.values()
    ):
        return
    old_key = _key(catalog, before, day)
    earlier = catalog.cache.get(before.path, OVERLAY_KIND, old_key)
    if isinstance(earlier, dict):
        base, count, changes = earlier["base"], earlier["before"], earlier
    elif catalog.cache.holds(before.path, JSON_KIND, old_key) and catalog.cache.holds(
        before.path, ROWS_KIND, old_key
    ):
        count = len(summary.targets[after.name]) - added
        base, changes = old_key, {ROWS_KIND: {}, JSON_KIND: {}}
    else:
        return
    reports = {}
    for table in tables.values():
        rid = str(table.get("report"))
        home = summary.defining("reports", rid)
        if home is None:
            return
        reports[rid] = build_report(rid, summary.reports[home][rid])
    built = {tid: build_target(tid, table, reports) for tid, table in tables.items()}
    data = DataSet(reports, built)
    ids = summary.targets[after.name]
    rows, lines = dict(changes[ROWS_KIND]), dict(changes[JSON_KIND])
    for tid, target in built.items():
        row = target_row(evaluate(target, data, day))
        index = ids.index(tid)
        rows[index], lines[index] = row.as_tuple(), compact_json(row.as_dict())
    overlay = {"base": base, "before": count, "after": len(ids), ROWS_KIND: rows, JSON_KIND: lines}
    catalog.cache.put(after.path, OVERLAY_KIND, _key(catalog, after, day), overlay)
