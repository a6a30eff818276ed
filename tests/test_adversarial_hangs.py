"""Issue 9, items 1 and 5: inputs that made a command hang.

`mark ''` spun at 100% CPU holding the write lock; a FIFO as the data file blocked `list`
on open. Each must end promptly with exit 2, and the lock must stay free for other writers.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.adversarial_helpers import (
    HANG_TIMEOUT,
    THREE_TARGETS,
    assert_error,
    assert_ok,
    assert_untouched,
    cli,
    leftovers,
    sha256,
    start,
)
from tests.helpers import write_data

EMPTY_ID = {
    "mark": ("mark", "", "1", "--date", "2023-06-30"),
    "unmark": ("unmark", ""),
    "verdict": ("verdict", "", "kept"),
}


@pytest.mark.parametrize("name", EMPTY_ID)
def test_an_empty_id_ends_promptly_with_a_usage_error(tmp_path: Path, name: str) -> None:
    data = write_data(tmp_path, THREE_TARGETS)
    before = sha256(data)
    result = cli(*EMPTY_ID[name], timeout=HANG_TIMEOUT)
    assert_error(result, 2)
    assert_untouched(data, before)


@pytest.mark.parametrize("name", EMPTY_ID)
def test_an_empty_id_does_not_hold_the_lock_from_other_writers(tmp_path: Path, name: str) -> None:
    """While `mark ''` runs (or after it ended), a mark of a real target gets the lock."""
    data = write_data(tmp_path, THREE_TARGETS)
    stuck = start(*EMPTY_ID[name])
    try:
        time.sleep(0.5)  # long enough for it to take the lock, were it to take it
        other = cli(
            "mark",
            "testville-roads",
            "2",
            "--date",
            "2023-06-30",
            env={"TARGETS_LOCK_TIMEOUT": "2"},
        )
        try:
            stuck.wait(timeout=HANG_TIMEOUT)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{EMPTY_ID[name]!r} was still running after {HANG_TIMEOUT + 0.5:g}s")
    finally:
        if stuck.poll() is None:
            stuck.kill()
        stuck.communicate()
    assert_ok(other)
    assert data.read_text(encoding="utf-8").count("[[targets.testville-roads.progress]]") == 1
    assert stuck.returncode == 2


@pytest.mark.parametrize("via", ["--file", "TARGETS_FILE"])
def test_a_fifo_as_the_data_file_is_refused_promptly(tmp_path: Path, via: str) -> None:
    fifo = tmp_path / "targets.toml"
    os.mkfifo(fifo)
    if via == "--file":
        result = cli("list", "--file", str(fifo), timeout=HANG_TIMEOUT)
    else:
        result = cli("list", env={"TARGETS_FILE": str(fifo)}, timeout=HANG_TIMEOUT)
    assert_error(result, 2)


@pytest.mark.parametrize(
    ("args", "codes"),
    [(("check",), {2}), (("mark", "testville-roads", "1"), {2, 3})],
    ids=["check", "mark"],
)
def test_a_fifo_is_refused_by_other_commands_too(
    tmp_path: Path, args: tuple[str, ...], codes: set[int]
) -> None:
    fifo = tmp_path / "data.toml"
    os.mkfifo(fifo)
    result = cli(*args, "--file", str(fifo), timeout=HANG_TIMEOUT)
    assert_error(result, codes)
    assert fifo.is_fifo()
    assert leftovers(tmp_path) == []
