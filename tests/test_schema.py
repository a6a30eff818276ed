"""The JSON Schema for editors agrees with the loader, on the shipped file and on broken ones."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import jsonschema
import pytest

from targets.domain.schema import schema_text
from targets.storage.loading import load_text
from tests.helpers import BASE, REPO, SHIPPED
from tests.test_check import BROKEN, MILESTONE

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SCHEMA_FILE = REPO / "schema" / "targets.schema.json"
TODAY = dt.date(2023, 7, 1)


def as_json(value: Any) -> Any:
    """A TOML document as an editor's schema check sees it: dates become strings."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def schema_errors(text: str) -> list[str]:
    validator = jsonschema.Draft7Validator(
        json.loads(SCHEMA_FILE.read_text(encoding="utf-8")),
        format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER,
    )
    document = as_json(tomllib.loads(text))
    return [error.message for error in validator.iter_errors(document)]


def test_committed_schema_is_generated_from_the_fields() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()


def test_data_file_points_editors_at_the_schema() -> None:
    first_line = SHIPPED.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "#:schema ../schema/targets.schema.json"
    assert (SHIPPED.parent / "../schema/targets.schema.json").resolve() == SCHEMA_FILE.resolve()


def test_shipped_file_is_valid_by_both() -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    assert schema_errors(text) == []
    assert load_text(text, dt.date(2024, 6, 30)).problems == []


# Rules a JSON Schema cannot state: references between tables, dates against today and each
# other, and a date written as a string (in the JSON view an editor checks, dates are strings).
BEYOND_A_SCHEMA = {
    "syntax",
    "date as string",
    "bad date",
    "unknown report",
    "not finite",
    "unknown target stage",
    "period order",
    "record before start",
    "record in future",
}


@pytest.mark.parametrize(
    "text",
    [c[1] for c in BROKEN if c[0] not in BEYOND_A_SCHEMA],
    ids=[c[0] for c in BROKEN if c[0] not in BEYOND_A_SCHEMA],
)
def test_broken_files_are_rejected_by_both(text: str) -> None:
    if "testville-museum" in text and "schema_version" not in text:
        text = BASE + text
    assert load_text(text, TODAY).errors
    assert schema_errors(text)


@pytest.mark.parametrize(
    "text",
    [
        BASE,
        BASE + MILESTONE,
        BASE.replace('comparator = "at_least"', 'comparator = "about"\ntolerance = 1'),
        BASE
        + MILESTONE.replace('target = "started"', 'stages = ["planned", "open"]\ntarget = "open"'),
    ],
)
def test_valid_files_are_accepted_by_both(text: str) -> None:
    assert load_text(text, TODAY).errors == []
    assert schema_errors(text) == []


def test_schema_declares_no_key_the_loader_does_not_know() -> None:
    from targets.domain.fields import RECORD_FIELDS, REPORT_FIELDS, TARGET_FIELDS, VERDICT_FIELDS

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["definitions"]
    assert set(schema["target"]["properties"]) == set(TARGET_FIELDS)
    assert set(schema["report"]["properties"]) == set(REPORT_FIELDS)
    assert set(schema["record"]["properties"]) == set(RECORD_FIELDS)
    assert set(schema["verdict"]["properties"]) == set(VERDICT_FIELDS)
