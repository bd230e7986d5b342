"""Bytes to text: which encoding a file is in, and one newline convention for every file.

A .txt file's offsets must stay valid against the file's own text, so decoding changes nothing
but the newlines (CRLF and lone CR become LF) and drops a byte-order mark.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from reader.document.errors import DocumentError

# Checked longest first: a UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

# The legacy encodings a news article plausibly arrives in. Restricting the detector to these
# keeps it from answering mac_latin2 or a CJK code page for a short French paragraph.
LEGACY_ENCODINGS: tuple[str, ...] = (
    "cp1252",
    "iso8859_15",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1257",
    "koi8_r",
    "koi8_u",
)

_META_CHARSET = re.compile(
    rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE
)
_NEWLINES = re.compile(r"\r\n?")
# Control characters that ordinary text files do not hold (tab, newlines, form feed and
# escape are left out).
_DATA_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# More than this share of other control characters and the file is data, not an article.
_MAX_CONTROL_SHARE = 0.01


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes, so offsets stay one-to-one per line."""
    if "\r" not in text:
        return text
    return _NEWLINES.sub("\n", text)


def replace_lone_surrogates(text: str) -> str:
    """Lone surrogates (possible in pasted or generated str) cannot be written as UTF-8.

    Each is replaced by U+FFFD, one code point for one, so offsets do not move.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return re.sub("[\ud800-\udfff]", "\ufffd", text)
    return text


def bom_encoding(data: bytes) -> tuple[str, int, str] | None:
    """(codec, BOM length, display name) when the data starts with a byte-order mark."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return codec, len(bom), name
    return None


def decode_bytes(data: bytes, path: Path | str | None, *, declared: str | None = None) -> str:
    """The file's text: a BOM decides, else UTF-8, else a declared charset, else a detector.

    ``declared`` is an encoding named inside the file (an HTML meta charset); it is tried after
    UTF-8 because many saved pages declare one encoding and are written in another.
    Raises DocumentError for binary data and for bytes no plausible encoding reads.
    """
    name = _display(path)
    bom = bom_encoding(data)
    if bom is not None:
        codec, skip, display = bom
        try:
            text = data[skip:].decode(codec)
        except UnicodeDecodeError as error:
            raise DocumentError(
                path,
                f"Cannot open {name}: it starts with a {display} byte-order mark but is damaged "
                f"at byte {error.start + skip}. Open it in a text editor and save it again as "
                "UTF-8.",
            ) from None
        return _checked_text(text, path)

    if b"\x00" in data:
        codec = _bomless_utf16(data)
        if codec is None:
            raise _binary_error(path)
        try:
            return _checked_text(data.decode(codec), path)
        except UnicodeDecodeError:
            raise _binary_error(path) from None
    try:
        return _checked_text(data.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass
    if declared:
        text = _decode_declared(data, declared)
        if text is not None:
            return _checked_text(text, path)
    return _checked_text(_decode_legacy(data, path), path)


def _bomless_utf16(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the NUL bytes fall as in mostly-Latin UTF-16 text.

    Some tools write UTF-16 without a byte-order mark; in Latin-script text every other byte
    is then NUL, always on the same side, which binary data almost never is.
    """
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd_zeros >= pairs * 0.5 and even_zeros == 0:
        return "utf-16-le"
    if even_zeros >= pairs * 0.5 and odd_zeros == 0:
        return "utf-16-be"
    return None


def _decode_declared(data: bytes, declared: str) -> str | None:
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        return None
    if codec in {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}:
        return None  # without a BOM and with no NUL byte, the declaration is wrong
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode_legacy(data: bytes, path: Path | str | None) -> str:
    """The single-byte encoding that reads the data most plausibly.

    charset-normalizer scores each candidate; on ties (common for short Latin text, where
    cp1250, cp1252 and cp1257 read the same letters) the order of LEGACY_ENCODINGS decides.
    """
    import charset_normalizer  # only for files that are not UTF-8 (7 ms to import)

    results = list(charset_normalizer.from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)))
    if results:
        best_chaos = min(result.chaos for result in results)
        tied = [result for result in results if result.chaos <= best_chaos + 1e-9]
        best_coherence = max(result.coherence for result in tied)
        tied = [result for result in tied if result.coherence >= best_coherence - 1e-9]
        tied.sort(key=lambda result: _preference(result.encoding))
        try:
            return data.decode(tied[0].encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    raise DocumentError(
        path,
        f"Cannot open {_display(path)}: its characters are in an encoding Claim Reader does "
        "not recognise. Open it in a text editor and save it as UTF-8.",
    )


def _preference(encoding: str) -> int:
    try:
        return LEGACY_ENCODINGS.index(codecs.lookup(encoding).name.replace("-", "_"))
    except (LookupError, ValueError):
        return len(LEGACY_ENCODINGS)


def _checked_text(text: str, path: Path | str | None) -> str:
    if looks_binary(text):
        raise _binary_error(path)
    return text


def looks_binary(text: str) -> bool:
    """True when the text holds NULs or more than a trace of other control characters."""
    if "\x00" in text:
        return True
    sample = text[:65536]
    controls = len(_DATA_CONTROLS.findall(sample))
    return controls > max(2, len(sample) * _MAX_CONTROL_SHARE)


def _binary_error(path: Path | str | None) -> DocumentError:
    return DocumentError(
        path,
        f"Cannot open {_display(path)}: it looks like a binary file, not an article. Choose a "
        ".txt, .md or .html file; if this file is text, save it as UTF-8 first.",
    )


def declared_html_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its start, if any."""
    match = _META_CHARSET.search(data[:8192])
    return match.group(1).decode("ascii") if match else None


def _display(path: Path | str | None) -> str:
    return str(path) if path is not None else "the text"
