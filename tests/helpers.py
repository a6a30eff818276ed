"""Helpers and fictional test data shared by the tests.

Test data here is fictional (测试区 / Testville District); the shipped data file is only ever
read, or copied into the temporary folder before a test changes it.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from typer.testing import CliRunner, Result

from targets.cli.app import root_app

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "data" / "targets.toml"
SOURCE_ARTICLE = REPO / "data" / "sources" / "guanhai-2023-01-qingdao-district-reports.txt"
TODAY = "2023-07-01"
SHIPPED_TODAY = "2024-06-30"  # the shipped data holds records up to early 2024


def shipped_count(district: str | None = None) -> int:
    """How many targets the shipped file holds (of one district: licang, shibei)."""
    text = SHIPPED.read_text(encoding="utf-8")
    prefix = f"[targets.{district}-" if district else "[targets."
    return sum(1 for line in text.splitlines() if line.startswith(prefix))


# A small fictional data file; tests change it with str.replace or by appending tables.
BASE = textwrap.dedent(
    """\
    schema_version = 1

    [reports.testville-2023]
    district = "测试区"
    district_en = "Testville District"
    city = "示例市"
    period = { start = 2023-01-01, end = 2023-12-31 }

    [targets.testville-parks]
    report = "testville-2023"
    category = "parks"
    title = "新增测试公园10个"
    title_en = "Add 10 test parks (fictional)"
    kind = "count"
    comparator = "at_least"
    target = 10
    unit = "个"
    quote = "新增测试公园10个"

    [[targets.testville-parks.progress]]
    date = 2023-03-31
    value = 2
    source = "fictional test record"
    """
)


def write_data(tmp_path: Path, text: str, name: str = "targets.toml") -> Path:
    """Write a data file into the test's folder and return its path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    """Run the CLI in-process, stdout and stderr kept apart."""
    return CliRunner().invoke(root_app(), list(args), env=env, input=input, prog_name="targets")
