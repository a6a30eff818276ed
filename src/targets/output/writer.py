"""The one writer of output: it decides terminal or pipe, colour, width and destination.

A command asks it for its format (`format`), then hands it text or, for a terminal table, a
renderable; the writer sends it to standard output or, for `--output PATH`, atomically to
the file (never onto a data file, a folder or a device: see `storage.paths`).
"""

from __future__ import annotations

import sys

from targets.environment import Environment
from targets.storage.paths import output_destination

from .registry import choose_format

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path
    from typing import Any

DEFAULT_WIDTH = 80


class Writer:
    def __init__(
        self, env: Environment, output: str | None = None, protected: Iterable[Path] = ()
    ) -> None:
        self.destination = output_destination(output, protected)
        self.to_terminal = self.destination.is_stdout and env.stdout_is_terminal
        self.colour = env.colour and self.destination.is_stdout
        self.width = env.width if env.width else (None if self.to_terminal else DEFAULT_WIDTH)

    def format(self, view: str, requested: str | None) -> str:
        """The format to write for `view`: the one asked for, or the view's default here."""
        suffix = self.destination.path.suffix if self.destination.path else ""
        return choose_format(view, requested, self.to_terminal, suffix)

    def text(self, text: str) -> None:
        self.bytes(text.encode("utf-8"))

    def pieces(self, texts: Iterable[str]) -> None:
        """Text that comes in pieces (many rows), written as it comes to standard output."""
        if self.destination.path is not None:
            self.text("".join(texts))
            return
        write, batch = sys.stdout.buffer.write, []
        for text in texts:
            batch.append(text)
            if len(batch) == 2048:  # a few hundred kilobytes at a time
                write("".join(batch).encode("utf-8"))
                batch = []
        write("".join(batch).encode("utf-8"))
        sys.stdout.flush()

    def bytes(self, data: bytes) -> None:
        if self.destination.path is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            from targets.storage.files import write_bytes

            write_bytes(self.destination.path, data)

    def rich(self, renderable: Any) -> None:
        """A renderable for people (a table, a dashboard), at the terminal's width."""
        from .terminal.tables import render

        if self.destination.path is None:
            sys.stdout.flush()
            render(renderable, self.colour, self.width)
            return
        import io

        buffer = io.StringIO()
        render(renderable, False, self.width, file=buffer)
        self.text(buffer.getvalue())
