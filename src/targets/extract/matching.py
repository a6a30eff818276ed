"""Matching outcomes to targets: the ids of the known targets an outcome may report on, best
first. A target matches when it is measured (not qualitative, not a milestone), its unit is of
the outcome's family (percentages, money, or the same unit without 万 or 亿) and at least half
the character pairs of the outcome's metric appear in its title or quote."""

from __future__ import annotations

from collections.abc import Sequence

from targets.extract.figures import SPACE, unit_family
from targets.extract.measures import strip_metric_tail
from targets.extract.model import KnownTarget


def _bigrams(s: str) -> set[str]:
    s = SPACE.sub("", s)
    return {s[i : i + 2] for i in range(len(s) - 1)} or ({s} if s else set())


def matches(metric: str, unit: str | None, known: Sequence[KnownTarget]) -> tuple[str, ...]:
    fam = unit_family(unit)
    mb = _bigrams(strip_metric_tail(metric))
    scored: list[tuple[float, int, str]] = []
    for i, k in enumerate(known):
        if k.kind in ("qualitative", "milestone") or unit_family(k.unit) != fam or not mb:
            continue
        kb = _bigrams(k.title) | _bigrams(k.quote or "")
        score = len(mb & kb) / len(mb)
        if score >= 0.5:
            scored.append((-score, i, k.id))
    scored.sort()
    return tuple(kid for _, _, kid in scored)
