"""targets.extract through its API: reading, finding targets and outcomes, and the outputs."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from targets.extract import (
    DraftTarget,
    Extraction,
    KnownTarget,
    ReportUnreadable,
    extract,
    extraction_json,
    extraction_toml,
    read_report,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "benchmarks" / "extract" / "dev"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

PLAN = (
    "2024年主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长6%以上，"
    "城镇新增就业2.2万人，居民消费价格涨幅3%左右，城镇调查失业率控制在5.5%以内。"
)


def _one(text: str, plan_year: int | None = 2024) -> DraftTarget:
    found = extract(text, plan_year=plan_year).targets
    assert len(found) == 1, found
    return found[0]


def _assert_verbatim(text: str, x: Extraction) -> None:
    for item in (*x.targets, *x.outcomes):
        assert text[item.start : item.start + len(item.quote)] == item.quote


# --- reading -----------------------------------------------------------------------------------


def test_read_utf8_with_bom_and_gb18030() -> None:
    text = "新建学校3所。"
    assert read_report("\ufeff".encode() + text.encode("utf-8"), "a.txt") == text
    assert read_report(text.encode("gb18030"), "a.txt") == text


def test_read_empty_is_empty() -> None:
    assert read_report(b"", "a.txt") == ""
    assert extract("") == Extraction((), ())


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(256)) * 4, b"\xff\xfe\x00\xd8"]
)
def test_read_binary_is_unreadable(data: bytes) -> None:
    with pytest.raises(ReportUnreadable) as err:
        read_report(data, "report.txt")
    assert isinstance(err.value, ValueError)
    assert "\n" not in str(err.value)


HTML = """<!DOCTYPE html><html><head><title>标题不是正文</title>
<script>document.write("地区生产总值增长99%左右")</script><style>p{color:red}</style></head>
<body><nav><a href="/">首页</a><a href="/a">新闻中心首页链接</a></nav>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 规划计划</div>
<div class="content"><p>2024年主要预期目标是：地区生产总值增长5.5%左右，新建学校3所。</p>
<p>新增公园&nbsp;4个，建设绿道16公里。</p></div>
<div id="footer">版权所有：某某区人民政府 备案号12345678号 联系电话</div>
<script src="x.js"></script></body></html>"""


def test_html_main_text_without_scripts_nav_or_footer() -> None:
    for name in ("page.html", "page"):  # by suffix, and by sniffing
        text = read_report(HTML.encode("utf-8"), name)
        assert "地区生产总值增长5.5%左右" in text
        assert "新增公园 4个" in text
        assert "99%" not in text and "首页" not in text and "版权所有" not in text
        assert "标题不是正文" not in text
    x = extract(read_report(HTML.encode("utf-8"), "page.html"))
    assert sorted(t.target for t in x.targets) == [3, 4, 5.5, 16]


def test_html_in_gbk_with_meta_charset() -> None:
    page = '<html><head><meta charset="gbk"></head><body><p>新建学校3所，新增公园4个。</p></body></html>'
    assert "新建学校3所" in read_report(page.encode("gb18030"), "p.htm")


def test_markdown_and_plain_text_are_not_html() -> None:
    assert read_report("<p>新建学校3所</p>".encode(), "notes.md") == "<p>新建学校3所</p>"


# --- the habits of the reports -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("引进各类人才1万人以上。", "at_least"),
        ("科技型中小企业达到500家。", "at_least"),
        ("粮食产量不低于180万吨。", "at_least"),
        ("城区绿化覆盖率提升至45.3%。", "at_least"),
        ("新增托位440个。", "at_least"),
        ("高新技术企业突破460家。", "exceed"),
        ("外贸进出口总额超过3600亿元。", "exceed"),
        ("地区生产总值增长5%左右。", "about"),
        ("建设停车位约2600个。", "about"),
        ("城镇登记失业率控制在4%以内。", "at_most"),
        ("万元GDP能耗下降3%以下。", "at_most"),
        ("安全生产事故起数不超过12起。", "at_most"),
        ("城镇调查失业率控制在5.5%。", "at_most"),
    ],
)
def test_comparators(text: str, comparator: str) -> None:
    assert _one("2024年，我区将" + text).comparator == comparator


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("地区生产总值增长5%左右。", "growth"),
        ("金融业增加值增速达到6%以上。", "growth"),
        ("居民消费价格涨幅3%左右。", "growth"),
        ("单位地区生产总值能耗下降3%。", "growth"),
        ("研发机构覆盖率提升10个百分点以上。", "growth"),
        ("城区绿化覆盖率提升至45.3%。", "level"),
        ("城镇调查失业率控制在5.5%以内。", "level"),
        ("科技型中小企业达到500家。", "level"),
        ("粮食产量1.4兆斤左右。", "level"),
        ("人口自然增长率控制在7.2‰。", "level"),
        ("新增城镇就业2.2万人。", "count"),
        ("建成口袋公园8个。", "count"),
        ("引进外商投资企业20家。", "count"),
        ("开展补贴性职业技能培训3000人次。", "count"),
        ("实施老旧小区改造120个。", "count"),
        ("每年实现不少于10个偏远村通自来水。", "count"),
        ("用三年时间实现剩余32个村通自来水。", "count"),
        ("将筛查病种范围增加至20余类。", "level"),
    ],
)
def test_kinds(text: str, kind: str) -> None:
    assert _one("2024年，我区将" + text).kind == kind


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("启动双峰山公园改造。", "started"),
        ("推动山东路—鞍山路立交开工建设。", "started"),
        ("确保高端制造产业园竣工运营。", "completed"),
        ("实现青钢片区九年制学校启用。", "completed"),
        ("成立数字经济产业联盟。", "established"),
        ("开工建设区工会大楼。", "started"),
        ("加快启动柏泉全域旅游示范中心建设。", "started"),
        ("完成府河运动天地建设。", "completed"),
        ("推动区妇幼保健院新院开门应诊。", "completed"),
        ("开工新建西环路。", "started"),
        ("完成新安大道一期工程。", "completed"),
        ("加快建成城南物流园。", "completed"),
        ("（6）开工建设城西九年制学校。", "started"),
        ("推进市一医院传染病大楼投入使用。", "completed"),
    ],
)
def test_milestones_with_their_stage(text: str, stage: str) -> None:
    t = _one("2024年，我区将" + text)
    assert (t.kind, t.target, t.unit, t.comparator) == ("milestone", stage, None, None)


def test_milestone_list_gives_one_per_project_and_generic_objects_none() -> None:
    x = extract(
        "2024年，将推动中交海洋商服、北汽商业地块等项目开工建设，建成一批示范单位。", plan_year=2024
    )
    assert sorted(t.metric for t in x.targets) == ["中交海洋商服", "北汽商业地块"]


@pytest.mark.parametrize(
    ("text", "projects"),
    [
        # the stage leads its projects; 和 splits the last item of a list
        ("建成东湖泵站、西山取水口和南林水厂等供水设施。", ["东湖泵站", "西山取水口", "南林水厂"]),
        # 完成 before a run that ends in works completes each project of the run
        ("完成东岭、西岭水厂改扩建。", ["东岭", "西岭水厂"]),
        (
            "完成S211李店至太平段、滨河公路和环库公路建设。",
            ["S211李店至太平段", "滨河公路", "环库公路"],
        ),
        # the stage follows, after a time
        ("确保一中新校区、二中初中部秋季投入使用。", ["一中新校区", "二中初中部"]),
        # a stage on a clause of its own takes the projects of the statement before it
        (
            "县特教学校、县职教中心二期等工程，计划今年上半年开工建设。",
            ["县特教学校", "县职教中心二期"],
        ),
        # after a leading stage, a clause of a project and its works shares the stage
        (
            "启动育才高中、天有高中迁建，职教中心扩建，改造提升新城路。",
            ["育才高中", "天有高中迁建", "职教中心扩建"],
        ),
        # a run of stage words ends the statement; 以及 carries the list over a comma
        ("甲小学、乙中心校等项目，计划今年上半年竣工交付使用。", ["甲小学", "乙中心校"]),
        (
            "县人才公寓、县档案馆二期，以及城南文化站等工程，将于2025年底前陆续完工。",
            ["县人才公寓", "县档案馆二期", "城南文化站"],
        ),
        # 完成A改造和B升级: only the part that ends in works
        ("完成蠡湖街道卫生服务中心改造和全区卫生服务中心信息化升级。", ["蠡湖街道卫生服务中心"]),
        ("总投资13.6亿元的博兴水库将在年内开工建设。", ["博兴水库"]),
    ],
)
def test_stage_statements_give_one_milestone_per_project_quoting_the_statement(
    text: str, projects: list[str]
) -> None:
    full = "2024年，我县将" + text
    x = extract(full, plan_year=2024)
    assert [t.metric for t in x.targets] == projects
    assert all(t.kind == "milestone" for t in x.targets)
    _assert_verbatim(full, x)


@pytest.mark.parametrize(
    "text",
    [
        "启动G220界岭至官桥段、武穴大道西段升级改造、S308道路改建等23项工程。",
        "完成市镇院前急救体系一体化建设。",
        "完成柳湖片区黑臭水体治理。",
        "年内建成地基基础和主体框架。",
        "2019年全县村级活动场所建设等工程，年内完工。",
    ],
)
def test_counted_lists_and_systems_are_no_milestones(text: str) -> None:
    x = extract("2024年，我县将" + text, plan_year=2024)
    assert [t for t in x.targets if t.kind == "milestone"] == []


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("居民消费价格涨幅3%左右。", "down"),
        ("城镇调查失业率5.5%左右。", "down"),
        ("单位GDP能耗下降3%。", "down"),
        ("PM2.5平均浓度下降到30微克/立方米。", "down"),
        ("农村其他垃圾外运减量至80%。", "down"),
        ("地区生产总值增长5%左右。", "up"),
        ("新建学校3所。", "up"),
    ],
)
def test_direction(text: str, direction: str) -> None:
    assert _one("2024年，我区将" + text).direction == direction


@pytest.mark.parametrize(
    ("text", "target", "comparator", "direction", "kind"),
    [
        ("单位GDP能耗下降3%。", -3, "at_most", "down", "growth"),
        ("单位地区生产总值二氧化碳排放下降3.5%以上。", -3.5, "at_most", "down", "growth"),
        ("碳排放强度降低2%左右。", -2, "about", "down", "growth"),
        ("城镇调查失业率5.5%。", 5.5, "at_most", "down", "level"),
        ("PM2.5平均浓度下降到30微克/立方米。", 30, "at_most", "down", "level"),
        ("城镇调查失业率5.5%左右。", 5.5, "about", "down", "level"),
        ("污水集中收集率达到75%以上。", 75, "at_least", "up", "level"),
        ("地区生产总值增长5%左右。", 5, "about", "up", "growth"),
    ],
)
def test_a_decline_pledge_is_a_signed_growth_target(
    text: str, target: float, comparator: str, direction: str, kind: str
) -> None:
    t = _one("2024年，我区将" + text)
    assert (t.target, t.comparator, t.direction, t.kind) == (target, comparator, direction, kind)


def test_comparator_and_direction_always_agree_and_milestones_have_neither() -> None:
    x = extract(PLAN + "启动双峰山公园改造。化解债务50亿元，安全生产事故起数12起。", plan_year=2024)
    for t in x.targets:
        if t.kind == "milestone":
            assert (t.comparator, t.direction) == (None, None)
        elif t.comparator == "at_most":
            assert t.direction == "down"
        elif t.comparator in ("at_least", "exceed"):
            assert t.direction == "up"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("建成两所幼儿园。", 2, "所"),
        ("引进人才一万人。", 1, "万人"),
        ("新建道路十二条。", 12, "条"),
        ("新增城镇就业2.2万人。", 2.2, "万人"),
        ("新建绿道 16 公里。", 16, "公里"),
        ("新增学位2.05万座。", 2.05, "万座"),
        ("集装箱吞吐量达到120万标箱。", 120, "万标箱"),
        ("节约用水300万立方米。", 300, "万立方米"),
        ("新增托位1. 6万个。", 1.6, "万个"),
        ("引进人才1,400人。", 1400, "人"),
        ("新增智慧感知设备3000路。", 3000, "路"),
        ("新建学校１２所。", 12, "所"),
        ("粮食产量1.4兆斤左右。", 1.4, "兆斤"),
    ],
)
def test_numbers_and_units_as_written(text: str, value: float, unit: str) -> None:
    t = _one("2024年，我区将" + text)
    assert (t.target, t.unit) == (value, unit)


def test_lists_give_one_target_each_with_the_shared_qualifier() -> None:
    text = "2024年，一般公共预算收入、固定资产投资分别增长5.5%左右和6%左右，城乡居民人均可支配收入分别增长7%、8%左右。"
    x = extract(text, plan_year=2024)
    assert [(t.target, t.comparator, t.kind) for t in x.targets] == [
        (5.5, "about", "growth"),
        (6, "about", "growth"),
        (7, "about", "growth"),
        (8, "about", "growth"),
    ]
    _assert_verbatim(text, x)
    x = extract("2024年，将新建学校3所、幼儿园2所。", plan_year=2024)
    assert [(t.target, t.unit) for t in x.targets] == [(3, "所"), (2, "所")]


@pytest.mark.parametrize(
    "text",
    [
        "加快推动总投资949.6亿元的103个省市区重点项目建设。",
        "推进10家以上社康机构建设。",
        "全区现有高新技术企业460家。",
        "2024年1月5日，区第七届人民代表大会第二次会议开幕。",
        "打造具有核心竞争力的“3+2+4”现代产业集群。",
        "经济总量居全市第3位。",
        "重点抓好五个方面工作，一是稳增长，二是促转型。",
        "实施“十四五”规划，推动14号线通车。",
        "加快汽车及零部件产业转型。",
        "安排投资5.1亿元，实施重点民生实事18件。",
        "坚定不移做好6个方面工作。",
        "重点做好八项工作。",
        "增速高出全市1.1个百分点。",
        "投资67亿元，实施服务业和工业项目38个。",
        "力争引进投资20亿元的创举医疗集团等一批大项目。",
        "力促25个楼盘加快建设。",
        "推动联六、联十一、东环城等49条国省干线和城市道路建设。",
        "投入建设资金196亿元。",
        "投资2亿元以上，完成东岭水厂改扩建。",
        "投资10亿元，五年内建成学校。",
        "2024年的10件重点民生实事共38家单位参与，预计投入资金2.5亿元，较2023年增长120%。",
        "每学年为中小学生开展1次心理健康测评。",
        "确定经济增长4.5%的预期目标，主要是兼顾需要与可能。",
        "实施亿元以上重点项目120个。",
    ],
)
def test_context_numbers_are_not_targets(text: str) -> None:
    x = extract("2024年，将" + text, plan_year=2024)
    assert [t for t in x.targets if t.kind != "milestone"] == []


def test_a_pledge_stated_twice_is_one_target_at_its_first_statement() -> None:
    text = (
        "新增公共停车位1664个、改造棚户区4490户……2月17日，记者获悉：今年，将新建停车场2个，"
        "新增公共停车位1664个，改造棚户区4490户，新建城市公厕5座，改造城市公厕5座。"
        "将建成510套公租房。投资5300万元建成公租房510套。"
    )
    x = extract(text, plan_year=2023)
    assert [(t.target, t.unit) for t in x.targets] == [
        (1664, "个"),
        (4490, "户"),
        (2, "个"),
        (5, "座"),
        (5, "座"),
        (510, "套"),
    ]
    assert x.targets[0].start == 0


def test_a_milestone_in_a_headline_and_again_in_the_body_is_one() -> None:
    text = (
        "某县两会|妇幼保健院新院区将投用，县一中即将扩建\n"
        "过去五年，新建学校11所。未来五年，该县将强化民生事业。"
        "2022年，将建成县妇幼保健院新院区并投入使用，建成台江、仓山等一批社会福利中心，"
        "实现公办幼儿园占比50%以上。"
    )
    x = extract(text, plan_year=2022)
    assert [(t.kind, t.target) for t in x.targets] == [("milestone", "completed"), ("level", 50)]
    assert x.targets[0].quote == "妇幼保健院新院区将投用"
    assert [o.value for o in x.outcomes] == [11]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("紧盯市环保督察5方面21项问题逐一销项整改。", [21]),
        ("推进2500余公里3460个入河排污口排查溯源和分类整改。", [3460]),
    ],
)
def test_the_number_a_later_count_is_counted_in_is_context(text: str, targets: list[float]) -> None:
    x = extract("2024年，将" + text, plan_year=2024)
    assert [t.target for t in x.targets] == targets


@pytest.mark.parametrize(
    "text",
    [
        "县中医院新区规划设计总建筑面积11.106万平方米，设置床位800张。",
        "引进年产2.2万台旋磁治疗机的医疗设备项目。",
        "建设2023中国自行车巡回赛场馆。",
        "配套日处理400吨的转运中心以及40个停车位的停车场和303平方米的综合楼。",
        "改造翠竹路 长度约740米 宽度约33米。",
        "为困境儿童提供不低于30天的托养照护。",
    ],
)
def test_a_project_s_design_is_no_target(text: str) -> None:
    x = extract("2024年，将" + text, plan_year=2024)
    assert [t for t in x.targets if t.kind != "milestone"] == []


def test_a_number_in_brackets_after_another_annotates_it() -> None:
    x = extract("2024年，将新建森林防火蓄水池1287只(约17190吨)。", plan_year=2024)
    assert [(t.target, t.unit) for t in x.targets] == [(1287, "只")]


def test_a_clause_with_its_own_verb_keeps_its_own_measure() -> None:
    x = extract("2024年，将坚持每月开竣工一批项目，全年新开工77个、竣工63个。", plan_year=2024)
    assert [(t.quote, t.target) for t in x.targets] == [("全年新开工77个", 77), ("竣工63个", 63)]


def test_project_counts_are_results_when_signed_or_built_even_beside_a_portfolio() -> None:
    text = (
        "2023年工作回顾。2023年，实施3000万元以上工业项目75个，总投资101.8亿元。"
        "引进市外服务业项目80个，总投资33.3亿元。"
    )
    assert [o.value for o in extract(text, plan_year=2024).outcomes] == [80]


def test_attribute_sizes_are_not_targets() -> None:
    x = extract("2024年，力争全年引进过百亿元项目2个以上、过30亿元项目5个以上。", plan_year=2024)
    assert [(t.target, t.unit) for t in x.targets] == [(2, "个"), (5, "个")]
    x = extract("2024年，将为12所学校的95间教室安装地暖。", plan_year=2024)
    assert [(t.target, t.unit) for t in x.targets] == [(95, "间")]


REPORT = """政府工作报告
一、2023年工作回顾
2023年，全区地区生产总值达到1200.5亿元，同比增长5.9%；前三季度一般公共预算收入完成96.23亿元，增长29.6%。新增城镇就业2.3万人，完成全年目标。
二、2024年工作安排
2024年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长6%左右，城镇新增就业2.2万人。
"""


def test_review_gives_outcomes_and_plan_gives_targets() -> None:
    x = extract(REPORT)
    assert [(t.target, t.unit) for t in x.targets] == [(5.5, "%"), (6, "%"), (2.2, "万人")]
    assert [(o.value, o.unit) for o in x.outcomes] == [
        (1200.5, "亿元"),
        (5.9, "%"),
        (96.23, "亿元"),
        (29.6, "%"),
        (2.3, "万人"),
    ]
    assert x.outcomes[0].period == "2023"
    assert x.outcomes[0].period_end == dt.date(2023, 12, 31)
    assert x.outcomes[2].period == "前三季度"
    assert x.outcomes[2].period_end == dt.date(2023, 9, 30)
    # the growth quote runs from its measure
    assert x.outcomes[1].quote.startswith("全区地区生产总值")
    _assert_verbatim(REPORT, x)


def test_news_summary_mixing_review_and_plan_by_tense_and_year() -> None:
    text = "去年，全县地区生产总值增长6.1%，已建成学校4所。今年，全县将新建学校3所，力争地区生产总值增长6%左右。"
    x = extract(text, plan_year=2024)
    assert [t.target for t in x.targets] == [3, 6]
    assert [o.value for o in x.outcomes] == [6.1, 4]


def test_an_elided_review_is_followed_by_plan_lines_without_cues() -> None:
    text = (
        "2023年工作回顾\n全区地区生产总值增长5.1%\n新增就业1.2万人\n……\n"
        "新建幼儿园5所\n打通断头路20条\n建成深汕高中园\n……\n"
        "某市人民政府工作报告（2024年1月9日）\n高质量打造韧性城市。新增停车位2万个。"
    )
    x = extract(text, plan_year=2024)
    assert [o.value for o in x.outcomes] == [5.1, 1.2]
    assert [t.target for t in x.targets] == [5, 20, "completed", 2]


def test_a_page_that_goes_on_mid_review_without_heading_reviews() -> None:
    # a second page of a report after ……: no heading, no year; results reached (顺利开工,
    # 成效明显, 居全省第3, 成功组建) make it a review, and the sentences before them follow
    text = (
        "一、2023年工作回顾\n全区地区生产总值增长5.1%。\n……\n"
        "（三）强化项目支撑。实施亿元以上重点项目75个，完成投资110亿元。"
        "招大引强成效明显。实际利用外资2.4亿美元、增长7%，总量居全省第3。"
        "市档案馆顺利开工，11个医联体成功组建。"
    )
    x = extract(text, plan_year=2024)
    assert x.targets == ()
    assert [o.value for o in x.outcomes] == [5.1, 110, 2.4, 7, 11]


def test_a_legend_of_years_splits_each_block_into_a_review_line_and_a_plan_line() -> None:
    # a digest of one item a line: no stops, so no line runs into the next; the legend (2023年
    # 做到了 / 2024年要这么做) says the first line of each topic reviews and the second plans
    text = (
        "部分成绩单\n2023年做到了\n2024年要这么做\n房子\n办结危房翻改建项目30件\n"
        "启动滨湖片区改造。\n票子\n帮扶4.5万人实现再就业\n力争新增就业1.9万人\n"
        "学位\n新增学位3820个\n预计新增幼儿园学位990个、小学学位2160个\n"
    )
    x = extract(text, plan_year=2024)
    assert [o.value for o in x.outcomes] == [30, 4.5, 3820]
    assert [t.target for t in x.targets] == ["started", 1.9, 990, 2160]
    assert all("\n" not in t.quote for t in x.targets)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same number twice in a list: two pledges, each with its own comparator
        (
            "城乡居民人均可支配收入分别增长6%左右和6%以上。",
            [(6, "about", "growth"), (6, "at_least", "growth")],
        ),
        # 均 (each): the measures listed before share the number
        (
            "财政总收入、地方财政收入均增长7%。",
            [(7, "at_least", "growth"), (7, "at_least", "growth")],
        ),
        # a comparator before the first item holds for each; μg/m3 is a unit
        (
            "PM2.5、PM10年均浓度分别低于47μg/m3、61μg/m3。",
            [(47, "at_most", "level"), (61, "at_most", "level")],
        ),
        # people helped after 实现 are counted
        ("力争实现再就业1.8万人。", [(1.8, "at_least", "count")]),
    ],
)
def test_lists_that_share_a_measure_or_a_number(
    text: str, expected: list[tuple[float, str, str]]
) -> None:
    x = extract("2024年主要预期目标：" + text, plan_year=2024)
    assert [(t.target, t.comparator, t.kind) for t in x.targets] == expected


def test_a_news_item_that_turns_to_the_goals_opens_the_plan_part() -> None:
    # 主要预期目标是… far into a sentence of a news item opens the plan part: the sentences
    # after it plan, though the item began with 过去一年
    text = (
        "他指出，过去一年，经济社会发展迈出了坚实步伐。谈到今年发展目标，他说，今年全区主要"
        "预期目标是地区生产总值增长7.5%以上。他强调，要继续打好三大攻坚战；空气质量优良率"
        "达到78%以上。"
    )
    x = extract(text, plan_year=2019)
    assert [t.target for t in x.targets] == [7.5, 78]
    assert x.outcomes == ()


def test_portfolios_thresholds_and_names_in_a_plan_are_context() -> None:
    text = (
        "速览2022年十件民生实事\n2022年重点工作：组织实施省级重点项目500个，年度计划完成投资2150亿元。"
        "建设轨道交通东延线等5个项目。高速公路续建甲至乙等7个项目722公里，"
        "新开工都市圈西环线等3个项目307公里。建设2个养老服务站项目。"
        "建成社区健身路径或3人制篮球场20个，完成超230个50户以上木质房屋连片村寨管网建设。"
    )
    x = extract(text, plan_year=2022)
    assert [(t.target, t.unit) for t in x.targets] == [
        (3, "个"),
        (307, "公里"),
        (2, "个"),
        (20, "个"),
        (230, "个"),
    ]


def test_review_numbers_that_are_context_and_round_levels() -> None:
    text = (
        "2022年工作回顾。地区生产总值564亿元，占计划的100%，同比下降2%。全年投入衔接资金2.4亿元，"
        "实施项目29项。社会消费品零售总额在西部率先突破千亿。人均期望寿命从78.3岁提高到80.3岁。"
    )
    x = extract(text, plan_year=2023)
    assert [(o.value, o.unit) for o in x.outcomes] == [
        (564, "亿元"),
        (-2, "%"),
        (2.4, "亿元"),
        (1, "千亿"),
        (78.3, "岁"),
        (80.3, "岁"),
    ]


def test_thresholds_gaps_to_the_target_and_counts_of_names_in_a_review() -> None:
    text = (
        "过去五年工作回顾。本区生产总值先后跨越两百亿元、三百亿元台阶，预计2011年达到316亿元；"
        "集装箱年吞吐量三次跨越千万标箱，2011年达1030万标箱；辖区市场主体首次超过万户。"
        "2023年上半年，全区实现地区生产总值806亿元，同比增长3.2%，塌目标1.8个百分点；"
        "规模以上工业增加值同比增长10.1%，高于目标2.1个百分点。扎实推进三个“一号工程”，"
        "落实保增长促发展10项措施，出台服务民营经济21条措施，搭建小额贷款、中小企业担保、"
        "自主创新三个资金服务平台。来自全县的160多名代表与会，9项约束性指标全部完成。"
    )
    x = extract(text, plan_year=2024)
    assert [(o.value, o.unit) for o in x.outcomes] == [
        (316, "亿元"),
        (1030, "万标箱"),
        (1, "万户"),
        (806, "亿元"),
        (3.2, "%"),
        (10.1, "%"),
        (21, "条"),
    ]


def test_a_list_of_livelihood_projects_plans_and_holds_ranges_and_capacities() -> None:
    # 确定了 reports a decision (no review); 实事分别为： opens a list of pledges
    text = (
        "旌德讯 近日，该县确定了今年努力办好的为民十件实事。这10件实事分别为：一是启动丁家山"
        "水库引水工程；二是完成县城小学新建和三角城小学迁建工程；三是引入社会资金2亿元，建成1所"
        "九年制学校；四是改扩建城区公交站台10对；五是建成城区养老服务中心并投入运营，床位不少于"
        "150个；六是实现大棚蔬菜700亩、时令蔬菜700亩种植；七是培养400名至500名产业带头人；"
        "每个乡镇不少于2件。"
    )
    x = extract(text, plan_year=2015)
    assert [(t.target, t.kind, t.comparator) for t in x.targets] == [
        ("started", "milestone", None),
        ("completed", "milestone", None),
        ("completed", "milestone", None),
        (1, "count", "at_least"),
        (10, "count", "at_least"),
        ("completed", "milestone", None),
        (700, "count", "at_least"),
        (700, "count", "at_least"),
        (400, "count", "at_least"),
    ]
    assert x.outcomes == ()


def test_review_prose_amounts_effects_and_measures_in_the_clause_before() -> None:
    text = (
        "2010年工作回顾。全县生产总值实现131487万元，同比增长15℅；财政总收入突破亿元大关，实现"
        "11338万元，增长57.7℅。200公里的农村通畅公路建成通车；随着4个小型水库建成投用，将新增"
        "供水保障能力335万立方米。《报告》共分为二部分，1万1千字，出台服务民营经济21条措施。"
    )
    x = extract(text, plan_year=2011)
    assert [(o.value, o.unit) for o in x.outcomes] == [
        (131487, "万元"),
        (15, "℅"),
        (11338, "万元"),
        (57.7, "℅"),
        (200, "公里"),
        (4, "个"),
        (21, "条"),
    ]


@pytest.mark.parametrize(
    ("text", "targets", "outcomes"),
    [
        # 今年将 outweighs the review section 过去一年 opened
        (
            "过去一年，全区新增就业1.1万人。今年将新增就业1.2万人，新建学校5所。",
            [1.2, 5],
            [1.1],
        ),
        # a short heading 今年目标 opens the plan part
        ("去年成绩：新增就业1.1万人。\n今年目标：新增就业1.2万人。", [1.2], [1.1]),
        # the base of a pledged change is no pledge
        ("2024年工作安排。人均预期寿命从76岁提高到78岁。", [78], []),
    ],
)
def test_the_coming_year_and_bases_of_changes(
    text: str, targets: list[float], outcomes: list[float]
) -> None:
    x = extract(text, plan_year=2024)
    assert [t.target for t in x.targets] == targets
    assert [o.value for o in x.outcomes] == outcomes


def test_a_review_page_with_nouns_that_look_like_plan_words() -> None:
    # 这一年，我们 opens a review paragraph; 人才计划 and 预期寿命 are nouns, not plan words;
    # a policy named by its count of measures is still counted; items rewarded are a result
    text = (
        "这一年，我们聚焦用力抓创新。夯实人才支撑，出台激励博士后工作创新发展“12条措施”，"
        "引进高层次人才55名，32人入选国家省市人才计划。人均预期寿命增至82.38岁。"
        "粮食安全等11项工作获得省政府真抓实干督查激励。"
    )
    x = extract(text, plan_year=2023)
    assert x.targets == ()
    assert [o.value for o in x.outcomes] == [12, 55, 32, 82.38, 11]


def test_attendance_at_a_session_is_context() -> None:
    text = (
        "上午9时，本次大会应出席代表354人，出席320人，符合法定人数。大會應到代表230名，實到226名。"
        "全年實現地區生產總值1005.8億元、增長6.1%。"
    )
    x = extract(text, plan_year=2025)
    assert x.targets == ()
    assert [o.value for o in x.outcomes] == [1005.8, 6.1]


def test_places_designs_villages_and_project_lines_in_a_plan() -> None:
    text = (
        "2025年民生实事。在17个乡镇硬化道路10万平方米并安装太阳能路灯1000盏，惠及17个乡镇。"
        "铺设将军大道供热主管网，全长约4.3公里。完成陇城上袁等31村整村推进项目建设。\n"
        "完成城镇老旧小区改造项目(三期)；\n完成丹霞街道雨污分流基础配套设施项目建设；\n"
    )
    x = extract(text, plan_year=2025)
    assert [(t.target, t.unit) for t in x.targets] == [
        (10, "万平方米"),
        (1000, "盏"),
        (31, "村"),
        ("completed", None),
        ("completed", None),
    ]


def test_a_heading_that_names_the_goals_of_a_later_period_plans() -> None:
    text = (
        "过去五年\n人均期望寿命从78.3岁提高到80.3岁。\n今后五年的重点目标\n"
        "地区生产总值突破3000亿元；\n居民人均可支配收入超过5万元。\n"
    )
    x = extract(text, plan_year=2017)
    assert [(t.target, t.comparator) for t in x.targets] == [(3000, "exceed"), (5, "exceed")]


@pytest.mark.parametrize(
    ("text", "targets", "outcomes"),
    [
        # a year that qualifies an object (完工2023年9个续建项目) or a base (较2023年) is no time
        (
            "2024年重点民生实事预计投入资金2.5亿元，较2023年增长120%。完工2023年9个续建项目，"
            "新开工5个老旧小区改造项目。",
            [9, 5],
            [],
        ),
        # a result word in a plan section does not outweigh the section (跟踪服务…获批)
        ("2024年工作安排。跟踪服务2个仿制药获批。", [2], []),
        ("过去一年，新能源项目顺利投产，新增企业12家。", [], [12]),
        # a level reached and its growth, after a verb of result, read as a review
        ("全县实现地区生产总值534.5亿元、增长2.1%，新增企业12家。", [], [534.5, 2.1, 12]),
        # a page of a yearbook: no heading, no year; states summed up at a clause end review
        (
            "举办专场招聘会4场，新增城镇就业2433人。社会保障日趋完善，参保比例稳步提升。",
            [],
            [4, 2433],
        ),
        # 计划总投资 is a portfolio's size, not a plan word; a cue inside prose is no heading
        (
            "2022年工作回顾。面对艰巨繁重的工作任务和挑战，新引进项目8个，计划总投资147.1亿元，"
            "超额完成全年目标任务。",
            [],
            [8],
        ),
    ],
)
def test_years_and_result_words_vote_for_review_or_plan(
    text: str, targets: list[float], outcomes: list[float]
) -> None:
    x = extract(text, plan_year=2024)
    assert [t.target for t in x.targets if t.kind != "milestone"] == targets
    assert [o.value for o in x.outcomes] == outcomes


def test_review_context_is_no_outcome() -> None:
    text = (
        "2023年工作回顾。2023年，137个市重点项目完成投资236.8亿元，"
        "实施总投资166.25亿元的37个项目，新谋划重点项目630个、总投资1280亿元，"
        "加快推进38项重点工作落实，规模以上工业增加值增长9.1%、高出全市1.1个百分点，"
        "为12所学校的95间教室安装地暖。"
    )
    x = extract(text, plan_year=2024)
    assert [(o.value, o.unit) for o in x.outcomes] == [
        (236.8, "亿元"),
        (630, "个"),
        (9.1, "%"),
        (95, "间"),
    ]


@pytest.mark.parametrize(
    ("text", "outcomes"),
    [
        # a threshold passed restates the level before it; alone it is the figure
        ("地区生产总值完成602.5亿元，首次突破600亿元大关，同比增长5.5%。", [602.5, 5.5]),
        ("规上工业总产值突破1000亿元大关。", [1000]),
        # a specification in a name, an article, a name with numerals, a duration
        ("漳电2×100万千瓦等12个项目相继投产达效。", [12]),
        ("“蓝天”成为一张靓丽的城市名片，政务服务一张网实现全覆盖，新建一所学校。", [1]),
        ("打好打赢三个十天硬仗，仅用5天实现清零，空气优良天数达到300天。", [300]),
        ("举办文化活动和体育赛事百余场，全县80个投资过千万元的重点项目全部开工建设。", [100, 80]),
        (
            "普惠率超过89%，这两项指标均提前超额完成。年内共计完工中小学校30所，完成率全省第一。",
            [89, 30],
        ),
        ("将糖尿病用药纳入医保报销范围，2155名患者受益。社会保障日趋完善。", [2155]),
        # a gap to another government, the class of the projects counted, a programme's items
        ("地区生产总值增长8.5%，超过全省0.4个百分点。", [8.5]),
        ("纳百川汽车动力等17个20亿元以上重大项目签约落地。", [17]),
        ("去年政府工作报告提出的100件重要事项得到有效落实，办理服务事项1449件。", [1449]),
        # a portfolio in progress, projects carried over, the peers of a rank
        ("省人民医院分院等三个医疗项目有序推进，建成社区食堂33家。", [33]),
        ("今年续建项目13项，目前已全面复工。", []),
        ("总量在全省91个县(市)中继续排名第一，新增汽车充电桩2365根。", [2365]),
        ("共签订合同项目20个，计划总投资252.6亿元。", [20]),
    ],
)
def test_review_numbers_that_are_no_results(text: str, outcomes: list[float]) -> None:
    x = extract("2023年工作回顾。2023年，" + text, plan_year=2024)
    assert [o.value for o in x.outcomes] == outcomes


def test_a_number_cut_from_what_it_counts_is_dropped() -> None:
    x = extract("2023年工作回顾。2023年，完成投资236.8亿元，137个，新增企业5家。", plan_year=2024)
    assert [o.value for o in x.outcomes] == [236.8, 5]


def test_a_fall_is_a_negative_outcome() -> None:
    x = extract("2023年工作回顾。2023年，一般公共预算收入4.08亿元、下降9%。", plan_year=2024)
    assert [o.value for o in x.outcomes] == [4.08, -9]


def test_outcomes_match_known_targets_of_the_same_measure_and_unit_family() -> None:
    known = [
        KnownTarget(
            "qx-gdp", "地区生产总值增长5%左右", "地区生产总值增长5%左右", "growth", "%", "growth"
        ),
        KnownTarget(
            "qx-jobs", "城镇新增就业2万人", "城镇新增就业2万人", "count", "万人", "employment"
        ),
        KnownTarget("qx-park", "启动公园改造", None, "milestone", None, "parks"),
    ]
    x = extract(REPORT, known=known)
    by_value = {o.value: o.matches for o in x.outcomes}
    assert by_value[5.9] == ("qx-gdp",)
    assert by_value[2.3] == ("qx-jobs",)
    assert by_value[1200.5] == ()  # 亿元 is not the unit of either


def test_traditional_characters_read_as_simplified_and_quoted_as_written() -> None:
    text = (
        "2018年工作回顧。2018年，區屬地區生產總值達到379.95億元、增長9.3%。"
        "代區長在報告中提出了2019年主要預期目標：區屬地區生產總值增長9%，"
        "城鎮登記失業率控制在4%以內，新建學校３所。"
    )
    x = extract(text)
    assert [(t.target, t.unit, t.kind, t.comparator) for t in x.targets] == [
        (9, "%", "growth", "at_least"),
        (4, "%", "level", "at_most"),
        (3, "所", "count", "at_least"),
    ]
    assert x.targets[1].quote == "城鎮登記失業率控制在4%以內"
    assert x.targets[1].direction == "down"
    assert x.targets[2].quote == "新建學校３所"
    assert [(o.value, o.unit) for o in x.outcomes] == [(379.95, "億元"), (9.3, "%")]
    assert x.outcomes[0].metric == "区属地区生产总值"
    _assert_verbatim(text, x)


def test_pinyin_glosses_of_a_converted_page_are_read_through_and_quoted_as_written() -> None:
    text = (
        "預(yù)期目標是:地區(qū)生產(chǎn)總值增長13%,;城鎮(zhèn)登記失業(yè)率控制在4.3%以內(nèi);"
    )
    x = extract(text, plan_year=2010)
    assert [(t.target, t.kind, t.comparator) for t in x.targets] == [
        (13, "growth", "at_least"),
        (4.3, "level", "at_most"),
    ]
    assert x.targets[0].quote == "地區(qū)生產(chǎn)總值增長13%"
    assert x.targets[1].title == "城鎮登記失業率控制在4.3%以內"
    _assert_verbatim(text, x)


# --- ids, titles, categories ----------------------------------------------------------------------


def test_ids_are_unique_slugs_not_colliding_with_known() -> None:
    known = [KnownTarget("qx-growth-gdp", "x", None, "growth", "%", "growth")]
    text = "2024年，地区生产总值增长5%左右，新建公园3个，新建公园4个，新建学校2所。"
    x = extract(text, known=known, plan_year=2024, id_prefix="QX ")
    ids = [t.id for t in x.targets]
    assert len(set(ids)) == len(ids)
    assert all(SLUG.match(i) for i in ids)
    assert "qx-growth-gdp" not in ids
    assert ids[0] == "qx-growth-gdp-2"
    assert [t.category for t in x.targets] == ["growth", "parks", "parks", "schools"]
    assert x.targets[1].title == "新建公园3个"
    assert all(0 < t.confidence <= 1 for t in x.targets)


# --- hostile input ------------------------------------------------------------------------------


def test_no_punctuation_huge_numbers_and_control_characters() -> None:
    text = "新增公园 12 个 新建绿道 16 公里\n地区生产总值增长99999999999999999999999%左右\x00\x1b[31m新建学校3所"
    x = extract(text, plan_year=2024)
    assert [t.target for t in x.targets] == [12, 16, float(99999999999999999999999), 3]
    _assert_verbatim(text, x)
    json.dumps(extraction_json(x), allow_nan=False)
    tomllib.loads(extraction_toml(x, "r"))


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet="新建增长学校所个万人%左右以上，。、；：\n 0123456789.两十一二年将已同比“”",
        max_size=120,
    )
)
def test_every_quote_is_verbatim_at_its_offset(text: str) -> None:
    x = extract(text)
    _assert_verbatim(text, x)
    for t in x.targets:
        assert SLUG.match(t.id)


def test_twenty_thousand_characters_in_under_a_second() -> None:
    # sixty reports whose numbers differ (a pledge stated twice is one target)
    text = "".join(re.sub(r"\d+(?=\.\d)", str(i + 1), REPORT) for i in range(60))[:20000]
    extract(text[:100])  # warm the lazy imports
    t0 = time.perf_counter()
    x = extract(text)
    assert time.perf_counter() - t0 < 1.0
    assert len(x.targets) > 50


# --- outputs --------------------------------------------------------------------------------------


def test_json_fields_are_stable_and_json_ready() -> None:
    data = extraction_json(extract(REPORT))
    assert set(data) == {"targets", "outcomes"}
    assert list(data["targets"][0]) == [
        "quote", "start", "metric", "kind", "comparator", "target", "unit", "direction",
        "id", "title", "category", "confidence",
    ]  # fmt: skip
    assert list(data["outcomes"][0]) == [
        "quote", "start", "metric", "value", "unit", "period", "period_end", "matches",
    ]  # fmt: skip
    assert data["outcomes"][0]["period_end"] == "2023-12-31"
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


HOSTILE = '2024年，将新建"学校\\3所"""，新增公园\x074个\r\n新建\x7f道路\ud8005条。2023年工作回顾。2023年，地区生产总值增长5.9%"""\\n。'


def test_toml_output_parses_and_holds_the_drafts_even_for_hostile_text() -> None:
    known = [KnownTarget("r-gdp", "地区生产总值增长5%左右", None, "growth", "%", "growth")]
    x = extract(HOSTILE, known=known, plan_year=2024, id_prefix="r")
    assert x.targets and x.outcomes
    out = extraction_toml(x, 'rep"ort', published="2024-01-09", source='https://x/"a b"')
    data = tomllib.loads(out)
    tables = data["targets"]
    assert list(tables) == [t.id for t in x.targets]
    for t in x.targets:
        table = tables[t.id]
        assert list(table)[:5] == ["report", "category", "title", "kind", "comparator"]
        assert table["report"] == 'rep"ort'
        assert table["target"] == t.target
        assert table["quote"] == t.quote.replace("\ud800", "\ufffd")
    mark = [line for line in out.splitlines() if line.startswith("# targets mark")]
    assert mark and "r-gdp 5.9 --date 2023-12-31 --published 2024-01-09" in mark[0]
    assert "「" in mark[0]


def test_toml_milestone_keys_and_no_report() -> None:
    x = extract("2024年，将成立数字经济产业联盟，启动双峰山公园改造。", plan_year=2024)
    data = tomllib.loads(extraction_toml(x, None))
    tables = list(data["targets"].values())
    assert "report" not in tables[0]
    assert tables[0]["target"] == "established"
    assert tables[0]["stages"] == ["planned", "established"]
    assert tables[1] == {
        "category": tables[1]["category"],
        "title": "启动双峰山公园改造",
        "kind": "milestone",
        "target": "started",
        "quote": "启动双峰山公园改造",
    }


SEED = ROOT / "data" / "sources" / "guanhai-2023-01-qingdao-district-reports.txt"


def test_toml_drafts_of_the_seed_article_hold_only_keys_and_types_the_data_file_accepts() -> None:
    from targets.domain.fields import TARGET_FIELDS
    from targets.domain.model import DEFAULT_STAGES
    from targets.domain.vocab import Comparator, Direction, Kind

    x = extract(read_report(SEED.read_bytes(), SEED.name))
    tables = tomllib.loads(extraction_toml(x, report="licang-2023"))["targets"]
    assert len(tables) == len(x.targets) >= 10
    assert {t["kind"] for t in tables.values()} >= {"count", "growth", "milestone"}
    for tid, table in tables.items():
        assert SLUG.match(tid)
        assert set(table) <= set(TARGET_FIELDS), set(table) - set(TARGET_FIELDS)
        assert "start" not in table  # a date key of a target, never a character offset
        assert table["report"] == "licang-2023"
        for key in ("category", "title", "quote"):
            assert isinstance(table[key], str) and table[key]
        assert SLUG.match(table["category"])
        assert table["kind"] in {k.value for k in Kind}
        if table["kind"] == "milestone":
            assert "comparator" not in table and "direction" not in table and "unit" not in table
            stages = table.get("stages", list(DEFAULT_STAGES))
            assert isinstance(table["target"], str) and table["target"] in stages
        else:
            assert table["comparator"] in {c.value for c in Comparator}
            assert table["direction"] in {d.value for d in Direction}
            target = table["target"]
            assert isinstance(target, (int, float)) and not isinstance(target, bool)
            assert isinstance(table["unit"], str) and table["unit"]


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_drafts_of_the_seed_article_go_into_the_shipped_data_with_add(
    shipped_copy: Path, fmt: str
) -> None:
    from tests.helpers import run

    drafts = shipped_copy.parent / f"drafts.{fmt}"
    x = extract(read_report(SEED.read_bytes(), SEED.name), id_prefix="draft")
    out = (
        extraction_toml(x, report=None)
        if fmt == "toml"
        else json.dumps(extraction_json(x), ensure_ascii=False)
    )
    drafts.write_text(out, encoding="utf-8")
    result = run("add", "--from", str(drafts), "--report", "licang-2023", "-f", str(shipped_copy))
    assert result.exit_code == 0, result.output
    added = tomllib.loads(shipped_copy.read_text(encoding="utf-8"))["targets"]
    assert all(t.id in added for t in x.targets)


# --- lean imports and the dev set ------------------------------------------------------------------


def test_the_cli_does_not_import_extract_and_extract_loads_cn2an_only_when_needed() -> None:
    code = (
        "import sys, targets.cli; a = 'targets.extract' in sys.modules;"
        "from targets.extract import extract; extract('将新建学校3所。');"
        "b = 'cn2an' in sys.modules; extract('将新建道路十二条。'); c = 'cn2an' in sys.modules;"
        "print(a, b, c, 'targets.extract.html' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "True", "False"]


def test_dev_set_quality_holds() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import extract_quality
    finally:
        sys.path.pop(0)
    tallies = extract_quality.collect(DEV)
    t, o = tallies["targets"], tallies["outcomes"]
    assert t.matched / t.extracted >= 0.85 and t.matched / t.labelled >= 0.85
    assert o.matched / o.extracted >= 0.80 and o.matched / o.labelled >= 0.80
    assert t.kind_ok / t.matched >= 0.8 and t.comparator_ok / t.measured >= 0.9
    assert t.not_verbatim == o.not_verbatim == 0
