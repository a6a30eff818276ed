"""Plan or review: whether each sentence pledges for the plan period or reports on a past one,
and the plan year itself when the caller does not give it. Sections vote (headings such as
工作回顾 and 工作安排 when they head a line or a sentence, cues that open a list anywhere, short
year lines and the legends they form), and so do the years that time a sentence against the plan
year and its words (将, 力争 against 同比, 已, 完成了; results reached and states summed up, with
less weight); a sentence without a vote takes the mode of the sentence before it, and a break (a
line of dots where an excerpt was cut, a report's title line) starts a segment whose unvoted
opening takes its first vote. The decision is written into each `Sentence`: its mode, whether its
own words decided it, and its section."""

from __future__ import annotations

import re

from targets.extract import words as W
from targets.extract.figures import YEAR
from targets.extract.segments import Sentence, is_cjk

_STRONG_REVIEW = (
    "同比",
    "比上年",
    "较上年",
    "比去年",
    "显示",
    "已经",
    "实现了",
    "完成了",
    "取得了",
    "圆满",
    "较好完成",
    "一年来",
    "一年以来",
    "过去一年",
)
PLAN_STRONG = ("将", "力争", "确保", "计划", "预期", "争取", "拟", "年内", "新的一年", "目标是")
_REVIEW_HEAD = W.REVIEW_SECTION_CUES + ("一年以来",)


def guess_plan_year(text: str) -> int | None:
    review = [
        int(m.group(1))
        for m in re.finditer(
            r"((?:19|20)\d{2})\s*年[^。\n]{0,12}?(?:工作回顾|计划执行情况|执行情况|成绩)", text
        )
    ]
    if review:
        return max(review) + 1
    plan = [
        int(m.group(1))
        for m in re.finditer(
            r"((?:19|20)\d{2})\s*年[^。\n]{0,16}?(?:工作安排|预期目标|主要目标|目标任务|工作任务|重点工作)",
            text,
        )
    ]
    if plan:
        return max(plan)
    with_plan_words: list[int] = []
    years: list[int] = []
    for sent in re.split(r"[。！？；\n]", text):
        ys = [int(y) for y in YEAR.findall(sent)]
        years += ys
        if ys and any(w in sent for w in PLAN_STRONG):
            with_plan_words.append(max(ys))
    if with_plan_words:
        return max(with_plan_words)
    if years:
        return max(years) + 1
    return None


_PLAN_NOW = re.compile(
    r"(?:今年|明年|新的一年|下一步)[^，,。；;]{0,4}?(?:将|要|力争|确保|计划|争取)"
)
# 将 of the future in a clause (not 将近, not 将X纳入Y)
FUTURE = re.compile(r"将(?!近)(?![^，,。；;]{1,20}?(?:纳入|列入|作为|改为|转为|确定为|评为|定为))")
_PLAN_RE = re.compile(
    # 将 of the future, not of disposal (将糖尿病用药纳入医保报销范围 reviews as well as plans)
    r"将(?!近)(?![^，,。；;]{1,20}?(?:纳入|列入|作为|改为|转为|确定为|评为|定为))|力争|确保|(?<![动展年划才级])计划(?!执行|指标|生育|单列|总投资|投资|[，,。；;、等的]|$)|预期(?!目标任务|寿命)|争取|拟|年内|"
    r"新的一年|目标是"
)
_REVIEW_RE = re.compile(
    "|".join(re.escape(w) for w in _STRONG_REVIEW)
    + r"|均实现|实现预期|完成预期|超额完成|提前完成|取得|已(?!有)"
    # 了 after a verb, but not 为了, 除了, 了解, nor a reporting verb (提出了2024年的目标)
    + r"|(?<![为除])(?<!提出|指出|强调|确定|决定|明确|部署|审定|审议)了(?![解])"
)
# a state described at the end of a clause (社会保障日趋完善, 参保比例稳步提升): how a review
# sums up what changed; a plan puts such words before what they change (持续提升X)
_STATE_END = re.compile(
    "(?:"
    + "|".join(W.STATE_ADVERBS)
    + ")(?:"
    + "|".join(W.STATE_VERBS)
    + r")(?=\s*(?:[，,、；;。！!]|$))"
)
# a level reached and its growth after a verb of result: 地区生产总值完成602.5亿元，增长5.5%
_LEVEL_AND_GROWTH = re.compile(
    r"(?:完成|实现|达到|达)\s*[^，,。；;：:\d]{0,16}?\d[\d.,]*\s*(?:万亿元|亿元|万元|亿美元|万美元|元)"
    r"\s*[，,、]\s*(?:同比|比上年|较上年)?\s*(?:增长|下降)\s*\d"
)
_RESULT_RE = re.compile(
    # a result reached: 顺利开工, 获批, 首次突破, 居全省第3 (but not 成功经验, 获得感)
    "|".join(re.escape(w) for w in W.REVIEW_RESULT_WORDS)
    + r"|成功(?!经验|案例|做法|模式|率|的)"
    # an adverb of result and a verb ending a clause: X基本完工, 12个项目相继投产达效
    + "|(?:"
    + "|".join(W.RESULT_ADVERBS)
    + ")(?:"
    + "|".join(W.RESULT_VERBS)
    + r")(?:建设|达效|运行|投用|使用)?(?=\s*(?:[，,、；;。！!]|$))"
)

# a year that only compares or starts a span (较2024年增长, 从2024年9月开始), or that qualifies
# the object of a verb (完工2024年9个续建项目): it does not say when the sentence's events happen
_YEAR_BASE = re.compile(r"(?:较|比|相比|与|从|自|截至|截止)\s*$")
_YEAR_OF_OBJECT = re.compile(r"\s*\d+(?:\.\d+)?\s*[个项件所家条座栋套户处]")
_OBJECT_VERBS = tuple(sorted(W.COUNT_VERBS + ("完工", "竣工", "续建"), key=len, reverse=True))


def _time_years(s: str) -> list[int]:
    """The years that time the sentence's events (not those that compare or qualify)."""
    out = []
    for m in YEAR.finditer(s):
        before = s[max(0, m.start() - 4) : m.start()].rstrip()
        if _YEAR_BASE.search(before) or (
            before.endswith(_OBJECT_VERBS) and _YEAR_OF_OBJECT.match(s, m.end())
        ):
            continue
        out.append(int(m.group(1)))
    return out


_GOALS_TAIL = re.compile(r"的?[\u4e00-\u9fff]{0,6}?(?:目标|任务|工作|安排|打算)\s*")


def _plan_heading(s: str, cue: str) -> bool:
    """The cue names the plan part (2024年重点工作, 工作安排：), not a thing inside a name
    (“八条重点工作线”) or a noun in prose (推进各项重点工作落实)."""
    for m in re.finditer(re.escape(cue), s):
        nxt = s[m.end() : m.end() + 1]
        quoted = s[: m.start()].count("“") > s[: m.start()].count("”")
        if not quoted and (not nxt or not is_cjk(nxt) or nxt in "是为"):
            return True
        # 今后五年的重点目标: a heading line that names the goals of the period
        if not quoted and _GOALS_TAIL.fullmatch(s, m.end()):
            return True
    return False


def _introduces(sentence: str, cue: str) -> bool:
    """The cue opens a list anywhere in the sentence: 提出了2019年主要预期目标：…"""
    i = sentence.find(cue)
    return (
        i >= 0
        and re.match(
            r"(?:分别)?[是为]?\s*[:：]|是(?![^，,。；;]{0,12}(?:的|一年))",
            sentence[i + len(cue) :],
        )
        is not None
    )


_BREAK_RE = re.compile(
    r"\s*(?:[…⋯.。·]{2,}|[—\-－=＊*]{3,}|[（(]略[)）])\s*"
    r"|[^，,。；;\n]{0,24}(?<![作做了])政府工作报告\s*(?:[（(][^）)\n]{0,24}[)）])?\s*"
)


_LEGEND_LINE = re.compile(
    r"[^\d，,；;。：:！!？?]{0,6}((?:19|20)\d{2})\s*年(?!\s*\d|度?[报会]|[^\d，,；;。]*(?:报告|会议))"
    r"[^\d，,；;。：:！!？?]{0,8}"
)
_TOPIC_LINE = re.compile(r"[^\d，,；;。：:、！!？?]{1,6}")


def _line_of(text: str, sent: Sentence) -> tuple[int, int]:
    return text.rfind("\n", 0, sent.start) + 1, (text.find("\n", sent.end) + 1 or len(text) + 1) - 1


def _legend_sections(
    text: str, sentences: list[Sentence], plan_year: int | None
) -> list[str | None]:
    """Sections that short year lines give. A line that is only a year and a few words (2019年
    做到了, 2020年目标) heads what follows: a review before the plan year, a plan from it. Two or
    more such lines in a row are a legend: each block after them (under a short topic line such
    as 房子, 学位) holds one line per legend line, in the legend's order."""
    out: list[str | None] = [None] * len(sentences)
    if plan_year is None:
        return out
    whole = [
        text[sent.start : sent.end].strip() == text[slice(*_line_of(text, sent))].strip()
        for sent in sentences
    ]

    def legend_mode(i: int) -> str | None:
        m = _LEGEND_LINE.fullmatch(text[sentences[i].start : sentences[i].end].strip())
        if not whole[i] or m is None:
            return None
        return "plan" if int(m.group(1)) >= plan_year else "review"

    i = 0
    while i < len(sentences):
        mode = legend_mode(i)
        if mode is None:
            i += 1
            continue
        run = [mode]
        while i + len(run) < len(sentences) and (nxt := legend_mode(i + len(run))):
            run.append(nxt)
        if len(run) == 1 or len(set(run)) == 1:
            out[i] = mode
            for j in range(i + 1, i + len(run)):
                out[j] = run[j - i]
            i += len(run)
            continue
        # a legend: blocks of len(run) lines, each under a topic line
        j = i + len(run)
        while j < len(sentences):
            at = j
            if whole[j] and _TOPIC_LINE.fullmatch(_stripped(text, sentences[j])):
                j += 1
            block: list[list[int]] = []
            last_line = -1
            while j < len(sentences):
                s_text = _stripped(text, sentences[j])
                if whole[j] and _TOPIC_LINE.fullmatch(s_text) or _BREAK_RE.fullmatch(s_text):
                    break
                line = _line_of(text, sentences[j])[0]
                if line != last_line:
                    block.append([])
                    last_line = line
                block[-1].append(j)
                j += 1
            if len(block) != len(run):
                j = at
                break
            for mode_k, members in zip(run, block, strict=True):
                for k in members:
                    out[k] = mode_k
        i = max(j, i + len(run))
    return out


def _stripped(text: str, sent: Sentence) -> str:
    return text[sent.start : sent.end].strip()


def decide_modes(text: str, sentences: list[Sentence], plan_year: int | None) -> None:
    """Each sentence plans or reviews: its section, its years and its words vote; a sentence
    with no vote takes the mode of the sentence before it.

    A break (a line of dots …… where an excerpt was cut, or the title line of a report) closes
    the section and starts a segment: the sentences before the first vote of a segment take
    that vote (a page that goes on mid-review without a heading reviews as soon as one of its
    sentences says so); a segment without votes plans after a review closed by the break,
    since reports (and the news that excerpts them) review first and plan after, and otherwise
    goes on in the mode before it. The sentences before the text's first vote take the text's
    majority (headlines before a news item's body sum up what it says most)."""
    section: str | None = None
    scores: list[float] = []
    resets: list[bool] = []
    breaks: list[bool] = []
    legend = _legend_sections(text, sentences, plan_year)
    for i_sent, sent in enumerate(sentences):
        s = text[sent.start : sent.end]
        brk = _BREAK_RE.fullmatch(s) is not None
        resets.append(brk and section == "review")
        breaks.append(brk)
        if brk:
            section = None
        head = s.strip()[:24]
        short = len(s.strip()) <= 40
        for cue in _REVIEW_HEAD:
            if cue in (s if short else head) or _introduces(s, cue):
                section = "review"
        if s.strip().startswith(W.REVIEW_OPENERS):  # 这一年，我们…: a review's paragraph
            section = "review"
        # a plan heading is a line of its own (2024年重点工作) or the head of a long sentence
        heading = short and not re.search(r"[，,；;]", s)
        for cue in W.PLAN_SECTION_CUES:
            if (
                _plan_heading(s.strip() if heading else head, cue)
                and (heading or not short)
                or _introduces(s, cue)
            ):
                section = "plan"
        if any(_introduces(s, cue) for cue in W.PLAN_LIST_CUES):
            section = "plan"
        section = legend[i_sent] or section
        sent.section = section
        score = 0.0
        if section == "plan":
            score += 1.5
        elif section == "review":
            score -= 1.5
        years = _time_years(s)
        if years and plan_year is not None:
            if min(years) >= plan_year:
                score += 2.0
            elif max(years) < plan_year:
                score -= 2.0 if not re.search(r"将(?!近)|力争|确保", s) else 0.5
        score += 1.5 * min(2, len(_PLAN_RE.findall(s)))
        if _PLAN_NOW.search(s):
            score += 1.5  # 今年将…, 新的一年要…: the coming year, outweighing a review section
        score -= 2.0 * min(2, len(_REVIEW_RE.findall(s)))
        score -= 1.0 * min(2, len(_RESULT_RE.findall(s)) + len(_LEVEL_AND_GROWTH.findall(s)))
        score -= 1.0 * min(1, len(_STATE_END.findall(s)))
        if "预计" in s and section == "review":
            score -= 1.0
        scores.append(score)
    plan_votes = sum(1 for x in scores if x > 0)
    review_votes = sum(1 for x in scores if x < 0)
    majority = "review" if review_votes > plan_votes else "plan"
    votes = ["plan" if x > 0 else "review" if x < 0 else None for x in scores]
    # segments: the runs of sentences between breaks
    starts = [i for i, brk in enumerate(breaks) if brk or i == 0]
    bounds = list(zip(starts, [*starts[1:], len(sentences)], strict=False))
    previous: str | None = None
    for lo, hi in bounds:
        ahead = next((v for v in votes[lo:hi] if v is not None), None) if lo else majority
        if ahead is None:
            ahead = "plan" if resets[lo] else previous or majority
        current = None
        for i in range(lo, hi):
            sent = sentences[i]
            vote = votes[i]
            if vote is not None:
                sent.mode, sent.decided = vote, True
                current = vote
            else:
                sent.mode, sent.decided = current or ahead, False
        previous = sentences[hi - 1].mode
