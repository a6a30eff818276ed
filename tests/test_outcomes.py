"""Judging real outcomes (issue 10), through the CLI: direction, two dates on a record, as-of
everywhere, `evaluated_on`, verdict history, and what `mark` says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import BASE, run, write_data

RATES = (
    BASE
    + """
[targets.testville-revenue]
report = "testville-2023"
category = "growth"
title = "一般公共预算收入增长6%左右"
kind = "growth"
comparator = "about"
direction = "up"
target = 6
unit = "%"
quote = "一般公共预算收入增长6%左右"

[[targets.testville-revenue.progress]]
date = 2023-12-31
published = 2024-01-09
value = 29.6
source = "fictional"

[targets.testville-prices]
report = "testville-2023"
category = "growth"
title = "居民消费价格涨幅3%左右"
kind = "growth"
comparator = "about"
direction = "down"
target = 3
unit = "%"
quote = "居民消费价格涨幅3%左右"

[[targets.testville-prices.progress]]
date = 2023-12-31
published = 2024-01-09
value = 3.5
source = "fictional"
"""
)


def rows(*args: str) -> dict[str, dict[str, object]]:
    result = run("list", "--format", "json", *args, env={"TARGETS_TODAY": "2024-06-30"})
    assert result.exit_code == 0, result.stderr
    return {r["id"]: r for r in json.loads(result.stdout)}


def test_about_leans_with_the_direction_and_rows_say_by_how_much(tmp_path: Path) -> None:
    write_data(tmp_path, RATES)
    found = rows("--as-of", "2024-06-30")
    revenue, prices = found["testville-revenue"], found["testville-prices"]
    assert (revenue["status"], revenue["direction"], revenue["margin"]) == ("achieved", "up", 23.6)
    assert (prices["status"], prices["direction"], prices["margin"]) == ("missed", "down", 0.5)
    assert revenue["published"] == "2024-01-09" and revenue["as_of"] == "2023-12-31"
    assert revenue["evaluated_on"] == "2024-06-30"
    assert found["testville-parks"]["direction"] == "up"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            'comparator = "at_least"\ndirection = "down"\ntarget = 6',
            '"at_least" means more is better',
        ),
        ('comparator = "exceed"\ndirection = "down"\ntarget = 6', '"exceed" means more is better'),
        ('comparator = "at_most"\ndirection = "up"\ntarget = 6', 'at_most" means less is better'),
        ("published", "published 2024-01-09, before the day it reports"),
    ],
)
def test_check_refuses_contradictions(tmp_path: Path, change: str, words: str) -> None:
    text = RATES.replace('comparator = "about"\ndirection = "up"\ntarget = 6', change)
    if change == "published":
        text = RATES.replace("date = 2023-12-31\npublished = 2024-01-09\nvalue = 29.6",
                             "date = 2024-02-01\npublished = 2024-01-09\nvalue = 29.6")  # fmt: skip
    write_data(tmp_path, text)
    result = run("check", env={"TARGETS_TODAY": "2024-06-30"})
    assert result.exit_code == 1
    assert words in result.stdout, result.stdout


def test_mark_takes_both_dates_and_refuses_publication_before_the_fact(tmp_path: Path) -> None:
    data = write_data(tmp_path, BASE)
    env = {"TARGETS_TODAY": "2024-03-01"}
    early = run("mark", "testville-parks", "12", "--date", "2023-12-31", "--published", "2023-12-30",
                "--source", "s", env=env)  # fmt: skip
    assert early.exit_code == 2 and "before the day the value describes" in early.stderr
    done = run("mark", "testville-parks", "12", "--date", "2023-12-31", "--published", "2024-01-09",
               "--source", "s", env=env)  # fmt: skip
    assert done.exit_code == 0, done.stderr
    assert "date = 2023-12-31\npublished = 2024-01-09\nvalue = 12" in data.read_text(
        encoding="utf-8"
    )
    shown = json.loads(run("show", "testville-parks", env=env).stdout)
    assert shown["status"] == "achieved"  # dated the year's last day: on time
    assert shown["records"][-1]["published"] == "2024-01-09"


def test_mark_says_the_status_on_the_records_day_and_today(tmp_path: Path) -> None:
    write_data(tmp_path, BASE)
    result = run("mark", "testville-parks", "5", "--date", "2023-06-30", "--source", "s",
                 env={"TARGETS_TODAY": "2024-03-01"})  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout == (
        "testville-parks: 5 个 as of 2023-06-30: on_track, 50% done, pace 50% on 2023-06-30; "
        "missed today (2024-03-01)\n"
    )


def test_as_of_means_as_of_in_reports_and_exports(tmp_path: Path) -> None:
    write_data(tmp_path, RATES)
    env = {"TARGETS_TODAY": "2024-06-30"}
    exported = json.loads(
        run("export", "--format", "json", "--output", "-", "--as-of", "2023-06-30", env=env).stdout
    )
    revenue = next(t for t in exported["targets"] if t["id"] == "testville-revenue")
    assert revenue["records"] == [] and revenue["status"] == "not_started"
    assert exported["evaluated_on"] == "2023-06-30"
    report = run("report", "--format", "markdown", "--as-of", "2023-06-30", env=env).stdout
    assert "29.6" not in report and "2023-06-30" in report
    later = run("report", "--format", "markdown", env=env).stdout
    assert "29.6" in later
    status = json.loads(run("status", "--format", "json", "--as-of", "2023-06-30", env=env).stdout)
    assert status["evaluated_on"] == "2023-06-30" and "as_of" not in status


OLD_VERDICT = (
    BASE
    + """
[targets.testville-pledge]
report = "testville-2023"
category = "livelihood"
title = "办好测试实事"
kind = "qualitative"
quote = "办好测试实事"
verdict = "broken"
verdict_note = "an older file's verdict"
verdict_source = "fictional"
"""
)


def test_an_older_files_single_verdict_loads_and_keeps_its_place_in_history(tmp_path: Path) -> None:
    data = write_data(tmp_path, OLD_VERDICT)
    shown = json.loads(run("show", "testville-pledge").stdout)
    assert shown["verdict"] == "broken" and shown["verdict_note"] == "an older file's verdict"
    assert (
        run(
            "verdict", "testville-pledge", "kept", "--date", "2023-06-01", "--source", "s"
        ).exit_code
        == 0
    )
    shown = json.loads(run("show", "testville-pledge").stdout)
    assert [v["verdict"] for v in shown["verdicts"]] == ["broken", "kept"] and shown[
        "verdict"
    ] == "kept"
    assert run("verdict", "testville-pledge", "--clear").exit_code == 0  # the dated one goes
    assert json.loads(run("show", "testville-pledge").stdout)["verdict"] == "broken"
    cleared = run("verdict", "testville-pledge", "--clear")  # then the old single keys
    assert cleared.exit_code == 0 and "verdict = broken" in cleared.stdout
    assert "verdict" not in data.read_text(encoding="utf-8").split("[targets.testville-pledge]")[1]


def test_show_says_no_verdict_yet_for_a_qualitative_target(tmp_path: Path) -> None:
    write_data(
        tmp_path,
        OLD_VERDICT.replace(
            'verdict = "broken"\nverdict_note = "an older file\'s verdict"\nverdict_source = "fictional"\n',
            "",
        ),
    )
    shown = run("show", "testville-pledge", "--format", "table")
    assert "no verdict yet" in shown.stdout
