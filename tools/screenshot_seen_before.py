"""Renders the "Seen before" pane offscreen into docs/seen-before.png, for the README and for
looking at: a second outlet's article whose quote was reviewed in the first one's.

Run: python tools/screenshot_seen_before.py [OUT_DIR]
Made in a throw-away home folder, with tools/screenshots.py's neutral_home and open_window.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from screenshots import neutral_home, open_window  # noqa: E402

FIRST = """# Harbour council backs £4.2m sea wall

The council voted on Tuesday to build a sea wall costing £4.2 million, the mayor, Inés Okafor,
said after the meeting.

"We lost 300 homes to flooding in 2019, and we will not lose another street to the sea,"
Okafor said.

Opposition member Tomas Reyl said the wall would protect only 40% of the coast.
"""

SECOND = """# Sea wall vote splits Harbour

Mayor Inés Okafor defended the plan on Wednesday. "We lost 300 homes to flooding in 2019," she
told residents at the town hall.

The wall will cost £4.2m, the council said.

Tomas Reyl, who leads the opposition, said the wall would protect only 40 per cent of the
coast and "leaves the poorest streets exposed".

"We will not lose another street to the sea," said Jonas Field, who runs the harbour café.
"""


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out = out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        home = neutral_home(Path(tmp))
        articles = home / "Articles"
        first, second = articles / "harbour-post-sea-wall.md", articles / "coast-news-vote.md"
        first.write_text(FIRST, encoding="utf-8")
        second.write_text(SECOND, encoding="utf-8")
        app, window, open_and_wait = open_window(home)

        open_and_wait(first)
        session = window.session
        for claim in session.claims():
            if claim.kind == "quote":
                session.set_status(claim.id, "verified")
                session.set_note(claim.id, "The council's flood report (table 3) counts 312 "
                                           "homes flooded in 2019; “300” is fair.")
                session.add_source(claim.id, title="Flood damage report 2019",
                                   publisher="Harbour council",
                                   url="https://example.org/flood-report-2019",
                                   stance="supports")
            elif "£4.2" in claim.text:
                session.set_status(claim.id, "disputed")
                session.set_note(claim.id, "The budget line approved on Tuesday is £4.6 "
                                           "million; £4.2 million was last year's estimate.")
        open_and_wait(second)
        quote = next(c for c in window.session.claims() if c.kind == "quote")
        window.select_claim(quote.id)
        settle = time.monotonic() + 0.5  # the pane fits its list to the wrapped rows
        while time.monotonic() < settle:
            app.processEvents()
            time.sleep(0.02)
        window.grab().save(str(out / "seen-before.png"))
        print(f"wrote {out / 'seen-before.png'}")
        window.close()
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
