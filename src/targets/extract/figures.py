"""The figures a clause states: each number with its unit as written (2.2万人 is 2.2 万人, 两所 is 2
所, 1. 6万个 is 1.6; a round level passed, 突破千亿, is one 千亿), and a comparator written after
it (以上, 左右); not dates, ordinals, names in short quotes, durations nor numerals inside a
slogan; a range is its lower bound. Also the families of units (percentages, money, or the
measure word without 万/亿) by which figures are compared, the patterns of years and spaces
every part of the engine reads with, and whether a figure is an attribute: a size or count that
qualifies what a later number counts (过30亿元项目5个)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from targets.extract import words as W
from targets.extract.numbers import CN_DIGITS, CN_NUMERAL_CHARS, arabic_to_number, cn_to_number
from targets.extract.segments import Clause

# 万 or 亿 before any measure word of one character (2.2万台, 1.5万株) is part of the unit
_UNITS = tuple(
    dict.fromkeys(
        [
            *[u for u in W.UNITS if len(u) > 1],
            *[
                p + u
                for u in W.UNITS
                if len(u) == 1 and "\u4e00" <= u <= "\u9fff" and u not in "万亿元"
                for p in "万亿"
            ],
            *[u for u in W.UNITS if len(u) == 1],
        ]
    )
)
_UNIT_RE = re.compile("|".join(r"\s*".join(re.escape(ch) for ch in unit) for unit in _UNITS))
# 1,400 (thousands), 1.6 and 1. 6 (a stray space after the point, as some pages print it)
_ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.[ \u00a0]?\d+)?")
_CN = re.compile(f"[{CN_NUMERAL_CHARS}]+")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
SPACE = re.compile(r"\s+")

PCT = ("%", "‰", "个百分点", "百分点")
MONEY = (
    "元",
    "万元",
    "亿元",
    "万亿元",
    "美元",
    "万美元",
    "亿美元",
    "百万元",
    "千万元",
    "百亿元",
    "千亿元",
)


def unit_family(unit: str | None) -> str:
    if unit is None:
        return ""
    if unit in PCT or unit == "％":
        return "%"
    if unit in MONEY:
        return "money"
    return re.sub(r"^[千百]?[万亿]+", "", unit) or unit


@dataclass
class Num:
    start: int  # first character of the number (or of the comparator word written before it)
    num_start: int
    end: int  # after the unit and any qualifier written after it
    unit_end: int
    value: float
    unit: str | None
    after: str | None  # comparator from a word after the number
    cn: bool


def _unit_at(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    j = pos
    while j < limit and text[j] in " \t\n\r\u3000":
        j += 1
    if j < limit and text[j] in "余多":
        j += 1
    m = _UNIT_RE.match(text, j, limit)
    if not m:
        return None
    unit = SPACE.sub("", m.group(0)).replace("％", "%")
    return unit, m.end()


def _after_comparator(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    j = pos
    while j < limit and text[j] in " \t\u3000":
        j += 1
    for word, comp in W.COMPARATOR_AFTER:
        if text.startswith(word, j) and j + len(word) <= limit:
            return comp, j + len(word)
    return None, pos


def _inside_short_quote(text: str, pos: int, lo: int) -> bool:
    """The position is inside “…” of at most 15 characters: a name or a slogan."""
    left = max(text.rfind(q, lo, pos) for q in '“「『"')
    if left < 0:
        return False
    if max(text.rfind(q, left + 1, pos) for q in "”」』") > left:
        return False
    right = min((r for r in (text.find(q, pos) for q in '”」』"') if r >= 0), default=-1)
    return right >= 0 and right - left <= 16


# 人均期望寿命从78.3岁: an age is a measure of life expectancy
_AGE_MEASURE = re.compile(r"寿命[^，,。；;\d]{0,6}$|寿命[^，,。；;]{0,20}(?:到|至)$")
# 突破千亿, 迈上万亿: a round level passed
ROUND_BARE = re.compile(
    r"(?:突破|超过|超|达到|迈上|迈入|跨上|跨越|跃上|站上|(?<![超通经度])过)\s*([百千万])"
)
# 突破亿元大关 ending a clause: a threshold passed, not part of the measure
THRESHOLD_TAIL = re.compile(
    r"(?:首次|率先|先后|连续)?(?:突破|跨越|迈上|跃上|超过|站上)[^，,。；;]{0,8}?(?:大关|台阶|关口)$"
)
# 出台“10条措施”: a policy named by its count of measures, still counted
_QUOTED_POLICY = re.compile(r"\d+\s*[条项]\s*(?:措施|举措|政策)")
_DURATION_BEFORE = re.compile(r"(?:用|历时|耗时|用时)\s*$")


def numbers(text: str, clause: Clause) -> list[Num]:
    lo, hi = clause.start, clause.end
    found: list[Num] = []
    for m in _ARABIC.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        before = text[s - 1] if s > 0 else ""
        if before.isascii() and (before.isalpha() or before in "+-.~/_#") and before:
            continue
        if before in "+—-~第×":  # 2×100万千瓦: a specification in a name
            continue
        if _DURATION_BEFORE.search(text, max(lo, s - 3), s):  # 仅用5天
            continue
        nxt = text[e : e + 3]
        if any(nxt.lstrip().startswith(w) for w in W.NOT_A_MEASURE_AFTER) and not (
            nxt.lstrip().startswith("岁") and _AGE_MEASURE.search(text, lo, s)
        ):
            continue
        if e < len(text) and (text[e].isascii() and text[e].isalpha()):
            continue
        if _inside_short_quote(text, s, max(0, lo - 20)) and not _QUOTED_POLICY.match(text, s):
            continue
        value = arabic_to_number(m.group(0))
        unit = _unit_at(text, e, hi)
        if value is None or unit is None:
            continue
        if (
            unit[0] in ("万", "亿")
            and text[unit[1] : unit[1] + 1] in CN_NUMERAL_CHARS + "0123456789"
        ):
            continue  # 1万1千字: a number written in parts, counting words
        comp, end = _after_comparator(text, unit[1], hi)
        found.append(Num(s, s, max(end, unit[1]), unit[1], value, unit[0], comp, False))
    rounds = set()
    for m in ROUND_BARE.finditer(text, lo, hi):
        # 突破千亿, 首次超过万户, 跨越千万标箱: a round level passed; 万 and 亿 stay in the unit
        s, e = m.start(1), m.end(1)
        unit = _unit_at(text, e, hi)
        if unit is None or text[e : e + 1] in CN_NUMERAL_CHARS or "级" in text[e : unit[1] + 1]:
            continue  # 迈入万亿级规模: a scale, not a level
        if m.group(1) == "万" or unit[0].startswith(("万", "亿")):
            value, unit_text = 1.0, m.group(1) + unit[0]
        else:
            value, unit_text = (100.0 if m.group(1) == "百" else 1000.0), unit[0]
        comp, end = _after_comparator(text, unit[1], hi)
        found.append(Num(s, s, max(end, unit[1]), unit[1], value, unit_text, comp, True))
        rounds.add(s)
    for m in _CN.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        numeral = m.group(0)
        if re.search(r"(?:这|那|上述|以上|该|此)\s*$", text[max(lo, s - 2) : s]):
            continue  # 这两项指标: the items just named
        hundreds = numeral in ("百", "千") and text[e : e + 1] in ("余", "多")  # 百余场
        if s in rounds:
            continue
        if (not any(ch in CN_DIGITS for ch in numeral) and not hundreds) or numeral in "零〇":
            continue
        before = text[s - 1] if s > lo else ""
        if before and before in "第前初周统唯之专同单逐十百千万亿星期":
            continue
        if _inside_short_quote(text, s, max(0, lo - 20)):
            continue
        unit = _unit_at(text, e, hi)
        if unit is None or unit[0] in W.WEAK_CN_UNITS or unit[0] in ("万", "亿", "%"):
            continue
        if text.startswith(W.NOT_A_MEASURE_AFTER_CN, e):
            continue  # 共分为二部分
        rest = text[unit[1] : unit[1] + 4]
        if any(rest.startswith(w) for w in W.ENUMERATION_NOUNS + ("大事", "是")) or rest[
            :1
        ] in tuple('路街巷道桥村号区“「『"'):
            continue  # 三个“一号工程”: a count of names
        if (rest[:1] and (rest[0].isdigit() or rest[0] in CN_DIGITS)) or re.search(
            f"[{CN_DIGITS}\\d]\\s*[个项件条大]$", text[max(lo, s - 3) : s]
        ):
            continue  # 三个十天硬仗: numerals inside a slogan
        pre = SPACE.sub("", text[lo:s])
        if (
            numeral == "一"
            and not unit[0].startswith(("万", "亿"))
            and not pre.endswith(W.COUNT_VERBS)
        ):
            continue  # 成为一张名片, 一张网: an article or a name, not a count of one
        value = cn_to_number(numeral)
        if value is None:
            continue
        comp, end = _after_comparator(text, unit[1], hi)
        found.append(Num(s, s, max(end, unit[1]), unit[1], value, unit[0], comp, True))
    found.sort(key=lambda n: n.start)
    # 400名至500名: a range is one number, its lower bound, at least
    for a, b in zip(found[:-1], found[1:], strict=True):
        if a.unit == b.unit and re.fullmatch(r"\s*[至到~～\-—]\s*", text[a.end : b.num_start]):
            a.after = a.after or "at_least"
            b.unit = None
    return [n for n in found if n.unit is not None]


def is_attribute(text: str, num: Num, clause: Clause, others: list[Num]) -> bool:
    """过30亿元项目5个: a size that qualifies the thing counted by a later number; 为78所
    中小学的95间教室: the number of what the later count belongs to."""
    if re.match(
        r"\s*(?:以上|以下)\s*(?![和及与或至到的])[\u4e00-\u9fff]{2}",
        text[num.unit_end : clause.end],
    ) and any(o.start < num.start for o in others):
        return True  # 超230个50户以上木质房屋连片村寨: a threshold on what is counted
    later = [o for o in others if o.start > num.start]
    if not later:
        return False
    between = SPACE.sub("", text[num.unit_end : later[0].start])
    if (
        re.fullmatch(r"(?:余|多)?", between)
        and unit_family(num.unit) in W.SIZE_UNITS
        and unit_family(later[0].unit) not in W.SIZE_UNITS
    ):
        return True  # 2500余公里3460个入河排污口: the 3460 are counted along the 2500
    if re.fullmatch(r"[\u4e00-\u9fff]{1,10}的", between):
        return True

    if (
        re.fullmatch(r"(?:项目|工程)", between)
        and num.unit in ("个", "项")
        and unit_family(later[0].unit) in W.SIZE_UNITS
    ):
        return False  # 新开工A等3个项目307公里: the projects and their length, both counted
    rest = text[num.unit_end : clause.end].lstrip()
    rest = rest[2:] if rest.startswith(("以上", "以下")) else rest
    rest = rest[1:] if rest.startswith("的") else rest
    if rest.startswith(("项目", "企业", "楼宇", "工程", "产业", "园区", "级", "元", "以上")):
        return True
    return re.match(r"[\u4e00-\u9fff]{1,4}(?:项目|企业|工程)", rest) is not None
