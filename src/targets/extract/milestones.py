"""Milestones: named projects pledged to reach a stage (started, completed, in use), one per
project, each quoting its statement. A statement is a run of clauses joined by 、 whose stage
word leads its projects (建成A、B和C; 完成A、B水厂改扩建) or follows them (A、B等项目开工建设);
a stage on a clause of its own takes the projects of the statement before it, and a leading
stage is shared with the next clause that is only a project and its works (启动A迁建，B扩建).
The projects are cut from the list at its 、 and 和, without the lead words, the money, the time
and the tail words around them, and kept only when they name one thing (not 一批, 全县..., nor
abstract work)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from targets.extract import words as W
from targets.extract.figures import SPACE
from targets.extract.measures import SUBJECT_RE
from targets.extract.segments import Clause, Sentence, quote_start

STAGE_RE = re.compile("|".join(re.escape(w) for w, _ in W.STAGE_WORDS))
STAGE = dict(W.STAGE_WORDS)
# an item's number at the start of a line or clause: (3), 3., ①
ITEM_NO = r"[（(]\d{1,2}[)）]|\d{1,2}[.、．](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,2}是"
_PUSH_LEAD = re.compile(
    r"^(?:\s|" + ITEM_NO + r"|(?:19|20)\d{2}\s*年|其中|推动|确保|加快|力争|实现|争取|全面|年内|"
    r"全年|今年|还将|将|要|同时|此外|并|再|完成|启动|推进|做好|抓好|积极)+"
)
# the lead words before a stage word that leads its objects (确保, 加快; not 完成, a stage here)
_STAGE_LEAD = re.compile(  # used with match(s, pos): no ^, which would not match at pos
    r"(?:\s|" + ITEM_NO + r"|(?:19|20)\d{2}\s*年|其中|推动|确保|加快|力争|争取|全面|年内|全年|"
    r"今年|还将|将|要|同时|此外|并|再|推进|积极|计划|预计)+"
)
# the time between a project and its stage: 秋季投入使用, 将于年底前投用, 计划今年上半年开工
_TIME_TAIL = re.compile(
    r"(?:(?:将于|将在|计划|预计|力争|确保|争取|将|要|于|在|今年|年内|年底|年末|上半年|下半年|"
    r"[春夏秋冬]季|(?:19|20)\d{2}\s*年|\d{1,2}\s*月(?:底|份)?|底|末|前|陆续|相继|全面|基本|如期|顺利)\s*)+$"
)
# X改造项目(三期), X设施项目建设: the project's own words after its works
_PROJECT_TAIL = re.compile(r"项目(?=(?:建设)?(?:[（(][^)）]{1,4}[)）])?$)|[（(][^)）]{1,4}[)）]$")
_WORKS_TAIL = re.compile("(?:" + "|".join(W.WORKS_WORDS) + r")$")
_BUILD_HEAD = re.compile(r"^(?:新改扩建|改扩建|新建|建设|扩建|迁建|开通|投用)")
_OBJ_TAIL = re.compile(r"(?:等)?(?:配套)?(?:项目|工程)?(?:等)?$")
# after a tail stage: nothing but 建设/运营/投用 (开工建设, 建成投用 are read whole)
_AFTER_STAGE = re.compile(r"\s*(?:建设|运营|投用|使用|开放|运行)?\s*")


def _valid_object(obj: str) -> bool:
    if len(obj) < 2 or obj in W.GENERIC_OBJECTS:
        return False
    if re.search(r"\d\s*[年月日]|[年月]份?$|^(?:计划|预计|拟|于|在)", obj):
        return False
    if obj.startswith(("一批", "一些", "各类", "多个", "部分", "一系列", "相关", "有关")):
        return False
    if obj.startswith(("全县", "全市", "全区", "全省", "全镇", "全域", "各")):
        return False  # 全县村级活动场所: many places, not a named project
    if any(
        obj.startswith(v) for v in W.COUNT_VERBS + W.PUSH_VERBS + ("实施", "开展", "完善", "加强")
    ):
        return False
    if any(w in obj for w in W.ABSTRACT_OBJECTS + W.BUILDING_PARTS):
        return False
    if re.search(r"投资|\d\s*(?:万|亿)?元|\d\W*$", obj):
        return False  # money, or a number the page cut from its unit (加装电梯200&)
    return not obj.endswith(("工作", "机制", "行动", "改革", "体系", "建设"))


@dataclass
class _Milestone:
    start: int
    end: int
    obj: str
    stage: str


def _stage_at(body: str, pos: int = 0) -> re.Match[str] | None:
    """The first stage word from pos that is not inside a noun (建成区, 启动资金, 开工仪式)."""
    m = STAGE_RE.search(body, pos)
    while m and len(m.group(0)) == 2 and body[m.end() : m.end() + 1] in tuple("区期资仪会"):
        m = STAGE_RE.search(body, m.end())
    return m


def _items(rest: str, lead: bool) -> list[str]:
    """The projects a stage statement names: 七里冲提升泵站、长岭取水口和平林水厂等供水设施 gives
    three (和 splits only the last item of a list of two or more)."""
    if re.search(r"等?一批", rest):
        return []  # 建成台江、仓山等一批社会福利中心: places of a batch, no named project
    parts = [p for p in re.split(r"\s*、\s*", rest) if p.strip()]
    if len(parts) >= 2 and "和" in parts[-1]:
        head, _, tail = parts[-1].partition("和")
        parts[-1:] = [head, tail]
    out = []
    for part in parts:
        item = SPACE.sub("", part).strip('“”"')
        item = _PUSH_LEAD.sub("", item)
        item = re.sub(r"(?:总|计划)?投资[^，,的]{0,14}的", "", item)  # 总投资13.6亿元的X
        item = re.sub(r"等[\u4e00-\u9fff]{0,8}$", "", item)
        item = _TIME_TAIL.sub("", item)
        item = re.sub(r"等[\u4e00-\u9fff]{0,8}$", "", item)
        item = re.sub(f"并(?:{STAGE_RE.pattern})$", "", item)  # 建成X并投入使用
        if lead:
            item = _BUILD_HEAD.sub("", item)
        item = _OBJ_TAIL.sub("", item).strip('“”"')
        out.append(item)
    return out


def milestones(text: str, sent: Sentence, numbered: set[int]) -> list[_Milestone]:
    """Named projects at a stage, one milestone per project, each quoting its statement.

    A statement is a run of clauses joined by 、. Its stage word leads its projects (建成A、B和C;
    完成A、B水厂改扩建 where the run ends in works; 开工新建X), or follows them (A、B等项目开工建设;
    X秋季投入使用); a stage that only follows on a clause of its own (A、B等工程，计划年内开工建设)
    takes the projects of the statement before it. After a leading stage, a clause that is only a
    project and its works (启动A迁建，B扩建) shares the stage. A statement with a counted number
    (启动A、B等23项工程) is a count, not milestones. A run whose clauses are statements of their
    own (推动A开工建设、B在深汕登陆) is read clause by clause."""
    out: list[_Milestone] = []
    clauses = sent.clauses
    state: dict[str, object] = {"carried": None, "previous": None}
    k = 0
    while k < len(clauses):
        j = k
        while j + 1 < len(clauses) and clauses[j].delim == "、":
            j += 1
        chain, k = range(k, j + 1), j + 1
        if any(i in numbered for i in chain):
            state["carried"], state["previous"] = None, None
            continue
        found = _statement(text, clauses[chain[0]], clauses[chain[-1]], state)
        if found is None and len(chain) > 1:
            whole = dict(state)
            found = []
            for i in chain:
                found += _statement(text, clauses[i], clauses[i], state) or []
            if not found:
                state.update(whole)
        out += found or []
    return out


def _statement(
    text: str, first: Clause, last_clause: Clause, state: dict[str, object]
) -> list[_Milestone] | None:
    """The milestones of one statement (clauses first..last_clause), or None when it has no
    stage. `state` carries a leading stage (启动A迁建，B扩建) and the projects of a statement
    without stage (A、B等工程，计划年内开工建设) to the next statement."""
    start, end = quote_start(text, first), last_clause.end
    body = text[start:end]
    subject = SUBJECT_RE.match(body)
    at = subject.end() if subject and subject.end() < len(body.rstrip()) else 0
    lead = _STAGE_LEAD.match(body, at)
    led = lead is not None and lead.end() > at
    at = lead.end() if lead else at
    m = _stage_at(body, at)
    compact = SPACE.sub("", body)
    stage: str | None = None
    items: list[str] = []
    end_at = end
    if m and m.start() == at and not body[m.end() :].strip() and subject:
        # X新院区将投用: what the subject pattern took is the project, the stage ends it
        stage = STAGE[m.group(0)]
        items = _items(body[: subject.end()].rstrip("将要还力争确保 "), lead=False)
        end_at = start + m.end()
        m = None
    elif m and m.start() == at:  # 建成A、B和C; 开工新建X; 启动X建设
        stage, rest = STAGE[m.group(0)], body[m.end() :]
        if stage == "started":
            rest = re.sub(r"建设\s*$", "", rest)
        items = _items(rest, lead=True)
    elif body.startswith("完成", at) and _WORKS_TAIL.search(_PROJECT_TAIL.sub("", compact)):
        # 完成A、B水厂改扩建; 完成X一期工程; 完成X改造项目(三期)
        stage, rest = "completed", _PROJECT_TAIL.sub("", body[at + 2 :].rstrip())
        halves = [re.sub(r"工程$", "", SPACE.sub("", h)) for h in rest.split("和")]
        if len(halves) == 2 and all(_WORKS_TAIL.search(h) for h in halves):
            rest = "、".join(halves)  # 完成A小学新建和B小学迁建工程: two projects
        items = [_WORKS_TAIL.sub("", i) for i in _items(rest, lead=True)]
    elif body.startswith("完成", at) and "和" in body[at:]:
        # 完成A中心改造和全区B信息化升级: only the part that ends in works is a project's stage
        parts = [p for p in body[at + 2 :].split("和") if _WORKS_TAIL.search(SPACE.sub("", p))]
        if parts:
            stage = "completed"
            items = [_WORKS_TAIL.sub("", i) for p in parts for i in _items(p, lead=True)]
    else:
        last = None
        mm = _stage_at(body, at)
        while mm:
            last, mm = mm, _stage_at(body, mm.end())
        run_start = last  # the start of a run of stage words ending the statement (竣工交付使用)
        while run_start is not None:
            before = STAGE_RE.search(body, max(at, run_start.start() - 4), run_start.start())
            if before is None or before.end() != run_start.start():
                break
            run_start = before
        if last and run_start and _AFTER_STAGE.fullmatch(body, last.end()):
            rest = body[at : run_start.start()]
            end_at = start + last.end()
            previous = state["previous"]
            if _TIME_TAIL.sub("", SPACE.sub("", rest)).strip():  # A、B等项目开工建设
                stage = STAGE[last.group(0)]
                items = _items(rest, lead=False)
            elif isinstance(previous, tuple):  # A、B等工程，计划年内开工建设
                stage = STAGE[last.group(0)]
                start, items = previous
    if stage is None:
        own = SPACE.sub("", body[at:])
        carried = state["carried"]
        if (
            isinstance(carried, str)
            and not led
            and _WORKS_TAIL.search(own)
            and not re.search(r"\d\s*[个条所座家项处栋套户]", own)
            and _valid_object(_WORKS_TAIL.sub("", own))
        ):  # 启动A迁建，B扩建
            return [_Milestone(start, end, own, carried)]
        state["carried"] = None
        items = _items(body[at:], lead=False)
        previous = state["previous"]
        if isinstance(previous, tuple) and re.match(r"\s*(?:以及|及|和|还有)", body):
            items = previous[1] + _items(re.sub(r"^\s*(?:以及|及|和|还有)", "", body), False)
            start = previous[0]  # A、B，以及C等工程: one list over a comma
        state["previous"] = (start, items)
        return None
    state["previous"] = None
    state["carried"] = stage if m and m.start() == at else None
    return [
        _Milestone(start, end_at, item, stage)
        for item in items
        if _valid_object(_WORKS_TAIL.sub("", item) or item)
    ]
