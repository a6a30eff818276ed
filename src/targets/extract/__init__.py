"""`targets extract`: draft targets and outcomes from the text of a government work report.

The engine is rules over tables of words (`words.py`): it is deterministic, offline and needs
no model. `extract` reads the text through `normal.reading_text` (traditional characters
simplified by a table of about 500 characters, full-width digits made ASCII, pinyin glosses
such as 地區(qū) left out; quotes are cut from the original at mapped offsets), cuts it into
sentences and clauses (at ，、；。：| and line breaks, keeping line breaks inside a sentence laid
out in lines, and a thousands comma inside its number), decides for each sentence whether it
plans or reviews (section headings such as 工作回顾 / 工作安排 / 预期目标 / 未来五年 when they
are a line or a sentence's head, never a noun in prose; a cue that opens a list anywhere
(提出了2019年主要预期目标：); the years that time the sentence against the plan year (not a
base, 较2024年, nor a year inside an object, 完工2024年9个项目); words such as 将/力争/确保
against 同比/已/完成了; with less weight, results reached (顺利, 成功, 获批, 首次, 居全省,
X基本完工 at a clause end, a level and its growth after 完成/实现) and states summed up at a
clause end (日趋完善, 稳步提升); a line of dots where an excerpt was cut, or a report's title
line, closes the section and starts a segment whose unvoted opening sentences take its first
vote, or plan when it has none after a review; a short line that is only a year and a few
words heads what follows by that year (2019年做到了 reviews, 2020年目标 plans), and two such lines
in a row are a legend whose blocks hold one line per legend line; 今年将 votes plan over a review
section; a digest of one short item a line is not wrapped text, so no quote crosses its lines),
finds each number with its unit as written (2.2万人 is 2.2 万人; 两所 is 2 所; 1. 6万个 is 1.6),
drops the numbers that only give context (dates, ordinals, ranks, names in quotes such as
“3+2+4”, portfolios pushed forward such as 推进103个项目 or 总投资949.6亿元, a portfolio's
investment and number of projects given together, programmes of work such as 民生实事18件 or
6个方面工作, sizes that qualify a later count such as 过30亿元项目5个 or 78所学校的95间教室,
money that describes a thing (投资20亿元的X), gaps to another government such as
高出全市1.1个百分点, programme money and agencies taking part, a project's design or capacity,
sizes before 的 (not lengths: 200公里的公路 is built), frequencies, a target explained,
thresholds that restate a level before or after them, the share of a plan reached and gaps to a
target, portfolios carried forward by their last verb (续建A等7个项目 and its length), counts of
names and of items just named, a facility's capacity after it, effects to come in a review,
ranges read at their lower bound), and reads
the comparator, the kind and the direction from the words around the number, kept
consistent: `at_most` is down, `at_least`/`exceed` up; a decline 下降3% is a growth target of
-3 (`at_most`, or `about` for 左右); milestones carry neither. Stage statements are runs of
clauses joined by 、: one milestone per named project, quoting the statement (建成A、B和C;
完成A、B水厂改扩建; A、B等工程，计划年内开工建设; 启动A迁建，B扩建). A pledge stated twice (a
lead that sums up the list, then the list) is one target, at its first statement; items of
one list never restate each other (分别增长6%左右和6%以上 is two), and 均 gives each measure listed
before it the number (财政总收入、地方财政收入均增长7%).

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
