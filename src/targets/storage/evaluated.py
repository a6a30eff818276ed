"""The catalog's targets evaluated on a day: the model, the rows and their JSON, cached per
document.

A document's rows depend on its own bytes, on the documents whose reports and parts it
names, on the day and on the code: all four make the key of its rows entry, so after a
change only the documents it touches are evaluated again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from targets.domain.build import build_report, build_target
from targets.domain.evaluate import evaluate
from targets.domain.model import DataSet, Report, Target
from targets.domain.rows import TargetRow, target_row
from targets.errors import unknown_target

from .cache import code_fingerprint, combined_key
from .catalog import Catalog
from .document import Document

ROWS_KIND = "rows.marshal"
DAYS_KEPT = 4


def dependencies(catalog: Catalog, document: Document) -> list[Document]:
    """The other documents whose reports or parts `document`'s targets name."""
    needed: set[str] = set()
    facts = catalog.facts(document)
    for target in facts.targets.values():
        if target.report and target.report not in facts.reports:
            needed.add("reports\0" + target.report)
        needed.update("targets\0" + part for part in target.parts if part not in facts.targets)
    found = []
    for item in sorted(needed):
        section, key = item.split("\0")
        other = catalog.defining(section, key)
        if other is not None and other is not document and other not in found:
            found.append(other)
    return found


def usable(catalog: Catalog) -> list[Document]:
    """The documents that can be evaluated: valid, and depending only on valid ones."""
    bad = catalog.invalid()
    while True:
        more = {
            d.name
            for d in catalog.documents
            if d.name not in bad and any(o.name in bad for o in dependencies(catalog, d))
        }
        if not more:
            return [d for d in catalog.documents if d.name not in bad]
        bad |= more


def dataset(catalog: Catalog, documents: Iterable[Document] | None = None) -> DataSet:
    """The model of the given documents (default: every usable one), with what they name."""
    chosen = list(usable(catalog) if documents is None else documents)
    every = list(chosen)
    for document in chosen:
        every += [d for d in dependencies(catalog, document) if d not in every]
    reports: dict[str, Report] = {}
    for document in every:
        for rid, raw in document.content.reports.items():
            reports.setdefault(rid, build_report(rid, raw))
    targets: dict[str, Target] = {}
    for document in every:
        for tid, raw in document.content.targets.items():
            if tid not in targets and (document in chosen or _named(chosen, catalog, tid)):
                targets[tid] = build_target(tid, raw, reports)
    return DataSet(reports, targets)


def _named(chosen: list[Document], catalog: Catalog, tid: str) -> bool:
    """Whether a target of another document is a part of one of the chosen ones."""
    return any(tid in target.parts for d in chosen for target in catalog.facts(d).targets.values())


def _rows_key(catalog: Catalog, document: Document) -> str:
    deps = (f"{d.name}\0{d.key}" for d in dependencies(catalog, document))
    return combined_key(document.key, code_fingerprint(), *deps)


def _document_rows(
    catalog: Catalog, document: Document, day: dt.date
) -> tuple[list[Any], list[str]]:
    """A document's rows on `day` as tuples, and as lines of JSON, from the cache or made."""
    key = _rows_key(catalog, document)
    stored = catalog.cache.get(document.path, ROWS_KIND, key)
    by_day: dict[str, Any] = stored if isinstance(stored, dict) else {}
    found = by_day.get(day.isoformat())
    if isinstance(found, tuple) and len(found) == 2:
        return found
    from targets.output.machine import compact_json

    data = dataset(catalog, [document])
    own = catalog.facts(document).targets
    rows = [target_row(evaluate(data.targets[tid], data, day)) for tid in own]
    made = ([r.as_tuple() for r in rows], [compact_json(r.as_dict()) for r in rows])
    kept = dict(list(by_day.items())[-(DAYS_KEPT - 1) :])
    catalog.cache.put(document.path, ROWS_KIND, key, {**kept, day.isoformat(): made})
    return made


def rows(catalog: Catalog, day: dt.date) -> list[TargetRow]:
    """Every usable target's row on `day`, in document order."""
    return [
        TargetRow(*values)
        for document in usable(catalog)
        for values in _document_rows(catalog, document, day)[0]
    ]


def json_lines(catalog: Catalog, day: dt.date) -> list[str]:
    """Every usable target's row on `day` as one line of JSON, in document order."""
    return [line for d in usable(catalog) for line in _document_rows(catalog, d, day)[1]]


def target_dataset(catalog: Catalog, target_id: str) -> DataSet:
    """A model holding the target (with its report and parts): enough to evaluate it."""
    document = catalog.defining("targets", target_id)
    if document is None:
        raise unknown_target(target_id, catalog.target_ids())
    catalog.require_valid(document)
    return dataset(catalog, [document])
