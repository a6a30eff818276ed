"""`--dry-run` on every write (issue 14): the exact change as a diff, nothing written, no lock
file taken."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.helpers import BASE, run, write_data

VERDICT = """
[targets.testville-pledge]
report = "testville-2023"
category = "livelihood"
title = "办好测试实事"
kind = "qualitative"
quote = "办好测试实事"

[[targets.testville-pledge.verdicts]]
date = 2023-04-15
verdict = "stalled"
source = "fictional"
"""


def _added(stdout: str) -> list[str]:
    return [
        line[1:]
        for line in stdout.splitlines()
        if line.startswith("+") and not line.startswith("+++")
    ]


def _removed(stdout: str) -> list[str]:
    return [
        line[1:]
        for line in stdout.splitlines()
        if line.startswith("-") and not line.startswith("---")
    ]


@pytest.mark.parametrize(
    ("args", "added", "removed"),
    [
        (["unmark", "testville-parks"], [], ["[[targets.testville-parks.progress]]", "date = 2023-03-31"]),
        (["verdict", "testville-pledge", "kept", "--date", "2023-06-01", "--source", "s"],
         ["[[targets.testville-pledge.verdicts]]", "date = 2023-06-01", 'verdict = "kept"'], []),
        (["verdict", "testville-pledge", "--clear"], [], ['verdict = "stalled"']),
        (["add", "testville-new", "--report", "testville-2023", "--title", "新的", "--kind",
          "qualitative", "--category", "parks", "--quote", "新的"], ["[targets.testville-new]"], []),
        (["mark", "testville-parks", "5", "--date", "2023-06-01", "--source", "s"],
         ["[[targets.testville-parks.progress]]", "date = 2023-06-01", "value = 5"], []),
    ],
)  # fmt: skip
def test_every_write_prints_its_change_and_writes_nothing(
    tmp_path: Path, args: list[str], added: list[str], removed: list[str]
) -> None:
    data = write_data(tmp_path, BASE + VERDICT)
    before = hashlib.sha256(data.read_bytes()).hexdigest()
    result = run(*args, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("--- a/targets.toml\n+++ b/targets.toml\n@@ ")
    for line in added:
        assert line in _added(result.stdout), (line, result.stdout)
    for line in removed:
        assert line in _removed(result.stdout), (line, result.stdout)
    assert "dry run: nothing written" in result.stderr
    assert hashlib.sha256(data.read_bytes()).hexdigest() == before
    assert not (tmp_path / "targets.toml.lock").exists()  # a dry run takes no lock


def test_batches_and_init_dry_runs(tmp_path: Path) -> None:
    data = write_data(tmp_path, BASE)
    (tmp_path / "drafts.toml").write_text(
        '[targets.testville-a]\nreport = "testville-2023"\ncategory = "parks"\ntitle = "甲"\n'
        'kind = "qualitative"\nquote = "甲"\n', encoding="utf-8")  # fmt: skip
    (tmp_path / "records.jsonl").write_text(
        '{"target": "testville-parks", "value": 5, "date": "2023-06-01", "source": "s"}\n',
        encoding="utf-8",
    )
    before = data.read_bytes()
    adding = run("add", "--from", "drafts.toml", "--dry-run")
    assert adding.exit_code == 0, adding.stderr and "[targets.testville-a]" in _added(adding.stdout)
    marking = run("mark", "--from", "records.jsonl", "--dry-run")
    assert marking.exit_code == 0, marking.stderr
    assert "date = 2023-06-01" in _added(marking.stdout)
    assert data.read_bytes() == before and not (tmp_path / "targets.toml.lock").exists()
    init = run("init", "copy.toml", "--dry-run")
    assert init.exit_code == 0 and "would write copy.toml" in init.stdout
    assert not (tmp_path / "copy.toml").exists()
