"""Finding a quote in a source: exact, near with word changes, not found, ellipses, and offsets
that stay right with accents, emoji and combining marks. All text here is written for the
tests."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.evidence.alignment import best_placement
from reader.evidence.matching import NEAR_SIMILARITY, find_quote, is_same_text
from reader.evidence.source_index import SourceIndex
from reader.evidence.words import Words, quote_segments

TRANSCRIPT = (
    "HARBOUR COUNCIL — MINUTES OF THE MEETING OF 4 MARCH\n\n"
    "THE MAYOR: Good evening. We will not raise the harbour fee this year, and every job at "
    "the port, every single one of them, will be protected. I said so in January and I say "
    "it again tonight.\n\n"
    "THE TREASURER: The budget is tight. Very tight. We have set aside 4.2 million for the "
    "sea wall, and not a cent more.\n\n"
    "COUNCILLOR REYL: This plan protects the marina, not the people who live behind it.\n"
)


@pytest.fixture(scope="module")
def index() -> SourceIndex:
    return SourceIndex(TRANSCRIPT)


def passage_of(match) -> str:
    return TRANSCRIPT[match.start : match.end]


def test_the_same_words_are_exact_and_the_offsets_give_the_passage(index) -> None:
    match = find_quote(index, "We will not raise the harbour fee this year")
    assert match.result == "exact"
    assert match.similarity == 1.0
    assert match.passage == passage_of(match) == "We will not raise the harbour fee this year"
    assert match.changes == ()


@pytest.mark.parametrize("quote", [
    "“We will NOT raise the Harbour fee, this year!”",   # curly quotes, case, punctuation
    "'we will not raise the harbour fee this year'",       # straight quotes, lower case
    "We  will\nnot raise\tthe harbour-fee this year…",     # spacing, a hyphen, a trailing …
    "« We will not raise the harbour fee this year »",     # guillemets
])
def test_quote_marks_case_punctuation_and_spacing_are_ignored(index, quote) -> None:
    match = find_quote(index, quote)
    assert match.result == "exact", quote
    assert match.passage == "We will not raise the harbour fee this year"


def test_a_changed_word_is_near_with_a_replace(index) -> None:
    match = find_quote(index, "We will never raise the harbour fee this year")
    assert match.result == "near"
    assert NEAR_SIMILARITY <= match.similarity < 1
    assert match.similarity == pytest.approx(8 / 9, abs=1e-3)
    (change,) = match.changes
    assert (change.op, change.article, change.source) == ("replace", "never", "not")
    assert TRANSCRIPT[change.start : change.end] == "not"
    assert match.passage == "We will not raise the harbour fee this year"


def test_words_the_article_left_out_and_added_read_from_the_source(index) -> None:
    left_out = find_quote(index, "The budget is tight. We have set aside 4.2 million for the "
                                 "sea wall")
    assert left_out.result == "near"
    assert [(c.op, c.source) for c in left_out.changes] == [("delete", "Very tight")]
    dropped = left_out.changes[0]
    assert TRANSCRIPT[dropped.start : dropped.end] == "Very tight"
    added = find_quote(index, "This plan only protects the marina, not the people")
    assert added.result == "near"
    assert [(c.op, c.article, c.source) for c in added.changes] == [("insert", "only", "")]
    insert = added.changes[0]
    assert insert.start == insert.end  # where the article's word goes
    assert TRANSCRIPT[insert.start - len("This plan") : insert.start] == "This plan"


def test_a_quote_the_source_does_not_hold_is_not_found(index) -> None:
    match = find_quote(index, "The ferry will run every hour through the winter months")
    assert match.result == "not_found"
    assert match.start is None and match.end is None and match.passage is None
    assert match.changes == ()
    assert match.similarity < NEAR_SIMILARITY


def test_a_quote_with_too_many_changes_is_not_found(index) -> None:
    # Half the words differ: too different to call it the source of the quote.
    match = find_quote(index, "We shall not lift the port charge during 2026")
    assert match.result == "not_found"


def test_an_ellipsis_stands_for_any_run_of_source_words(index) -> None:
    match = find_quote(index, "every job at the port … will be protected")
    assert match.result == "exact"
    assert match.passage == ("every job at the port, every single one of them, will be "
                             "protected")
    (gap,) = match.skipped
    assert TRANSCRIPT[gap[0] : gap[1]] == ", every single one of them, "


@pytest.mark.parametrize("ellipsis", ["...", "…", ". . .", "[…]", "[...]", "(…)"])
def test_every_way_of_writing_an_ellipsis(index, ellipsis) -> None:
    match = find_quote(index, f"We will not raise the harbour fee {ellipsis} every job at "
                              "the port")
    assert match.result == "exact", ellipsis
    assert match.passage.startswith("We will not raise") and match.passage.endswith("port")


def test_an_ellipsis_with_a_changed_word_is_near_and_the_gap_is_no_change(index) -> None:
    match = find_quote(index, "We will not raise the harbour fee … every worker at the port")
    assert match.result == "near"
    assert [(c.op, c.article, c.source) for c in match.changes] == [
        ("replace", "worker", "job")]


def test_the_parts_of_an_ellipsis_must_come_in_order(index) -> None:
    # Both parts are in the transcript, but the second comes first there.
    match = find_quote(index, "This plan protects the marina … We will not raise the harbour "
                              "fee this year")
    assert match.result != "exact"


def test_a_quote_that_is_only_an_ellipsis_or_punctuation_is_not_found(index) -> None:
    assert find_quote(index, "…").result == "not_found"
    assert find_quote(index, "“ — ”").result == "not_found"


def test_accents_are_words_and_offsets_stay_right() -> None:
    text = ("Réunion du conseil. La maire a dit : « Nous ne fermerons pas le café du port, "
            "ni l’école. » Fin.")
    index = SourceIndex(text)
    match = find_quote(index, "Nous ne fermerons pas le café du port, ni l’école")
    assert match.result == "exact"
    assert text[match.start : match.end] == "Nous ne fermerons pas le café du port, ni l’école"
    # Without its accents the word is another word: near, and the change says which.
    plain = find_quote(index, "Nous ne fermerons pas le cafe du port")
    assert plain.result == "near"
    assert [(c.article, c.source) for c in plain.changes] == [("cafe", "café")]


def test_a_combining_accent_is_the_same_letter_as_a_precomposed_one() -> None:
    decomposed = "The chef said: \"the cafe\u0301 stays open all winter\"."
    index = SourceIndex(decomposed)
    match = find_quote(index, "the café stays open all winter")
    assert match.result == "exact"
    assert decomposed[match.start : match.end] == "the cafe\u0301 stays open all winter"


def test_emoji_before_the_passage_do_not_shift_the_offsets() -> None:
    text = "🎤🎤 Live 👋🏽: the minister 🇬🇧 said we will open four new clinics by June 🏥."
    index = SourceIndex(text)
    match = find_quote(index, "we will open four new clinics by June")
    assert match.result == "exact"
    assert text[match.start : match.end] == "we will open four new clinics by June"
    assert match.start == text.index("we will")


def test_non_latin_scripts_are_matched_word_by_word() -> None:
    text = "Министр сказал: «Мы построим новую больницу в этом году». Затем он ушёл."
    index = SourceIndex(text)
    match = find_quote(index, "мы построим новую больницу в этом году")
    assert match.result == "exact"
    assert text[match.start : match.end] == "Мы построим новую больницу в этом году"
    hindi = "मंत्री ने कहा कि हम नया अस्पताल बनाएंगे और सड़क भी।"
    found = find_quote(SourceIndex(hindi), "हम नया अस्पताल बनाएंगे")
    assert found.result == "exact"
    assert hindi[found.start : found.end] == "हम नया अस्पताल बनाएंगे"


def test_combining_vowel_signs_stay_inside_their_word() -> None:
    words = Words.of("हम नया अस्पताल")
    assert [words.text[s:e] for s, e in zip(words.starts, words.ends, strict=True)] == [
        "हम", "नया", "अस्पताल"]


def test_the_best_of_two_similar_passages_is_chosen() -> None:
    text = ("First speech: we will build the wall next year if the money comes. "
            "Second speech: we will build the wall this year whatever the money says.")
    index = SourceIndex(text)
    match = find_quote(index, "we will build the wall this year whatever the money says")
    assert match.result == "exact"
    assert match.start == text.index("we will build the wall this year")


def test_a_one_word_quote_is_found_only_word_for_word() -> None:
    index = SourceIndex("He called the plan “reckless” and left.")
    assert find_quote(index, "reckless").result == "exact"
    assert find_quote(index, "careless").result == "not_found"


def test_the_same_text_is_recognised_as_the_article_itself() -> None:
    article = "The mayor said: “We will not raise the fee.” The council agreed."
    assert is_same_text(article, SourceIndex("THE MAYOR SAID — we will not raise the fee; "
                                             "the council agreed!"))
    assert not is_same_text(article, SourceIndex(article + " One more sentence."))


def test_quote_segments_split_at_ellipses_only() -> None:
    parts = quote_segments("… we will act [...] and we will act fast. U.S. 3.5 …")
    assert [" ".join(p.keys) for p in parts] == ["we will act", "and we will act fast u s 3 5"]


def test_a_long_source_finds_a_quote_far_in() -> None:
    rng = random.Random(7)
    words = ["alder", "birch", "cedar", "dune", "ember", "fjord", "glade", "heath", "inlet",
             "juniper", "kelp", "loch", "marsh", "nettle", "oak", "pine", "quarry", "reed"]
    filler = " ".join(rng.choice(words) for _ in range(60_000))
    quote = "the harbour master promised a second breakwater before the storms of autumn"
    text = f"{filler}. {quote.capitalize()}. {filler}"
    index = SourceIndex(text)
    match = find_quote(index, quote)
    assert match.result == "exact"
    assert text[match.start : match.end].lower() == quote


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["sea", "wall", "the", "fee", "port", "job", "we", "will",
                                 "not", "raise", "é", "naïve", "über"]), min_size=40,
                max_size=120),
       st.integers(0, 30), st.integers(3, 9), st.data())
def test_any_run_of_source_words_is_found_exactly_where_it_is(words, at, size, data) -> None:
    """Whatever the words and however often they repeat, a run copied from the source is
    exact and its offsets hold the same words (perhaps an earlier copy of them)."""
    separators = data.draw(st.lists(st.sampled_from([" ", ", ", " — ", "\n", " 🌊 "]),
                                    min_size=len(words), max_size=len(words)))
    text = "".join(w + s for w, s in zip(words, separators, strict=True))
    at = min(at, len(words) - size)
    quote = " ".join(words[at : at + size])
    match = find_quote(SourceIndex(text), quote)
    assert match.result == "exact"
    assert Words.of(text[match.start : match.end]).keys == Words.of(quote).keys


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=8),
       st.lists(st.integers(0, 5), min_size=1, max_size=20))
def test_the_passage_is_as_close_as_any_stretch_of_the_source(pattern, words) -> None:
    from rapidfuzz.distance import Levenshtein

    placed = best_placement(pattern, words, 0, len(words))
    best = min(Levenshtein.distance(pattern, words[i:j])
               for i in range(len(words) + 1) for j in range(i, len(words) + 1))
    if placed is None:
        assert not set(pattern) & set(words)
    else:
        assert placed.distance == best
        assert Levenshtein.distance(pattern, words[placed.first : placed.last]) == best


def test_a_changed_last_word_takes_in_the_source_s_form_of_it() -> None:
    # The fewest-edits passage would stop at "would" and report "would" changed to "costs":
    # the article turned "would cost" into "costs", and that is what a checker must see.
    source = SourceIndex("THE MAYOR: This wall is the cheapest thing we will ever build, "
                         "compared with what doing nothing would cost us. Thank you.")
    match = find_quote(source, "This wall is the cheapest thing we will ever build, compared "
                               "with what doing nothing costs.")
    assert match.result == "near"
    assert match.passage.endswith("doing nothing would cost")
    assert [(c.op, c.source, c.article) for c in match.changes] == \
        [("replace", "would cost", "costs")]


def test_a_changed_first_word_takes_in_the_source_s_form_of_it() -> None:
    source = SourceIndex("She told the board: we are building the quay in stages, "
                         "starting with the north pier.")
    match = find_quote(source, "Built the quay in stages, starting with the north pier")
    assert match.result == "near"
    assert match.passage.startswith("building the quay")
    assert [(c.op, c.source, c.article) for c in match.changes] == \
        [("replace", "building", "Built")]


def test_edits_side_by_side_are_one_change() -> None:
    source = SourceIndex("We have set aside 4.2 million for the sea wall, and not a cent "
                         "more than that.")
    match = find_quote(source, "We have set aside 4.2 million for the new harbour wall, and "
                               "not a cent more")
    assert [(c.op, c.source, c.article) for c in match.changes] == \
        [("replace", "sea", "new harbour")]
