"""The shipped data file: valid, complete against the seed article, and quoting it verbatim."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from targets.domain.model import Comparator, DataSet, Kind
from targets.storage.loading import load_text
from tests.helpers import SHIPPED, SHIPPED_TODAY, SOURCE_ARTICLE, run

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def shipped() -> DataSet:
    loaded = load_text(SHIPPED.read_text(encoding="utf-8"), TODAY)
    assert loaded.problems == []
    assert loaded.dataset is not None
    return loaded.dataset


def test_shipped_file_passes_check() -> None:
    result = run("check", "--strict", "--file", str(SHIPPED), env={"TARGETS_TODAY": SHIPPED_TODAY})
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_every_quote_is_verbatim_from_the_article(shipped: DataSet) -> None:
    """Targets without a `source` come from the seed article (the others: test_provenance)."""
    article = SOURCE_ARTICLE.read_text(encoding="utf-8")
    seeded = [t for t in shipped.targets.values() if t.source is None]
    assert len(seeded) == 63
    for target in seeded:
        assert target.quote, target.id
        assert target.quote in article, target.id


def test_every_target_has_both_titles(shipped: DataSet) -> None:
    for target in shipped.targets.values():
        assert target.title and target.title_en, target.id


def test_no_progress_without_a_source() -> None:
    doc = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))
    for tid, target in doc["targets"].items():
        for record in target.get("progress", []):
            assert record.get("source"), tid


def test_both_reports(shipped: DataSet) -> None:
    districts = {r.district: r for r in shipped.reports.values()}
    assert set(districts) == {"市北区", "李沧区"}
    for report in districts.values():
        assert report.delivered == dt.date(2023, 1, 5)
        assert (report.period.start, report.period.end) == (
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
        )
        assert report.session and report.source and report.city == "青岛市"


# The quantified pledges of the article: (number, unit, comparator, kind).
QUANTIFIED = [
    (5.2, "万户", Comparator.AT_LEAST, Kind.COUNT),
    (6, "%", Comparator.AT_LEAST, Kind.GROWTH),
    (20, "%", Comparator.AT_LEAST, Kind.GROWTH),
    (1, "万人", Comparator.AT_LEAST, Kind.COUNT),
    (12, "条", Comparator.AT_LEAST, Kind.COUNT),
    (4, "个", Comparator.AT_LEAST, Kind.COUNT),
    (8, "个", Comparator.AT_LEAST, Kind.COUNT),
    (12, "个", Comparator.AT_LEAST, Kind.COUNT),
    (16, "km", Comparator.AT_LEAST, Kind.COUNT),
    (45.3, "%", Comparator.AT_LEAST, Kind.LEVEL),
    (15, "件", Comparator.AT_LEAST, Kind.COUNT),
    (4, "所", Comparator.AT_LEAST, Kind.COUNT),
    (2, "所", Comparator.AT_LEAST, Kind.COUNT),
]


@pytest.mark.parametrize(("number", "unit", "comparator", "kind"), QUANTIFIED)
def test_quantified_pledge_present(
    shipped: DataSet, number: float, unit: str, comparator: Comparator, kind: Kind
) -> None:
    matches = [
        t
        for t in shipped.targets.values()
        if t.target == number and t.unit == unit and t.comparator is comparator and t.kind is kind
    ]
    assert matches, (number, unit)


def test_veteran_studios_and_city_parks_are_separate(shipped: DataSet) -> None:
    twelve_ge = [t.id for t in shipped.targets.values() if t.target == 12 and t.unit == "个"]
    assert sorted(twelve_ge) == ["licang-new-parks", "licang-veteran-studios"]


def test_parks_headline_is_the_sum_of_its_parts(shipped: DataSet) -> None:
    parks = shipped.targets["licang-new-parks"]
    assert parks.parts == ("licang-city-parks", "licang-pocket-parks")
    assert sum(shipped.targets[p].target for p in parks.parts) == parks.target  # type: ignore[misc]


MILESTONES = {
    "licang-shuangfengshan-park": "started",
    "licang-digital-economy-alliance": "established",
    "licang-high-end-manufacturing-park": "completed",
    "licang-cccc-ocean-commerce-plot": "started",
    "licang-baic-commercial-plot": "started",
    "licang-qinggang-ruins-park": "started",
    "licang-alkali-plant-culture-centre": "started",
    "licang-nine-year-school": "started",
    "licang-guomian-six-mill": "started",
}


@pytest.mark.parametrize(("tid", "stage"), MILESTONES.items())
def test_named_milestones(shipped: DataSet, tid: str, stage: str) -> None:
    target = shipped.targets[tid]
    assert target.kind is Kind.MILESTONE
    assert target.target == stage and stage in target.stages


def test_qualitative_commitments(shipped: DataSet) -> None:
    qualitative = {t.id for t in shipped.targets.values() if t.kind is Kind.QUALITATIVE}
    six_areas = {t.id for t in shipped.targets.values() if "key-area" in t.tags}
    assert len(six_areas) == 6
    assert six_areas <= qualitative
    assert "licang-industry-cluster-3-2-4" in qualitative
    five = [t for t in shipped.targets.values() if "five-areas" in t.tags]
    assert len(five) == 5 and all(t.report.district == "市北区" for t in five)
