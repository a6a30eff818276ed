"""Issue 9, item 11: byte-level fuzzing of the shipped data file.

Each example mutates a copy of data/targets.toml (flipped, deleted, duplicated or inserted
bytes; TOML tokens; deep nesting; truncation) with a fixed seed, then runs `check`, `list` and
`mark` on it in-process (CliRunner on targets.cli.app). Only documented exit codes (0-4) may
come out, never a traceback, and a refusal is one `targets: error:` line. Bounded: 150
examples or 15 seconds, whichever comes first; a run that takes more than 5 s is a hang.
"""

from __future__ import annotations

import random
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.adversarial_helpers import DOCUMENTED, ERROR_PREFIX
from tests.helpers import SHIPPED, run

SEED = 20230105
EXAMPLES = 150
BUDGET_S = 15.0
HANG_S = 5

TOKENS = [
    b"[", b"]", b"[[", b"]]", b"{", b"}", b"=", b'"', b"'", b'"""', b"'''", b"\n", b"#", b",",
    b".", b"\\", b"\\u0000", b"\\u001b", b"\x00", b"\x1b", b"\xff\xfe", b"\xef\xbb\xbf",
    b"\r", b"\t", b"1e999", b"nan", b"-inf", b"9" * 40, b"2023-02-30", b"2023-13-01",
    b"0000-01-01", b"24:00:00", b"[]", b"{}", b"true", b"progress", b"parts = [\"licang-greenways\"]",
    b"[targets]\n", b"[[targets.licang-greenways.progress]]\n", b"[targets.licang-greenways]\n",
    b"schema_version = 2\n", b"kind = []\n", b"report = 5\n", b"target = \"started\"\n",
    b"[" * 600 + b"]" * 600, b"{a=" * 300 + b"1" + b"}" * 300,
]  # fmt: skip

# Values put in place of a key's value, or given to a key on a new line: wrong types,
# extremes and deep nesting, where syntax is fine and only the rules can catch them.
VALUES = [
    b"[]", b"{}", b"5", b"-1", b"0", b"1e999", b"nan", b"true", b'"x"', b'["x"]', b"[1, 2]",
    b'[{ date = 2023-03-31, value = 2 }]', b"{ start = 2023-12-31, end = 2023-01-01 }",
    b"2023-02-28", b"1979-05-27T07:32:00Z", b"07:32:00", b'"licang-greenways"',
    b'["licang-greenways"]', rb'"\u001b]0;x\u0007"', b'""', b"9" * 30, b"[" * 600 + b"]" * 600,
    b"{ a = " * 200 + b"1" + b" }" * 200, b'"' + b"x" * 5000 + b'"',
]  # fmt: skip
KEYS = [
    b"kind", b"target", b"parts", b"progress", b"tags", b"stages", b"report", b"period",
    b"comparator", b"baseline", b"tolerance", b"start", b"due", b"verdict", b"value", b"date",
    b"schema_version", b"unit", b"title", b"category",
]  # fmt: skip


def _mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One to three random mutations, and a description of them."""
    done = []
    for _ in range(rng.randint(1, 3)):
        n = len(data)
        at = rng.randrange(max(n, 1))
        op = rng.choice(
            ["flip", "delete", "duplicate", "insert", "truncate", "swap", "value", "value", "key"]
        )
        if op in ("value", "key"):
            lines = data.split(b"\n")
            i = rng.randrange(len(lines))
            value = rng.choice(VALUES)
            if op == "value" and b" = " in lines[i] and not lines[i].startswith(b"#"):
                lines[i] = lines[i].split(b" = ", 1)[0] + b" = " + value
            else:  # a new line, after a header or a key, with a key a table may have
                lines.insert(i + 1, rng.choice(KEYS) + b" = " + value)
            data = b"\n".join(lines)
            op = f"{op} {value[:20]!r} at line {i + 1}"
        elif op == "flip" and n:
            data = data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1 :]
        elif op == "delete":
            data = data[:at] + data[at + rng.randint(1, 200) :]
        elif op == "duplicate":
            span = data[at : at + rng.randint(1, 400)]
            data = data[:at] + span + data[at:]
        elif op == "insert":
            token = rng.choice(TOKENS)
            data = data[:at] + token + data[at:]
            op = f"insert {token[:20]!r}"
        elif op == "truncate":
            data = data[:at]
        elif op == "swap":
            lines = data.split(b"\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            data = b"\n".join(lines)
        done.append(f"{op} at {at}")
    return data, "; ".join(done)


class Hang(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` swallows it."""


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    def ring(signum: int, frame: object) -> None:
        raise Hang()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


COMMANDS: list[tuple[str, ...]] = [
    ("check",),
    ("list", "--format", "json"),
    ("mark", "licang-greenways", "1", "--date", "2023-06-30", "--source", "fictional"),
]


def _verdict(args: tuple[str, ...], runner: Callable[..., object]) -> str | None:
    """None when the run behaved as documented, else what went wrong."""
    try:
        with _deadline(HANG_S):
            result = runner(*args)
    except Hang:
        return f"hang (> {HANG_S} s)"
    code = result.exit_code  # type: ignore[attr-defined]
    out, err = result.stdout, result.stderr  # type: ignore[attr-defined]
    if result.exception is not None and not isinstance(result.exception, SystemExit):  # type: ignore[attr-defined]
        return f"uncaught {result.exception!r}"  # type: ignore[attr-defined]
    if "Traceback" in out + err:
        return "a traceback"
    if code not in DOCUMENTED:
        return f"exit {code}: {err.strip()[:200]}"
    if args[0] != "check" and code != 0:
        lines = err.splitlines()
        if len(lines) != 1 or not err.startswith(ERROR_PREFIX):
            return f"exit {code} with stderr {err[:200]!r}"
    return None


def test_fuzzed_data_files_give_only_documented_exit_codes(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    original = SHIPPED.read_bytes()
    data = tmp_path / "targets.toml"
    failures: dict[str, str] = {}
    began = time.monotonic()
    examples = 0
    while examples < EXAMPLES and time.monotonic() - began < BUDGET_S:
        mutated, how = _mutate(original, rng)
        examples += 1
        for args in COMMANDS:
            data.write_bytes(mutated)  # mark may have changed it
            problem = _verdict(args, run)
            if problem:
                key = f"{args[0]}: {problem.split(':')[0]}"
                failures.setdefault(key, f"{problem} [example {examples}: {how}]")
    assert examples >= 20, f"only {examples} examples ran in {BUDGET_S:g} s"
    report = "\n".join(f"{key} -> {value}" for key, value in sorted(failures.items()))
    assert not failures, f"{len(failures)} kind(s) of failure in {examples} examples:\n{report}"
