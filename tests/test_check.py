"""`targets check`: every rule, each with a file that breaks it, named with its line."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from tests.helpers import BASE, run, write_data

MILESTONE = textwrap.dedent(
    """
    [targets.testville-museum]
    report = "testville-2023"
    category = "culture"
    title = "启动测试博物馆建设"
    kind = "milestone"
    target = "started"
    quote = "启动测试博物馆建设"
    """
)
COMPOSITE = textwrap.dedent(
    """
    [targets.testville-all-parks]
    report = "testville-2023"
    category = "parks"
    title = "新增公园合计"
    kind = "count"
    comparator = "at_least"
    target = 12
    unit = "个"
    parts = ["testville-parks"]
    quote = "新增公园合计"
    """
)


def line_of(text: str, needle: str) -> int:
    """1-based number of the first line containing `needle`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def check(tmp_path: Path, text: str) -> tuple[int, str, str]:
    path = write_data(tmp_path, text)
    result = run("check", "--file", str(path))
    return result.exit_code, result.stdout, result.stderr


def test_clean_file_is_silent(tmp_path: Path) -> None:
    code, out, err = check(tmp_path, BASE)
    assert (code, out, err) == (0, "", "")


# (name, broken text, text on the line the problem must point at, words of the message)
BROKEN = [
    ("syntax", BASE.replace("target = 10", "target = = 10"), "target = = 10", "TOML syntax"),
    (
        "bad date",
        BASE.replace("date = 2023-03-31", "date = 2023-02-30"),
        "2023-02-30",
        "TOML syntax",
    ),
    (
        "schema_version",
        BASE.replace("schema_version = 1", "schema_version = 2"),
        "schema_version",
        "not supported",
    ),
    ("misspelt key", BASE.replace("title = ", "titel = "), "titel", "did you mean `title`"),
    (
        "required field",
        BASE.replace('category = "parks"\n', ""),
        "[targets.testville-parks]",
        "needs `category`",
    ),
    ("type", BASE.replace('unit = "个"', "unit = 7"), "unit = 7", "must be a string"),
    (
        "date as string",
        BASE.replace("date = 2023-03-31", 'date = "2023-03-31"'),
        '"2023-03-31"',
        "must be a date",
    ),
    (
        "kind enum",
        BASE.replace('kind = "count"', 'kind = "counter"'),
        "counter",
        "use one of: count",
    ),
    ("comparator enum", BASE.replace('"at_least"', '"atleast"'), "atleast", "at_least"),
    (
        "id slug",
        BASE.replace("testville-parks", "Testville_Parks"),
        "[targets.Testville_Parks]",
        "not a slug",
    ),
    (
        "category slug",
        BASE.replace('category = "parks"', 'category = "Parks"'),
        "Parks",
        "not a slug",
    ),
    (
        "unknown report",
        BASE.replace('report = "testville-2023"', 'report = "nowhere-2023"'),
        "nowhere",
        "unknown report",
    ),
    ("not finite", BASE.replace("target = 10", "target = inf"), "target = inf", "finite"),
    (
        "count needs unit",
        BASE.replace('unit = "个"\n', ""),
        "[targets.testville-parks]",
        "needs `unit`",
    ),
    (
        "milestone needs target",
        MILESTONE.replace('target = "started"\n', ""),
        "[targets.testville-museum]",
        "needs `target`",
    ),
    (
        "unknown target stage",
        MILESTONE.replace('"started"', '"halfway"'),
        '"halfway"',
        "not one of",
    ),
    (
        "qualitative has no target",
        BASE.replace('kind = "count"', 'kind = "qualitative"'),
        "target = 10",
        "no `target`",
    ),
    (
        "tolerance without about",
        BASE.replace("target = 10", "target = 10\ntolerance = 1"),
        "tolerance",
        "about",
    ),
    (
        "period order",
        BASE.replace("start = 2023-01-01, end", "start = 2024-01-01, end"),
        "period =",
        "after it ends",
    ),
    (
        "record before start",
        BASE.replace("date = 2023-03-31", "date = 2022-12-31"),
        "2022-12-31",
        "before",
    ),
    (
        "record in future",
        BASE.replace("date = 2023-03-31", "date = 2023-08-01"),
        "2023-08-01",
        "future",
    ),
    (
        "record value missing",
        BASE.replace("value = 2\n", ""),
        "[[targets.testville-parks.progress]]",
        "needs `value`",
    ),
]


@pytest.mark.parametrize(
    ("text", "needle", "words"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN]
)
def test_each_rule_names_the_line(tmp_path: Path, text: str, needle: str, words: str) -> None:
    if "testville-museum" in text and "schema_version" not in text:
        text = BASE + text
    code, out, err = check(tmp_path, text)
    assert code == 1
    line = line_of(text, needle)
    assert re.search(rf"targets\.toml:{line}:\d+: error: .*{re.escape(words)}", out), out
    assert "error(s)" in err


def test_unknown_stage_in_record(tmp_path: Path) -> None:
    text = (
        BASE
        + MILESTONE
        + '\n[[targets.testville-museum.progress]]\ndate = 2023-02-01\nstage = "dreamt"\nsource = "x"\n'
    )
    code, out, _ = check(tmp_path, text)
    assert code == 1
    assert f":{line_of(text, 'dreamt')}:" in out and "unknown stage 'dreamt'" in out


def test_records_out_of_order_and_duplicates(tmp_path: Path) -> None:
    extra = '\n[[targets.testville-parks.progress]]\ndate = {d}\nvalue = 3\nsource = "x"\n'
    text = BASE + extra.format(d="2023-02-01") + extra.format(d="2023-02-01")
    code, out, _ = check(tmp_path, text)
    assert code == 1
    assert "keep records in date order" in out
    assert "a second record on 2023-02-01" in out
    assert len(out.splitlines()) == 2


def test_parts_must_exist_and_share_a_unit(tmp_path: Path) -> None:
    text = BASE + COMPOSITE.replace('["testville-parks"]', '["testville-parks", "ghost"]').replace(
        'unit = "个"', 'unit = "处"'
    )
    code, out, _ = check(tmp_path, text)
    assert code == 1
    assert "part 'ghost' is not another target's id" in out
    assert "part 'testville-parks' is in '个'" in out


def test_composite_cannot_have_records(tmp_path: Path) -> None:
    text = (
        BASE
        + COMPOSITE
        + '\n[[targets.testville-all-parks.progress]]\ndate = 2023-02-01\nvalue = 1\nsource = "x"\n'
    )
    code, out, _ = check(tmp_path, text)
    assert code == 1 and "mark the parts instead" in out


def test_all_problems_in_one_run(tmp_path: Path) -> None:
    text = (
        BASE.replace("title = ", "titel = ")
        .replace('kind = "count"', 'kind = "counter"')
        .replace("date = 2023-03-31", "date = 2023-08-01")
    )
    code, out, _ = check(tmp_path, text)
    assert code == 1
    lines = out.splitlines()
    assert (
        len([ln for ln in lines if ": error: " in ln]) == 4
    )  # titel, title missing, counter, future


def test_warnings_apart_from_errors_and_exit_zero(tmp_path: Path) -> None:
    text = BASE.replace('source = "fictional test record"\n', "").replace(
        'quote = "新增测试公园10个"\n', ""
    )
    code, out, err = check(tmp_path, text)
    assert code == 0
    assert all(": warning: " in line for line in out.splitlines())
    assert "no `source`" in out and "no `quote`" in out
    assert "0 error(s), 2 warning(s)" in err
    strict = run("check", "--strict", "--file", "targets.toml")
    assert strict.exit_code == 1


def test_errors_listed_before_warnings(tmp_path: Path) -> None:
    text = (
        BASE.replace('source = "fictional test record"\n', "")
        .replace("titel", "x")
        .replace('unit = "个"', "unit = 1")
    )
    _, out, _ = check(tmp_path, text)
    severities = [line.split(": ")[1] for line in out.splitlines()]
    assert severities == sorted(severities)  # "error" sorts before "warning"
    assert severities[0] == "error" and severities[-1] == "warning"


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "targets.toml"
    path.write_bytes(BASE.encode("utf-8").replace("测试区".encode(), "测试区".encode("gbk")))
    result = run("check", "--file", str(path))
    assert result.exit_code == 1
    assert "not UTF-8" in result.stdout


def test_missing_file_is_usage_error(tmp_path: Path) -> None:
    result = run("check", "--file", "nothing-here.toml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("targets: error: no data file at nothing-here.toml")


def test_other_commands_refuse_an_invalid_file(tmp_path: Path) -> None:
    write_data(tmp_path, BASE.replace("title = ", "titel = "))
    result = run("list", "--format", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "run `targets check" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_keys_with_control_characters_are_shown_safely(tmp_path: Path) -> None:
    text = BASE.replace('title_en = "Add', '"ti\\u001btle" = "x"\ntitle_en = "Add')
    code, out, _ = check(tmp_path, text)
    assert code == 1
    assert "\x1b" not in out
    assert f":{line_of(text, 'u001btle')}:1: error: `ti␛tle` is not a key of a target" in out
