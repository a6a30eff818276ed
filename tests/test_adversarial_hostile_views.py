"""Issue 9, item 6 (part 1): hostile text stays inert in list, show, status, check and errors.

The data file (fictional, see adversarial_helpers.hostile_text) holds escape sequences, OSC 8
links, C1 controls, bidi overrides, NUL, U+2028, Rich markup, Markdown/HTML and CSV formulas
in every text field. No raw control character may reach a terminal, CSV, TSV or Markdown;
JSON escapes them and keeps the data's values; Rich markup is shown literally.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.adversarial_helpers import (
    DECODED,
    HOSTILE_IDS,
    PAYLOADS,
    assert_csv_guarded,
    assert_error,
    assert_inert,
    assert_markdown_inert,
    assert_ok,
    assert_terminal_inert,
    assert_untouched,
    hostile_text,
    run_in_process,
    sha256,
)
from tests.helpers import run, write_data

PLAIN = {"NO_COLOR": "1", "COLUMNS": "400", "FORCE_COLOR": None}
COLOUR = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "400", "NO_COLOR": None}


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    data = write_data(tmp_path, hostile_text())
    checked = run_in_process("check")
    assert checked.code == 0, f"the hostile fixture must be valid data: {checked}"
    return data


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv", "markdown", "ids"])
def test_list_machine_formats_are_inert(hostile: Path, fmt: str) -> None:
    result = run_in_process("list", "--format", fmt)
    assert_ok(result)
    assert result.err == ""
    where = f"list --format {fmt}"
    if fmt == "csv":
        assert_csv_guarded(result.out, where)
    elif fmt == "markdown":
        assert_markdown_inert(result.out, where)
    else:
        assert_inert(result.out, where)  # JSON included: it \u-escapes what could steer
    if fmt in ("json", "jsonl"):  # ... and keeps the data's own values
        rows = (
            json.loads(result.out)
            if fmt == "json"
            else list(map(json.loads, result.out.splitlines()))
        )
        titles = {row["id"]: row["title"] for row in rows}
        assert titles == {f"testville-h-{name}": text for name, text in DECODED.items()}


@pytest.mark.parametrize("env", [PLAIN, COLOUR], ids=["plain", "colour"])
@pytest.mark.parametrize("command", ["list", "status"])
def test_tables_on_a_terminal_are_inert_and_show_markup_literally(
    hostile: Path, command: str, env: dict[str, str | None]
) -> None:
    result = run_in_process(command, "--format", "table", env=env)
    assert_ok(result)
    where = f"{command} --format table"
    if env is PLAIN:
        assert_inert(result.out, where)
    else:
        assert_terminal_inert(result.out, where)
    if command == "list":
        assert PAYLOADS["rich"] in result.out, "Rich markup from the data was interpreted"
        assert PAYLOADS["rich-link"] in result.out


@pytest.mark.parametrize("env", [PLAIN, COLOUR], ids=["plain", "colour"])
def test_show_on_a_terminal_is_inert_for_every_payload(
    hostile: Path, env: dict[str, str | None]
) -> None:
    """In-process (CliRunner) to keep 19 runs fast; `--format table` is what a terminal gets."""
    failures = []
    for target_id in HOSTILE_IDS:
        result = run("show", target_id, "--format", "table", env=env)  # type: ignore[arg-type]
        assert result.exit_code == 0, (target_id, result.stdout, result.stderr)
        try:
            if env is PLAIN:
                assert_inert(result.stdout, f"show {target_id}")
            else:
                assert_terminal_inert(result.stdout, f"show {target_id}")
        except AssertionError as failure:
            failures.append(str(failure).splitlines()[0])
    assert not failures, "\n".join(failures)
    shown = run("show", "testville-h-rich", "--format", "table", env=PLAIN)  # type: ignore[arg-type]
    assert PAYLOADS["rich"] in shown.stdout, "Rich markup from the data was interpreted"


def test_show_json_escapes_and_keeps_the_values(hostile: Path) -> None:
    for name, text in DECODED.items():
        result = run_in_process("show", f"testville-h-{name}", "--format", "json")
        assert_ok(result)
        assert_inert(result.out, f"show testville-h-{name} --format json")
        shown = json.loads(result.out)
        assert shown["unit"] == text and shown["records"][0]["source"] == text


@pytest.mark.parametrize("fmt", ["json", "tsv", "csv", "markdown"])
def test_status_machine_formats_are_inert(hostile: Path, fmt: str) -> None:
    result = run_in_process("status", "--format", fmt)
    assert_ok(result)
    assert_inert(result.out, f"status --format {fmt}")


def test_unmark_prints_the_removed_record_inertly(hostile: Path) -> None:
    for target_id in ("testville-h-osc-title", "testville-h-bidi", "testville-h-nul"):
        result = run_in_process("unmark", target_id)
        assert_ok(result)
        assert_inert(result.out + result.err, f"unmark {target_id}")


# -- error lines that quote the data file or the command line ------------------------------

ESC_KEY = '"ti\\u001b]0;PWNED\\u0007tle\\u009b" = "x"\n'


@pytest.fixture
def escaped_key(tmp_path: Path) -> Path:
    """A fictional file whose only error is a key name holding ESC, BEL and a C1 control."""
    from tests.adversarial_helpers import THREE_TARGETS

    text = THREE_TARGETS.replace('unit = "条"\n', 'unit = "条"\n' + ESC_KEY)
    return write_data(tmp_path, text)


def test_check_never_prints_a_raw_escape_from_a_key_name(escaped_key: Path) -> None:
    result = run_in_process("check")
    assert result.code == 1, str(result)
    assert "Traceback" not in result.err
    assert result.out.strip(), "check must report the unknown key"
    assert_inert(result.out, "check stdout")
    assert_inert(result.err, "check stderr")


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("show", "testville-roads"),
        ("mark", "testville-roads", "1", "--date", "2023-06-30"),
    ],
    ids=["list", "show", "mark"],
)
def test_the_invalid_file_error_line_never_holds_a_raw_escape(
    escaped_key: Path, args: tuple[str, ...]
) -> None:
    before = sha256(escaped_key)
    line = assert_error(run_in_process(*args), 1)
    assert_inert(line, f"{args[0]} error line")
    assert_untouched(escaped_key, before)


def test_an_id_with_control_characters_is_echoed_inertly(hostile: Path) -> None:
    line = assert_error(run_in_process("show", "x\x1b]0;PWNED\x07\u202e\x9b"), 2)
    assert_inert(line, "unknown id error line")
