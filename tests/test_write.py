"""mark, unmark, verdict, add and init: only the intended lines change, bad input changes nothing."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import os
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from targets.storage.toml import parse_toml
from tests.helpers import BASE, SHIPPED, SHIPPED_TODAY, run, write_data

COMMENTED = textwrap.dedent(
    '''\
    # Fictional data for tests: 测试区 (Testville). Nothing here is real.
    schema_version = 1   # trailing comment

    [reports.testville-2023]
    district = "测试区"
    period = { start = 2023-01-01, end = 2023-12-31 }   # an inline table

    # Parks ------------------------------------------------------------
    [targets.testville-parks]
    report = "testville-2023"
    category = "parks"
    title = 'literal 测试 "quoted"'
    kind = "count"
    comparator = "at_least"
    target = 10
    unit = "个"
    quote = """
    multi-line quote
    [targets.not-a-header]
    """

    # a comment between the table and its records
    [[targets.testville-parks.progress]]
    date = 2023-03-01
    value = 1
    source = "fictional"
    # a trailing comment in the record's block

    [targets.testville-road]   # a comment on a header
    report = "testville-2023"
    category = "roads"
    title = "测试道路"
    kind = "milestone"
    target = "started"
    quote = "测试道路"
    # the last line has no newline'''
)


def inserted_lines(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`; fails if any line of `before` was changed or lost."""
    old, new = before.splitlines(), after.splitlines()
    added: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        assert op in ("equal", "insert"), (op, old[i1:i2], new[j1:j2])
        added += new[j1:j2] if op == "insert" else []
    return added


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def doc(path: Path) -> dict[str, object]:
    parsed, problem = parse_toml(path.read_text(encoding="utf-8"))
    assert parsed is not None, problem
    return parsed


def test_mark_then_unmark_is_byte_for_byte(shipped_copy: Path) -> None:
    before = shipped_copy.read_bytes()
    marked = run(
        "mark",
        "licang-greenways",
        "7.5",
        "--date",
        "2023-06-30",
        "--source",
        "https://example.org/fictional",
    )
    assert marked.exit_code == 0, marked.stderr
    assert marked.stdout == (
        "licang-greenways: 7.5 km as of 2023-06-30: on_track, 47% done, pace 50% on 2023-06-30; "
        "missed today (2024-06-30)\n"
    )
    assert marked.stderr == ""
    added = inserted_lines(before.decode(), shipped_copy.read_text(encoding="utf-8"))
    assert [line for line in added if line] == [
        "[[targets.licang-greenways.progress]]",
        "date = 2023-06-30",
        "value = 7.5",
        'source = "https://example.org/fictional"',
    ]
    assert added.count("") == 1
    unmarked = run("unmark", "licang-greenways")
    assert unmarked.exit_code == 0
    assert "date = 2023-06-30" in unmarked.stdout and "value = 7.5" in unmarked.stdout
    assert shipped_copy.read_bytes() == before


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_marks_keep_every_comment_in_place(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "targets.toml"
    path.write_bytes(COMMENTED.replace("\n", newline).encode())
    original = path.read_bytes()
    assert (
        run("mark", "testville-parks", "4", "--date", "2023-05-01", "--source", "f").exit_code == 0
    )
    assert (
        run("mark", "testville-parks", "2", "--date", "2023-04-01", "--source", "f").exit_code == 0
    )
    assert (
        run("mark", "testville-road", "started", "--date", "2023-06-01", "--source", "f").exit_code
        == 0
    )
    text = path.read_bytes().decode()
    assert newline == "\r\n" or "\r" not in text
    lines = text.split(newline)
    position = 0
    for line in original.decode().split(newline):  # every original line, in order
        position = lines.index(line, position) + 1
    records = doc(path)["targets"]["testville-parks"]["progress"]  # type: ignore[index]
    assert [str(r["date"]) for r in records] == ["2023-03-01", "2023-04-01", "2023-05-01"]
    for target in ("testville-road", "testville-parks", "testville-parks"):
        assert run("unmark", target).exit_code == 0
    assert path.read_bytes() == original


def test_dry_run_prints_the_record_and_writes_nothing(shipped_copy: Path) -> None:
    before = sha(shipped_copy)
    result = run(
        "mark", "licang-schools", "2", "--date", "2023-06-01", "--note", "dry", "--dry-run"
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("--- a/targets.toml\n+++ b/targets.toml\n@@ ")
    added = [
        line[1:]
        for line in result.stdout.splitlines()
        if line.startswith("+") and not line.startswith("+++")
    ]
    assert added == [
        "[[targets.licang-schools.progress]]",
        "date = 2023-06-01",
        "value = 2",
        'note = "dry"',
        "",
    ]
    assert "licang-schools: 2 所 as of 2023-06-01: on_track" in result.stdout
    assert result.stderr == "dry run: nothing written\n"
    assert sha(shipped_copy) == before


def test_milestone_marked_with_a_stage(shipped_copy: Path) -> None:
    result = run(
        "mark", "licang-shuangfengshan-park", "started", "--date", "2023-04-01", "--source", "f"
    )
    assert result.exit_code == 0
    assert "achieved" in result.stdout
    record = doc(shipped_copy)["targets"]["licang-shuangfengshan-park"]["progress"][0]  # type: ignore[index]
    assert record["stage"] == "started"


HOSTILE_NOTES = [
    'quote " and backslash \\ and \\n literal',
    "new\nline\r\nand tab\t",
    '"""\n[targets.evil]\ntitle = "x"\n"""',
    "]] [[targets.testville-parks.progress]]\ndate = 2023-01-01",
    "\x1b[31mred\x1b[0m \x7f \x00",
    "# not a comment = true",
    "日本語 and emoji 🎯 and \u202e bidi",
]


@pytest.mark.parametrize("note", HOSTILE_NOTES)
def test_any_note_is_stored_verbatim(tmp_path: Path, note: str) -> None:
    path = write_data(tmp_path, BASE)
    before = path.read_bytes()
    result = run(
        "mark", "testville-parks", "3", "--date", "2023-06-01", "--note", note, "--source", note
    )
    assert result.exit_code == 0, result.stderr
    parsed = doc(path)
    assert list(parsed["targets"]) == ["testville-parks"]  # type: ignore[call-overload]
    record = parsed["targets"]["testville-parks"]["progress"][1]  # type: ignore[index]
    assert record["note"] == note and record["source"] == note
    shown = json.loads(run("show", "testville-parks").stdout)
    assert shown["records"][1]["note"] == note
    assert run("unmark", "testville-parks").exit_code == 0
    assert path.read_bytes() == before


def test_verdict_set_and_clear(shipped_copy: Path) -> None:
    before = shipped_copy.read_bytes()
    result = run(
        "verdict",
        "licang-youth-friendly",
        "stalled",
        "--note",
        "fictional note",
        "--source",
        "https://example.org",
    )
    assert result.exit_code == 0
    assert result.stdout == "licang-youth-friendly: stalled; status unmeasured\n"
    target = doc(shipped_copy)["targets"]["licang-youth-friendly"]  # type: ignore[index]
    assert target["verdicts"] == [
        {
            "date": dt.date(2024, 6, 30),
            "verdict": "stalled",
            "note": "fictional note",
            "source": "https://example.org",
        }
    ]
    assert run("verdict", "licang-youth-friendly", "kept", "--date", "2023-06-01").exit_code == 0
    again = run("verdict", "licang-youth-friendly", "kept", "--date", "2023-06-01")
    assert again.exit_code == 2 and "already has a verdict on 2023-06-01" in again.stderr
    target = doc(shipped_copy)["targets"]["licang-youth-friendly"]  # type: ignore[index]
    # a history, in date order: the earlier rating's reason is kept
    assert [(v["date"], v["verdict"]) for v in target["verdicts"]] == [
        (dt.date(2023, 6, 1), "kept"),
        (dt.date(2024, 6, 30), "stalled"),
    ]
    shown = json.loads(run("show", "licang-youth-friendly").stdout)
    assert shown["verdict"] == "stalled" and shown["verdict_note"] == "fictional note"
    assert [v["verdict"] for v in shown["verdicts"]] == ["kept", "stalled"]
    cleared = run("verdict", "licang-youth-friendly", "--clear")
    assert cleared.exit_code == 0 and "verdict = stalled" in cleared.stdout
    assert "note = fictional note" in cleared.stdout
    assert run("verdict", "licang-youth-friendly", "--clear").exit_code == 0
    assert shipped_copy.read_bytes() == before
    none_left = run("verdict", "licang-youth-friendly", "--clear")
    assert none_left.exit_code == 2 and "no verdict to clear" in none_left.stderr


def test_verdict_conflict_is_reported(tmp_path: Path) -> None:
    write_data(tmp_path, BASE)
    result = run(
        "verdict", "testville-parks", "kept", "--source", "f", env={"TARGETS_TODAY": "2024-02-01"}
    )
    assert (
        result.stdout
        == "testville-parks: kept; status missed (conflicts with the computed status)\n"
    )


def test_add_appends_a_valid_target(tmp_path: Path) -> None:
    path = write_data(tmp_path, BASE)
    before = path.read_text(encoding="utf-8")
    result = run(
        "add",
        "testville-schools",
        "--report",
        "testville-2023",
        "--title",
        "建成测试学校2所",
        "--title-en",
        "Open 2 test schools",
        "--kind",
        "count",
        "--comparator",
        "at_least",
        "--target",
        "2",
        "--unit",
        "所",
        "--category",
        "schools",
        "--quote",
        "建成测试学校2所",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "testville-schools: no records: not_started, pace 50%\n"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(before)
    assert text[len(before) :] == textwrap.dedent(
        """
        [targets.testville-schools]
        report = "testville-2023"
        category = "schools"
        title = "建成测试学校2所"
        title_en = "Open 2 test schools"
        kind = "count"
        comparator = "at_least"
        target = 2
        unit = "所"
        quote = "建成测试学校2所"
        """
    )
    assert run("check").exit_code == 0
    milestone = run(
        "add",
        "testville-bridge",
        "--report",
        "testville-2023",
        "--title",
        "桥",
        "--kind",
        "milestone",
        "--category",
        "infrastructure",
        "--stage",
        "planned",
        "--stage",
        "open",
        "--target",
        "open",
    )
    assert milestone.exit_code == 0, milestone.stderr
    assert doc(path)["targets"]["testville-bridge"]["stages"] == ["planned", "open"]  # type: ignore[index]


BAD_INPUTS = [
    (["mark", "no-such-target", "1"], 2, "unknown target 'no-such-target'"),
    (["mark", "testville-parks", "abc"], 2, "not a number"),
    (["mark", "testville-parks", "nan"], 2, "not a number"),
    (["mark", "testville-parks", "inf"], 2, "not a number"),
    (["mark", "testville-parks", "1e999"], 2, "too large"),
    (["mark", "testville-parks", "1,000"], 2, "not a number"),
    (["mark", "testville-parks", "5", "--date", "2023-02-30"], 2, "not a real date"),
    (["mark", "testville-parks", "5", "--date", "2023-07-02"], 2, "in the future"),
    (["mark", "testville-parks", "5", "--date", "2022-12-31"], 2, "before the target's start"),
    (
        ["mark", "testville-parks", "5", "--date", "2023-03-31"],
        2,
        "already has a record on 2023-03-31",
    ),
    (["mark", "testville-all", "5"], 2, "is the sum of testville-parks; mark those instead"),
    (["mark", "testville-museum", "finished"], 2, "unknown stage 'finished'"),
    (["mark", "testville-plan", "3"], 2, "qualitative"),
    (["unmark", "testville-museum"], 2, "no progress records"),
    (["unmark", "testville-parks", "--date", "2023-01-01"], 2, "no record on 2023-01-01"),
    (["verdict", "testville-parks", "great"], 2, "unknown verdict 'great'"),
    (["verdict", "testville-parks"], 2, "give a VERDICT"),
    (
        [
            "add",
            "Bad_Id",
            "--report",
            "testville-2023",
            "--title",
            "t",
            "--kind",
            "count",
            "--category",
            "x",
        ],
        2,
        "is not an id",
    ),
    (
        [
            "add",
            "testville-parks",
            "--report",
            "testville-2023",
            "--title",
            "t",
            "--kind",
            "qualitative",
            "--category",
            "x",
        ],
        2,
        "already exists",
    ),
    (
        [
            "add",
            "testville-new",
            "--report",
            "nowhere",
            "--title",
            "t",
            "--kind",
            "qualitative",
            "--category",
            "x",
        ],
        2,
        "unknown report",
    ),
    (
        [
            "add",
            "testville-new",
            "--report",
            "testville-2023",
            "--title",
            "t",
            "--kind",
            "count",
            "--category",
            "x",
        ],
        2,
        "needs `comparator`",
    ),
    (["mark", "testville-parks", "5", "--file", "missing.toml"], 2, "no data file"),
]
EXTRA = textwrap.dedent(
    """
    [targets.testville-all]
    report = "testville-2023"
    category = "parks"
    title = "合计"
    kind = "count"
    comparator = "at_least"
    target = 10
    unit = "个"
    parts = ["testville-parks"]
    quote = "合计"

    [targets.testville-museum]
    report = "testville-2023"
    category = "culture"
    title = "博物馆"
    kind = "milestone"
    target = "started"
    quote = "博物馆"

    [targets.testville-plan]
    report = "testville-2023"
    category = "plans"
    title = "规划"
    kind = "qualitative"
    quote = "规划"
    """
)


@pytest.mark.parametrize(
    ("args", "code", "words"), BAD_INPUTS, ids=[" ".join(a[:3]) for a, _, _ in BAD_INPUTS]
)
def test_bad_input_leaves_the_file_untouched(
    tmp_path: Path, args: list[str], code: int, words: str
) -> None:
    path = write_data(tmp_path, BASE + EXTRA)
    before = sha(path)
    result = run(*args)
    assert result.exit_code == code
    assert words in result.stderr
    assert result.stderr.startswith("targets: error: ") and result.stderr.count("\n") == 1
    assert result.stdout == ""
    assert sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".cache")) in (
        ["targets.toml"],
        ["targets.toml", "targets.toml.lock"],
    )


def test_writes_refuse_the_bundled_copy() -> None:
    for args in (
        ["mark", "licang-greenways", "1"],
        ["unmark", "licang-greenways"],
        ["verdict", "licang-talent", "kept"],
    ):
        result = run(*args)
        assert result.exit_code == 3
        assert "run `targets init`" in result.stderr


def _same_but_the_schema_line(copy: Path) -> bool:
    first, _, rest = copy.read_bytes().partition(b"\n")
    assert first.startswith(b"#:schema file://")
    schema = Path(first.decode().removeprefix("#:schema file://"))
    return schema.is_file() and rest == SHIPPED.read_bytes().partition(b"\n")[2]


def test_init_from_an_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TARGETS_TODAY", SHIPPED_TODAY)
    result = run("init")
    assert result.exit_code == 0
    assert _same_but_the_schema_line(tmp_path / "targets.toml")  # the schema resolves from the copy
    assert run("mark", "licang-greenways", "1", "--source", "f").exit_code == 0
    again = run("init")
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert run("init", "other.toml").exit_code == 0
    assert run("init", "--force").exit_code == 0
    assert _same_but_the_schema_line(tmp_path / "targets.toml")


def test_symlinked_file_is_written_through_its_link(tmp_path: Path) -> None:
    real = write_data(tmp_path, BASE, "real.toml")
    (tmp_path / "targets.toml").symlink_to(real)
    assert (
        run("mark", "testville-parks", "5", "--date", "2023-06-01", "--source", "f").exit_code == 0
    )
    assert (tmp_path / "targets.toml").is_symlink()
    assert "2023-06-01" in real.read_text(encoding="utf-8")


def test_file_mode_is_kept(tmp_path: Path) -> None:
    path = write_data(tmp_path, BASE)
    path.chmod(0o640)
    assert (
        run("mark", "testville-parks", "5", "--date", "2023-06-01", "--source", "f").exit_code == 0
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def _fail(*_args: object, **_kwargs: object) -> None:
    raise OSError(28, "No space left on device")


_fdopen = os.fdopen


class _FullDisk:
    """A file handle whose writes fail as on a full disk."""

    def __init__(self, fd: int, mode: str) -> None:
        self.handle = _fdopen(fd, mode)

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("step", ["write", "fsync", "chmod", "replace"])
def test_failure_at_each_step_leaves_the_original_and_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    import targets.storage.files as store

    path = write_data(tmp_path, BASE)
    before = sha(path)
    if step == "write":
        monkeypatch.setattr(store.os, "fdopen", _FullDisk)
    else:
        monkeypatch.setattr(store.os, step, _fail)
    result = run("mark", "testville-parks", "5", "--date", "2023-06-01", "--source", "f")
    monkeypatch.undo()
    assert result.exit_code == 3
    assert "No space left on device" in result.stderr and "unchanged" in result.stderr
    assert sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "targets.toml",
        "targets.toml.lock",
    ]


def test_lock_timeout_names_the_lock_file(tmp_path: Path) -> None:
    path = write_data(tmp_path, BASE)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from filelock import FileLock\n"
            "with FileLock(sys.argv[1]):\n    print('held', flush=True); time.sleep(30)",
            str(path) + ".lock",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        before = sha(path)
        started = time.monotonic()
        result = run(
            "mark",
            "testville-parks",
            "5",
            "--date",
            "2023-06-01",
            env={"TARGETS_LOCK_TIMEOUT": "0.3"},
        )
        assert time.monotonic() - started < 5
        assert result.exit_code == 3
        assert f"could not lock {path.resolve()}.lock within 0.3s" in result.stderr
        assert sha(path) == before
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout:
            holder.stdout.close()


def test_concurrent_writers_lose_no_record(tmp_path: Path) -> None:
    path = write_data(tmp_path, BASE)
    env = {**os.environ, "TARGETS_TODAY": "2023-12-31", "TARGETS_FILE": str(path)}
    days = [f"2023-{month:02d}-15" for month in range(4, 12)]
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "targets",
                "mark",
                "testville-parks",
                str(i + 3),
                "--date",
                day,
                "--source",
                f"writer {i}",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for i, day in enumerate(days)
    ]
    outputs = [w.communicate(timeout=60) for w in writers]
    assert [w.returncode for w in writers] == [0] * len(days), outputs
    records = doc(path)["targets"]["testville-parks"]["progress"]  # type: ignore[index]
    assert sorted(str(r["date"]) for r in records) == ["2023-03-31", *days]
    assert [str(r["date"]) for r in records] == sorted(str(r["date"]) for r in records)
    assert run("check", "--file", str(path), env={"TARGETS_TODAY": "2023-12-31"}).exit_code == 0
