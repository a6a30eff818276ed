"""export (SQLite, JSON, CSV), report (HTML, Markdown), completion and English display."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import BASE, run, shipped_count, write_data

RECORDS = (
    '\n[[targets.testville-parks.progress]]\ndate = 2023-06-01\nvalue = 5\nnote = "half"\n'
    'source = "https://example.org/fictional"\n'
)


def test_sqlite_export_reads_back(tmp_path: Path) -> None:
    write_data(tmp_path, BASE + RECORDS)
    result = run("export", "--format", "sqlite", "--output", "out.db")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "1 targets, evaluated on 2023-07-01" in result.stderr
    with sqlite3.connect(tmp_path / "out.db") as db:
        target = db.execute(
            "SELECT id, district, title, target, current, status, conflict FROM targets"
        ).fetchall()
        assert target == [("testville-parks", "测试区", "新增测试公园10个", 10, 5, "on_track", 0)]
        records = db.execute(
            "SELECT target_id, date, value, note, source FROM records ORDER BY date"
        ).fetchall()
        assert records == [
            ("testville-parks", "2023-03-31", 2.0, None, "fictional test record"),
            ("testville-parks", "2023-06-01", 5.0, "half", "https://example.org/fictional"),
        ]
        joined = db.execute(
            "SELECT reports.district_en, count(*) FROM targets JOIN reports ON reports.id = targets.report"
        ).fetchone()
        assert joined == ("Testville District", 1)
    if shutil.which("sqlite3"):  # the command-line shell reads it too
        shell = subprocess.run(
            ["sqlite3", str(tmp_path / "out.db"), "SELECT status FROM targets"],
            capture_output=True,
            text=True,
            check=True,
        )
        assert shell.stdout == "on_track\n"


def test_sqlite_export_of_the_shipped_data_at_a_date(shipped_copy: Path) -> None:
    assert run("export", "--output", "all.db", "--as-of", "2024-01-01").exit_code == 0
    with sqlite3.connect(shipped_copy.parent / "all.db") as db:
        assert db.execute("SELECT count(*) FROM targets").fetchone() == (shipped_count(),)
        assert db.execute("SELECT count(*) FROM reports").fetchone() == (2,)
        statuses = dict(
            db.execute("SELECT status, count(*) FROM targets GROUP BY status").fetchall()
        )
        assert "achieved_late" not in statuses  # the only late record is dated 2024-02-27
        assert db.execute("SELECT DISTINCT evaluated_on FROM targets").fetchall() == [
            ("2024-01-01",)
        ]
        # as of means as of: nothing dated after the day is exported
        assert db.execute("SELECT max(date) FROM records").fetchone()[0] <= "2024-01-01"
        assert db.execute("SELECT max(date) FROM verdicts").fetchone()[0] <= "2024-01-01"
    assert run("export", "--output", "now.db").exit_code == 0
    with sqlite3.connect(shipped_copy.parent / "now.db") as db:
        later = dict(db.execute("SELECT status, count(*) FROM targets GROUP BY status").fetchall())
        assert later.get("achieved_late") == 1 and later != statuses
        assert db.execute("SELECT max(date) FROM records").fetchone()[0] > "2024-01-01"


def test_json_and_csv_exports(tmp_path: Path) -> None:
    write_data(tmp_path, BASE + RECORDS)
    exported = json.loads(run("export", "--format", "json", "--output", "-").stdout)
    assert exported["evaluated_on"] == "2023-07-01"
    assert exported["reports"][0]["period"] == {"start": "2023-01-01", "end": "2023-12-31"}
    assert exported["targets"][0]["records"][1]["note"] == "half"
    assert run("export", "--format", "csv", "--output", "out.csv").exit_code == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8"))))
    assert rows[0]["id"] == "testville-parks" and rows[0]["status"] == "on_track"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["export", "--format", "xlsx", "--output", "x"], "valid formats: sqlite, json, csv"),
        (["export", "--format", "sqlite"], "needs --output PATH"),
        (["export", "--output", "no/such/folder/x.db"], "folder no/such/folder does not exist"),
        (["report", "--format", "pdf"], "valid formats: markdown, html"),
    ],
)
def test_bad_export_and_report_arguments(tmp_path: Path, args: list[str], words: str) -> None:
    write_data(tmp_path, BASE)
    result = run(*args)
    assert result.exit_code in (2, 3)
    assert words in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        "targets.toml"
    ]


HOSTILE = BASE.replace('title = "新增测试公园10个"', 'title = "<script>alert(1)</script>"').replace(
    'source = "fictional test record"', 'source = "javascript:alert(1)"'
)


def test_html_report_is_self_contained_and_escaped(tmp_path: Path) -> None:
    write_data(tmp_path, HOSTILE + RECORDS)
    result = run("report", "--output", "report.html")
    assert result.exit_code == 0
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "&lt;script&gt;" in page
    assert 'href="javascript' not in page
    assert '<a href="https://example.org/fictional" rel="noopener noreferrer">' in page
    # nothing is loaded: no scripts, stylesheets, images, fonts or frames from anywhere
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b", page)
    assert "url(" not in page and "@import" not in page
    assert page.count("<svg") == 1 and "<polyline" in page
    assert "进度正常" in page and "50%" in page  # on_track, in the reader's language


def test_markdown_report(tmp_path: Path) -> None:
    write_data(tmp_path, BASE + RECORDS)
    text = run("report", "--format", "markdown").stdout
    assert text.startswith("# 政府工作报告目标进展：测试区\n")
    assert "## 测试区" in text and "### 公园绿地" in text  # the category in the reader's language
    assert "进度正常" in text and "2023-06-01: 5 — half <https://example.org/fictional>" in text
    english = run("report", "--format", "markdown", "--lang", "en").stdout
    assert english.startswith("# Work-report pledges: Testville District\n")
    assert "## Testville District" in english and "### Parks and greenways" in english
    assert "Add 10 test parks \\(fictional\\)" in english and "on track" in english
    page = run("report", "--format", "html", "--lang", "en").stdout
    assert "<title>Work-report pledges: Testville District</title>" in page  # one title


CHROMIUM = (
    shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
)


@pytest.mark.skipif(CHROMIUM is None, reason="needs a headless Chromium; .ci/run installs Debian's")
def test_html_report_renders_in_a_headless_browser(shipped_copy: Path, tmp_path: Path) -> None:
    assert run("report", "--output", "report.html", "--district", "licang").exit_code == 0
    assert CHROMIUM is not None
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    page = (tmp_path / "report.html").as_uri()
    dom = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", page], capture_output=True, text=True, timeout=120
    )
    measured = shipped_count("licang") - run(
        "list", "-d", "licang", "-k", "qualitative", "--format", "ids"
    ).stdout.count("\n")
    assert "李沧区" in dom.stdout and dom.stdout.count('class="target') == measured
    shot = tmp_path / "report.png"
    subprocess.run(
        [CHROMIUM, *flags, "--window-size=1000,1600", f"--screenshot={shot}", page],
        capture_output=True,
        timeout=120,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def _complete(words: str, cword: int, data: Path) -> list[str]:
    env = {
        **os.environ,
        "_TARGETS_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(cword),
        "TARGETS_FILE": str(data),
    }
    done = subprocess.run(
        [sys.executable, "-m", "targets"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_completion_the_way_bash_asks(shipped_copy: Path) -> None:
    assert _complete("targets show licang-gr", 2, shipped_copy) == [
        "licang-growth-pole",
        "licang-greenways",
        "licang-green-coverage",
    ]
    assert _complete("targets list --district ", 3, shipped_copy) == [
        "shibei",
        "市北区",
        "licang",
        "李沧区",
    ]
    assert "parks" in _complete("targets list --category p", 3, shipped_copy)
    assert _complete("targets status --fail-on be", 3, shipped_copy) == ["behind"]
    assert _complete("targets list --kind mi", 3, shipped_copy) == ["milestone"]
    assert _complete("targets mark licang-shuangfengshan-park ", 3, shipped_copy) == [
        "planned",
        "started",
        "completed",
    ]
    assert _complete("targets verdict licang-talent p", 3, shipped_copy) == ["partly_kept"]
    assert _complete("targets ma", 1, shipped_copy) == ["mark"]


def test_completion_scripts_for_each_shell() -> None:
    for shell in ("bash", "zsh", "fish"):
        env = {**os.environ, "_TARGETS_COMPLETE": f"source_{shell}"}
        done = subprocess.run(
            [sys.executable, "-m", "targets"], env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0 and "_TARGETS_COMPLETE" in done.stdout, shell


def test_english_display_everywhere_people_read(shipped_copy: Path) -> None:
    table = run(
        "list",
        "--format",
        "table",
        "--lang",
        "en",
        "-d",
        "licang",
        "-c",
        "talent",
        "--fields",
        "district,title",
    ).stdout
    assert "Attract 10,000 or more talents of all kinds" in table and "Licang District" in table
    status = run(
        "status", "--format", "table", "--lang", "en", "-d", "licang", "-c", "talent"
    ).stdout
    assert "Licang District · Talent" in status
    shown = run("show", "licang-talent", "--format", "table", "--lang", "en").stdout
    assert "Attract 10,000 or more talents" in shown
    machine = json.loads(
        run("list", "--format", "json", "--lang", "en", "--search", "talent").stdout
    )
    assert machine[0]["district"] == "李沧区"  # machine formats keep the data's own values
