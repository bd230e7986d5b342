"""The review as CSV, one row per claim, safe to open in a spreadsheet: a cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run as a formula (CSV injection),
so such cells get a leading apostrophe, which spreadsheets show as text."""

from __future__ import annotations

import csv
import io

from reader.export.labels import source_line
from reader.store.model import Review

COLUMNS = ("id", "status", "dismissed", "orphaned", "kind", "origin", "speaker", "text", "start",
           "end", "note", "sources", "updated", "reviewer")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def render_csv(review: Review) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for claim in review.ordered_claims():
        reviewer = next((h.reviewer for h in reversed(claim.history) if h.event == "status"), "")
        row = (claim.id, claim.status, "yes" if claim.dismissed else "no",
               "yes" if claim.orphaned else "no", claim.kind, claim.origin, claim.speaker or "",
               claim.text, str(claim.anchor.start), str(claim.anchor.end), claim.note,
               " | ".join(source_line(s) for s in claim.sources), claim.updated, reviewer)
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()
