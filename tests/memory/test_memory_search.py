"""Searching every stored review: words, phrases and prefixes, snippets, filters, and input
that must never make a failing query."""

from __future__ import annotations

import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from memory_builders import ArticleSpec, ClaimSpec, write_review

from reader.memory.index import ClaimMemory
from reader.memory.records import article_of
from reader.memory.search import (
    MARK_END,
    MARK_START,
    SearchError,
    SearchQuery,
    match_expression,
    search,
)


def _search(memory: ClaimMemory, text: str = "", **filters):
    return memory.guarded(lambda db: search(db, SearchQuery(text, **filters)))


def _texts(memory: ClaimMemory, text: str = "", **filters) -> list[str]:
    return [hit.text for hit in _search(memory, text, **filters).hits]


def _in_words(memory: ClaimMemory, text: str) -> list[str]:
    """The claims whose own words hold the query (not their note, sources or title)."""
    return [hit.text for hit in _search(memory, text).hits if hit.found_in == "words"]


HOSTILE = ['"', '""', '"""', "AND", "OR", "NOT", "AND OR NOT", "*", "**", "NEAR(", "NEAR(a b",
           "near(sea, wall)", "words:", "speaker : okafor", "{words note}: sea", "^sea",
           "sea -wall", "(", ")", "()", "'", "sea'", "\\", "%", "_", "sea + wall", "a:b:c",
           "-", "—", "…", '"sea wall', 'sea" wall', "\x00", "🌊", "rowid", "rank MATCH 1",
           "x" * 2000, "sea " * 300]


@pytest.mark.parametrize("text", HOSTILE)
def test_no_input_makes_a_failing_query(memory, text) -> None:
    query = SearchQuery(text)
    if query.empty:
        assert match_expression(text) == ""
        return
    results = memory.guarded(lambda db: search(db, query))
    assert results.total >= 0


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_any_text_searches_without_error(memory_once, text) -> None:
    query = SearchQuery(text, limit=3)
    if not query.empty:
        memory_once.guarded(lambda db: search(db, query))


@pytest.fixture(scope="module")
def memory_once(tmp_path_factory):
    """One index for the Hypothesis test (function-scoped fixtures are not reset between its
    examples)."""
    from memory_articles import CLINIC, HARBOUR

    folder = tmp_path_factory.mktemp("once")
    for article in (HARBOUR, CLINIC):
        write_review(folder / "store", article)
    with ClaimMemory(folder / "store", folder / "index.sqlite3") as memory:
        memory.sync()
        yield memory


def test_operators_typed_are_words_to_find(memory) -> None:
    # "not" is a word of the Reyl quote, never FTS5's NOT.
    assert _texts(memory, "marina NOT people") == [
        "This plan protects the marina, not the people who live behind it."]
    assert _texts(memory, "marina AND") == _texts(memory, "marina and")


def test_every_word_must_be_found_and_a_phrase_in_order(memory) -> None:
    assert len(_in_words(memory, "sea")) == 2
    assert _in_words(memory, "sea tuesday") == [
        "The council voted on Tuesday to build a sea wall costing £4.2 million."]
    assert _texts(memory, '"wall sea"') == []
    hits = _search(memory, '"sea wall"').hits
    assert hits[0].text == "The council voted on Tuesday to build a sea wall costing £4.2 million."
    # then the other claims of the article whose title holds the phrase
    assert [hit.found_in for hit in hits] == ["words", "title", "title", "title"]


def test_a_prefix_finds_the_other_forms_of_a_word(memory) -> None:
    assert _texts(memory, "floode") == []  # no stemming
    assert _texts(memory, "flooded") == _texts(memory, "floode*")  # the note's word
    assert len(_in_words(memory, "flood*")) == 1  # "flooding"


def test_accents_and_case_do_not_matter_and_names_are_not_stemmed(memory) -> None:
    assert _texts(memory, "INES") == _texts(memory, "inés")
    hits = _search(memory, "ines").hits
    assert [hit.found_in for hit in hits] == ["speaker"]  # not every "in"
    assert f"{MARK_START}Inés{MARK_END}" in hits[0].snippet


def test_snippets_mark_the_words_where_they_were_found(memory) -> None:
    [hit] = _search(memory, "payroll").hits
    assert hit.found_in == "note"
    assert f"{MARK_START}Payroll{MARK_END} shows 84 new nurses" in hit.snippet
    [hit] = _search(memory, "damage").hits
    assert hit.found_in == "sources"
    [hit] = _search(memory, "damage report").hits  # one word in the sources, one in the note
    assert hit.found_in == "note"
    [hit] = _search(memory, "trolley").hits
    assert hit.found_in == "words"
    assert hit.snippet == (f"No patient waited more than 12 hours on a {MARK_START}trolley"
                           f"{MARK_END} last month.")
    [hit] = _search(memory, "nurse").hits
    assert "👩‍⚕️" in hit.snippet  # emoji kept whole


def test_words_in_the_claim_rank_above_words_elsewhere(memory) -> None:
    hits = _search(memory, "council").hits
    assert hits[0].found_in == "words"
    assert {hit.found_in for hit in hits[1:]} <= {"words", "note", "sources", "title"}


def test_filters_speaker_status_date_and_site(memory) -> None:
    assert len(_texts(memory, speaker="Lindqvist")) == 3
    assert len(_texts(memory, speaker="marta lindqvist")) == 3
    assert _texts(memory, speaker="Marta Okafor") == []
    assert len(_texts(memory, "nurse*", statuses=("disputed",))) == 1
    assert len(_texts(memory, statuses=("verified", "disputed"))) == 4
    assert len(_texts(memory, statuses=("unreviewed",))) == 2
    # HARBOUR was reviewed on 2026-03-02, CLINIC on 2026-04-15 (no publication dates).
    assert len(_texts(memory, since="2026-04")) == 3
    assert len(_texts(memory, until="2026-03")) == 4
    assert len(_texts(memory, since="2026-03-02", until="2026-03-02")) == 4
    assert _texts(memory, since="2026", until="2025") == []
    assert len(_texts(memory, site="harbourpost")) == 4  # from the address, www. dropped
    assert len(_texts(memory, site="COASTNEWS.example")) == 3
    assert _texts(memory, site="%") == []  # a wildcard typed is a character
    assert len(_texts(memory, "sea", site="harbourpost", statuses=("disputed",))) == 1


def test_without_words_the_filters_list_the_latest_saved_reviews_first(store, memory) -> None:
    results = _search(memory, statuses=("verified",))
    assert [hit.review_id for hit in results.hits] == ["b" * 32, "a" * 32]  # CLINIC saved last
    assert all(hit.found_in == "" for hit in results.hits)
    from memory_articles import HARBOUR
    from memory_builders import write_review as rewrite

    rewrite(store, HARBOUR)  # saved again: now the latest
    memory.sync()
    assert [hit.review_id for hit in _search(memory, statuses=("verified",)).hits] == [
        "a" * 32, "b" * 32]
    by_site = _search(memory, site="coastnews").hits
    assert [hit.text[:12] for hit in by_site] == ["Waiting time", "We have hire",
                                                  "No patient w"]  # in reading order


def test_over_the_rank_window_the_latest_saved_matches_are_ranked(memory, monkeypatch) -> None:
    import reader.memory.search as search_module

    monkeypatch.setattr(search_module, "RANK_WINDOW", 3)
    results = _search(memory, "the")
    assert results.more and results.total == 3
    latest = [row[0] for row in memory.db.execute(
        "SELECT c.claim_id FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid WHERE "
        "claims_fts MATCH '\"the\"' ORDER BY claims_fts.rowid DESC LIMIT 3")]
    assert sorted(hit.claim_id for hit in results.hits) == sorted(latest)
    assert not _search(memory, "nurse*").more


def test_a_prefix_needs_three_letters(memory) -> None:
    assert match_expression("flo*") == '"flo"*'
    assert match_expression("fl*") == '"fl"'  # the word "fl", not every word starting so
    assert match_expression("**") == ""


def test_the_limit_and_the_total(memory) -> None:
    results = _search(memory, "the", limit=2)
    assert len(results.hits) == 2 and results.total == 6 and not results.more


@pytest.mark.parametrize("bad", ["2026-13", "2026-02-30", "March", "26", "2026/03/01"])
def test_a_date_that_is_not_one_is_refused(bad) -> None:
    with pytest.raises(SearchError, match="not a date"):
        SearchQuery("x", since=bad)


def test_a_status_that_is_not_one_is_refused() -> None:
    with pytest.raises(SearchError, match="not a status"):
        SearchQuery("x", statuses=("Verifed",))


def test_empty_queries() -> None:
    for text in ("", "   ", '"', "*", "— …", '""'):
        assert SearchQuery(text).empty
    assert not SearchQuery("", speaker="Okafor").empty
    assert not SearchQuery("", statuses=("verified",)).empty


def test_the_articles_metadata_gives_site_and_date_when_present() -> None:
    """``document.metadata`` arrives with the documents branch; read with .get when present."""
    from memory_articles import HARBOUR
    from memory_builders import review_of

    review = review_of(HARBOUR)
    document = types.SimpleNamespace(
        title=review.document.title, url=review.document.url, source_path=None,
        metadata={"site": "The Harbour Post", "published": "2026-02-27T07:15:00+00:00",
                  "author": "Mara Quill"})
    article = article_of(types.SimpleNamespace(document=document, created=review.created,
                                               updated=review.updated), "a" * 32)
    assert (article.site, article.published, article.day) == (
        "The Harbour Post", "2026-02-27", "2026-02-27")
    plain = article_of(review, "a" * 32)
    assert (plain.site, plain.published, plain.day) == ("harbourpost.example", "",
                                                        "2026-03-02")
    document.metadata = {"published": "last Tuesday", "site": "  "}
    odd = article_of(types.SimpleNamespace(document=document, created=review.created,
                                           updated=review.updated), "a" * 32)
    assert (odd.site, odd.day) == ("harbourpost.example", "2026-03-02")


def test_dismissed_claims_are_not_searched(tmp_path) -> None:
    write_review(tmp_path / "store", ArticleSpec("Quay", [
        ClaimSpec("The quay reopens in May, the harbour master said.", "the harbour master",
                  "attribution", dismissed=True),
        ClaimSpec("Fourteen ships waited off the quay in 2025.", None, "figure")]))
    with ClaimMemory(tmp_path / "store", tmp_path / "index.sqlite3") as memory:
        memory.sync()
        assert _texts(memory, "quay") == ["Fourteen ships waited off the quay in 2025."]


def test_the_site_and_date_come_from_the_articles_metadata(tmp_path) -> None:
    """With issue 13's document.metadata in the review file: the site's name and the
    publication date, not the address's host and the day the review started."""
    write_review(tmp_path / "store", ArticleSpec("Ferry fares rise", [ClaimSpec(
        "Fares will rise by 9% in April, the first rise in ten years.", "the ferry company",
        "figure", "verified")], url="https://www.islandtimes.example/ferry",
        created="2026-05-20T09:00:00.000000Z",
        metadata={"site": "The Island Times", "published": "2026-05-18T06:30:00+01:00"}))
    with ClaimMemory(tmp_path / "store", tmp_path / "index.sqlite3") as memory:
        memory.sync()
        [hit] = _search(memory, "fares").hits
        assert (hit.site, hit.day, hit.published) == ("The Island Times", "2026-05-18",
                                                       "2026-05-18")
        assert _texts(memory, "fares", site="island times") == [hit.text]
        assert _texts(memory, "fares", site="islandtimes.example") == [hit.text]
        assert _texts(memory, "fares", until="2026-05-18") == [hit.text]
        assert _texts(memory, "fares", since="2026-05-19") == []
