"""Issue 9, item 8: a corrupt cache entry is a miss, and entries do not pile up.

A truncated or corrupt entry made every read exit 70 until the file or the day changed; the
entries of deleted data files were never pruned. The cache lives under XDG_CACHE_HOME, which
conftest.py points into tmp_path; every file under it counts as the cache.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.adversarial_helpers import THREE_TARGETS, assert_ok, cli
from tests.helpers import write_data

UNSET = {"TARGETS_NO_CACHE": None, "TARGETS_CACHE_DIR": None}
READS = [
    ("list", "--format", "json"),
    ("show", "testville-parks", "--format", "json"),
    ("check",),
]


def cache_files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / ".cache"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def _garbage(size: int) -> bytes:
    return bytes((i * 151 + 7) % 256 for i in range(max(size, 16)))


CORRUPTIONS: dict[str, Callable[[bytes], bytes]] = {
    "garbage": lambda data: _garbage(len(data)),
    "zero-length": lambda data: b"",
    "truncated-to-half": lambda data: data[: len(data) // 2],
    "truncated-by-one": lambda data: data[:-1],
    "header-then-garbage": lambda data: data[:64] + _garbage(len(data) - 64),
}


@pytest.mark.parametrize("corruption", CORRUPTIONS)
def test_corrupt_entries_are_misses_and_get_rewritten(tmp_path: Path, corruption: str) -> None:
    write_data(tmp_path, THREE_TARGETS)
    expected = []
    for args in READS:
        result = cli(*args, env=UNSET)
        assert_ok(result)
        expected.append((result.out, result.err))
    entries = cache_files(tmp_path)
    assert entries, "the reads wrote no cache entry under XDG_CACHE_HOME"
    corrupted = {}
    for entry in entries:
        corrupted[entry] = CORRUPTIONS[corruption](entry.read_bytes())
        entry.write_bytes(corrupted[entry])
    for args, (out, err) in zip(READS, expected, strict=True):
        result = cli(*args, env=UNSET)
        assert_ok(result)
        assert (result.out, result.err) == (out, err), (
            f"{args}: different output from a corrupt cache"
        )
    still = [p.name for p, data in corrupted.items() if p.exists() and p.read_bytes() == data]
    assert not still, f"corrupt entries were not rewritten: {still}"
    assert cache_files(tmp_path), "no entry was written back"
    again = cli(*READS[0], env=UNSET)  # and the rewritten entries serve
    assert_ok(again)
    assert again.out == expected[0][0]


def test_a_corrupt_entry_does_not_break_a_write(tmp_path: Path) -> None:
    data = write_data(tmp_path, THREE_TARGETS)
    assert_ok(cli("list", "--format", "json", env=UNSET))
    for entry in cache_files(tmp_path):
        entry.write_bytes(entry.read_bytes()[:64] + _garbage(100))
    assert_ok(cli("mark", "testville-roads", "2", "--date", "2023-06-30", env=UNSET))
    assert "[[targets.testville-roads.progress]]" in data.read_text(encoding="utf-8")
    assert_ok(cli("check", env=UNSET))


def test_entries_of_deleted_data_files_are_pruned(tmp_path: Path) -> None:
    """Create, list and delete 20 data files: the cache must not keep 20 files' entries."""
    (tmp_path / "files").mkdir()
    keep = write_data(tmp_path, THREE_TARGETS, name="files/keep.toml")
    assert_ok(cli("list", "--file", str(keep), "--format", "json", env=UNSET))
    per_file = len(cache_files(tmp_path))
    assert per_file, "list wrote no cache entry under XDG_CACHE_HOME"
    for i in range(20):
        text = THREE_TARGETS.replace(
            "schema_version = 1", f"# fictional copy {i}\nschema_version = 1"
        )
        temporary = write_data(tmp_path, text, name=f"files/gone-{i}.toml")
        assert_ok(cli("list", "--file", str(temporary), "--format", "json", env=UNSET))
        temporary.unlink()
    assert_ok(cli("list", "--file", str(keep), "--format", "json", env=UNSET))  # a later run
    count = len(cache_files(tmp_path))
    assert count <= 4 * per_file, (
        f"{count} cache files after 20 deleted data files ({per_file} for one file): "
        "entries of deleted files are not pruned"
    )
