"""Articles, sources and a small quote analyser for the evidence tests, all written for them.
(Not named conftest: other test folders have helpers of their own.)"""

from __future__ import annotations

import re
from pathlib import Path

from reader.analysis.model import Analysis, Claim, Mention
from reader.document.model import Document

ARTICLE = (
    "Mayor keeps the harbour fee\n\n"
    "The mayor, Ines Okafor, told the council: “We will never raise the harbour fee this "
    "year.” She promised that “every job at the port … will be protected”.\n\n"
    "The treasurer was blunt. “The budget is tight,” he said, adding that “we have built the "
    "sea wall on time and under budget”.\n"
)

TRANSCRIPT = (
    "HARBOUR COUNCIL — MINUTES OF THE MEETING OF 4 MARCH\n\n"
    "THE MAYOR: Good evening. We will not raise the harbour fee this year, and every job at "
    "the port, every single one of them, will be protected.\n\n"
    "THE TREASURER: The budget is tight. Very tight. The sea wall is late and over budget.\n"
)

PRESS_RELEASE = (
    "Press release, 5 March\n\n"
    "Mayor Okafor: “The harbour fee stays where it is this year.” The treasurer said the "
    "budget is tight.\n"
)


def quote_analyser(document: Document) -> Analysis:
    """Every run of words between curly quotes is a quote claim, its id made from its words."""
    claims = []
    for match in re.finditer(r"“([^”]+)”", document.text):
        words = match.group(1)
        claim_id = "q-" + re.sub(r"\W+", "-", words.lower()).strip("-")[:80]
        claims.append(Claim(id=claim_id, kind="quote", start=match.start(1),
                            end=match.end(1), text=words,
                            speaker=Mention("Ines Okafor", 0, 1)))
    return Analysis(claims=tuple(claims))


def article_document(path: Path | None = None, text: str = ARTICLE) -> Document:
    return Document.from_plain_text(text, title="Mayor keeps the harbour fee",
                                    source_path=str(path) if path else None)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
