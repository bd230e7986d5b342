"""Windows .ico and macOS .icns files assembled from the bundled PNG icons.

Both containers may hold PNG data as it is, so no image library is needed at build time and
the icons stay those drawn in resources/icons/.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Sizes a Windows .ico carries (256 is the largest the format describes).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

# icns element types that hold PNG data, by pixel size (the @2x types reuse the larger PNGs).
ICNS_TYPES = (
    (b"ic11", 32), (b"ic12", 64), (b"ic07", 128), (b"ic13", 256),
    (b"ic08", 256), (b"ic14", 512), (b"ic09", 512),
)


def png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def build_ico(pngs: Mapping[int, bytes]) -> bytes:
    """An .ico holding the PNGs of ICO_SIZES found in ``pngs`` (size -> PNG bytes)."""
    images = [(size, pngs[size]) for size in ICO_SIZES if size in pngs]
    if not images:
        raise ValueError("no icon sizes for the .ico")
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = [], []
    for size, data in images:
        if png_size(data) != (size, size):
            raise ValueError(f"the {size} px icon is {png_size(data)}")
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset))
        blobs.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(blobs)


def build_icns(pngs: Mapping[int, bytes]) -> bytes:
    """An .icns holding every ICNS_TYPES size found in ``pngs``."""
    elements = []
    for kind, size in ICNS_TYPES:
        if size in pngs:
            if png_size(pngs[size]) != (size, size):
                raise ValueError(f"the {size} px icon is {png_size(pngs[size])}")
            elements.append(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size])
    if not elements:
        raise ValueError("no icon sizes for the .icns")
    body = b"".join(elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body
