"""`targets extract`: draft targets and outcomes from the text of a government work report.

The engine is rules over tables of words (`words.py`): it is deterministic, offline and needs
no model. `extract` cuts the text into sentences and clauses (at ，、；。： and line breaks,
keeping line breaks inside a sentence laid out in lines), decides for each sentence whether it
plans or reviews (section headings such as 工作回顾 / 工作安排 / 预期目标, years against the
plan year, and words such as 将/力争/确保 against 同比/已/完成了), finds each number with its
unit as written (2.2万人 is 2.2 万人; 两所 is 2 所), drops the numbers that only give context
(dates, ordinals, ranks, names in quotes such as “3+2+4”, portfolios pushed forward such as
推进103个项目 or 总投资949.6亿元, sizes that qualify a later count such as 过30亿元项目5个), and
reads the comparator, the kind and the direction from the words around the number.

Choices (issue 13):

- Chinese numerals: cn2an (MIT; its one dependency, proces, is MIT too; about 0.5 MB). Its
  import costs about 0.1 s, so it is imported on the first Chinese numeral met, never at
  start-up and never for a text in Arabic digits.
- HTML: the standard library's html.parser (`html.py`). Measured on this project's machine
  (Python 3.11): trafilatura imports in about 225 ms and brings some 60 MB of dependencies
  (lxml, dateparser, babel, ...); justext needs lxml and lxml_html_clean (about 65 ms); selectolax
  (MIT, 8 MB, 16 ms) parses but leaves the boilerplate rule to us anyway. Government pages are
  simple: dropping script/style/nav/header/footer/aside and elements whose class or id names a
  menu, footer or share bar, then keeping the blocks that read as Chinese prose and are not
  mostly link text, gives the report's text (see the test on a page with scripts and
  navigation, and the dev set's HTML page). It costs about 10 ms to import, and nothing to
  install. It is imported only when the input is HTML.

Nothing here imports typer or rich, prints, or exits: the CLI wraps these functions.
"""

from __future__ import annotations

from targets.extract.core import extract
from targets.extract.model import (
    DraftOutcome,
    DraftTarget,
    Extraction,
    KnownTarget,
    ReportUnreadable,
)
from targets.extract.output import extraction_json, extraction_toml
from targets.extract.read import read_report

__all__ = [
    "DraftOutcome",
    "DraftTarget",
    "Extraction",
    "KnownTarget",
    "ReportUnreadable",
    "extract",
    "extraction_json",
    "extraction_toml",
    "read_report",
]
