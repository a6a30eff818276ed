"""What a figure measures and how it is pledged: the metric read from the words before the number
(without the subject, the lead words of time and money, the verbs of delivery and the tail words
such as 的 or 达到) or, when those are too few, from the noun after it; then the kind (growth,
level or count), the comparator a word next to the number gives, and the direction, kept
consistent: `at_most` is down, `at_least` and `exceed` up, and a fall by N% is a growth of -N."""

from __future__ import annotations

import re

from targets.extract import words as W
from targets.extract.figures import MONEY, PCT, SPACE, Num

# --- measures ------------------------------------------------------------------------------------

_LEAD_RE = re.compile(
    r"^(?:\s|[（(].{0,6}?[)）]|(?:较|比|相比|同比)?(?:19|20)\d{2}\s*年(?:度|同期)?|[一二三四五六七八九十]+是|"
    # money before the works it pays for: 投资1.63亿元完成74个村电网改造
    r"(?:总|计划)?投资(?:约|近|超)?\d[\d.,]*\s*(?:万亿|亿|万)?元(?:以上|左右)?|"
    # spans and rates of time: 每年, 每学年, 用三年时间, 五年内
    r"每(?:学)?(?:年|月|季度|周)|用[^，,。]{1,6}?时间|[一二三四五六七八九十两\d]+年(?:内|间)|"
    + "|".join(re.escape(w) for w in sorted(W.LEAD_WORDS, key=len, reverse=True))
    + r")+"
)
SUBJECT_RE = re.compile(r"^[^，,。；;]{0,12}?(?:还将|将|要|力争|确保)")
VERBS_LONGEST = tuple(sorted(W.COUNT_VERBS, key=len, reverse=True))


def strip_lead(s: str) -> str:
    m = SUBJECT_RE.match(s)
    if m and len(s) > m.end():
        s = s[m.end() :]
    return _LEAD_RE.sub("", s)


def strip_metric_tail(s: str) -> str:
    changed = True
    while changed and s:
        changed = False
        s = s.rstrip(" \t\n、，,的")
        for w in W.METRIC_TAIL_WORDS:
            if s.endswith(w) and len(s) > 0:
                s = s[: -len(w)]
                changed = True
                break
    return s


def strip_verbs(s: str) -> str:
    """The measure without the verbs before it (新建续建幼儿园 is 幼儿园)."""
    changed = True
    while changed:
        changed = False
        for v in VERBS_LONGEST:
            if s.startswith(v):
                s, changed = s[len(v) :].lstrip("、"), True
                break
    return s


def own_verb(pre: str) -> bool:
    """The clause counts with a verb of its own (全年新开工77个): it takes no measure from the
    clauses before it."""
    own = strip_metric_tail(strip_lead(SPACE.sub("", pre)))
    return len(own) >= 2 and any(own.startswith(v) for v in W.COUNT_VERBS)


def clean_metric(s: str) -> str:
    s = SPACE.sub("", s)
    s = strip_lead(s)
    s = strip_metric_tail(s)
    s = strip_verbs(s)
    s = re.sub(r"^(?:各类|各项|全年|年内)", "", s)
    return s.strip("“”\"'（）()")


def post_noun(text: str, pos: int, end: int) -> str:
    rest = SPACE.sub("", text[pos:end])
    rest = re.sub(r"^(?:以上|左右|以内|以下)?的?", "", rest)
    rest = re.split(r"(?:基本|全部|成功|常态化|实现|完成|达到|开展|建设$|项目建设)", rest)[0]
    return re.sub(r"等$", "", rest.strip('“”"'))


# --- kinds, comparators, directions --------------------------------------------------------------


def _window_before(text: str, num: Num, lo: int) -> str:
    return SPACE.sub("", text[max(lo, num.start - 8) : num.start])


def comparator_of(text: str, num: Num, lo: int) -> str | None:
    """The comparator a word after or just before the number gives, or None (a bare number)."""
    if num.after:
        return num.after
    window = _window_before(text, num, lo)
    for word, comp in W.COMPARATOR_BEFORE:
        if word == "超":
            if window.endswith("超"):
                return comp
            continue
        if window.endswith(word) or (len(word) > 1 and word in window[-len(word) - 3 :]):
            return comp
    return None


def fall_of(pre: str) -> str | None:
    """ "by" for a fall by the number (下降3%), "to" for a fall to it (下降到30), else None."""
    tail = SPACE.sub("", pre)[-8:]
    if any(w in tail for w in W.FALL_TO_WORDS):
        return "to"
    if any(w in tail[-6:] for w in W.FALL_WORDS):
        return "by"
    return None


def kind_of(
    pre: str, metric: str, unit: str | None, comparator: str | None, number_first: bool = False
) -> str:
    pre_n = SPACE.sub("", pre)
    if any(w in pre_n[-8:] for w in W.FALL_TO_WORDS):
        return "level"
    if unit in PCT:
        tail = pre_n[-6:]
        if unit in ("个百分点", "百分点"):
            return "growth"
        if any(w in tail for w in ("提升至", "提升到", "提高至", "提高到")):
            return "level"
        if metric.endswith("率") and not pre_n.endswith(("增长", "下降", "提高", "降低")):
            return "level"  # 人口自然增长率控制在7.2%: a rate held at a level
        if any(
            w in pre_n
            for w in (
                "增长",
                "增速",
                "增幅",
                "涨幅",
                "上涨",
                "下降",
                "降低",
                "降幅",
                "回落",
                "比增",
            )
        ):
            return "growth"
        return "level"
    if any(w in metric for w in W.FLOW_MEASURES):
        return "count"
    if number_first and unit not in MONEY and not any(w in metric for w in W.LEVEL_MEASURES):
        return "count"  # 实现10个偏远村通自来水: N things that get something, counted
    lead = strip_lead(pre_n)
    if any(lead.startswith(v) for v in W.COUNT_VERBS):
        return "count"
    reached = [w for w in W.TO_LEVEL_WORDS if w in pre_n]
    if reached == ["实现"] and unit not in MONEY and not any(w in metric for w in W.LEVEL_MEASURES):
        return "count"  # 实现再就业1.8万人, 实现大棚蔬菜700亩种植: what is delivered, counted
    if reached:
        return "level"
    if any(w in metric for w in W.RATE_WORDS) and comparator == "at_most":
        return "level"
    if any(w in metric for w in W.LEVEL_MEASURES):
        return "level"
    return "count"


def settle(
    pre: str, metric: str, kind: str, word: str | None, value: float
) -> tuple[str, str, float]:
    """The comparator, direction and signed target of a measured pledge, kept consistent
    (`at_most` is always down, `at_least` and `exceed` always up).

    A fall by N% (单位GDP能耗下降3%, 下降3%以上) is a change of at most -N%; 左右 keeps it
    `about`. A bare number of a measure where less is better (失业率5.5%, 下降到30) is a cap."""
    fall = fall_of(pre)
    lower_better = fall is not None or any(w in metric for w in W.DOWN_MEASURES)
    if fall == "by" and kind == "growth":
        return ("about" if word == "about" else "at_most"), "down", -abs(value)
    if word is None:
        word = "at_most" if lower_better and (kind != "count" or fall == "to") else "at_least"
    if word == "at_most":
        return word, "down", value
    if word == "about":
        return word, ("down" if lower_better else "up"), value
    return word, "up", value
