"""Every test runs in an empty temporary folder with "today" pinned."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import SHIPPED, SHIPPED_TODAY, TODAY


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder, today pinned, no colour settings leaking in from the shell."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TARGETS_TODAY", TODAY)
    monkeypatch.setenv("COLUMNS", "120")
    for name in ("TARGETS_FILE", "NO_COLOR", "FORCE_COLOR", "TERM", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    return tmp_path


@pytest.fixture
def shipped_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data file, at ./targets.toml in the test's folder; today is
    pinned after its latest record."""
    monkeypatch.setenv("TARGETS_TODAY", SHIPPED_TODAY)
    copy = tmp_path / "targets.toml"
    shutil.copyfile(SHIPPED, copy)
    return copy
