"""Status at a date for every kind and comparator (DESIGN section 2), through the core API."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from targets.domain.evaluate import evaluate, meets, progress
from targets.domain.model import (
    Comparator,
    DataSet,
    Direction,
    Kind,
    Period,
    ProgressRecord,
    Report,
    Status,
    Target,
    Verdict,
    VerdictEntry,
)

D = dt.date
REPORT = Report(
    id="testville-2023", district="测试区", period=Period(D(2023, 1, 1), D(2023, 12, 31))
)


def make(
    kind: Kind = Kind.COUNT,
    comparator: Comparator | None = Comparator.AT_LEAST,
    target: float | str | None = 10.0,
    records: tuple[tuple[D, float | str], ...] = (),
    **extra: object,
) -> Target:
    """A fictional target with records given as (date, value or stage)."""
    recs = tuple(
        ProgressRecord(date=day, stage=v)
        if isinstance(v, str)
        else ProgressRecord(date=day, value=v)
        for day, v in records
    )
    return Target(
        id="testville-t",
        report=REPORT,
        title="测试",
        kind=kind,
        category="test",
        comparator=comparator,
        target=target,
        unit="个",
        records=recs,
        **extra,
    )  # type: ignore[arg-type]


def status_at(target: Target, day: D, data: DataSet | None = None) -> Status:
    data = data or DataSet(reports={REPORT.id: REPORT}, targets={target.id: target})
    return evaluate(target, data, day).status


MID = D(2023, 7, 1)  # about half the year gone: expected pace 0.50


@pytest.mark.parametrize(
    ("records", "day", "status"),
    [
        ((), MID, Status.NOT_STARTED),
        ((), D(2024, 1, 1), Status.OVERDUE),
        (((D(2023, 3, 31), 2.0),), MID, Status.BEHIND),  # 0.2 < 0.5 - 0.1
        (((D(2023, 6, 30), 4.0),), MID, Status.ON_TRACK),  # 0.4 >= 0.4 (slack 0.10)
        (((D(2023, 6, 30), 3.9),), MID, Status.BEHIND),
        (((D(2023, 6, 30), 10.0),), MID, Status.ACHIEVED),
        (((D(2023, 10, 1), 12.0),), D(2024, 3, 1), Status.ACHIEVED),
        (((D(2023, 10, 1), 8.0), (D(2024, 1, 15), 10.0)), D(2024, 3, 1), Status.ACHIEVED_LATE),
        (((D(2023, 10, 1), 8.0), (D(2024, 1, 15), 10.0)), D(2024, 1, 10), Status.MISSED),
        (((D(2023, 10, 1), 8.0),), D(2024, 1, 10), Status.MISSED),
    ],
)
def test_count_at_least(records: tuple[tuple[D, float], ...], day: D, status: Status) -> None:
    assert status_at(make(records=records), day) is status


def test_only_records_up_to_the_date_count() -> None:
    target = make(records=((D(2023, 3, 1), 1.0), (D(2023, 9, 1), 10.0)))
    assert status_at(target, MID) is Status.BEHIND
    assert status_at(target, D(2023, 9, 1)) is Status.ACHIEVED
    assert evaluate(target, DataSet(), MID).current == 1.0


@pytest.mark.parametrize(
    ("comparator", "direction", "value", "met"),
    [
        (Comparator.AT_LEAST, Direction.UP, 10.0, True),
        (Comparator.AT_LEAST, Direction.UP, 9.99, False),
        (Comparator.EXCEED, Direction.UP, 10.0, False),
        (Comparator.EXCEED, Direction.UP, 10.01, True),
        (Comparator.AT_MOST, Direction.DOWN, 10.0, True),
        (Comparator.AT_MOST, Direction.DOWN, 10.01, False),
        (Comparator.ABOUT, Direction.UP, 9.0, True),  # default tolerance: 10% of 10
        (Comparator.ABOUT, Direction.UP, 8.99, False),
        (Comparator.ABOUT, Direction.UP, 49.3, True),  # beating it by far is still met
        (Comparator.ABOUT, Direction.DOWN, 11.0, True),
        (Comparator.ABOUT, Direction.DOWN, 11.01, False),
        (Comparator.ABOUT, Direction.DOWN, 0.2, True),  # far under a down target is met
    ],
)
def test_comparators_with_direction(
    comparator: Comparator, direction: Direction, value: float, met: bool
) -> None:
    assert meets(make(comparator=comparator, direction=direction), value) is met


@pytest.mark.parametrize(
    ("target", "direction", "value", "status"),
    [
        (6.0, Direction.UP, 29.6, Status.ACHIEVED),  # Shibei budget revenue: 6%左右, +29.6%
        (10.0, Direction.UP, 13.0, Status.ACHIEVED),  # Shibei fixed-asset investment: 10%左右, ~13%
        (3.0, Direction.DOWN, 3.5, Status.MISSED),  # CPI 3%左右 at 3.5%
        (3.0, Direction.DOWN, 0.2, Status.ACHIEVED),  # CPI 3%左右 at 0.2%
    ],
)
def test_about_leans_with_the_direction(
    target: float, direction: Direction, value: float, status: Status
) -> None:
    rate = make(
        kind=Kind.GROWTH,
        comparator=Comparator.ABOUT,
        direction=direction,
        target=target,
        records=((D(2023, 12, 31), value),),
    )
    assert status_at(rate, D(2024, 6, 30)) is status
    assert evaluate(rate, DataSet(), D(2024, 6, 30)).margin == pytest.approx(value - target)


def test_about_with_explicit_tolerance() -> None:
    target = make(comparator=Comparator.ABOUT, target=100.0, tolerance=2.0)
    assert meets(target, 98.0) and not meets(target, 97.9)
    assert (
        status_at(
            dataclasses.replace(target, records=(ProgressRecord(D(2023, 12, 1), 97.0),)),
            D(2024, 1, 5),
        )
        is Status.MISSED
    )


def test_at_most_with_baseline_counts_down() -> None:
    target = make(
        kind=Kind.LEVEL,
        comparator=Comparator.AT_MOST,
        direction=Direction.DOWN,
        target=40.0,
        baseline=50.0,
        records=((D(2023, 6, 30), 45.0),),
    )
    assert progress(target, 45.0) == pytest.approx(0.5)
    assert status_at(target, MID) is Status.ON_TRACK
    assert (
        status_at(dataclasses.replace(target, records=(ProgressRecord(D(2023, 6, 30), 49.0),)), MID)
        is Status.BEHIND
    )
    assert (
        status_at(dataclasses.replace(target, records=(ProgressRecord(D(2023, 6, 30), 39.0),)), MID)
        is Status.ACHIEVED
    )


def test_level_with_baseline_follows_pace() -> None:
    target = make(kind=Kind.LEVEL, target=45.3, baseline=44.0, records=((D(2023, 6, 30), 44.6),))
    ev = evaluate(target, DataSet(), MID)
    assert ev.progress == pytest.approx(0.6 / 1.3)
    assert ev.status is Status.ON_TRACK


def test_level_without_baseline_is_judged_directly() -> None:
    target = make(kind=Kind.LEVEL, target=45.3, records=((D(2023, 6, 30), 45.0),))
    assert evaluate(target, DataSet(), MID).expected is None
    assert status_at(target, MID) is Status.BEHIND
    reached = dataclasses.replace(target, records=(ProgressRecord(D(2023, 6, 30), 45.3),))
    assert status_at(reached, MID) is Status.ACHIEVED


@pytest.mark.parametrize(
    ("value", "day", "status"),
    [
        (6.5, MID, Status.ON_TRACK),  # a year-to-date rate that meets the target
        (5.0, MID, Status.BEHIND),
        (6.0, D(2024, 3, 1), Status.ACHIEVED),  # the full-year figure, dated the year's end
        (5.9, D(2024, 3, 1), Status.MISSED),
    ],
)
def test_growth_is_judged_against_the_rate(value: float, day: D, status: Status) -> None:
    fact = D(2023, 6, 30) if day == MID else D(2023, 12, 31)
    record = ProgressRecord(fact, value, published=fact if day == MID else D(2024, 2, 20))
    target = dataclasses.replace(make(kind=Kind.GROWTH, target=6.0), records=(record,))
    assert status_at(target, day) is status
    assert evaluate(target, DataSet(), day).expected is None


def test_a_figure_dated_on_the_day_it_appeared_is_late() -> None:
    """Backdated to the period's end it is on time; dated the day it was published, late."""
    count = make(target=10.0)
    on_time = ProgressRecord(D(2023, 12, 31), 12.0, published=D(2024, 1, 9))
    late = ProgressRecord(D(2024, 1, 9), 12.0)
    day = D(2024, 6, 30)
    assert status_at(dataclasses.replace(count, records=(on_time,)), day) is Status.ACHIEVED
    assert status_at(dataclasses.replace(count, records=(late,)), day) is Status.ACHIEVED_LATE
    assert (
        status_at(dataclasses.replace(count, records=(on_time,)), D(2023, 12, 31))
        is Status.ACHIEVED
    )


def test_a_cap_met_before_its_due_date_is_only_on_track() -> None:
    jobless = make(
        kind=Kind.LEVEL,
        comparator=Comparator.AT_MOST,
        direction=Direction.DOWN,
        target=5.5,
        records=((D(2023, 6, 30), 5.1),),
    )
    assert status_at(jobless, MID) is Status.ON_TRACK
    assert status_at(jobless, D(2024, 1, 5)) is Status.ACHIEVED
    over = dataclasses.replace(jobless, records=(ProgressRecord(D(2023, 12, 31), 5.6),))
    assert status_at(over, D(2024, 1, 5)) is Status.MISSED
    assert evaluate(over, DataSet(), D(2024, 1, 5)).progress == pytest.approx(5.5 / 5.6)


def test_milestone_stages() -> None:
    started = make(
        kind=Kind.MILESTONE,
        comparator=None,
        target="started",
        records=((D(2023, 5, 1), "started"),),
    )
    assert status_at(started, MID) is Status.ACHIEVED
    planned = dataclasses.replace(
        started, records=(ProgressRecord(D(2023, 5, 1), stage="planned"),)
    )
    assert status_at(planned, MID) is Status.BEHIND
    assert status_at(planned, D(2024, 1, 2)) is Status.MISSED
    completed = make(
        kind=Kind.MILESTONE,
        comparator=None,
        target="completed",
        records=((D(2023, 5, 1), "started"),),
    )
    assert evaluate(completed, DataSet(), MID).progress == 0.5
    assert status_at(completed, MID) is Status.ON_TRACK


def test_custom_stages() -> None:
    alliance = make(
        kind=Kind.MILESTONE,
        comparator=None,
        target="established",
        stages=("planned", "established"),
        records=((D(2023, 4, 1), "established"),),
    )
    assert status_at(alliance, MID) is Status.ACHIEVED


def test_qualitative_is_unmeasured() -> None:
    target = make(
        kind=Kind.QUALITATIVE, comparator=None, target=None, verdicts=(VerdictEntry(Verdict.KEPT),)
    )
    ev = evaluate(target, DataSet(), D(2024, 3, 1))
    assert (ev.status, ev.progress, ev.expected, ev.conflict) == (
        Status.UNMEASURED,
        None,
        None,
        False,
    )


@pytest.mark.parametrize(
    ("verdict", "records", "conflict"),
    [
        (Verdict.KEPT, ((D(2023, 10, 1), 3.0),), True),  # kept but missed
        (Verdict.BROKEN, ((D(2023, 10, 1), 10.0),), True),  # broken but achieved
        (Verdict.KEPT, ((D(2023, 10, 1), 10.0),), False),
        (Verdict.PARTLY_KEPT, ((D(2023, 10, 1), 3.0),), False),
    ],
)
def test_verdict_conflicts(
    verdict: Verdict, records: tuple[tuple[D, float], ...], conflict: bool
) -> None:
    target = make(verdicts=(VerdictEntry(verdict, D(2024, 1, 20)),), records=records)
    assert evaluate(target, DataSet(), D(2024, 2, 1)).conflict is conflict
    assert evaluate(target, DataSet(), D(2024, 1, 19)).verdict is None  # not yet given


def test_the_latest_verdict_is_the_current_one() -> None:
    history = (
        VerdictEntry(Verdict.KEPT, note="an older file's verdict"),  # undated: the oldest
        VerdictEntry(Verdict.STALLED, D(2023, 9, 1), note="works stopped"),
        VerdictEntry(Verdict.PARTLY_KEPT, D(2024, 1, 10), note="half built"),
    )
    target = make(kind=Kind.QUALITATIVE, comparator=None, target=None, verdicts=history)
    on = {
        day: evaluate(target, DataSet(), day).verdict
        for day in (D(2023, 8, 1), MID, D(2023, 10, 1), D(2024, 2, 1))
    }
    assert [v.verdict if v else None for v in on.values()] == [
        Verdict.KEPT,
        Verdict.KEPT,
        Verdict.STALLED,
        Verdict.PARTLY_KEPT,
    ]


def test_composite_sums_its_parts() -> None:
    city = dataclasses.replace(
        make(target=4.0, records=((D(2023, 3, 1), 1.0), (D(2023, 6, 1), 2.0))), id="city"
    )
    pocket = dataclasses.replace(make(target=8.0, records=((D(2023, 4, 1), 3.0),)), id="pocket")
    total = dataclasses.replace(make(target=12.0), id="total", parts=("city", "pocket"))
    data = DataSet(reports={REPORT.id: REPORT}, targets={t.id: t for t in (city, pocket, total)})
    ev = evaluate(total, data, MID)
    assert (ev.current, ev.as_of) == (5.0, D(2023, 6, 1))
    assert evaluate(total, data, D(2023, 4, 15)).current == 4.0
    assert ev.status is Status.ON_TRACK  # 5/12 = 0.417 >= 182/365 - 0.10
    assert evaluate(total, data, D(2023, 9, 1)).status is Status.BEHIND  # 0.417 < 0.665 - 0.10


# -- properties ---------------------------------------------------------------------------

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
comparators = st.sampled_from(list(Comparator))


@settings(max_examples=300)
@given(baseline=finite, goal=finite, about=st.booleans(), a=finite, share=st.floats(0, 1))
def test_progress_never_falls_moving_toward_the_target(
    baseline: float, goal: float, about: bool, a: float, share: float
) -> None:
    direction = Direction.DOWN if goal < baseline else Direction.UP
    comparator = (
        Comparator.ABOUT
        if about
        else (Comparator.AT_MOST if direction is Direction.DOWN else Comparator.AT_LEAST)
    )
    target = make(
        kind=Kind.LEVEL, comparator=comparator, direction=direction, target=goal, baseline=baseline
    )
    # a is short of the target, on the baseline's side; b lies `share` of the way on from it.
    assume(a <= goal if goal >= baseline else a >= goal)
    b = a + (goal - a) * share
    progress_a, progress_b = progress(target, a), progress(target, b)
    assert progress_a is not None and progress_b is not None
    assert progress_b >= progress_a - 1e-9


dates = st.dates(min_value=D(2023, 1, 1), max_value=D(2024, 6, 30))


@settings(max_examples=300)
@given(
    values=st.lists(
        st.tuples(dates, st.floats(0, 20, allow_nan=False)), max_size=5, unique_by=lambda x: x[0]
    ),
    day=dates,
    late=st.tuples(st.integers(1, 400), st.floats(0, 20, allow_nan=False)),
    kind=st.sampled_from([Kind.COUNT, Kind.LEVEL, Kind.GROWTH]),
    comparator=comparators,
    direction=st.sampled_from(list(Direction)),
)
def test_a_record_after_the_date_never_changes_the_status(
    values: list[tuple[D, float]],
    day: D,
    late: tuple[int, float],
    kind: Kind,
    comparator: Comparator,
    direction: Direction,
) -> None:
    records = tuple(sorted(values))
    before = make(kind=kind, comparator=comparator, direction=direction, records=records)
    extra = (day + dt.timedelta(days=late[0]), late[1])
    after = make(
        kind=kind,
        comparator=comparator,
        direction=direction,
        records=tuple(sorted((*records, extra))),
    )
    assert evaluate(before, DataSet(), day) == dataclasses.replace(
        evaluate(after, DataSet(), day), target=before
    )


@given(goal=finite)
def test_exceed_never_holds_at_exactly_the_target(goal: float) -> None:
    assert not meets(make(comparator=Comparator.EXCEED, target=goal), goal)
