"""`targets edit`: edit a document by hand while no other writer can touch it.

Like `visudo` and `crontab -e`: the document's lock is held while $VISUAL or $EDITOR runs;
when the editor exits the document is checked, and if it has errors you choose to edit again,
to restore the original bytes, or to keep it as it is.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from targets.errors import UsageError, WriteError, unknown_target
from targets.output.safe import terminal

from . import complete
from .exitcodes import ExitCode
from .options import FileOpt, environment, open_catalog

LINE_FLAG_EDITORS = {
    "vi",
    "vim",
    "nvim",
    "view",
    "nano",
    "emacs",
    "emacsclient",
    "micro",
    "kak",
    "mg",
    "joe",
    "ne",
    "hx",
}
CHOICES = "What now? [e]dit again, [r]estore the original, [k]eep it with its errors: "


def _command(editor: str, path: Path, line: int) -> list[str]:
    try:
        words = shlex.split(editor)
    except ValueError:
        raise UsageError(
            f"cannot read the editor command {editor!r}; fix $VISUAL or $EDITOR"
        ) from None
    if not words:
        raise UsageError("$VISUAL and $EDITOR are empty; set one, such as EDITOR=nano")
    jump = [f"+{line}"] if line > 1 and os.path.basename(words[0]) in LINE_FLAG_EDITORS else []
    return [*words, *jump, str(path)]


def _run_editor(command: list[str]) -> None:
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the editor's
    try:
        subprocess.run(command, check=False)
    except OSError as exc:
        raise UsageError(
            f"cannot run the editor {command[0]!r}: {exc.strerror}; set $VISUAL or $EDITOR"
        ) from None
    finally:
        signal.signal(signal.SIGINT, previous)


def _errors(env: Any, name: str) -> list[str]:
    from targets.domain.model import Severity

    catalog = open_catalog(env)
    return [
        f"{p.document}:{p.line}:{p.col}: {p.severity.value}: {p.message}"
        for p in catalog.problems()
        if p.document == name and p.severity is Severity.ERROR
    ]


def _ask() -> str:
    sys.stderr.write(CHOICES)
    sys.stderr.flush()
    answer = sys.stdin.readline()
    return answer.strip().lower()[:1] if answer else "r"  # no answer (end of input): restore


def edit(
    target_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="Open the document that defines this target, at its line.",
            autocompletion=complete.target_ids,
            show_default=False,
        ),
    ] = None,
    file: FileOpt = None,
) -> None:
    """Edit the data in $VISUAL or $EDITOR, locked against other writers, checked on exit."""
    from targets.storage.document import read_bytes
    from targets.storage.files import locked, write_bytes
    from targets.storage.paths import check_writable
    from targets.storage.tomlmap import SourceMap

    env = environment(file)
    catalog = open_catalog(env)
    document = catalog.documents[0]
    line = 1
    if target_id is not None:
        found = catalog.defining("targets", target_id)
        if found is None:
            raise unknown_target(target_id, catalog.target_ids())
        document = found
        line = SourceMap(document.text).position(("targets", target_id))[0]
    check_writable(document.path, env.data)
    command = _command(env.editor or "vi", document.path, line)
    with locked(document.path, env.lock_timeout):
        original = read_bytes(document.path)
        while True:
            _run_editor(command)
            errors = _errors(env, document.name)
            if not errors:
                changed = read_bytes(document.path) != original
                sys.stderr.write(
                    terminal(
                        f"{document.name}: {'checked, no errors' if changed else 'unchanged'}",
                        one_line=True,
                    )
                    + "\n"
                )
                return
            for message in errors[:20]:
                sys.stderr.write(terminal(message, one_line=True) + "\n")
            choice = _ask()
            if choice == "e":
                continue
            if choice == "k":
                sys.stderr.write("kept with errors; run `targets check`\n")
                raise typer.Exit(ExitCode.INVALID_DATA)
            try:
                write_bytes(document.path, original)
            except WriteError:
                raise
            sys.stderr.write(terminal(f"restored {document.name} as it was", one_line=True) + "\n")
            raise typer.Exit(ExitCode.INVALID_DATA)
