"""How well `targets extract` finds what a person labelled (benchmarks/extract/LABELLING.md).

    python benchmarks/extract_quality.py                 # dev, and heldout if present
    python benchmarks/extract_quality.py benchmarks/extract/dev --verbose

For each set folder: precision and recall of targets and of outcomes, the share of matched
targets with the labelled kind and comparator, whether every quote is verbatim, and the median
time per text against the budget of 1 s for 20,000 characters (scaled to each text's length).
An extracted item matches a labelled one when both are in the same text, their quotes overlap
as character spans of the text, and their numbers are equal (a milestone matches a milestone);
each label is matched at most once. Numbers are compared without their sign: a fall written
下降9% is -9 (LABELLING.md), but labels written before that convention hold 9. A milestone has
no comparator in the data file, so the comparator is scored on measured targets only (the kind
on every matched target). Standard library only, besides targets itself.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
DEFAULT_SETS = (ROOT / "extract" / "dev", ROOT / "extract" / "heldout")
BUDGET_S_PER_20K = 1.0


@dataclass
class Tally:
    extracted: int = 0
    labelled: int = 0
    matched: int = 0
    kind_ok: int = 0
    comparator_ok: int = 0
    measured: int = 0  # matched targets that are not milestones: those whose comparator counts
    not_verbatim: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    out, i = [], text.find(quote)
    while i >= 0 and quote:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def _label_spans(text: str, labels: list[dict[str, Any]]) -> list[tuple[int, int] | None]:
    """Each label's span: the n-th label with a given quote takes the quote's n-th occurrence."""
    seen: dict[str, int] = {}
    spans: list[tuple[int, int] | None] = []
    for label in labels:
        quote = label["quote"]
        found = _spans(text, quote)
        n = seen.get(quote, 0)
        seen[quote] = n + 1
        spans.append(found[min(n, len(found) - 1)] if found else None)
    return spans


def _same_number(a: Any, b: Any, signless: bool = False) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return False
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    if signless:
        x, y = abs(x), abs(y)
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match(
    name: str,
    text: str,
    found: list[dict[str, Any]],
    labels: list[dict[str, Any]],
    number_key: str,
    tally: Tally,
    targets: bool,
) -> None:
    tally.extracted += len(found)
    tally.labelled += len(labels)
    spans = _label_spans(text, labels)
    for i, label in enumerate(labels):
        if spans[i] is None:
            print(
                f"warning: {name}: labelled quote not in the text: {label['quote']!r}",
                file=sys.stderr,
            )
    used: set[int] = set()
    for item in sorted(found, key=lambda d: d["start"]):
        span = (item["start"], item["start"] + len(item["quote"]))
        if text[span[0] : span[1]] != item["quote"]:
            tally.not_verbatim += 1
        hit = None
        for i, label in enumerate(labels):
            label_span = spans[i]
            if i in used or label_span is None or not _overlap(span, label_span):
                continue
            if targets and (item["kind"] == "milestone" or label["kind"] == "milestone"):
                same = item["kind"] == label["kind"] == "milestone"
            else:
                same = _same_number(item[number_key], label[number_key], signless=True)
            if same:
                hit = i
                break
        if hit is None:
            tally.false_positives.append(
                f"{name}: {item['quote']!r} -> {item[number_key]!r} {item.get('unit')}"
            )
            continue
        used.add(hit)
        tally.matched += 1
        if targets:
            label = labels[hit]
            kind_ok = item["kind"] == label["kind"]
            scored = label["kind"] != "milestone"
            comp_ok = not scored or item["comparator"] == label["comparator"]
            tally.kind_ok += kind_ok
            tally.measured += scored
            tally.comparator_ok += scored and comp_ok
            if not (kind_ok and comp_ok):
                tally.wrong.append(
                    f"{name}: {item['quote']!r}: kind {item['kind']} (label {label['kind']}), "
                    f"comparator {item['comparator']} (label {label['comparator']})"
                )
    for i, label in enumerate(labels):
        if i not in used:
            tally.misses.append(
                f"{name}: {label['quote']!r} -> {label[number_key]!r} {label.get('unit')}"
            )


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  n/a"


def collect(folder: Path) -> dict[str, Any]:
    """Run the extractor on every labelled text of a folder: tallies and time ratios."""
    from targets.extract import extract, extraction_json, read_report

    targets, outcomes = Tally(), Tally()
    ratios: list[float] = []
    texts = 0
    for labels_path in sorted(folder.glob("*.labels.json")):
        stem = labels_path.name[: -len(".labels.json")]
        candidates = [
            p for p in folder.glob(stem + ".*") if p.suffix in (".txt", ".html", ".htm", ".md")
        ]
        if not candidates:
            print(f"warning: no text for {labels_path.name}", file=sys.stderr)
            continue
        path = candidates[0]
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        text = read_report(path.read_bytes(), path.name)
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            found = extract(text, plan_year=labels.get("plan_year"))
            runs.append(time.perf_counter() - t0)
        budget = BUDGET_S_PER_20K * max(len(text), 1) / 20000
        ratios.append(min(runs) / budget)
        data = extraction_json(found)
        texts += 1
        _match(path.name, text, data["targets"], labels.get("targets", []), "target", targets, True)
        _match(
            path.name, text, data["outcomes"], labels.get("outcomes", []), "value", outcomes, False
        )
    return {"targets": targets, "outcomes": outcomes, "ratios": ratios, "texts": texts}


def score_set(folder: Path, verbose: bool) -> bool:
    tallies = collect(folder)
    texts, ratios = tallies["texts"], tallies["ratios"]
    targets, outcomes = tallies["targets"], tallies["outcomes"]
    if not texts:
        print(f"{folder}: no labelled texts")
        return True
    t, o = targets, outcomes
    print(f"{folder.name}: {texts} texts, {t.labelled} labelled targets, {o.labelled} outcomes")
    for label, x in (("targets ", t), ("outcomes", o)):
        print(
            f"  {label}  precision {_ratio(x.matched, x.extracted)}"
            f"  recall {_ratio(x.matched, x.labelled)}"
            f"  ({x.matched} matched of {x.extracted} extracted)"
        )
    print(
        f"  matched targets: kind right {_ratio(t.kind_ok, t.matched)},"
        f" comparator right {_ratio(t.comparator_ok, t.measured)} (of {t.measured} measured)"
    )
    bad = t.not_verbatim + o.not_verbatim
    print(f"  quotes not verbatim at their offset: {bad}")
    median = statistics.median(ratios)
    print(
        f"  time per text: median {median * 100:.2f}% of the budget"
        f" (1 s per 20,000 characters), worst {max(ratios) * 100:.2f}%"
    )
    if verbose:
        for title, items in (
            ("target misses", targets.misses),
            ("target false positives", targets.false_positives),
            ("target kind/comparator wrong", targets.wrong),
            ("outcome misses", outcomes.misses),
            ("outcome false positives", outcomes.false_positives),
        ):
            print(f"  {title} ({len(items)}):")
            for line in items:
                print(f"    {line}")
    return bad == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "sets", nargs="*", type=Path, help="set folders (default: dev, and heldout if present)"
    )
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="list misses and false positives"
    )
    args = parser.parse_args(argv)
    folders = args.sets or [p for p in DEFAULT_SETS if p.is_dir()]
    ok = True
    for folder in folders:
        ok = score_set(folder, args.verbose) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
