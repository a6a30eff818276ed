"""list, show and status through the CLI: filters, formats, exit codes, safe rendering."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from targets.domain.rows import LIST_FIELDS
from tests.helpers import BASE, SHIPPED_TODAY, run, shipped_count, write_data


def json_list(*args: str) -> list[dict[str, object]]:
    result = run("list", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    return rows


def ids(*args: str) -> list[str]:
    result = run("list", "--format", "ids", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()


def test_json_fields_are_the_documented_ones(shipped_copy: Path) -> None:
    rows = json_list()
    assert len(rows) == shipped_count()
    assert all(list(row) == list(LIST_FIELDS) for row in rows)
    greenways = next(r for r in rows if r["id"] == "licang-greenways")
    assert greenways["district"] == "李沧区"
    assert greenways["title"] == "建设林荫绿道16公里"
    assert (greenways["target"], greenways["unit"], greenways["status"]) == (16, "km", "overdue")
    assert greenways["evaluated_on"] == "2024-06-30" and greenways["direction"] == "up"
    assert greenways["due"] == "2023-12-31"


def test_bundled_copy_is_used_from_an_empty_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TARGETS_TODAY", SHIPPED_TODAY)
    rows = json_list()
    assert len(rows) == shipped_count()


@pytest.mark.parametrize(
    "name", ["licang", "Licang", "LICANG DISTRICT", "李沧", "李沧区", "licang-2023"]
)
def test_district_by_any_name_or_prefix(shipped_copy: Path, name: str) -> None:
    rows = json_list("--district", name)
    assert rows and all(r["district"] == "李沧区" for r in rows)
    assert len(rows) == shipped_count("licang")


def test_filters_agree_with_the_full_list(shipped_copy: Path) -> None:
    everything = json_list()
    parks = json_list("--district", "licang", "--category", "parks")
    assert [r["id"] for r in parks] == [
        r["id"] for r in everything if r["district"] == "李沧区" and r["category"] == "parks"
    ]
    kinds = json_list("--kind", "count,milestone")
    assert [r["id"] for r in kinds] == [
        r["id"] for r in everything if r["kind"] in ("count", "milestone")
    ]
    assert ids("--report", "shibei-2023") == [
        r["id"] for r in everything if r["report"] == "shibei-2023"
    ]
    assert ids("--search", "GREENWAYS") == ["licang-greenways"]
    assert ids("--search", "口袋公园") == ["licang-pocket-parks"]
    assert ids("--status", "unmeasured") == [
        r["id"] for r in everything if r["status"] == "unmeasured"
    ]
    assert ids("--due-before", "2023-12-31") == []
    assert len(ids("--due-before", "2024-01-01")) == shipped_count()


def test_status_depends_on_as_of(shipped_copy: Path) -> None:
    before = {r["id"]: r["status"] for r in json_list("--as-of", "2023-06-30")}
    after = {r["id"]: r["status"] for r in json_list("--as-of", "2024-01-01")}
    assert before["licang-greenways"] == "not_started"
    assert after["licang-greenways"] == "overdue"
    assert after["shibei-culture"] == "unmeasured"


def test_sort_is_stable_and_repeatable(shipped_copy: Path) -> None:
    rows = json_list("--sort", "category", "--sort", "-target")
    keys = [(r["category"], r["target"]) for r in rows]
    assert [k[0] for k in keys] == sorted(k[0] for k in keys)
    parks = [
        r["target"]
        for r in rows
        if r["category"] == "parks" and isinstance(r["target"], (int, float))
    ]
    assert parks == sorted(parks, reverse=True)
    assert json_list() == json_list()  # same order every run


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ["--district", "nowhere"],
            "valid values: 市北区 (Shibei District), 李沧区 (Licang District)",
        ),
        (["--category", "parkz"], "valid values: culture, development"),
        (["--kind", "amount"], "valid values: count, level, growth, milestone, qualitative"),
        (["--status", "late"], "valid values: achieved, achieved_late"),
        (["--report", "x"], "valid values: shibei-2023, licang-2023"),
        (["--sort", "size"], "valid values: id, district"),
        (["--fields", "id,size"], "valid fields: id, district"),
        (["--format", "yaml"], "valid formats: table, json"),
        (["--as-of", "2023-02-30"], "--as-of '2023-02-30' is not a real date"),
        (["--due-before", "soon"], "is not a date; write it as YYYY-MM-DD"),
        (["--lang", "fr"], "valid values: zh, en"),
        (["--no-such-flag"], "No such option"),
    ],
)
def test_bad_values_are_usage_errors(shipped_copy: Path, args: list[str], words: str) -> None:
    result = run("list", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert words in result.stderr
    assert result.stderr.startswith("targets: error: ")
    assert len(result.stderr.splitlines()) == 1


def test_every_format_parses_to_the_same_rows(shipped_copy: Path) -> None:
    rows = json_list()
    fields = ["id", "title", "target", "status", "quote"]
    picked = [{f: r[f] for f in fields} for r in rows]

    def text(value: object) -> str:
        return "" if value is None else str(value)

    jsonl = run("list", "--format", "jsonl", "--fields", ",".join(fields)).stdout
    assert [json.loads(line) for line in jsonl.splitlines()] == picked
    csv_out = run("list", "--format", "csv", "--fields", ",".join(fields)).stdout
    assert list(csv.DictReader(io.StringIO(csv_out))) == [
        {f: text(r[f]) for f in fields} for r in picked
    ]
    tsv_out = run("list", "--fields", ",".join(fields)).stdout  # TSV: stdout is not a terminal
    assert list(csv.DictReader(io.StringIO(tsv_out), delimiter="\t")) == [
        {f: text(r[f]) for f in fields} for r in picked
    ]
    markdown = run("list", "--format", "markdown", "--fields", "id,status").stdout.splitlines()
    assert markdown[:2] == ["| id | status |", "|---|---|"]
    assert len(markdown) == 2 + len(rows)
    assert run("list", "--format", "ids").stdout.split() == [r["id"] for r in rows]


def test_table_aligns_chinese_text(shipped_copy: Path) -> None:
    from rich.cells import cell_len

    result = run("list", "--format", "table", "--district", "licang", "--fields", "id,title,status")
    assert result.exit_code == 0
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    widths = {cell_len(line.rstrip()) for line in lines[2:] if line.startswith("licang-")}
    header_status = cell_len(lines[0][: lines[0].index("status")])
    for line in lines[2:]:
        if line.startswith("licang-"):
            words = line.split()
            status_col = cell_len(line[: line.rindex(words[-1])])
            assert status_col == header_status, line
    assert widths


def test_long_titles_fold_rather_than_vanish(shipped_copy: Path) -> None:
    result = run(
        "list",
        "--format",
        "table",
        "--search",
        "3+2+4",
        "--fields",
        "id,title",
        env={"COLUMNS": "50"},
    )
    flat = "".join(line.strip() for line in result.stdout.splitlines()[2:]).replace(" ", "")
    assert "打造具有核心竞争力的“3+2+4”现代产业集群" in flat
    assert "…" not in result.stdout


def test_show_has_quote_fields_status_and_records(tmp_path: Path) -> None:
    text = (
        BASE
        + '\n[[targets.testville-parks.progress]]\ndate = 2023-06-01\nvalue = 5\nnote = "half"\nsource = "https://example.org/fictional"\n'
    )
    write_data(tmp_path, text)
    shown = run("show", "testville-parks", "--format", "table")
    assert shown.exit_code == 0
    for words in (
        "新增测试公园10个",
        "Add 10 test parks",
        "“新增测试公园10个”",
        "on_track",
        "2023-06-01",
        "https://example.org/fictional",
        "values",
        "2 → 5 of 10 个",
    ):
        assert words in shown.stdout, words
    data = json.loads(run("show", "testville-parks").stdout)  # JSON when piped
    assert data["records"][1] == {
        "date": "2023-06-01",
        "published": None,
        "value": 5,
        "stage": None,
        "note": "half",
        "source": "https://example.org/fictional",
    }
    assert data["status"] == "on_track" and data["current"] == 5


def test_show_unknown_id_suggests(shipped_copy: Path) -> None:
    result = run("show", "licang-greenway")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown target 'licang-greenway'; did you mean licang-greenways" in result.stderr


def test_status_dashboard_and_fail_on(tmp_path: Path) -> None:
    write_data(tmp_path, BASE)  # 2 of 10 by March: behind on 2023-07-01
    table = run("status", "--format", "table")
    assert table.exit_code == 0
    assert (
        "behind 1" in table.stdout and "测试区 · 公园绿地" in table.stdout and "20%" in table.stdout
    )
    assert "testville-parks" in table.stdout  # each bar is named by its id
    failing = run("status", "--fail-on", "behind,missed", "--format", "json")
    assert failing.exit_code == 4
    assert json.loads(failing.stdout)["counts"] == {"behind": 1}
    assert run("status", "--fail-on", "missed").exit_code == 0
    assert run("status", "--fail-on", "late").exit_code == 2
    assert run("status", "--as-of", "2023-03-31", "--fail-on", "behind").exit_code == 0


def test_status_tsv_counts(shipped_copy: Path) -> None:
    out = run("status", "--district", "shibei").stdout
    rows = list(csv.DictReader(io.StringIO(out), delimiter="\t"))
    assert sum(int(r["count"]) for r in rows) == shipped_count("shibei")
    assert {r["district"] for r in rows} == {"市北区"}


HOSTILE = (
    BASE.replace(
        'title = "新增测试公园10个"', 'title = "[red]红[/red] \\u001b[31mESC =1+1 \\u202eRTL"'
    )
    .replace(
        'title_en = "Add 10 test parks (fictional)"', 'title_en = "=HYPERLINK(\\"http://x\\")"'
    )
    .replace('source = "fictional test record"', 'source = "@SUM(1)\\ttab\\nline\\\\back"')
)


def test_hostile_text_is_shown_literally_and_never_steers_the_terminal(tmp_path: Path) -> None:
    write_data(tmp_path, HOSTILE)
    for args in (
        ["list", "--format", "table"],
        ["show", "testville-parks", "--format", "table"],
        ["status", "--format", "table"],
    ):
        out = run(*args, "--no-color").stdout
        assert "\x1b" not in out and "\u202e" not in out, args
        assert "[red]红[/red]" in out, args
        assert "␛[31m" in out, args
    for fmt in ("json", "jsonl", "csv", "tsv", "markdown"):
        out = run("list", "--format", fmt, env={"FORCE_COLOR": "1"}).stdout
        assert "\x1b" not in out and "\u202e" not in out, fmt
    rows = json_list()
    assert rows[0]["title"] == "[red]红[/red] \x1b[31mESC =1+1 \u202eRTL"  # JSON is lossless
    shown = json.loads(run("show", "testville-parks").stdout)
    assert shown["records"][0]["source"] == "@SUM(1)\ttab\nline\\back"


def test_csv_guards_formulas(tmp_path: Path) -> None:
    write_data(tmp_path, HOSTILE)
    out = run("list", "--format", "csv", "--fields", "id,title_en,target").stdout
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["title_en"] == '\'=HYPERLINK("http://x")'
    assert row["target"] == "10"


def test_tsv_escapes_tabs_and_newlines(tmp_path: Path) -> None:
    write_data(tmp_path, HOSTILE.replace('quote = "新增测试公园10个"', 'quote = "a\\tb\\nc\\\\d"'))
    out = run("list", "--fields", "id,quote").stdout
    assert out.splitlines()[1] == "testville-parks\ta\\tb\\nc\\\\d"


def test_colour_rules(tmp_path: Path) -> None:
    write_data(tmp_path, BASE)
    forced = run("list", "--format", "table", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" in forced
    assert (
        "\x1b["
        not in run("list", "--format", "table", "--no-color", env={"FORCE_COLOR": "1"}).stdout
    )
    assert (
        "\x1b["
        not in run("list", "--format", "table", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    )
    assert (
        "\x1b["
        not in run("list", "--format", "table", env={"FORCE_COLOR": "1", "TERM": "dumb"}).stdout
    )


def test_english_display(shipped_copy: Path) -> None:
    out = run(
        "list",
        "--format",
        "table",
        "--lang",
        "en",
        "--search",
        "greenways",
        "--fields",
        "district,title",
    ).stdout
    assert "Build 16 km of tree-lined greenways" in out and "Licang District" in out
    assert json_list("--lang", "en", "--search", "greenways")[0]["title"] == "建设林荫绿道16公里"


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("targets ")
    for command in ("list", "show", "status", "check"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout, command


def test_no_command_shows_help_and_succeeds() -> None:
    result = run()
    assert result.exit_code == 0
    assert "Usage" in result.stdout and "list" in result.stdout
    assert "error" not in result.stderr
