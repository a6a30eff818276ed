"""Shortcuts for the command lines scripts run most, answered by the same core calls as the
full commands without loading the CLI framework (Typer's import alone takes three times
Python's start-up):

- `targets list --format json` (or jsonl) in a pipe, with at most --file and --as-of;
- `targets mark ID VALUE`, with at most --date, --published, --note, --source and --file.

A command line with anything else (another option, a repeated one, a value that starts with
`-`, bytes that are not text) goes to the full command. `list` also falls back on any error,
an invalid document or a terminal, so the full command has the last word there; `mark`
shares its whole body with the full command (`writing.mark_one`), and its errors end the
same way (tests run both on the same data)."""

from __future__ import annotations

import sys

from targets.errors import TargetsError

FORMATS = ("json", "jsonl")
_FILE = {"--file": "file", "-f": "file"}
_LIST = {"--format": "format", "-F": "format", "--as-of": "as_of", **_FILE}
_MARK = {
    "--date": "date",
    "--published": "published",
    "--note": "note",
    "--source": "source",
    **_FILE,
}


def _is_text(word: str) -> bool:
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parsed(
    args: list[str], taken: dict[str, str], arguments: int
) -> tuple[dict[str, str], list[str]] | None:
    """The options and arguments of a command line, if it holds only the `taken` options,
    each once, and exactly `arguments` arguments; else None."""
    found: dict[str, str] = {}
    given: list[str] = []
    rest = list(args)
    while rest:
        word = rest.pop(0)
        if not _is_text(word):
            return None
        if not word.startswith("-"):
            given.append(word)
            continue
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        option = taken.get(name)
        if option is None or option in found:
            return None
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        if value.startswith("-") or not _is_text(value):
            return None
        found[option] = value
    return (found, given) if len(given) == arguments else None


def _list(args: list[str]) -> bool:
    parsed = _parsed(args, _LIST, 0)
    if parsed is None or parsed[0].get("format") not in FORMATS:
        return False
    options = parsed[0]
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


def _mark(args: list[str]) -> bool:
    parsed = _parsed(args, _MARK, 2)
    if parsed is None:
        return False
    options, (target_id, value) = parsed
    from targets.environment import Environment

    from .writing import mark_one

    env = Environment.from_process(options.get("file"))
    given = options.get
    note, source = given("note"), given("source")
    mark_one(env, target_id, value, given("date"), given("published"), note, source, dry_run=False)
    return True


_COMMANDS = {"list": _list, "mark": _mark}


def answered(args: list[str]) -> bool:
    """Whether a shortcut answered this command line (else the full command must run)."""
    shortcut = _COMMANDS.get(args[0]) if args else None
    return shortcut is not None and shortcut(args[1:])


def run_or_fall_back(args: list[str]) -> None:
    """Answer through a shortcut, or run the full command."""
    if not answered(args):
        from .app import run

        run(args)
    sys.exit(0)
