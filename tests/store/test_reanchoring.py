"""Re-anchoring claims onto a changed text: exact, moved, fuzzy, orphaned, and property tests."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_builders import ARTICLE, figure_analyser, make_document

from reader.analysis.model import Claim
from reader.store.anchoring import reanchor
from reader.store.model import Anchor, ReviewClaim

NOW = "2026-01-01T00:00:00.000000Z"
WORDS = ["the", "council", "said", "wall", "sea", "homes", "40%", "2019", "mayor", "flood",
         "people", "marina", "plan", "costs", "million", "euros", "voted", "only", "coast",
         "new", "cover", "lost", "would", "build", "due", "finish", "schedule", "own", "reyl",
         "okafor"]


def _claim(claim_id: str, text: str, start: int, end: int, status: str = "verified") -> ReviewClaim:
    return ReviewClaim(id=claim_id, kind="quote", origin="auto",
                       anchor=Anchor.from_text(text, start, end), created=NOW, updated=NOW,
                       status=status)  # type: ignore[arg-type]


@st.composite
def text_and_spans(draw, distinct: bool = False):
    # With ``distinct`` no word repeats, so each claim's words and context are its own: in a
    # text like "the the the" no reader (or algorithm) can say which "the" a claim was on.
    word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)
    if distinct:
        words = draw(st.lists(word, min_size=8, max_size=120, unique=True))
    else:
        words = draw(st.lists(st.sampled_from(WORDS), min_size=8, max_size=120))
    text = " ".join(words)
    starts = [0]
    for word in words[:-1]:
        starts.append(starts[-1] + len(word) + 1)
    spans = []
    count = draw(st.integers(1, 6))
    for _ in range(count):
        first = draw(st.integers(0, len(words) - 1))
        last = draw(st.integers(first, min(len(words) - 1, first + 5)))
        spans.append((starts[first], starts[last] + len(words[last])))
    return text, sorted(set(spans))


@settings(max_examples=150, deadline=None)
@given(text_and_spans())
def test_unchanged_text_places_every_claim_exactly(case):
    text, spans = case
    claims = {f"c{i}": _claim(f"c{i}", text, s, e) for i, (s, e) in enumerate(spans)}
    moved, report = reanchor(claims, text, text)
    assert report.orphaned == () and report.fuzzy == ()
    for claim_id, claim in claims.items():
        assert moved[claim_id].anchor == claim.anchor
        assert moved[claim_id].status == "verified"


@st.composite
def edited(draw):
    text, spans = draw(text_and_spans(distinct=True))
    # Edits anywhere no claim's words are: insertions of text the claims cannot contain (capital
    # letters), and deletions of runs that touch no claim.
    edits = []
    for _ in range(draw(st.integers(1, 5))):
        position = draw(st.integers(0, len(text)))
        if any(s < position < e for s, e in spans):
            continue
        if draw(st.booleans()):
            inserted = draw(st.text(alphabet="XYZ .,\n", min_size=1, max_size=60))
            edits.append(("insert", position, inserted))
        else:
            length = draw(st.integers(1, 40))
            end = min(len(text), position + length)
            if any(position < e and end > s for s, e in spans) or end <= position:
                continue
            edits.append(("delete", position, end))
    return text, spans, edits


def _apply(text, spans, edits):
    """Apply edits right to left, shifting the claims' offsets as the edits do."""
    spans = list(spans)
    for kind, position, arg in sorted(edits, key=lambda e: e[1], reverse=True):
        if kind == "insert":
            delta = len(arg)
            text = text[:position] + arg + text[position:]
            spans = [(s + delta, e + delta) if s >= position else (s, e) for s, e in spans]
        else:
            end = arg
            if any(position < e and end > s for s, e in spans):
                continue  # an earlier edit moved things so this one would touch a claim
            delta = end - position
            text = text[:position] + text[end:]
            spans = [(s - delta, e - delta) if s >= end else (s, e) for s, e in spans]
    return text, spans


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(edited())
def test_edits_elsewhere_keep_every_claim_on_its_own_words(case):
    text, spans, edits = case
    new_text, expected = _apply(text, spans, edits)
    claims = {f"c{i}": _claim(f"c{i}", text, s, e) for i, (s, e) in enumerate(spans)}
    moved, report = reanchor(claims, text, new_text)
    assert report.orphaned == ()
    for i, (start, end) in enumerate(expected):
        anchor = moved[f"c{i}"].anchor
        assert new_text[anchor.start : anchor.end] == text[spans[i][0] : spans[i][1]]
        assert (anchor.start, anchor.end) == (start, end), (claims[f"c{i}"].anchor, anchor)


def test_identical_quotes_each_keep_their_own_place():
    text = ('Ann said "we will win" at noon. Later Bo said "we will win" at night. '
            'Then Cy said "we will win" again.')
    spans = [(i, i + len("we will win")) for i in range(len(text)) if text.startswith(
        "we will win", i)]
    claims = {f"c{i}": _claim(f"c{i}", text, s, e, status=st)
              for i, ((s, e), st) in enumerate(zip(spans, ["verified", "disputed",
                                                           "unverifiable"], strict=True))}
    new_text = "Breaking. " + text.replace("Later Bo", "Much later, Bo")
    moved, _ = reanchor(claims, text, new_text)
    expected = [i for i in range(len(new_text)) if new_text.startswith("we will win", i)]
    assert [moved[f"c{i}"].anchor.start for i in range(3)] == expected
    assert [moved[f"c{i}"].status for i in range(3)] == ["verified", "disputed", "unverifiable"]


def test_identical_quotes_found_by_context_when_the_diff_cannot_tell():
    # A big rewrite around the quotes: no position hint, the prefix/suffix decide.
    text = ('Ann said "we will win" at noon. Bo said "we will win" at night.')
    spans = [(i, i + len("we will win")) for i in range(len(text)) if text.startswith(
        "we will win", i)]
    claims = {f"c{i}": _claim(f"c{i}", text, s, e) for i, (s, e) in enumerate(spans)}
    new_text = ('Bo said "we will win" at night. Earlier, at noon, Ann said "we will win" at '
                "noon.")
    moved, _ = reanchor(claims, text, new_text)
    assert new_text[: moved["c0"].anchor.start].endswith('Ann said "')
    assert new_text[: moved["c1"].anchor.start].endswith('Bo said "')


def test_reworded_claim_is_placed_fuzzily_and_keeps_its_verdict():
    text = ARTICLE
    start = text.index("the wall would cover only 40% of the coast")
    claim = _claim("c", text, start, start + len("the wall would cover only 40% of the coast"))
    new_text = text.replace("the wall would cover only 40% of the coast",
                            "the wall would cover only 40 % of the coastline")
    moved, report = reanchor({"c": claim}, text, new_text)
    assert report.fuzzy == ("c",)
    placed = moved["c"].anchor
    assert "wall would cover only 40 % of the coast" in new_text[placed.start : placed.end]
    assert moved["c"].status == "verified" and not moved["c"].orphaned


def test_claim_whose_words_are_gone_is_orphaned_never_deleted_and_comes_back():
    text = ARTICLE
    quote = "This plan protects the marina, not the people,"
    start = text.index(quote)
    claim = replace(_claim("c", text, start, start + len(quote)), note="checked")
    cut = text.replace(quote, "")
    moved, report = reanchor({"c": claim}, text, cut)
    assert report.orphaned == ("c",)
    assert moved["c"].orphaned and moved["c"].note == "checked"
    kept = moved["c"].anchor  # its words and context are kept; its place is where they were
    assert (kept.exact, kept.prefix, kept.suffix) == (quote, claim.anchor.prefix,
                                                      claim.anchor.suffix)
    assert kept.start == kept.end == start
    back, report = reanchor(moved, cut, text)
    assert not back["c"].orphaned and back["c"].anchor.start == start


def test_new_auto_claims_arrive_unreviewed_and_known_ones_are_not_duplicated():
    text = "Alpha said 10 ships sank."
    claims = {"c": _claim("c", text, 11, 24)}
    new_text = "Update: 3 ports closed. " + text
    analysis = [Claim(id="c2", kind="quote", start=35, end=48, text=new_text[35:48]),
                Claim(id="p", kind="figure", start=8, end=22, text=new_text[8:22])]
    moved, report = reanchor(claims, text, new_text, analysis, NOW)
    assert report.added == ("p",)
    assert moved["p"].status == "unreviewed" and moved["p"].text == "3 ports closed"
    assert "c2" not in moved  # same kind and words as the reviewed claim "c"
    assert moved["c"].status == "verified" and moved["c"].anchor.start == 35


def test_store_reanchors_when_the_file_changed(store_factory, article_path):
    store = store_factory()
    handle = store.open_review(make_document(ARTICLE, article_path), analyser=figure_analyser)
    decided = {cid: st for cid, st in zip(handle.review.claims, ["verified", "disputed",
                                                                   "unverifiable"], strict=False)}
    for claim_id, status in decided.items():
        handle.set_status(claim_id, status)
    edited_text = "Correction appended on 3 March.\n\n" + ARTICLE.replace("Tuesday", "Wednesday")
    article_path.write_text(edited_text, encoding="utf-8")
    again = store_factory().open_review(make_document(edited_text, article_path),
                                        analyser=figure_analyser)
    assert again.review.review_id == handle.review.review_id
    assert again.reanchor_report is not None
    claims = again.review.claims
    for claim_id, status in decided.items():
        claim = claims[claim_id]
        assert claim.status == status
        if not claim.orphaned:
            assert edited_text[claim.anchor.start : claim.anchor.end] == claim.text
    new = [c for c in claims.values() if c.id not in handle.review.claims]
    assert new and all(c.status == "unreviewed" for c in new)
    assert again.review.document.sha256 != handle.review.document.sha256


def test_deleted_sentence_is_not_found_in_its_near_twin_neighbour():
    lines = [f"Speaker {n} said that {n * 13} ferries sailed from harbour {n}." for n in range(8)]
    text = "\n".join(lines)
    claims = {}
    pos = 0
    for n, line in enumerate(lines):
        claims[f"c{n}"] = _claim(f"c{n}", text, pos, pos + len(line))
        pos += len(line) + 1
    edited_lines = list(lines)
    edited_lines[5] = edited_lines[5].replace("ferries", "boats")
    del edited_lines[3]
    new_text = "\n".join(edited_lines)
    moved, report = reanchor(claims, text, new_text)
    assert report.orphaned == ("c3",) and report.fuzzy == ("c5",)
    assert new_text[moved["c5"].anchor.start : moved["c5"].anchor.end] == edited_lines[4]
    for n in (0, 1, 2, 4, 6, 7):
        assert new_text[moved[f"c{n}"].anchor.start : moved[f"c{n}"].anchor.end] == lines[n]


def test_orphan_of_a_shortened_article_keeps_the_review_openable(store_factory, tmp_path):
    article = tmp_path / "a.txt"
    store = store_factory()
    handle = store.open_review(make_document(ARTICLE, article), analyser=figure_analyser)
    last = max(handle.review.claims.values(), key=lambda c: c.anchor.end)
    handle.set_status(last.id, "verified")
    short = ARTICLE[: ARTICLE.index("Opposition")]  # the end of the article was cut
    shortened = store_factory().open_review(make_document(short, article),
                                            analyser=figure_analyser)
    assert shortened.last_error is None
    reopened = store_factory().open_review(make_document(short, article),
                                           analyser=figure_analyser)  # no StoreCorruptError
    claim = reopened.review.claims[last.id]
    assert claim.orphaned and claim.status == "verified" and claim.text == last.text
    assert all(c.anchor.end <= len(short) for c in reopened.review.claims.values())


def test_file_with_an_orphan_past_the_end_of_its_text_still_opens(store_factory, tmp_path):
    article = tmp_path / "a.txt"
    handle = store_factory().open_review(make_document(ARTICLE, article),
                                         analyser=figure_analyser)
    claim_id = next(iter(handle.review.claims))
    data = json.loads(handle.path.read_text(encoding="utf-8"))
    data["claims"][claim_id]["orphaned"] = True
    data["claims"][claim_id]["anchor"].update(start=len(ARTICLE) + 50, end=len(ARTICLE) + 90)
    handle.path.write_text(json.dumps(data), encoding="utf-8")  # as versions before the fix wrote
    reopened = store_factory().load(handle.review.review_id)
    assert reopened.review.claims[claim_id].orphaned
