"""`targets extract` on the command line, and `add --from` / `mark --from` (issue 13): drafts
into the data all or nothing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import tomllib

from tests.helpers import BASE, SHIPPED_TODAY, run, write_data

REPORT = (
    "测试区2024年政府工作报告\n"
    "一、2023年工作回顾\n过去一年，全区地区生产总值达到520.3亿元，同比增长6.1%。新建测试公园7个。\n"
    "二、2024年工作安排\n2024年主要预期目标是：地区生产总值增长6%左右，城镇新增就业1.2万人，"
    "居民消费价格涨幅控制在3%以内。新建幼儿园两所，建设绿道12公里。\n"
)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_extract_prints_toml_that_add_from_takes_as_it_is(tmp_path: Path) -> None:
    data = write_data(tmp_path, BASE)
    (tmp_path / "report.txt").write_text(REPORT, encoding="gb18030")
    toml = run(
        "extract",
        "report.txt",
        "--report",
        "testville-2023",
        "--id-prefix",
        "testville-",
        "--format",
        "toml",
    )
    assert toml.exit_code == 0, toml.stderr
    drafts = tomllib.loads(toml.stdout)["targets"]
    assert any(
        d["quote"] == "地区生产总值增长6%左右" and d["comparator"] == "about"
        for d in drafts.values()
    )
    assert any(d.get("target") == 2 and d.get("unit") == "所" for d in drafts.values())  # 两所
    assert all(d["quote"] in REPORT for d in drafts.values())
    assert not any("520.3" in d["quote"] for d in drafts.values())  # a review figure: an outcome
    (tmp_path / "drafts.toml").write_text(toml.stdout, encoding="utf-8")
    added = run("add", "--from", "drafts.toml")
    assert added.exit_code == 0, added.stderr
    assert run("check").exit_code == 0
    assert all(f"[targets.{tid}]" in data.read_text(encoding="utf-8") for tid in drafts)


def test_extract_json_names_outcomes_and_their_matches(tmp_path: Path) -> None:
    write_data(tmp_path, BASE)
    result = run("extract", "-", "--format", "json", input=REPORT)
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)
    assert set(found) == {"targets", "outcomes"}
    parks = next(o for o in found["outcomes"] if o["value"] == 7)
    assert parks["matches"][:1] == ["testville-parks"] and parks["period_end"] == "2023-12-31"


def test_extract_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    write_data(tmp_path, BASE)
    (tmp_path / "binary.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    result = run("extract", "binary.txt")
    assert result.exit_code == 2 and result.stderr.startswith("targets: error: ")
    assert run("extract", "missing.txt").exit_code == 2


def test_a_batch_with_one_bad_draft_leaves_every_file_untouched(tmp_path: Path) -> None:
    data = write_data(tmp_path, BASE)
    before = sha(data)
    drafts = [
        {"id": "testville-a", "report": "testville-2023", "category": "parks", "title": "甲",
         "kind": "count", "comparator": "at_least", "target": 3, "unit": "个", "quote": "甲"},
        {"id": "testville-b", "report": "testville-2023", "category": "parks", "title": "乙",
         "kind": "count", "comparator": "at_most", "direction": "up", "target": 3, "unit": "个", "quote": "乙"},
    ]  # fmt: skip
    (tmp_path / "drafts.json").write_text(json.dumps(drafts, ensure_ascii=False), encoding="utf-8")
    result = run("add", "--from", "drafts.json")
    assert (
        result.exit_code == 2
        and "testville-b" in result.stderr
        and "less is better" in result.stderr
    )
    assert sha(data) == before and not list(tmp_path.glob(".targets.toml.*.tmp"))
    drafts[1]["direction"] = "down"
    (tmp_path / "drafts.json").write_text(json.dumps(drafts, ensure_ascii=False), encoding="utf-8")
    assert run("add", "--from", "drafts.json").exit_code == 0
    assert run("list", "--format", "ids").stdout.split() == [
        "testville-parks",
        "testville-a",
        "testville-b",
    ]


def test_csv_and_jsonl_drafts_and_a_duplicate_id(tmp_path: Path) -> None:
    data = write_data(tmp_path, BASE)
    (tmp_path / "drafts.csv").write_text(
        "id,report,category,title,kind,tags,quote\n"
        "testville-c,testville-2023,parks,丙,qualitative,\"a,b\",丙\n", encoding="utf-8")  # fmt: skip
    assert run("add", "--from", "drafts.csv").exit_code == 0
    assert 'tags = ["a", "b"]' in data.read_text(encoding="utf-8")
    before = sha(data)
    (tmp_path / "again.jsonl").write_text(
        '{"id": "testville-c", "report": "testville-2023", "category": "parks", "title": "丙", '
        '"kind": "qualitative"}\n', encoding="utf-8")  # fmt: skip
    again = run("add", "--from", "again.jsonl")
    assert again.exit_code == 2 and "already exists" in again.stderr and sha(data) == before


def test_mark_from_records_all_or_nothing(tmp_path: Path) -> None:
    data = write_data(tmp_path, BASE)
    good = [
        {"target": "testville-parks", "value": 4, "date": "2023-05-01", "source": "s"},
        {"target": "testville-parks", "value": 6, "date": "2023-06-01", "published": "2023-06-05",
         "source": "s", "note": "「六个」"},
    ]  # fmt: skip
    bad = [*good, {"target": "testville-parks", "value": 7, "date": "2023-13-01", "source": "s"}]
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    before = sha(data)
    refused = run("mark", "--from", "bad.json")
    assert refused.exit_code == 2 and "record 3" in refused.stderr and sha(data) == before
    (tmp_path / "good.json").write_text(json.dumps({"records": good}), encoding="utf-8")
    assert run("mark", "--from", "good.json").exit_code == 0
    shown = json.loads(run("show", "testville-parks").stdout)
    assert [(r["date"], r["value"], r["published"]) for r in shown["records"]] == [
        ("2023-03-31", 2, None), ("2023-05-01", 4, None), ("2023-06-01", 6, "2023-06-05"),
    ]  # fmt: skip


def test_seed_drafts_into_a_copy_of_the_shipped_data_check_clean(shipped_copy: Path) -> None:
    from tests.helpers import SOURCE_ARTICLE

    drafts = run(
        "extract",
        str(SOURCE_ARTICLE),
        "--report",
        "licang-2023",
        "--id-prefix",
        "draft-",
        "--format",
        "toml",
    )
    assert drafts.exit_code == 0
    (shipped_copy.parent / "drafts.toml").write_text(drafts.stdout, encoding="utf-8")
    assert run("add", "--from", "drafts.toml").exit_code == 0
    result = run("check", env={"TARGETS_TODAY": SHIPPED_TODAY})
    assert result.exit_code == 0, result.stdout
