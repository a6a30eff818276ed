"""Tables at any width (issue 14), in a real pseudo-terminal: the command sees a terminal of
60, 80, 100 or 200 columns (TIOCSWINSZ, no COLUMNS), and what it draws is checked: no line
wider than the terminal, every title shown, ids, percentages, statuses and dates never cut."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import unicodedata
from pathlib import Path

import pytest

from tests.helpers import SHIPPED_TODAY

WIDTHS = (60, 80, 100, 200)
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
STATUSES = (
    "achieved_late",
    "achieved",
    "on_track",
    "behind",
    "not_started",
    "missed",
    "overdue",
    "unmeasured",
)


def cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def in_terminal(args: list[str], columns: int, folder: Path) -> str:
    """What `targets ARGS` draws on a terminal `columns` wide."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update({"TARGETS_TODAY": SHIPPED_TODAY, "NO_COLOR": "1", "TERM": "xterm"})
    process = subprocess.Popen(
        [sys.executable, "-m", "targets", *args], stdin=child, stdout=child, stderr=child,
        cwd=folder, env=env, close_fds=True,
    )  # fmt: skip
    os.close(child)
    chunks = []
    while True:
        ready, _, _ = select.select([main], [], [], 30)
        if not ready:
            process.kill()
            raise AssertionError("no output for 30 s")
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed its side
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=30)
    os.close(main)
    assert process.returncode == 0, b"".join(chunks).decode(errors="replace")
    return _ANSI.sub("", b"".join(chunks).decode("utf-8")).replace("\r\n", "\n")


def first_column(drawn: str, header: str) -> str:
    """The text of a table's first column, its folded lines joined: where the ids are."""
    lines = drawn.splitlines()
    start = next(i for i, line in enumerate(lines) if line.split()[:1] == [header])
    width = lines[start].index(lines[start].split()[1])
    return "".join(line[:width].strip() for line in lines[start + 2 :])


def _ids_and_titles(shipped_copy: Path, *filters: str) -> dict[str, str]:
    import json

    result = subprocess.run(
        [sys.executable, "-m", "targets", "list", *filters, "--format", "json"],
        capture_output=True, cwd=shipped_copy.parent, env={**os.environ, "TARGETS_TODAY": SHIPPED_TODAY},
        check=True, text=True,
    )  # fmt: skip
    return {row["id"]: row["title"] for row in json.loads(result.stdout)}


@pytest.mark.parametrize("columns", WIDTHS)
def test_list_fits_and_cuts_nothing_that_must_not_be_cut(shipped_copy: Path, columns: int) -> None:
    drawn = in_terminal(["list", "-d", "shibei"], columns, shipped_copy.parent)
    lines = drawn.splitlines()
    assert all(cells(line) <= columns for line in lines), max(lines, key=cells)
    ids = first_column(drawn, "id")
    joined = re.sub(r"\s+", "", drawn)
    for target_id, title in _ids_and_titles(shipped_copy, "-d", "shibei").items():
        assert target_id in ids, target_id  # whole, if folded over two lines
        assert title[:4] in joined, title  # every title shown
    assert "…" not in drawn  # nothing here is cut with an ellipsis: titles fold
    for word in re.findall(r"[a-z_]{6,}", drawn):
        if word.startswith(("achie", "overd", "unmea", "not_s")):
            assert word in STATUSES, word  # a status is never cut
    if columns >= 200:
        assert "2023-12-31" in drawn  # the due date, whole
    for share in re.findall(r"\d+%", drawn):
        assert share in ("100%", "109%", "130%", "493%") or int(share[:-1]) <= 100


@pytest.mark.parametrize("columns", WIDTHS)
def test_status_names_each_target_and_fits(shipped_copy: Path, columns: int) -> None:
    drawn = in_terminal(["status", "-d", "licang", "-c", "parks"], columns, shipped_copy.parent)
    assert all(cells(line) <= columns for line in drawn.splitlines())
    joined = re.sub(r"\s+", "", drawn)
    for target_id in _ids_and_titles(shipped_copy, "-d", "licang", "-c", "parks"):
        assert target_id in joined, target_id
    assert "公园绿地" in drawn  # the category, in the reader's language


def test_wide_keeps_every_column(shipped_copy: Path) -> None:
    narrow = in_terminal(["list", "-d", "shibei"], 80, shipped_copy.parent)
    wide = in_terminal(["list", "-d", "shibei", "--wide"], 80, shipped_copy.parent)
    header = wide.splitlines()[0].split()
    assert header == ["id", "district", "title", "target", "now", "done", "status", "due"]
    assert len(narrow.splitlines()[0].split()) < len(header)
