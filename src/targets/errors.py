"""Errors the core raises. Each carries a one-line message that says what to do."""

from __future__ import annotations

from .interrupted import Interrupted as Interrupted

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from .domain.problems import Problem


class TargetsError(Exception):
    """Base of every error the user can act on."""


class UsageError(TargetsError):
    """A command was given a value it cannot use."""


class UnknownTarget(UsageError):
    """No target has the given id."""


class InvalidData(TargetsError):
    """A document has errors; nothing in it can be trusted or written until they are fixed."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        first = problems[0]
        where = first.document or str(path)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(
            f"{where}:{first.line}:{first.col}: {first.message}{more}; "
            f"run `targets check` to see every problem"
        )


class WriteError(TargetsError):
    """A file could not be written; it is unchanged."""


class ReadOnlyData(WriteError):
    """The copy bundled with the package is never written."""


class LockTimeout(WriteError):
    """Another process held the lock on a document for too long."""


def unknown_target(target_id: str, known: Iterable[str]) -> UnknownTarget:
    """The error for an id no target has, suggesting the closest ones."""
    import difflib

    close = difflib.get_close_matches(target_id, list(known), n=3)
    hint = f"did you mean {', '.join(close)}?" if close else "see `targets list --format ids`"
    return UnknownTarget(f"unknown target {target_id!r}; {hint}")


def missing_data_file(path: Path) -> UsageError:
    """The error for a data file that is not there."""
    return UsageError(f"no data file at {path}; pass --file PATH or run `targets init`")
