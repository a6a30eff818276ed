"""A document: one TOML file of the data set, the unit of parsing, checking, caching, locking
and editing.

Its bytes are read and hashed on every run (cheap); what is derived from them (the parsed
tables, their problems, the facts other documents depend on: `Content`) comes from the cache
when the bytes were seen before, from a write's change to a cached state, and is worked out
once otherwise. A plain class: every command reads documents, and the `dataclasses` import
costs more than a command's own work on a small file.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from targets.errors import UsageError, missing_data_file

from .cache import Cache, content_key
from .toml import decode, parse_toml

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .content import Content

    Table = dict[str, Any]


CONTENT_KIND = "doc.pickle"
DELTA_KIND = "delta.pickle"
_FIRST_HEADER = re.compile(rb"(?m)^[ \t]*\[")


Signature = tuple[int, int, int, int, int]
"""What says a file changed: its device, inode, size, modification and change times (the
change time cannot be set back by any tool, so an editor's save always changes it)."""


def signature_of(info: os.stat_result) -> Signature:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def file_signature(path: Path) -> Signature | None:
    """The file's signature now, or None if it cannot be read."""
    try:
        return signature_of(os.stat(path))
    except OSError:
        return None


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes (see `read_file`)."""
    return read_file(path)[0]


def read_file(path: Path) -> tuple[bytes, Signature]:
    """A regular file's bytes and signature; UsageError for a missing file, a folder, a FIFO or
    a device (opened without blocking, so a FIFO cannot hang the command)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise missing_data_file(path) from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a folder, not a data file") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UsageError(f"{path} is a folder, not a data file")
        if not stat.S_ISREG(info.st_mode):
            raise UsageError(f"{path} is not a regular file; a data file must be one")
        data = os.read(fd, info.st_size + 1)
        if len(data) > info.st_size:  # it grew while being read: read the rest
            chunks = [data]
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
            data = b"".join(chunks)
        return data, signature_of(info)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    finally:
        os.close(fd)


def includes_of(data: bytes) -> tuple[str, ...] | None:
    """The `include` globs of a document, read from its top-level keys alone (they come before
    its first table); None when that cannot be told without parsing the whole document."""
    found = _FIRST_HEADER.search(data)
    top = data[: found.start()] if found else data
    if b"include" not in top:
        return ()
    text, _ = decode(top)
    parsed, _ = parse_toml(text or "")
    if parsed is None:
        return None
    includes = parsed.get("include", [])
    if isinstance(includes, list) and all(isinstance(i, str) for i in includes):
        return tuple(includes)
    return ()


class Document:
    """One file of the data set: its bytes, their key, and what they hold (on demand)."""

    def __init__(
        self, path: Path, data: bytes, key: str, cache: Cache, signature: Signature | None = None
    ) -> None:
        self.path = path  # as the user names it: the root as given, an include joined to its folder
        self.data = data
        self.key = key
        self.cache = cache
        self.signature = signature  # of the file when `data` was read from it
        self._content: Content | None = None

    def __repr__(self) -> str:
        return f"Document({str(self.path)!r}, key={self.key[:12]}…)"

    @property
    def name(self) -> str:
        return str(self.path)

    @property
    def includes(self) -> tuple[str, ...]:
        found = includes_of(self.data)
        return self.content.includes if found is None else found

    @property
    def content(self) -> Content:
        """What the bytes hold: from the cache, from a write's change to a cached state, or
        parsed and checked now."""
        if self._content is None:
            from .content import Content, content_of

            found = self.cache.get(self.path, CONTENT_KIND, self.key)
            if isinstance(found, Content):
                self._content = found
            else:
                self._content = self._from_delta() or content_of(self.data)
                self.cache.put(self.path, CONTENT_KIND, self.key, self._content)
        return self._content

    def _from_delta(self) -> Content | None:
        from .content import Content, patched

        delta = self.cache.get(self.path, DELTA_KIND, self.key)
        if not isinstance(delta, dict):
            return None
        base = self.cache.get(self.path, CONTENT_KIND, delta.get("base"))
        return patched(base, delta["changes"]) if isinstance(base, Content) else None

    def holding(self, content: Content) -> None:
        """Take what these bytes hold from someone who worked it out."""
        self._content = content

    def changed_from(self, before: Document, changes: dict[tuple[str, str], Table]) -> None:
        """Record that these bytes are `before`'s with `changes`: the next reader patches the
        cached content instead of parsing the document again."""
        base, earlier = before.key, {}
        delta = before.cache.get(before.path, DELTA_KIND, before.key)
        if before._content is None and isinstance(delta, dict):
            base, earlier = delta["base"], delta["changes"]
        elif before._content is not None:
            from .content import patched

            self._content = patched(before._content, changes)
        self.cache.put(
            self.path, DELTA_KIND, self.key, {"base": base, "changes": {**earlier, **changes}}
        )

    @property
    def text(self) -> str:
        text, _ = decode(self.data)
        return text or ""


def read_document(path: Path, cache: Cache) -> Document:
    data, signature = read_file(path)
    return Document(path, data, content_key(data), cache, signature)


def document_of(path: Path, data: bytes, cache: Cache) -> Document:
    """A document for bytes read (or about to be written) by someone else."""
    return Document(path, data, content_key(data), cache)
