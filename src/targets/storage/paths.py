"""Which paths may be written: the one place that decides.

A document may be written unless it is the copy bundled with the package (however it was
named: by default, by --file or by $TARGETS_FILE). An output (`export`, `report`, `init`)
may go to standard output (`-`, /dev/stdout) or to a regular file that is none of the data
set's documents (nor their lock files), followed through symlinks; never to a folder, a
device or a FIFO, whose replacement by a regular file would break them.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from targets.environment import PACKAGE_DIR, DataFile, bundled_path
from targets.errors import ReadOnlyData, UsageError

STDOUT_NAMES = ("-", "/dev/stdout")
READ_ONLY_ADVICE = (
    "run `targets init` to copy it to ./targets.toml, then run this again in that folder "
    "(or pass --file)"
)


def _inside(path: Path, folder: Path) -> bool:
    try:
        Path(os.path.realpath(path)).relative_to(folder)
        return True
    except ValueError:
        return False


def check_writable(path: Path, data: DataFile) -> None:
    """ReadOnlyData if `path` is the bundled copy (however it was named) or anything inside
    the installed package."""
    real = os.path.realpath(path)
    bundled = real == os.path.realpath(bundled_path()) or (
        data.bundled and real == os.path.realpath(data.path)
    )
    if bundled or _inside(path, PACKAGE_DIR):
        raise ReadOnlyData(
            f"{path} is the data bundled with targets and is read-only; {READ_ONLY_ADVICE}"
        )


class Destination:
    """Where an output goes: standard output (path None) or a regular file."""

    __slots__ = ("path",)

    def __init__(self, path: Path | None) -> None:
        self.path = path

    @property
    def is_stdout(self) -> bool:
        return self.path is None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def output_destination(output: str | None, protected: Iterable[Path]) -> Destination:
    """Where `--output` points, refused (UsageError) when it would replace a document of the
    data set, a lock file, a folder or anything that is not a regular file."""
    if output is None or output in STDOUT_NAMES:
        return Destination(None)
    if not output.strip():
        raise UsageError("--output is empty; give a file name, or - for standard output")
    path = Path(output).expanduser()
    real = os.path.realpath(path)
    for document in protected:
        for guarded in (str(document), f"{os.path.realpath(document)}.lock"):
            if _same_file(real, guarded) or real == os.path.realpath(guarded):
                raise UsageError(
                    f"--output {output} is the data file {document}; choose another file"
                )
    check_regular_or_absent(path, "--output")
    return Destination(path)


def check_regular_or_absent(path: Path, what: str) -> None:
    """UsageError unless `path` (through symlinks) is a regular file or does not exist yet."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if not os.path.isdir(os.path.dirname(os.path.realpath(path)) or "."):
            raise UsageError(f"{what} {path}: folder {path.parent} does not exist") from None
        return
    except OSError as exc:
        raise UsageError(f"{what} {path}: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(f"{what} {path} is a folder; give a file name")
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(
            f"{what} {path} is not a regular file (a device or a FIFO); give a file name"
        )
