#!/usr/bin/env python3
"""Validate the held-out labels files (benchmarks/extract/LABELLING.md).

For every NAME.labels.json in this folder (or in the folder given as the only
argument) it checks that:

- NAME.txt or NAME.html exists beside it; a .txt that is not UTF-8 must decode
  as GB18030 and say "GB18030" in its notes;
- the keys and their types are exactly those of LABELLING.md;
- kind, comparator and direction are from their lists; a milestone has a stage
  (started/completed/established) as target and a null unit; at_most is down;
- every quote is a verbatim substring of the text (for .html: of the text with
  scripts, styles, comments and tags removed and entities unescaped), and
  occurs there exactly once, so that its character span is not ambiguous;
- the number of every target (not a milestone) and outcome is present in its
  quote, as digits or as Chinese numerals.

Standard library only. Exit status 0 when every file passes, 1 otherwise.
"""

import html
import json
import re
import sys
import unicodedata
from pathlib import Path

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


def html_to_text(raw):
    """The visible text of a saved page: no script/style/comments/tags, entities unescaped."""
    s = re.sub(r"(?is)<!--.*?-->", "", raw)
    s = re.sub(r"(?is)<(script|style)\b[^>]*>.*?</\1\s*>", "", s)
    s = re.sub(r"(?s)<[^>]+>", "", s)
    return html.unescape(s)


def read_text(path, notes, errors):
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            errors.append(f"{path.name}: neither UTF-8 nor GB18030")
            return None
        if "gb18030" not in notes.lower():
            errors.append(
                f"{path.name}: not UTF-8 (decoded as GB18030) but its notes do not say GB18030"
            )
    if path.suffix == ".html":
        text = html_to_text(text)
    return text


def cn_to_int(s):
    """Value of a Chinese numeral of digits and 十/百/千 (两 = 2), or None."""
    if not s:
        return None
    if all(c in CN_DIGITS for c in s):  # digit by digit: 二〇二五
        return int("".join(str(CN_DIGITS[c]) for c in s))
    total, digit = 0, None
    for c in s:
        if c in CN_DIGITS:
            digit = CN_DIGITS[c]
        elif c in CN_UNITS:
            total += (1 if digit is None else digit) * CN_UNITS[c]
            digit = None
        else:
            return None
    return total + (digit or 0)


def numbers_in(quote):
    """Every number written in the quote, as floats (digits, full-width digits, numerals)."""
    s = unicodedata.normalize("NFKC", quote)
    s = re.sub(r"(?<=\d)\s*\.\s*(?=\d)", ".", s)  # "1. 6" as printed in a source
    found = [float(m.replace(",", "")) for m in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", s)]
    for m in re.findall(r"[零〇一二两三四五六七八九十百千]+", s):
        v = cn_to_int(m)
        if v is not None:
            found.append(float(v))
        found.extend(float(CN_DIGITS[c]) for c in m if c in CN_DIGITS)
    return found


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check_quote(where, quote, text, errors):
    if not isinstance(quote, str) or not quote:
        errors.append(f"{where}: quote must be a non-empty string")
        return False
    n = text.count(quote)
    if n == 0:
        errors.append(f"{where}: quote not in text: {quote!r}")
        return False
    if n > 1:
        errors.append(f"{where}: quote occurs {n} times in the text (ambiguous span): {quote!r}")
    return True


def check_file(labels_path):
    errors = []
    name = labels_path.name[: -len(".labels.json")]
    try:
        doc = json.loads(labels_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"{labels_path.name}: cannot read JSON: {e}"], 0, 0
    if not isinstance(doc, dict):
        return [f"{labels_path.name}: top level must be an object"], 0, 0
    keys = set(doc)
    if keys != set(TOP_KEYS):
        errors.append(f"{labels_path.name}: keys {sorted(keys)} != {sorted(TOP_KEYS)}")
    for k, t in TOP_KEYS.items():
        if k in doc and not (isinstance(doc[k], t) and not isinstance(doc[k], bool)):
            errors.append(f"{labels_path.name}: {k} has the wrong type")
    pub = doc.get("published")
    if isinstance(pub, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
        errors.append(f"{labels_path.name}: published must be YYYY-MM-DD or null")

    candidates = [labels_path.with_name(name + ext) for ext in (".txt", ".html")]
    existing = [p for p in candidates if p.exists()]
    if len(existing) != 1:
        errors.append(f"{labels_path.name}: expected exactly one of {name}.txt / {name}.html")
        return errors, 0, 0
    text = read_text(existing[0], doc.get("notes", "") or "", errors)
    if text is None:
        return errors, 0, 0

    targets = doc.get("targets") if isinstance(doc.get("targets"), list) else []
    outcomes = doc.get("outcomes") if isinstance(doc.get("outcomes"), list) else []
    for i, t in enumerate(targets):
        where = f"{labels_path.name} targets[{i}]"
        if not isinstance(t, dict) or set(t) != TARGET_KEYS:
            errors.append(f"{where}: keys must be {sorted(TARGET_KEYS)}")
            continue
        if not isinstance(t["metric"], str) or not t["metric"]:
            errors.append(f"{where}: metric must be a non-empty string")
        if t["kind"] not in KINDS:
            errors.append(f"{where}: kind {t['kind']!r} not in {sorted(KINDS)}")
        if t["comparator"] not in COMPARATORS:
            errors.append(f"{where}: comparator {t['comparator']!r} not in {sorted(COMPARATORS)}")
        if t["direction"] not in DIRECTIONS:
            errors.append(f"{where}: direction {t['direction']!r} not in {sorted(DIRECTIONS)}")
        if t["comparator"] == "at_most" and t["direction"] != "down":
            errors.append(f"{where}: at_most must be down")
        ok = check_quote(where, t["quote"], text, errors)
        if t["kind"] == "milestone":
            if t["target"] not in STAGES:
                errors.append(f"{where}: a milestone's target must be one of {sorted(STAGES)}")
            if t["unit"] is not None:
                errors.append(f"{where}: a milestone's unit must be null")
        else:
            if not is_number(t["target"]):
                errors.append(f"{where}: target must be a number")
            elif ok and float(t["target"]) not in numbers_in(t["quote"]):
                errors.append(f"{where}: target {t['target']} not written in quote {t['quote']!r}")
            if not isinstance(t["unit"], (str, type(None))):
                errors.append(f"{where}: unit must be a string or null")
    for i, o in enumerate(outcomes):
        where = f"{labels_path.name} outcomes[{i}]"
        if not isinstance(o, dict) or set(o) != OUTCOME_KEYS:
            errors.append(f"{where}: keys must be {sorted(OUTCOME_KEYS)}")
            continue
        if not isinstance(o["metric"], str) or not o["metric"]:
            errors.append(f"{where}: metric must be a non-empty string")
        if not isinstance(o["unit"], (str, type(None))):
            errors.append(f"{where}: unit must be a string or null")
        if not isinstance(o["period"], (str, type(None))):
            errors.append(f"{where}: period must be a string or null")
        ok = check_quote(where, o["quote"], text, errors)
        if not is_number(o["value"]):
            errors.append(f"{where}: value must be a number")
        elif ok and abs(float(o["value"])) not in numbers_in(o["quote"]):
            errors.append(f"{where}: value {o['value']} not written in quote {o['quote']!r}")
    return errors, len(targets), len(outcomes)


def main(argv):
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    files = sorted(folder.glob("*.labels.json"))
    if not files:
        print(f"no *.labels.json in {folder}")
        return 1
    all_errors = []
    total_t = total_o = 0
    for f in files:
        errors, nt, no = check_file(f)
        total_t += nt
        total_o += no
        print(
            f"{f.name}: {nt} targets, {no} outcomes, "
            f"{'OK' if not errors else str(len(errors)) + ' errors'}"
        )
        all_errors.extend(errors)
    texts = {p.name[: -len(".labels.json")] for p in files}
    for p in sorted(folder.iterdir()):
        if p.suffix in (".txt", ".html") and p.stem not in texts:
            all_errors.append(f"{p.name}: a text without a labels file")
    for e in all_errors:
        print("ERROR", e)
    print(f"{len(files)} files, {total_t} targets, {total_o} outcomes, {len(all_errors)} errors")
    return 1 if all_errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
