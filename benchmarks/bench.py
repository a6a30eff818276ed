"""Time `targets` against `python -c pass` and Taskwarrior 2.6, in one run, on the same machine.

    python benchmarks/bench.py [--runs 5] [--targets PATH-TO-targets] [--quick]

What it measures (the goals of issue 11; medians of --runs fresh processes each):
- `list --format json` on the shipped file, against `python -c pass` (goal: at most 5x);
- 10,000 targets in one file: a warm `list --format json` (goal: at most 1.0x `task export` on
  10,000 tasks), `mark` (at most 1.5x `task annotate`), and the first `list` after a `mark`
  (at most 1.5x `task export`);
- 100,000 targets in 1,000 documents under one root: a warm `list` (at most 1.0x `task export`
  on 100,000 tasks), the first `list` after a `mark` and after a hand edit of one document
  (each at most 1.0x), and the peak memory of `list` (at most 1.5x `task export`'s).

The data are generated from the shipped file (every target cloned under new ids: fictional
copies); Taskwarrior gets as many tasks. Without `task` on the PATH the ratios are left out.
`--quick` skips the 100,000-target part. Only the standard library and the `targets` under
test are needed; install targets with `pip install .` (an editable install compiles the
package at every start where PYTHONDONTWRITEBYTECODE is set, which this measures too).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "data" / "targets.toml"
TODAY = "2024-06-30"
_TABLE = re.compile(r"(?m)^\[targets\.([a-z0-9-]+)\]\n")
_BLOCK = re.compile(r"(?m)^(?=(?:#[^\n]*\n)*\[targets\.)")


def _shipped_parts() -> tuple[str, list[str]]:
    """The shipped file's head (up to its first target) and its target blocks, composites
    last so that a cut copy stays valid."""
    text = SHIPPED.read_text(encoding="utf-8")
    first = _TABLE.search(text)
    assert first is not None
    blocks = [b for b in _BLOCK.split(text[first.start() :]) if b.startswith("[targets.")]
    blocks.sort(key=lambda b: "parts =" in b)
    return text[: first.start()], blocks


def _clone(block: str, suffix: str, report: str | None) -> str:
    clone = re.sub(r"\b(licang|shibei)-([a-z0-9-]+)", rf"\1-\2-{suffix}", block)
    clone = re.sub(r'report = "[^"]*"', f'report = "{report}"', clone) if report else clone
    return re.sub(r'report = "(licang|shibei)-2023-[^"]*"', r'report = "\1-2023"', clone)


def one_file(count: int, out: Path) -> Path:
    """A data file with `count` targets cloned from the shipped ones."""
    head, blocks = _shipped_parts()
    parts: list[str] = []
    copy = 0
    while len(parts) < count:
        for block in blocks[: count - len(parts)]:
            parts.append(_clone(block, f"c{copy:05d}", None))
        copy += 1
    out.write_text(head + "".join(parts), encoding="utf-8")
    return out


def many_documents(documents: int, per_document: int, folder: Path) -> Path:
    """A root including `documents` documents of `per_document` targets, each document with
    a report of its own: the layout of one report, one document."""
    head, blocks = _shipped_parts()
    reports = folder / "reports"
    reports.mkdir(parents=True)
    for number in range(documents):
        report = f"district-{number:04d}-2023"
        lines = [
            "schema_version = 1\n",
            f'\n[reports.{report}]\ndistrict = "测试区{number}"\n',
            "period = { start = 2023-01-01, end = 2023-12-31 }\n\n",
        ]
        taken = [b for b in blocks if "parts =" not in b][:per_document]
        while len(taken) < per_document:
            taken += blocks[: per_document - len(taken)]
        for index, block in enumerate(taken):
            lines.append(_clone(block, f"d{number:04d}x{index // len(blocks)}", report))
        (reports / f"{report}.toml").write_text("".join(lines), encoding="utf-8")
    root = folder / "targets.toml"
    root.write_text('schema_version = 1\ninclude = ["reports/*.toml"]\n', encoding="utf-8")
    return root


def timed(
    argv: list[str], env: dict[str, str], runs: int, before: Callable[[int], None] | None = None
) -> tuple[float, float]:
    """Median wall time in ms over `runs` fresh processes, and their peak RSS in MiB; `before`
    runs (untimed) before each."""
    times, peaks = [], []
    for index in range(runs):
        if before:
            before(index)
        started = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append((time.perf_counter() - started) * 1000)
        peaks.append(usage.ru_maxrss / 1024)
        error = proc.stderr.read().decode() if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(argv)}: {error}")
    return statistics.median(times), max(peaks)


def run(argv: list[str], env: dict[str, str]) -> None:
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)


def taskwarrior(count: int, folder: Path, runs: int) -> dict[str, float] | None:
    """`task export` and `task UUID annotate` on `count` tasks: median ms, export's peak MiB."""
    task = shutil.which("task")
    if not task:
        return None
    data, rc = folder / f"task-{count}", folder / f"taskrc-{count}"
    data.mkdir()
    rc.write_text(f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\n")
    env = {**os.environ, "TASKRC": str(rc), "TASKDATA": str(data)}
    uuids = [str(uuid.uuid4()) for _ in range(count)]
    tasks = [
        {"uuid": u, "description": f"benchmark task {i}", "status": "pending",
         "entry": "20230101T000000Z", "project": "bench"}
        for i, u in enumerate(uuids)
    ]  # fmt: skip
    dump = folder / f"tasks-{count}.json"
    dump.write_text(json.dumps(tasks))
    subprocess.run([task, "import", str(dump)], env=env, check=True, capture_output=True)
    export, peak = timed([task, "export"], env, runs)
    annotate, _ = timed([task, uuids[count // 2], "annotate", "note"], env, runs)
    return {"export": export, "export_peak": peak, "annotate": annotate}


class Report:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def row(self, label: str, ms: float, note: str = "") -> None:
        self.lines.append(f"{label:<48} {ms:8.1f}  {note}")
        print(self.lines[-1], flush=True)

    def goal(self, label: str, ratio: float, limit: float, against: str) -> str:
        verdict = "met" if ratio <= limit else "NOT met"
        return f"{ratio:.2f}x {against} (goal <= {limit}x: {verdict})"


def ten_thousand(targets: list[str], env: dict[str, str], runs: int, folder: Path,
                 report: Report) -> None:  # fmt: skip
    path = one_file(10_000, folder / "targets-10k.toml")
    ids = _TABLE.findall(path.read_text(encoding="utf-8"))
    counts = [i for i in ids if i.startswith("licang-greenways-c")]
    file = ["-f", str(path)]
    task = taskwarrior(10_000, folder, runs)
    run([*targets, "list", "--format", "json", *file], env)  # the cache, warm
    warm, _ = timed([*targets, "list", "--format", "json", *file], env, runs)
    marks = iter(range(1, 10_000))

    def mark_argv(i: int) -> list[str]:
        day = (dt.date(2023, 7, 1) + dt.timedelta(days=next(marks) % 180)).isoformat()
        target = counts[i % len(counts)]
        return [*targets, "mark", target, "1", "--date", day, "--source", "bench", *file]

    # each mark on a day of its own, so that none is refused
    mark = statistics.median(timed(mark_argv(i), env, 1)[0] for i in range(runs))
    after, _ = timed([*targets, "list", "--format", "json", *file], env, runs,
                     before=lambda i: run(mark_argv(i + runs), env))  # fmt: skip
    if task:
        report.row("task export, 10,000 tasks", task["export"])
        report.row("task annotate, 10,000 tasks", task["annotate"])
    note = (
        (lambda ms, limit, key: report.goal("", ms / task[key], limit, f"task {key}"))
        if task
        else None
    )
    report.row(
        "list --format json, 10,000 targets (warm)", warm, note(warm, 1.0, "export") if note else ""
    )
    report.row("mark, 10,000 targets", mark, note(mark, 1.5, "annotate") if note else "")
    report.row(
        "first list after a mark, 10,000 targets", after, note(after, 1.5, "export") if note else ""
    )


def hundred_thousand(targets: list[str], env: dict[str, str], runs: int, folder: Path,
                     report: Report) -> None:  # fmt: skip
    root = many_documents(1_000, 100, folder / "many")
    documents = sorted((folder / "many" / "reports").glob("*.toml"))
    file = ["-f", str(root)]
    task = taskwarrior(100_000, folder, max(3, runs // 2))
    cold, cold_peak = timed([*targets, "list", "--format", "json", *file], env, 1)
    warm, peak = timed([*targets, "list", "--format", "json", *file], env, runs)
    table = _TABLE.findall(documents[500].read_text(encoding="utf-8"))
    counts = [t for t in table if t.startswith("licang-greenways")]

    def mark(i: int) -> None:
        day = (dt.date(2023, 7, 1) + dt.timedelta(days=i)).isoformat()
        run([*targets, "mark", counts[0], str(i), "--date", day, "--source", "bench", *file], env)

    after_mark, _ = timed([*targets, "list", "--format", "json", *file], env, runs, before=mark)

    def hand_edit(i: int) -> None:  # as a person would: a title changed in one document
        document = documents[(i * 37) % len(documents)]
        text = document.read_text(encoding="utf-8")
        document.write_text(
            re.sub(r'(?m)^title = "', f'title = "{i}', text, count=1), encoding="utf-8"
        )

    after_edit, _ = timed(
        [*targets, "list", "--format", "json", *file], env, runs, before=hand_edit
    )
    if task:
        report.row(
            "task export, 100,000 tasks", task["export"], f"peak {task['export_peak']:.0f} MiB"
        )
        report.row("task annotate, 100,000 tasks", task["annotate"])
    note = (
        (lambda ms: report.goal("", ms / task["export"], 1.0, "task export"))
        if task
        else (lambda ms: "")
    )
    report.row("list, 100,000 targets in 1,000 documents, first", cold, f"peak {cold_peak:.0f} MiB")
    report.row("list, 100,000 targets in 1,000 documents (warm)", warm, note(warm))
    report.row("first list after a mark, 100,000 in 1,000", after_mark, note(after_mark))
    report.row("first list after a hand edit of one of 1,000", after_edit, note(after_edit))
    memory = f"peak {peak:.0f} MiB"
    if task:
        memory += "; " + report.goal("", peak / task["export_peak"], 1.5, "task export's peak")
    report.row("peak memory of list, 100,000 targets (MiB)", peak, memory)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--targets", default=shutil.which("targets") or "targets")
    parser.add_argument("--quick", action="store_true", help="skip the 100,000-target part")
    options = parser.parse_args()
    targets, runs = [options.targets], options.runs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "TARGETS_TODAY": TODAY, "NO_COLOR": "1",
               "XDG_CACHE_HOME": str(folder / "cache")}  # fmt: skip
        env.pop("TARGETS_FILE", None)
        env.pop("TARGETS_CACHE_DIR", None)
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
        task = shutil.which("task")
        version = (
            subprocess.run([task, "--version"], capture_output=True, text=True).stdout.strip()
            if task
            else "none"
        )
        print(
            f"python {platform.python_version()}, taskwarrior {version}; "
            f"{runs} runs each, medians in ms\n"
        )
        report = Report()
        base, _ = timed([sys.executable, "-c", "pass"], env, max(runs, 9))
        report.row("python -c pass", base)
        shipped_argv = [*targets, "list", "--format", "json", "-f", str(SHIPPED)]
        run(shipped_argv, env)
        shipped, _ = timed(shipped_argv, env, max(runs, 9))
        report.row("list --format json, shipped file", shipped,
                   report.goal("", shipped / base, 5.0, "python -c pass"))  # fmt: skip
        ten_thousand(targets, env, runs, folder, report)
        if not options.quick:
            hundred_thousand(targets, env, runs, folder, report)
    print(f"\nrun on {dt.date.today()}")


if __name__ == "__main__":
    main()
