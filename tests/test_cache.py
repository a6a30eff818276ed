"""The cache of parsed data: used when the bytes are the same, never when they differ."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.helpers import BASE, run, write_data


def _cache_files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / ".cache" / "targets"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_hand_edit_keeping_size_and_mtime_is_never_served_stale(tmp_path: Path) -> None:
    path = write_data(tmp_path, BASE)
    assert json.loads(run("list", "--format", "json").stdout)[0]["current"] == 2
    assert _cache_files(tmp_path)  # the first run filled the cache
    before = path.stat()
    path.write_text(BASE.replace("value = 2", "value = 7"), encoding="utf-8")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # same modification time
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    rows = json.loads(run("list", "--format", "json").stdout)
    assert rows[0]["current"] == 7


def test_cached_and_uncached_output_are_identical(tmp_path: Path) -> None:
    write_data(tmp_path, BASE)
    formats = ("json", "jsonl", "csv", "tsv", "markdown", "ids")
    fresh = {f: run("list", "--format", f, env={"TARGETS_NO_CACHE": "1"}).stdout for f in formats}
    assert _cache_files(tmp_path) == []  # TARGETS_NO_CACHE writes nothing
    first = {f: run("list", "--format", f).stdout for f in formats}
    cached = {f: run("list", "--format", f).stdout for f in formats}
    assert fresh == first == cached
    assert (
        run("show", "testville-parks").stdout
        == run("show", "testville-parks", env={"TARGETS_NO_CACHE": "1"}).stdout
    )


def test_a_corrupt_or_foreign_entry_is_ignored(tmp_path: Path) -> None:
    write_data(tmp_path, BASE)
    expected = run("list", "--format", "json").stdout
    for entry in _cache_files(tmp_path):
        entry.write_bytes(b"not a cache entry")
    assert run("list", "--format", "json").stdout == expected
    for entry in _cache_files(tmp_path):
        entry.chmod(0o666)  # writable by others: never loaded
    result = run("list", "--format", "json")
    assert (result.exit_code, result.stdout) == (0, expected)


def test_a_mark_is_seen_by_the_next_list(tmp_path: Path) -> None:
    write_data(tmp_path, BASE)
    assert json.loads(run("list", "--format", "json").stdout)[0]["current"] == 2
    assert (
        run("mark", "testville-parks", "6", "--date", "2023-06-01", "--source", "f").exit_code == 0
    )
    rows = json.loads(run("list", "--format", "json").stdout)
    assert (rows[0]["current"], rows[0]["status"]) == (6, "on_track")


def test_the_day_is_part_of_the_key(tmp_path: Path) -> None:
    write_data(tmp_path, BASE)
    assert json.loads(run("list", "--format", "json").stdout)[0]["status"] == "behind"
    later = run("list", "--format", "json", env={"TARGETS_TODAY": "2024-01-02"})
    assert json.loads(later.stdout)[0]["status"] == "missed"
    other = write_data(tmp_path, BASE.replace("2023-03-31", "2023-06-30"), "other.toml")
    assert run("check", "-f", str(other)).exit_code == 0  # valid on 2023-07-01, and cached
    early = run("check", "-f", str(other), env={"TARGETS_TODAY": "2023-06-01"})
    assert early.exit_code == 1 and "in the future" in early.stdout  # not the cached "valid"
