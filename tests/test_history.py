"""What changed (issue 14): `log` over records and verdicts, `diff` between two days."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.helpers import BASE, run, write_data

MORE = """
[[targets.testville-parks.progress]]
date = 2023-05-31
published = 2023-06-20
value = 6
source = "https://example.org/fictional/may"
note = "「五月底建成六个」"

[targets.testville-pledge]
report = "testville-2023"
category = "livelihood"
title = "办好测试实事"
kind = "qualitative"
quote = "办好测试实事"

[[targets.testville-pledge.verdicts]]
date = 2023-04-15
published = 2023-04-16
verdict = "stalled"
source = "https://example.org/fictional/april"
note = "「暂停」"

[[targets.testville-pledge.verdicts]]
date = 2023-06-10
verdict = "kept"
source = "https://example.org/fictional/june"
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return write_data(tmp_path, BASE + MORE)


def log(*args: str) -> list[dict[str, object]]:
    result = run("log", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    entries: list[dict[str, object]] = json.loads(result.stdout)
    return entries


def test_log_lists_records_and_verdicts_newest_first(data: Path) -> None:
    entries = log()
    assert [(e["date"], e["event"], e["target"]) for e in entries] == [
        ("2023-06-10", "verdict", "testville-pledge"),
        ("2023-05-31", "record", "testville-parks"),
        ("2023-04-15", "verdict", "testville-pledge"),
        ("2023-03-31", "record", "testville-parks"),
    ]
    first = entries[1]
    assert {k: first[k] for k in ("published", "value", "stage", "verdict", "note", "source")} == {
        "published": "2023-06-20",
        "value": 6,
        "stage": None,
        "verdict": None,
        "note": "「五月底建成六个」",
        "source": "https://example.org/fictional/may",
    }
    assert entries[0]["verdict"] == "kept" and entries[0]["title"] == "办好测试实事"


def test_log_windows_on_the_fact_or_on_publication(data: Path) -> None:
    assert [e["date"] for e in log("--since", "2023-04-15", "--until", "2023-05-31")] == [
        "2023-05-31",
        "2023-04-15",
    ]
    # published in June: only the May record (the June verdict has no publication date)
    assert [e["date"] for e in log("--published", "--since", "2023-06-01")] == ["2023-05-31"]
    assert log("--since", "2023-07-01") == []


def test_log_takes_the_filters_of_list_and_every_format(data: Path) -> None:
    assert {e["target"] for e in log("-c", "parks")} == {"testville-parks"}
    assert {e["target"] for e in log("--kind", "qualitative")} == {"testville-pledge"}
    tsv = run("log", "--format", "tsv").stdout.splitlines()
    assert tsv[0].split("\t")[:4] == ["date", "published", "event", "target"]
    rows = list(csv.DictReader(io.StringIO(run("log", "--format", "csv").stdout)))
    assert len(rows) == 4 and rows[0]["event"] == "verdict"
    assert run("log", "--format", "ids").stdout.split() == [
        "testville-pledge", "testville-parks", "testville-pledge", "testville-parks",
    ]  # fmt: skip
    table = run("log", "--format", "table").stdout
    assert "testville-parks" in table and "stalled" in table


def test_log_refuses_a_window_that_ends_before_it_starts(data: Path) -> None:
    result = run("log", "--since", "2023-06-01", "--until", "2023-05-01")
    assert result.exit_code == 2 and "after --until" in result.stderr
    assert run("log", "--since", "yesterday").exit_code == 2


def test_diff_lists_the_targets_whose_status_moved(data: Path) -> None:
    result = run("diff", "--from", "2023-03-01", "--to", "2023-06-30", "--format", "json")
    assert result.exit_code == 0, result.stderr
    changes = json.loads(result.stdout)
    assert [(c["id"], c["status_before"], c["status_after"]) for c in changes] == [
        ("testville-parks", "not_started", "on_track")
    ]
    assert (changes[0]["current_before"], changes[0]["current_after"]) == (None, 6)
    # a day later than the last record: nothing moved
    assert json.loads(run("diff", "--from", "2023-06-30", "--format", "json").stdout) == []
    assert run("diff", "--from", "2023-03-01", "--to", "2023-06-30", "--format", "ids").stdout == (
        "testville-parks\n"
    )
    assert run("diff", "--from", "2023-03-01", "-c", "livelihood", "--format", "ids").stdout == ""
