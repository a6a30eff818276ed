"""The rules data must follow, as small functions returning problems (beancount's way).

`document_problems` runs the rules that need only one document; `reference_problems` the
ones between documents (ids, `report`, `parts`, dates against a target's window and today).
`targets check` shows both, located in their documents.
"""

from __future__ import annotations

from collections.abc import Callable

from targets.domain.model import Problem

from .meaning import MEANING_RULES
from .references import (
    Facts,
    Index,
    TargetFacts,
    facts_of,
    index_of,
    reference_problems,
    target_problems,
)
from .shape import SHAPE_RULES, SLUG, SLUG_ADVICE
from .tables import Table

RULES: tuple[Callable[[Table], list[Problem]], ...] = (*SHAPE_RULES, *MEANING_RULES)

__all__ = [
    "RULES",
    "SLUG",
    "SLUG_ADVICE",
    "Facts",
    "Index",
    "TargetFacts",
    "document_problems",
    "facts_of",
    "index_of",
    "reference_problems",
    "target_problems",
]


def document_problems(doc: Table) -> list[Problem]:
    """Every problem one document has on its own, errors and warnings, in rule order."""
    problems: list[Problem] = []
    for rule in RULES:
        problems += rule(doc)
    return problems
