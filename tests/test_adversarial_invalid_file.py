"""Issue 9, item 2: a write refuses a file that is not valid as a whole.

`mark` parsed only the target's own lines, so a syntax error or an unknown key in another
target, `schema_version = 2` or a file an editor had half written was accepted and made
permanent. Each write must exit 1, leave the file byte for byte, and say (in one line) to
run `targets check`. A target written in valid inline form must not crash `unmark` or give
`mark` an error without a reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.adversarial_helpers import (
    THREE_TARGETS,
    assert_error,
    assert_ok,
    assert_untouched,
    no_traceback,
    run_in_process,
    sha256,
)
from tests.helpers import write_data

# Each breaks the file outside testville-parks, the target the writes below touch.
BROKEN = {
    "syntax-error-in-another-target": THREE_TARGETS.replace('unit = "条"', 'unit = "条'),
    "unknown-key-in-another-target": THREE_TARGETS.replace(
        'unit = "条"', 'unit = "条"\ntitel = "改造测试道路5条"'
    ),
    "schema-version-2": THREE_TARGETS.replace("schema_version = 1", "schema_version = 2"),
    # an editor's save cut short: at a line boundary inside a table (required keys missing) ...
    "half-written-at-a-line": THREE_TARGETS[
        : THREE_TARGETS.index('title_en = "Rebuild 5 test roads')
    ],
    # ... and in the middle of a line
    "half-written-mid-line": THREE_TARGETS[
        : THREE_TARGETS.index('title_en = "Rebuild 5 test roads') + len('title_en = "Rebu')
    ],
    "duplicate-table-elsewhere": THREE_TARGETS + '\n[targets.testville-roads]\ntitle = "重复"\n',
}

WRITES = {
    "mark": ("mark", "testville-parks", "3", "--date", "2023-06-30", "--source", "fictional"),
    "unmark": ("unmark", "testville-parks"),
    "verdict": ("verdict", "testville-parks", "kept", "--source", "fictional"),
    "add": (
        "add",
        "testville-new",
        "--report",
        "testville-2023",
        "--title",
        "新增测试项目",
        "--kind",
        "qualitative",
        "--category",
        "parks",
        "--quote",
        "新增测试项目",
    ),
}


def test_the_fixture_is_valid_and_every_write_works_on_it(tmp_path: Path) -> None:
    """The writes below fail only because of the breakage, not because of the base file."""
    for args in WRITES.values():
        data = write_data(tmp_path, THREE_TARGETS)
        assert_ok(run_in_process(*args))
        assert_ok(run_in_process("check"))
        data.unlink()


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("breakage", BROKEN)
def test_a_write_refuses_a_file_invalid_elsewhere(
    tmp_path: Path, breakage: str, write: str
) -> None:
    data = write_data(tmp_path, BROKEN[breakage])
    assert run_in_process("check").code == 1, "the broken file must fail `targets check`"
    before = sha256(data)
    result = run_in_process(*WRITES[write])
    line = assert_error(result, 1)
    assert "targets check" in line
    assert_untouched(data, before)


# testville-parks with its record written as an inline array of tables: valid TOML, valid data.
INLINE = THREE_TARGETS.replace(
    '\n[[targets.testville-parks.progress]]\ndate = 2023-03-31\nvalue = 2\nsource = "fictional test record"\n',
    '\nprogress = [{ date = 2023-03-31, value = 2, source = "fictional test record" }]\n',
)


def _records(target_id: str) -> list[dict[str, object]]:
    shown = run_in_process("show", target_id, "--format", "json")
    assert_ok(shown)
    return [{k: r[k] for k in ("date", "value")} for r in json.loads(shown.out)["records"]]


def test_the_inline_fixture_is_valid(tmp_path: Path) -> None:
    assert "progress = [{" in INLINE
    write_data(tmp_path, INLINE)
    assert_ok(run_in_process("check"))
    assert _records("testville-parks") == [{"date": "2023-03-31", "value": 2}]


def test_unmark_on_an_inline_progress_array_is_no_internal_error(tmp_path: Path) -> None:
    data = write_data(tmp_path, INLINE)
    before = sha256(data)
    result = run_in_process("unmark", "testville-parks")
    no_traceback(result)
    assert result.code in (0, 1, 2, 3), str(result)
    if result.code == 0:  # done: the record is gone and the file is still valid
        assert_ok(run_in_process("check"))
        assert _records("testville-parks") == []
    else:  # refused, with a reason that names what is in the way
        line = assert_error(result, (1, 2, 3))
        assert "progress" in line, "the refusal must say what stops it (the inline `progress`)"
        assert_untouched(data, before)


def test_mark_on_an_inline_progress_array_succeeds_or_says_why(tmp_path: Path) -> None:
    data = write_data(tmp_path, INLINE)
    before = sha256(data)
    result = run_in_process(
        "mark", "testville-parks", "3", "--date", "2023-06-30", "--source", "fictional"
    )
    no_traceback(result)
    assert result.code in (0, 1, 2, 3), str(result)
    if result.code == 0:  # done: the file parses to the intended data
        assert_ok(run_in_process("check"))
        assert _records("testville-parks") == [
            {"date": "2023-03-31", "value": 2},
            {"date": "2023-06-30", "value": 3},
        ]
    else:
        line = assert_error(result, (1, 2, 3))
        assert "progress" in line, "the refusal must say what stops it (the inline `progress`)"
        assert_untouched(data, before)
