"""Hypothesis round trips: any sequence of marks and unmarks on a file full of comments keeps
every original line in order, parses to the intended records, and undoes to the same bytes."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from targets.errors import UsageError
from targets.storage.records import NewRecord, mark, unmark
from targets.storage.toml import parse_toml
from targets.storage.writing import open_workspace
from tests.test_write import COMMENTED

TODAY = dt.date(2023, 12, 31)
FIRST_FREE_DAY = dt.date(2023, 3, 2)  # the file already holds a parks record on 2023-03-01
STAGES = ["planned", "started", "completed"]

texts = st.text(max_size=40)
_LAST_COMMENT = "\n# the last line has no newline"
ENDINGS = {
    "a comment without newline": COMMENTED,
    "a value without newline": COMMENTED.replace(_LAST_COMMENT, ""),
    "a newline": COMMENTED.replace(_LAST_COMMENT, "\n"),
}
marks = st.tuples(
    st.just("mark"),
    st.sampled_from(["testville-parks", "testville-road"]),
    st.integers(0, 300),
    st.one_of(st.integers(-1000, 1000).map(str), st.floats(0, 1e6, allow_nan=False).map(repr)),
    st.none() | texts,
)
unmarks = st.tuples(st.just("unmark"), st.sampled_from(["testville-parks", "testville-road"]))


def _records(path: Path) -> dict[str, list[dict[str, Any]]]:
    parsed, problem = parse_toml(path.read_text(encoding="utf-8"))
    assert parsed is not None, problem
    return {tid: t.get("progress", []) for tid, t in parsed["targets"].items()}


def _keeps_original_lines(original: str, current: str) -> bool:
    lines = current.splitlines()
    position = 0
    for line in original.splitlines():
        try:
            position = lines.index(line, position) + 1
        except ValueError:
            return False
    return True


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    operations=st.lists(st.one_of(marks, unmarks), max_size=12),
    crlf=st.booleans(),
    ending=st.sampled_from(list(ENDINGS)),
)
def test_marks_and_unmarks_keep_the_file(
    operations: list[tuple[Any, ...]], crlf: bool, ending: str
) -> None:
    original = ENDINGS[ending]
    original = original.replace("\n", "\r\n") if crlf else original
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "targets.toml"
        path.write_bytes(original.encode())
        expected = _records(path)
        added: dict[str, list[dt.date]] = {"testville-parks": [], "testville-road": []}
        for operation in operations:
            before = path.read_bytes()
            if operation[0] == "mark":
                _, tid, offset, number, note = operation
                day = FIRST_FREE_DAY + dt.timedelta(days=offset)
                value = STAGES[offset % 3] if tid == "testville-road" else number
                try:
                    mark(
                        open_workspace(path, TODAY),
                        NewRecord(tid, value, day, None, note, "fictional"),
                    )
                except UsageError:
                    assert day in added[tid]  # the only refusal here: a second record that day
                    assert path.read_bytes() == before
                    continue
                record: dict[str, Any] = {"date": day}
                record["stage" if tid == "testville-road" else "value"] = (
                    value if tid == "testville-road" else _number(value)
                )
                if note:
                    record["note"] = note
                record["source"] = "fictional"
                expected[tid] = sorted([*expected[tid], record], key=lambda r: r["date"])
                added[tid].append(day)
            else:
                _, tid = operation
                if not added[tid]:
                    continue
                unmark(open_workspace(path, TODAY), tid, None)
                latest = max(added[tid])
                added[tid].remove(latest)
                expected[tid] = [r for r in expected[tid] if r["date"] != latest]
            assert _keeps_original_lines(original, path.read_bytes().decode())
            assert _records(path) == expected
        for tid, days in added.items():
            for _ in days:
                unmark(open_workspace(path, TODAY), tid, None)
        assert path.read_bytes() == original.encode()


def _number(text: str) -> int | float:
    return int(text) if text.lstrip("-").isdigit() else float(text)
