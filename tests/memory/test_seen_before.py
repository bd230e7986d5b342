""""Seen before": what counts as the same claim, what must not, finding it among stored
reviews, and applying an earlier verdict (one save, a history record, merge-safe, undoable).

The pairs here are a compact, fixed version of tests/bench/eval_seen_before.py's (every
sentence original)."""

from __future__ import annotations

import json

import pytest
from memory_articles import FLOOD_REPORT, HARBOUR
from memory_builders import ArticleSpec, ClaimSpec, write_review

from reader.memory import seen_before_of
from reader.memory.index import ClaimMemory
from reader.memory.seen_before import (
    Probe,
    SeenBefore,
    applied_decision,
    compare,
    seen_before,
)
from reader.memory.words import same_speaker, tokens
from reader.session.review_session import ReviewSession
from reader.store.merge import merge_claim
from reader.store.model import Review, ReviewClaim, Source
from reader.store.schema import check_review
from reader.store.store import ReviewStore


def _close(first: str, first_speaker: str | None, second: str, second_speaker: str | None,
           quoted: bool = True):
    return compare(tokens(first), first_speaker, tokens(second), second_speaker, quoted,
                   (first, second))


QUOTE = ("We lost 300 homes to flooding in 2019, and we will not lose another street to the "
         "sea.")
FIGURE = "Unemployment in the region rose to 5.2% in March, up from 4.9% a year earlier."


@pytest.mark.parametrize(("later", "speaker"), [
    ("We lost 300 homes to flooding in 2019.", "Okafor"),  # the end cut
    ("we will not lose another street to the sea", "Ms Okafor"),  # the start cut, lower case
    ("We lost 300 homes … and we will not lose another street to the sea", "I. Okafor"),
    ("“We lost 300 homes to flooding in 2019, and we will not lose another street to the "
     "sea,”", "Dr Inés Okafor"),
    ("We lost three hundred homes to flooding in 2019", "Ines Okafor"),  # house style
])
def test_the_same_quote_cut_by_another_outlet_is_seen(later, speaker) -> None:
    match = _close(later, speaker, QUOTE, "Inés Okafor")
    assert match is not None and match.rule == "words" and match.similarity >= 0.9


@pytest.mark.parametrize("later", [
    "Unemployment in the region rose to 5.2 per cent in March, the statistics office said.",
    "According to the statistics office, unemployment in the region rose to 5.2% in March.",
    "Up from 4.9% a year earlier, unemployment in the region rose to 5.2% in March.",
])
def test_the_same_figure_in_a_near_identical_sentence_is_seen(later) -> None:
    match = _close(later, "the statistics office", FIGURE, None, quoted=False)
    assert match is not None and match.rule == "figure"


def test_a_word_changed_in_a_figure_sentence_is_another_sentence() -> None:
    """A synonym is missed so that a sentence about something else is never matched: no rule
    on words alone tells "rose"/"climbed" from "recycling"/"composting"."""
    for later in ("Unemployment in the region climbed to 5.2% in March.",
                  "Unemployment in the capital rose to 5.2% in March."):
        assert _close(later, "the statistics office", FIGURE, "the statistics office",
                      quoted=False) is None

@pytest.mark.parametrize(("later", "speaker", "why"), [
    (QUOTE, "Tomas Reyl", "the same words by another speaker"),
    ("We lost 300 homes to flooding in 2019.", "Jonas Field", "a cut by another speaker"),
    ("We lost 400 homes to flooding in 2019, and we will not lose another street to the sea.",
     "Okafor", "a changed number"),
    ("We lost 300 flats to flooding in 2019.", "Okafor", "a changed unit"),
    ("We lost 300 homes to flooding in 2018.", "Okafor", "a changed year"),
    ("We lost 300 homes to flooding in 2019, and we will lose another street to the sea.",
     "Okafor", "a negation taken out"),
    ("We lost 300 homes.", "Okafor", "too short to be the same quote... but contained"),
    ("The sea wall will cost more than we lost in 2019.", "Okafor", "another quote"),
])
def test_near_misses_are_not_seen(later, speaker, why) -> None:
    match = _close(later, speaker, QUOTE, "Inés Okafor")
    if why.startswith("too short"):
        # Four words is the least the words rule takes; these are all in the quote, in order.
        assert match is not None
        return
    assert match is None, why


@pytest.mark.parametrize(("later", "why"), [
    ("Unemployment in the region rose to 5.4% in March.", "a changed number"),
    ("Inflation in the region fell to 5.2% in March.", "the same figure in another sentence"),
    ("Unemployment in the region did not rise to 5.2% in March.", "a negation put in"),
])
def test_figure_near_misses_are_not_seen(later, why) -> None:
    assert _close(later, None, FIGURE, None, quoted=False) is None, why


def test_a_figure_sentence_is_the_same_whoever_the_outlet_says_gave_it() -> None:
    earlier = "The wall will protect only 40% of the coast, Tomas Reyl said."
    later = "The wall will protect only 40 per cent of the coast, the mayor said."
    assert _close(later, "the mayor", earlier, "Tomas Reyl", quoted=False) is not None
    assert _close(later, "the mayor", earlier, "Tomas Reyl", quoted=True) is None


@pytest.mark.parametrize(("first", "second", "same"), [
    ("Ines Okafor", "Inés Okafor", True), ("Okafor", "Dr Ines Okafor", True),
    ("I. Okafor", "Ines Okafor", True), ("Ms Okafor", "Inés Okafor", True),
    ("Tom Okafor", "Ines Okafor", False), ("Ines Okafor", "Ines Reyl", False),
    ("Home Office (spokesperson)", "the Home Office", True),
    ("Home Office", "Foreign Office", False), (None, "Okafor", False), ("", "", False),
])
def test_speakers(first, second, same) -> None:
    assert same_speaker(first, second) is same


# Finding it among the stored reviews ----------------------------------------------------------

SECOND_OUTLET = ArticleSpec("Sea wall vote splits Harbour", [
    ClaimSpec("We lost 300 homes to flooding in 2019,", "Inés Okafor", "quote"),
    ClaimSpec("The council voted on Tuesday to build a sea wall costing £4.2m, a spokesman "
              "said.", "a spokesman", "figure"),
    ClaimSpec("We will not lose another street to the sea,", "Jonas Field", "quote"),
    ClaimSpec("This plan protects the marina, not the people who live behind it.",
              "Tomas Reyl", "quote"),
], review_id="c" * 32)


def test_a_second_outlets_claims_are_found_with_the_earlier_verdicts(memory) -> None:
    from memory_builders import review_of

    found = seen_before_of(memory, review_of(SECOND_OUTLET))
    by_text = {claim.text: found.get(claim.id, []) for claim in
               review_of(SECOND_OUTLET).claims.values()}
    [quote] = by_text["We lost 300 homes to flooding in 2019,"]
    assert (quote.review_id, quote.status, quote.rule) == ("a" * 32, "verified", "words")
    assert quote.note.startswith("The council's flood report")
    assert quote.sources == (FLOOD_REPORT,)
    assert (quote.title, quote.site, quote.day) == ("Harbour council backs sea wall",
                                                    "harbourpost.example", "2026-03-02")
    assert quote.to_dict() | {"similarity": 1} == {
        "review": "a" * 32, "claim_id": quote.claim_id, "status": "verified",
        "similarity": 1, "match": "words", "title": "Harbour council backs sea wall",
        "date": "2026-03-02"}
    [figure] = by_text["The council voted on Tuesday to build a sea wall costing £4.2m, a "
                       "spokesman said."]
    assert (figure.status, figure.rule) == ("disputed", "figure")
    assert by_text["We will not lose another street to the sea,"] == []  # another speaker
    # Reyl's quote is stored without a verdict: nothing to have seen.
    assert by_text["This plan protects the marina, not the people who live behind it."] == []


def test_the_articles_own_review_is_left_out(memory) -> None:
    from memory_builders import review_of

    assert seen_before_of(memory, review_of(HARBOUR)) == {}


def test_claims_with_only_a_note_or_a_source_count_as_reviewed(tmp_path) -> None:
    store = tmp_path / "store"
    write_review(store, ArticleSpec("Quay", [
        ClaimSpec("Fourteen ships waited off the quay for three days in March.",
                  "the harbour master", "quote", note="Port log checked: 11 ships."),
        ClaimSpec("The quay reopens in May after the storm repairs, she said.",
                  "the harbour master", "quote", sources=(Source("s1", title="Port notice"),)),
        ClaimSpec("We will dredge the channel before the summer season starts.",
                  "the harbour master", "quote")]))
    with ClaimMemory(store, tmp_path / "index.sqlite3") as memory:
        memory.sync()
        found = seen_before(memory.db, [
            Probe("a", "Fourteen ships waited off the quay for three days in March",
                  "harbour master"),
            Probe("b", "The quay reopens in May after the storm repairs", "harbour master"),
            Probe("c", "We will dredge the channel before the summer season starts",
                  "harbour master")])
        assert sorted(found) == ["a", "b"]
        assert found["a"][0].status == "unreviewed"


# The compact evaluation ----------------------------------------------------------------------

EARLIER = [
    ("Ines Okafor", "quote", "We lost 300 homes to flooding in 2019, and we will not lose "
     "another street to the sea."),
    ("Marta Lindqvist", "quote", "We have hired 120 nurses since January, most of them from "
     "our own training programme."),
    ("Joel Brannigan", "quote", "The wind farm will power 45,000 homes, and not one turbine "
     "will be visible from the old town."),
    ("Hana Kowalczyk", "quote", "I have swum here since I was a child, and I would not let my "
     "own children in the water now."),
    (None, "figure", "House prices in the county fell by 3.1% in the year to June, the first "
     "fall since 2012."),
    ("the council", "figure", "Council tax will rise by 4.99% from April, the most allowed "
     "without a referendum, the council said."),
    ("the union", "figure", "Members voted by 84% to strike, on a turnout of 61%, the union "
     "said."),
]
PAIRS = [  # (earlier index, later speaker, later words, must be found)
    (0, "Okafor", "We lost 300 homes to flooding in 2019", True),
    (0, "Ms Okafor", "we will not lose another street to the sea", True),
    (1, "Lindqvist", "We have hired 120 nurses since January", True),
    (1, "Marta Lindqvist", "We have hired 120 nurses … from our own training programme", True),
    (2, "Brannigan", "The wind farm will power 45000 homes", True),
    (3, "Ms Kowalczyk", "I would not let my own children in the water now", True),
    (4, None, "House prices in the county fell by 3.1 per cent in the year to June.", True),
    (5, "the council", "According to the council, council tax will rise by 4.99 per cent "
     "from April.", True),
    (6, "the union", "Members voted by 84 per cent to strike, the union said.", True),
    (0, "Tomas Reyl", "We lost 300 homes to flooding in 2019", False),
    (1, "Lindqvist", "We have hired 150 nurses since January", False),
    (2, "Brannigan", "The wind farm will not power 45,000 homes", False),
    (3, "Marta Lindqvist", "I would not let my own children in the water now", False),
    (4, None, "House prices in the county fell by 3.4% in the year to June.", False),
    (5, "the council", "Parking charges will rise by 4.99% from April, the council said.",
     False),
    (6, "the union", "Members voted by 84% to accept the offer, the union said.", False),
]


def test_compact_evaluation_meets_the_target(tmp_path) -> None:
    """Precision >= 0.95 at recall >= 0.85 (issue 14); the benchmark measures more pairs."""
    specs = [ClaimSpec(text, speaker, kind, "verified") for speaker, kind, text in EARLIER]
    article = ArticleSpec("Earlier reviews", specs, review_id="d" * 32)
    write_review(tmp_path / "store", article)
    from memory_builders import claim_id_of

    ids = [claim_id_of(spec, number) for number, spec in enumerate(specs)]
    with ClaimMemory(tmp_path / "store", tmp_path / "index.sqlite3") as memory:
        memory.sync()
        kinds = {index: EARLIER[index][1] for index in range(len(EARLIER))}
        found = seen_before(memory.db, [
            Probe(f"p{number}", words, speaker, kinds[earlier])
            for number, (earlier, speaker, words, _) in enumerate(PAIRS)])
    right = wrong = 0
    for number, (earlier, _, _, same) in enumerate(PAIRS):
        for match in found.get(f"p{number}", []):
            if same and match.claim_id == ids[earlier]:
                right += 1
            else:
                wrong += 1
    positives = sum(1 for pair in PAIRS if pair[3])
    precision = right / (right + wrong) if right + wrong else 1.0
    recall = right / positives
    assert precision >= 0.95 and recall >= 0.85, (precision, recall, found)


# Applying an earlier verdict ------------------------------------------------------------------

def _earlier(status: str = "verified", note: str = "Flood report, table 3.",
             sources: tuple[Source, ...] = (FLOOD_REPORT,)) -> SeenBefore:
    return SeenBefore("a" * 32, "q-1", status, 1.0, "words", QUOTE, "Inés Okafor", note,
                      sources, "Harbour council backs sea wall", "harbourpost.example", "",
                      None, "2026-03-02", "2026-03-02T08:00:00.000000Z")


def _claim(**changes) -> ReviewClaim:
    from memory_builders import review_of

    claim = next(iter(review_of(SECOND_OUTLET).claims.values()))
    from dataclasses import replace

    return replace(claim, **changes)


def test_the_earlier_note_comes_after_the_claims_own_and_sources_are_not_doubled() -> None:
    assert applied_decision(_claim(), _earlier()) == (
        "verified", "Flood report, table 3.", (FLOOD_REPORT,))
    mine = Source("0123456789ab", url=FLOOD_REPORT.url, title=FLOOD_REPORT.title)
    status, note, sources = applied_decision(
        _claim(status="disputed", note="My own check.", sources=(mine,)), _earlier())
    assert (status, note, sources) == ("verified", "My own check.\n\nFlood report, table 3.",
                                       (mine,))
    again = applied_decision(_claim(status=status, note=note, sources=sources), _earlier())
    assert again == (status, note, sources)  # applying twice changes nothing
    clash = Source(FLOOD_REPORT.id, url="https://example.org/other")
    _, _, sources = applied_decision(_claim(sources=(clash,)), _earlier())
    assert len(sources) == 2 and sources[1].id != FLOOD_REPORT.id  # ids stay unique
    assert applied_decision(_claim(status="disputed"), _earlier(status="unreviewed"))[0] == \
        "disputed"


@pytest.fixture
def second_outlet(tmp_path):
    from reader.document.model import Document

    store = ReviewStore(tmp_path / "store", reviewer="rita")
    text = "Sea wall vote\n\n“We lost 300 homes to flooding in 2019,” Okafor said.\n"
    handle = store.open_review(Document.from_plain_text(text, title="Sea wall vote"))
    handle.add_manual_claim(text.index("We lost"), text.index(",”") + 1)
    return handle


def test_applying_saves_status_note_and_sources_once_with_a_reuse_record(second_outlet) -> None:
    handle = second_outlet
    claim_id = next(iter(handle.review.claims))
    earlier = _earlier()
    status, note, sources = applied_decision(handle.claim(claim_id), earlier)
    claim = handle.set_decision(claim_id, status, note, sources, reused_from=earlier.origin)
    assert (claim.status, claim.note, claim.sources) == (status, note, sources)
    events = [change.event for change in claim.history]
    assert events == ["status", "note", "source", "reuse"]
    assert claim.history[-1].value == "a" * 32 + "/q-1"
    on_disk = json.loads(handle.path.read_text(encoding="utf-8"))
    check_review(on_disk)  # the schema knows the new event
    assert Review.from_dict(on_disk).claims[claim_id] == claim
    assert claim.open_conflicts() == () and claim.recheck() is None
    again = handle.set_decision(claim_id, status, note, sources, reused_from=earlier.origin)
    assert again.history == claim.history  # nothing changed: nothing recorded


def test_an_applied_verdict_merges_like_any_other_edit(second_outlet) -> None:
    handle = second_outlet
    claim_id = next(iter(handle.review.claims))
    base = handle.claim(claim_id)
    from dataclasses import replace

    from reader.store.model import StatusChange

    # Another program set a note meanwhile; ours applied the earlier verdict.
    theirs = replace(base, note="Their note.", updated="2026-05-01T00:00:00.000000Z",
                     history=(*base.history, StatusChange(
                         "2026-05-01T00:00:00.000000Z", "unreviewed", "unreviewed", "dee",
                         "note", "Their note.")))
    ours = handle.set_decision(claim_id, "verified", "Flood report, table 3.", (FLOOD_REPORT,),
                               reused_from="a" * 32 + "/q-1")
    merged, outcome, conflict = merge_claim(ours, theirs, "2026-05-02T00:00:00.000000Z",
                                            winner="incoming")
    assert outcome == "conflict" and conflict is not None and conflict.fields == ("note",)
    assert merged.status == "verified" and merged.sources == (FLOOD_REPORT,)
    assert merged.note == "Their note."  # kept on disk; ours is an open conflict
    assert [c.field for c in merged.open_conflicts()] == ["note"]
    assert "reuse" in [change.event for change in merged.history]
    # Merging the same two again changes nothing.
    assert merge_claim(merged, ours, "2026-05-03T00:00:00.000000Z")[0].history == \
        merged.history


def test_applying_is_one_undo_step(second_outlet) -> None:
    from reader.analysis.model import Analysis
    from reader.document.model import Document

    handle = second_outlet
    text = handle.review.document.text
    session = ReviewSession(Document.from_plain_text(text), Analysis(), handle)
    claim_id = next(iter(handle.review.claims))
    earlier = _earlier()
    session.apply_verdict(claim_id, *applied_decision(session.claim(claim_id), earlier),
                          earlier.origin)
    assert session.claim(claim_id).status == "verified"
    assert session.undo_stack.undo_label == "earlier verdict"
    assert session.undo() == claim_id
    claim = session.claim(claim_id)
    assert (claim.status, claim.note, claim.sources) == ("unreviewed", "", ())
    session.redo()
    claim = session.claim(claim_id)
    assert (claim.status, claim.sources) == ("verified", (FLOOD_REPORT,))
    assert [c.event for c in claim.history].count("reuse") == 2
