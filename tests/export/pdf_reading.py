"""Reading a PDF back the way a reader would see it, with pypdf (a test dependency): the text,
the size each piece of text is printed at, and the content-stream errors a PDF viewer reports.

Sizes are what lands on paper: the font size of ``Tf`` scaled by the text matrix and the current
transformation matrix, since Qt writes 300-unit fonts under a 0.06 scale and a wrong scale is the
bug these tests guard against (body text at 1 pt)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, NameObject, NumberObject

# Operators with a fixed number of operands (PDF 32000-1, tables 51-107): a viewer such as poppler
# reports "Syntax Error: Incorrect number of arguments" for any other count.
ARITY = {
    b"cm": 6, b"Tm": 6, b"Td": 2, b"TD": 2, b"Tf": 2, b"re": 4, b"m": 2, b"l": 2, b"c": 6,
    b"v": 4, b"y": 4, b"w": 1, b"J": 1, b"j": 1, b"M": 1, b"d": 2, b"gs": 1, b"cs": 1, b"CS": 1,
    b"g": 1, b"G": 1, b"rg": 3, b"RG": 3, b"k": 4, b"K": 4, b"Tj": 1, b"TJ": 1, b"Do": 1,
    b"Tc": 1, b"Tw": 1, b"Tz": 1, b"TL": 1, b"Tr": 1, b"Ts": 1, b"ri": 1, b"i": 1, b"sh": 1,
    b"q": 0, b"Q": 0, b"BT": 0, b"ET": 0, b"f": 0, b"F": 0, b"f*": 0, b"S": 0, b"s": 0, b"B": 0,
    b"B*": 0, b"b": 0, b"b*": 0, b"n": 0, b"h": 0, b"W": 0, b"W*": 0, b"T*": 0,
}
COLOUR_OPERATORS = {b"sc", b"SC", b"scn", b"SCN"}
DEVICE_COMPONENTS = {"/DeviceGray": 1, "/DeviceRGB": 3, "/DeviceCMYK": 4, "/CalGray": 1,
                     "/CalRGB": 3, "/Lab": 3}


def text_runs(path: Path) -> list[tuple[str, float]]:
    """Every piece of text shown, with the size in points it is printed at."""
    runs: list[tuple[str, float]] = []
    for page in PdfReader(path).pages:
        def visit(text, cm, tm, font, size):
            if not text.strip():
                return
            # The vertical scale of the text matrix times the transformation matrix.
            m10 = tm[2] * cm[0] + tm[3] * cm[2]
            m11 = tm[2] * cm[1] + tm[3] * cm[3]
            runs.append((" ".join(text.split()), round(size * (m10 * m10 + m11 * m11) ** 0.5, 2)))

        page.extract_text(visitor_text=visit)
    return runs


def plain_text(path: Path) -> str:
    """All the text, ligatures (ﬁ) unfolded and white space collapsed to single spaces."""
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _components(space, resources) -> int | None:
    """How many numbers set a colour in ``space`` (None: a pattern, or unknown)."""
    if isinstance(space, NameObject) and space in DEVICE_COMPONENTS:
        return DEVICE_COMPONENTS[space]
    named = resources.get("/ColorSpace", {}) if resources else {}
    if isinstance(space, NameObject) and space in named:
        space = named[space].get_object()
        if isinstance(space, NameObject):
            return DEVICE_COMPONENTS.get(space)
    if isinstance(space, ArrayObject) and space:
        family = space[0]
        if family == "/ICCBased":
            return int(space[1].get_object()["/N"])
        if family in ("/CalRGB", "/Lab"):
            return 3
        if family == "/CalGray":
            return 1
    return None


def content_errors(path: Path) -> list[str]:
    """The operators a viewer would reject for their number of operands, page by page."""
    reader = PdfReader(path)
    errors: list[str] = []
    for number, page in enumerate(reader.pages, 1):
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else None
        fill = stroke = NameObject("/DeviceGray")
        stack: list[tuple] = []
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"q":
                stack.append((fill, stroke))
            elif operator == b"Q" and stack:
                fill, stroke = stack.pop()
            if operator in ARITY and len(operands) != ARITY[operator]:
                errors.append(f"page {number}: {operator.decode()} with {len(operands)} "
                              f"operands, needs {ARITY[operator]}")
            elif operator == b"cs" and operands:
                fill = operands[0]
            elif operator == b"CS" and operands:
                stroke = operands[0]
            elif operator in COLOUR_OPERATORS:
                space = stroke if operator.isupper() else fill
                wanted = _components(space, resources)
                numbers = [o for o in operands if isinstance(o, NumberObject | float | int)]
                if not (len(numbers) == wanted == len(operands) if wanted else operands):
                    errors.append(f"page {number}: {operator.decode()} with {len(operands)} "
                                  f"operands in colour space {space}")
    return errors
