"""A document as a write sees it under its lock: its bytes, and its tables read from their own
lines when that is provably safe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from targets.errors import WriteError

from .content import Content, content_of, table_digest
from .document import Document, Signature
from .edits import Edit, Span, exact_region, local_region
from .toml import decode, parse_toml

BOM = "\ufeff"
Table = dict[str, Any]


class Known:
    """What the catalog knows of a valid state of a document: its exact bytes, their key, its
    target ids and the fingerprints of their tables."""

    __slots__ = ("data", "key", "signature", "targets", "digests")

    def __init__(
        self,
        data: bytes,
        key: str,
        signature: Signature | None,
        targets: list[str],
        digests: dict[str, str],
    ) -> None:
        self.data = data
        self.key = key
        self.signature = signature
        self.targets = set(targets)
        self.digests = digests


class Snapshot:
    """A document as read under its lock: its text, and its tables.

    When its exact bytes are a state the catalog knows valid (`known`), a target's table is
    read from its own lines alone, accepted only when they parse to a table whose fingerprint
    is the known one: then nothing else in the file adds to it, and nothing else is parsed.
    Otherwise the whole document is parsed and checked first."""

    def __init__(self, document: Document, known: Known | None) -> None:
        self.document = document
        self.bom = document.data.startswith(BOM.encode())
        self.known = known
        self._text: str | None = None
        self._content: Content | None = None if known else content_of(document.data)
        self._regions: dict[tuple[str, str], tuple[Span, Table] | None] = {}
        self._whole: Table | None = None
        self.window_bytes: Span | None = None  # set when an edit works on a region's bytes

    @property
    def text(self) -> str:
        """The whole text (decoded only when an edit needs more than a region)."""
        if self._text is None:
            decoded, _ = decode(self.document.data)
            self._text = decoded or ""
        return self._text

    @property
    def trusted(self) -> bool:
        return self.known is not None

    @property
    def path(self) -> Path:
        return self.document.path

    @property
    def content(self) -> Content:
        if self._content is None:
            self._content = self.document.content
        return self._content

    @property
    def whole(self) -> Table:
        """The whole parsed document (parsed once, only when needed)."""
        if self._whole is None:
            parsed, _ = parse_toml(self.text)
            assert parsed is not None  # the document is valid, so it parses
            self._whole = parsed
        return self._whole

    def table(self, section: str, key: str) -> Table | None:
        """[section.key] as written: from its own lines when they hold all of it."""
        found = self.region(section, key)
        if found is not None:
            return found[1]
        tables = self.content.targets if section == "targets" else self.content.reports
        return tables.get(key)

    def defines(self, section: str, key: str) -> bool:
        """Whether the document defines [section.key]."""
        if self.known is not None and section == "targets":
            return key in self.known.targets
        return self.table(section, key) is not None

    def region(self, section: str, key: str) -> tuple[Span, Table] | None:
        """The span of a target's lines and the table they hold, when the document is a known
        valid state and they provably hold all of it; None otherwise."""
        if (section, key) not in self._regions:
            self._regions[(section, key)] = self._safe_region(section, key)
        return self._regions[(section, key)]

    def _safe_region(self, section: str, key: str) -> tuple[Span, Table] | None:
        """A target's region, as byte offsets, and its table: accepted when its lines parse
        to exactly that one table and the table's fingerprint is the known one."""
        known = self.known
        if known is None or section != "targets" or key not in known.digests:
            return None
        span = local_region(self.document.data, section, key)
        if span is None:
            return None
        region, _ = decode(self.document.data[span[0] : span[1]])
        parsed, _ = parse_toml(region or "")
        if parsed is None or list(parsed) != [section] or list(parsed[section]) != [key]:
            return None
        table: Table = parsed[section][key]
        return (span, table) if table_digest(table) == known.digests[key] else None

    def window(self, section: str, key: str) -> tuple[str, Span]:
        """The text an edit of [section.key] works on, and where the table is in it: the
        table's own region when it provably holds all of it (the rest of the file is then
        never decoded: its bytes are kept as they are), else the whole text. WriteError if the
        table is not written as a table of its own."""
        found = self.region(section, key)
        if found is not None:
            self.window_bytes = found[0]
            region = self.document.data[found[0][0] : found[0][1]].decode("utf-8")
            return region, (0, len(region))
        span = exact_region(self.text, section, key)
        if span is None:
            raise WriteError(
                f"[{section}.{key}] is not written as a table of its own in {self.path}; "
                "cannot edit it in place"
            )
        return self.text, span

    def new_bytes(self, edit: Edit) -> bytes:
        """The file's bytes after `edit` (made on `window`'s text)."""
        if self.window_bytes is not None:
            start, end = self.window_bytes
            data = memoryview(self.document.data)
            return b"".join((data[:start], edit.text.encode("utf-8"), data[end:]))
        return ((BOM if self.bom else "") + edit.text).encode("utf-8")
