"""Files written without losing a byte: a lock beside each, and an atomic, fsynced replace that
keeps mode, owner and group, refuses a file changed meanwhile, and leaves nothing behind on a
failure or a signal."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from targets.errors import LockTimeout, WriteError

from .document import Signature, file_signature


def real_path(path: Path) -> Path:
    """The file a (possibly symlinked) path finally names."""
    return Path(os.path.realpath(path))


def lock_path(path: Path) -> Path:
    real = real_path(path)
    return real.with_name(real.name + ".lock")


class _Busy(Exception):
    """Another process held the lock for the whole timeout."""


@contextlib.contextmanager
def locked(path: Path, timeout: float) -> Iterator[None]:
    """Hold the lock on `path`'s lock file for the duration of the block."""
    lock_file = lock_path(path)
    try:
        with _exclusive(lock_file, timeout):
            _remove_stale_temporaries(real_path(path))
            yield
    except _Busy:
        raise LockTimeout(
            f"could not lock {lock_file} within {timeout:g}s: another targets process "
            "(or `targets edit`) is writing; try again"
        ) from None
    except OSError as exc:
        raise WriteError(f"cannot lock {lock_file}: {exc.strerror}; nothing was written") from None


POLL_SECONDS = 0.05


def _exclusive(lock_file: Path, timeout: float) -> contextlib.AbstractContextManager[None]:
    """An exclusive lock on `lock_file`, waited for up to `timeout` seconds.

    On POSIX it is `flock` on the lock file, what filelock's UnixFileLock takes too (so the
    two exclude each other), without filelock's imports (logging, dataclasses: 14 ms, a
    tenth of a `mark`); elsewhere it is filelock."""
    return _flock(lock_file, timeout) if os.name == "posix" else _filelock(lock_file, timeout)


@contextlib.contextmanager
def _flock(lock_file: Path, timeout: float) -> Iterator[None]:
    import fcntl
    import time

    deadline = time.monotonic() + timeout
    while True:
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise _Busy from None
            time.sleep(POLL_SECONDS)
            continue
        except BaseException:
            os.close(fd)
            raise
        if os.fstat(fd).st_nlink == 0:  # the lock file was removed while we waited: again
            os.close(fd)
            continue
        break
    try:
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


@contextlib.contextmanager
def _filelock(lock_file: Path, timeout: float) -> Iterator[None]:  # pragma: no cover
    from filelock import FileLock, Timeout

    try:
        with FileLock(str(lock_file), timeout=timeout):
            yield
    except Timeout:
        raise _Busy from None


def _temporary_prefix(target: Path) -> str:
    return f".{target.name}."


_TEMPORARY_FLAGS = (
    os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)


def new_temporary(folder: Path, prefix: str) -> tuple[int, str]:
    """A new file of its own in `folder`, readable by its owner only, as `tempfile.mkstemp`
    makes it (without tempfile's imports: shutil, random)."""
    for _ in range(100):
        name = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}.tmp")
        try:
            return os.open(name, _TEMPORARY_FLAGS, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def _remove_stale_temporaries(target: Path) -> None:
    """Temporary files left by a writer that was killed (SIGKILL): only a lock holder makes
    them, and we hold the lock, so any still there is an orphan."""
    prefix = _temporary_prefix(target)
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _ownership(target: Path) -> tuple[int, int, int] | None:
    """The mode, owner and group of an existing file."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    return stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid


def _new_file_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(
    path: Path, fill: Callable[[Path], None], unchanged: Signature | None = None
) -> Signature | None:
    """Replace `path` (through a symlink) with what `fill` writes to a temporary file beside
    it, keeping mode, owner and group; return the new file's signature. With `unchanged`,
    refuse if the file's signature is no longer that (someone saved it meanwhile). On any
    failure or signal the original stays and the temporary file goes."""
    target = real_path(path)
    folder = target.parent
    kept = _ownership(target)
    try:
        fd, temp_name = new_temporary(folder, _temporary_prefix(target))
    except OSError as exc:
        raise WriteError(f"cannot write in {folder}: {exc.strerror}; nothing was written") from None
    try:
        os.close(fd)
        fill(Path(temp_name))
        mode = kept[0] if kept else _new_file_mode()
        os.chmod(temp_name, mode)
        if kept and (kept[1], kept[2]) != (os.getuid(), os.getgid()):
            with contextlib.suppress(PermissionError):  # only root may give files away
                os.chown(temp_name, kept[1], kept[2])
        if unchanged is not None and file_signature(target) != unchanged:
            raise WriteError(
                f"{path} changed while this command was writing it (an editor saved it?); "
                "nothing was written; run the command again"
            )
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
    return file_signature(target)


def write_bytes(path: Path, data: bytes, unchanged: Signature | None = None) -> Signature | None:
    """Atomically replace `path`'s content with `data`, fsynced (see `atomic_write`)."""

    def fill(temp: Path) -> None:
        with os.fdopen(os.open(temp, os.O_WRONLY | os.O_TRUNC), "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    return atomic_write(path, fill, unchanged)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a folder be opened
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
