"""A problem found in data: where it is and what is wrong. A plain class: every command
loads problems from the cache, and a dataclass would cost the import of `dataclasses`."""

from __future__ import annotations

from targets.domain.vocab import Severity

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

Path = tuple[str | int, ...]
"""A place in a TOML document: ("targets", "licang-greenways", "progress", 0, "date")."""

_FIELDS = ("severity", "path", "message", "line", "col", "document", "also")


class Problem:
    """One thing wrong with a document, with the place in it that it concerns."""

    __slots__ = _FIELDS

    def __init__(
        self,
        severity: Severity,
        path: Path,
        message: str,
        line: int = 0,  # 1-based; 0 until located in the text
        col: int = 0,
        document: str = "",  # the file it was found in, once known
        also: tuple[str, Path] | None = None,  # another place it concerns: (document, path)
    ) -> None:
        self.severity = severity
        self.path = path
        self.message = message
        self.line = line
        self.col = col
        self.document = document
        self.also = also

    def replace(self, **changes: Any) -> Problem:
        """A copy with some fields changed."""
        values = {name: getattr(self, name) for name in _FIELDS}
        values.update(changes)
        return Problem(**values)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _FIELDS)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        inside = ", ".join(f"{name}={getattr(self, name)!r}" for name in _FIELDS)
        return f"Problem({inside})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Problem, self._values())
