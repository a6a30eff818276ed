"""Issue 9, item 10: `targets edit [ID]` coordinates a hand edit with the writers.

It opens $VISUAL or $EDITOR on the data file while holding the lock, runs `check` when the
editor exits, and on errors offers to edit again or to restore the original bytes (as
`visudo` and `crontab -e` do). The editors here are small Python scripts in tmp_path; each
edits the last argument it is given (an editor may also get `+LINE` before it) and logs its
arguments. The prompt is answered on stdin: "r" restores, "e" edits again.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

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
from tests.helpers import REPO, write_data

COMMENT = "# a line the test editor added (fictional)\n"
BROKEN = "[targets.testville-broken\n"

PRELUDE = """\
#!{python}
import json, os, sys, time
from pathlib import Path
here = Path({folder!r})
with open(here / "editor-log.jsonl", "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
path = Path(sys.argv[-1])
calls = len((here / "editor-log.jsonl").read_text().splitlines())
"""

ACTIONS = {
    "append": "path.write_text(path.read_text() + {comment!r})",
    "break": "path.write_text(path.read_text() + {broken!r})",
    # the first call breaks the file, the second repairs it and adds the comment
    "break-then-fix": (
        "text = path.read_text()\n"
        "if calls == 1:\n"
        "    path.write_text(text + {broken!r})\n"
        "else:\n"
        "    path.write_text(text.replace({broken!r}, '') + {comment!r})"
    ),
    "nothing": "pass",
    # tell the test it runs, then wait (at most 8 s) until the test says go on
    "wait": (
        "(here / 'editor-started').touch()\n"
        "end = time.monotonic() + 8\n"
        "while not (here / 'editor-release').exists() and time.monotonic() < end:\n"
        "    time.sleep(0.02)\n"
        "path.write_text(path.read_text() + {comment!r})"
    ),
}


def editor(tmp_path: Path, action: str) -> str:
    script = tmp_path / f"editor-{action}"
    body = PRELUDE.format(python=sys.executable, folder=str(tmp_path))
    body += ACTIONS[action].format(comment=COMMENT, broken=BROKEN) + "\n"
    script.write_text(body, encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def editor_calls(tmp_path: Path) -> list[list[str]]:
    log = tmp_path / "editor-log.jsonl"
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text().splitlines()]


def env_for(script: str) -> dict[str, str | None]:
    return {"EDITOR": script, "VISUAL": None}


def test_the_readme_tells_hand_editors_to_use_targets_edit() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "targets edit" in readme


def test_a_good_edit_is_kept(tmp_path: Path) -> None:
    data = write_data(tmp_path, THREE_TARGETS)
    result = cli("edit", env=env_for(editor(tmp_path, "append")), timeout=15)
    assert_ok(result)
    assert len(editor_calls(tmp_path)) == 1
    assert data.read_text(encoding="utf-8") == THREE_TARGETS + COMMENT
    assert_ok(cli("check"))
    assert leftovers(tmp_path) == []


def test_edit_of_a_target_opens_the_editor_and_keeps_the_edit(tmp_path: Path) -> None:
    data = write_data(tmp_path, THREE_TARGETS)
    result = cli("edit", "testville-roads", env=env_for(editor(tmp_path, "append")), timeout=15)
    assert_ok(result)
    assert len(editor_calls(tmp_path)) == 1
    assert data.read_text(encoding="utf-8") == THREE_TARGETS + COMMENT


def test_visual_comes_before_editor(tmp_path: Path) -> None:
    data = write_data(tmp_path, THREE_TARGETS)
    env = {"VISUAL": editor(tmp_path, "append"), "EDITOR": editor(tmp_path, "break")}
    assert_ok(cli("edit", env=env, timeout=15))
    assert data.read_text(encoding="utf-8") == THREE_TARGETS + COMMENT


def test_a_broken_edit_can_be_restored_byte_for_byte(tmp_path: Path) -> None:
    data = write_data(tmp_path, THREE_TARGETS)
    before = sha256(data)
    result = cli("edit", env=env_for(editor(tmp_path, "break")), stdin=b"r\n", timeout=15)
    assert "Traceback" not in result.err
    assert result.code in (0, 1), str(result)
    assert len(editor_calls(tmp_path)) == 1
    assert_untouched(data, before)


def test_a_broken_edit_can_be_edited_again(tmp_path: Path) -> None:
    data = write_data(tmp_path, THREE_TARGETS)
    result = cli("edit", env=env_for(editor(tmp_path, "break-then-fix")), stdin=b"e\n", timeout=15)
    assert_ok(result)
    assert len(editor_calls(tmp_path)) == 2, "the editor was not opened a second time"
    assert data.read_text(encoding="utf-8") == THREE_TARGETS + COMMENT
    assert_ok(cli("check"))


def test_an_unknown_id_is_a_usage_error_and_opens_no_editor(tmp_path: Path) -> None:
    data = write_data(tmp_path, THREE_TARGETS)
    before = sha256(data)
    assert_ok(cli("edit", "--help"))  # the command exists: the 2 below is about the id
    assert_error(cli("edit", "testville-nope", env=env_for(editor(tmp_path, "break"))), 2)
    assert editor_calls(tmp_path) == []
    assert_untouched(data, before)


def test_the_bundled_copy_is_not_opened_for_editing(tmp_path: Path) -> None:
    """No data file here: the bundled copy would be chosen, and it is read-only (exit 3).
    The editor used changes nothing, so even today's code cannot harm the bundled copy."""
    assert_error(cli("edit", env=env_for(editor(tmp_path, "nothing"))), 3)
    assert editor_calls(tmp_path) == []


def test_a_writer_waits_for_the_lock_while_the_editor_runs(tmp_path: Path) -> None:
    data = write_data(tmp_path, THREE_TARGETS)
    editing = start("edit", env=env_for(editor(tmp_path, "wait")))
    try:
        deadline = time.monotonic() + HANG_TIMEOUT + 4
        while not (tmp_path / "editor-started").exists():
            assert editing.poll() is None, (
                f"edit ended before opening the editor: {editing.communicate()}"
            )
            assert time.monotonic() < deadline, "the editor was never started"
            time.sleep(0.02)
        before = sha256(data)  # the editor writes only once released
        during = cli(
            "mark",
            "testville-roads",
            "2",
            "--date",
            "2023-06-30",
            env={"TARGETS_LOCK_TIMEOUT": "1"},
        )
        assert_error(during, 3)
        assert_untouched(data, before)
    finally:
        (tmp_path / "editor-release").touch()
        try:
            out, err = editing.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            editing.kill()
            out, err = editing.communicate()
    assert editing.returncode == 0, err.decode(errors="replace")
    assert data.read_text(encoding="utf-8") == THREE_TARGETS + COMMENT
    after = cli("mark", "testville-roads", "2", "--date", "2023-06-30")  # the lock is free again
    assert_ok(after)


def test_the_prompt_does_not_hang_without_an_answer(tmp_path: Path) -> None:
    """stdin at end of file: the original stays (nothing to confirm the broken edit)."""
    data = write_data(tmp_path, THREE_TARGETS)
    before = sha256(data)
    result = cli("edit", env=env_for(editor(tmp_path, "break")), stdin=b"", timeout=15)
    assert "Traceback" not in result.err
    assert result.code in (1, 2, 3), str(result)
    assert len(editor_calls(tmp_path)) == 1
    assert_untouched(data, before)
