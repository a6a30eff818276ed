"""Rules on the shape of a document: its version, keys, types, words and ids."""

from __future__ import annotations

import re

from targets.domain.model import SCHEMA_VERSION, Comparator, Direction, Kind, Problem, Verdict

from .tables import (
    TYPE_CHECKS,
    Table,
    describe,
    error,
    tables,
    targets_of,
    text,
    verdicts_of,
)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_ADVICE = "use lowercase letters, digits and single hyphens, such as licang-greenways"
_WORDS: dict[str, list[str]] = {
    "kind": [k.value for k in Kind],
    "comparator": [c.value for c in Comparator],
    "direction": [d.value for d in Direction],
    "verdict": [v.value for v in Verdict],
}


def rule_schema_version(doc: Table) -> list[Problem]:
    version = doc.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version != SCHEMA_VERSION:
        return [
            error(
                ("schema_version",),
                f"schema_version {describe(version)} is not supported; "
                f"this targets reads {SCHEMA_VERSION}",
            )
        ]
    return []


def rule_unknown_keys(doc: Table) -> list[Problem]:
    import difflib  # only for a suggestion: not at every start

    problems = []
    for path, table, fields, name in tables(doc):
        for key in table:
            if key not in fields:
                close = difflib.get_close_matches(key, list(fields), n=1)
                hint = (
                    f"; did you mean `{close[0]}`?"
                    if close
                    else f"; known keys: {', '.join(fields)}"
                )
                problems.append(error((*path, key), f"`{key}` is not a key of {name}{hint}"))
    return problems


def rule_required_fields(doc: Table) -> list[Problem]:
    problems = []
    for path, table, fields, name in tables(doc):
        for key, spec in fields.items():
            if spec.required and key not in table:
                problems.append(error(path, f"{name} needs `{key}` ({spec.doc})"))
    return problems


def rule_types(doc: Table) -> list[Problem]:
    problems = []
    for path, table, fields, _ in tables(doc):
        for key, value in table.items():
            spec = fields.get(key)
            if spec is None:
                continue
            accepts, wanted = TYPE_CHECKS[spec.type]
            if not accepts(value):
                problems.append(
                    error((*path, key), f"`{key}` must be {wanted}, not {describe(value)}")
                )
    return problems


def _word_problem(path: tuple[str | int, ...], key: str, value: object) -> list[Problem]:
    allowed = _WORDS[key]
    word = text(value)
    if word is not None and word not in allowed:
        return [error((*path, key), f"`{key}` is {word!r}; use one of: {', '.join(allowed)}")]
    return []


def rule_words(doc: Table) -> list[Problem]:
    problems = []
    for tid, target in targets_of(doc):
        for key in ("kind", "comparator", "direction", "verdict"):
            problems += _word_problem(("targets", tid), key, target.get(key))
        for index, entry in verdicts_of(target):
            problems += _word_problem(
                ("targets", tid, "verdicts", index), "verdict", entry.get("verdict")
            )
    return problems


def rule_slugs(doc: Table) -> list[Problem]:
    problems = []
    for section in ("reports", "targets"):
        found = doc.get(section)
        for key in found if isinstance(found, dict) else {}:
            if not SLUG.match(key):
                problems.append(error((section, key), f"id {key!r} is not a slug; {SLUG_ADVICE}"))
    for tid, target in targets_of(doc):
        category = text(target.get("category"))
        if category is not None and not SLUG.match(category):
            problems.append(
                error(
                    ("targets", tid, "category"),
                    f"category {category!r} is not a slug; {SLUG_ADVICE}",
                )
            )
    return problems


SHAPE_RULES = (
    rule_schema_version,
    rule_unknown_keys,
    rule_required_fields,
    rule_types,
    rule_words,
    rule_slugs,
)
