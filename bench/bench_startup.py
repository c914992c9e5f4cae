"""Start-up: how long a researcher waits for `qcoder --help`, `qcoder info PROJECT --json` and
the main window, against `python -c "import sqlalchemy, yaml"` (the least any command loads).

Each figure is the median wall time of fresh processes. A warm-up run first writes the bytecode
caches (into a temporary PYTHONPYCACHEPREFIX, so an environment with PYTHONDONTWRITEBYTECODE
measures what an installed qcoder does) and builds the demo project in a temporary data folder.
The window is timed from process start until it is shown, offscreen, with the demo's first
document open; it starts with no project named, as a newcomer starts it, so the demo opens.
Targets: --help at most 1.5x and info at most 2.5x the reference, the window under 1.5 s.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: The GUI as qcoder-gui starts it (with the project named after the script, else the demo);
#: prints "shown" once the window shows the project's first document.
GUI = """
import os
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv)
QSettings("qcoder", "qcoder").setValue("coder", "Anna")  # no first-run dialog
from qcoder.gui.shell.app import main
from qcoder.gui.shell.main_window import MainWindow


def shown():
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    if window.isVisible() and window.view.document_id is not None:
        print("shown", flush=True)
        app.quit()
    else:  # e.g. called from the modal "Cannot open project" box: do not wait for a click
        print("no document shown", flush=True)
        os._exit(1)


QTimer.singleShot(0, shown)
main(["qcoder-gui", *sys.argv[1:]])
"""


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        PYTHONPYCACHEPREFIX=str(tmp / "pycache"),
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp / "config"),   # settings
        XDG_DATA_HOME=str(tmp / "data"),       # where the demo is built
    )
    return env


def _seconds(argv: list[str], env: dict[str, str], until: str | None = None) -> float:
    """Wall time of one fresh process: to its exit, or to the line `until` on its stdout."""
    t0 = time.perf_counter()
    child = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    line = child.stdout.readline().strip() if until is not None else ""
    ready = time.perf_counter() - t0
    try:
        _out, err = child.communicate(timeout=300)
    finally:
        child.kill()  # a no-op once it has exited
    done = time.perf_counter() - t0
    if child.returncode != 0 or line != (until or ""):
        raise RuntimeError(f"{' '.join(argv[:4])} failed ({child.returncode}): {err[-1000:]}")
    return ready if until is not None else done


@dataclass(frozen=True)
class Command:
    name: str
    argv: list[str]
    until: str | None = None          # the stdout line that ends the timing (else: the exit)
    max_ratio: float | None = None    # target: at most this many times the reference
    max_seconds: float | None = None  # target: under this many seconds


def _target(command: Command, seconds: float, reference: float) -> str:
    if command.max_ratio is not None:
        met = seconds / reference <= command.max_ratio
        return f"target <= {command.max_ratio}x: {'met' if met else 'MISSED'}"
    met = seconds < command.max_seconds
    return f"target < {command.max_seconds} s: {'met' if met else 'MISSED'}"


def run(quick: bool) -> None:
    runs = 3 if quick else 9
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(Path(tmp))
        demo = Path(tmp) / "data" / "qcoder" / "demo.qcoder"
        reference = Command("import sqlalchemy, yaml (reference)",
                            [python, "-c", "import sqlalchemy, yaml"])
        commands = [  # the GUI first: its warm-up builds the demo that info reads
            Command("main window, demo's first document", [python, "-c", GUI], until="shown",
                    max_seconds=1.5),
            Command("qcoder --help", [python, "-m", "qcoder", "--help"], max_ratio=1.5),
            Command("qcoder info DEMO --json",
                    [python, "-m", "qcoder", "info", str(demo), "--json"], max_ratio=2.5),
        ]
        everything = [reference, *commands]
        for command in everything:  # warm-up
            _seconds(command.argv, env, command.until)
        print(f"   {runs} rounds of fresh processes, median; load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        times: dict[str, list[float]] = {command.name: [] for command in everything}
        for _ in range(runs):  # round by round, so a passing load slows every command alike
            for command in everything:
                times[command.name].append(_seconds(command.argv, env, command.until))
    base = statistics.median(times[reference.name])
    print(f"   {reference.name:<40} {base * 1000:6.0f} ms")
    for command in commands:
        seconds = statistics.median(times[command.name])
        print(f"   {command.name:<40} {seconds * 1000:6.0f} ms  {seconds / base:4.1f}x   "
              + _target(command, seconds, base))
