"""The GUI's launcher: before Qt is imported it checks the libraries Qt's xcb plugin needs and,
if any is missing, prints one line with the apt-get command instead of letting Qt abort."""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo

from qcoder.gui.launch import XCB_LIBRARIES, main, missing_libraries, uses_xcb

ROOT = Path(__file__).parents[2]
LIBC = ctypes.util.find_library("c")
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Linux's")


@pytest.mark.parametrize(("environ", "system", "expected"), [
    ({}, "linux", True),
    ({"XDG_SESSION_TYPE": "x11"}, "linux", True),
    ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"XDG_SESSION_TYPE": "wayland"}, "linux", False),
    ({"XDG_SESSION_TYPE": "wayland", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({}, "darwin", False),
    ({}, "win32", False),
])
def test_the_check_runs_only_where_qt_will_use_xcb(environ, system, expected):
    assert uses_xcb(environ, system) is expected


def test_a_library_the_linker_cannot_load_is_missing():
    assert missing_libraries([LIBC, "libqcoder-absent.so.9"]) == ["libqcoder-absent.so.9"]


@linux_only
def test_missing_libraries_stop_the_start_with_one_line_naming_the_apt_command(capsys):
    required = {LIBC: "libc6", "libqcoder-absent-a.so.1": "qcoder-absent",
                "libqcoder-absent-b.so.2": "qcoder-absent", "libqcoder-other.so.0": "qcoder-other"}

    assert main(["qcoder-gui"], required=required, environ={"DISPLAY": ":0"}) == 1

    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("qcoder: Qt cannot open a window; missing libraries: libqcoder-absent-a.so.1, "
                   "libqcoder-absent-b.so.2, libqcoder-other.so.0. Install them with: "
                   "sudo apt-get install qcoder-absent qcoder-other\n")


def test_the_launcher_loads_no_qt_before_the_check():
    probe = "import sys, qcoder.gui.launch; print(sorted(m for m in sys.modules if 'PySide6' in m))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                          text=True, check=True)
    assert done.stdout == "[]\n"


@linux_only
def test_every_x11_library_of_the_installed_xcb_plugin_is_checked():
    """Guards the list against a PySide6 upgrade: ldd shows what the plugin really loads."""
    plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath), "platforms",
                  "libqxcb.so")
    listing = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True)
    loaded = {line.split()[0] for line in listing.stdout.splitlines() if "=>" in line}
    x11 = {name for name in loaded if name.startswith(("libxcb", "libX11", "libxkbcommon"))}
    assert len(x11) >= 15
    assert x11 - XCB_LIBRARIES.keys() == set()
