"""Issue 9, item 6 (part 2): hostile text stays inert in reports, exports and completion.

The Markdown report must carry no image, raw HTML, heading or unsafe link from the data; the
HTML report no raw control character and no <script> from the data; every CSV cell a
spreadsheet would run is guarded with '; zsh completion shows titles literally, one per line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.adversarial_helpers import (
    DECODED,
    HOSTILE_IDS,
    PAYLOADS,
    assert_csv_guarded,
    assert_inert,
    assert_markdown_inert,
    assert_ok,
    cli,
    hostile_text,
    run_in_process,
)
from tests.helpers import write_data


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    data = write_data(tmp_path, hostile_text())
    assert run_in_process("check").code == 0, "the hostile fixture must be valid data"
    return data


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_markdown_report_carries_nothing_active_from_the_data(hostile: Path, lang: str) -> None:
    result = run_in_process("report", "--format", "markdown", "--lang", lang)
    assert_ok(result)
    assert_markdown_inert(result.out, f"report --format markdown --lang {lang}")
    assert "testville" in result.out.lower() or "测试区" in result.out


def test_the_markdown_report_links_only_clean_web_addresses(tmp_path: Path) -> None:
    """A clean https source may be a link; `javascript:` and a source with spaces, `>` or a
    newline never become one."""
    text = hostile_text().replace(
        f'source = "{PAYLOADS["csv-plus"]}"', 'source = "https://example.org/testville/record"'
    )
    write_data(tmp_path, text)
    result = run_in_process("report", "--format", "markdown")
    assert_ok(result)
    targets = re.findall(r"\]\(([^)]*)\)", result.out)
    assert all(re.fullmatch(r"https?://[\w.\-/~%?#=&+:@!$,;]+", t) for t in targets), targets
    assert not any(">" in t or "evil" in t for t in targets), targets


def test_the_html_report_holds_no_raw_control_character_or_script(hostile: Path) -> None:
    result = run_in_process("report", "--format", "html")
    assert_ok(result)
    page = result.out
    assert page.lstrip().lower().startswith("<!doctype html")
    assert_inert(page, "report --format html")
    assert "<script" not in page.lower(), "a <script> element in the report"
    lowered = page.lower()
    for bad in ('href="javascript:', "href='javascript:", 'src="http', "src='http"):
        assert bad not in lowered, f"{bad!r} in the HTML report"


def test_the_html_report_written_to_a_file_is_inert_too(hostile: Path, tmp_path: Path) -> None:
    result = run_in_process("report", "--format", "html", "--output", "report.html")
    assert_ok(result)
    page = (tmp_path / "report.html").read_bytes().decode("utf-8", "surrogateescape")
    assert_inert(page, "report.html")
    assert "<script" not in page.lower()


def test_export_csv_guards_every_formula_cell_including_list_cells(hostile: Path) -> None:
    result = run_in_process("export", "--format", "csv", "--output", "-")
    assert_ok(result)
    assert_csv_guarded(result.out, "export --format csv")


def test_export_csv_to_a_file_guards_too(hostile: Path, tmp_path: Path) -> None:
    assert_ok(run_in_process("export", "--format", "csv", "--output", "targets.csv"))
    written = (tmp_path / "targets.csv").read_bytes().decode("utf-8", "surrogateescape")
    assert_csv_guarded(written, "targets.csv")


def test_export_json_keeps_the_values_and_escapes_controls(hostile: Path) -> None:
    result = run_in_process("export", "--format", "json", "--output", "-")
    assert_ok(result)
    assert_inert(result.out, "export --format json")
    exported = {t["id"]: t for t in json.loads(result.out)["targets"]}
    for name, text in DECODED.items():
        assert exported[f"testville-h-{name}"]["title"] == text


def _zsh_completion(line: str) -> str:
    result = cli(
        env={"_TARGETS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line},
    )
    assert_ok(result)
    return result.out


def test_zsh_completion_shows_titles_literally_one_per_line(hostile: Path) -> None:
    out = _zsh_completion("targets show ")
    assert all(target_id in out for target_id in HOSTILE_IDS), out[:2000]
    assert_inert(out, "zsh completion")
    # brackets may be escaped for Rich, and zsh's completion spec writes a colon as \\:
    literal = out.replace("\\[", "[").replace("\\]", "]").replace("\\\\:", ":")
    assert PAYLOADS["rich"] in literal, "the title's Rich markup was interpreted"
    assert "[link=http://evil]RLINK[/link]" in literal
    assert "[p]" in literal, "the `[p]` of a title was read as markup and dropped"
    strays = [
        line
        for line in out.splitlines()
        if line.strip() and not any(i in line for i in HOSTILE_IDS)
    ]
    assert not strays, f"a title spilled onto lines of its own: {strays!r}"


def test_zsh_completion_of_mark_is_inert(hostile: Path) -> None:
    out = _zsh_completion("targets mark testville-h-")
    assert_inert(out, "zsh completion of mark")
