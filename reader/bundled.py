"""Files shipped inside the package (icons, the sample article, schemas).

Read through importlib.resources so they are found the same way from a checkout, an installed
wheel and a PyInstaller bundle; never through paths relative to the source tree.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

SAMPLE_ARTICLE = "sample-article.md"
ICON_SVG = "claim-reader.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def resource(name: str) -> Traversable:
    return resources.files("reader.resources").joinpath(name)


def sample_article_text() -> str:
    return resource(SAMPLE_ARTICLE).read_text(encoding="utf-8")


def sample_article_path() -> str | None:
    """Where the sample lies on disk, when it does (a wheel or a bundle: yes; a zip: no), so the
    list of reviews can show it as a file rather than as pasted text."""
    from pathlib import Path

    sample = resource(SAMPLE_ARTICLE)
    return str(sample) if isinstance(sample, Path) and sample.is_file() else None


def icon_png(size: int) -> Traversable:
    return resource("icons").joinpath(f"claim-reader-{size}.png")
