"""Provenance of the shipped data: every cited page has a file in data/sources/, and every
quoted sentence is verbatim in that file's passages.

The quotes of targets without `source` are checked against the seed article by
tests/test_data.py; this module covers the rest. It reads the files with tomllib only, so it
does not depend on what the loader accepts.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import SHIPPED

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SOURCES = SHIPPED.parent / "sources"
TRUST = {"publisher", "mirror-or-repost"}
KEYS = ("url", "title", "publisher", "published", "read", "trust", "passages")
QUOTED = re.compile(r"「(.*?)」", re.DOTALL)


def _provenance_files() -> list[Path]:
    return sorted(SOURCES.glob("*.toml"))


def _provenance() -> dict[str, dict[str, Any]]:
    by_url: dict[str, dict[str, Any]] = {}
    for path in _provenance_files():
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        assert doc.get("url") not in by_url, f"{path.name}: a second file for {doc.get('url')}"
        by_url[doc.get("url", path.name)] = {**doc, "_file": path.name}
    return by_url


def _targets() -> dict[str, dict[str, Any]]:
    targets: dict[str, dict[str, Any]] = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))[
        "targets"
    ]
    return targets


def _findings() -> list[tuple[str, str, dict[str, Any]]]:
    """Every progress record and verdict: (target id, "progress" | "verdicts", table)."""
    return [
        (tid, kind, table)
        for tid, target in _targets().items()
        for kind in ("progress", "verdicts")
        for table in target.get(kind, [])
    ]


def _in_passages(text: str, provenance: dict[str, Any]) -> bool:
    return any(text in passage for passage in provenance["passages"])


def test_there_are_provenance_files() -> None:
    assert _provenance_files()


@pytest.mark.parametrize("path", _provenance_files(), ids=lambda p: p.name)
def test_provenance_file_has_every_key(path: Path) -> None:
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    missing = [key for key in KEYS if key not in doc]
    assert not missing, f"{path.name} lacks {missing}"
    assert isinstance(doc["url"], str) and doc["url"].startswith(("http://", "https://"))
    assert isinstance(doc["title"], str) and doc["title"].strip()
    assert isinstance(doc["publisher"], str) and doc["publisher"].strip()
    assert type(doc["published"]) is dt.date, "published must be a TOML date"
    assert type(doc["read"]) is dt.date, "read must be a TOML date"
    assert doc["published"] <= doc["read"]
    assert doc["trust"] in TRUST
    assert isinstance(doc["passages"], list) and doc["passages"]
    assert all(isinstance(p, str) and p.strip() for p in doc["passages"])


def test_every_sourced_target_quotes_its_page() -> None:
    provenance = _provenance()
    sourced = {tid: t for tid, t in _targets().items() if "source" in t}
    assert sourced
    for tid, target in sourced.items():
        page = provenance.get(target["source"])
        assert page is not None, f"{tid}: no file in data/sources/ for {target['source']}"
        assert target.get("quote"), f"{tid}: a sourced target needs its quote"
        assert _in_passages(target["quote"], page), f"{tid}: quote not in {page['_file']}"


@pytest.mark.parametrize(
    ("tid", "kind", "table"),
    _findings(),
    ids=[f"{tid}-{kind}-{table.get('date')}" for tid, kind, table in _findings()],
)
def test_every_record_and_verdict_is_sourced_and_quoted(
    tid: str, kind: str, table: dict[str, Any]
) -> None:
    provenance = _provenance()
    assert type(table.get("date")) is dt.date, f"{tid}: {kind} needs a date"
    assert type(table.get("published")) is dt.date, f"{tid}: {kind} needs published"
    assert table["published"] >= table["date"], f"{tid}: published before the fact"
    page = provenance.get(table.get("source", ""))
    assert page is not None, f"{tid}: no file in data/sources/ for {table.get('source')}"
    assert table["published"] == page["published"], f"{tid}: published differs from the page's"
    note = table.get("note", "")
    quoted = QUOTED.findall(note)
    assert quoted, f"{tid}: the note quotes no sentence in 「」"
    assert note.count("「") == note.count("」") == len(quoted), f"{tid}: unbalanced 「」"
    for sentence in quoted:
        assert sentence and _in_passages(sentence, page), (
            f"{tid}: 「{sentence}」 is not in {page['_file']}"
        )


def test_there_are_findings() -> None:
    assert _findings()


def test_every_provenance_file_is_cited() -> None:
    cited = {t["source"] for t in _targets().values() if "source" in t}
    cited |= {table["source"] for _, _, table in _findings() if "source" in table}
    unused = [p["_file"] for url, p in _provenance().items() if url not in cited]
    assert not unused, f"not cited by any target, record or verdict: {unused}"
