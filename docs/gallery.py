"""Make the README's gallery: the status dashboard and the HTML report, as PNG screenshots.

    python docs/gallery.py        (needs targets installed and a Chromium on PATH)

Both show the real shipped data, evaluated on 2024-06-30 (a fixed day, so the pictures are
the same whenever they are remade): the dashboard for Licang, the report for Shibei (whose 2023
outcomes are on record).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DAY = "2024-06-30"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def shoot(page: Path, png: Path, size: str) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={size}",
                f"--screenshot={png}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body{{margin:0;background:#1e1e1e}}
pre{{margin:16px;color:#d4d4d4;font:15px/1.3 "Noto Sans Mono CJK SC","Sarasa Mono SC",monospace}}
</style></head><body><pre>{code}</pre></body></html>"""


def dashboard_page(page: Path) -> None:
    """The status dashboard as Rich draws it on a terminal, as an HTML page: a monospace font
    whose Chinese glyphs are exactly two cells wide keeps the columns aligned."""
    env = {**os.environ, "TARGETS_TODAY": DAY, "COLUMNS": "100", "FORCE_COLOR": "1"}
    code = (
        "from rich.console import Console; from rich.text import Text; import subprocess, sys\n"
        "out = subprocess.run(['targets', 'status', '--format', 'table', '-d', 'licang',"
        " '-f', sys.argv[1]], capture_output=True, text=True, check=True).stdout\n"
        "c = Console(record=True, width=100, file=open('/dev/null', 'w'), force_terminal=True)\n"
        "c.print(Text.from_ansi(out))\n"
        "open(sys.argv[2], 'w').write(c.export_html(inline_styles=True, code_format=sys.argv[3]))\n"
    )
    shipped = HERE.parent / "data" / "targets.toml"
    subprocess.run(["python", "-c", code, str(shipped), str(page), PAGE], env=env, check=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        dashboard_page(work / "status.html")
        shoot(work / "status.html", HERE / "status.png", "960,1220")
        env = {**os.environ, "TARGETS_TODAY": DAY}
        subprocess.run(
            [
                "targets",
                "report",
                "-d",
                "shibei",
                "-f",
                str(HERE.parent / "data" / "targets.toml"),
                "--output",
                str(work / "report.html"),
            ],
            env=env,
            check=True,
        )
        shoot(work / "report.html", HERE / "report.png", "1000,1250")


if __name__ == "__main__":
    main()
