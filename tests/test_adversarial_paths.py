"""Issue 9, items 3 and 4: which paths a command may write.

`export`/`report --output` and `init PATH` replaced whatever the path named: the data file in
use (also through a symlink), a character device (as root), and failed on /dev/stdout in a
pipe. The bundled copy was read-only only when chosen by default. Each must now be refused
(exit 2 for an output path, exit 3 for the bundled copy) and leave the file as it was.
Devices are made with mknod in tmp_path, never the machine's own /dev/null.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.adversarial_helpers import (
    THREE_TARGETS,
    assert_error,
    assert_ok,
    assert_untouched,
    cli,
    is_char_device,
    leftovers,
    make_char_device,
    needs_root,
    run_in_process,
    sha256,
)
from tests.helpers import write_data

OUTPUTS = {
    "export-json": ("export", "--format", "json"),
    "export-csv": ("export", "--format", "csv"),
    "export-sqlite": ("export", "--format", "sqlite"),
    "report-html": ("report", "--format", "html"),
    "report-markdown": ("report", "--format", "markdown"),
}


@pytest.mark.parametrize("spelling", ["same-name", "symlink", "dotted-path", "absolute"])
@pytest.mark.parametrize("what", OUTPUTS)
def test_output_onto_the_data_file_in_use_is_refused(
    tmp_path: Path, what: str, spelling: str
) -> None:
    data = write_data(tmp_path, THREE_TARGETS)  # ./targets.toml: the file in use
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.toml").symlink_to("targets.toml")
    output = {
        "same-name": "targets.toml",
        "symlink": "link.toml",
        "dotted-path": "sub/../targets.toml",
        "absolute": str(data),
    }[spelling]
    before = sha256(data)
    result = run_in_process(*OUTPUTS[what], "--output", output)
    assert_error(result, 2)
    assert_untouched(data, before)
    assert (tmp_path / "link.toml").is_symlink()


@pytest.mark.parametrize("what", ["export-json", "report-markdown"])
def test_output_onto_the_data_file_chosen_by_file_or_env_is_refused(
    tmp_path: Path, what: str
) -> None:
    data = write_data(tmp_path, THREE_TARGETS, name="pledges.toml")
    before = sha256(data)
    assert_error(
        run_in_process(*OUTPUTS[what], "--file", "pledges.toml", "--output", "pledges.toml"), 2
    )
    assert_untouched(data, before)
    result = run_in_process(
        *OUTPUTS[what], "--output", "./pledges.toml", env={"TARGETS_FILE": str(data)}
    )
    assert_error(result, 2)
    assert_untouched(data, before)


@pytest.mark.parametrize("what", ["export-json", "export-sqlite", "report-html"])
def test_output_onto_a_folder_is_a_usage_error(tmp_path: Path, what: str) -> None:
    write_data(tmp_path, THREE_TARGETS)
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "keep.txt").write_text("fictional", encoding="utf-8")
    assert_error(run_in_process(*OUTPUTS[what], "--output", "out"), 2)
    assert folder.is_dir() and (folder / "keep.txt").read_text(encoding="utf-8") == "fictional"
    assert leftovers(folder) == [] and leftovers(tmp_path) == []


@needs_root
@pytest.mark.parametrize("what", ["export-json", "export-csv", "report-html"])
def test_output_onto_a_character_device_never_replaces_it(tmp_path: Path, what: str) -> None:
    write_data(tmp_path, THREE_TARGETS)
    device = make_char_device(tmp_path / "null")
    result = run_in_process(*OUTPUTS[what], "--output", str(device))
    assert "Traceback" not in result.err
    assert result.code in (0, 2), str(result)  # written into the device, or refused
    if result.code == 2:
        assert_error(result, 2)
    assert is_char_device(device), "the device was replaced by a regular file"
    assert leftovers(tmp_path) == []


@needs_root
def test_init_onto_a_character_device_never_replaces_it(tmp_path: Path) -> None:
    device = make_char_device(tmp_path / "null")
    result = run_in_process("init", str(device), "--force")
    assert_error(result, 2)
    assert is_char_device(device), "the device was replaced by a regular file"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("output", ["-", "/dev/stdout"])
@pytest.mark.parametrize("what", ["export-json", "export-csv", "report-markdown"])
def test_output_to_standard_output_works_in_a_pipe(tmp_path: Path, what: str, output: str) -> None:
    if output.startswith("/dev/") and not Path(output).exists():
        pytest.skip(f"{output} does not exist here")
    write_data(tmp_path, THREE_TARGETS)
    result = cli(*OUTPUTS[what], "--output", output)  # stdout is a pipe
    assert_ok(result)
    assert "测试区" in result.out or "testville" in result.out
    if what == "export-json":
        assert {t["id"] for t in json.loads(result.out)["targets"]} >= {"testville-parks"}
    assert leftovers(tmp_path) == []


# -- the bundled copy ---------------------------------------------------------------------


def bundled_copy() -> Path:
    """The copy the package reads when no other data file is found: inside the installed
    package, or, in an editable install, the source tree's data/targets.toml."""
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "import targets, pathlib; print(pathlib.Path(targets.__file__).parent)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    package = Path(found.stdout.strip())
    if (package / "data" / "targets.toml").is_file():
        return package / "data" / "targets.toml"
    for folder in package.parents:
        if (folder / "data" / "targets.toml").is_file() and (folder / "pyproject.toml").is_file():
            return folder / "data" / "targets.toml"
    pytest.skip("cannot find the bundled data file")


MARK = ("mark", "licang-greenways", "1", "--date", "2023-06-30", "--source", "fictional")


@pytest.mark.parametrize("via", ["default", "--file", "TARGETS_FILE", "symlink"])
def test_a_write_to_the_bundled_copy_is_refused_however_it_is_named(
    tmp_path: Path, via: str
) -> None:
    bundled = bundled_copy()
    original = bundled.read_bytes()
    (tmp_path / "backup.toml").write_bytes(original)  # a second copy, should this process die
    lock = bundled.with_name(bundled.name + ".lock")
    lock_existed = lock.exists()
    before = sha256(bundled)
    try:
        if via == "default":  # no data file in the folder: the bundled copy is read
            result = cli(*MARK)
        elif via == "--file":
            result = cli(*MARK, "--file", str(bundled))
        elif via == "TARGETS_FILE":
            result = cli(*MARK, env={"TARGETS_FILE": str(bundled)})
        else:
            (tmp_path / "linked.toml").symlink_to(bundled)
            result = cli(*MARK, "--file", "linked.toml")
        assert_error(result, 3)
        assert_untouched(bundled, before)
    finally:  # whatever happened, the bundled copy ends as it was
        if bundled.read_bytes() != original:
            bundled.write_bytes(original)
        if not lock_existed and lock.exists():
            os.unlink(lock)
        for name in leftovers(bundled.parent):
            if name.startswith(f".{bundled.name}."):
                os.unlink(bundled.parent / name)
