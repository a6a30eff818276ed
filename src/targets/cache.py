"""A cache of what was read from a data file, keyed by the file's exact content.

Parsing a 10,000-target file takes tomllib most of a second; the same bytes always give the
same result, so the result is kept under `$XDG_CACHE_HOME/targets/` (or `~/.cache/targets`)
with the BLAKE2b hash of the bytes, the package version and the day it was validated for (one rule
depends on today). A hand edit, a write by another process, even one that keeps the size and
the modification time, changes the bytes and so misses the cache: it can never serve stale
data. Hashing 3.6 MB takes about 2 ms.

Entries are plain files written atomically; a corrupt, foreign-owned or unreadable entry is
ignored. Set TARGETS_NO_CACHE=1 to bypass the cache, TARGETS_CACHE_DIR to move it.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import __version__

CACHE_FORMAT = "2"  # bump when what is stored changes shape
NO_CACHE_ENV = "TARGETS_NO_CACHE"
CACHE_DIR_ENV = "TARGETS_CACHE_DIR"


try:  # the builtin module: importing hashlib would load OpenSSL, 2-3 ms at every start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b


def content_key(data: bytes, *parts: str) -> str:
    """A key for the exact bytes of a data file, this version of targets, and `parts`."""
    digest = blake2b(data, digest_size=32)
    digest.update("\0".join((__version__, CACHE_FORMAT, *parts)).encode())
    return digest.hexdigest()


def cache_dir(env: Mapping[str, str]) -> Path | None:
    """Where entries live, or None when caching is switched off."""
    if env.get(NO_CACHE_ENV):
        return None
    if env.get(CACHE_DIR_ENV):
        return Path(env[CACHE_DIR_ENV])
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "targets"


class Cache:
    """Entries for one data file: each kind (dataset, rows) holds its latest key and value."""

    def __init__(self, data_path: Path, env: Mapping[str, str]) -> None:
        folder = cache_dir(env)
        name = blake2b(os.path.realpath(data_path).encode(), digest_size=12).hexdigest()
        self.folder = folder
        self.stem = name

    def _file(self, kind: str) -> Path | None:
        return self.folder / f"{self.stem}.{kind}" if self.folder else None

    def get(self, kind: str, key: str) -> Any:
        """The value stored under `key`, or None."""
        path = self._file(kind)
        if path is None:
            return None
        try:
            with open(path, "rb") as handle:
                info = os.fstat(handle.fileno())
                if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                    return None  # never load what another user could have written
                if handle.read(64).decode("ascii", "replace") != key:
                    return None
                return _decode(kind, handle.read())
        except (OSError, ValueError, EOFError, TypeError, AttributeError, ImportError):
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store `value` under `key`, replacing the kind's previous entry; failures are ignored."""
        path = self._file(kind)
        if path is None:
            return
        import tempfile

        with contextlib.suppress(OSError, ValueError, TypeError):
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(key.encode("ascii"))
                    handle.write(_encode(kind, value))
                os.replace(temp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise


def _encode(kind: str, value: Any) -> bytes:
    if kind.endswith("marshal"):
        import marshal

        return marshal.dumps(value)
    import pickle

    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _decode(kind: str, data: bytes) -> Any:
    if kind.endswith("marshal"):
        import marshal

        return marshal.loads(data)
    import pickle

    return pickle.loads(data)  # noqa: S301 - our own file, in a folder only this user can write
