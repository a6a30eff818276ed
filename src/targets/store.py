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

from .edits import Edit
from .errors import LockTimeout, WriteError
from .load import decode, parse_toml

DEFAULT_LOCK_TIMEOUT = 5.0
LOCK_TIMEOUT_ENV = "TARGETS_LOCK_TIMEOUT"
BOM = "\ufeff"


@dataclass(frozen=True)
class Snapshot:
    """The data file as read under the lock: its text and parsed document."""

    path: Path
    text: str
    document: dict[str, Any]
    bom: bool = False


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
    """The file's text and document; WriteError if it cannot be read or parsed."""
    try:
        data = real_path(path).read_bytes()
    except OSError as exc:
        raise WriteError(f"cannot read {path}: {exc.strerror}") from None
    text, problem = decode(data)
    if text is None:
        raise WriteError(f"{path} is not UTF-8 text; run `targets check -f {path}`")
    document, syntax = parse_toml(text)
    if document is None:
        assert syntax is not None
        raise WriteError(f"{path}:{syntax.line}:{syntax.col}: {syntax.message}; fix it first")
    return Snapshot(path, text, document, bom=data.startswith(BOM.encode()))


def verify(snapshot: Snapshot, edit: Edit, intended: dict[str, Any]) -> None:
    """Check that the edited text parses to exactly `intended`, or raise before any write.

    When the changed region alone parses to the part of the document it held before, only
    the region is parsed again; otherwise (and for text appended at the end) the whole text is.
    """
    if edit.old_region and _region_verified(snapshot.document, edit, intended):
        return
    whole, _ = parse_toml(edit.text)
    if whole != intended:
        raise WriteError("the edit did not produce the intended data; the file was left unchanged")


def _region_verified(document: dict[str, Any], edit: Edit, intended: dict[str, Any]) -> bool:
    old_region, _ = parse_toml(edit.old_region)
    new_region, _ = parse_toml(edit.new_region)
    if old_region is None or new_region is None or not _region_matches(document, old_region):
        return False
    return _merged(_without(document, old_region), new_region) == intended


def _region_matches(document: dict[str, Any], region: dict[str, Any]) -> bool:
    targets = region.get("targets")
    if set(region) != {"targets"} or not isinstance(targets, dict):
        return False
    return all(document.get("targets", {}).get(tid) == value for tid, value in targets.items())


def _without(document: dict[str, Any], region: dict[str, Any]) -> dict[str, Any]:
    removed = set(region.get("targets", {}))
    targets = {tid: t for tid, t in document.get("targets", {}).items() if tid not in removed}
    return {**document, "targets": targets}


def _merged(document: dict[str, Any], region: dict[str, Any]) -> dict[str, Any]:
    return {**document, "targets": {**document.get("targets", {}), **region.get("targets", {})}}


def replace_file(path: Path, text: str, bom: bool = False) -> None:
    """Atomically replace `path`'s content (through a symlink), keeping its mode."""
    target = real_path(path)
    folder = target.parent
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(((BOM if bom else "") + text).encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
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


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a folder be opened
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@dataclass(frozen=True)
class Plan:
    """A change worked out under the lock: the edit, the document it must parse to, and
    what the caller wants to report about it (the record added, the one removed)."""

    edit: Edit
    intended: dict[str, Any]
    details: dict[str, Any]


def write_change(path: Path, plan_for: Callable[[Snapshot], Plan], dry_run: bool = False) -> Plan:
    """Under the lock: read, plan the change, verify it, and (unless a dry run) write it.

    `plan_for` may raise to refuse the change; then nothing is written.
    """
    with locked(path):
        snapshot = read_snapshot(path)
        plan = plan_for(snapshot)
        verify(snapshot, plan.edit, plan.intended)
        if not dry_run:
            replace_file(path, plan.edit.text, snapshot.bom)
    return plan
