"""Reports lead with what matters (issue 14): summary first, attention before achievements,
commitments after measured targets, labels in the reader's language, charts only with records
and with axes, one title, and HTML never dumped on a terminal."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers import BASE, run, write_data

MORE = """
[targets.testville-roads]
report = "testville-2023"
category = "infrastructure"
title = "新建测试道路5条"
kind = "count"
comparator = "at_least"
target = 5
unit = "条"
quote = "新建测试道路5条"

[targets.testville-school]
report = "testville-2023"
category = "schools"
title = "建成测试学校"
kind = "milestone"
target = "completed"
quote = "建成测试学校"

[[targets.testville-school.progress]]
date = 2023-04-01
stage = "completed"
source = "https://example.org/fictional/school"

[targets.testville-pledge]
report = "testville-2023"
category = "parks"
title = "持续提升测试公园品质"
kind = "qualitative"
quote = "持续提升测试公园品质"
"""


def page(tmp_path: Path, *args: str) -> str:
    write_data(tmp_path, BASE + MORE)
    result = run("report", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_markdown_leads_with_counts_then_attention_then_achieved(tmp_path: Path) -> None:
    text = page(tmp_path, "--format", "markdown")
    order = [
        text.index(s)
        for s in (
            "**进度滞后** 1",
            "## 需要关注",
            "新增测试公园10个",
            "## 已实现",
            "建成测试学校",
            "## 测试区",
        )
    ]
    assert order == sorted(order)
    attention = text.split("## 需要关注")[1].split("## 已实现")[0]
    assert "新增测试公园10个" in attention and "建成测试学校" not in attention
    parks = text.split("### 公园绿地")[1].split("###")[0]
    assert parks.index("新增测试公园10个") < parks.index(
        "持续提升测试公园品质"
    )  # commitments after
    commitment = next(line for line in parks.splitlines() if "持续提升测试公园品质" in line)
    assert "now" not in commitment and "现值" not in commitment and "—" in commitment
    assert "尚无评价" in commitment  # no verdict yet


def test_one_title_and_labels_in_the_readers_language(tmp_path: Path) -> None:
    markdown = page(tmp_path, "--format", "markdown", "--lang", "en")
    html = page(tmp_path, "--format", "html", "--lang", "en")
    title = markdown.splitlines()[0].removeprefix("# ")
    assert title == "Work-report pledges: Testville District"
    assert f"<title>{title}</title>" in html and f"<h1>{title}</h1>" in html
    assert "### Infrastructure" in markdown and "### Parks and greenways" in markdown
    chinese = page(tmp_path, "--format", "html")
    assert "<h3>基础设施</h3>" in chinese and "infrastructure" not in chinese.split("<body>")[1]


def test_charts_only_where_there_are_records_with_labelled_axes(tmp_path: Path) -> None:
    html = page(tmp_path, "--format", "html")
    sections = re.findall(r'<section class="target[^"]*" id="([^"]+)">(.*?)</section>', html)
    charted = {name for name, body in sections if "<svg" in body}
    assert charted == {"testville-parks", "testville-school"}  # not the road with no record
    parks = dict(sections)["testville-parks"]
    ticks = re.findall(r'class="tick[^"]*">([^<]+)</text>', parks)
    assert "10" in ticks and "截止 2023-12-31" in ticks and "2023-01-01" in ticks


def test_html_is_refused_on_a_terminal_and_markdown_is_the_default_there(tmp_path: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    write_data(tmp_path, BASE + MORE)
    main, child = pty.openpty()
    env = {**os.environ, "TARGETS_TODAY": "2023-07-01"}
    for args, code, words in (
        (["report"], 0, "# 政府工作报告目标进展"),
        (["report", "--format", "html"], 2, "--output"),
    ):
        process = subprocess.run([sys.executable, "-m", "targets", *args], stdout=child,
                                 stderr=subprocess.PIPE, cwd=tmp_path, env=env, timeout=60)  # fmt: skip
        os.set_blocking(main, False)
        try:
            shown = os.read(main, 1 << 20).decode()
        except BlockingIOError:
            shown = ""
        assert process.returncode == code
        assert words in (shown if code == 0 else process.stderr.decode())
    os.close(main)
    os.close(child)
