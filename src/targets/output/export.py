"""Export the data and its status as of a date: SQLite (for sqlite3 and Datasette), JSON, CSV.

Only what was known on that date goes in: records and verdicts dated after it are left out,
as in every view. Files are written through `storage.write`: to a temporary file beside the
output, then moved into place, so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from targets.domain.model import DataSet, Report
from targets.domain.rows import LIST_FIELDS

from .machine import to_csv, to_json

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
    verdict TEXT,           -- the verdict in force on evaluated_on
    conflict INTEGER NOT NULL,
    quote TEXT,
    direction TEXT,
    margin REAL,
    published TEXT,         -- when the latest record counted was published
    evaluated_on TEXT NOT NULL,
    source TEXT,
    verdict_date TEXT,
    verdict_note TEXT,
    verdict_source TEXT
);
CREATE TABLE records (
    target_id TEXT NOT NULL REFERENCES targets(id),
    date TEXT NOT NULL,     -- the day the value describes
    published TEXT,         -- the day its source published it
    value REAL,
    stage TEXT,
    note TEXT,
    source TEXT,
    PRIMARY KEY (target_id, date)
);
CREATE TABLE verdicts (
    target_id TEXT NOT NULL REFERENCES targets(id),
    date TEXT,              -- null for an older file's undated verdict
    published TEXT,
    verdict TEXT NOT NULL,
    note TEXT,
    source TEXT
);
CREATE INDEX targets_by_status ON targets(status);
CREATE INDEX targets_by_district ON targets(district, category);
"""

TARGET_COLUMNS = (*LIST_FIELDS, "source", "verdict_date", "verdict_note", "verdict_source")


def _report(r: Report) -> dict[str, Any]:
    return {
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


def _sql_value(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def _fill(connection: sqlite3.Connection, data: DataSet, rows: list[dict[str, Any]]) -> None:
    connection.executescript(_SCHEMA)
    connection.executemany(
        "INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                *(
                    r[k]
                    for k in (
                        "id",
                        "district",
                        "district_en",
                        "city",
                        "title",
                        "session",
                        "delivered",
                    )
                ),
                r["period"]["start"],
                r["period"]["end"],
                r["source"],
            )
            for r in map(_report, data.reports.values())
        ],
    )
    marks = ", ".join("?" for _ in TARGET_COLUMNS)
    connection.executemany(
        f"INSERT INTO targets ({', '.join(TARGET_COLUMNS)}) VALUES ({marks})",
        [tuple(_sql_value(row[c]) for c in TARGET_COLUMNS) for row in rows],
    )
    connection.executemany(
        "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (row["id"], r["date"], r["published"], r["value"], r["stage"], r["note"], r["source"])
            for row in rows
            for r in row["records"]
        ],
    )
    connection.executemany(
        "INSERT INTO verdicts VALUES (?, ?, ?, ?, ?, ?)",
        [
            (row["id"], v["date"], v["published"], v["verdict"], v["note"], v["source"])
            for row in rows
            for v in row["verdicts"]
        ],
    )


def write_sqlite(output: Path, data: DataSet, rows: list[dict[str, Any]], day: dt.date) -> None:
    """A SQLite database with reports, targets (with their status), records and verdicts."""
    from targets.storage.files import atomic_write

    def fill(path: Path) -> None:
        path.unlink()  # sqlite3 wants to create the file itself
        connection = sqlite3.connect(path)
        try:
            with connection:
                _fill(connection, data, rows)
        except sqlite3.Error as exc:
            raise OSError(str(exc)) from exc
        finally:
            connection.close()

    atomic_write(output, fill)


def export_json(data: DataSet, rows: list[dict[str, Any]], day: dt.date) -> str:
    """The reports and every target whole, with records and verdicts as of `day`."""
    reports = [_report(r) for r in data.reports.values()]
    return to_json({"evaluated_on": day.isoformat(), "reports": reports, "targets": rows})


class _Row(dict[str, Any]):
    """A target whole, read like a row."""


def target_csv(rows: list[dict[str, Any]]) -> str:
    """One row per target: the list fields, its source and current verdict's details."""
    return to_csv([_Row(row) for row in rows], TARGET_COLUMNS)
