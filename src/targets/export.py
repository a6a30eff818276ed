"""Export the data and its status at a date: SQLite (for sqlite3 and Datasette), JSON, CSV.

Every export is written like the data file (`store.atomic_write`): to a temporary file beside
the output, then moved into place, so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from .evaluate import evaluate
from .model import DataSet
from .rows import LIST_FIELDS, Row, record_row, show_row
from .store import atomic_write

EXPORT_FORMATS = ("sqlite", "json", "csv")

_SCHEMA = """
CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    district TEXT NOT NULL,
    district_en TEXT,
    city TEXT,
    title TEXT,
    session TEXT,
    delivered TEXT,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    source TEXT
);
CREATE TABLE targets (
    id TEXT PRIMARY KEY,
    report TEXT NOT NULL REFERENCES reports(id),
    district TEXT NOT NULL,
    district_en TEXT,
    category TEXT NOT NULL,
    tags TEXT,              -- a JSON array
    title TEXT NOT NULL,
    title_en TEXT,
    kind TEXT NOT NULL,
    comparator TEXT,
    target,                 -- a number, or a milestone's stage
    unit TEXT,
    baseline REAL,
    tolerance REAL,
    start TEXT,
    due TEXT,
    parts TEXT,             -- a JSON array of target ids
    current,                -- the latest value or stage on evaluated_on
    as_of TEXT,             -- the date of that record
    progress REAL,
    expected REAL,
    status TEXT NOT NULL,   -- on evaluated_on
    verdict TEXT,
    verdict_note TEXT,
    verdict_source TEXT,
    conflict INTEGER NOT NULL,
    quote TEXT,
    evaluated_on TEXT NOT NULL
);
CREATE TABLE records (
    target_id TEXT NOT NULL REFERENCES targets(id),
    date TEXT NOT NULL,
    value REAL,
    stage TEXT,
    note TEXT,
    source TEXT,
    PRIMARY KEY (target_id, date)
);
CREATE INDEX targets_by_status ON targets(status);
CREATE INDEX targets_by_district ON targets(district, category);
"""

_TARGET_COLUMNS = (
    *(f for f in LIST_FIELDS),
    "verdict_note",
    "verdict_source",
    "evaluated_on",
)


def target_rows(data: DataSet, day: Any) -> list[Row]:
    """Every target whole (the `show` view, records included), evaluated on `day`."""
    return [show_row(evaluate(target, data, day)) for target in data.targets.values()]


def _sql_value(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def _fill_sqlite(connection: sqlite3.Connection, data: DataSet, rows: list[Row]) -> None:
    connection.executescript(_SCHEMA)
    connection.executemany(
        "INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.id,
                r.district,
                r.district_en,
                r.city,
                r.title,
                r.session,
                r.delivered.isoformat() if r.delivered else None,
                r.period.start.isoformat(),
                r.period.end.isoformat(),
                r.source,
            )
            for r in data.reports.values()
        ],
    )
    marks = ", ".join("?" for _ in _TARGET_COLUMNS)
    connection.executemany(
        f"INSERT INTO targets ({', '.join(_TARGET_COLUMNS)}) VALUES ({marks})",
        [tuple(_sql_value(row[c]) for c in _TARGET_COLUMNS) for row in rows],
    )
    connection.executemany(
        "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?)",
        [
            (target.id, *record_row(record).values())
            for target in data.targets.values()
            for record in target.records
        ],
    )


def write_sqlite(output: Path, data: DataSet, rows: list[Row]) -> None:
    """A SQLite database with reports, targets (with their status) and records tables."""

    def fill(path: Path) -> None:
        path.unlink()  # sqlite3 wants to create the file itself
        connection = sqlite3.connect(path)
        try:
            with connection:
                _fill_sqlite(connection, data, rows)
        except sqlite3.Error as exc:
            raise OSError(str(exc)) from exc
        finally:
            connection.close()

    atomic_write(output, fill)


def export_json(data: DataSet, rows: list[Row], day: Any) -> str:
    """The reports and every target whole, with records and status on `day`."""
    from .formats import to_json

    reports = [
        {
            "id": r.id,
            "district": r.district,
            "district_en": r.district_en,
            "city": r.city,
            "title": r.title,
            "session": r.session,
            "delivered": r.delivered.isoformat() if r.delivered else None,
            "period": {"start": r.period.start.isoformat(), "end": r.period.end.isoformat()},
            "source": r.source,
        }
        for r in data.reports.values()
    ]
    return to_json({"evaluated_on": day.isoformat(), "reports": reports, "targets": rows})


def export_text(output: Path, text: str) -> None:
    """Write a text export atomically."""

    def fill(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    atomic_write(output, fill)
