"""Documents behind one root (issue 11): reads, check, duplicates, includes, and writes that
touch only their own document. Fictional data only (测试区)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.helpers import run

ROOT = 'schema_version = 1\ninclude = ["reports/*.toml"]\n'


def document(district: str, body: str = "") -> str:
    return (
        f"schema_version = 1\n\n[reports.r-{district}]\n"
        f'district = "测试{district}区"\nperiod = {{ start = 2023-01-01, end = 2023-12-31 }}\n\n'
        f'[targets.t-{district}-parks]\nreport = "r-{district}"\ncategory = "parks"\n'
        f'title = "新增测试公园{district}"\nkind = "count"\ncomparator = "at_least"\n'
        f'target = 10\nunit = "个"\nquote = "新增测试公园"\n' + body
    )


def three(tmp_path: Path, root: str = ROOT) -> dict[str, Path]:
    (tmp_path / "reports").mkdir()
    (tmp_path / "targets.toml").write_text(root, encoding="utf-8")
    paths = {}
    for district in "abc":
        paths[district] = tmp_path / "reports" / f"{district}.toml"
        paths[district].write_text(document(district), encoding="utf-8")
    return paths


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reads_see_every_document_in_include_order(tmp_path: Path) -> None:
    three(tmp_path)
    result = run("list", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in json.loads(result.stdout)] == ["t-a-parks", "t-b-parks", "t-c-parks"]
    assert run("show", "t-b-parks", "--format", "json").exit_code == 0
    assert run("check").exit_code == 0


def test_check_names_each_document_and_both_places_of_a_duplicate(tmp_path: Path) -> None:
    paths = three(tmp_path)
    with paths["b"].open("a", encoding="utf-8") as handle:
        handle.write("titel = 1\n")
    with paths["c"].open("a", encoding="utf-8") as handle:
        handle.write('\n[targets.t-a-parks]\nreport = "r-c"\ncategory = "parks"\ntitle = "重"\n'
                     'kind = "qualitative"\nquote = "q"\n')  # fmt: skip
    result = run("check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("reports/b.toml:") and "`titel`" in line for line in lines)
    duplicate = next(line for line in lines if "defined twice" in line)
    assert duplicate.startswith("reports/c.toml:")
    assert "also defined at reports/a.toml:7:1" in duplicate
    assert "2 error(s), 0 warning(s) in 2 of 4 documents" in result.stderr


def test_an_invalid_document_is_left_out_with_a_warning_and_exit_1(tmp_path: Path) -> None:
    paths = three(tmp_path)
    paths["b"].write_text(document("b").replace("kind = ", "kind = 5 #"), encoding="utf-8")
    result = run("list", "--format", "ids")
    assert result.exit_code == 1
    assert result.stdout.split() == ["t-a-parks", "t-c-parks"]
    assert "reports/b.toml has errors and was left out" in result.stderr
    # a write to a valid document is not blocked by another's errors
    assert run("mark", "t-c-parks", "2", "--date", "2023-05-01", "--source", "s").exit_code == 0
    refused = run("mark", "t-b-parks", "2", "--date", "2023-05-01", "--source", "s")
    assert refused.exit_code == 1 and "targets check" in refused.stderr


def test_writes_go_to_the_document_that_defines_the_target(tmp_path: Path) -> None:
    paths = three(tmp_path)
    before = {d: sha(p) for d, p in paths.items()}
    root = sha(tmp_path / "targets.toml")
    assert run("mark", "t-b-parks", "3", "--date", "2023-06-01", "--source", "s").exit_code == 0
    added = run("add", "t-c-new", "--report", "r-c", "--title", "新的", "--kind", "qualitative",
                "--category", "parks", "--quote", "新的")  # fmt: skip
    assert added.exit_code == 0, added.stderr
    assert sha(paths["a"]) == before["a"] and sha(tmp_path / "targets.toml") == root
    assert sha(paths["b"]) != before["b"] and "[[targets.t-b-parks.progress]]" in paths[
        "b"
    ].read_text(encoding="utf-8")
    assert "[targets.t-c-new]" in paths["c"].read_text(encoding="utf-8")
    assert (paths["b"].parent / "b.toml.lock").exists()  # each document its own lock
    ids = run("list", "--format", "ids").stdout.split()
    assert ids == ["t-a-parks", "t-b-parks", "t-c-parks", "t-c-new"]


def test_a_report_and_parts_may_be_in_another_document(tmp_path: Path) -> None:
    paths = three(tmp_path)
    paths["c"].write_text(
        document("c") + '\n[targets.t-c-sum]\nreport = "r-a"\ncategory = "parks"\ntitle = "合计"\n'
        'kind = "count"\ncomparator = "at_least"\ntarget = 20\nunit = "个"\n'
        'parts = ["t-a-parks", "t-b-parks"]\nquote = "合计"\n',
        encoding="utf-8",
    )
    assert run("mark", "t-a-parks", "4", "--date", "2023-05-01", "--source", "s").exit_code == 0
    assert run("mark", "t-b-parks", "5", "--date", "2023-05-02", "--source", "s").exit_code == 0
    shown = json.loads(run("show", "t-c-sum", "--format", "json").stdout)
    assert shown["current"] == 9 and shown["district"] == "测试a区"


def test_an_include_that_matches_nothing_warns_and_a_cycle_is_an_error(tmp_path: Path) -> None:
    three(tmp_path, ROOT.replace('"reports/*.toml"', '"reports/*.toml", "old/*.toml"'))
    result = run("check")
    assert result.exit_code == 0
    assert "targets.toml:2:30: warning: include 'old/*.toml' matches no file" in result.stdout
    (tmp_path / "reports" / "a.toml").write_text(
        document("a").replace(
            "schema_version = 1\n", 'schema_version = 1\ninclude = ["../*.toml"]\n'
        ),
        encoding="utf-8",
    )
    cycle = run("check")
    assert cycle.exit_code == 1 and "an include cycle" in cycle.stdout
    assert cycle.stdout.startswith("reports/a.toml:2:")


def test_cached_reads_after_writes_equal_fresh_reads(tmp_path: Path) -> None:
    """The cache a write updates itself must give what parsing everything again gives."""
    paths = three(tmp_path)
    run("list", "--format", "json")
    for day, value in (("2023-03-01", "1"), ("2023-05-01", "4"), ("2023-04-01", "2")):
        assert run("mark", "t-a-parks", value, "--date", day, "--source", "s").exit_code == 0
    assert run("verdict", "t-b-parks", "stalled", "--source", "s").exit_code == 0
    assert run("unmark", "t-a-parks", "--date", "2023-04-01").exit_code == 0
    paths["c"].write_text(document("c").replace("新增测试公园c", "改过的标题"), encoding="utf-8")
    cached = run("list", "--format", "json").stdout
    fresh = run("list", "--format", "json", env={"TARGETS_NO_CACHE": "1"}).stdout
    assert cached == fresh and "改过的标题" in cached
    rows = {r["id"]: r for r in json.loads(cached)}
    assert rows["t-a-parks"]["current"] == 4 and rows["t-b-parks"]["verdict"] == "stalled"
