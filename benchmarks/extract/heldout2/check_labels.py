#!/usr/bin/env python3
"""Validate the hand labels of the heldout2 extraction set (standard library only).

For every NAME.labels.json beside this file it checks:

- the file's keys and their types, as LABELLING.md lays them out;
- kind, comparator, direction and milestone stages taken from their lists;
- that every quote is found in the text exactly once (for NAME.html: in the text with
  comments, <script>/<style> blocks and tags removed and entities unescaped);
- that each target's number (or outcome's value) is written in its quote, as digits or
  as Chinese numerals (a decline written 下降3.6% is labelled -3.6: its magnitude is
  looked for);
- that a text which is not UTF-8 decodes as GB18030 and says so in its notes.

Run: python3 benchmarks/extract/heldout2/check_labels.py   (exit 1 on any problem)
"""

from __future__ import annotations

import html
import json
import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

HERE = Path(__file__).resolve().parent

TOP_KEYS = {
    "source": str,
    "title": str,
    "publisher": str,
    "published": (str, type(None)),
    "plan_year": int,
    "notes": str,
    "targets": list,
    "outcomes": list,
}
TARGET_KEYS = {"quote", "metric", "kind", "comparator", "target", "unit", "direction"}
OUTCOME_KEYS = {"quote", "metric", "value", "unit", "period"}
KINDS = {"growth", "level", "count", "milestone"}
COMPARATORS = {"at_least", "exceed", "about", "at_most"}
DIRECTIONS = {"up", "down"}
STAGES = {"started", "completed", "established"}

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_RUN = re.compile("[零〇一二两三四五六七八九十百千]+")
DIGIT_RUN = re.compile(r"\d+(?:\.\d+)?")


def html_to_text(raw: str) -> str:
    """The visible text of a page: no comments, scripts, styles or tags; entities unescaped."""
    text = re.sub(r"<!--.*?-->", "", raw, flags=re.S)
    text = re.sub(r"<(script|style)\b[^>]*>.*?</\1\s*>", "", text, flags=re.S | re.I)
    text = re.sub(r"<[^>]+>", "\n", text)
    return html.unescape(text)


def read_text(path: Path, notes: str, problems: list[str]) -> str:
    data = path.read_bytes()
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            raw = data.decode("gb18030")
        except UnicodeDecodeError:
            problems.append(f"{path.name}: neither UTF-8 nor GB18030")
            return ""
        if "gb18030" not in notes.lower():
            problems.append(f"{path.name}: not UTF-8 (read as GB18030) but its notes do not say so")
    return html_to_text(raw) if path.suffix == ".html" else raw


def cn_to_int(run: str) -> int | None:
    """一 -> 1, 十二 -> 12, 两 -> 2, 三百五十 -> 350, 一九 -> None (digit strings: below)."""
    total, current = 0, None
    for ch in run:
        if ch in CN_DIGITS:
            if current is not None:
                return None
            current = CN_DIGITS[ch]
        else:
            unit = CN_UNITS[ch]
            total += (1 if current is None else current) * unit
            current = None
    return total + (current or 0)


def numbers_in(quote: str) -> set[Decimal]:
    found: set[Decimal] = set()
    for m in DIGIT_RUN.finditer(quote):
        found.add(Decimal(m.group()))
    for m in CN_RUN.finditer(quote):
        run = m.group()
        value = cn_to_int(run)
        if value is not None:
            found.add(Decimal(value))
        for ch in run:  # a lone numeral inside a longer run (三中初中部)
            if ch in CN_DIGITS:
                found.add(Decimal(CN_DIGITS[ch]))
    return found


def number_in_quote(number, quote: str) -> bool:
    try:
        wanted = abs(Decimal(str(number)))
    except InvalidOperation:
        return False
    return any(n == wanted for n in numbers_in(quote))


def is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def check_quote(where: str, quote, text: str, problems: list[str]) -> None:
    if not isinstance(quote, str) or not quote:
        problems.append(f"{where}: quote must be a non-empty string")
        return
    count = text.count(quote)
    if count == 0:
        problems.append(f"{where}: quote not in the text: {quote!r}")
    elif count > 1:
        problems.append(f"{where}: quote occurs {count} times: {quote!r}")


def check_target(where: str, t: dict, text: str, problems: list[str]) -> None:
    if not isinstance(t, dict):
        problems.append(f"{where}: not an object")
        return
    if set(t) != TARGET_KEYS:
        problems.append(f"{where}: keys {sorted(t)} != {sorted(TARGET_KEYS)}")
        return
    check_quote(where, t["quote"], text, problems)
    if not isinstance(t["metric"], str) or not t["metric"]:
        problems.append(f"{where}: metric must be a non-empty string")
    if t["kind"] not in KINDS:
        problems.append(f"{where}: kind {t['kind']!r} not in {sorted(KINDS)}")
    if t["direction"] not in DIRECTIONS:
        problems.append(f"{where}: direction {t['direction']!r} not in {sorted(DIRECTIONS)}")
    if t["kind"] == "milestone":
        if t["target"] not in STAGES:
            problems.append(f"{where}: milestone target {t['target']!r} not in {sorted(STAGES)}")
        if t["unit"] is not None:
            problems.append(f"{where}: milestone unit must be null")
        if t["comparator"] is not None:
            problems.append(f"{where}: milestone comparator must be null")
        return
    if t["comparator"] not in COMPARATORS:
        problems.append(f"{where}: comparator {t['comparator']!r} not in {sorted(COMPARATORS)}")
    if t["comparator"] == "at_most" and t["direction"] != "down":
        problems.append(f"{where}: at_most must have direction down")
    if not is_number(t["target"]):
        problems.append(f"{where}: target must be a number")
    elif isinstance(t["quote"], str) and not number_in_quote(t["target"], t["quote"]):
        problems.append(f"{where}: target {t['target']} not written in quote {t['quote']!r}")
    if is_number(t["target"]) and t["target"] < 0 and t["direction"] != "down":
        problems.append(f"{where}: a negative (decline) target must have direction down")
    if not isinstance(t["unit"], str) or not t["unit"]:
        problems.append(f"{where}: unit must be a non-empty string")


def check_outcome(where: str, o: dict, text: str, problems: list[str]) -> None:
    if not isinstance(o, dict):
        problems.append(f"{where}: not an object")
        return
    if set(o) != OUTCOME_KEYS:
        problems.append(f"{where}: keys {sorted(o)} != {sorted(OUTCOME_KEYS)}")
        return
    check_quote(where, o["quote"], text, problems)
    if not isinstance(o["metric"], str) or not o["metric"]:
        problems.append(f"{where}: metric must be a non-empty string")
    if not is_number(o["value"]):
        problems.append(f"{where}: value must be a number")
    elif isinstance(o["quote"], str) and not number_in_quote(o["value"], o["quote"]):
        problems.append(f"{where}: value {o['value']} not written in quote {o['quote']!r}")
    if o["unit"] is not None and (not isinstance(o["unit"], str) or not o["unit"]):
        problems.append(f"{where}: unit must be a non-empty string or null")
    if o["period"] is not None and (not isinstance(o["period"], str) or not o["period"]):
        problems.append(f"{where}: period must be a non-empty string or null")


def check_file(labels_path: Path, problems: list[str]) -> tuple[int, int]:
    name = labels_path.name[: -len(".labels.json")]
    try:
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        problems.append(f"{labels_path.name}: unreadable JSON: {err}")
        return 0, 0
    if not isinstance(labels, dict):
        problems.append(f"{labels_path.name}: top level must be an object")
        return 0, 0
    missing = set(TOP_KEYS) - set(labels)
    extra = set(labels) - set(TOP_KEYS)
    if missing or extra:
        problems.append(
            f"{labels_path.name}: missing keys {sorted(missing)}, unexpected keys {sorted(extra)}"
        )
        return 0, 0
    for key, typ in TOP_KEYS.items():
        if not isinstance(labels[key], typ) or (typ is int and isinstance(labels[key], bool)):
            problems.append(f"{labels_path.name}: {key} has the wrong type")
    if isinstance(labels["published"], str) and not re.fullmatch(
        r"\d{4}-\d{2}-\d{2}", labels["published"]
    ):
        problems.append(f"{labels_path.name}: published must be YYYY-MM-DD or null")
    if isinstance(labels["source"], str) and not labels["source"].startswith(
        ("http://", "https://")
    ):
        problems.append(f"{labels_path.name}: source must be a URL")
    if isinstance(labels["plan_year"], int) and not 2018 <= labels["plan_year"] <= 2025:
        problems.append(f"{labels_path.name}: plan_year outside 2018-2025")
    texts = [p for p in (HERE / f"{name}.txt", HERE / f"{name}.html") if p.exists()]
    if len(texts) != 1:
        problems.append(f"{labels_path.name}: expected exactly one of {name}.txt / {name}.html")
        return 0, 0
    notes = labels["notes"] if isinstance(labels["notes"], str) else ""
    text = read_text(texts[0], notes, problems)
    targets = labels["targets"] if isinstance(labels["targets"], list) else []
    outcomes = labels["outcomes"] if isinstance(labels["outcomes"], list) else []
    for i, t in enumerate(targets):
        check_target(f"{labels_path.name} targets[{i}]", t, text, problems)
    for i, o in enumerate(outcomes):
        check_outcome(f"{labels_path.name} outcomes[{i}]", o, text, problems)
    return len(targets), len(outcomes)


def main() -> int:
    problems: list[str] = []
    label_files = sorted(HERE.glob("*.labels.json"))
    if not label_files:
        problems.append("no *.labels.json files found")
    for stem in sorted({p.stem for p in HERE.iterdir() if p.suffix in (".txt", ".html")}):
        if not (HERE / f"{stem}.labels.json").exists():
            problems.append(f"{stem}: text without a labels file")
    total_t = total_o = 0
    for path in label_files:
        n_t, n_o = check_file(path, problems)
        total_t += n_t
        total_o += n_o
        print(f"{path.name[: -len('.labels.json')]:<20} targets {n_t:>3}  outcomes {n_o:>3}")
    print(f"{'total':<20} targets {total_t:>3}  outcomes {total_o:>3}  ({len(label_files)} texts)")
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("all labels valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
