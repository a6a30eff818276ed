"""A document: one TOML file of the data set, the unit of parsing, checking, caching, locking
and editing.

Its bytes are read and hashed on every run (cheap); what is derived from them (the parsed
tables, their problems, the facts other documents depend on) comes from the cache when the
bytes were seen before, and is computed once otherwise.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from targets.domain.model import Problem, Severity
from targets.domain.rules import Facts, document_problems, facts_of
from targets.domain.rules.tables import reports_of, targets_of
from targets.errors import UsageError, missing_data_file

from .cache import Cache, content_key
from .toml import decode, locate, parse_toml

Table = dict[str, Any]
CONTENT_KIND = "doc.pickle"


@dataclass(frozen=True)
class Content:
    """What a document holds, parsed and checked on its own."""

    includes: tuple[str, ...]
    reports: dict[str, Table]
    targets: dict[str, Table]
    problems: tuple[Problem, ...]
    facts: Facts
    bom: bool = False

    @property
    def valid(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)


def content_of(data: bytes) -> Content:
    """Parse and check a document's bytes; never raises on bad data."""
    empty = Facts({}, {})
    text, undecodable = decode(data)
    if text is None:
        assert undecodable is not None
        return Content((), {}, {}, (undecodable,), empty)
    doc, syntax = parse_toml(text)
    if doc is None:
        assert syntax is not None
        return Content((), {}, {}, (syntax,), empty)
    problems = document_problems(doc)
    includes = doc.get("include")
    return Content(
        includes=tuple(includes)
        if isinstance(includes, list) and all(isinstance(i, str) for i in includes)
        else (),
        reports=dict(reports_of(doc)),
        targets=dict(targets_of(doc)),
        problems=tuple(locate(problems, text) if problems else ()),
        facts=facts_of(doc),
        bom=data.startswith(b"\xef\xbb\xbf"),
    )


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes; UsageError for a missing file, a folder, a FIFO or a device
    (opened without blocking, so a FIFO cannot hang the command)."""
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
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    finally:
        os.close(fd)


@dataclass
class Document:
    """One file of the data set: its bytes, their key, and what they hold (on demand)."""

    path: Path  # as the user names it: the root as given, an include joined to its folder
    data: bytes
    key: str
    cache: Cache = field(repr=False)
    _content: Content | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return str(self.path)

    @property
    def content(self) -> Content:
        if self._content is None:
            found = self.cache.get(self.path, CONTENT_KIND, self.key)
            if isinstance(found, Content):
                self._content = found
            else:
                self._content = content_of(self.data)
                self.cache.put(self.path, CONTENT_KIND, self.key, self._content)
        return self._content

    def holding(self, content: Content) -> None:
        """Take what these bytes hold from someone who worked it out (a write)."""
        self._content = content

    def store(self, content: Content) -> None:
        """Remember what these bytes hold, worked out by a write without parsing them again."""
        self._content = content
        self.cache.put(self.path, CONTENT_KIND, self.key, content)

    @property
    def text(self) -> str:
        text, _ = decode(self.data)
        return text or ""


def read_document(path: Path, cache: Cache) -> Document:
    data = read_bytes(path)
    return Document(path, data, content_key(data), cache)


def document_of(path: Path, data: bytes, cache: Cache) -> Document:
    """A document for bytes read (or about to be written) by someone else."""
    return Document(path, data, content_key(data), cache)
