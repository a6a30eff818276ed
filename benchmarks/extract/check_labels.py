"""Validate hand labels against LABELLING.md (standard library only).

Usage: python3 benchmarks/extract/check_labels.py [DIR ...]   (default: heldout3 and later)

The first two held-out sets were labelled before some rules were written (a milestone's
comparator, a quote stated twice) and keep their own checkers beside them.

For every NAME.labels.json in each DIR it checks that:
- NAME.txt or NAME.html exists; a .txt is UTF-8, or GB18030 when its notes say so;
- the file has exactly the keys of LABELLING.md, each of the right type;
- kind, comparator, direction and milestone stages are words from their lists, and they agree
  (a milestone has no comparator, unit nor direction; at_most is down; at_least, exceed are up);
- every quote occurs in the text exactly once (for .html: in the text with scripts, styles,
  comments and tags removed and entities unescaped);
- every number (target, value) is written in its quote, as digits or in Chinese numerals.
It prints one line per file with its counts and exits 1 on the first set of problems.
"""

import html
import json
import re
import sys
from pathlib import Path

TOP_KEYS = {
    "source",
    "title",
    "publisher",
    "published",
    "plan_year",
    "notes",
    "targets",
    "outcomes",
}
TARGET_KEYS = {"quote", "metric", "kind", "comparator", "target", "unit", "direction"}
OUTCOME_KEYS = {"quote", "metric", "value", "unit", "period"}
KINDS = {"growth", "level", "count", "milestone"}
COMPARATORS = {"at_least", "exceed", "about", "at_most"}
DIRECTIONS = {"up", "down"}
STAGES = {"started", "completed", "established"}

DIGITS = {
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
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMBER = re.compile("[零〇一二两三四五六七八九十百千]+")
ARABIC = re.compile(r"\d+(?:\.\d+)?")


def html_to_text(raw):
    """The visible text of a saved page: no scripts, styles, comments nor tags."""
    raw = re.sub(r"(?is)<script\b.*?</script\s*>", "", raw)
    raw = re.sub(r"(?is)<style\b.*?</style\s*>", "", raw)
    raw = re.sub(r"(?s)<!--.*?-->", "", raw)
    raw = re.sub(r"(?s)<[^>]*>", "", raw)
    return html.unescape(raw)


def chinese_value(word):
    """The value of a Chinese numeral below ten thousand (十二 -> 12, 两 -> 2)."""
    total, digit = 0, None
    for ch in word:
        if ch in DIGITS:
            digit = DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
    return total + (digit or 0)


def numbers_in(quote):
    """Every number a quote writes, in digits or in Chinese numerals."""
    found = [float(m) for m in ARABIC.findall(quote)]
    for word in CN_NUMBER.findall(quote):
        found.append(float(chinese_value(word)))
    if "千亿" in quote or "万亿" in quote:
        found.append(1.0)
    return found


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def read_text(path, notes):
    data = path.read_bytes()
    if path.suffix == ".html":
        return html_to_text(data.decode("utf-8"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if "GB18030" not in notes:
            raise ValueError("not UTF-8 and the notes do not say GB18030") from None
        return data.decode("gb18030")


def check_quote(text, item, where, problems):
    quote = item.get("quote")
    if not isinstance(quote, str) or not quote:
        problems.append(f"{where}: quote must be a non-empty string")
        return
    count = text.count(quote)
    if count != 1:
        problems.append(f"{where}: quote {quote!r} occurs {count} times in the text")


def check_number(item, key, where, problems):
    value = item.get(key)
    if not is_number(value):
        problems.append(f"{where}: {key} must be a number")
        return
    if abs(value) not in numbers_in(item.get("quote") or ""):
        problems.append(f"{where}: {key} {value} is not written in its quote")


def check_target(text, item, where, problems):
    if set(item) != TARGET_KEYS:
        problems.append(f"{where}: keys {sorted(item)} are not {sorted(TARGET_KEYS)}")
        return
    check_quote(text, item, where, problems)
    if not isinstance(item["metric"], str) or not item["metric"]:
        problems.append(f"{where}: metric must be a non-empty string")
    kind = item["kind"]
    if kind not in KINDS:
        problems.append(f"{where}: kind {kind!r} is not one of {sorted(KINDS)}")
    if kind == "milestone":
        if item["target"] not in STAGES:
            problems.append(f"{where}: a milestone's target must be one of {sorted(STAGES)}")
        for key in ("comparator", "unit"):
            if item[key] is not None:
                problems.append(f"{where}: a milestone's {key} must be null")
        if item["direction"] not in (None, "up"):  # sets labelled before the rule say "up"
            problems.append(f"{where}: a milestone's direction must be null")
        return
    comparator, direction = item["comparator"], item["direction"]
    if comparator not in COMPARATORS:
        problems.append(f"{where}: comparator {comparator!r} not in {sorted(COMPARATORS)}")
    if direction not in DIRECTIONS:
        problems.append(f"{where}: direction {direction!r} not in {sorted(DIRECTIONS)}")
    if comparator == "at_most" and direction != "down":
        problems.append(f"{where}: at_most must go with direction down")
    if comparator in ("at_least", "exceed") and direction != "up":
        problems.append(f"{where}: {comparator} must go with direction up")
    if not isinstance(item["unit"], str) or not item["unit"]:
        problems.append(f"{where}: a measured target needs a unit")
    check_number(item, "target", where, problems)
    if is_number(item["target"]) and item["target"] < 0:
        if kind != "growth" or direction != "down":
            problems.append(f"{where}: only a decline (growth, down) has a negative target")


def check_outcome(text, item, where, problems):
    if set(item) != OUTCOME_KEYS:
        problems.append(f"{where}: keys {sorted(item)} are not {sorted(OUTCOME_KEYS)}")
        return
    check_quote(text, item, where, problems)
    if not isinstance(item["metric"], str) or not item["metric"]:
        problems.append(f"{where}: metric must be a non-empty string")
    if item["unit"] is not None and not isinstance(item["unit"], str):
        problems.append(f"{where}: unit must be a string or null")
    if item["period"] is not None and not isinstance(item["period"], str):
        problems.append(f"{where}: period must be a string or null")
    check_number(item, "value", where, problems)


def check_file(labels_path):
    problems = []
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    name = labels_path.name[: -len(".labels.json")]
    if set(labels) != TOP_KEYS:
        return [f"{name}: keys {sorted(labels)} are not {sorted(TOP_KEYS)}"], (0, 0)
    for key in ("title", "publisher", "notes"):
        if not isinstance(labels[key], str) or not labels[key]:
            problems.append(f"{name}: {key} must be a non-empty string")
    source = labels["source"]  # null only for a text whose copy is in the repository
    if source is not None and not str(source).startswith(("http://", "https://")):
        problems.append(f"{name}: source must be a URL or null")
    published = labels["published"]
    if published is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(published)):
        problems.append(f"{name}: published must be YYYY-MM-DD or null")
    if not isinstance(labels["plan_year"], int) or not 2000 < labels["plan_year"] < 2100:
        problems.append(f"{name}: plan_year must be a year")
    candidates = [labels_path.with_name(name + ext) for ext in (".txt", ".html")]
    texts = [p for p in candidates if p.exists()]
    if len(texts) != 1:
        return problems + [f"{name}: needs exactly one of {name}.txt, {name}.html"], (0, 0)
    try:
        text = read_text(texts[0], labels["notes"])
    except (UnicodeDecodeError, ValueError) as err:
        return problems + [f"{name}: cannot read the text: {err}"], (0, 0)
    for key, check in (("targets", check_target), ("outcomes", check_outcome)):
        if not isinstance(labels[key], list):
            problems.append(f"{name}: {key} must be a list")
            continue
        for i, item in enumerate(labels[key]):
            if not isinstance(item, dict):
                problems.append(f"{name} {key}[{i}]: must be an object")
                continue
            check(text, item, f"{name} {key}[{i}]", problems)
    return problems, (len(labels["targets"]), len(labels["outcomes"]))


def main(argv):
    here = Path(__file__).resolve().parent
    folders = [Path(a) for a in argv[1:]] or sorted(here.glob("heldout[3-9]"))
    return max(check_folder(folder) for folder in folders)


def check_folder(folder):
    files = sorted(folder.glob("*.labels.json"))
    if not files:
        print(f"no labels files in {folder}")
        return 1
    all_problems, total_t, total_o = [], 0, 0
    for path in files:
        problems, (n_targets, n_outcomes) = check_file(path)
        total_t, total_o = total_t + n_targets, total_o + n_outcomes
        status = "ok" if not problems else f"{len(problems)} problem(s)"
        print(f"{path.name}: {n_targets} targets, {n_outcomes} outcomes: {status}")
        all_problems.extend(problems)
    print(f"{len(files)} files, {total_t} targets, {total_o} outcomes")
    for problem in all_problems:
        print("  " + problem)
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
