"""Which data file a command works on, and what counts as today."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from .errors import UsageError

FILE_ENV = "TARGETS_FILE"
TODAY_ENV = "TARGETS_TODAY"
_PACKAGE_DIR = Path(__file__).resolve().parent


class DataFile(NamedTuple):
    """A data file and whether it is the read-only copy bundled with the package."""

    path: Path
    bundled: bool = False


def bundled_path() -> Path:
    """The data file shipped inside the package (or the source tree's, when run from it)."""
    packaged = _PACKAGE_DIR / "data" / "targets.toml"
    if packaged.is_file():
        return packaged
    return _PACKAGE_DIR.parent.parent / "data" / "targets.toml"


def find_data_file(explicit: str | None, env: Mapping[str, str], cwd: Path = Path()) -> DataFile:
    """--file, $TARGETS_FILE, ./targets.toml, ./data/targets.toml, else the bundled copy."""
    chosen = explicit or env.get(FILE_ENV)
    if chosen:
        return DataFile(Path(chosen).expanduser())
    for candidate in (cwd / "targets.toml", cwd / "data" / "targets.toml"):
        if candidate.is_file():
            return DataFile(candidate)
    return DataFile(bundled_path(), bundled=True)


def parse_date(text: str, what: str = "date") -> dt.date:
    """A calendar date written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{what} {text!r} is not a real date; write it as YYYY-MM-DD") from None


def today(env: Mapping[str, str] | None = None) -> dt.date:
    """Today, or the day $TARGETS_TODAY names (for reproducible runs and tests)."""
    pinned = (env if env is not None else os.environ).get(TODAY_ENV)
    return parse_date(pinned, f"${TODAY_ENV}") if pinned else dt.date.today()
