"""Source documents and evidence in the review file: saved and read back whole, absent from
files that have none (which stay byte for byte as they were), merged for two writers, kept
through imports, sync copies and damaged-file recovery; and a passage accepted as a source."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from evidence_builders import (
    PRESS_RELEASE,
    TRANSCRIPT,
    article_document,
    quote_analyser,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document.model import Document
from reader.evidence.evidence import (
    acceptance,
    accepted_source,
    evidence_of,
    locate,
    match_claims,
    quote_claims,
)
from reader.evidence.sources import prepare_source
from reader.store import ReviewStore
from reader.store.merge import merge_claim, united_evidence, united_source_documents
from reader.store.model import Anchor, Evidence, EvidenceChange, ReviewClaim, SourceDocument


class Clock:
    def __init__(self) -> None:
        self.ticks = 0

    def __call__(self) -> str:
        self.ticks += 1
        seconds, millis = divmod(self.ticks, 1000)
        return f"2026-03-05T10:{seconds // 60:02d}:{seconds % 60:02d}.{millis:03d}000Z"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> ReviewStore:
    return ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)


@pytest.fixture
def article(tmp_path: Path) -> Document:
    path = tmp_path / "article.txt"
    document = article_document(path)
    path.write_text(document.text, encoding="utf-8")
    return document


def source(text: str, name: str, added: str = "2026-03-05T09:00:00.000000Z"):
    document = Document.from_plain_text(text, title=name, source_path=f"/sources/{name}")
    return prepare_source(document, None, added)


def open_matched(store: ReviewStore, article: Document, *sources, now: str):
    handle = store.open_review(article, analyser=quote_analyser)
    claims = quote_claims(handle.review.claims.values())
    evidence = match_claims(claims, [(s.document, s.index) for s in sources], now)
    handle.record_evidence(tuple(s.document for s in sources), evidence)
    return handle


def test_evidence_and_source_documents_are_saved_and_read_back(store, article) -> None:
    transcript = source(TRANSCRIPT, "minutes.txt")
    handle = open_matched(store, article, transcript, now="2026-03-05T11:00:00.000000Z")
    data = json.loads(handle.path.read_text(encoding="utf-8"))
    (key,) = data["source_documents"]
    stored = data["source_documents"][key]
    assert key == transcript.document.id == "s-" + transcript.document.sha256[:16]
    assert stored["text"] == TRANSCRIPT and stored["sha256"] == transcript.document.sha256
    near = data["claims"]["q-we-will-never-raise-the-harbour-fee-this-year"]["evidence"][0]
    assert near["result"] == "near" and near["source"] == key
    assert near["anchor"]["exact"] == "We will not raise the harbour fee this year"
    assert TRANSCRIPT[near["anchor"]["start"] : near["anchor"]["end"]] == near["anchor"]["exact"]
    assert near["changes"] == [{"op": "replace", "article": "never", "source": "not",
                                "start": TRANSCRIPT.index("not raise"),
                                "end": TRANSCRIPT.index("not raise") + 3}]
    cut = data["claims"]["q-every-job-at-the-port-will-be-protected"]["evidence"][0]
    assert cut["result"] == "exact" and len(cut["skipped"]) == 1
    missing = data["claims"]["q-we-have-built-the-sea-wall-on-time-and-under-budget"]
    assert missing["evidence"][0]["result"] == "not_found"
    assert "anchor" not in missing["evidence"][0]
    again = store.load(handle.review.review_id).review
    assert again == handle.review
    assert again.source_documents[key].text == TRANSCRIPT


def test_a_review_without_evidence_is_saved_byte_for_byte_as_before(store, article) -> None:
    handle = store.open_review(article, analyser=quote_analyser)
    handle.set_status(next(iter(handle.review.claims)), "verified")
    before = handle.path.read_bytes()
    data = json.loads(before)
    assert "source_documents" not in data
    assert all("evidence" not in claim for claim in data["claims"].values())
    reread = store.load(handle.review.review_id)
    reread.dirty = True
    reread.save()
    assert handle.path.read_bytes() == before


def test_matching_again_with_the_same_result_writes_nothing(store, article) -> None:
    transcript = source(TRANSCRIPT, "minutes.txt")
    handle = open_matched(store, article, transcript, now="2026-03-05T11:00:00.000000Z")
    before = handle.path.stat().st_mtime_ns, handle.path.read_bytes()
    claims = quote_claims(handle.review.claims.values())
    later = match_claims(claims, [(transcript.document, transcript.index)],
                         "2026-03-06T11:00:00.000000Z")
    assert handle.record_evidence((transcript.document,), later) is handle.review
    assert (handle.path.stat().st_mtime_ns, handle.path.read_bytes()) == before


def test_evidence_for_an_unknown_source_or_a_bad_value_is_refused(store, article) -> None:
    handle = store.open_review(article, analyser=quote_analyser)
    claim_id = next(iter(handle.review.claims))
    stray = Evidence("s-0123456789abcdef", "exact", 1.0, "x", "2026-03-05T11:00:00.000000Z")
    with pytest.raises(ValueError, match="No source document"):
        handle.record_evidence((), {claim_id: (stray,)})
    transcript = source(TRANSCRIPT, "minutes.txt")
    bad = replace(stray, source=transcript.document.id, result="perfect")
    with pytest.raises(ValueError, match="Not saved"):
        handle.record_evidence((transcript.document,), {claim_id: (bad,)})
    assert all(not c.evidence for c in handle.review.claims.values())


def test_two_writers_keep_both_sources_and_both_decisions(tmp_path, clock, article) -> None:
    """A window and `match-quotes --save` (or two colleagues on a synced store) each attach a
    source while the other has the review open: both sources and all evidence are kept, and
    a verdict one of them gave meanwhile too."""
    first_store = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    second_store = ReviewStore(tmp_path / "store", reviewer="bo", clock=clock)
    first = first_store.open_review(article, analyser=quote_analyser)
    second = second_store.open_review(article, analyser=quote_analyser)
    claim_id = "q-we-will-never-raise-the-harbour-fee-this-year"
    transcript = source(TRANSCRIPT, "minutes.txt")
    release = source(PRESS_RELEASE, "release.txt")
    claims = quote_claims(first.review.claims.values())
    first.record_evidence((transcript.document,), match_claims(
        claims, [(transcript.document, transcript.index)], clock()))
    second.set_status(claim_id, "disputed")
    second.record_evidence((release.document,), match_claims(
        claims, [(release.document, release.index)], clock()))
    final = ReviewStore(tmp_path / "store").load(first.review.review_id).review
    assert set(final.source_documents) == {transcript.document.id, release.document.id}
    assert final.claims[claim_id].status == "disputed"
    assert {e.source for e in final.claims[claim_id].evidence} == {
        transcript.document.id, release.document.id}
    # The first writer picks the other's work up on its next save or refresh.
    first.refresh()
    assert first.review.source_documents == final.source_documents
    assert first.review.claims[claim_id].evidence == final.claims[claim_id].evidence


def test_the_same_source_matched_by_two_writers_is_kept_once_with_the_later_match(
        tmp_path, clock, article) -> None:
    first = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock).open_review(
        article, analyser=quote_analyser)
    second = ReviewStore(tmp_path / "store", reviewer="bo", clock=clock).open_review(
        article, analyser=quote_analyser)
    early = source(TRANSCRIPT, "minutes.txt", added="2026-03-05T09:00:00.000000Z")
    late = source(TRANSCRIPT, "copy-of-minutes.txt", added="2026-03-05T09:30:00.000000Z")
    claims = quote_claims(first.review.claims.values())
    first.record_evidence((early.document,), match_claims(
        claims, [(early.document, early.index)], "2026-03-05T10:00:00.000000Z"))
    later = match_claims(claims, [(late.document, late.index)], "2026-03-05T12:00:00.000000Z")
    # Another result for one claim, as a later version of the matcher might find.
    claim_id = claims[0].id
    later[claim_id] = (replace(later[claim_id][0], similarity=0.75, result="near"),)
    second.record_evidence((late.document,), later)
    final = ReviewStore(tmp_path / "store").load(first.review.review_id).review
    (kept,) = final.source_documents.values()
    # Attached last: what a later removal is weighed against (see united_source_documents).
    assert kept.source_path == "/sources/copy-of-minutes.txt"
    (evidence,) = final.claims[claim_id].evidence
    assert evidence.matched == "2026-03-05T12:00:00.000000Z" and evidence.similarity == 0.75


EVIDENCE = st.builds(
    Evidence, st.sampled_from(["s-000000000000000a", "s-000000000000000b", "s-000000000000000c"]),
    st.sampled_from(["exact", "near", "not_found"]), st.floats(0, 1), st.just("words"),
    st.sampled_from(["2026-03-05T10:00:00.000000Z", "2026-03-05T11:00:00.000000Z"]))


@settings(max_examples=100, deadline=None)
@given(st.lists(EVIDENCE, max_size=4), st.lists(EVIDENCE, max_size=4))
def test_evidence_merges_the_same_whichever_copy_merges(first, second) -> None:
    one, two = united_evidence(first, second), united_evidence(second, first)
    assert one == two
    assert len({e.source for e in one}) == len(one) == len({e.source for e in first + second})
    for item in one:
        latest = max(e.matched for e in first + second if e.source == item.source)
        assert item.matched == latest


def test_source_documents_merge_the_same_whichever_copy_merges() -> None:
    a = SourceDocument("s-000000000000000a", "t", "T", "0" * 64, "text", "/x",
                       "2026-03-05T10:00:00.000000Z")
    b = replace(a, source_path="/y", added="2026-03-05T09:00:00.000000Z")
    c = replace(a, id="s-000000000000000c")
    assert united_source_documents({a.id: a}, {b.id: b, c.id: c}) == \
        united_source_documents({b.id: b, c.id: c}, {a.id: a}) == {a.id: a, c.id: c}


def test_a_claim_merge_unites_evidence_even_when_decisions_are_the_same() -> None:
    text = "We will act."
    claim = ReviewClaim("q-1", "quote", "auto", Anchor.from_text(text, 0, 11),
                        "2026-03-05T10:00:00.000000Z", "2026-03-05T10:00:00.000000Z")
    mine = replace(claim, evidence=(Evidence("s-000000000000000a", "exact", 1.0, text,
                                             "2026-03-05T10:00:00.000000Z"),))
    theirs = replace(claim, evidence=(Evidence("s-000000000000000b", "not_found", 0.1, text,
                                               "2026-03-05T10:00:00.000000Z"),))
    merged, outcome, conflict = merge_claim(mine, theirs, "2026-03-05T12:00:00.000000Z")
    assert conflict is None and outcome == "incoming"
    assert [e.source for e in merged.evidence] == ["s-000000000000000a", "s-000000000000000b"]
    again, outcome, _ = merge_claim(merged, theirs, "2026-03-05T12:00:00.000000Z")
    assert again == merged and outcome in ("same", "local")  # nothing new came in


def test_an_imported_review_brings_its_sources_and_evidence(tmp_path, clock, article) -> None:
    colleague = ReviewStore(tmp_path / "theirs", reviewer="bo", clock=clock)
    theirs = open_matched(colleague, article, source(TRANSCRIPT, "minutes.txt"),
                          now="2026-03-05T11:00:00.000000Z")
    mine = ReviewStore(tmp_path / "mine", reviewer="ann", clock=clock)
    local = mine.open_review(article, analyser=quote_analyser)
    local.set_status("q-the-budget-is-tight", "verified")
    handle, _report = mine.import_review(theirs.path)
    review = handle.review
    assert review.source_documents == theirs.review.source_documents
    assert review.claims["q-the-budget-is-tight"].status == "verified"
    assert review.claims["q-the-budget-is-tight"].evidence == \
        theirs.review.claims["q-the-budget-is-tight"].evidence
    # Into an empty store, too.
    empty = ReviewStore(tmp_path / "empty", reviewer="cy", clock=clock)
    fresh, _ = empty.import_review(theirs.path)
    assert fresh.review.source_documents == theirs.review.source_documents


def test_a_sync_programs_copy_brings_its_evidence(store, article) -> None:
    handle = store.open_review(article, analyser=quote_analyser)
    copy = handle.path.with_name(f"{handle.path.stem} (conflicted copy 2026-03-05).json")
    other = ReviewStore(handle.path.parents[2] / "other", reviewer="bo")
    matched = open_matched(other, article, source(PRESS_RELEASE, "release.txt"),
                           now="2026-03-05T11:00:00.000000Z")
    data = json.loads(matched.path.read_text(encoding="utf-8"))
    data["review_id"] = handle.review.review_id
    copy.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    store.list_reviews()  # tidies: the copy is merged in
    review = store.load(handle.review.review_id).review
    assert review.source_documents == matched.review.source_documents
    assert all(claim.evidence for claim in review.claims.values())


def test_a_damaged_file_recovered_from_its_backup_keeps_the_sources(store, article) -> None:
    handle = open_matched(store, article, source(TRANSCRIPT, "minutes.txt"),
                          now="2026-03-05T11:00:00.000000Z")
    handle.set_status("q-the-budget-is-tight", "verified")  # the .bak now holds the sources
    raw = handle.path.read_bytes()
    handle.path.write_bytes(raw[: len(raw) // 3])  # cut short, as by a full disk
    review = store.load(handle.review.review_id).review
    assert review.source_documents == handle.review.source_documents
    assert any(claim.evidence for claim in review.claims.values())


def test_a_claim_repaired_for_a_bad_value_keeps_its_evidence(store, article) -> None:
    handle = open_matched(store, article, source(TRANSCRIPT, "minutes.txt"),
                          now="2026-03-05T11:00:00.000000Z")
    data = json.loads(handle.path.read_text(encoding="utf-8"))
    claim = data["claims"]["q-the-budget-is-tight"]
    claim["status"] = "Verifed"  # typed by hand
    claim["evidence"].append({"source": "nonsense"})
    handle.path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False),
                           encoding="utf-8")
    review = store.load(handle.review.review_id).review
    repaired = review.claims["q-the-budget-is-tight"]
    assert repaired.status == "verified"
    assert repaired.evidence == handle.review.claims["q-the-budget-is-tight"].evidence
    assert any("evidence entries could not be read" in n for n in store.notices)


def test_a_git_conflict_in_a_review_keeps_the_sources_of_both_sides(store, article,
                                                                    tmp_path) -> None:
    handle = open_matched(store, article, source(TRANSCRIPT, "minutes.txt"),
                          now="2026-03-05T11:00:00.000000Z")
    ours = handle.path.read_text(encoding="utf-8")
    other_store = ReviewStore(tmp_path / "other", reviewer="bo")
    other = open_matched(other_store, article, source(PRESS_RELEASE, "release.txt"),
                         now="2026-03-05T11:30:00.000000Z")
    theirs = json.loads(other.path.read_text(encoding="utf-8"))
    theirs["review_id"] = handle.review.review_id
    theirs["created"] = handle.review.created
    theirs_text = json.dumps(theirs, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    conflicted = ["<<<<<<< HEAD\n", ours, "=======\n", theirs_text, ">>>>>>> theirs\n"]
    handle.path.write_text("".join(conflicted), encoding="utf-8")
    review = store.load(handle.review.review_id).review
    assert set(review.source_documents) == set(handle.review.source_documents) | set(
        other.review.source_documents)


def test_the_passage_is_found_again_when_its_offsets_were_edited_by_hand() -> None:
    transcript = source(TRANSCRIPT, "minutes.txt")
    quote = "The budget is tight"
    from reader.evidence.matching import find_quote

    evidence = evidence_of(find_quote(transcript.index, quote), transcript.document, quote,
                           "2026-03-05T11:00:00.000000Z")
    assert locate(evidence, transcript.document) == (TRANSCRIPT.index(quote),
                                                     TRANSCRIPT.index(quote) + len(quote))
    assert evidence.anchor is not None
    moved = replace(evidence, anchor=replace(evidence.anchor, start=3, end=22))
    assert locate(moved, transcript.document) == locate(evidence, transcript.document)
    assert locate(replace(evidence, anchor=None), transcript.document) is None


def test_accepting_a_passage_adds_a_source_with_its_stance_once(store, article) -> None:
    transcript = source(TRANSCRIPT, "minutes.txt")
    handle = open_matched(store, article, transcript, now="2026-03-05T11:00:00.000000Z")
    claim = handle.review.claims["q-the-budget-is-tight"]
    (evidence,) = claim.evidence
    first = acceptance(claim, evidence, transcript.document, "supports")
    assert first.action == "add"
    assert first.fields["title"] == "minutes.txt"
    assert "“The budget is tight”" in first.fields["citation"]
    assert "minutes.txt" in first.fields["citation"]
    claim = handle.add_source(claim.id, **first.fields)
    (added,) = claim.sources
    assert added.stance == "supports"
    assert claim.history[-1].event == "source" and claim.history[-1].reviewer == "ann"
    assert accepted_source(claim, evidence, transcript.document) == added
    assert acceptance(claim, evidence, transcript.document, "supports").action == "same"
    switch = acceptance(claim, evidence, transcript.document, "contradicts")
    assert switch.action == "update" and switch.source == added
    claim = handle.update_source(claim.id, replace(added, stance="contradicts"))
    assert [s.stance for s in claim.sources] == ["contradicts"]


def test_a_passage_that_was_not_found_cannot_be_accepted(store, article) -> None:
    transcript = source(TRANSCRIPT, "minutes.txt")
    handle = open_matched(store, article, transcript, now="2026-03-05T11:00:00.000000Z")
    claim = handle.review.claims["q-we-have-built-the-sea-wall-on-time-and-under-budget"]
    with pytest.raises(ValueError, match="not found"):
        acceptance(claim, claim.evidence[0], transcript.document, "contradicts")


def test_evidence_survives_an_edit_of_the_article_and_says_it_is_stale(store, article,
                                                                       tmp_path) -> None:
    from reader.evidence.evidence import is_stale

    handle = open_matched(store, article, source(TRANSCRIPT, "minutes.txt"),
                          now="2026-03-05T11:00:00.000000Z")
    edited_text = article.text.replace("on time and under budget",
                                       "on time and well under budget")
    path = Path(article.source_path)
    path.write_text(edited_text, encoding="utf-8")
    edited = article_document(path, edited_text)
    reopened = store.open_review(edited, analyser=quote_analyser)
    claim = reopened.review.claims["q-we-have-built-the-sea-wall-on-time-and-under-budget"]
    assert claim.text == "we have built the sea wall on time and well under budget"
    assert claim.evidence and is_stale(claim.evidence[0], claim)  # kept, and seen as stale
    fresh = reopened.review.claims["q-the-budget-is-tight"]
    assert not is_stale(fresh.evidence[0], fresh)
    assert reopened.review.source_documents == handle.review.source_documents
    shutil.rmtree(tmp_path / "store")


def test_evidence_change_round_trips_through_its_dict() -> None:
    change = EvidenceChange("insert", "only", "", 5, 5)
    assert EvidenceChange.from_dict(change.to_dict()) == change
    evidence = Evidence("s-000000000000000a", "near", 0.5, "q", "2026-03-05T11:00:00.000000Z",
                        Anchor("x", "", "", 1, 2), (change,), ((3, 4),))
    assert Evidence.from_dict(json.loads(json.dumps(evidence.to_dict()))) == evidence


def run_of(quote: str) -> list[tuple[str, str]]:
    from reader.evidence.evidence import word_by_word
    from reader.evidence.matching import find_quote

    transcript = source(TRANSCRIPT, "minutes.txt")
    evidence = evidence_of(find_quote(transcript.index, quote), transcript.document, quote,
                           "2026-03-05T11:00:00.000000Z")
    return word_by_word(evidence, TRANSCRIPT, locate(evidence, transcript.document))


def test_the_quote_against_the_source_word_by_word() -> None:
    assert run_of("We will never raise the harbour fee this year") == [
        ("same", "We will "), ("left_out", "not"), ("same", " "), ("added", "never"),
        ("same", " raise the harbour fee this year")]
    assert run_of("We will raise the harbour fee this year") == [
        ("same", "We will "), ("left_out", "not"), ("same", " raise the harbour fee this year")]
    added = run_of("The sea wall is now late and over budget")
    assert "".join(words for _, words in added) == "The sea wall is now late and over budget"
    assert ("added", "now") in added
    cut = run_of("every job at the port … will be protected")
    assert cut == [("same", "every job at the port"), ("same", " "),
                   ("skipped", "[… 6 words …]"), ("same", " "), ("same", "will be protected")]


def test_the_marked_spans_leave_out_what_an_ellipsis_skips() -> None:
    from reader.evidence.evidence import marked_spans
    from reader.evidence.matching import find_quote

    transcript = source(TRANSCRIPT, "minutes.txt")
    quote = "every job at the port … will be protected"
    evidence = evidence_of(find_quote(transcript.index, quote), transcript.document, quote,
                           "2026-03-05T11:00:00.000000Z")
    spans = marked_spans(evidence, locate(evidence, transcript.document))
    assert [(TRANSCRIPT[s:e], kind) for s, e, kind in spans] == [
        ("every job at the port", "passage"), ("will be protected", "passage")]
