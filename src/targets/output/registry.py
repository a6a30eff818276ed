"""Which output formats each view has, and which one a command uses: decided here only.

Help texts, completion and the commands read this table, so a format offered anywhere is a
format the view can write.
"""

from __future__ import annotations

from targets.errors import UsageError

ROW_FORMATS = ("table", "json", "jsonl", "csv", "tsv", "markdown", "ids")


class View:
    """What a command shows, the formats it can write, and its defaults."""

    __slots__ = ("formats", "on_terminal", "in_pipe")

    def __init__(self, formats: tuple[str, ...], on_terminal: str, in_pipe: str) -> None:
        self.formats = formats
        self.on_terminal = on_terminal  # the default when standard output is a terminal
        self.in_pipe = in_pipe  # the default otherwise


VIEWS: dict[str, View] = {
    "list": View(ROW_FORMATS, "table", "tsv"),
    "status": View(ROW_FORMATS, "table", "tsv"),
    "log": View(ROW_FORMATS, "table", "tsv"),
    "diff": View(ROW_FORMATS, "table", "tsv"),
    "show": View(("table", "json", "markdown"), "table", "json"),
    "check": View(("text", "json"), "text", "text"),
    "extract": View(("toml", "json"), "toml", "json"),
    "report": View(("markdown", "html"), "markdown", "html"),
    "export": View(("sqlite", "json", "csv"), "sqlite", "sqlite"),
}


def formats_of(view: str) -> tuple[str, ...]:
    return VIEWS[view].formats


SUFFIXES = {
    "md": "markdown",
    "markdown": "markdown",
    "html": "html",
    "htm": "html",
    "json": "json",
    "jsonl": "jsonl",
    "csv": "csv",
    "tsv": "tsv",
    "db": "sqlite",
    "sqlite": "sqlite",
    "sqlite3": "sqlite",
    "toml": "toml",
}


def choose_format(view: str, requested: str | None, to_terminal: bool, suffix: str = "") -> str:
    """The format to write: the one asked for, if the view has it; else the one the output
    file's suffix names (report.md, targets.db); else the view's default."""
    spec = VIEWS[view]
    if requested is None:
        named = SUFFIXES.get(suffix.lower().lstrip("."))
        if named in spec.formats:
            return named
        return spec.on_terminal if to_terminal else spec.in_pipe
    if requested not in spec.formats:
        raise UsageError(
            f"unknown format {requested!r} for {view}; valid formats: {', '.join(spec.formats)}"
        )
    return requested


def format_help(view: str) -> str:
    spec = VIEWS[view]
    default = (
        f"{spec.on_terminal} on a terminal, {spec.in_pipe} otherwise"
        if spec.on_terminal != spec.in_pipe
        else spec.on_terminal
    )
    return f"One of: {', '.join(spec.formats)}. Default: {default}."
