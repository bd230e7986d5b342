"""Whether the window can open a display, asked before Qt is loaded.

Qt's xcb platform plugin aborts the process (exit 134) when it cannot connect to an X server,
after a misleading hint that libxcb-cursor0 is missing. On Linux and the BSDs this looks for
what Qt would connect to (an X server's socket, a Wayland compositor's socket) and, finding
neither, lets the command line say so in one line instead. It never opens a network
connection: an X server on another host (``DISPLAY=host:0``, SSH forwarding) is taken on trust.
"""

from __future__ import annotations

import os
import socket
import sys

# Platforms that draw without a display server; Qt's own names (QT_QPA_PLATFORM).
HEADLESS_PLATFORMS = {"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs",
                      "vkkhrdisplay"}


def _x_server_reachable(display: str) -> bool:
    host, _, rest = display.rpartition(":")
    if host.startswith("/"):  # a socket path (XQuartz's launchd socket)
        return os.path.exists(host)
    if host not in ("", "unix"):
        return True  # a server on another host, or forwarded over SSH: not probed
    number = rest.split(".")[0]
    if not number.isdigit():
        return False
    path = f"/tmp/.X11-unix/X{number}"
    # Linux servers also listen on the abstract socket of the same name.
    candidates = [path, "\0" + path] if sys.platform.startswith("linux") else [path]
    for address in candidates:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.settimeout(1.0)
                probe.connect(address)
                return True
        except OSError:
            continue
    return False


def _wayland_reachable(name: str) -> bool:
    if os.path.isabs(name):
        return os.path.exists(name)
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    return bool(runtime) and os.path.exists(os.path.join(runtime, name))


def display_problem() -> str | None:
    """Why no display can be opened, or None when one can (or when this cannot be known)."""
    if sys.platform in ("win32", "darwin"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if platform in HEADLESS_PLATFORMS:
        return None
    display = os.environ.get("DISPLAY", "").strip()
    wayland = os.environ.get("WAYLAND_DISPLAY", "").strip()
    x_ok = bool(display) and _x_server_reachable(display)
    wayland_ok = bool(wayland) and _wayland_reachable(wayland)
    if platform == "xcb":
        wayland_ok = False
    elif platform.startswith("wayland"):
        x_ok = False
    elif platform:  # a plugin this check does not know: let Qt decide
        return None
    if x_ok or wayland_ok:
        return None
    if not display and not wayland:
        return "no display is available (neither DISPLAY nor WAYLAND_DISPLAY is set)"
    tried = []
    if display:
        tried.append(f"DISPLAY={display}")
    if wayland:
        tried.append(f"WAYLAND_DISPLAY={wayland}")
    return f"no display could be opened ({' and '.join(tried)}: nothing answers there)"
