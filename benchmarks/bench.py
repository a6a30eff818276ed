"""Time `targets` against `python -c pass` and Taskwarrior, in one run, on the same machine.

    python benchmarks/bench.py [--runs 7] [--sizes 1000,10000] [--targets PATH-TO-targets]

Generates data files of 1,000 and 10,000 targets from the shipped data (each shipped target
cloned under new ids; count targets get one fictional progress record), times `list --format
json`, `status`, `check`, `mark` and `show` on each (median of --runs runs, each a fresh
process), runs Taskwarrior's `export` and `annotate` on as many tasks where `task` is
installed, and prints medians, ratios and the goals of issue 5. Only the standard library
and the `targets` under test are needed.
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
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "data" / "targets.toml"
TODAY = "2024-06-30"
_TABLE = re.compile(r"(?m)^\[targets\.([a-z0-9-]+)\]\n")


def generate(count: int, out: Path) -> Path:
    """A data file with `count` targets cloned from the shipped ones (fictional copies)."""
    text = SHIPPED.read_text(encoding="utf-8")
    head, first = text[: _TABLE.search(text).start()], _TABLE.search(text).start()  # type: ignore[union-attr]
    tables = re.split(r"(?m)^(?=(?:#[^\n]*\n)*\[targets\.)", text[first:])
    tables = [t for t in tables if t.startswith("[targets.")]  # comment-only chunks dropped
    tables.sort(key=lambda t: "parts =" in t)  # a composite after its parts: a cut copy stays valid
    parts = []
    copy = 0
    while len(parts) < count:
        for table in tables:
            if len(parts) == count:
                break
            clone = re.sub(r"(licang|shibei)-([a-z0-9-]+)", rf"\1-\2-c{copy:05d}", table)
            clone = clone.replace("licang-2023-c", "licang-2023").replace(
                "shibei-2023-c", "shibei-2023"
            )
            clone = re.sub(r'report = "(licang|shibei)-2023[^"]*"', r'report = "\1-2023"', clone)
            if 'kind = "count"' in clone and "parts =" not in clone:
                tid = _TABLE.search(clone).group(1)  # type: ignore[union-attr]
                clone = clone.rstrip("\n") + (
                    f"\n\n[[targets.{tid}.progress]]\ndate = 2023-06-30\nvalue = 1\n"
                    'source = "benchmark (fictional)"\n\n'
                )
            parts.append(clone)
        copy += 1
    out.write_text(head + "".join(parts), encoding="utf-8")
    return out


def timed(
    argv: list[str], env: dict[str, str], runs: int, setup: list[str] | None = None
) -> tuple[float, int]:
    """Median wall time in ms over `runs` fresh processes, and their peak RSS in KiB."""
    times, peaks = [], []
    for index in range(runs):
        args = [a.replace("{i}", str(index)) for a in argv]
        started = time.perf_counter()
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append((time.perf_counter() - started) * 1000)
        peaks.append(usage.ru_maxrss)
        if os.waitstatus_to_exitcode(status) not in (0, 4):
            raise SystemExit(
                f"failed: {' '.join(args)}: {proc.stderr.read().decode() if proc.stderr else ''}"
            )
        if proc.stderr:
            proc.stderr.close()
    return statistics.median(times), max(peaks)


def taskwarrior(count: int, folder: Path, runs: int) -> dict[str, float] | None:
    """Median ms of `task export` and `task UUID annotate` on `count` tasks, where installed."""
    task = shutil.which("task")
    if not task:
        return None
    data = folder / f"task-{count}"
    data.mkdir()
    rc = folder / f"taskrc-{count}"
    rc.write_text(f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\n")
    env = {**os.environ, "TASKRC": str(rc), "TASKDATA": str(data)}
    uuids = [str(uuid.uuid4()) for _ in range(count)]
    tasks = [
        {
            "uuid": u,
            "description": f"benchmark task {i}",
            "status": "pending",
            "entry": "20230101T000000Z",
            "project": "bench",
        }
        for i, u in enumerate(uuids)
    ]
    dump = folder / f"tasks-{count}.json"
    dump.write_text(json.dumps(tasks))
    subprocess.run([task, "import", str(dump)], env=env, check=True, capture_output=True)
    export, _ = timed([task, "export"], env, runs)
    annotate, _ = timed([task, uuids[count // 2], "annotate", "note {i}"], env, runs)
    return {"export": export, "annotate": annotate}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--targets", default=shutil.which("targets") or "targets")
    options = parser.parse_args()
    targets = [options.targets]
    runs = options.runs
    env = {**os.environ, "TARGETS_TODAY": TODAY, "NO_COLOR": "1"}
    env.pop("TARGETS_FILE", None)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
    print(f"python {platform.python_version()}, {runs} runs each (3 without cache), medians in ms")
    print("the cache is warm unless a line says otherwise\n")
    results: dict[str, float] = {}
    base, _ = timed([sys.executable, "-c", "pass"], env, runs)
    results["python -c pass"] = base
    shipped, _ = timed([*targets, "list", "--format", "json", "-f", str(SHIPPED)], env, runs)
    results["list json, shipped (62)"] = shipped
    rows = [
        ("python -c pass", base, ""),
        ("list --format json, shipped file", shipped, f"{shipped / base:.1f}x python (goal <= 8x)"),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in [int(s) for s in options.sizes.split(",")]:
            path = generate(size, folder / f"targets-{size}.toml")
            tid = _TABLE.findall(path.read_text(encoding="utf-8"))[size // 2]
            mark_id = next(
                t
                for t in _TABLE.findall(path.read_text(encoding="utf-8"))
                if t.startswith("licang-greenways")
            )
            file = ["-f", str(path)]
            cold = {**env, "TARGETS_NO_CACHE": "1"}
            measured = {
                "list": timed([*targets, "list", "--format", "json", *file], env, runs),
                "list, no cache": timed([*targets, "list", "--format", "json", *file], cold, 3),
                "check, no cache": timed([*targets, "check", *file], cold, 3),
                "status": timed([*targets, "status", "--format", "json", *file], env, runs),
                "check": timed([*targets, "check", *file], env, runs),
                "show": timed([*targets, "show", tid, "--format", "json", *file], env, runs),
                "mark": timed(
                    [
                        *targets,
                        "mark",
                        mark_id,
                        "{i}",
                        "--date",
                        "2023-07-1{i}",
                        "--source",
                        "benchmark",
                        *file,
                    ],
                    env,
                    min(runs, 9),
                ),
            }
            task = taskwarrior(size, folder, runs)
            for name, (ms, peak) in measured.items():
                note = f"peak {peak / 1024:.0f} MiB" if name.startswith("list") else ""
                if task and name == "list":
                    note += f"; {ms / task['export']:.2f}x task export"
                if task and name == "mark":
                    note += f"{ms / task['annotate']:.2f}x task annotate"
                rows.append((f"{name} on {size:,} targets", ms, note))
                results[f"{name}-{size}"] = ms
                results[f"{name}-{size}-peak-kib"] = peak
            if task:
                rows.append((f"task export on {size:,} tasks", task["export"], ""))
                rows.append((f"task annotate on {size:,} tasks", task["annotate"], ""))
    for label, ms, note in rows:
        print(f"{label:<36} {ms:8.1f}  {note}")
    sizes = [int(s) for s in options.sizes.split(",")]
    if len(sizes) == 2:
        small, large = sizes
        print(f"\ngrowth {small:,} -> {large:,} targets (goal <= {large // small}x):")
        for name in (
            "list",
            "list, no cache",
            "check, no cache",
            "status",
            "check",
            "mark",
            "show",
        ):
            print(f"  {name:<16} {results[f'{name}-{large}'] / results[f'{name}-{small}']:.1f}x")
    print(f"\nrun on {dt.date.today()}")


if __name__ == "__main__":
    main()
