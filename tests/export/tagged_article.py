"""An original article, tagged through the command line as a user would, for the PDF tests."""

from __future__ import annotations

import json
from pathlib import Path

from reader.cli import main

ARTICLE = (
    "Harbour pilots ask for a second tug\n\n"
    "The association of harbour pilots said on Friday that \"every third night shift runs "
    "without a standby tug\" and asked the port board for a second vessel by next winter.\n\n"
    "Its chairwoman, Ingrid Haavik, said the board had cut the towage budget by 14% in 2024 "
    "and that waiting times for large ships had doubled since then.\n\n"
    "The port board said the budget was unchanged and that it would answer the pilots "
    "within six weeks.\n"
)
NOTE = "The board's 2024 ledger shows the towage line unchanged."


def tag_article(folder: Path) -> tuple[Path, Path]:
    """The article written to ``folder``, its first claims tagged in a store there."""
    article = folder / "pilots.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    store = folder / "store"
    listed = _status(article, store)
    first, second = listed["claims"][0]["id"], listed["claims"][1]["id"]
    assert main(["tag", str(article), first, "verified", "--store", str(store),
                 "--source", "https://port.example/board/minutes-2024"]) == 0
    assert main(["tag", str(article), second, "disputed", "--note", NOTE,
                 "--store", str(store)]) == 0
    return article, store


def _status(article: Path, store: Path) -> dict:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["status", str(article), "--json", "--store", str(store)]) == 0
    return json.loads(out.getvalue())
