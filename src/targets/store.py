"""Writing the data file without losing a byte: lock, check, atomic replace.

Every write runs as: take the lock on `<file>.lock` (never the data file itself, whose inode
`os.replace` swaps), read the text, let the caller build an edit, check that the edited text
parses to exactly the intended data, then write it to a temporary file in the same folder with
the same mode, fsync it, `os.replace` it over the original and fsync the folder. Any failure
leaves the original untouched and no temporary file behind. A symlinked data file is written
through its link.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .edits import (
    Edit,
    Span,
    exact_region,
    fast_region,
    header_lines,
    sections_only_as_tables,
)
from .errors import LockTimeout, WriteError
from .load import decode, parse_toml

DEFAULT_LOCK_TIMEOUT = 5.0
LOCK_TIMEOUT_ENV = "TARGETS_LOCK_TIMEOUT"
BOM = "\ufeff"


class Snapshot:
    """The data file as read under the lock: its text, and its tables parsed on demand.

    A write needs one target and its report, not the whole document: `table` parses just
    the stretch of text that holds the table, when it can prove that stretch is the whole
    truth about it (see `_safe_region`). Otherwise the whole text is parsed, once.
    """

    def __init__(self, path: Path, text: str, bom: bool = False) -> None:
        self.path = path
        self.text = text
        self.bom = bom
        self._document: dict[str, Any] | None = None
        self._headers: list[int] | None = None
        self._tables_only: bool | None = None
        self._regions: dict[tuple[str, str], tuple[Span, dict[str, Any]] | None] = {}

    @property
    def document(self) -> dict[str, Any]:
        """The whole parsed document; WriteError if the text is not valid TOML."""
        if self._document is None:
            document, syntax = parse_toml(self.text)
            if document is None:
                assert syntax is not None
                raise WriteError(
                    f"{self.path}:{syntax.line}:{syntax.col}: {syntax.message}; fix it first"
                )
            self._document = document
        return self._document

    @property
    def headers(self) -> list[int]:
        if self._headers is None:
            self._headers = header_lines(self.text)
        return self._headers

    @property
    def tables_only(self) -> bool:
        if self._tables_only is None:
            self._tables_only = sections_only_as_tables(self.text, self.headers)
        return self._tables_only

    def region(self, section: str, key: str) -> tuple[Span, dict[str, Any]] | None:
        """The span of [section.key] and its parsed value, when that span provably holds all
        of it; None otherwise."""
        if (section, key) not in self._regions:
            self._regions[(section, key)] = _safe_region(self, section, key)
        return self._regions[(section, key)]

    def table(self, section: str, key: str) -> dict[str, Any] | None:
        """The parsed [section.key] table, or None if the file has none."""
        found = self.region(section, key)
        if found:
            return found[1]
        value = self.document.get(section, {}).get(key)
        return value if isinstance(value, dict) else None

    def span(self, section: str, key: str) -> Span:
        """Where [section.key] is written; WriteError if it is not written as a table."""
        found = self.region(section, key)
        span = found[0] if found else exact_region(self.text, section, key)
        if span is None:
            raise WriteError(
                f"[{section}.{key}] is not written as a table; cannot edit it in place"
            )
        return span


def _safe_region(snapshot: Snapshot, section: str, key: str) -> tuple[Span, dict[str, Any]] | None:
    """A region found through header lines, accepted only if (a) every header line naming the
    table is in it, (b) the section is never written in another form (a [targets] table with
    dotted keys, top-level keys), and (c) the region parses to exactly this one table. Then
    nothing outside the region can add to or change the table."""
    text = snapshot.text
    span = fast_region(text, snapshot.headers, section, key)
    if span is None or not snapshot.tables_only:
        return None
    parsed, _ = parse_toml(text[span[0] : span[1]])
    if parsed is None or list(parsed) != [section] or list(parsed[section]) != [key]:
        return None
    value: dict[str, Any] = parsed[section][key]
    return span, value


def real_path(path: Path) -> Path:
    """The file a (possibly symlinked) path finally names."""
    return Path(os.path.realpath(path))


def lock_path(path: Path) -> Path:
    return real_path(path).with_name(real_path(path).name + ".lock")


def lock_timeout() -> float:
    try:
        return float(os.environ.get(LOCK_TIMEOUT_ENV, DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


@contextlib.contextmanager
def locked(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the lock on `path`'s lock file for the duration of the block."""
    from filelock import FileLock, Timeout

    lock_file = lock_path(path)
    wait = lock_timeout() if timeout is None else timeout
    try:
        with FileLock(str(lock_file), timeout=wait):
            yield
    except Timeout:
        raise LockTimeout(
            f"could not lock {lock_file} within {wait:g}s: another targets process is writing; "
            "try again"
        ) from None
    except OSError as exc:
        raise WriteError(f"cannot lock {lock_file}: {exc.strerror}") from None


def read_snapshot(path: Path) -> Snapshot:
    """The file's text; WriteError if it cannot be read or is not UTF-8."""
    try:
        data = real_path(path).read_bytes()
    except OSError as exc:
        raise WriteError(f"cannot read {path}: {exc.strerror}") from None
    text, _ = decode(data)
    if text is None:
        raise WriteError(f"{path} is not UTF-8 text; run `targets check -f {path}`")
    return Snapshot(path, text, bom=data.startswith(BOM.encode()))


def verify(snapshot: Snapshot, plan: Plan) -> None:
    """Check that the edited text holds exactly the intended table and nothing else changed,
    or raise before anything is written.

    For a table in a provably safe region, only the new region is parsed: every byte outside
    it is unchanged, and nothing outside it can touch the table. Otherwise the whole new text
    is parsed and compared with the whole old document.
    """
    section, key = plan.table
    if snapshot.region(section, key) and plan.edit.old_region:
        parsed, _ = parse_toml(plan.edit.new_region)
        if parsed == {section: {key: plan.intended}}:
            return
    else:
        whole, _ = parse_toml(plan.edit.text)
        expected = {**snapshot.document, section: {**snapshot.document.get(section, {})}}
        expected[section][key] = plan.intended
        if whole == expected:
            return
    raise WriteError("the edit did not produce the intended data; the file was left unchanged")


def file_mode(path: Path) -> int:
    """The mode of the file at `path`, or what the umask gives a new one."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def atomic_write(path: Path, fill: Callable[[Path], None]) -> None:
    """Replace `path` (through a symlink) with what `fill` writes to a temporary file beside it,
    keeping the mode; on any failure the original stays and the temporary file goes."""
    target = real_path(path)
    folder = target.parent
    mode = file_mode(target)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteError(
            f"cannot write in {path.parent}: {exc.strerror}; nothing was written"
        ) from None
    os.close(fd)
    try:
        fill(Path(temp_name))
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        if isinstance(exc, OSError):
            raise WriteError(
                f"could not write {path}: {exc.strerror or exc}; it is unchanged"
            ) from None
        raise
    _fsync_folder(folder)


def replace_file(path: Path, text: str, bom: bool = False) -> None:
    """Atomically replace `path`'s content with `text`, fsynced (see `atomic_write`)."""

    def fill(temp: Path) -> None:
        with os.fdopen(os.open(temp, os.O_WRONLY | os.O_TRUNC), "wb") as handle:
            handle.write(((BOM if bom else "") + text).encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())

    atomic_write(path, fill)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a folder be opened
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@dataclass(frozen=True)
class Plan:
    """A change worked out under the lock: the edit, the table it changes and the value that
    table must parse to, and what the caller wants to report (the record added or removed)."""

    edit: Edit
    table: tuple[str, str]
    intended: dict[str, Any]
    details: dict[str, Any]


def write_change(path: Path, plan_for: Callable[[Snapshot], Plan], dry_run: bool = False) -> Plan:
    """Under the lock: read, plan the change, verify it, and (unless a dry run) write it.

    `plan_for` may raise to refuse the change; then nothing is written.
    """
    with locked(path):
        snapshot = read_snapshot(path)
        plan = plan_for(snapshot)
        verify(snapshot, plan)
        if not dry_run:
            replace_file(path, plan.edit.text, snapshot.bom)
    return plan
