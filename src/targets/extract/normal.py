"""One text for the rules to read: traditional characters to simplified, full-width digits and
Latin letters to ASCII, and pinyin glosses that some converted pages print after characters
(地區(qū)生產(chǎn)總值) left out.

The extractor's tables are written in simplified characters. A report printed in traditional
characters (區屬地區生產總值增長9%, 城鎮登記失業率控制在4%以內, 億元) is matched through
`normalise`, which maps one character to one character, so every offset found in the normalised
text is the same offset in the original: quotes are always cut from the original text. Where
glosses are dropped, `reading_text` also gives, for each character it keeps, its offset in the
original, to map offsets back.

The table holds the traditional characters whose simplified form occurs in the extractor's
vocabulary, its development texts or the shipped data (about 500 pairs). It was derived from
OpenCC's TSCharacters.txt (Apache License 2.0, https://github.com/BYVoid/OpenCC), taking each
character's first simplified form and leaving out characters that simplified text also uses
with another meaning (著 as in 显著, 乾, 瞭, 藉, 徵, 夥).
"""

from __future__ import annotations

import re
from functools import lru_cache

# fmt: off
_HANT = (
    "並佈佔併來侷係個們倖偉側傘備傢傳債價儀億優儲兒內兩冊凈別剋剛創劃劉動務勞勢區協厤"
    "厲參員唸問啓啟單噸噹嚮嚴囑國圍園圓圖團執堅報場塊塵壓壯奮嬰學實審寫寬寶將專對導屆"
    "層屬峯島崗嵗帶幫幹庫廕廠廣張強彆後徑從復徹態慶憲應懞懷戰戶掛揚換揮撐擊擔擬擴敎數"
    "斷於旂旣昇時晝暢曆曉曏書會朮東査桿條棗棟業極榦榮構樓標樣樹橋機檢檯權歐歲歷氣氫汙"
    "決沖況泝淨減測準滄滿漢漲潔潛濃濛濟濱瀏瀾為無熱營爭爲牀牽獨獲獻現環產産畝異當痠療"
    "癥發盃監盤眞眾睏矇確碼礎礙礪稅種稱穀積穩穫競箇節範築簽籌籤粵糧糰約紅納紓級紮細終"
    "組結絡給統絲經綜綠綫維網綿緊緑線編縣縱總績織繞繫繼續纍纔羅羣義習聖聞聯聰聲職聽脩"
    "臨臺與興舉舊舖舘艦莊菓華萬葯蓆蓋蔘蔭藍藝藥處號衆術衕衚衛衝裏補裝裡製複覈見規親覺"
    "覽觀計訊訓託記設註評試話誌認誤說説調請謀講謝識譜議護變讓負財貢貫責費貼貿資賦質賴"
    "賽趨蹤躍車軌軍軸較載輕輛輪輯輸轉辦農迴逕這連週進遊運過達違遞遠遡遶選遺遷邁還郵鄉鄖"
    "醫釋釦鈡鉅鉆銳鋪鋭鋼錨錯錶鍵鍾鎖鎭鎮鏈鐘鐵鑽長門開間閤闆闊闖關陝陞陳陸陽隊階際險"
    "隻雙雜離難雲電鞏韆韌響頃項預領頭顆題額願類顧顯風颱飛養餘館馳驄驗體髮鬆鬍鬥鵬鹹鹼"
    "麗麪麫麵點黨齊齣龍"
)
_HANS = (
    "并布占并来局系个们幸伟侧伞备家传债价仪亿优储儿内两册净别克刚创划刘动务劳势区协历"
    "厉参员念问启启单吨当向严嘱国围园圆图团执坚报场块尘压壮奋婴学实审写宽宝将专对导届"
    "层属峰岛岗岁带帮干库荫厂广张强别后径从复彻态庆宪应蒙怀战户挂扬换挥撑击担拟扩教数"
    "断于旗既升时昼畅历晓向书会术东查杆条枣栋业极干荣构楼标样树桥机检台权欧岁历气氢污"
    "决冲况溯净减测准沧满汉涨洁潜浓蒙济滨浏澜为无热营争为床牵独获献现环产产亩异当酸疗"
    "症发杯监盘真众困蒙确码础碍砺税种称谷积稳获竞个节范筑签筹签粤粮团约红纳纾级扎细终"
    "组结络给统丝经综绿线维网绵紧绿线编县纵总绩织绕系继续累才罗群义习圣闻联聪声职听修"
    "临台与兴举旧铺馆舰庄果华万药席盖参荫蓝艺药处号众术同胡卫冲里补装里制复核见规亲觉"
    "览观计讯训托记设注评试话志认误说说调请谋讲谢识谱议护变让负财贡贯责费贴贸资赋质赖"
    "赛趋踪跃车轨军轴较载轻辆轮辑输转办农回径这连周进游运过达违递远溯绕选遗迁迈还邮乡郧"
    "医释扣钟巨钻锐铺锐钢锚错表键钟锁镇镇链钟铁钻长门开间合板阔闯关陕升陈陆阳队阶际险"
    "只双杂离难云电巩千韧响顷项预领头颗题额愿类顾显风台飞养余馆驰骢验体发松胡斗鹏咸碱"
    "丽面面面点党齐出龙"
)
# fmt: on

_FULL_WIDTH = "".join(chr(c) for c in range(0xFF10, 0xFF1A)) + "".join(
    chr(c) for c in (*range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
)
_ASCII = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=1)
def _table() -> dict[int, int]:
    # ℅ (care of) is printed for % by some pages (增长15℅)
    return str.maketrans(_HANT + _FULL_WIDTH + "％．℅", _HANS + _ASCII + "%.%")


def normalise(text: str) -> str:
    """The text with traditional characters simplified and full-width digits and letters made
    ASCII: one character for one, so offsets and length are unchanged."""
    return text.translate(_table())


_GLOSS = re.compile(
    r"(?<=[\u3400-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)"
)


def without_glosses(text: str) -> str:
    """The text without pinyin glosses in brackets after characters: 地區(qū) is 地區."""
    return _GLOSS.sub("", text)


def reading_text(text: str) -> tuple[str, list[int] | None]:
    """The text the rules read, and the original offset of each of its characters (None when
    every character stays where it is)."""
    glosses = list(_GLOSS.finditer(text))
    if not glosses:
        return normalise(text), None
    kept: list[int] = []
    at = 0
    for g in glosses:
        kept.extend(range(at, g.start()))
        at = g.end()
    kept.extend(range(at, len(text)))
    return normalise("".join(text[i] for i in kept)), kept
