"""The review session the window drives: navigation, filters, edits, undo, save failures."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from reader.analysis.model import Analysis, Claim, Figure, Mention, Quote
from reader.document.model import Document
from reader.session import ClaimFilter, ReviewSession
from reader.store import ReviewStore
from reader.store.errors import StoreWriteError

TEXT = (
    "Harbour report\n\n"
    "“The wall will cost €1.2 billion,” Mayor Ana Reyes said. "
    "Critics called it a ‘vanity project’.\n\n"
    "The council voted 31 to 9. About 4,000 homes flooded since 2022.\n\n"
    "Reyes said the work would start in spring 🌊 café.\n"
)


def span(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


def make_analysis() -> Analysis:
    q_start, q_end = span("The wall will cost €1.2 billion,")
    f_start, f_end = span("€1.2 billion")
    mention = Mention("Ana Reyes", *span("Ana Reyes"))
    quote = Quote(q_start, q_end, TEXT[q_start:q_end], "full", mention, "said")
    figures = (
        Figure(f_start, f_end, "€1.2 billion", "money", 1.2e9, "EUR"),
        Figure(*span("4,000"), "4,000", "count", 4000, "homes", True),
        Figure(*span("2022"), "2022", "year", 2022),
    )
    claims = (
        Claim("c-quote", "quote", q_start, q_end, TEXT[q_start:q_end], mention, "said", (0,), (0,)),
        Claim("c-vote", "figure", *span("The council voted 31 to 9."),
              "The council voted 31 to 9."),
        Claim("c-homes", "figure", *span("About 4,000 homes flooded since 2022."),
              "About 4,000 homes flooded since 2022.", figures=(1, 2)),
        Claim("c-start", "attribution",
              *span("Reyes said the work would start in spring 🌊 café."),
              "Reyes said the work would start in spring 🌊 café.", mention, "said"),
    )
    return Analysis(quotes=(quote,), figures=figures, claims=claims)


@pytest.fixture
def session(tmp_path: Path) -> ReviewSession:
    store = ReviewStore(tmp_path / "store", reviewer="tester")
    document = Document.from_plain_text(TEXT, title="Harbour report",
                                        source_path=str(tmp_path / "harbour.txt"))
    analysis = make_analysis()
    handle = store.open_review(document, analysis=analysis)
    return ReviewSession(document, analysis, handle)


def reopen(session: ReviewSession) -> ReviewSession:
    store = ReviewStore(session.handle.path.parents[1], reviewer="tester")
    handle = store.open_review(session.document, analysis=session.analysis)
    return ReviewSession(session.document, session.analysis, handle)


def test_claims_come_in_reading_order(session: ReviewSession) -> None:
    assert [c.id for c in session.claims()] == ["c-quote", "c-vote", "c-homes", "c-start"]
    assert session.progress().total == 4


def test_figures_and_quotes_inside_a_claim(session: ReviewSession) -> None:
    homes = session.claim("c-homes")
    assert [f.text for f in session.figures_in(homes)] == ["4,000", "2022"]
    assert [q.kind for q in session.quotes_in(session.claim("c-quote"))] == ["full"]
    assert session.figures_in(session.claim("c-vote")) == []


def test_claim_at_an_offset(session: ReviewSession) -> None:
    assert session.claim_at(TEXT.index("4,000")).id == "c-homes"
    assert session.claim_at(TEXT.index("café")).id == "c-start"
    assert session.claim_at(0) is None  # the heading is no claim


def test_step_and_next_unreviewed(session: ReviewSession) -> None:
    everything = ClaimFilter()
    assert session.step(None, 1, everything) == "c-quote"
    assert session.step(None, -1, everything) == "c-start"
    assert session.step("c-quote", 1, everything) == "c-vote"
    assert session.step("c-start", 1, everything) is None  # no wrapping at the end
    session.set_status("c-vote", "verified")
    assert session.next_unreviewed("c-quote") == "c-homes"
    assert session.next_unreviewed("c-start") == "c-quote"  # wraps round once
    only_figures = ClaimFilter(kinds=frozenset({"figure"}))
    assert session.step("c-quote", 1, only_figures) == "c-vote"  # from a hidden claim
    assert session.step("c-homes", -1, only_figures) == "c-vote"


def test_filters(session: ReviewSession) -> None:
    session.set_status("c-homes", "disputed")
    ids = lambda f: [c.id for c in session.visible(f)]  # noqa: E731
    assert ids(ClaimFilter(statuses=frozenset({"disputed"}))) == ["c-homes"]
    assert ids(ClaimFilter(text="REYES")) == ["c-quote", "c-start"]
    assert ids(ClaimFilter(text="homes 2022")) == ["c-homes"]
    session.set_note("c-vote", "Minutes of the meeting confirm it")
    assert ids(ClaimFilter(text="minutes")) == ["c-vote"]
    session.dismiss("c-vote")
    assert "c-vote" not in ids(ClaimFilter())
    assert "c-vote" in ids(ClaimFilter(show_dismissed=True))


def test_every_change_is_on_disk_at_once(session: ReviewSession) -> None:
    session.set_status("c-quote", "verified")
    session.set_note("c-quote", "Checked against the council video.")
    session.add_source("c-quote", url="https://example.org/video", title="Council video")
    again = reopen(session)
    claim = again.claim("c-quote")
    assert claim.status == "verified"
    assert claim.note == "Checked against the council video."
    assert [s.url for s in claim.sources] == ["https://example.org/video"]


def test_undo_and_redo_status_note_and_sources(session: ReviewSession) -> None:
    session.set_status("c-vote", "disputed")
    for partial in ("Min", "Minutes", "Minutes say 30 to 10"):
        session.set_note("c-vote", partial)
    session.end_note_edit()
    session.add_source("c-vote", citation="Council minutes, 3 March")
    source = session.claim("c-vote").sources[0]
    session.remove_source("c-vote", source.id)

    assert session.undo() == "c-vote"
    assert session.claim("c-vote").sources == (source,)
    session.undo()
    assert session.claim("c-vote").sources == ()
    session.undo()  # the whole note typed is one step
    assert session.claim("c-vote").note == ""
    session.undo()
    assert session.claim("c-vote").status == "unreviewed"
    assert session.undo() is None

    session.redo()
    session.redo()
    assert session.claim("c-vote").status == "disputed"
    assert session.claim("c-vote").note == "Minutes say 30 to 10"
    assert reopen(session).claim("c-vote").note == "Minutes say 30 to 10"  # saved too


def test_a_new_edit_after_undo_drops_the_redo(session: ReviewSession) -> None:
    session.set_status("c-vote", "verified")
    session.undo()
    session.set_status("c-vote", "unverifiable")
    assert session.redo() is None
    assert session.claim("c-vote").status == "unverifiable"


def test_dismiss_and_restore_are_undoable(session: ReviewSession) -> None:
    session.dismiss("c-start")
    assert session.claim("c-start").dismissed
    session.undo()
    assert not session.claim("c-start").dismissed
    session.restore("c-start")  # already restored: nothing to record
    assert session.undo() is None


def test_manual_claim_trims_spaces_and_is_saved(session: ReviewSession) -> None:
    start = TEXT.index("Critics") - 1
    end = TEXT.index("project’.") + len("project’.") + 1
    claim = session.add_manual_claim(start, end)
    assert claim.text == "Critics called it a ‘vanity project’."
    assert claim.origin == "manual"
    assert reopen(session).claim(claim.id).text == claim.text


def test_listeners_hear_every_change(session: ReviewSession) -> None:
    heard: list[str | None] = []
    session.subscribe(heard.append)
    session.set_status("c-quote", "verified")
    session.set_status("c-quote", "verified")  # no change, no event
    session.undo()
    assert heard == ["c-quote", "c-quote"]


def test_a_failed_save_keeps_the_change_and_retry_saves_it(
    session: ReviewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.store.store as store_module

    real = store_module.write_atomic

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "write_atomic", disk_full)
    with pytest.raises(StoreWriteError) as raised:
        session.set_status("c-homes", "verified")
    assert "disk is full" in str(raised.value)
    assert session.claim("c-homes").status == "verified"  # kept in memory
    assert reopen(session).claim("c-homes").status == "unreviewed"  # the old file is intact
    monkeypatch.setattr(store_module, "write_atomic", real)
    session.retry_save()
    assert reopen(session).claim("c-homes").status == "verified"
    session.undo()  # the failed edit is still undoable
    assert session.claim("c-homes").status == "unreviewed"
