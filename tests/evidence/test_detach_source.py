"""Detaching a source document: its text and passages leave the review, a tombstone stays, and
no other copy of the review brings it back (a second writer, a sync program's copy, an import,
either side of a git merge, a damaged file's salvage); attaching the file again after the
removal brings it back. Sources the user accepted from it into claims stay."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from evidence_builders import PRESS_RELEASE, TRANSCRIPT, article_document, quote_analyser
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document.model import Document
from reader.evidence.evidence import acceptance, match_claims, quote_claims
from reader.evidence.sources import prepare_source
from reader.store import ReviewStore
from reader.store.errors import SourceNotFoundError
from reader.store.merge import united_removed_sources, united_source_documents
from reader.store.model import RemovedSource, Review, SourceDocument, settled_sources

NEAR_ID = "q-we-will-never-raise-the-harbour-fee-this-year"
TIGHT_ID = "q-the-budget-is-tight"
# A line of the transcript that only its text holds: looked for in every file after removal.
SECRET = "every single one of them"


class Clock:
    def __init__(self, minute: int = 0) -> None:
        self.ticks = minute * 60_000

    def __call__(self) -> str:
        self.ticks += 1
        seconds, millis = divmod(self.ticks, 1000)
        return f"2026-03-05T10:{seconds // 60:02d}:{seconds % 60:02d}.{millis:03d}000Z"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def article(tmp_path: Path) -> Document:
    path = tmp_path / "article.txt"
    document = article_document(path)
    path.write_text(document.text, encoding="utf-8")
    return document


def source(text: str, name: str, added: str):
    document = Document.from_plain_text(text, title=name, source_path=f"/sources/{name}")
    return prepare_source(document, None, added)


def attach(handle, *sources, now: str):
    """Attach and match, as the window and `match-quotes --save` do."""
    claims = quote_claims(handle.review.claims.values())
    evidence = match_claims(claims, [(s.document, s.index) for s in sources], now)
    handle.record_evidence(tuple(s.document for s in sources), evidence)
    return handle


def holds_text(path: Path) -> bool:
    return SECRET.encode("utf-8") in path.read_bytes()


def evidence_sources(review: Review) -> set[str]:
    return {item.source for claim in review.claims.values() for item in claim.evidence}


def matched(store: ReviewStore, article: Document, clock: Clock):
    """A review with the transcript and the press release attached and matched, and the
    transcript's passage for one quote accepted as a contradicting source."""
    handle = store.open_review(article, analyser=quote_analyser)
    transcript = source(TRANSCRIPT, "minutes.txt", clock())
    release = source(PRESS_RELEASE, "release.txt", clock())
    attach(handle, transcript, release, now=clock())
    claim = handle.review.claims[NEAR_ID]
    passage = next(e for e in claim.evidence if e.source == transcript.document.id)
    plan = acceptance(claim, passage, transcript.document, "contradicts")
    handle.add_source(NEAR_ID, **plan.fields)
    handle.set_status(TIGHT_ID, "verified")  # the .bak now holds the transcript's text too
    return handle, transcript, release


# Detaching -----------------------------------------------------------------------------------


def test_detaching_drops_the_text_and_passages_and_keeps_a_tombstone(tmp_path, clock,
                                                                     article) -> None:
    store = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    handle, transcript, release = matched(store, article, clock)
    accepted = handle.review.claims[NEAR_ID].sources
    backup = handle.path.with_name(handle.path.name + ".bak")
    assert holds_text(handle.path) and holds_text(backup)
    removal = handle.detach_source(transcript.document.id)
    data = json.loads(handle.path.read_text(encoding="utf-8"))
    assert set(data["source_documents"]) == {release.document.id}
    assert data["removed_source_documents"] == {transcript.document.id: {
        "id": transcript.document.id, "sha256": transcript.document.sha256,
        "title": "minutes.txt", "added": transcript.document.added,
        "removed": removal.removed, "reviewer": "ann"}}
    assert removal.removed > transcript.document.added
    for claim in data["claims"].values():
        assert {e["source"] for e in claim.get("evidence", ())} == {release.document.id}
    # Neither the file nor its backup still holds the text.
    assert not holds_text(handle.path) and not holds_text(backup)
    assert backup.read_bytes() == handle.path.read_bytes()
    assert not os.path.samefile(backup, handle.path)  # a copy: an edit in place spares it
    # The user's decisions stay: the passage accepted as a source, the verdict.
    review = store.load(handle.review.review_id).review
    assert review.claims[NEAR_ID].sources == accepted
    assert review.claims[TIGHT_ID].status == "verified"
    assert review == handle.review
    # Detaching again changes nothing and says when it went.
    before = handle.path.read_bytes()
    assert handle.detach_source(transcript.document.id) == removal
    assert handle.path.read_bytes() == before
    with pytest.raises(SourceNotFoundError, match="no source document 's-0000000000000000'"):
        handle.detach_source("s-0000000000000000")


def test_a_review_with_sources_but_no_removal_is_written_as_before(tmp_path, clock,
                                                                  article) -> None:
    store = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    handle, _, _ = matched(store, article, clock)
    before = handle.path.read_bytes()
    assert b"removed_source_documents" not in before
    again = store.load(handle.review.review_id)
    again.dirty = True
    again.save()
    assert handle.path.read_bytes() == before


def test_attaching_the_file_again_brings_it_back(tmp_path, clock, article) -> None:
    store = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    handle, transcript, _ = matched(store, article, clock)
    removal = handle.detach_source(transcript.document.id)
    again = source(TRANSCRIPT, "minutes.txt", clock())
    attach(handle, again, now=clock())
    review = store.load(handle.review.review_id).review
    assert transcript.document.id in review.source_documents
    assert review.removed_sources == {}
    assert review.source_documents[transcript.document.id].added > removal.removed
    assert transcript.document.id in evidence_sources(review)


def test_attaching_again_wins_even_with_a_clock_behind_the_removal(tmp_path, clock,
                                                                   article) -> None:
    """The file read again on a machine whose clock is behind the one that removed it: the
    user's latest action still holds."""
    store = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    handle, transcript, _ = matched(store, article, clock)
    handle.detach_source(transcript.document.id)
    store.now = lambda: "2026-03-01T00:00:00.000000Z"
    attach(handle, source(TRANSCRIPT, "minutes.txt", "2026-03-01T00:00:00.000000Z"),
           now="2026-03-01T00:00:00.000000Z")
    assert transcript.document.id in store.load(handle.review.review_id).review.source_documents


def test_passages_found_before_the_removal_are_not_recorded(tmp_path, clock, article) -> None:
    """Matching ran (in the background) while the source was detached: its passages go
    nowhere, the others are kept."""
    store = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    handle, transcript, release = matched(store, article, clock)
    claims = quote_claims(handle.review.claims.values())
    late = match_claims(claims, [(transcript.document, transcript.index),
                                 (release.document, release.index)], clock())
    handle.detach_source(transcript.document.id)
    handle.record_evidence((), late)
    assert evidence_sources(handle.review) == {release.document.id}


# Every merge path ------------------------------------------------------------------------------


def test_a_second_writer_that_still_has_the_source_does_not_bring_it_back(tmp_path, clock,
                                                                         article) -> None:
    ann = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    handle, transcript, _ = matched(ann, article, clock)
    bo = ReviewStore(tmp_path / "store", reviewer="bo", clock=clock).load(
        handle.review.review_id)
    assert transcript.document.id in bo.review.source_documents
    handle.detach_source(transcript.document.id)
    # Bo, who opened the review before, tags a claim and matches the quotes again.
    claims = quote_claims(bo.review.claims.values())
    bo.set_status(NEAR_ID, "disputed")
    bo.record_evidence((), match_claims(claims, [(transcript.document, transcript.index)],
                                        clock()))
    final = ReviewStore(tmp_path / "store").load(handle.review.review_id).review
    assert transcript.document.id not in final.source_documents
    assert transcript.document.id in final.removed_sources
    assert transcript.document.id not in evidence_sources(final)
    assert final.claims[NEAR_ID].status == "disputed"
    assert not holds_text(handle.path)
    assert bo.review == final  # bo's window now shows it gone too
    handle.refresh()
    assert handle.review == final


def test_a_window_refreshing_picks_up_the_removal(tmp_path, clock, article) -> None:
    ann = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    handle, transcript, _ = matched(ann, article, clock)
    other = ReviewStore(tmp_path / "store", reviewer="bo", clock=clock).load(
        handle.review.review_id)
    other.detach_source(transcript.document.id)
    handle.refresh()
    assert transcript.document.id not in handle.review.source_documents
    assert transcript.document.id not in evidence_sources(handle.review)


def test_a_sync_programs_copy_does_not_bring_it_back(tmp_path, clock, article) -> None:
    store = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    handle, transcript, _ = matched(store, article, clock)
    old_copy = handle.path.read_bytes()  # another machine's copy, from before the removal
    removal = handle.detach_source(transcript.document.id)
    copy = handle.path.with_name(f"{handle.path.stem}.sync-conflict-20260305-101010-ABCDEFG.json")
    copy.write_bytes(old_copy)
    store.list_reviews()  # the copy is merged and moved to merged/
    assert not copy.exists()
    review = store.load(handle.review.review_id).review
    assert transcript.document.id not in review.source_documents
    assert review.removed_sources == {transcript.document.id: removal}
    assert transcript.document.id not in evidence_sources(review)
    assert not holds_text(handle.path)
    # The copy kept in merged/ still holds the text: the user is told where.
    (kept,) = store.load(handle.review.review_id).copies_holding(removal, TRANSCRIPT)
    assert kept.parent.name == "merged" and holds_text(kept)


def test_an_import_does_not_bring_it_back_and_twice_changes_nothing(tmp_path, clock,
                                                                    article) -> None:
    colleague = ReviewStore(tmp_path / "theirs", reviewer="bo", clock=clock)
    theirs, transcript, _ = matched(colleague, article, clock)
    mine = ReviewStore(tmp_path / "mine", reviewer="ann", clock=clock)
    handle, report = mine.import_review(theirs.path)
    handle.detach_source(transcript.document.id)
    after = handle.path.read_bytes()
    theirs.set_status(NEAR_ID, "disputed")  # the colleague goes on, the source still there
    handle, report = mine.import_review(theirs.path)
    review = handle.review
    assert review.claims[NEAR_ID].status == "disputed"
    assert transcript.document.id not in review.source_documents
    assert transcript.document.id not in evidence_sources(review)
    assert not holds_text(handle.path)
    settled = handle.path.read_bytes()
    assert settled != after
    _, report = mine.import_review(theirs.path)
    assert handle.path.read_bytes() == settled and not report.changed


def test_an_import_into_an_empty_store_keeps_the_tombstone(tmp_path, clock, article) -> None:
    store = ReviewStore(tmp_path / "theirs", reviewer="bo", clock=clock)
    handle, transcript, _ = matched(store, article, clock)
    removal = handle.detach_source(transcript.document.id)
    fresh, _ = ReviewStore(tmp_path / "empty", reviewer="cy", clock=clock).import_review(
        handle.path)
    assert fresh.review.removed_sources == {transcript.document.id: removal}


def test_the_other_copy_attaching_it_again_later_brings_it_back(tmp_path, clock,
                                                                article) -> None:
    """The later of removal and attachment holds, whichever copy holds which."""
    store = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    handle, transcript, _ = matched(store, article, clock)
    handle.detach_source(transcript.document.id)
    colleague = ReviewStore(tmp_path / "theirs", reviewer="bo", clock=clock)
    theirs = colleague.open_review(article, analyser=quote_analyser)
    attach(theirs, source(TRANSCRIPT, "minutes.txt", clock()), now=clock())  # after
    handle, _ = store.import_review(theirs.path)
    assert transcript.document.id in handle.review.source_documents
    assert handle.review.removed_sources == {}


def _git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=t@example.org",
                           *args], cwd=folder, env=env, capture_output=True, text=True,
                          check=check)


def test_a_git_merge_of_a_removal_with_a_branch_that_matched_again(tmp_path, clock,
                                                                  article) -> None:
    """Alice detaches the transcript on her branch; Bob, on his, tags a claim and matches
    the quotes again. Whatever git makes of it (conflict markers here), the merged review has
    Bob's verdict and neither the transcript nor its passages."""
    team = tmp_path / "team"
    team.mkdir()
    _git(team, "init", "-q", "-b", "main")
    (team / ".gitignore").write_text("index.json*\n*.lock\n*.tmp\n*.bak\nreviews/merged/\n",
                                     encoding="utf-8")
    handle, transcript, release = matched(ReviewStore(team, reviewer="setup", clock=clock),
                                          article, clock)
    review_id = handle.review.review_id
    _git(team, "add", "-A")
    _git(team, "commit", "-qm", "start")
    _git(team, "checkout", "-qb", "alice")
    ReviewStore(team, reviewer="alice", clock=clock).load(review_id).detach_source(
        transcript.document.id)
    _git(team, "commit", "-qam", "alice")
    _git(team, "checkout", "-q", "main")
    _git(team, "checkout", "-qb", "bob")
    bob = ReviewStore(team, reviewer="bob", clock=clock).load(review_id)
    bob.set_status(NEAR_ID, "disputed")
    claims = quote_claims(bob.review.claims.values())
    later = match_claims(claims, [(transcript.document, transcript.index)], clock())
    later = {key: (replace(items[0], similarity=items[0].similarity / 2),)
             for key, items in later.items()}  # a different finding: changed lines
    bob.record_evidence((), later)
    _git(team, "commit", "-qam", "bob")
    assert _git(team, "merge", "alice", check=False).returncode != 0
    path = team / "reviews" / f"{review_id}.json"
    assert "<<<<<<<" in path.read_text(encoding="utf-8")
    store = ReviewStore(team, reviewer="bob", clock=clock)
    review = store.load(review_id).review
    assert any("git merge conflict" in notice for notice in store.notices)
    assert review.claims[NEAR_ID].status == "disputed"
    assert transcript.document.id in review.removed_sources
    assert transcript.document.id not in review.source_documents
    assert evidence_sources(review) == {release.document.id}
    assert not holds_text(path)


def test_git_sides_in_either_order_keep_the_removal(tmp_path, clock, article) -> None:
    store = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    handle, transcript, _ = matched(store, article, clock)
    before = handle.path.read_text(encoding="utf-8")
    handle.detach_source(transcript.document.id)
    after = handle.path.read_text(encoding="utf-8")
    for ours, theirs in ((after, before), (before, after)):
        handle.path.write_text(f"<<<<<<< HEAD\n{ours}=======\n{theirs}>>>>>>> other\n",
                               encoding="utf-8")
        review = ReviewStore(tmp_path / "store", clock=clock).load(
            handle.review.review_id).review
        assert transcript.document.id in review.removed_sources
        assert transcript.document.id not in evidence_sources(review)
        assert not holds_text(handle.path)


def _break_one_claim(path: Path, claim_id: str) -> None:
    """Make the file invalid JSON inside one claim (not the header, not the others)."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f'    "{claim_id}": {{')
    cut = text.index('"kind": ', start)
    path.write_text(text[:cut] + '"kind": quote,' + text[text.index("\n", cut):],
                    encoding="utf-8")


def test_a_damaged_file_restored_from_an_older_backup_keeps_the_removal(tmp_path, clock,
                                                                        article) -> None:
    """The backup predates the removal (put back by hand from elsewhere): recovery unites
    the backup with what the damaged file still says, including the removal."""
    store = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    handle, transcript, _ = matched(store, article, clock)
    older = handle.path.read_bytes()
    handle.detach_source(transcript.document.id)
    backup = handle.path.with_name(handle.path.name + ".bak")
    backup.write_bytes(older)
    _break_one_claim(handle.path, TIGHT_ID)
    fresh = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    review = fresh.load(handle.review.review_id).review
    assert any("recovered from its backup" in n for n in fresh.notices)
    assert transcript.document.id in review.removed_sources
    assert transcript.document.id not in review.source_documents
    assert transcript.document.id not in evidence_sources(review)
    assert not holds_text(handle.path)


def test_a_damaged_file_recovered_without_backup_keeps_the_removal(tmp_path, clock,
                                                                   article) -> None:
    """A claim in the damaged file still carries the detached source's passage (a copy
    pasted in by hand): what is recovered does not."""
    store = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    handle, transcript, _ = matched(store, article, clock)
    stale = [e.to_dict() for e in handle.review.claims[NEAR_ID].evidence]
    handle.detach_source(transcript.document.id)
    data = json.loads(handle.path.read_text(encoding="utf-8"))
    data["claims"][NEAR_ID]["evidence"] = stale
    handle.path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False),
                           encoding="utf-8")
    _break_one_claim(handle.path, TIGHT_ID)
    handle.path.with_name(handle.path.name + ".bak").unlink()
    fresh = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    recovered = fresh.recover(handle.review.review_id).review
    assert transcript.document.id in recovered.removed_sources
    assert transcript.document.id not in evidence_sources(recovered)
    assert recovered.claims[NEAR_ID].evidence  # the other source's passage stays


def test_a_file_edited_by_hand_to_hold_both_is_read_as_removed(tmp_path, clock,
                                                               article) -> None:
    store = ReviewStore(tmp_path / "store", reviewer="ann", clock=clock)
    handle, transcript, _ = matched(store, article, clock)
    data = json.loads(handle.path.read_text(encoding="utf-8"))
    handle.detach_source(transcript.document.id)
    removed = json.loads(handle.path.read_text(encoding="utf-8"))["removed_source_documents"]
    data["removed_source_documents"] = removed
    handle.path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False),
                           encoding="utf-8")
    review = ReviewStore(tmp_path / "store", clock=clock).load(handle.review.review_id).review
    assert transcript.document.id not in review.source_documents
    assert transcript.document.id not in evidence_sources(review)


def test_the_schema_refuses_a_tombstone_that_keeps_the_text() -> None:
    from reader.store.schema import SchemaViolation, check_review

    base = {"schema_version": 2, "review_id": "0" * 32, "created": STAMPS[0],
            "updated": STAMPS[0], "claims": {},
            "document": {"text": "", "title": "", "sha256": "0" * 64, "format": "text",
                         "source_path": None}}
    removal = RemovedSource(IDS[0], "0" * 64, "T", STAMPS[0], STAMPS[1]).to_dict()
    check_review({**base, "removed_source_documents": {IDS[0]: removal}})
    for bad in ({**removal, "text": "the words"}, {**removal, "removed": "yesterday"},
                {k: v for k, v in removal.items() if k != "removed"}):
        with pytest.raises(SchemaViolation):
            check_review({**base, "removed_source_documents": {IDS[0]: bad}})
    with pytest.raises(SchemaViolation, match="the document's id is"):
        check_review({**base, "removed_source_documents": {IDS[1]: removal}})


# The rule itself ------------------------------------------------------------------------------

IDS = ["s-000000000000000a", "s-000000000000000b"]
STAMPS = [f"2026-03-05T10:00:0{n}.000000Z" for n in range(6)]
EVENTS = st.lists(st.tuples(st.sampled_from(IDS), st.booleans(), st.sampled_from(STAMPS),
                            st.sampled_from(["/a", "/b"])), max_size=4)


def _copy(events) -> tuple[dict[str, SourceDocument], dict[str, RemovedSource]]:
    """A copy of a review after its events: attach (True) or remove (False) at a time."""
    documents: dict[str, SourceDocument] = {}
    removed: dict[str, RemovedSource] = {}
    for key, attached, stamp, path in sorted(events, key=lambda e: e[2]):
        if attached:
            documents = united_source_documents(documents, {key: SourceDocument(
                key, "text", "T", "0" * 64, "text", path, stamp)})
        else:
            removed = united_removed_sources(removed, {key: RemovedSource(
                key, "0" * 64, "T", STAMPS[0], stamp)})
        documents, removed = settled_sources(documents, removed)
    return documents, removed


def _unite(first, second):
    return settled_sources(united_source_documents(first[0], second[0]),
                           united_removed_sources(first[1], second[1]))


@settings(max_examples=200, deadline=None)
@given(EVENTS, EVENTS, EVENTS)
def test_copies_merge_to_the_same_sources_in_any_order(a, b, c) -> None:
    """Three copies merged in every order and grouping agree, and each source ends as the
    latest event anywhere says (a removal winning a tie)."""
    x, y, z = _copy(a), _copy(b), _copy(c)
    results = [_unite(_unite(x, y), z), _unite(_unite(z, y), x), _unite(x, _unite(y, z)),
               _unite(_unite(y, x), z)]
    assert all(result == results[0] for result in results)
    documents, removed = results[0]
    for key in IDS:
        latest = max(((stamp, not attached) for k, attached, stamp, _ in (*a, *b, *c)
                      if k == key), default=None)
        if latest is None:
            assert key not in documents and key not in removed
        else:
            assert (key in removed) == latest[1] and (key in documents) != latest[1]
