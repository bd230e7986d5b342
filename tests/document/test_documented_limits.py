"""docs/documents.md states the loaders' bounds: they must be the ones the code enforces."""

from __future__ import annotations

from pathlib import Path

from reader.document import docx, loading, pdf

DOC = (Path(__file__).resolve().parents[2] / "docs" / "documents.md").read_text(encoding="utf-8")


def test_the_documented_bounds_are_the_code_s() -> None:
    assert f"{loading.MAX_FILE_BYTES // 2**20} MB (`loading.MAX_FILE_BYTES`)" in DOC
    assert f"{pdf.MAX_PAGES} (`pdf.MAX_PAGES`)" in DOC
    assert f"{docx.MAX_UNPACKED_BYTES // 2**20} MB unpacked (`docx.MAX_UNPACKED_BYTES`)" in DOC
    assert f"{docx.MAX_PARTS} parts" in DOC and f"more than {docx.MAX_RATIO} times" in DOC
