"""Exit codes, and the one function that maps errors to them."""

from __future__ import annotations

from enum import IntEnum

from targets.errors import InvalidData, TargetsError, UsageError, WriteError


class ExitCode(IntEnum):
    """What a `targets` process exits with; documented in the README."""

    OK = 0
    INVALID_DATA = 1  # a document is invalid, or `check` found errors
    USAGE = 2  # a bad option or value, an unknown target id, an output onto a data file
    WRITE_FAILED = 3  # lock timeout, permission, disk, the read-only bundled copy: unchanged
    FAIL_ON_MATCHED = 4  # `status --fail-on` found a target with a listed status
    INTERNAL_ERROR = 70  # a bug in targets (EX_SOFTWARE); nothing was written
    INTERRUPTED = 128  # plus the signal's number: 130 for Ctrl-C, 143 for SIGTERM


def exit_code_for(error: TargetsError) -> ExitCode:
    """The exit code for an error raised by the core."""
    if isinstance(error, UsageError):
        return ExitCode.USAGE
    if isinstance(error, WriteError):
        return ExitCode.WRITE_FAILED
    if isinstance(error, InvalidData):
        return ExitCode.INVALID_DATA
    return ExitCode.INVALID_DATA
