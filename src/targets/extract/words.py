"""The domain as data: the words a report uses for comparators, kinds, stages, units, measures
and the cues that tell a plan from a review.

Every table is ordered where order matters (longest or most specific first). The extractor
only reads these tables; to teach it a new habit of the reports, add a row here.
"""

from __future__ import annotations

# --- comparators -------------------------------------------------------------------------

#: words written after the number, and the comparator they give
COMPARATOR_AFTER: tuple[tuple[str, str], ...] = (
    ("以上", "at_least"),
    ("左右", "about"),
    ("以内", "at_most"),
    ("以下", "at_most"),
)

#: words written before the number (possibly with the measure between), longest first
COMPARATOR_BEFORE: tuple[tuple[str, str], ...] = (
    ("不低于", "at_least"),
    ("不少于", "at_least"),
    ("不超过", "at_most"),
    ("不高于", "at_most"),
    ("低于", "at_most"),
    ("控制在", "at_most"),
    ("提升至", "at_least"),
    ("提升到", "at_least"),
    ("提高至", "at_least"),
    ("提高到", "at_least"),
    ("达到", "at_least"),
    ("确保", "at_least"),
    ("突破", "exceed"),
    ("超过", "exceed"),
    ("超", "exceed"),
    ("约", "about"),
)

# --- kinds ---------------------------------------------------------------------------------

#: words that make the change a fall (growth with direction down): 下降3% is a change of -3%
FALL_WORDS: tuple[str, ...] = ("下降", "降低", "降幅", "减少", "回落")

#: words of a fall TO a level (下降到30微克/立方米): a cap on the level, not a change
FALL_TO_WORDS: tuple[str, ...] = (
    "下降到",
    "下降至",
    "降低到",
    "降低至",
    "减少到",
    "减少至",
    "回落到",
    "回落至",
    "减量至",
    "减至",
    "压降至",
    "压缩至",
    "缩减至",
    "缩短至",
    "压减至",
    "压减到",
    "降到",
    "降至",
)

#: measures that are rates or shares: a percentage of them is a level
RATE_WORDS: tuple[str, ...] = ("率", "占比", "比重", "比例", "覆盖", "浓度", "指数")

#: verbs of an amount delivered or added (count), longest first
COUNT_VERBS: tuple[str, ...] = (
    "新开工",
    "新改扩建",
    "新建改造",
    "新增",
    "续建",
    "投建",
    "兴建",
    "新建",
    "建成",
    "建设",
    "改造",
    "引进",
    "培育",
    "开展",
    "实施",
    "完成",
    "创建",
    "打造",
    "办好",
    "扶持",
    "筹集",
    "整备",
    "盘活",
    "惠及",
    "开工",
    "培训",
    "招引",
    "发放",
    "提供",
    "推出",
    "举办",
    "植树",
    "造林",
    "贯通",
    "打通",
    "整修",
    "加装",
    "治理",
    "修复",
    "认定",
    "签约",
    "吸引",
    "带动",
    "帮扶",
    "解决",
    "安置",
    "拆除",
    "拔除",
    "投入",
    "落实",
    "启用",
    "交付",
    "增加",
    "净增",
    "开设",
    "建立",
    "设立",
    "新设",
    "组建",
    "完工",
    "竣工",
    "开通",
    "新改建",
    "改扩建",
    "改建",
    "扩建",
    "修建",
    "铺设",
    "安装",
    "配备",
    "覆盖",
    "招聘",
    "吸纳",
    "救助",
    "资助",
    "硬化",
)

#: verbs of delivery that say the same (a pledge restated with 建设 for 新建 is the same pledge)
SAME_VERBS: tuple[frozenset[str], ...] = (
    frozenset({"新建", "建设", "建成", "投建", "修建", "兴建"}),
)

#: words that reach a level (增加至20余类, 达到35%): without a verb of delivery, a level
TO_LEVEL_WORDS: tuple[str, ...] = (
    "达到",
    "突破",
    "超过",
    "保持在",
    "稳定在",
    "实现",
    "控制在",
    "提升至",
    "提升到",
    "提高至",
    "提高到",
    "增加至",
    "增加到",
    "增至",
    "扩大至",
    "扩大到",
)

#: units of people and households: after 实现 (实现再就业1.8万人) they count those helped
PERSON_UNITS: tuple[str, ...] = ("人", "万人", "人次", "万人次", "户", "万户", "名")

#: measures that are amounts delivered in the year even after 实现/达到 (investment)
FLOW_MEASURES: tuple[str, ...] = ("投资",)

#: aggregates whose bare amount is a level reached (粮食产量1.4兆斤, 地区生产总值3000亿元)
LEVEL_MEASURES: tuple[str, ...] = (
    "产量",
    "产值",
    "生产总值",
    "增加值",
    "总额",
    "总量",
    "收入",
    "规模",
    "营收",
)

# --- milestones ------------------------------------------------------------------------------

#: stage verbs and the stage they reach, longest first
STAGE_WORDS: tuple[tuple[str, str], ...] = (
    ("开门应诊", "completed"),
    ("开工建设", "started"),
    ("交付使用", "completed"),
    ("投入运营", "completed"),
    ("开通运营", "completed"),
    ("建成投用", "completed"),
    ("建成投产", "completed"),
    ("建成启用", "completed"),
    ("竣工运营", "completed"),
    ("竣工投用", "completed"),
    ("通车运营", "completed"),
    ("投入使用", "completed"),
    ("开工", "started"),
    ("开建", "started"),
    ("启动", "started"),
    ("动工", "started"),
    ("竣工", "completed"),
    ("完工", "completed"),
    ("建成", "completed"),
    ("启用", "completed"),
    ("投用", "completed"),
    ("投产", "completed"),
    ("开园", "completed"),
    ("通车", "completed"),
    ("开馆", "completed"),
    ("开业", "completed"),
    ("开诊", "completed"),
    ("成立", "established"),
    ("挂牌", "established"),
)

#: works on a named project written after it (X改扩建, X迁建, X建设, X一期工程): 完成 before
#: such a statement completes the project (完成霞家河水厂改扩建), and a clause that is only
#: "X扩建" after 启动/开工 in the same sentence starts it (启动A迁建，B扩建), longest first
WORKS_WORDS: tuple[str, ...] = (
    "新改扩建",
    "改扩建",
    "迁址新建",
    "迁建",
    "扩建",
    "改建",
    "新建",
    "建设",
    "工程",
    "改造",
)

#: words of a system or a task, not a facility: 完成急救体系一体化建设 is no milestone
ABSTRACT_OBJECTS: tuple[str, ...] = (
    "体系",
    "机制",
    "制度",
    "一体化",
    "能力",
    "水平",
    "规划",
    "治理",
    "整治",
)

#: objects too generic to be a named project
GENERIC_OBJECTS: tuple[str, ...] = (
    "一批",
    "一些",
    "各类",
    "部分",
    "项目",
    "重点项目",
    "工程",
    "建设",
    "工作",
    "行动",
    "机制",
    "改革",
    "试点",
    "体系",
    "平台",
)

# --- direction --------------------------------------------------------------------------------

#: measures where less is better
DOWN_MEASURES: tuple[str, ...] = (
    "居民消费价格",
    "消费价格",
    "CPI",
    "物价",
    "失业率",
    "能耗",
    "碳排放",
    "二氧化碳",
    "排放",
    "PM2.5",
    "细颗粒物",
    "污染",
    "事故",
    "死亡",
    "发病率",
    "负债",
    "债务",
    "拖欠",
)

# --- units ------------------------------------------------------------------------------------

#: units as written, longest first; 万/亿 alone come last (200万大关)
UNITS: tuple[str, ...] = (
    "微克/立方米",
    "μg/m3",
    "μg/m³",
    "毫克/立方米",
    "万㎡",
    "㎡",
    "个百分点",
    "百分点",
    "万亿元",
    "亿美元",
    "万美元",
    "万千瓦时",
    "亿千瓦时",
    "万千瓦",
    "千瓦时",
    "万平方米",
    "平方公里",
    "平方米",
    "万立方米",
    "亿立方米",
    "立方米",
    "万标箱",
    "万吨标准煤",
    "万人次",
    "人次",
    "万户",
    "万人",
    "万套",
    "万亩",
    "万吨",
    "万亿斤",
    "亿斤",
    "万斤",
    "兆斤",
    "万座",
    "万辆",
    "万个",
    "万家",
    "万张",
    "万株",
    "万元",
    "亿元",
    "美元",
    "千瓦",
    "公里",
    "千米",
    "公顷",
    "标箱",
    "根",
    "盏",
    "眼",
    "亿",
    "万",
    "%",
    "％",
    "‰",
    "元",
    "人",
    "户",
    "套",
    "亩",
    "吨",
    "斤",
    "个",
    "家",
    "所",
    "条",
    "座",
    "处",
    "件",
    "项",
    "张",
    "部",
    "台",
    "辆",
    "场",
    "批",
    "名",
    "床",
    "间",
    "栋",
    "幢",
    "米",
    "株",
    "棵",
    "只",
    "头",
    "支",
    "期",
    "班",
    "节",
    "站",
    "亿度",
    "度",
    "倍",
    "天",
    "次",
    "位",
    "类",
    "片",
    "宗",
    "块",
    "种",
    "趟",
    "列",
    "艘",
    "架",
    "本",
    "册",
    "篇",
    "份",
    "单",
    "例",
    "组",
    "队",
    "级",
    "星",
    "起",
    "路",
    "岁",
    "对",
    "村",
)

#: units that say nothing on their own when a Chinese numeral precedes them (一批, 三类 …)
WEAK_CN_UNITS: frozenset[str] = frozenset(
    {"批", "类", "级", "星", "期", "次", "位", "种", "组", "队", "站", "路"}
)

#: nouns that, right after "N个", make the number an enumeration of the text itself
ENUMERATION_NOUNS: tuple[str, ...] = (
    "方面",
    "部分",
    "重点",
    "中心",
    "坚持",
    "统筹",
    "抓手",
    "主线",
    "目标",
    "作为",
    "一流",
    "领域",
    "层次",
    "维度",
    "阶段",
    "环节",
)

#: words right after a number that make it no measure at all (dates, ordinals, names)
NOT_A_MEASURE_AFTER: tuple[str, ...] = (
    "年",
    "月",
    "日",
    "时",
    "号",
    "周年",
    "届",
    "次会议",
    "号线",
    "版",
    "岁",
    "后",
    "分",
    "秒",
    "季度",
    "千伏",
    "兆瓦",
    "MW",
    "G",
    "+",
    "+",
    "·",
    "项目标",
    "路公交",
    "路车",
    "路口",
    "路段",
    "路线",
    "×",
    "人制",
    "部分",
)

#: words right after a Chinese numeral that make it no measure (二部分: parts of a text)
NOT_A_MEASURE_AFTER_CN: tuple[str, ...] = ("部分",)

# --- plan and review --------------------------------------------------------------------------

#: headings and phrases that open the review part
REVIEW_SECTION_CUES: tuple[str, ...] = (
    "工作回顾",
    "过去一年",
    "过去的一年",
    "一年来",
    "过去五年",
    "五年来",
    "执行情况",
    "成绩单",
    "年成绩",
    "回眸",
    "刚刚过去",
    "主要做了",
    "取得了",
    "完成情况",
)

#: words that open a paragraph of a review (这一年，我们…)
REVIEW_OPENERS: tuple[str, ...] = ("这一年", "这五年", "过去的这一年")

#: headings and phrases that open the plan part
PLAN_SECTION_CUES: tuple[str, ...] = (
    "工作安排",
    "预期目标",
    "主要目标",
    "目标任务",
    "工作任务",
    "重点工作",
    "总体要求",
    "展望",
    "今年政府工作",
    "计划(草案)",
    "计划（草案）",
    "这样干",
    "奋勇前进",
    "具体目标",
    "主要任务",
    "未来五年",
    "今后五年",
    "今后一个时期",
    "今年目标",
    "明年目标",
)

#: words that open a list of pledges when a list follows (这10件实事分别为：…), never as a
#: heading or a noun in prose (民生实事全部完成)
PLAN_LIST_CUES: tuple[str, ...] = ("实事",)

#: words of a result already reached: a sentence holding one reviews (顺利开工, 成功组建,
#: 获批, 首次突破, 居全省第3). A plan word in the same sentence (确保顺利, 力争入选) outweighs it.
REVIEW_RESULT_WORDS: tuple[str, ...] = (
    "顺利",
    "成效明显",
    "成效显著",
    "成效突出",
    "获批",
    "获评",
    "荣获",
    "入选",
    "跻身",
    "首次",
    "历史新高",
    "得到有效",
    "得到充分",
    "累计",
    "共计",
    "全省第一",
    "全市第一",
    "全国第一",
    "全区第一",
    "去年",
    "上年",
    "位居",
    "位列",
    "居全国",
    "居全省",
    "居全市",
    "居全区",
    "居全县",
)

#: adverbs and verbs that, ending a clause (X基本完工, X成功组建, 12个项目相继投产达效), tell a
#: state reached; before an object (全面完成X任务) they may plan, so only the clause end counts
RESULT_ADVERBS: tuple[str, ...] = (
    "基本",
    "全面",
    "全部",
    "初步",
    "相继",
    "先后",
    "成功",
    "如期",
    "正式",
)
RESULT_VERBS: tuple[str, ...] = (
    "完成",
    "完工",
    "竣工",
    "建成",
    "开工",
    "投产",
    "投用",
    "建立",
    "形成",
    "组建",
    "落地",
    "实施",
    "开园",
    "开业",
    "启用",
    "投入使用",
)

#: an adverb of how a state changed and the change, ending a clause (社会保障日趋完善,
#: 参保比例稳步提升, 教育改革不断深入): a review's summary. One such clause weighs less than a
#: plan word or a section, since a plan's goals can read so too (生态环境质量持续改善).
STATE_ADVERBS: tuple[str, ...] = (
    "稳步",
    "持续",
    "不断",
    "日趋",
    "日益",
    "更加",
    "明显",
    "显著",
    "有序",
    "稳中有",
    "大幅",
    "逐步",
    "进一步",
    "全面",
)
STATE_VERBS: tuple[str, ...] = (
    "提升",
    "提高",
    "完善",
    "丰富",
    "深入",
    "推进",
    "增强",
    "改善",
    "优化",
    "扩大",
    "健全",
    "壮大",
    "向好",
    "升",
    "加强",
    "彰显",
    "凸显",
)

#: context words: a number governed by them is the size of a portfolio, not a pledge
PORTFOLIO_WORDS: tuple[str, ...] = (
    "总投资",
    "计划投资",
    "估算投资",
    "总规模",
    "安排投资",
    "安排资金",
    "建设资金",
    "投入资金",
    "预计投入",
    "计划投入",
    "计划完成投资",
)

#: units a programme of work is counted in (N件实事, N项工作, N个方面, N大任务)
PROGRAMME_UNITS: tuple[str, ...] = ("件", "项", "个", "大", "批", "条")

#: nouns of a programme of work: N件民生实事, N项重点工作, N个方面工作 give its size, not a pledge
PROGRAMME_NOUNS: tuple[str, ...] = (
    "实事项目",
    "实事",
    "民生",
    "重要事项",
    "重点事项",
    "工作",
    "任务",
    "措施",
    "政策",
    "指标",
    "方面",
    "举措",
    "大事",
)
#: verbs that issue a policy (出台21条措施): the count of its measures is a result, not the
#: size of a programme (落实10项措施)
ISSUE_VERBS_RE = "出台|制定|印发|发布|推出|颁布"

#: verbs of an award received (11项工作获得督查激励): the items counted are a result
AWARD_VERBS_RE = "获得|获评|荣获|入选|受到"

#: nouns of a class whose members a list just named (A、B、C三个资金服务平台, 3大产业): the
#: number before them counts the names, it is no pledge nor result
CLASS_NOUNS: tuple[str, ...] = ("产业", "平台", "行业", "领域", "板块", "集群", "体系", "片区")

PUSH_VERBS: tuple[str, ...] = (
    "推进",
    "推动",
    "加快",
    "谋划",
    "储备",
    "梳理",
    "跟踪",
    "服务",
    "力促",
)

#: words of a project's design or capacity (总建筑面积11万平方米, 设置床位800张, 年产2.2万台):
#: the number describes the project, it is not delivered
SPEC_WORDS: tuple[str, ...] = (
    "全长",
    "总长度",
    "总长",
    "长度",
    "宽度",
    "高度",
    "直径",
    "跨度",
    "总建筑面积",
    "建筑面积",
    "占地面积",
    "占地",
    "设置床位",
    "设计床位",
    "规划床位",
    "编制床位",
    "设计规模",
    "设计能力",
)
SPEC_RATE_WORDS: tuple[str, ...] = ("年产", "日产", "年处理", "日处理", "年加工", "日供水")

#: what a portfolio is doing (等三个项目有序推进, 58个项目进展顺利): in progress, its size is
#: context in a review as in a plan
PORTFOLIO_STATUS: tuple[str, ...] = (
    "有序推进",
    "稳步推进",
    "加快推进",
    "扎实推进",
    "顺利推进",
    "进展顺利",
    "加快建设",
    "正在建设",
    "有序实施",
)

#: parts of a building: a stage of them (建成地基基础和主体框架) is no project's stage
BUILDING_PARTS: tuple[str, ...] = ("主体", "地基", "框架", "结构", "基础工程")

#: units of size (with 万/亿 stripped): 303平方米的综合楼 describes the building
SIZE_UNITS: tuple[str, ...] = (
    "米",
    "平方米",
    "㎡",
    "公里",
    "千米",
    "平方公里",
    "吨",
    "天",
    "千瓦",
    "千瓦时",
    "亩",
    "公顷",
    "立方米",
)

#: nouns of a facility's capacity, when a clause starts with them after the facility
#: (建成养老服务中心，床位不少于150个)
FACILITY_CAPACITY_NOUNS: tuple[str, ...] = ("床位", "座位", "席位", "工位", "泊位", "车位")

#: units of length: a length before 的 is the amount built (200公里的农村公路)
LENGTH_UNITS: tuple[str, ...] = ("公里", "千米", "米", "万米")

#: nouns of capacity: 40个停车位的停车场, 800张床位的医院
CAPACITY_NOUNS: tuple[str, ...] = ("停车位", "车位", "泊位", "床位", "座位", "席位", "工位", "学位")

#: who takes part in a programme (共38家单位参与): the number of agencies is no pledge
PARTICIPANT_NOUNS: tuple[str, ...] = ("单位", "部门", "机构", "代表", "委员")
PARTICIPATION_VERBS: tuple[str, ...] = (
    "参与",
    "参加",
    "牵头",
    "负责",
    "联合",
    "协同",
    "共同",
    "与会",
    "汇聚一堂",
    "出席",
    "列席",
    "参会",
)

#: units of how often (每学年开展1次): with 每 before the number, a frequency, not an amount
FREQUENCY_UNITS: tuple[str, ...] = ("次", "遍", "轮")

#: verbs that set or explain a target (确定经济增长4.5%的预期目标): the number restates it
TARGET_SETTING_VERBS: tuple[str, ...] = ("确定", "设定", "提出", "定为", "安排")

#: verbs that make N个项目 a result to reach (signed, brought in), not a portfolio's size
PROJECT_RESULT_VERBS: tuple[str, ...] = (
    "引进",
    "招引",
    "签约",
    "签订",
    "落地",
    "新开工",
    "开工",
    "竣工",
    "建成",
    "投产",
    "完成",
    "新增",
    "争取",
    "入选",
    "完工",
    "投用",
    "新谋划",
    "新储备",
)
#: verbs that carry a portfolio forward without a stage (建设A等5个项目, 实施项目29项)
PORTFOLIO_VERBS: tuple[str, ...] = ("实施", "建设", "续建", "推进", "推动", "抓好", "加快")

#: words before the share of a plan or target reached (占计划的100%, 完成年度目标的105%)
PLAN_SHARE_WORDS: tuple[str, ...] = (
    "占计划",
    "为计划",
    "完成计划",
    "占年度计划",
    "完成年度计划",
    "为年度计划",
    "占年计划",
    "完成年计划",
    "占目标",
    "完成目标",
    "为目标",
    "完成年度目标",
    "占年度目标",
    "为年度目标",
    "完成任务",
    "完成年度任务",
)

STOCK_WORDS: tuple[str, ...] = ("现有", "累计", "已有", "共有", "目前", "存量", "涉及")

#: words that start a clause and carry no measure (stripped when looking for one)
LEAD_WORDS: tuple[str, ...] = (
    "同时",
    "此外",
    "其中",
    "让",
    "使",
    "另外",
    "并且",
    "并",
    "全年",
    "年内",
    "今年",
    "明年",
    "力争",
    "确保",
    "争取",
    "努力",
    "计划",
    "预计",
    "初步核算",
    "初步统计",
    "经初步核算",
    "全区",
    "全市",
    "全县",
    "全省",
    "全镇",
    "实现",
    "完成",
    "达到",
    "继续",
    "持续",
    "进一步",
    "还将",
    "将",
    "要",
    "再",
    "累计",
    "共",
    "预期",
)

#: trailing words of the measure before the number (stripped from the metric)
METRIC_TAIL_WORDS: tuple[str, ...] = (
    "同比增长",
    "比上年增长",
    "增长",
    "增速",
    "增幅",
    "涨幅",
    "上涨",
    "下降",
    "降低",
    "提升至",
    "提升到",
    "提高至",
    "提高到",
    "提升",
    "提高",
    "达到",
    "保持在",
    "稳定在",
    "控制在",
    "不低于",
    "不少于",
    "不超过",
    "突破",
    "超过",
    "超",
    "完成",
    "实现",
    "达",
    "约",
    "近",
    "为",
    "分别",
    "同比",
    "均",
    "总计",
    "合计",
    "共计",
    "净增",
    "增加",
    "减少",
    "预计",
    "剩余",
    "其余",
)

# --- measures: id words and categories ------------------------------------------------------

#: substrings of a measure -> (a short English word for ids, the category), most specific first.
#: The categories are those of data/targets.toml.
MEASURES: tuple[tuple[str, str, str], ...] = (
    ("一般公共预算收入", "budget-revenue", "growth"),
    ("财政收入", "fiscal-revenue", "growth"),
    ("税收", "tax-revenue", "growth"),
    ("固定资产投资", "investment", "growth"),
    ("工业投资", "industrial-investment", "industry"),
    ("社会消费品零售", "retail", "growth"),
    ("零售", "retail", "growth"),
    ("规上工业增加值", "industrial-output", "industry"),
    ("规模以上工业增加值", "industrial-output", "industry"),
    ("工业增加值", "industrial-output", "industry"),
    ("工业企业增加值", "industrial-output", "industry"),
    ("工业总产值", "industrial-output", "industry"),
    ("金融业增加值", "finance", "industry"),
    ("服务业", "services", "industry"),
    ("农业", "agriculture", "development"),
    ("粮食", "grain", "development"),
    ("生产总值", "gdp", "growth"),
    ("GDP", "gdp", "growth"),
    ("居民消费价格", "cpi", "growth"),
    ("可支配收入", "income", "livelihood"),
    ("居民收入", "income", "livelihood"),
    ("进出口", "trade", "growth"),
    ("外贸", "trade", "growth"),
    ("外资", "foreign-investment", "growth"),
    ("外商投资企业", "foreign-firms", "industry"),
    ("失业率", "unemployment", "employment"),
    ("工作室", "studios", "employment"),
    ("就业", "jobs", "employment"),
    ("创业", "startups", "employment"),
    ("技能培训", "training", "employment"),
    ("职业技能", "training", "employment"),
    ("人才", "talent", "talent"),
    ("高新技术企业", "high-tech-firms", "innovation"),
    ("国高企业", "high-tech-firms", "innovation"),
    ("科技型中小企业", "tech-smes", "innovation"),
    ("专精特新", "specialised-smes", "innovation"),
    ("研发", "rnd", "innovation"),
    ("技术合同", "tech-contracts", "innovation"),
    ("创新平台", "innovation-platforms", "innovation"),
    ("专利", "patents", "innovation"),
    ("上市企业", "listed-firms", "industry"),
    ("商事主体", "businesses", "industry"),
    ("市场主体", "businesses", "industry"),
    ("企业", "firms", "industry"),
    ("项目", "projects", "industry"),
    ("产业", "industry", "industry"),
    ("用地", "land", "industry"),
    ("绿化覆盖率", "green-coverage", "parks"),
    ("绿道", "greenways", "parks"),
    ("碧道", "waterside-trails", "parks"),
    ("口袋公园", "pocket-parks", "parks"),
    ("公园", "parks", "parks"),
    ("森林", "forest", "parks"),
    ("绿地", "green-space", "parks"),
    ("幼儿园", "kindergartens", "schools"),
    ("学位", "school-places", "schools"),
    ("学校", "schools", "schools"),
    ("校园", "schools", "schools"),
    ("托位", "childcare", "livelihood"),
    ("养老", "elderly-care", "livelihood"),
    ("医院", "hospitals", "livelihood"),
    ("社康", "clinics", "livelihood"),
    ("中医馆", "clinics", "livelihood"),
    ("卫生", "health", "livelihood"),
    ("实事", "practical-matters", "livelihood"),
    ("民生", "livelihood", "livelihood"),
    ("公共住房", "public-housing", "housing"),
    ("保障性", "affordable-housing", "housing"),
    ("住房", "housing", "housing"),
    ("住宅", "housing", "housing"),
    ("电梯", "lifts", "housing"),
    ("惠及", "households", "housing"),
    ("老旧", "old-blocks", "urban-renewal"),
    ("城中村", "urban-villages", "urban-renewal"),
    ("棚改", "shantytowns", "urban-renewal"),
    ("违建", "illegal-buildings", "urban-renewal"),
    ("道路", "roads", "infrastructure"),
    ("公路", "roads", "infrastructure"),
    ("号线", "metro", "infrastructure"),
    ("停车", "parking", "infrastructure"),
    ("公交", "bus-stops", "infrastructure"),
    ("海绵城市", "sponge-city", "infrastructure"),
    ("管网", "pipes", "infrastructure"),
    ("充电", "charging", "infrastructure"),
    ("文化", "culture", "culture"),
    ("体育", "sports", "culture"),
    ("旅游", "tourism", "culture"),
    ("垃圾", "waste", "governance"),
    ("智慧", "smart-city", "governance"),
    ("数字", "digital", "innovation"),
    ("能耗", "energy-intensity", "development"),
    ("碳", "carbon", "development"),
    ("空气", "air-quality", "development"),
    ("细颗粒物", "pm25", "development"),
    ("污水", "sewage", "development"),
)

#: the default category when no measure is known
DEFAULT_CATEGORY = "development"

# --- periods ------------------------------------------------------------------------------------

#: period words (without a year) and the month their period ends in
PERIOD_MONTHS: tuple[tuple[str, int], ...] = (
    ("前三季度", 9),
    ("三季度", 9),
    ("上半年", 6),
    ("一季度", 3),
    ("第一季度", 3),
    ("前两个月", 2),
    ("全年", 12),
)
