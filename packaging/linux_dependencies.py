"""The distribution libraries the Linux bundle runs on, as the .deb's Depends and Recommends.

The bundle carries Python, Qt and the Python packages; the desktop libraries underneath them
(X11/xcb, Wayland, OpenGL/EGL, fontconfig, freetype, glib, D-Bus, CUPS) come from the system,
which keeps them consistent with the user's desktop and keeps the bundle small.

``SYSTEM_LIBRARIES`` maps every library a bundled binary links against directly to the Debian
package that provides it. After each build, ``unresolved_needs`` lists any library that is
neither in the bundle nor in this table, and the build fails on it, so the table cannot fall
behind a PySide6 upgrade. Packages renamed in the 64-bit time_t transition (Debian 13,
Ubuntu 24.04) are given with their old name as an alternative.
"""

from __future__ import annotations

import platform
import re
import struct
from collections.abc import Iterable, Iterator
from pathlib import Path

# Libraries Qt's platform plugins need: what "the Qt xcb runtime" means in practice.
QT_XCB_RUNTIME = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
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
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}

SYSTEM_LIBRARIES: dict[str, str] = {
    **QT_XCB_RUNTIME,
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libcups.so.2": "libcups2t64 | libcups2",
    "libzstd.so.1": "libzstd1",
    "libz.so.1": "zlib1g",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    # Python's standard library modules
    "libssl.so.3": "libssl3t64 | libssl3",
    "libcrypto.so.3": "libssl3t64 | libssl3",
    "libffi.so.8": "libffi8",
    "libbz2.so.1.0": "libbz2-1.0",
    "liblzma.so.5": "liblzma5",
    "libuuid.so.1": "libuuid1",
    "libexpat.so.1": "libexpat1",
    "libxml2.so.2": "libxml2",
    "libxslt.so.1": "libxslt1.1",
    "libexslt.so.0": "libxslt1.1",
    "libsqlite3.so.0": "libsqlite3-0",  # sqlite3: the claim memory's index (with FTS5)
}

# The C library itself; the version floor is the build machine's (see libc_dependency).
LIBC_LIBRARIES = frozenset({
    "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libresolv.so.2",
    "libutil.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
})

# Only Qt's GTK theme plugin needs these; without GTK, Qt skips the plugin and uses its own
# style, so GTK is recommended rather than required.
RECOMMENDED_LIBRARIES: dict[str, str] = {
    name: "libgtk-3-0t64 | libgtk-3-0"
    for name in (
        "libgtk-3.so.0", "libgdk-3.so.0", "libatk-1.0.so.0", "libcairo.so.2",
        "libcairo-gobject.so.2", "libgdk_pixbuf-2.0.so.0", "libpango-1.0.so.0",
        "libpangocairo-1.0.so.0", "libharfbuzz.so.0",
    )
}


def libc_dependency() -> str:
    """``libc6 (>= X)`` where X is the build machine's glibc: binaries linked here may use any
    symbol version it has, so an older one is not promised to work."""
    name, version = platform.libc_ver()
    return f"libc6 (>= {version})" if name == "glibc" and version else "libc6"


def depends_field(needed: Iterable[str] | None = None) -> str:
    """Depends for a bundle whose binaries link against ``needed`` (all known libraries when
    None). Qt's xcb runtime is always included: X11 is the platform every desktop offers."""
    names = set(SYSTEM_LIBRARIES) if needed is None else set(needed) & set(SYSTEM_LIBRARIES)
    names |= set(QT_XCB_RUNTIME)
    packages = sorted({SYSTEM_LIBRARIES[name] for name in names},
                      key=lambda p: p.split(" | ")[-1])
    return ", ".join([libc_dependency(), *packages])


def recommends_field(needed: Iterable[str] | None = None) -> str:
    names = set(RECOMMENDED_LIBRARIES) if needed is None else set(needed)
    return ", ".join(sorted({RECOMMENDED_LIBRARIES[n] for n in names
                             if n in RECOMMENDED_LIBRARIES}))


def elf_needed(path: Path) -> list[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF file (x86-64, arm64), read directly
    so that the check needs no binutils. Returns [] for anything else."""
    with path.open("rb") as f:
        header = f.read(64)
        if len(header) < 64 or header[:4] != b"\x7fELF" or header[4] != 2 or header[5] != 1:
            return []
        shoff = struct.unpack_from("<Q", header, 0x28)[0]
        shentsize, shnum = struct.unpack_from("<HH", header, 0x3A)
        f.seek(shoff)
        table = f.read(shentsize * shnum)
        # (type, offset, size, link, entsize) of each section
        sections = [struct.unpack_from("<4xI16xQQI12xQ", table, i * shentsize)
                    for i in range(shnum)]
        needed = []
        for kind, offset, size, link, entsize in sections:
            if kind != 6:  # SHT_DYNAMIC
                continue
            _, strtab_offset, strtab_size, _, _ = sections[link]
            f.seek(strtab_offset)
            strtab = f.read(strtab_size)
            f.seek(offset)
            dynamic = f.read(size)
            for pos in range(0, size - 15, entsize or 16):
                tag, value = struct.unpack_from("<qQ", dynamic, pos)
                if tag == 0:  # DT_NULL
                    break
                if tag == 1:  # DT_NEEDED
                    needed.append(strtab[value:strtab.index(b"\0", value)].decode())
        return needed


def bundle_elf_files(bundle: Path) -> Iterator[Path]:
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    yield path


def system_needs(bundle: Path) -> dict[str, list[str]]:
    """Libraries that bundled binaries link against but the bundle does not carry:
    library name -> the bundled files that need it."""
    present = {p.name for p in bundle.rglob("*")}
    needs: dict[str, list[str]] = {}
    for path in bundle_elf_files(bundle):
        for name in elf_needed(path):
            if name not in present:
                needs.setdefault(name, []).append(str(path.relative_to(bundle)))
    return needs


def unresolved_needs(bundle: Path) -> dict[str, list[str]]:
    """The system needs of the bundle that the tables above do not know."""
    known = set(SYSTEM_LIBRARIES) | LIBC_LIBRARIES | set(RECOMMENDED_LIBRARIES)
    return {name: users for name, users in system_needs(bundle).items() if name not in known}


def render_control(template: str, *, version: str, architecture: str, installed_kib: int,
                   needed: Iterable[str] | None = None) -> str:
    """Fill packaging/linux/control.in for a bundle whose binaries need ``needed``."""
    values = {
        "@VERSION@": version,
        "@ARCHITECTURE@": architecture,
        "@INSTALLED_SIZE@": str(installed_kib),
        "@DEPENDS@": depends_field(needed),
        "@RECOMMENDS@": recommends_field(needed),
    }
    text = template
    for key, value in values.items():
        text = text.replace(key, value)
    # a field left empty (no Recommends) is dropped: dpkg rejects empty fields
    text = "".join(line for line in text.splitlines(keepends=True)
                   if not re.fullmatch(r"[A-Za-z-]+:\s*", line))
    left = re.findall(r"@[A-Z_]+@", text)
    if left:
        raise ValueError(f"control.in has placeholders that were not filled: {left}")
    return text


def packages(fields: Iterable[str]) -> set[str]:
    """Package names in Depends-style fields, alternatives and version limits stripped."""
    names = set()
    for field in fields:
        for item in field.split(","):
            for alternative in item.split("|"):
                if alternative.strip():
                    names.add(alternative.split("(")[0].strip())
    return names
