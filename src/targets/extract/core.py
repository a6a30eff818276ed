"""Find draft targets and outcomes in a report's text, by rules over the tables of `words`.

`extract` cuts the text into sentences and clauses (`segments`), decides whether each sentence
plans or reviews (`modes`), reads the numbers of each clause (`figures`) and what each measures,
with its kind, comparator and direction (`measures`), and leaves out the numbers that only give
context (the rules here); a number in a plan becomes a draft target and one in a review an
outcome, named and dated by `naming` and matched to the known targets by `matching`, and a plan
sentence also gives its milestones (`milestones`). A pledge stated twice is kept once, at its
first statement."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from targets.extract import words as W
from targets.extract.figures import (
    MONEY,
    PCT,
    ROUND_BARE,
    SPACE,
    THRESHOLD_TAIL,
    Num,
    is_attribute,
    numbers,
    unit_family,
)
from targets.extract.matching import matches
from targets.extract.measures import (
    VERBS_LONGEST,
    clean_metric,
    comparator_of,
    fall_of,
    kind_of,
    own_verb,
    post_noun,
    settle,
    strip_lead,
    strip_metric_tail,
    strip_verbs,
)
from targets.extract.milestones import ITEM_NO, STAGE, STAGE_RE, milestones
from targets.extract.model import DraftOutcome, DraftTarget, Extraction, KnownTarget
from targets.extract.modes import FUTURE, PLAN_STRONG, decide_modes, guess_plan_year
from targets.extract.naming import Ids, measure_word, period_of, title
from targets.extract.normal import reading_text, without_glosses
from targets.extract.numbers import CN_NUMERAL_CHARS
from targets.extract.segments import Clause, Sentence, is_cjk, quote_start, segment


def _as_written(original: str, normal: str, part: str) -> str:
    """`part`, a suffix of `normal` with spaces removed, in the characters of `original` (the
    same text before `normalise`, character for character)."""
    orig, norm = SPACE.sub("", without_glosses(original)), SPACE.sub("", normal)
    if part and norm.endswith(part) and len(orig) == len(norm):
        return orig[len(orig) - len(part) :]
    return part


def _unit_as_written(original: str, normal_quote: str, unit: str | None) -> str | None:
    """The unit in the original quote's characters (億元 stays 億元): where the normalised
    quote writes it after a number."""
    if unit is None:
        return None
    original = without_glosses(original)
    pattern = r"\s*".join(re.escape(ch) for ch in unit)
    m = re.search(f"[0-9{CN_NUMERAL_CHARS}][\\s余多]*({pattern})", normal_quote)
    if m is None or len(original) != len(normal_quote):
        return unit
    return SPACE.sub("", original[m.start(1) : m.end(1)]).replace("％", "%")


def extract(
    text: str,
    known: Sequence[KnownTarget] = (),
    plan_year: int | None = None,
    id_prefix: str = "",
) -> Extraction:
    """Draft targets (pledges for the plan period) and outcomes (results for a past period).

    The rules read the text as `reading_text` gives it (traditional characters simplified,
    full-width digits made ASCII, pinyin glosses left out); quotes, titles and units are cut
    from `text` itself, at the offsets of the original."""
    if not text:
        return Extraction((), ())
    normal, where = reading_text(text)
    found = _extract(normal, known, plan_year, id_prefix)
    if normal == text:
        return found

    def span(start: int, length: int) -> tuple[int, str]:
        if where is None:
            return start, text[start : start + length]
        first = where[start]
        return first, text[first : where[start + length - 1] + 1] if length else ""

    targets = []
    for t in found.targets:
        start, quote = span(t.start, len(t.quote))
        targets.append(
            replace(
                t,
                start=start,
                quote=quote,
                title=_as_written(quote, t.quote, t.title),
                unit=_unit_as_written(quote, t.quote, t.unit),
            )
        )
    outcomes = []
    for o in found.outcomes:
        start, quote = span(o.start, len(o.quote))
        outcomes.append(
            replace(o, start=start, quote=quote, unit=_unit_as_written(quote, o.quote, o.unit))
        )
    return Extraction(tuple(targets), tuple(outcomes))


def _extract(
    text: str,
    known: Sequence[KnownTarget],
    plan_year: int | None,
    id_prefix: str,
) -> Extraction:
    if plan_year is None:
        plan_year = guess_plan_year(text)
    sentences = segment(text)
    decide_modes(text, sentences, plan_year)
    ids = Ids(id_prefix, known)
    targets: list[DraftTarget] = []
    outcomes: list[DraftOutcome] = []
    section_year: int | None = None
    for sent in sentences:
        s_text = text[sent.start : sent.end]
        heads = re.findall(r"((?:19|20)\d{2})\s*年", s_text[:30])
        if sent.section != "review":
            section_year = None
        elif heads:
            section_year = int(heads[0])
        per_clause = [(k, numbers(text, c)) for k, c in enumerate(sent.clauses)]
        _share_list_qualifiers(text, per_clause, sent)
        flat = [n for _, nums in per_clause for n in nums]
        numbered: set[int] = set()
        # (start of the measure, metric, unit of its number)
        last_measure: tuple[int, str, str | None] | None = None
        last_context = False  # the number of the last measure gave context
        bare: tuple[int, str, int] | None = None  # the last clause with a measure, no number
        for k, nums in per_clause:
            clause = sent.clauses[k]
            qstart = quote_start(text, clause)
            if not nums:
                own = THRESHOLD_TAIL.sub("", clean_metric(text[clause.start : clause.end]))
                bare = (qstart, own, k) if 2 <= len(own) <= 16 and clause.delim in "，," else None
            for idx, num in enumerate(nums):
                pre_raw = text[clause.start : num.start]
                metric = clean_metric(pre_raw)
                measure_start = qstart
                number_first = False
                if len(metric) < 2:
                    post = post_noun(text, num.end, clause.end)
                    between = (
                        post_noun(text, num.end, nums[idx + 1].start) if idx + 1 < len(nums) else ""
                    )
                    if len(post) >= 2 and idx == len(nums) - 1:
                        metric, number_first = post, True
                    elif re.fullmatch(r"[\u4e00-\u9fff]{2,8}", between):
                        metric, number_first = between, True  # 建5所小学10所幼儿园
                    elif (
                        idx == 0
                        and bare is not None
                        and bare[2] == k - 1
                        and num.unit not in PCT
                        and strip_lead(SPACE.sub("", pre_raw)) == ""
                    ):
                        # 财政总收入突破亿元大关，实现11338万元: the measure of the clause before
                        measure_start, metric = bare[0], bare[1]
                        last_measure, last_context = (bare[0], bare[1], num.unit), False
                    elif (
                        last_measure is not None
                        and not own_verb(pre_raw)
                        and (
                            num.unit in PCT
                            or (k > 0 and sent.clauses[k - 1].delim == "、")
                            or unit_family(num.unit) == unit_family(last_measure[2])
                        )
                    ):
                        measure_start, metric, _ = last_measure
                        if last_context:
                            continue  # 投入资金2.5亿元，较上年增长120%: a change of context
                    elif post:
                        metric, number_first = post, True
                if len(metric) < 1:
                    metric = strip_metric_tail(strip_lead(SPACE.sub("", pre_raw)))
                if len(metric) < 1:
                    continue
                if _is_threshold(text, sent, num, flat):
                    # 跨越三百亿元台阶，预计达到316亿元: the measure holds for the level after
                    if idx == 0 and not number_first and measure_start == qstart:
                        last_measure, last_context = (qstart, metric, num.unit), False
                    continue
                if _is_plan_share(text, num, clause):
                    continue  # 占计划的100%: no measure to lend the next clause
                own_measure = idx == 0 and not number_first and measure_start == qstart
                if own_measure:
                    last_measure = (qstart, metric, num.unit)
                    last_context = False
                end = num.end
                post = post_noun(text, num.end, clause.end)
                if post and metric.endswith("等") and len(post) >= 2:
                    metric = post
                if idx == len(nums) - 1 and post:
                    tail_text = text[num.end : clause.end]
                    end = num.end + len(tail_text.rstrip())
                if _bare(text, measure_start, clause.end if number_first else end, num):
                    continue  # 137个: a number cut from what it counts
                if sent.mode == "plan":
                    if _context(
                        text,
                        sent,
                        k,
                        num,
                        nums,
                        metric,
                        text[min(measure_start, clause.start) : num.start],
                        plan=True,
                    ):
                        last_context = last_context or own_measure
                        continue
                    numbered.add(k)
                    pre = text[measure_start : num.start]
                    word_comparator = comparator_of(text, num, clause.start)
                    kind = kind_of(pre, metric, num.unit, word_comparator, number_first)
                    comparator, direction, value = settle(
                        pre, metric, kind, word_comparator, num.value
                    )
                    quote = text[measure_start:end]
                    word, category = measure_word(metric, quote)
                    conf = 0.55
                    if sent.decided:
                        conf += 0.15
                    if any(w in s_text for w in PLAN_STRONG):
                        conf += 0.1
                    if word != "target":
                        conf += 0.1
                    if word_comparator is not None:
                        conf += 0.05
                    heads = _each_of(text, sent, k, per_clause, pre_raw) if own_measure else []
                    for h_start, h_metric in [*heads, (measure_start, metric)]:
                        quote = text[h_start:end]
                        word, category = measure_word(h_metric, quote)
                        targets.append(
                            DraftTarget(
                                quote=quote,
                                start=h_start,
                                metric=h_metric,
                                kind=kind,
                                comparator=comparator,
                                target=value,
                                unit=num.unit,
                                direction=direction,
                                id=ids.make(category, word),
                                title=title(quote),
                                category=category,
                                confidence=round(min(conf, 0.95), 2),
                            )
                        )
                else:
                    if FUTURE.search(text, clause.start, num.start):
                        continue  # 建成投用后，将新增供水能力335万立方米: an effect to come
                    if _context(text, sent, k, num, nums, metric, pre_raw, plan=False):
                        last_context = last_context or own_measure
                        continue
                    if re.fullmatch(r"[\u4e00-\u9fff]{1,16}中\s*", text[num.end : clause.end]):
                        continue
                    if re.match(  # 在全省91个县(市)中排名第一: the peers of a rank
                        r"[^，,。；;\d]{0,16}中\s*(?:继续|仍|稳)?\s*(?:排名|排|居|位列|名列|位居)",
                        text[num.end : clause.end],
                    ):
                        continue
                    numbered.add(k)
                    pre = text[measure_start : num.start]
                    value = num.value
                    if num.unit in PCT and fall_of(pre) == "by":
                        value = -value
                    period, period_end = period_of(text, sent, num.start, section_year)
                    heads = _each_of(text, sent, k, per_clause, pre_raw) if own_measure else []
                    for h_start, h_metric in [*heads, (measure_start, metric)]:
                        outcomes.append(
                            DraftOutcome(
                                quote=text[h_start:end],
                                start=h_start,
                                metric=h_metric,
                                value=value,
                                unit=num.unit,
                                period=period,
                                period_end=period_end,
                                matches=matches(h_metric, num.unit, known),
                            )
                        )
        if sent.mode == "plan":
            for ms in milestones(text, sent, numbered):
                word, category = measure_word(ms.obj, ms.obj)
                quote = text[ms.start : ms.end]
                targets.append(
                    DraftTarget(
                        quote=quote,
                        start=ms.start,
                        metric=ms.obj,
                        kind="milestone",
                        comparator=None,
                        target=ms.stage,
                        unit=None,
                        direction=None,
                        id=ids.make(category, word if word != "target" else "project"),
                        title=title(quote) if ms.obj in quote else ms.obj,
                        category=category,
                        confidence=0.6 if sent.decided else 0.45,
                    )
                )
    targets.sort(key=lambda t: t.start)
    return Extraction(tuple(_first_statements(targets)), tuple(outcomes))


_EACH = re.compile(r"(?:均|都|皆)\s*(?:要|将)?\s*$")


def _each_of(
    text: str, sent: Sentence, k: int, per_clause: list[tuple[int, list[Num]]], pre_raw: str
) -> list[tuple[int, str]]:
    """财政总收入、地方财政收入均增长7%: measures listed before the one that holds the number,
    with 均 (each) before its verb, share the number: one more pledge or result for each, quoted
    from its own measure to the number."""
    own = SPACE.sub("", pre_raw)
    verb = re.search(r"(?:均|都|皆)(?:要|将)?(?=[\u4e00-\u9fff]{0,4}$)", own)
    if verb is None or not _EACH.search(own[: verb.end()]):
        return []
    heads: list[tuple[int, str]] = []
    j = k - 1
    while j >= 0 and sent.clauses[j].delim == "、" and not per_clause[j][1]:
        c = sent.clauses[j]
        metric = clean_metric(text[c.start : c.end])
        if not 2 <= len(metric) <= 16 or re.search(r"\d", metric):
            break
        heads.insert(0, (quote_start(text, c), metric))
        j -= 1
    return heads


def _count_verb(quote: str) -> str | None:
    lead = strip_lead(SPACE.sub("", quote))
    return next((v for v in VERBS_LONGEST if lead.startswith(v)), None)


def _first_statements(targets: list[DraftTarget]) -> list[DraftTarget]:
    """A pledge stated twice (a lead that sums up the list, then the list; 新建续建3所幼儿园 and
    新建续建幼儿园3所) is one target, at its first statement: the same number and unit, the
    same kind, a measure that holds the other's, and no other verb of delivery."""
    kept: list[DraftTarget] = []
    for t in targets:
        if any(_restates(t, k) for k in kept):
            continue
        kept.append(t)
    return kept


def _restates(t: DraftTarget, k: DraftTarget) -> bool:
    if k.kind != t.kind or k.unit != t.unit or k.target != t.target:
        return False
    if t.start < k.start + len(k.quote) and k.start < t.start + len(t.quote):
        return False  # one statement: items of a list that share a measure (分别增长8%和8%以上)
    if k.kind == "milestone":  # 妇幼保健院新院区将投用, then 建成县妇幼保健院新院区并投入使用
        a, b = SPACE.sub("", t.metric), SPACE.sub("", k.metric)
        return len(a) >= 4 and len(b) >= 4 and (a in b or b in a) and t.quote != k.quote
    a, b = strip_verbs(t.metric), strip_verbs(k.metric)
    if len(a) < 2 or len(b) < 2 or not (a in b or b in a):
        return False
    va, vb = _count_verb(t.quote), _count_verb(k.quote)
    return (
        va is None
        or vb is None
        or va == vb
        or any(va in same and vb in same for same in W.SAME_VERBS)
    )


def _share_list_qualifiers(
    text: str, per_clause: list[tuple[int, list[Num]]], sent: Sentence
) -> None:
    """分别增长7%、8%左右: a qualifier written once after a list applies to each item."""
    flat = [n for _, nums in per_clause for n in nums]
    for a, b in zip(reversed(flat[:-1]), reversed(flat[1:]), strict=True):
        if a.after is None and b.after is not None and a.unit == b.unit:
            between = SPACE.sub("", text[a.end : b.num_start])
            if between in ("、", "和", "及", "与", "，", ","):
                a.after = b.after
    # 分别低于47μg/m3、61μg/m3: a comparator word before the first item applies to each
    for a, b in zip(flat[:-1], flat[1:], strict=True):
        if b.after is None and a.unit == b.unit:
            between = SPACE.sub("", text[a.end : b.num_start])
            word = comparator_of(text, a, sent.start)
            if between in ("、", "和", "及", "与") and word is not None:
                b.after = word


_SCOPE_VERBS = ("共", "建设", "完成", "实现", "达到", "增长", "新增", "建成", "累计", "引进")


def _is_scope(text: str, num: Num, nums: list[Num]) -> bool:
    """全市67个山头公园共建设绿道91.3公里: the first number only sizes what the second counts;
    在17个乡镇硬化道路10万平方米: the places the works are done in."""
    later = [o for o in nums if o.start > num.start]
    if not later:
        return False
    if (
        re.search(r"(?:^|[，,、：:\s])在\s*$", text[max(0, num.start - 2) : num.start])
        or text[num.start - 1 : num.start] == "在"
    ):
        return True
    between = SPACE.sub("", text[num.end : later[0].start])
    return any(v in between for v in _SCOPE_VERBS)


_PUSHED_AFTER = re.compile(r"加快建设|加快推进|推进建设|开发建设|加快实施|加快发展")
_PORTFOLIO_MONEY = re.compile(
    r"^(?:全年|年内|今年|同时|此外|其中|并|共|还将|将|要)*(?:总|计划|年度计划)?投资(?:约|近|超)?$"
)
# 引入社会资金2亿元，建成1所学校: in a plan, the funds of the works that follow (in a review,
# money spent is a result)
_PLAN_FUNDS = re.compile(
    r"^(?:全年|年内|今年|同时|此外|其中|并|共|还将|将|要)*"
    r"(?:引入|引进|筹集|筹措|争取|投入)[\u4e00-\u9fff]{0,6}资金(?:约|近|超)?$"
)


def _chain_start(sent: Sentence, k: int) -> int:
    """The start of the list of clauses joined by 、 that clause k ends or belongs to."""
    j = k
    while j > 0 and sent.clauses[j - 1].delim == "、":
        j -= 1
    return sent.clauses[j].start


def _is_portfolio(
    text: str, sent: Sentence, k: int, num: Num, metric: str, plan: bool = True
) -> bool:
    """投资67亿元，实施服务业和工业项目38个: in a sentence that gives a portfolio's investment
    and its number of projects, both are its size (not 引进/签约/建成 N个项目, results)."""
    clause = sent.clauses[k]
    s_body = SPACE.sub("", text[sent.start : sent.end])
    lead = SPACE.sub("", text[_chain_start(sent, k) : num.start])
    head = re.sub("^(?:" + ITEM_NO + ")+", "", SPACE.sub("", text[clause.start : num.start]))
    money = num.unit in MONEY and (
        _PORTFOLIO_MONEY.search(head) is not None or (plan and _PLAN_FUNDS.search(head) is not None)
    )
    if money:  # 投资2亿元以上，完成X水厂改扩建: the money of the works that follow
        after = text[num.end : clause.end]
        if not after.strip() and k + 1 < len(sent.clauses):
            after = text[sent.clauses[k + 1].start : sent.clauses[k + 1].end]
        works = re.sub(
            r"^(?:全年|年内|今年|同时|并|再|还将|将|要|用于|[一二三四五六七八九十两\d]+年(?:内|间)?)+",
            "",
            SPACE.sub("", after),
        )
        return any(w in s_body for w in ("项目", "工程", "实事")) or (
            works.startswith(W.COUNT_VERBS) or STAGE_RE.match(works) is not None
        )
    post = SPACE.sub("", text[num.end : clause.end])[:10]
    if num.unit not in ("个", "项") or "项目" not in metric + post:
        return False
    after = SPACE.sub("", text[num.end : clause.end])
    if any(v in lead or v in after for v in W.PROJECT_RESULT_VERBS) or STAGE_RE.search(post):
        return False
    if re.search(r"(?:重点|重大)(?:建设)?项目", metric + post):
        return True  # 实施亿元以上重点项目750个: the list of key projects, a portfolio
    others = [
        c
        for c in sent.clauses
        if c is not clause and re.search(r"(?:总|计划)?投资\s*约?\s*\d", text[c.start : c.end])
    ]
    return any(
        not re.search(r"固定资产|工业|实际|利用|累计", text[c.start : c.end]) for c in others
    )


_PORTFOLIO_VERBS_RE = re.compile("|".join(W.PORTFOLIO_VERBS))
_DELIVERY_RE = re.compile(
    "|".join((*W.PROJECT_RESULT_VERBS, "新建", "扩建", "改建", "改造", "迁建", *STAGE))
)


def _named_portfolio(text: str, sent: Sentence, k: int, num: Num, nums: list[Num]) -> bool:
    """建设A、B等5个项目, 实施项目29项, 续建A等7个项目722公里: the number of projects a
    portfolio carries forward (实施, 建设, 续建, with no stage or result) is its size, and so is a
    length given right after it; a number before the kind of project (建设2个养老服务站项目)
    counts what is delivered."""
    previous = [o for o in nums if o.end <= num.start]
    if previous and re.fullmatch(
        r"(?:项目|工程)?", SPACE.sub("", text[previous[-1].end : num.start])
    ):
        if _named_portfolio(text, sent, k, previous[-1], nums):
            return True  # 7个项目722公里: the length of the portfolio
    if num.unit not in ("个", "项"):
        return False
    chain = SPACE.sub("", text[_chain_start(sent, k) : num.start])
    rest = SPACE.sub("", text[num.unit_end : sent.clauses[k].end])
    named = chain.endswith("等") and rest.startswith(("项目", "工程"))
    if not (named or chain.endswith(("项目", "工程"))):
        return False
    # the last verb before the projects carries them forward (续建A等7个项目), not one that
    # delivers them (新建、续建、扩建项目126个; 新开工A等3个项目)
    verbs = [(m.end(), True) for m in re.finditer(_PORTFOLIO_VERBS_RE.pattern, chain)] + [
        (m.end(), False) for m in _DELIVERY_RE.finditer(chain)
    ]
    return bool(verbs) and max(verbs, key=lambda v: (v[0], not v[1]))[1]


def _said_before(text: str, sent: Sentence, num: Num) -> bool:
    """在17个乡镇…，惠及17个乡镇: the places the works are done in, named again."""
    said = SPACE.sub("", text[num.num_start : num.unit_end + 2])
    if len(said) < 4 or not is_cjk(said[-1]) or not is_cjk(said[-2]):
        return False
    return "在" + said in SPACE.sub("", text[sent.start : num.num_start])


def _capacity_of_the_facility(text: str, sent: Sentence, k: int, pre: str) -> bool:
    """建成城区养老服务中心并投入运营，床位不少于150个: the capacity of the facility the clause
    before delivers (its design), not a pledge of its own."""
    if k == 0 or not strip_lead(pre).startswith(W.FACILITY_CAPACITY_NOUNS):
        return False
    before = sent.clauses[k - 1]
    return STAGE_RE.search(text, before.start, before.end) is not None or any(
        v in text[before.start : before.end] for v in ("新建", "建设", "改扩建")
    )


def _counts_the_named(text: str, sent: Sentence, k: int, num: Num) -> bool:
    """光电子信息、汽车制造、大健康3大产业, 小额贷款、中小企业担保、自主创新三个资金服务平台:
    the number of the items just named, before their class; with no verb of delivery in the
    list (新建A、B、C三所学校 counts what is built)."""
    clause = sent.clauses[k]
    start = _chain_start(sent, k)
    if start == clause.start:
        return False
    chain = SPACE.sub("", text[start : num.start])
    own = SPACE.sub("", text[clause.start : num.start])
    after = SPACE.sub("", text[num.end : clause.end])
    return (
        not any(v in chain for v in W.COUNT_VERBS)
        and not own.endswith("等")
        and _NAMED_CLASS.match(after) is not None
        and re.fullmatch(r"[\u4e00-\u9fff]{1,8}", own) is not None
    )


_NAMED_CLASS = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:" + "|".join(W.CLASS_NOUNS) + ")")


def _is_plan_share(text: str, num: Num, clause: Clause) -> bool:
    """占计划的100%, 完成年度目标的105%: the share of the plan reached, context like a gap."""
    if num.unit not in PCT:
        return False
    before = SPACE.sub("", text[clause.start : num.start])
    return re.search(r"(?:" + "|".join(W.PLAN_SHARE_WORDS) + r")的?$", before) is not None


def _qualifies_noun(text: str, num: Num, clause: Clause) -> bool:
    """投资20亿元的创举医疗集团: an amount of money that describes a thing (not 5%的目标);
    40个停车位的停车场, 303平方米的综合楼, 30天的托养照护: a size that describes a thing."""
    if num.unit not in MONEY:
        rest = SPACE.sub("", text[num.unit_end : clause.end])
        rest = re.sub(r"^(?:以上|以下|左右|余|多)", "", rest)
        m = re.match(
            r"([\u4e00-\u9fff]{0,6})的(?!目标|任务|水平|要求|增长|基础|比重|占比|改造|建设|工作)"
            r"[\u4e00-\u9fff]",
            rest,
        )
        if m is None or num.unit is None:
            return False
        # a size (303平方米的综合楼, 30天的托养照护) or a capacity (40个停车位的停车场) describes
        # the thing after 的; a count (80个投资过千万元的项目) counts it
        # a length before 的 is the amount built (200公里的农村通畅公路), not a description
        size = unit_family(num.unit) in W.SIZE_UNITS and num.unit not in W.LENGTH_UNITS
        return size or m.group(1).endswith(W.CAPACITY_NOUNS)
    rest = SPACE.sub("", text[num.unit_end : clause.end])
    rest = re.sub(r"^(?:以上|以下|左右)", "", rest)
    if re.match(r"的?[\u4e00-\u9fff]{0,4}(?:项目|企业|工程)", rest):
        return True  # 17个20亿元以上重大项目签约落地: the class of the projects counted
    return (
        re.match(r"的(?!目标|任务|水平|要求|增长|基础|比重|占比)[\u4e00-\u9fff]", rest) is not None
    )


def _context(
    text: str,
    sent: Sentence,
    k: int,
    num: Num,
    nums: list[Num],
    metric: str,
    pre_raw: str,
    plan: bool,
) -> bool:
    """Numbers that give context, not a pledge (plan) nor a result (review): the sizes of
    portfolios and programmes, what a later number counts in, attributes, ranks and gaps to
    other governments; in a plan also stock and portfolios pushed forward (in a review, stock
    such as 累计394万户 is an outcome)."""
    clause = sent.clauses[k]
    pre = SPACE.sub("", pre_raw)
    chain = SPACE.sub("", text[_chain_start(sent, k) : num.start])
    body = SPACE.sub("", text[clause.start : clause.end])
    rest = re.sub(r"^(?:以上|以下|左右|余|多)", "", SPACE.sub("", text[num.unit_end : clause.end]))
    if (
        _is_restatement(pre, rest)
        or _is_participants(rest)
        or (num.unit in ("人", "名") and _ATTENDANCE.search(pre) is not None)
        or _is_spec(text, num, clause, nums)
        or (not plan and _PORTFOLIO_AFTER.match(rest) is not None and "项目" in rest)
        or (not plan and "续建项目" in chain + rest and not re.search(r"新建|新开工", chain))
        or (num.unit in W.FREQUENCY_UNITS and "每" in pre)
        or (
            num.unit == "件" and re.search(r"每(?:一)?个?(?:乡镇|镇|村|社区|街道)", pre) is not None
        )
        or _is_scope(text, num, nums)
        or _is_programme(text, num, clause, metric)
        or _is_gap(text, num, clause)
        or any(w in (chain if plan else chain[-8:]) for w in W.PORTFOLIO_WORDS)
        or (any(w in body for w in W.PORTFOLIO_WORDS) and "项目" in body)
        or _is_portfolio(text, sent, k, num, metric, plan)
        or _counts_the_named(text, sent, k, num)
        or _capacity_of_the_facility(text, sent, k, pre)
        or _said_before(text, sent, num)
        or _named_portfolio(text, sent, k, num, nums)
        or is_attribute(text, num, clause, nums)
        or _qualifies_noun(text, num, clause)
        or _rank_like(text, num, clause)
    ):
        return True
    if not plan:
        return False
    if any(w in chain for w in W.STOCK_WORDS):
        return True
    if re.search(r"(?:从|由)(?:(?:19|20)\d{2}年(?:底|末)?的?)?$", pre):
        return True  # 从76岁提高到78岁: the base of a pledged change
    pushed = any(
        strip_lead(p).startswith(v) or p.endswith(v) for v in W.PUSH_VERBS for p in (pre, chain)
    )
    after = SPACE.sub("", text[num.end : clause.end])
    return (pushed and ("建设" in body or "项目" in body)) or (
        _PUSHED_AFTER.search(after) is not None
    )


def _is_restatement(pre: str, rest: str) -> bool:
    """确定经济增长4.5%的预期目标: a target explained, not pledged again."""
    return (
        any(v in pre for v in W.TARGET_SETTING_VERBS)
        and re.match(r"的(?:预期|增长|发展|年度|主要)?目标", rest) is not None
    )


def _is_threshold(text: str, sent: Sentence, num: Num, others: list[Num]) -> bool:
    """首次突破600亿元大关 after 地区生产总值602.5亿元, 跨越两百亿元、三百亿元台阶 before
    达到316亿元, 三次跨越千万标箱 before 达1030万标箱: a threshold passed, restating a level the
    sentence gives (alone, 总产值突破1000亿元大关 and 首次超过万户 are the figure)."""
    if num.unit is None:
        return False
    rest = SPACE.sub("", text[num.unit_end : sent.end])
    rest = re.sub(r"^(?:以上|左右|余|多)", "", rest)
    marked = re.match(r"(?:、[^，,。；;]{0,12}?)?(?:大关|关口|台阶)", rest) is not None
    round_level = text[num.num_start] in "百千万" and ROUND_BARE.search(
        text, max(sent.start, num.start - 4), num.start + 1
    )
    if not (marked or round_level):
        return False
    family = unit_family(num.unit)
    return any(
        o is not num
        and unit_family(o.unit) == family
        and not text.startswith(("百", "千", "万"), o.num_start)
        for o in others
    )


_PORTFOLIO_AFTER = re.compile(r"[^，,。；;\d]{0,12}?(?:" + "|".join(W.PORTFOLIO_STATUS) + r")")
_SPEC_BEFORE = re.compile(
    "(?:"
    + "|".join(W.SPEC_WORDS)
    + r")[^，,。；;\d]{0,4}$|(?:"
    + "|".join(W.SPEC_RATE_WORDS)
    + r")(?!值|量)\s*$"
)


def _is_spec(text: str, num: Num, clause: Clause, nums: list[Num]) -> bool:
    """总建筑面积11.106万平方米, 设置床位800张, 年产2.2万台: the design of a project; and a
    number in brackets after another (1287只(约17190吨)) annotates it."""
    if _SPEC_BEFORE.search(SPACE.sub("", text[clause.start : num.start])):
        return True
    before = SPACE.sub("", text[max(clause.start, num.start - 3) : num.start])
    return before.endswith(("(", "（", "(约", "（约")) and any(
        o.unit_end <= num.start for o in nums if o is not num
    )


_ATTENDANCE = re.compile(
    r"(?:应到|实到|应出席|实际出席|出席|到会|列席)(?:会议)?(?:的)?(?:代表|委员)?$"
)


def _is_participants(rest: str) -> bool:
    """共38家单位参与: the agencies that take part in a programme."""
    return rest.startswith(W.PARTICIPANT_NOUNS) and any(
        v in rest[2:6] for v in W.PARTICIPATION_VERBS
    )


_PROGRAMME_RE = re.compile(
    "(?:" + "|".join(re.escape(w) for w in W.PROGRAMME_NOUNS) + r")(?!室|站|者|人员|岗位|日|量)"
)


def _is_programme(text: str, num: Num, clause: Clause, metric: str) -> bool:
    """实施重点民生实事18件, 做好6个方面工作, 38项重点工作: the size of a programme of work,
    whose items (not their number) are the pledges."""
    if num.unit not in W.PROGRAMME_UNITS:
        return False
    # 做好6个方面工作, 实施重点民生实事18件; not 5方面21项问题 (方面 is what the 5 counts)
    around = SPACE.sub("", text[clause.start : clause.end])
    if re.search(W.ISSUE_VERBS_RE, around) and re.search("措施|政策", around):
        return False  # 出台21条措施: a policy issued, a result
    if re.search(W.AWARD_VERBS_RE, SPACE.sub("", text[num.end : clause.end])):
        return False  # 11项工作获得省政府督查激励: items rewarded, a result
    if re.search(f"(?<![\\d个项件大])(?:{_PROGRAMME_RE.pattern})$", strip_metric_tail(metric)):
        return True
    post = SPACE.sub("", text[num.end : clause.end])
    post = re.sub(r"^(?:以上|左右)?的?", "", post)
    m = _PROGRAMME_RE.search(post[:8])
    return m is not None and not re.search(r"\d", post[: m.start()])


_GAP_RE = re.compile(
    r"(?:高出|高于|低于|快于|慢于|超出|超过|领先|优于|比)"
    r"(?:全国|全省|全市|全州|全区|全县|国家|省|市|区|县)[^，,。；;：:\d]{0,8}?"
    r"(?:平均|水平|增速|平均水平)?[高低快慢多少]?\s*$"
)


# 塌目标1.8个百分点, 高于目标2.1个百分点, 低于预期0.5个百分点: a gap to the target
_TARGET_GAP_RE = re.compile(r"(?:目标|预期|计划|任务)(?:值|进度)?\s*(?:\d+(?:\.\d+)?\s*个)?\s*$")


def _is_gap(text: str, num: Num, clause: Clause) -> bool:
    """高出全市1.1个百分点: a gap to another government's figure, not a result of one's own;
    高于目标2.1个百分点: a gap to the target."""
    before = text[clause.start : num.start]
    return _GAP_RE.search(before) is not None or (
        num.unit in ("个百分点", "百分点") and _TARGET_GAP_RE.search(before) is not None
    )


def _bare(text: str, start: int, end: int, num: Num) -> bool:
    """The quote says nothing but the number and its unit (and a qualifier)."""
    rest = text[start : num.start] + text[num.unit_end : end]
    rest = re.sub(r"以上|以下|左右|以内|余|多|[（(].*?[)）]", "", rest)
    return re.search(r"[\u4e00-\u9fffA-Za-z]", rest) is None


def _rank_like(text: str, num: Num, clause: Clause) -> bool:
    before = SPACE.sub("", text[max(clause.start, num.start - 3) : num.start])
    after = SPACE.sub("", text[num.unit_end : num.unit_end + 2])
    return (
        before.endswith(("第", "居", "排名", "前"))
        or after.startswith(("位", "名"))
        and before.endswith(("居", "列", "排"))
    )
