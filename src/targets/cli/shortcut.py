"""The shortcut for the command scripts run most: `targets list --format json` (or jsonl) in
a pipe, with at most --file and --as-of. It is answered by the same core calls as the full
command, without loading the CLI framework (Typer's import alone takes four times Python's
start-up). Anything else, any error, an invalid document, a terminal: the full command runs
and has the last word, so the two cannot differ (a test runs both on the same data)."""

from __future__ import annotations

import sys

from targets.errors import TargetsError

FORMATS = ("json", "jsonl")
_OPTIONS = {
    "--format": "format",
    "-F": "format",
    "--file": "file",
    "-f": "file",
    "--as-of": "as_of",
}


def _parsed(args: list[str]) -> dict[str, str] | None:
    """The options of `list`, if they are only those the shortcut takes, each given once."""
    if not args or args[0] != "list":
        return None
    found: dict[str, str] = {}
    rest = args[1:]
    while rest:
        word = rest.pop(0)
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        option = _OPTIONS.get(name)
        if option is None or option in found:
            return None
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        found[option] = value
    return found if found.get("format") in FORMATS else None


def answered(args: list[str]) -> bool:
    """Whether the shortcut answered this command line (else the full command must run)."""
    options = _parsed(args)
    if options is None:
        return False
    from targets.domain.dates import parse_date
    from targets.environment import Environment
    from targets.output.machine import json_stream
    from targets.output.writer import Writer
    from targets.storage import evaluated
    from targets.storage.opening import open_data

    try:
        env = Environment.from_process(options.get("file"))
        day = parse_date(options["as_of"], "--as-of") if "as_of" in options else env.today
        out = Writer(env)
        if out.to_terminal or out.format("list", options["format"]) not in FORMATS:
            return False
        catalog = open_data(env)
        if catalog.invalid():
            return False
        lines = evaluated.json_lines(catalog, day)
    except TargetsError:
        return False
    out.pieces(json_stream(lines, array=options["format"] == "json"))
    return True


def run_or_fall_back(args: list[str]) -> None:
    """Answer through the shortcut, or run the full command."""
    if not answered(args):
        from .app import run

        run(args)
    sys.exit(0)
