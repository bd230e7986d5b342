"""Time from launching the frozen program to its window painted on an X server.

    xvfb-run -a python packaging/measure_startup.py dist/claim-reader/claim-reader [--runs 5]

Starts the program (xcb platform, a throw-away home and store) and polls the X server: the
window counts as painted once a capture of it (xwd) shows drawn content rather than a blank
background. Needs xwininfo (x11-utils) and xwd (x11-apps); packaging/ci.sh runs it when they
and xvfb-run are installed. Polling costs a few milliseconds, so figures are upper bounds.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import struct
import subprocess
import sys
import tempfile
import time

WINDOW_LINE = re.compile(r'^\s*(0x[0-9a-f]+) "([^"]*)".*?(\d+)x(\d+)[+-]', re.MULTILINE)
TITLE = "Claim Reader"


def top_window() -> str | None:
    """The id of a viewable window titled like the app's, at least 400 px wide."""
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True).stdout
    for window, name, width, _height in WINDOW_LINE.findall(tree):
        if TITLE in name and int(width) >= 400:
            info = subprocess.run(["xwininfo", "-id", window], capture_output=True,
                                  text=True).stdout
            if "IsViewable" in info:
                return window
    return None


def distinct_colours(window: str) -> int:
    """How many colours a sample of the window's pixels holds (a blank window has 1 or 2)."""
    dump = subprocess.run(["xwd", "-id", window, "-silent"], capture_output=True).stdout
    if len(dump) < 100:
        return 0
    fields = struct.unpack(">25I", dump[:100])
    header_size, width, height, bits_per_pixel, line_bytes, colours = (
        fields[0], fields[4], fields[5], fields[11], fields[12], fields[19])
    pixels = dump[header_size + 12 * colours:]
    step = max(bits_per_pixel // 8, 1)
    seen = set()
    for row in range(0, height, 7):
        line = pixels[row * line_bytes:(row + 1) * line_bytes]
        for x in range(0, width * step, 11 * step):
            seen.add(line[x:x + step])
    return len(seen)


def measure_once(program: str) -> tuple[float, float]:
    """(seconds to the window being mapped, seconds to it showing painted content)."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HOME": home,
               "XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data",
               "XDG_CACHE_HOME": f"{home}/cache", "CLAIM_READER_STORE": f"{home}/store"}
        started = time.monotonic()
        app = subprocess.Popen([program], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        try:
            mapped = painted = None
            window = None
            while time.monotonic() - started < 30:
                if app.poll() is not None:
                    raise RuntimeError(f"{program} exited with {app.returncode} before painting")
                if window is None:
                    window = top_window()
                    if window is not None:
                        mapped = time.monotonic() - started
                elif distinct_colours(window) > 8:
                    painted = time.monotonic() - started
                    break
                time.sleep(0.005)
            if mapped is None or painted is None:
                raise RuntimeError(f"no painted window from {program} within 30 s")
            return mapped, painted
        finally:
            app.terminate()
            app.wait(timeout=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("program", help="the frozen claim-reader executable")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        print("measure_startup.py: no X server; run it under xvfb-run -a", file=sys.stderr)
        return 2
    try:
        runs = [measure_once(options.program) for _ in range(options.runs)]
    except (RuntimeError, FileNotFoundError) as error:
        print(f"measure_startup.py: {error}", file=sys.stderr)
        return 1
    mapped = [m * 1000 for m, _ in runs]
    painted = [p * 1000 for _, p in runs]
    print(f"launch to window mapped: median {statistics.median(mapped):.0f} ms, "
          f"best {min(mapped):.0f} ms; to window painted: median "
          f"{statistics.median(painted):.0f} ms, best {min(painted):.0f} ms "
          f"({options.runs} runs, X server {os.environ['DISPLAY']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
