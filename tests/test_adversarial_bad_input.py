"""Issue 9, item 7: no input, in the file or on the command line, gives exit 70.

Wrong types in the file, arrays nested 600 deep, a 5,000-digit value, undecodable bytes on
the command line: each is a documented error (1 for the file, 2 for the command line) in one
short line. Only YYYY-MM-DD dates are accepted, and an empty --date is not "today".
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.adversarial_helpers import (
    THREE_TARGETS,
    Outcome,
    assert_error,
    assert_ok,
    assert_untouched,
    cli,
    no_traceback,
    run_in_process,
    sha256,
)
from tests.helpers import write_data

ROADS_UNIT = 'unit = "条"\n'


def _in_roads(line: str) -> str:
    """THREE_TARGETS with `line` added to testville-roads (not the target the writes touch)."""
    return THREE_TARGETS.replace(ROADS_UNIT, ROADS_UNIT + line + "\n")


BAD_FILES = {
    "kind-is-an-array": THREE_TARGETS.replace(
        'title_en = "Rebuild 5 test roads (fictional)"\nkind = "count"',
        'title_en = "Rebuild 5 test roads (fictional)"\nkind = []',
    ),
    "parts-is-a-number": _in_roads("parts = 5"),
    "progress-holds-a-string": _in_roads('progress = ["x"]'),
    "tags-nested-600-deep": _in_roads("tags = " + "[" * 600 + "]" * 600),
    "stages-is-a-string": _in_roads('stages = "planned"'),
    "progress-is-a-number": _in_roads("progress = 5"),
    "title-is-a-table": _in_roads("title_zh = { x = 1 }").replace(
        'title = "改造测试道路5条"', "title = { x = 1 }"
    ),
    "period-is-a-string": THREE_TARGETS.replace(
        "period = { start = 2023-01-01, end = 2023-12-31 }", 'period = "2023"'
    ),
    "record-date-is-a-string": THREE_TARGETS.replace("date = 2023-03-31", 'date = "2023-03-31"'),
}


def runner(case: str) -> Callable[..., Outcome]:
    """In-process for speed; deep nesting in a real process, whose stack depth is the user's."""
    return cli if case == "tags-nested-600-deep" else run_in_process


def test_the_kind_replacement_applies() -> None:
    assert "kind = []" in BAD_FILES["kind-is-an-array"]


@pytest.mark.parametrize("case", BAD_FILES)
def test_check_reports_a_malformed_file_without_an_internal_error(
    tmp_path: Path, case: str
) -> None:
    write_data(tmp_path, BAD_FILES[case])
    result = cli("check")
    no_traceback(result)
    assert result.code == 1, str(result)
    assert result.out.strip(), "check must print the problem"
    assert "internal error" not in result.out + result.err


@pytest.mark.parametrize("case", BAD_FILES)
def test_list_refuses_a_malformed_file_with_exit_1(tmp_path: Path, case: str) -> None:
    write_data(tmp_path, BAD_FILES[case])
    assert_error(runner(case)("list", "--format", "json"), 1)


@pytest.mark.parametrize("case", BAD_FILES)
def test_mark_refuses_a_malformed_file_with_exit_1(tmp_path: Path, case: str) -> None:
    data = write_data(tmp_path, BAD_FILES[case])
    before = sha256(data)
    assert_error(runner(case)("mark", "testville-parks", "3", "--date", "2023-06-30"), 1)
    assert_untouched(data, before)


# -- the command line ----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["9" * 5000, "1" + "0" * 4999 + ".5", "1e400", "-1e400", "nan"])
def test_a_huge_or_non_finite_value_for_mark_is_a_usage_error(tmp_path: Path, value: str) -> None:
    data = write_data(tmp_path, THREE_TARGETS)
    before = sha256(data)
    result = run_in_process("mark", "testville-parks", value, "--date", "2023-06-30")
    no_traceback(result)
    assert result.code in (0, 2), str(result)
    if result.code == 2:
        assert_error(result, 2, max_len=len(value) + 1000)  # it may quote the value
        assert_untouched(data, before)
    else:  # accepted: then the file it wrote is valid data
        assert_ok(run_in_process("check"))


UNDECODABLE = os.fsencode("测试") + b"\xff\xfe"


@pytest.mark.parametrize("flag", ["--title", "--title-en", "--quote", "--unit", "--tag"])
def test_undecodable_bytes_in_add_are_a_short_usage_error(tmp_path: Path, flag: str) -> None:
    data = write_data(tmp_path, THREE_TARGETS)
    before = sha256(data)
    args: list[str | bytes] = [
        "add", "testville-new", "--report", "testville-2023", "--kind", "qualitative",
        "--category", "parks", "--title", "新增测试项目",
    ]  # fmt: skip
    if flag == "--title":
        args[-1] = UNDECODABLE
    else:
        args += [flag, UNDECODABLE]
    result = cli(*args)
    line = assert_error(result, 2, max_len=400)
    assert "schema_version" not in line, "the error line holds the data file"
    assert_untouched(data, before)


@pytest.mark.parametrize("flag", ["--note", "--source"])
def test_undecodable_bytes_in_mark_are_a_short_usage_error(tmp_path: Path, flag: str) -> None:
    data = write_data(tmp_path, THREE_TARGETS)
    before = sha256(data)
    result = cli("mark", "testville-parks", "3", "--date", "2023-06-30", flag, UNDECODABLE)
    assert_error(result, 2, max_len=400)
    assert_untouched(data, before)


def test_an_undecodable_id_is_a_usage_error(tmp_path: Path) -> None:
    write_data(tmp_path, THREE_TARGETS)
    assert_error(cli("show", b"testville-\xff"), 2, max_len=400)


# Dates: only YYYY-MM-DD. Python 3.11's date.fromisoformat also takes weeks and basic format.
BAD_DATES = ["2023-W10-1", "20230301", "2023-060", "2023-3-1", ""]
WRITES_WITH_DATE = {
    "mark --date": ("mark", "testville-parks", "3", "--date"),
    "unmark --date": ("unmark", "testville-parks", "--date"),
    "add --start": ("add", "testville-new", "--report", "testville-2023", "--kind", "qualitative",
                    "--category", "parks", "--title", "新增测试项目", "--start"),
    "add --due": ("add", "testville-new", "--report", "testville-2023", "--kind", "qualitative",
                  "--category", "parks", "--title", "新增测试项目", "--due"),
}  # fmt: skip
READS_WITH_DATE = {
    "list --as-of": ("list", "--format", "ids", "--as-of"),
    "list --due-before": ("list", "--format", "ids", "--due-before"),
    "show --as-of": ("show", "testville-parks", "--format", "json", "--as-of"),
    "status --as-of": ("status", "--format", "json", "--as-of"),
    "report --as-of": ("report", "--format", "markdown", "--as-of"),
    "export --as-of": ("export", "--format", "json", "--output", "-", "--as-of"),
}


@pytest.mark.parametrize("date", BAD_DATES)
@pytest.mark.parametrize("where", WRITES_WITH_DATE)
def test_a_write_takes_only_yyyy_mm_dd(tmp_path: Path, where: str, date: str) -> None:
    data = write_data(tmp_path, THREE_TARGETS)
    before = sha256(data)
    assert_error(run_in_process(*WRITES_WITH_DATE[where], date), 2)
    assert_untouched(data, before)


@pytest.mark.parametrize("date", BAD_DATES)
@pytest.mark.parametrize("where", READS_WITH_DATE)
def test_a_read_takes_only_yyyy_mm_dd(tmp_path: Path, where: str, date: str) -> None:
    write_data(tmp_path, THREE_TARGETS)
    assert_error(run_in_process(*READS_WITH_DATE[where], date), 2)


@pytest.mark.parametrize("date", [d for d in BAD_DATES if d])
def test_targets_today_takes_only_yyyy_mm_dd(tmp_path: Path, date: str) -> None:
    write_data(tmp_path, THREE_TARGETS)
    assert_error(cli("list", "--format", "ids", env={"TARGETS_TODAY": date}), 2)


def test_a_real_date_is_still_accepted(tmp_path: Path) -> None:
    """The control: the same commands with a good date work."""
    write_data(tmp_path, THREE_TARGETS)
    for args in READS_WITH_DATE.values():
        assert_ok(run_in_process(*args, "2023-06-30"))
    assert_ok(run_in_process(*WRITES_WITH_DATE["mark --date"], "2023-06-30"))
