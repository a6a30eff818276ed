"""Helpers for the adversarial tests of issue 9: they drive only the public CLI.

`cli` runs `python -m targets ...` in a fresh process with a timeout, so a hang is a test
failure, never a stuck suite; `run_in_process` uses typer's CliRunner on targets.cli.app
where no process boundary is under test (it is several times faster). The environment is the
test's: conftest.py pins TARGETS_TODAY, moves the cache into tmp_path and chdirs there.
Test data is fictional (测试区 / Testville District).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import BASE

TIMEOUT = 20.0  # a normal command: generous, so a loaded CI machine does not fail it
HANG_TIMEOUT = 4.0  # a command that must end "promptly" (the issue: well under 10 s)
DOCUMENTED = {0, 1, 2, 3, 4}  # exit codes an input may produce; 70 is a bug
ERROR_PREFIX = "targets: error: "
needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="needs root (mknod, chown)")

# Two more fictional targets after BASE's testville-parks (which has one record).
THREE_TARGETS = BASE + textwrap.dedent(
    """
    [targets.testville-roads]
    report = "testville-2023"
    category = "roads"
    title = "改造测试道路5条"
    title_en = "Rebuild 5 test roads (fictional)"
    kind = "count"
    comparator = "at_least"
    target = 5
    unit = "条"
    quote = "改造测试道路5条"

    [targets.testville-openness]
    report = "testville-2023"
    category = "governance"
    title = "推进测试区政务公开"
    title_en = "Open up Testville's government (fictional)"
    kind = "qualitative"
    quote = "推进测试区政务公开"
    """
)

# Characters that must never reach a terminal, CSV, TSV, Markdown or HTML output raw.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


@dataclass
class Outcome:
    """What a finished `targets` process left: exit code, stdout and stderr apart."""

    args: tuple[str | bytes, ...]
    code: int
    out: str
    err: str

    def __str__(self) -> str:
        return (
            f"targets {' '.join(map(repr, self.args))}: exit {self.code}\n"
            f"--- stdout ---\n{self.out[:3000]}\n--- stderr ---\n{self.err[:3000]}"
        )


def cli_env(env: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """The test's environment with `env` applied; a value of None removes the variable."""
    merged = dict(os.environ)
    merged.pop("TARGETS_DEBUG", None)
    for key, value in (env or {}).items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def command(*args: str | bytes) -> list[str | bytes]:
    return [sys.executable, "-m", "targets", *args]


def cli(
    *args: str | bytes,
    env: Mapping[str, str | None] | None = None,
    stdin: bytes | None = None,
    timeout: float = TIMEOUT,
) -> Outcome:
    """Run `targets ARGS` in a fresh process; a run longer than `timeout` fails the test."""
    try:
        done = subprocess.run(
            command(*args),
            input=stdin if stdin is not None else b"",
            capture_output=True,
            env=cli_env(env),
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as hung:  # subprocess.run has killed it
        pytest.fail(f"targets {' '.join(map(repr, args))} did not end within {timeout:g}s: {hung}")
    decode = lambda data: data.decode("utf-8", "surrogateescape")  # noqa: E731
    return Outcome(tuple(args), done.returncode, decode(done.stdout), decode(done.stderr))


def run_in_process(*args: str, env: Mapping[str, str | None] | None = None) -> Outcome:
    """`targets ARGS` through CliRunner on targets.cli.app: fast, but no guard against hangs."""
    from tests.helpers import run

    result = run(*args, env=dict(env) if env else None)  # type: ignore[arg-type]
    return Outcome(tuple(args), result.exit_code, result.stdout, result.stderr)


def start(
    *args: str | bytes, env: Mapping[str, str | None] | None = None
) -> subprocess.Popen[bytes]:
    """Start `targets ARGS` in the background (the caller waits for or kills it)."""
    return subprocess.Popen(
        command(*args),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_env(env),
    )


def no_traceback(result: Outcome) -> None:
    assert "Traceback" not in result.err, str(result)
    assert "Traceback" not in result.out, str(result)


def assert_error(result: Outcome, codes: int | Iterable[int], max_len: int = 1000) -> str:
    """A refusal: one of `codes`, nothing on stdout, one short `targets: error:` line on stderr.
    Returns that line."""
    allowed = {codes} if isinstance(codes, int) else set(codes)
    no_traceback(result)
    assert result.code in allowed, str(result)
    assert result.out == "", str(result)
    lines = result.err.splitlines()
    assert len(lines) == 1, str(result)
    assert result.err.startswith(ERROR_PREFIX), str(result)
    assert len(lines[0]) <= max_len, f"the error line is {len(lines[0])} characters long"
    return lines[0]


def assert_ok(result: Outcome) -> None:
    no_traceback(result)
    assert result.code == 0, str(result)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    """Temporary files a write may have left in `folder`."""
    names = {p.name for p in folder.glob(".*.tmp")} | {p.name for p in folder.glob("*.tmp")}
    return sorted(names)


def assert_untouched(path: Path, digest: str) -> None:
    """The file holds the same bytes as before, and no temporary file is left beside it."""
    assert path.exists(), f"{path} is gone"
    assert sha256(path) == digest, f"{path} was changed"
    assert leftovers(path.parent) == [], f"temporary files left: {leftovers(path.parent)}"


def assert_inert(text: str, where: str) -> None:
    """No raw control, C1, bidi or line-separator character in `text`."""
    found = sorted({f"U+{ord(c):04X}" for c in FORBIDDEN.findall(text)})
    assert not found, f"{where}: raw {', '.join(found)} in the output"


def make_char_device(path: Path) -> Path:
    """A character device like /dev/null (1, 3), made in the test's folder (needs root)."""
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    assert stat.S_ISCHR(os.stat(path).st_mode)
    return path


def is_char_device(path: Path) -> bool:
    return stat.S_ISCHR(os.lstat(path).st_mode)


# -- hostile text (issue 9, item 6) ---------------------------------------------------------

# Each payload as written inside a TOML basic string (escapes included).
PAYLOADS = {
    "osc-title": r"\u001b]0;PWNED\u0007",
    "sgr": r"\u001b[31mRED",
    "osc8": r"\u001b]8;;http://evil/\u001b\\LINK\u001b]8;;\u001b\\",
    "c1": r"\u009bCSI",
    "bidi": r"\u202eEVIL\u2066ISO\u2069",
    "nul": r"\u0000NUL",
    "ls": r"LINE\u2028SEP",
    "rich": "[bold red]RICH[/]",
    "rich-link": "[link=http://evil]RLINK[/link]",
    "md-image": "https://x>![p](http://evil/t.png)",
    "script": "<script>alert(1)</script>",
    "heading": r"x\n# heading",
    "csv-cmd": "=cmd|' /C calc'!A0",
    "csv-plus": "+1",
    "csv-at": "@SUM(1)",
    "csv-minus": "-2+3",
    "tab": r"\tTAB",
    "cr": r"\rCR",
    "js": "javascript:alert(1)",
}
# The same payloads as Python strings (TOML's escapes used here are JSON's too).
DECODED = {name: json.loads(f'"{text}"') for name, text in PAYLOADS.items()}
HOSTILE_IDS = [f"testville-h-{name}" for name in PAYLOADS]


TEXT_KEYS = ("title", "title_en", "unit", "quote", "note", "verdict_note", "verdict_source")


def hostile_text() -> str:
    """A valid, fictional data file: one target per payload, the payload in every text field
    (title, title_en, unit, tags, quote, note, verdict note and source, a record's note and
    source), and in the report's title and source."""
    report = (
        'schema_version = 1\n\n[reports.testville-2023]\ndistrict = "测试区"\n'
        'district_en = "Testville District"\nperiod = { start = 2023-01-01, end = 2023-12-31 }\n'
        f'title = "测试区报告{PAYLOADS["osc-title"]}"\nsource = "{PAYLOADS["md-image"]}"\n'
    )
    targets = []
    for name, text in PAYLOADS.items():
        fields = "".join(f'{key} = "{text}"\n' for key in TEXT_KEYS)
        targets.append(
            f'\n[targets.testville-h-{name}]\nreport = "testville-2023"\ncategory = "parks"\n'
            f'kind = "count"\ncomparator = "at_least"\ntarget = 10\nverdict = "kept"\n'
            f'tags = ["{text}", "safe"]\n{fields}'
            f"\n[[targets.testville-h-{name}.progress]]\ndate = 2023-03-31\nvalue = 2\n"
            f'note = "{text}"\nsource = "{text}"\n'
        )
    return report + "".join(targets)


_OWN_SGR = re.compile(r"\x1b\[[0-9;]*m")
_CLEAN_OSC8 = re.compile(r"\x1b\]8;[^;\x07\x1b]*;(?:https?://[\x21-\x7e]*)?(?:\x1b\\|\x07)")


def assert_terminal_inert(text: str, where: str) -> None:
    """Coloured terminal output: the only escape sequences are the renderer's own colours (and
    hyperlinks to clean addresses); nothing from the data steers the terminal."""
    for raw in ("\x1b[31mRED", "\x1b]0;", "\x1b]8;;http://evil"):
        assert raw not in text, f"{where}: the data's {raw!r} reached the terminal raw"
    links = [m for m in _CLEAN_OSC8.findall(text) if "evil" in m]
    assert not links, f"{where}: a hyperlink to {links[0]!r}"
    assert_inert(_CLEAN_OSC8.sub("", _OWN_SGR.sub("", text)), where)


_MD_HEADING = re.compile(r"^[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+)?#{1,6}[ \t]+heading", re.M)
_MD_RAW_SCRIPT = re.compile(r"(?<!\\)<script", re.I)  # `\<script` is literal text
_MD_BAD_LINK = re.compile(  # `\](` is literal text
    r"(?<!\\)\]\(\s*<?\s*(?:javascript:|[^)\s]*evil)|<(?:javascript:|https?://evil)", re.I
)


def assert_markdown_inert(text: str, where: str) -> None:
    """Markdown in which the data can add no image, HTML, heading or unsafe link."""
    assert_inert(text, where)
    assert "![" not in text, f"{where}: an image from the data"
    assert not _MD_RAW_SCRIPT.search(text), f"{where}: raw <script> from the data"
    assert not _MD_HEADING.search(text), f"{where}: a heading injected from the data"
    bad = _MD_BAD_LINK.search(text)
    assert not bad, f"{where}: a link from the data: {bad.group()!r}"


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def assert_csv_guarded(text: str, where: str) -> None:
    """Every CSV cell a spreadsheet would run as a formula is guarded with a leading '."""
    assert_inert(text, where)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) > 1, f"{where}: no rows"
    risky = [
        cell
        for row in rows
        for cell in row
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(cell)
    ]
    assert not risky, f"{where}: unguarded formula cells: {risky[:5]!r}"
