"""Check every labels file of a set against benchmarks/extract/LABELLING.md.

    python benchmarks/extract/heldout4/check_labels.py [FOLDER ...]

For each NAME.labels.json beside NAME.txt or NAME.html: the keys and their types, the words
from their lists (kind, comparator, direction, milestone stage), the pairs LABELLING.md fixes
(at_most is down; at_least and exceed are up; a milestone has no comparator, direction or
unit; a signed fall is down), every quote occurring exactly once in its text, and the number
of every measured target and outcome written in its quote. A .txt is read as UTF-8, or as
GB18030 when its labels' notes say so. A .html is read as the text with scripts, styles and
comments removed, every tag cut out and entities unescaped. Standard library only.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path
from typing import Any

TOP_KEYS = {
    "source": (str,),
    "title": (str,),
    "publisher": (str,),
    "published": (str, type(None)),
    "plan_year": (int,),
    "notes": (str,),
    "targets": (list,),
    "outcomes": (list,),
}
TARGET_KEYS = {"quote", "metric", "kind", "comparator", "target", "unit", "direction"}
OUTCOME_KEYS = {"quote", "metric", "value", "unit", "period"}
KINDS = {"growth", "level", "count", "milestone"}
COMPARATORS = {"at_least", "exceed", "about", "at_most"}
DIRECTIONS = {"up", "down"}
STAGES = {"started", "completed", "established"}
CHINESE = dict(enumerate(("零〇", "一", "二两", "三", "四", "五", "六", "七", "八", "九", "十")))
FALL = re.compile(r"下降|降低|减少")
RISE = re.compile(r"增长|增幅|涨幅|提高|提升|上升")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def html_text(raw: str) -> str:
    """The visible text of a page: no scripts, styles or comments, tags cut, entities read."""
    raw = re.sub(r"<script\b.*?</script\s*>", "\n", raw, flags=re.S | re.I)
    raw = re.sub(r"<style\b.*?</style\s*>", "\n", raw, flags=re.S | re.I)
    raw = re.sub(r"<!--.*?-->", "\n", raw, flags=re.S)
    raw = re.sub(r"<[^>]*>", "\n", raw)
    return html.unescape(raw)


def read_text(path: Path, notes: str) -> tuple[str, list[str]]:
    data = path.read_bytes()
    errors: list[str] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if "gb18030" not in notes.lower():
            errors.append("text is not UTF-8 and the notes do not say GB18030")
        text = data.decode("gb18030")
    if path.suffix in (".html", ".htm"):
        text = html_text(text)
    return text, errors


def occurrences(text: str, quote: str) -> int:
    count, i = 0, text.find(quote)
    while i >= 0 and quote:
        count += 1
        i = text.find(quote, i + 1)
    return count


def is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def written_forms(x: float) -> list[str]:
    """How a number may be written in a quote: digits as labelled, or a Chinese numeral."""
    v = abs(x)
    forms = [str(int(v))] if v == int(v) else [repr(float(v))]
    if v == int(v) and int(v) in CHINESE:
        forms.extend(CHINESE[int(v)])
    return forms


def number_in(quote: str, x: float) -> bool:
    for form in written_forms(x):
        if form.isdigit() or "." in form:
            pattern = r"(?<![\d.])" + re.escape(form) + r"(?!\d)(?!\.\d)"
            if re.search(pattern, quote):
                return True
        elif form in quote:
            return True
    return False


def falls(quote: str) -> bool:
    """A quote that states a fall and no rise: its rate is signed negative."""
    return bool(FALL.search(quote)) and not RISE.search(quote)


def check_target(t: Any, text: str) -> list[str]:
    if not isinstance(t, dict) or set(t) != TARGET_KEYS:
        return [f"target keys {sorted(t) if isinstance(t, dict) else t!r}"]
    errs: list[str] = []
    q = t["quote"]
    where = f"target {q!r}"
    if not isinstance(q, str) or not q:
        return [f"{where}: quote is not a non-empty string"]
    n = occurrences(text, q)
    if n != 1:
        errs.append(f"{where}: quote occurs {n} times in the text")
    if not isinstance(t["metric"], str) or not t["metric"]:
        errs.append(f"{where}: metric is not a non-empty string")
    kind = t["kind"]
    if kind not in KINDS:
        errs.append(f"{where}: kind {kind!r}")
    if kind == "milestone":
        if t["target"] not in STAGES:
            errs.append(f"{where}: milestone stage {t['target']!r}")
        for key in ("comparator", "direction", "unit"):
            if t[key] is not None:
                errs.append(f"{where}: a milestone has {key} null, not {t[key]!r}")
        return errs
    if t["comparator"] not in COMPARATORS:
        errs.append(f"{where}: comparator {t['comparator']!r}")
    if t["direction"] not in DIRECTIONS:
        errs.append(f"{where}: direction {t['direction']!r}")
    if not isinstance(t["unit"], str) or not t["unit"]:
        errs.append(f"{where}: unit is not a non-empty string")
    if not is_number(t["target"]):
        return errs + [f"{where}: target {t['target']!r} is not a number"]
    if t["comparator"] == "at_most" and t["direction"] != "down":
        errs.append(f"{where}: at_most is always down")
    if t["comparator"] in ("at_least", "exceed") and t["direction"] != "up":
        errs.append(f"{where}: {t['comparator']} is always up")
    if not number_in(q, t["target"]):
        errs.append(f"{where}: {t['target']!r} is not written in the quote")
    if kind == "growth" and falls(q) and t["target"] >= 0:
        errs.append(f"{where}: a fall is signed negative")
    if t["target"] < 0 and (kind != "growth" or t["direction"] != "down"):
        errs.append(f"{where}: a negative target is a growth target, down")
    return errs


def check_outcome(o: Any, text: str) -> list[str]:
    if not isinstance(o, dict) or set(o) != OUTCOME_KEYS:
        return [f"outcome keys {sorted(o) if isinstance(o, dict) else o!r}"]
    errs: list[str] = []
    q = o["quote"]
    where = f"outcome {q!r}"
    if not isinstance(q, str) or not q:
        return [f"{where}: quote is not a non-empty string"]
    n = occurrences(text, q)
    if n != 1:
        errs.append(f"{where}: quote occurs {n} times in the text")
    if not isinstance(o["metric"], str) or not o["metric"]:
        errs.append(f"{where}: metric is not a non-empty string")
    if not isinstance(o["unit"], str) or not o["unit"]:
        errs.append(f"{where}: unit is not a non-empty string")
    if o["period"] is not None and not (isinstance(o["period"], str) and o["period"]):
        errs.append(f"{where}: period is neither a string nor null")
    if not is_number(o["value"]):
        return errs + [f"{where}: value {o['value']!r} is not a number"]
    if not number_in(q, o["value"]):
        errs.append(f"{where}: {o['value']!r} is not written in the quote")
    if o["unit"] == "%" and falls(q) and o["value"] >= 0:
        errs.append(f"{where}: a fall is signed negative")
    return errs


def check_file(labels_path: Path) -> tuple[list[str], int, int]:
    stem = labels_path.name[: -len(".labels.json")]
    texts = [
        p for p in labels_path.parent.glob(stem + ".*") if p.suffix in (".txt", ".html", ".htm")
    ]
    if len(texts) != 1:
        return [f"{len(texts)} texts for these labels"], 0, 0
    try:
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [f"not JSON: {exc}"], 0, 0
    if not isinstance(labels, dict) or set(labels) != set(TOP_KEYS):
        return [f"top keys {sorted(labels) if isinstance(labels, dict) else labels!r}"], 0, 0
    errs = [
        f"{key} is not {' or '.join(t.__name__ for t in types)}"
        for key, types in TOP_KEYS.items()
        if not isinstance(labels[key], types) or isinstance(labels[key], bool)
    ]
    if errs:
        return errs, 0, 0
    if labels["published"] is not None and not DATE.fullmatch(labels["published"]):
        errs.append(f"published {labels['published']!r} is not YYYY-MM-DD")
    if not 2016 <= labels["plan_year"] <= 2025:
        errs.append(f"plan_year {labels['plan_year']} is outside 2016-2025")
    if not labels["source"].startswith(("http://", "https://")):
        errs.append("source is not an address")
    text, read_errs = read_text(texts[0], labels["notes"])
    errs.extend(read_errs)
    seen: set[tuple[Any, ...]] = set()
    for t in labels["targets"]:
        errs.extend(check_target(t, text))
        if isinstance(t, dict) and set(t) == TARGET_KEYS:
            same = t["metric"] if t["kind"] == "milestone" else ""
            key = (t["quote"], same, repr(t["target"]))
            if key in seen:
                errs.append(f"target {t['quote']!r}: labelled twice")
            seen.add(key)
    for o in labels["outcomes"]:
        errs.extend(check_outcome(o, text))
        if isinstance(o, dict) and set(o) == OUTCOME_KEYS:
            key = ("outcome", o["quote"], repr(o["value"]))
            if key in seen:
                errs.append(f"outcome {o['quote']!r}: labelled twice")
            seen.add(key)
    return errs, len(labels["targets"]), len(labels["outcomes"])


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [Path(__file__).resolve().parent]
    bad = files = targets = outcomes = 0
    for folder in folders:
        for labels_path in sorted(folder.glob("*.labels.json")):
            errs, n_t, n_o = check_file(labels_path)
            files += 1
            targets += n_t
            outcomes += n_o
            status = "ok" if not errs else f"{len(errs)} problems"
            print(f"{labels_path.name}: {n_t} targets, {n_o} outcomes: {status}")
            for err in errs:
                print(f"  {err}")
            bad += bool(errs)
    print(f"{files} files, {targets} targets, {outcomes} outcomes, {bad} with problems")
    return 1 if bad or not files else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
