"""The `targets` command. This module stays small: `main` first makes signals into an
orderly exit, then imports the rest, so a Ctrl-C at any moment gives one line, not a
traceback."""

from __future__ import annotations

import _signal  # type: ignore[import-not-found]  # the builtin: `signal` imports enum
import gc
import sys

from targets.interrupted import Interrupted

HANDLED_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


def _raise_interrupted(signal_number: int, frame: object) -> None:
    raise Interrupted(signal_number)  # importing nothing: it may interrupt an import


def main() -> None:
    """Entry point of the `targets` script."""
    gc.disable()  # a short-lived process: collecting the many objects it loads only costs time
    for name in HANDLED_SIGNALS:
        if hasattr(_signal, name):
            _signal.signal(getattr(_signal, name), _raise_interrupted)
    try:
        from .shortcut import run_or_fall_back

        run_or_fall_back(sys.argv[1:])
    except SystemExit:
        raise
    except BaseException as error:  # noqa: BLE001 - one line for a signal, a broken pipe, a bug
        from .app_errors import exit_for

        exit_for(error)


def __getattr__(name: str) -> object:
    if name == "app":  # the Typer app, for tests and tools that import it
        from .app import root_app

        return root_app()
    raise AttributeError(name)
