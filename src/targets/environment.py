"""The facts a command runs under, read once: today, the data file, the cache folder, the
terminal, colour and the lock timeout.

The CLI builds one `Environment` from the process (`from_process`) and passes it down;
nothing else reads `os.environ` or the clock, so tests and scripts pin any of these by
setting a variable (TARGETS_TODAY, TARGETS_FILE, TARGETS_CACHE_DIR, …).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .domain.dates import parse_date
from .errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping


TODAY_ENV = "TARGETS_TODAY"
FILE_ENV = "TARGETS_FILE"
NO_CACHE_ENV = "TARGETS_NO_CACHE"
CACHE_DIR_ENV = "TARGETS_CACHE_DIR"
CACHE_SIZE_ENV = "TARGETS_CACHE_MAX_MB"
LOCK_TIMEOUT_ENV = "TARGETS_LOCK_TIMEOUT"
DEBUG_ENV = "TARGETS_DEBUG"
DEFAULT_LOCK_TIMEOUT = 5.0
DEFAULT_CACHE_MB = 256
PACKAGE_DIR = Path(__file__).resolve().parent


class DataFile:
    """The data file a command reads: the root document, and whether it is the bundled copy.
    (Plain classes here: every command builds these, and `dataclasses` costs its import.)"""

    __slots__ = ("path", "bundled")

    def __init__(self, path: Path, bundled: bool = False) -> None:
        self.path = path
        self.bundled = bundled

    def __repr__(self) -> str:
        return f"DataFile({self.path!r}, bundled={self.bundled})"


class Environment:
    """What a command runs under, read once from the process."""

    def __init__(
        self,
        today: dt.date,
        data: DataFile,
        cache_dir: Path | None,  # None: no cache
        cache_max_bytes: int = DEFAULT_CACHE_MB * 2**20,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        stdout_is_terminal: bool = False,
        stdin_is_terminal: bool = False,
        colour: bool = False,
        width: int | None = None,  # the terminal's columns, when known
        editor: str | None = None,
        debug: bool = False,
    ) -> None:
        self.today = today
        self.data = data
        self.cache_dir = cache_dir
        self.cache_max_bytes = cache_max_bytes
        self.lock_timeout = lock_timeout
        self.stdout_is_terminal = stdout_is_terminal
        self.stdin_is_terminal = stdin_is_terminal
        self.colour = colour
        self.width = width
        self.editor = editor
        self.debug = debug

    @classmethod
    def from_process(cls, file: str | None = None, no_color: bool = False) -> Environment:
        """The environment of this process, with the `--file` and `--no-color` options given."""
        import sys

        env = os.environ
        stdout_tty = _isatty(sys.stdout)
        return cls(
            today=today_from(env),
            data=find_data_file(file, env, Path()),
            cache_dir=cache_dir_from(env),
            cache_max_bytes=int(_number(env, CACHE_SIZE_ENV, DEFAULT_CACHE_MB) * 2**20),
            lock_timeout=_number(env, LOCK_TIMEOUT_ENV, DEFAULT_LOCK_TIMEOUT),
            stdout_is_terminal=stdout_tty,
            stdin_is_terminal=_isatty(sys.stdin),
            colour=_colour(env, stdout_tty, no_color),
            width=_width(env),
            editor=env.get("VISUAL") or env.get("EDITOR"),
            debug=bool(env.get(DEBUG_ENV)),
        )


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def _colour(env: Mapping[str, str], tty: bool, no_color: bool) -> bool:
    if no_color or env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    return bool(env.get("FORCE_COLOR")) or tty


def _width(env: Mapping[str, str]) -> int | None:
    columns = env.get("COLUMNS", "")
    if columns.isdigit() and 0 < int(columns) < 10_000:
        return int(columns)
    try:
        return os.get_terminal_size().columns
    except OSError:
        return None


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    try:
        value = float(env.get(name, default))
    except ValueError:
        raise UsageError(f"${name} is {env[name]!r}; give a number") from None
    if not 0 <= value < 10**9:
        raise UsageError(f"${name} is {env[name]!r}; give a number from 0 up")
    return value


def today_from(env: Mapping[str, str]) -> dt.date:
    """Today, or the day $TARGETS_TODAY names (for reproducible runs and tests)."""
    pinned = env.get(TODAY_ENV)
    return parse_date(pinned, f"${TODAY_ENV}") if pinned is not None else dt.date.today()


def cache_dir_from(env: Mapping[str, str]) -> Path | None:
    """Where cache entries live, or None when caching is switched off."""
    if env.get(NO_CACHE_ENV):
        return None
    if env.get(CACHE_DIR_ENV):
        return Path(env[CACHE_DIR_ENV])
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "targets"


def bundled_path() -> Path:
    """The data file shipped inside the package (or the source tree's, when run from it)."""
    packaged = PACKAGE_DIR / "data" / "targets.toml"
    if packaged.is_file():
        return packaged
    return PACKAGE_DIR.parent.parent / "data" / "targets.toml"


def find_data_file(explicit: str | None, env: Mapping[str, str], cwd: Path) -> DataFile:
    """--file, $TARGETS_FILE, ./targets.toml, ./data/targets.toml, else the bundled copy."""
    chosen = explicit if explicit is not None else env.get(FILE_ENV)
    if chosen is not None:
        if not chosen.strip():
            raise UsageError("the data file path is empty; pass --file PATH")
        return DataFile(Path(chosen).expanduser())
    for candidate in (cwd / "targets.toml", cwd / "data" / "targets.toml"):
        if candidate.is_file():
            return DataFile(candidate)
    return DataFile(bundled_path(), bundled=True)


def debugging() -> bool:
    """Whether $TARGETS_DEBUG asks for tracebacks (read where no Environment exists yet)."""
    return bool(os.environ.get(DEBUG_ENV))
