"""The smaller things a reader trips on (issue 14), and the shortcut for `list --format json`
(issue 11) giving what the full command gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from targets.domain.rows import LIST_FIELDS
from tests.helpers import BASE, SHIPPED_TODAY, run, write_data

TAGGED = (
    BASE.replace('category = "parks"', 'category = "parks"\ntags = ["green", "five-areas"]')
    + """
[targets.testville-roads]
report = "testville-2023"
category = "infrastructure"
title = "新建测试道路5条"
kind = "count"
comparator = "at_least"
target = 5
unit = "条"
quote = "新建测试道路5条"
"""
)


def ids(*args: str) -> list[str]:
    result = run("list", "--format", "ids", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()


def test_tag_filter_and_search_in_category_and_tags(tmp_path: Path) -> None:
    write_data(tmp_path, TAGGED)
    assert ids("--tag", "green") == ["testville-parks"]
    assert ids("--search", "infrastr") == ["testville-roads"]
    assert ids("--search", "FIVE-AREAS") == ["testville-parks"]
    unknown = run("list", "--tag", "gren")
    assert unknown.exit_code == 2 and "did you mean 'green'" in unknown.stderr


@pytest.mark.parametrize(
    ("spec", "words"),
    [("titel", "did you mean 'title'?"), ("", "--fields is empty"), ("id,,title", "an empty name"),
     ("id,title,id", "names id more than once")],
)  # fmt: skip
def test_fields_are_checked(tmp_path: Path, spec: str, words: str) -> None:
    write_data(tmp_path, BASE)
    result = run("list", "--fields", spec)
    assert result.exit_code == 2 and words in result.stderr and result.stdout == ""


def test_add_names_the_known_reports_and_the_bad_part(tmp_path: Path) -> None:
    write_data(tmp_path, TAGGED)
    common = ["--title", "合计", "--kind", "count", "--category", "parks", "--comparator",
              "at_least", "--target", "15", "--unit", "个", "--quote", "合计"]  # fmt: skip
    unknown = run("add", "testville-sum", "--report", "nowhere", *common)
    assert unknown.exit_code == 2 and "known reports: testville-2023" in unknown.stderr
    bad_part = run("add", "testville-sum", "--report", "testville-2023", *common,
                   "--part", "testville-parks", "--part", "testville-roads")  # fmt: skip
    assert bad_part.exit_code == 2
    assert "part 'testville-roads' is in '条', this target in '个'" in bad_part.stderr
    missing = run(
        "add", "testville-sum", "--report", "testville-2023", *common, "--part", "testville-nope"
    )
    assert (
        missing.exit_code == 2
        and "part 'testville-nope' is not another target's id" in missing.stderr
    )


def test_every_option_of_add_has_help(tmp_path: Path) -> None:
    text = run("add", "--help").stdout
    assert "<str>" not in text and "TEXT " not in text.replace("TEXT  ", "")
    from targets.cli.app import root_command

    command = root_command().get_command(None, "add")
    for param in command.params:
        if param.param_type_name == "option" and param.name != "help":
            assert param.help, param.name


def test_status_ids_are_the_targets_shown(tmp_path: Path) -> None:
    write_data(tmp_path, TAGGED)
    result = run("status", "--format", "ids", "-c", "parks")
    assert result.exit_code == 0 and result.stdout == "testville-parks\n"


def _cli(args: list[str], folder: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "TARGETS_TODAY": SHIPPED_TODAY, "XDG_CACHE_HOME": str(folder / ".cache")}
    return subprocess.run(
        [sys.executable, "-m", "targets", *args], capture_output=True, cwd=folder, env=env
    )


def test_the_list_json_shortcut_gives_what_the_full_command_gives(shipped_copy: Path) -> None:
    folder = shipped_copy.parent
    every = ",".join(LIST_FIELDS)
    for fmt in ("json", "jsonl"):
        short = _cli(["list", "--format", fmt], folder)
        full = _cli(["list", "--format", fmt, "--fields", every], folder)  # not the shortcut
        assert short.returncode == full.returncode == 0
        assert short.stdout == full.stdout and short.stderr == full.stderr == b""
    dated = _cli(["list", "-F", "json", "--as-of", "2023-06-30", "-f", "targets.toml"], folder)
    assert b'"evaluated_on":"2023-06-30"' in dated.stdout
    bad = _cli(["list", "--format", "json", "--as-of", "tomorrow"], folder)
    assert bad.returncode == 2 and bad.stdout == b"" and b"YYYY-MM-DD" in bad.stderr


_TYPER_LOADED = (
    "import sys\nfrom targets.cli import main\n"
    "try:\n    main()\nfinally:\n    sys.stderr.write('typer loaded: %s\\n' % ('typer' in sys.modules))"
)


def _both_ways(tmp_path: Path, args: list[str]) -> tuple[tuple[int, str, str, bytes], ...]:
    """`targets ARGS` through the entry point (the shortcut, where it applies) and through the
    full Typer command, each on its own copy of the same data: exit code, stdout, stderr and
    the file's bytes after."""
    outcomes = []
    for way in ("entry", "full"):
        folder = tmp_path / way
        folder.mkdir()
        path = write_data(folder, BASE)
        env = {**os.environ, "TARGETS_TODAY": "2023-12-31", "TARGETS_FILE": str(path),
               "XDG_CACHE_HOME": str(folder / ".cache")}  # fmt: skip
        if way == "entry":
            done = subprocess.run([sys.executable, "-c", _TYPER_LOADED, *args],
                                  capture_output=True, text=True, env=env, cwd=folder)  # fmt: skip
            code, out, err = done.returncode, done.stdout, done.stderr
            assert err.endswith(f"typer loaded: {not _shortcut_takes(args)}\n"), err
            err = err.rsplit("typer loaded:", 1)[0]
        else:
            result = run(*args, env={"TARGETS_TODAY": "2023-12-31", "TARGETS_FILE": str(path)})
            code, out, err = result.exit_code, result.stdout, result.stderr
        where = str(folder).lstrip("/")  # a dry run's diff names the file
        outcomes.append((code, out.replace(where, "FOLDER"), err, path.read_bytes()))
    return tuple(outcomes)


def _shortcut_takes(args: list[str]) -> bool:
    return "--dry-run" not in args and not any(a.startswith("-") and a[1:2].isdigit() for a in args)


@pytest.mark.parametrize(
    "args",
    [
        ["mark", "testville-parks", "6", "--date", "2023-06-30", "--published", "2023-07-02",
         "--source", "https://example.org/fictional", "--note=测试公园建成6个"],
        ["mark", "--date", "2023-06-30", "testville-parks", "6"],
        ["mark", "testville-nope", "6", "--date", "2023-06-30"],
        ["mark", "testville-parks", "6", "--date", "30/06/2023"],
        ["mark", "testville-parks", "six", "--date", "2023-06-30"],
        ["mark", "testville-parks", "6", "--date", "2023-03-31"],
        ["mark", "testville-parks", "-6", "--date", "2023-06-30"],
        ["mark", "testville-parks", "6", "--date", "2023-06-30", "--dry-run"],
    ],
)  # fmt: skip
def test_the_mark_shortcut_gives_what_the_full_command_gives(
    tmp_path: Path, args: list[str]
) -> None:
    entry, full = _both_ways(tmp_path, args)
    assert entry == full
    code, _, err, after = entry
    assert (code == 0) == (err == "" or "dry run" in err)
    assert (after != BASE.encode()) == (code == 0 and "--dry-run" not in args)
