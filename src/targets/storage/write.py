"""Writing a document without losing a byte: lock, check, verify, atomic replace.

Every write runs as: take the document's lock (`<file>.lock`, never the file itself, whose
inode the replace swaps), read its bytes, refuse if the document is not valid as a whole,
let the caller plan an edit, check that the edited text parses to exactly the intended data,
write it to a temporary file beside the original (same mode, owner and group), fsync it,
check that nobody changed the original meanwhile, `os.replace` it and fsync the folder. Any
failure or signal leaves the original untouched and no temporary file behind.

A document whose exact bytes were validated before (its cache entry says so) is edited
through its target's lines alone: every other byte is kept, so only those lines need parsing.
Any other document is parsed and checked whole first.
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

from targets.domain.model import Severity
from targets.errors import InvalidData, LockTimeout, WriteError

from .cache import Cache, content_key
from .content import Content, content_of, table_digest
from .document import Document, Signature, file_signature, read_file
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


@dataclass(frozen=True)
class Plan:
    """A change of one document worked out under its lock: the edit, the tables it changes
    with the values they must parse to, and what the caller wants to report."""

    edit: Edit
    changes: dict[tuple[str, str], Table]
    details: dict[str, Any]


def verify(snapshot: Snapshot, plan: Plan) -> None:
    """Check that the edited text holds exactly the intended tables and nothing else changed,
    or raise before anything is written.

    One table in a provably safe region: only the new region is parsed (every byte outside it
    is unchanged, and nothing outside it can touch the table). Otherwise the whole new text
    is parsed and compared with the whole old document."""
    (section, key), intended = next(iter(plan.changes.items()))
    appended = not plan.edit.old_region and plan.edit.start == len(snapshot.text)
    if appended and snapshot.trusted and not any(snapshot.defines(*name) for name in plan.changes):
        # new tables after every byte of a valid document: they are all the change can be
        parsed, problem = parse_toml(plan.edit.new_region)
        expected: Table = {}
        for (part, name), table in plan.changes.items():
            expected.setdefault(part, {})[name] = table
        if parsed == expected:
            return
    elif (
        len(plan.changes) == 1
        and snapshot.region(section, key) is not None
        and plan.edit.old_region
    ):
        parsed, problem = parse_toml(plan.edit.new_region)
        if parsed == {section: {key: intended}}:
            return
    else:
        parsed, problem = parse_toml(plan.edit.text)
        expected = dict(snapshot.whole)
        for (part, name), table in plan.changes.items():
            expected[part] = {**expected.get(part, {}), name: table}
        if parsed == expected:
            return
    reason = problem.message if problem else "other tables would change too"
    raise WriteError(
        f"could not edit [{section}.{key}] in {snapshot.path} in place ({reason}); "
        "the file is unchanged"
    )


def refuse_invalid(snapshot: Snapshot) -> None:
    """InvalidData if the document has any error, anywhere in it (a trusted one has none)."""
    if snapshot.trusted:
        return
    errors = [p for p in snapshot.content.problems if p.severity is Severity.ERROR]
    if errors:
        named = [p.replace(document=snapshot.document.name) for p in errors]
        raise InvalidData(snapshot.path, named)


# -- locks and files ------------------------------------------------------------------------


def real_path(path: Path) -> Path:
    """The file a (possibly symlinked) path finally names."""
    return Path(os.path.realpath(path))


def lock_path(path: Path) -> Path:
    real = real_path(path)
    return real.with_name(real.name + ".lock")


@contextlib.contextmanager
def locked(path: Path, timeout: float) -> Iterator[None]:
    """Hold the lock on `path`'s lock file for the duration of the block."""
    from filelock import FileLock, Timeout

    lock_file = lock_path(path)
    try:
        with FileLock(str(lock_file), timeout=timeout):
            _remove_stale_temporaries(real_path(path))
            yield
    except Timeout:
        raise LockTimeout(
            f"could not lock {lock_file} within {timeout:g}s: another targets process "
            "(or `targets edit`) is writing; try again"
        ) from None
    except OSError as exc:
        raise WriteError(f"cannot lock {lock_file}: {exc.strerror}; nothing was written") from None


def _temporary_prefix(target: Path) -> str:
    return f".{target.name}."


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
        fd, temp_name = tempfile.mkstemp(
            prefix=_temporary_prefix(target), suffix=".tmp", dir=folder
        )
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


# -- the write ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Written:
    """What a write did to one document: its plan, and the document as it now is (or would
    be, in a dry run)."""

    plan: Plan
    before: Document
    after: Document
    dry_run: bool


PlanFor = Callable[[Snapshot], Plan]


def write_changes(
    plans: dict[Path, PlanFor],
    cache: Cache,
    timeout: float,
    dry_run: bool = False,
    known: dict[str, Known] | None = None,
) -> list[Written]:
    """Under the documents' locks (taken in one order, so two writers cannot deadlock): read
    each, refuse an invalid one, plan its change, verify it; then, unless a dry run, write
    them all, or none: a failure puts back the ones already written. A dry run takes no lock.

    `known` holds, by path, the states of documents known valid. A `PlanFor` may raise to
    refuse the change; then nothing is written."""
    with contextlib.ExitStack() as stack:
        if not dry_run:
            for path in sorted(plans, key=lambda p: str(real_path(p))):
                stack.enter_context(locked(path, timeout))
        done = [_planned(path, cache, plan_for, known or {}) for path, plan_for in plans.items()]
        if not dry_run:
            _write_all(done)
        return [Written(plan, before, after, dry_run) for plan, before, after in done]


def _planned(
    path: Path, cache: Cache, plan_for: PlanFor, known: dict[str, Known]
) -> tuple[Plan, Document, Document]:
    state = known.get(str(path))
    if (
        state is not None
        and state.signature is not None
        and file_signature(path) == state.signature
    ):
        data, signature = state.data, state.signature  # as the catalog read it
    else:
        data, signature = read_file(path)
        if state is not None and state.data != data:
            state = None  # changed since the catalog read it: check it whole
    key = state.key if state else content_key(data)
    before = Document(path, data, key, cache, signature)
    snapshot = Snapshot(before, state)
    refuse_invalid(snapshot)
    plan = plan_for(snapshot)
    verify(snapshot, plan)
    new_data = snapshot.new_bytes(plan.edit)
    after = Document(path, new_data, content_key(new_data), cache)
    if not snapshot.trusted:
        before.holding(snapshot.content)
    return plan, before, after


def _write_all(done: list[tuple[Plan, Document, Document]]) -> None:
    written: list[tuple[Document, Document]] = []
    try:
        for _, before, after in done:
            after.signature = write_bytes(before.path, after.data, unchanged=before.signature)
            written.append((before, after))
    except BaseException:
        for before, after in reversed(written):  # all or nothing: put back what was written
            with contextlib.suppress(BaseException):
                write_bytes(before.path, before.data, unchanged=after.signature)
        raise
    for plan, before, after in done:
        after.changed_from(before, plan.changes)
