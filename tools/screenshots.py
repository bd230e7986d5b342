"""Renders the app's main states offscreen into docs/, for the README and for looking at.

Run: python tools/screenshots.py [OUT_DIR]
Writes screenshot.png (a review under way, light), screenshot-dark.png (the same, dark),
start-page.png (the stored reviews), in the default 1200x800 window, source-view.png (a
quote checked against the transcript it came from, beside the article) in a 1440x860 one, and
speaker-directory.png (the speaker directory after three more articles).

Everything is made in a throw-away home folder (articles in ~/Articles, the store and the
settings beside them), so no screenshot shows the developer's own paths, name or reviews.
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

SECOND_ARTICLE = """# Ferry fares rise for the first time in a decade

The island ferry company said on Monday that fares would rise by 9% in April, "the first rise
in ten years", and that 40 crossings a day would continue through the winter.

The islanders' association said the rise would cost a commuting family about €310 a year.
"""

# The press conference the sample article quotes, written for the screenshot: one quote word
# for word, others changed (a year, a word), one not in it at all.
TRANSCRIPT = """PORT ELLIS CITY HALL — PRESS CONFERENCE AFTER THE COUNCIL VOTE (TRANSCRIPT)

MAYOR INGRID SOLBERG: Thank you all for waiting. The council has voted, thirty-one to nine, and
the sea wall will be rebuilt.

We cannot ask people to bail out their kitchens every February and call that a policy. This wall
is the cheapest thing we will ever build, compared with what doing nothing will cost us.

QUESTION: When will the first part be ready?

MAYOR INGRID SOLBERG: The first section, by the ferry terminal, will be finished before the
winter of 2028. The rest follows in stages until 2031.

QUESTION: Councillor Quist says the fishing quarter is left out.

MAYOR INGRID SOLBERG: I have heard her. Dr Okafor has costed a second phase, and we will publish
the detailed plans within thirty days.
"""


# Three more made-up articles about the sample's town, for the speaker directory: the mayor
# named by surname alone, the engineer by an initial, two Kerrs, and an office that speaks;
# each dated in its front matter (the sample article is not, so its quotes show the review's).
DIRECTORY_ARTICLES = {
    "wall-contracts.md": """---
date: 2026-03-09
---

# Sea wall contracts go to two local firms

The first contracts for the Port Ellis sea wall went on Monday to two local builders, the city
said, for a combined €214 million.

"Every euro of this stays in the harbour towns for the next seven years," Mayor Solberg said at
the signing. She said work on the first section would start in April.

"The ferry terminal section will be finished before the winter of 2027, with no exceptions,"
said P. Okafor, the city's chief engineer.

Critics were not convinced. "The fishing quarter is still outside the wall," said Amara Quist,
a councillor who voted against the plan.
""",
    "insurers.md": """---
date: 2026-02-19
---

# Insurers warn of rising premiums on the north coast

Premiums for waterfront homes on the north coast rose by a fifth last year, the regional
insurers' association said on Thursday.

"We are pricing risk, not punishing anyone," said Tomas Kerr, who chairs the association. "But
the risk has doubled in four years."

Elin Kerr, who runs a tenants' group in Kestrel Bay, said families were already leaving.
"Forty households moved away last winter alone," she said.
""",
    "audit.md": """---
date: 2026-03-13
---

# Audit office to review sea wall costings

The national audit office said on Friday it would review the costings of the Port Ellis sea
wall after a request from Councillor Amara Quist.

Quist said she welcomed the review. "Nobody in the fishing quarter has seen the numbers behind
the plan," she said.

Mayor Ingrid Solberg said the city had "nothing to hide" and would share every document.
""",
}


def neutral_home(folder: Path) -> Path:
    """A home folder that shows nobody's name: HOME points there for the rest of the run."""
    home = folder / "home"
    (home / "Articles").mkdir(parents=True)
    os.environ["HOME"] = str(home)
    os.environ["USERPROFILE"] = str(home)
    for variable, sub in (("XDG_DATA_HOME", ".local/share"), ("XDG_CONFIG_HOME", ".config"),
                          ("XDG_CACHE_HOME", ".cache")):
        os.environ[variable] = str(home / sub)
    return home


def open_window(home: Path):
    """The app and a window in the default 1200x800 size on the throw-away home's store and
    settings, and ``open_and_wait(path)``: open an article and wait until it is highlighted
    and its seen-before lookup (a child process) has answered."""
    from PySide6.QtCore import QSettings

    from reader.ui.app import create_application
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import WindowSettings

    app = create_application()
    settings = WindowSettings(QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(home / ".local/share/claim-reader/store", settings)
    window.resize(1200, 800)
    window.show()

    def open_and_wait(path: Path) -> None:
        window.open_path(path)
        deadline = time.monotonic() + 30
        while ((window.session is None or not window.article_view.highlighted
                or window.seen_before.busy) and time.monotonic() < deadline):
            app.processEvents()
            time.sleep(0.01)

    return app, window, open_and_wait


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out = out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        home = neutral_home(Path(tmp))
        from reader.bundled import sample_article_text

        articles = home / "Articles"
        sample = articles / "port-ellis-sea-wall.md"
        sample.write_text(sample_article_text(), encoding="utf-8")
        ferry = articles / "ferry-fares.md"
        ferry.write_text(SECOND_ARTICLE, encoding="utf-8")
        app, window, open_and_wait = open_window(home)

        open_and_wait(ferry)
        window.step_claim(1)
        window.set_status("verified")
        open_and_wait(sample)
        for status in ("verified", "disputed", "unverifiable", None, "verified"):
            window.step_claim(1)
            if status:
                window.set_status(status)
        # The note and the source below are about the workforce figure: show them on it.
        workforce = next(c.id for c in window.session.claims() if "600 and 800" in c.text)
        window.select_claim(workforce)
        window.set_status("verified")
        window.detail.note.setPlainText(
            "Council minutes of 4 March confirm the 600-800 range; the 25-year loan term is "
            "in the finance office's budget note.")
        window.detail.flush_note()
        window.session.add_source(
            window.current_claim_id, title="Council budget 2026, annex B",
            publisher="Port Ellis city council", url="https://example.org/budget-2026",
            stance="supports")
        app.processEvents()
        shots = ["screenshot.png", "screenshot-dark.png", "start-page.png", "source-view.png"]
        window.grab().save(str(out / shots[0]))
        window.set_theme("dark")
        app.processEvents()
        window.grab().save(str(out / shots[1]))
        window.set_theme("light")
        window.show_start_page()
        app.processEvents()
        window.grab().save(str(out / shots[2]))

        transcript = articles / "press-conference-transcript.txt"
        transcript.write_text(TRANSCRIPT, encoding="utf-8")
        open_and_wait(sample)
        window.source_view.attach([transcript])
        deadline = time.monotonic() + 30
        while window.source_view.busy and time.monotonic() < deadline:
            app.processEvents()
        window.message_bar.dismiss()
        window.resize(1440, 860)  # three panes side by side: a wider window, as on a desk
        app.processEvents()
        total = sum(window.splitter.sizes())
        window.splitter.setSizes([total * 30 // 100, total * 36 // 100, total * 34 // 100])
        app.processEvents()
        first_section = next(c.id for c in window.session.claims()
                             if c.text.startswith("the first section"))
        window.select_claim(first_section)
        window.source_view.accept("contradicts")
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(out / shots[3]))
        shots.append(speaker_directory_shot(window, app, articles, out, open_and_wait))
        for name in shots:
            print(f"wrote {out / name}")
        window.close()
        shutil.rmtree(home, ignore_errors=True)
    return 0


def speaker_directory_shot(window, app, articles: Path, out: Path, open_and_wait) -> str:
    """The speaker directory after three more articles, Ingrid Solberg selected."""
    verdicts = {"wall-contracts.md": (None, "verified", "disputed"), "audit.md": ("verified",),
                "insurers.md": (None, "unverifiable")}
    for name, text in DIRECTORY_ARTICLES.items():
        path = articles / name
        path.write_text(text, encoding="utf-8")
        open_and_wait(path)
        for status in verdicts[name]:
            window.step_claim(1)
            if status:
                window.set_status(status)
    window.show_speaker_directory()
    dialog = window.speaker_directory
    deadline = time.monotonic() + 30
    while dialog.busy_with is not None and time.monotonic() < deadline:
        app.processEvents()
    dialog.filter.setText("solberg")
    app.processEvents()
    dialog.filter.clear()  # back to the whole list, Ingrid Solberg still selected
    app.processEvents()
    dialog.quotes.setFocus()
    disputed = next(row for row in range(dialog.quotes_model.rowCount())
                    if dialog.quotes_model.quote(row).status == "disputed")
    dialog.quotes.setCurrentIndex(dialog.quotes_model.index(disputed, 2))
    app.processEvents()
    name = "speaker-directory.png"
    dialog.grab().save(str(out / name))
    dialog.close()
    return name


if __name__ == "__main__":
    sys.exit(main())
