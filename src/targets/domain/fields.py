"""The shape of the data file in one place: which keys each table may hold, and their types.

The loader's rules, the JSON Schema test and the README all read from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    """One allowed key: its type name and whether it must be present."""

    type: str  # "str" | "int" | "number" | "date" | "str_list" | "table" | "number_or_str" | ...
    required: bool = False
    doc: str = ""


TOP_FIELDS: dict[str, FieldSpec] = {
    "schema_version": FieldSpec("int", True, "format version of the file; 1"),
    "include": FieldSpec("str_list", False, "globs of more documents, relative to this file"),
    "reports": FieldSpec("table", False, "the reports, by id"),
    "targets": FieldSpec("table", False, "the targets, by id"),
}

REPORT_FIELDS: dict[str, FieldSpec] = {
    "district": FieldSpec("str", True, "the district, in Chinese: 李沧区"),
    "district_en": FieldSpec("str", False, "the district in English: Licang District"),
    "city": FieldSpec("str", False, "the city: 青岛市"),
    "title": FieldSpec("str", False, "the report's title"),
    "session": FieldSpec("str", False, "the congress session it was delivered to"),
    "delivered": FieldSpec("date", False, "the day it was delivered"),
    "period": FieldSpec("period", True, "{ start = DATE, end = DATE }: the period it plans"),
    "source": FieldSpec("str", False, "where the report's text was read"),
}

PERIOD_FIELDS: dict[str, FieldSpec] = {
    "start": FieldSpec("date", True, "first day of the period"),
    "end": FieldSpec("date", True, "last day of the period"),
}

# In the order `targets add` writes them, which is the order the shipped file uses.
TARGET_FIELDS: dict[str, FieldSpec] = {
    "report": FieldSpec("str", True, "id of a [reports.*] table"),
    "category": FieldSpec("str", True, "lowercase slug: parks, schools, talent, growth, ..."),
    "tags": FieldSpec("str_list", False, "free labels"),
    "title": FieldSpec("str", True, "the pledge in Chinese, as the report puts it"),
    "title_en": FieldSpec("str", False, "the pledge in English"),
    "kind": FieldSpec("str", True, "count | level | growth | milestone | qualitative"),
    "comparator": FieldSpec("str", False, "at_least | exceed | about | at_most"),
    "direction": FieldSpec("str", False, "up (more is better, the default) | down"),
    "target": FieldSpec("number_or_str", False, "the number to reach, or a milestone's stage"),
    "unit": FieldSpec("str", False, "unit of target and values: km, %, 个, 万户, ..."),
    "baseline": FieldSpec("number", False, "the value at the start of the period"),
    "tolerance": FieldSpec("number", False, "for `about`: allowed distance from target"),
    "start": FieldSpec("date", False, "overrides the report period's start"),
    "due": FieldSpec("date", False, "overrides the report period's end"),
    "stages": FieldSpec("str_list", False, "a milestone's stages, in order"),
    "parts": FieldSpec("str_list", False, "ids of count targets whose sum is this one"),
    "source": FieldSpec("str", False, "where the quote was read, when not the report's source"),
    "quote": FieldSpec("str", False, "the report's own words, verbatim"),
    "verdict": FieldSpec("str", False, "older files: a single verdict (see `verdicts`)"),
    "verdict_note": FieldSpec("str", False, "older files: why the single verdict"),
    "verdict_source": FieldSpec("str", False, "older files: the single verdict's evidence"),
    "note": FieldSpec("str", False, "an editor's note on the target"),
    "progress": FieldSpec("records", False, "[[targets.ID.progress]] records"),
    "verdicts": FieldSpec("verdicts", False, "[[targets.ID.verdicts]] entries, oldest first"),
}

RECORD_FIELDS: dict[str, FieldSpec] = {
    "date": FieldSpec("date", True, "the day the value describes (a year's figure: its last day)"),
    "published": FieldSpec("date", False, "the day its source published it"),
    "value": FieldSpec("number", False, "the value, for count, level and growth"),
    "stage": FieldSpec("str", False, "the stage reached, for milestones"),
    "note": FieldSpec("str", False, "what the record says: the quoted sentence it rests on"),
    "source": FieldSpec("str", False, "where it was published (a URL or a citation)"),
}

VERDICT_FIELDS: dict[str, FieldSpec] = {
    "date": FieldSpec("date", True, "the day the verdict describes"),
    "published": FieldSpec("date", False, "the day its evidence was published"),
    "verdict": FieldSpec("str", True, "kept | partly_kept | broken | stalled | dropped"),
    "note": FieldSpec("str", False, "why: the quoted sentence it rests on"),
    "source": FieldSpec("str", False, "where the evidence is (a URL or a citation)"),
}
