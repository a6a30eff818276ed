"""Turning every way a command can end into one line on stderr and a documented exit code."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from targets.environment import DEBUG_ENV, debugging
from targets.errors import Interrupted, TargetsError

from .exitcodes import ExitCode, exit_code_for

PROG = "targets"


def fail(message: str, code: int) -> NoReturn:
    """Print a one-line error on stderr and exit."""
    try:
        from targets.output.safe import terminal

        shown = terminal(message, one_line=True)
    except Exception:  # noqa: BLE001 - interrupted mid-import: no module can be trusted
        shown = "".join(c if c.isprintable() else "?" for c in message)
    sys.stderr.write(f"{PROG}: error: {shown}\n")
    sys.stderr.flush()
    sys.exit(code)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def exit_for(error: BaseException) -> NoReturn:
    """Exit as `error` calls for: the user's errors and signals with one line, a bug with
    one line too (or the traceback, with TARGETS_DEBUG=1)."""
    if isinstance(error, SystemExit):
        raise error
    if isinstance(error, Interrupted):
        _silence_stdout()
        names = {2: "interrupted", 15: "terminated", 1: "hung up"}
        fail(
            names.get(error.signal_number, "stopped by a signal"),
            ExitCode.INTERRUPTED + error.signal_number,
        )
    if isinstance(error, KeyboardInterrupt):
        fail("interrupted", ExitCode.INTERRUPTED + 2)
    if isinstance(error, TargetsError):
        fail(str(error), exit_code_for(error))
    if isinstance(error, BrokenPipeError):
        _silence_stdout()
        sys.exit(ExitCode.OK)
    if debugging():
        raise error
    fail(
        f"internal error: {error!r}"[:300]
        + f"; rerun with {DEBUG_ENV}=1 for details and please report it",
        ExitCode.INTERNAL_ERROR,
    )
