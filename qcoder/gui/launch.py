"""Starting the GUI (`qcoder-gui`, `python main.py`): first make sure Qt can open a window.

On a Linux desktop Qt draws through its xcb platform plugin, which needs some twenty X11/xcb
libraries that minimal systems lack (Qt 6.5+ added libxcb-cursor0). Without them Qt aborts with
"Could not load the Qt platform plugin "xcb"" and advice meant for developers. So before Qt is
imported the libraries are loaded here, and if any is missing one line names them and the
apt-get command that installs them. Nothing here imports PySide6 until the check has passed.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterable, Mapping

# Library -> the Debian/Ubuntu package that installs it: what `objdump -p` lists as NEEDED by
# PySide6's Qt/plugins/platforms/libqxcb.so and Qt/lib/libQt6XcbQpa.so.6, plus the system
# libraries of libQt6Gui and libQt6DBus, which load with the plugin (PySide6 6.11).
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}


def uses_xcb(environ: Mapping[str, str] = os.environ, system: str = sys.platform) -> bool:
    """Whether Qt will draw through xcb: on Linux when QT_QPA_PLATFORM is "xcb", or unset
    outside a Wayland session (there Qt tries its Wayland plugin first)."""
    if not system.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen == "xcb"
    return environ.get("XDG_SESSION_TYPE", "") != "wayland"


def missing_libraries(names: Iterable[str]) -> list[str]:
    """The shared libraries among `names` that the dynamic linker cannot load, as Qt would."""
    missing = []
    for name in names:
        try:
            ctypes.CDLL(name)
        except OSError:
            missing.append(name)
    return missing


def install_hint(missing: list[str], packages: Mapping[str, str]) -> str:
    """One line naming the missing libraries and the command that installs them."""
    needed = " ".join(dict.fromkeys(packages[name] for name in missing))
    return (f"qcoder: Qt cannot open a window; missing libraries: {', '.join(missing)}. "
            f"Install them with: sudo apt-get install {needed}")


def main(argv: list[str] | None = None, *, required: Mapping[str, str] = XCB_LIBRARIES,
         environ: Mapping[str, str] = os.environ) -> int:
    """Check the libraries when the window will go through xcb, then start the application."""
    if uses_xcb(environ):
        missing = missing_libraries(required)
        if missing:
            print(install_hint(missing, required), file=sys.stderr)
            return 1
    from .shell.app import main as start

    return start(argv)
