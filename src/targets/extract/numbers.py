"""Numbers as reports write them: Arabic (2.2, 1 400) and Chinese numerals (两, 十二, 一百零五).

Chinese numerals go through cn2an, imported on the first Chinese numeral met (it costs about
0.1 s), so texts written in Arabic digits never load it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

CN_DIGITS = "零〇一二两三四五六七八九十"
CN_NUMERAL_CHARS = CN_DIGITS + "百千"

_SIMPLE = {
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


@lru_cache(maxsize=1)
def _cn2an() -> Any:
    import cn2an  # type: ignore[import-untyped]

    return cn2an


def cn_to_number(numeral: str) -> float | None:
    """The value of a Chinese numeral without 万/亿 (those stay in the unit), or None."""
    if not numeral or any(ch not in CN_NUMERAL_CHARS for ch in numeral):
        return None
    if len(numeral) == 1 and numeral in _SIMPLE:
        return float(_SIMPLE[numeral])
    if numeral in ("百", "千"):  # 百余场: a hundred
        return 100.0 if numeral == "百" else 1000.0
    try:
        value = _cn2an().cn2an(numeral.replace("〇", "零"), "smart")
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    return float(value)


def arabic_to_number(digits: str) -> float | None:
    """The value of digits as written (spaces and thousands commas allowed), or None."""
    cleaned = digits.replace(",", "").replace("，", "").replace(" ", "").replace("\u00a0", "")
    try:
        return float(cleaned)
    except ValueError:
        return None
