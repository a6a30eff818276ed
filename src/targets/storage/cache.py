"""A cache of what was derived from a document, keyed by its exact content and the code.

Parsing and evaluating a 10,000-target document takes most of a second; the same bytes and
the same code always give the same result, so results are kept under
`$XDG_CACHE_HOME/targets/` (or `~/.cache/targets`, or $TARGETS_CACHE_DIR). An entry's key is
the BLAKE2b hash of the document's bytes, the code's fingerprint (every module's size and
modification time) and whatever else the value depends on: a hand edit, a write by another
process, an upgrade, even one that keeps sizes and times, misses the cache. It can never
serve stale data.

Each document has one entry of each kind (its newest), a file with a one-line header (key,
the payload's size and CRC, the document's path in hex) and the payload. An entry that is
truncated, corrupt, foreign-owned or unreadable is a miss and is rewritten. Entries of
documents that no longer exist are pruned, and the oldest go when the folder passes its size
cap ($TARGETS_CACHE_MAX_MB, 256 by default). TARGETS_NO_CACHE=1 turns the cache off.
"""

from __future__ import annotations

import contextlib
import os
import stat
from functools import cache
from pathlib import Path

from targets import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

CACHE_FORMAT = "3"  # bump when what is stored changes shape

try:  # the builtin module: importing hashlib would load OpenSSL, 2-3 ms at every start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b


@cache
def code_fingerprint() -> str:
    """What changes whenever the code does: the version and every module's size and mtime."""
    package = Path(__file__).resolve().parents[1]
    digest = blake2b(f"{__version__}\0{CACHE_FORMAT}".encode(), digest_size=16)
    for folder, _, names in sorted(os.walk(package)):
        for name in sorted(names):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def content_key(data: bytes, *parts: str) -> str:
    """A key for exact bytes, this code, and `parts`."""
    digest = blake2b(data, digest_size=32)
    digest.update("\0".join((code_fingerprint(), *parts)).encode())
    return digest.hexdigest()


def combined_key(*parts: str) -> str:
    return blake2b("\0".join(parts).encode(), digest_size=32).hexdigest()


def _payload_digest(payload: bytes) -> str:
    """A check of the payload against truncation and corruption (CRC-32: a few ms for 10 MB)."""
    from zlib import crc32

    return f"{crc32(payload):08x}"


class Cache:
    """The cache folder, or a cache that keeps nothing when `folder` is None."""

    def __init__(self, folder: Path | None, max_bytes: int = 256 * 2**20) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self._pruned = False

    def _file(self, document: Path, kind: str) -> Path | None:
        if self.folder is None:
            return None
        stem = blake2b(os.fsencode(os.path.realpath(document)), digest_size=12).hexdigest()
        return self.folder / f"{stem}.{kind}"

    def get(self, document: Path, kind: str, key: str | None) -> Any:
        """The value stored for `document` under `key` (None: under any key), or None."""
        path = self._file(document, kind)
        if path is None:
            return None
        try:
            with open(path, "rb") as handle:
                info = os.fstat(handle.fileno())
                if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                    return None  # never load what another user could have written
                stored_key, size, digest, _ = handle.readline().decode("ascii").split(" ")
                if key is not None and stored_key != key:
                    return None
                payload = handle.read()
            if len(payload) != int(size) or _payload_digest(payload) != digest:
                return None
            return _decode(kind, payload)
        except Exception:  # noqa: BLE001 - any broken entry is a miss, rewritten on the next put
            return None

    def holds(self, document: Path, kind: str, key: str) -> bool:
        """Whether an entry is stored under `key` (its header alone is read)."""
        path = self._file(document, kind)
        if path is None:
            return False
        try:
            with open(path, "rb") as handle:
                return handle.readline().split(b" ", 1)[0].decode("ascii") == key
        except (OSError, UnicodeDecodeError):
            return False

    def put(self, document: Path, kind: str, key: str, value: Any) -> None:
        """Store `value` for `document` under `key`, replacing the previous one; failures are
        ignored (a cache that cannot be written is a cache that misses)."""
        path = self._file(document, kind)
        if path is None:
            return
        from .files import new_temporary

        with contextlib.suppress(Exception):
            payload = _encode(kind, value)
            where = os.fsencode(os.path.realpath(document)).hex()
            header = f"{key} {len(payload)} {_payload_digest(payload)} {where}\n".encode("ascii")
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            new_entry = not path.exists()
            fd, temp = new_temporary(path.parent, f".{path.name}.")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(header)
                    handle.write(payload)
                os.replace(temp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise
            self._prune_now_and_then(new_entry)

    def _prune_now_and_then(self, new_entry: bool) -> None:
        """Prune at most once a run, in a run that adds an entry of a new name: entries are
        one per document and kind, so only new names can make the folder grow."""
        if self._pruned or not new_entry:
            return
        self._pruned = True
        with contextlib.suppress(OSError):
            self.prune()

    def prune(self) -> None:
        """Remove entries of documents that no longer exist, then the oldest entries until the
        folder is under its size cap."""
        if self.folder is None:
            return
        kept: list[tuple[float, int, Path]] = []
        for entry in self.folder.iterdir():
            if entry.name.startswith("."):
                continue
            try:
                with open(entry, "rb") as handle:
                    where = handle.readline().decode("ascii").split(" ")[3].strip()
                document = os.fsdecode(bytes.fromhex(where))
                info = entry.stat()
            except (OSError, ValueError, IndexError):
                with contextlib.suppress(OSError):
                    entry.unlink()
                continue
            if not os.path.exists(document):
                with contextlib.suppress(OSError):
                    entry.unlink()
            else:
                kept.append((info.st_mtime, info.st_size, entry))
        total = sum(size for _, size, _ in kept)
        for _, size, entry in sorted(kept):
            if total <= self.max_bytes:
                break
            with contextlib.suppress(OSError):
                entry.unlink()
                total -= size


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
