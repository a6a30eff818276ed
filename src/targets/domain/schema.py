"""The JSON Schema of the data file, built from `fields.py` so the two cannot drift apart.

`schema/targets.schema.json` is this module's output (`python -m targets.domain.schema > FILE`); a
test keeps the committed file equal to it. Editors based on Taplo (VS Code's "Even Better
TOML") read it through the `#:schema` line at the top of the data file, and show dates,
which TOML has but JSON has not, as strings in `format: date`.
"""

from __future__ import annotations

import json
from typing import Any

from .fields import (
    PERIOD_FIELDS,
    RECORD_FIELDS,
    REPORT_FIELDS,
    TARGET_FIELDS,
    TOP_FIELDS,
    VERDICT_FIELDS,
    FieldSpec,
)
from .model import DEFAULT_STAGES, SCHEMA_VERSION
from .vocab import Comparator, Direction, Kind, Verdict

SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
MEASURED = [Kind.COUNT.value, Kind.LEVEL.value, Kind.GROWTH.value]


def _type(spec: FieldSpec) -> dict[str, Any]:
    types: dict[str, dict[str, Any]] = {
        "str": {"type": "string"},
        "int": {"type": "integer"},
        "number": {"type": "number"},
        "number_or_str": {"type": ["number", "string"]},
        "date": {"$ref": "#/definitions/date"},
        "str_list": {"type": "array", "items": {"type": "string"}},
        "table": {"type": "object"},
        "period": {"$ref": "#/definitions/period"},
        "records": {"type": "array", "items": {"$ref": "#/definitions/record"}},
        "verdicts": {"type": "array", "items": {"$ref": "#/definitions/verdict"}},
    }
    return types[spec.type]


def _table(fields: dict[str, FieldSpec], title: str) -> dict[str, Any]:
    return {
        "title": title,
        "type": "object",
        "additionalProperties": False,
        "required": [name for name, spec in fields.items() if spec.required],
        "properties": {
            name: {**_type(spec), "description": spec.doc} for name, spec in fields.items()
        },
    }


def _target() -> dict[str, Any]:
    target = _table(TARGET_FIELDS, "A target: one pledge of a report")
    properties = target["properties"]
    properties["category"]["pattern"] = SLUG_PATTERN
    properties["kind"]["enum"] = [k.value for k in Kind]
    properties["comparator"]["enum"] = [c.value for c in Comparator]
    properties["verdict"]["enum"] = [v.value for v in Verdict]
    properties["direction"]["enum"] = [d.value for d in Direction]
    properties["tolerance"]["minimum"] = 0
    properties["stages"]["default"] = list(DEFAULT_STAGES)
    properties["stages"]["uniqueItems"] = True
    properties["stages"]["minItems"] = 1
    target["allOf"] = [
        {
            "if": {"properties": {"kind": {"enum": MEASURED}}, "required": ["kind"]},
            "then": {
                "required": ["comparator", "target", "unit"],
                "properties": {"target": {"type": "number"}},
            },
        },
        {
            "if": {"properties": {"kind": {"const": Kind.MILESTONE.value}}, "required": ["kind"]},
            "then": {"required": ["target"], "properties": {"target": {"type": "string"}}},
            "else": {"not": {"required": ["stages"]}},
        },
        {
            "if": {"properties": {"kind": {"const": Kind.QUALITATIVE.value}}, "required": ["kind"]},
            "then": {
                "not": {
                    "anyOf": [
                        {"required": [k]} for k in ("target", "comparator", "progress", "direction")
                    ]
                }
            },
        },
        {
            "if": {"properties": {"comparator": {"const": Comparator.AT_MOST.value}}},
            "then": {"properties": {"direction": {"const": Direction.DOWN.value}}},
        },
        {
            "if": {
                "properties": {
                    "comparator": {"enum": [Comparator.AT_LEAST.value, Comparator.EXCEED.value]}
                }
            },
            "then": {"properties": {"direction": {"const": Direction.UP.value}}},
        },
        {
            "if": {"required": ["tolerance"]},
            "then": {"properties": {"comparator": {"const": Comparator.ABOUT.value}}},
        },
    ]
    return target


def _record() -> dict[str, Any]:
    record = _table(RECORD_FIELDS, "A progress record: a dated value, or a milestone's stage")
    record["oneOf"] = [{"required": ["value"]}, {"required": ["stage"]}]
    return record


def _verdict() -> dict[str, Any]:
    entry = _table(VERDICT_FIELDS, "A dated verdict: an editor's rating with its evidence")
    entry["properties"]["verdict"]["enum"] = [v.value for v in Verdict]
    return entry


def json_schema() -> dict[str, Any]:
    """The schema of a data file, as a JSON-ready dict (draft-07)."""
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "targets data file",
        "description": "Targets pledged in government work reports, with their progress.",
        "type": "object",
        "additionalProperties": False,
        "required": [name for name, spec in TOP_FIELDS.items() if spec.required],
        "properties": {
            "schema_version": {
                "const": SCHEMA_VERSION,
                "description": "format version of the file",
            },
            "include": {
                "type": "array",
                "items": {"type": "string"},
                "description": TOP_FIELDS["include"].doc,
            },
            "reports": {
                "type": "object",
                "propertyNames": {"pattern": SLUG_PATTERN},
                "additionalProperties": {"$ref": "#/definitions/report"},
            },
            "targets": {
                "type": "object",
                "propertyNames": {"pattern": SLUG_PATTERN},
                "additionalProperties": {"$ref": "#/definitions/target"},
            },
        },
        "definitions": {
            "date": {"type": "string", "format": "date", "description": "a TOML date: 2023-06-30"},
            "period": _table(PERIOD_FIELDS, "The period a report plans for"),
            "report": _table(REPORT_FIELDS, "A government work report"),
            "target": _target(),
            "record": _record(),
            "verdict": _verdict(),
        },
    }


def schema_text() -> str:
    """The schema as the committed file holds it."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(schema_text(), end="")
