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


def icon_png(size: int) -> Traversable:
    return resource("icons").joinpath(f"claim-reader-{size}.png")
