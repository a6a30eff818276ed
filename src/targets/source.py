"""A data file as a command reads it: its bytes, and what is derived from them, cached.

Reading a file's bytes and hashing them is cheap; parsing, validating and evaluating are
not. Each is done once per distinct content (and day) and kept in the cache, so the second
`targets list` on a 10,000-target file skips tomllib altogether.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .cache import Cache, content_key
from .errors import InvalidData, UsageError

if TYPE_CHECKING:
    from .model import DataSet, Problem
    from .rows import Row

ROW_DAYS_KEPT = 4


class Source(NamedTuple):
    """The bytes of a data file, read once, with the key of its cache entries."""

    path: Path
    data: bytes
    today: dt.date
    key: str
    cache: Cache


def read_source(path: Path, today: dt.date, env: Mapping[str, str]) -> Source:
    """Read a data file's bytes; UsageError if there is no such file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(
            f"no data file at {path}; pass --file PATH or run `targets init`"
        ) from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a folder, not a data file") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    return Source(path, data, today, content_key(data, today.isoformat()), Cache(path, env))


def problems(source: Source) -> tuple[list[Problem], DataSet | None]:
    """Every problem of the file, located, and its data set when there are no errors."""
    cached = source.cache.get("dataset.pickle", source.key)
    if cached is not None:
        dataset, warnings = cached
        return warnings, dataset
    from .load import decode, load_text, locate

    text, undecodable = decode(source.data)
    if text is None:
        assert undecodable is not None
        return [undecodable], None
    loaded = load_text(text, source.today)
    located = locate(loaded.problems, text) if loaded.problems else []
    if loaded.dataset is not None:
        source.cache.put("dataset.pickle", source.key, (loaded.dataset, located))
    return located, loaded.dataset


def dataset(source: Source) -> DataSet:
    """The file's data set, or InvalidData naming its first error."""
    found, data = problems(source)
    if data is None:
        raise InvalidData(source.path, [p for p in found if p.severity.value == "error"])
    return data


def list_rows(source: Source, day: dt.date) -> list[Row]:
    """Every target's list row evaluated on `day`, in file order."""
    stored = source.cache.get("rows.marshal", source.key)
    by_day: dict[str, list[Row]] = stored if isinstance(stored, dict) else {}
    if day.isoformat() in by_day:
        return by_day[day.isoformat()]
    from .evaluate import evaluate_all
    from .rows import list_row

    rows = [list_row(ev) for ev in evaluate_all(dataset(source), day)]
    kept = dict(list(by_day.items())[-(ROW_DAYS_KEPT - 1) :])
    source.cache.put("rows.marshal", source.key, {**kept, day.isoformat(): rows})
    return rows
