"""The review as CSV, one row per claim, safe to open in a spreadsheet: a cell that starts with
``=``, ``+``, ``-`` or ``@`` would be run as a formula (CSV injection), and spreadsheets that trim
leading spaces on import do the same with `` =1+1`` or a tab, newline or no-break space before
the sign, so such cells get a leading apostrophe, which spreadsheets show as text. Offsets are
written as plain numbers: they are never negative, so they never need it."""

from __future__ import annotations

import csv
import io

from reader.evidence.descriptions import compact_evidence
from reader.export.labels import source_line
from reader.store.model import Review

COLUMNS = ("id", "status", "dismissed", "orphaned", "kind", "origin", "speaker", "text", "start",
           "end", "note", "sources", "updated", "reviewer", "needs_recheck", "judged_words",
           "conflicts", "evidence")
"""``evidence``, last so that sheets built on the earlier columns keep working: a quote's
passage in each source document, "near 89% in minutes.txt (changed “not” to “never”) | exact
in release.md"."""
_FORMULA_SIGNS = ("=", "+", "-", "@")
_CONTROL_STARTS = ("\t", "\r", "\n")


def neutralise(cell: str) -> str:
    if cell.startswith(_CONTROL_STARTS) or cell.lstrip().startswith(_FORMULA_SIGNS):
        return "'" + cell
    return cell


def render_csv(review: Review) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for claim in review.ordered_claims():
        decided = claim.decided_by("status") if claim.history else None
        reviewer = decided.reviewer if decided is not None else ""
        recheck = claim.recheck() if claim.history else None
        conflicts = claim.open_conflicts() if claim.history else ()
        row = (claim.id, claim.status, "yes" if claim.dismissed else "no",
               "yes" if claim.orphaned else "no", claim.kind, claim.origin, claim.speaker or "",
               claim.text, str(claim.anchor.start), str(claim.anchor.end), claim.note,
               " | ".join(source_line(s) for s in claim.sources), claim.updated, reviewer,
               "yes" if recheck is not None else "no", recheck.old if recheck else "",
               " | ".join(f"{c.field}: {c.value} ({c.reviewer or 'someone'})"
                          for c in conflicts), compact_evidence(review, claim, " | "))
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()
