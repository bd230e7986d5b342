""""Seen before": a claim in a new article that someone already gave a verdict on, in another
review.

Close means one of two things (issue 14):

- **the same speaker and near-identical words** (quotes, and reported speech without a
  figure): the same quote reported by another outlet, often cut differently (a clause left
  out, "…" for words dropped, a bracketed insertion). The words of the shorter claim, in
  order, are nearly all in the longer one (``WORDS_CONTAINMENT``); the speakers agree ("Dr
  Ines Okafor", "Okafor" and "I. Okafor" do; "Tom Okafor" does not).
- **the same figure in a near-identical sentence**: the figure's value and unit agree however
  it is written ("5.2%", "5.2 per cent"), and every word of the sentence with fewer words is
  in the other (as sets, so a clause moved or cut, or the source named first, last or not at
  all, does not count; the commonest words and the source's name are left aside). One word
  more or less is another sentence: "composting rates reached 47%" is not "recycling rates
  reached 47%", and no rule on words alone tells that apart from a synonym ("rose",
  "climbed"), so a synonym is missed rather than a different claim matched.
  When either claim is a quote, the speakers must not differ (someone else saying the same
  words is another quote); a figure stated in a sentence is the same figure whoever the
  outlet says gave it ("the council said" in one, "the mayor said" in another).

Either way a **changed number** never matches: every figure of the claim with fewer figures
must be in the other (a cut may drop one, never change one), so "400 homes" is not "500
homes"; and a "not" (or "never", "no" …) in one claim's words where the other has none, within
the words they share, is another claim, however alike the rest.

The thresholds were set on pairs built for it (``tests/bench/eval_seen_before.py``, which
reports precision and recall on a development set and on a second set written after they
were fixed).

Finding candidates must not read every stored claim: each claim with a verdict is filed under
keys (``words.stored_keys``: runs of three words, and its figures), and a new claim looks up
each of its own runs and figures. Runs shared by very many claims ("said on Tuesday that")
say nothing and are skipped (``COMMON_KEY``).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from rapidfuzz.distance import Indel, LCSseq

from reader.memory.words import (
    NEGATIONS,
    content_words,
    figure_tokens,
    figures_agree,
    lookup_keys,
    plain_words,
    same_speaker,
    speaker_names,
    tokens,
)
from reader.store.merge import source_key
from reader.store.model import ReviewClaim, Source

WORDS_MIN = 4
"""The shorter claim needs this many words for the words rule: "a disgrace" by the same
person in two articles is not yet the same quote."""
WORDS_CONTAINMENT = 0.9
"""Share of the shorter claim's words found, in order, in the longer one."""
FIGURE_OVERLAP = 1.0
"""Share of the shorter sentence's words (less the commonest: "the", "said" …, and the
source's name) found in the other one, for the figure rule. 0.8 also took a synonym, and
with it a sentence about something else (a changed subject: precision 0.95 instead of 1.0
on the evaluation pairs)."""
FIGURE_DICE = 0.5
"""And the two sentences' shared words against both their lengths: a short sentence is not
the same as a long one that merely holds its few words."""
FIGURE_MIN_WORDS = 3
COMMON_KEY = 2000
"""A key filed under more claims than this is skipped: it is a phrase, not a claim."""
CANDIDATES = 60
"""Per new claim, the stored claims sharing the most keys that are compared in full."""
LIMIT = 5
"""Earlier claims kept per new claim, closest first."""


@dataclass(frozen=True, slots=True)
class Match:
    rule: str  # "words" or "figure"
    similarity: float


@dataclass(frozen=True, slots=True)
class Probe:
    """A claim of the article being read."""

    claim_id: str
    text: str
    speaker: str | None = None
    kind: str = "quote"


@dataclass(frozen=True, slots=True)
class SeenBefore:
    """An earlier claim with a verdict that matches a claim of the article being read."""

    review_id: str
    claim_id: str
    status: str
    similarity: float
    rule: str
    text: str
    speaker: str | None
    note: str
    sources: tuple[Source, ...]
    title: str
    site: str
    url: str
    path: str | None
    day: str
    updated: str

    @property
    def origin(self) -> str:
        """How the history records where an applied verdict came from."""
        return f"{self.review_id}/{self.claim_id}"

    def to_dict(self) -> dict[str, Any]:
        """``status --json``'s entry: the four fields the issue names, then how it matched and
        where the earlier claim is."""
        return {"review": self.review_id, "claim_id": self.claim_id, "status": self.status,
                "similarity": self.similarity, "match": self.rule, "title": self.title,
                "date": self.day}


def _negation_differs(short: list[str], long: list[str]) -> bool:
    """A negation on one side only, within the words the two share (a "not" in a clause the
    shorter claim cut away does not count)."""
    blocks = Indel.opcodes(short, long)
    equal = [block for block in blocks if block.tag == "equal"]
    if not equal:
        return False
    first, last = equal[0].dest_start, equal[-1].dest_end
    for block in blocks:
        if block.tag in ("delete", "replace") and any(
                word in NEGATIONS for word in short[block.src_start:block.src_end]):
            return True
        if block.tag in ("insert", "replace") and any(
                word in NEGATIONS for word in long[max(block.dest_start, first):
                                                   min(block.dest_end, last)]):
            return True
    return False


def _matched_figures(fewer: set[str], more: set[str]) -> dict[str, str] | None:
    """Each figure of ``fewer`` paired with the one of ``more`` it agrees with, or None when
    one has no partner (a changed number)."""
    pairs = {}
    for token in fewer:
        partner = token if token in more else next(
            (other for other in sorted(more) if figures_agree(token, other)), None)
        if partner is None:
            return None
        pairs[token] = partner
    return pairs


def _containment(short: list[str], long: list[str]) -> float:
    return LCSseq.similarity(short, long) / len(short) if short else 0.0


def compare(first: list[str], first_speaker: str | None, second: list[str],
            second_speaker: str | None, quoted: bool = True,
            texts: tuple[str, str] | None = None) -> Match | None:
    """Whether two claims (as ``words.tokens``) are close in the sense of the module's
    docstring, and how close (0 to 1). ``quoted``: either claim is a quote. ``texts``: the
    two claims' words as written, for a second look at quotes whose figures were read
    differently."""
    same = same_speaker(first_speaker, second_speaker)
    if quoted and first_speaker and second_speaker and not same:
        return None
    first_figures, second_figures = figure_tokens(first), figure_tokens(second)
    fewer, more = sorted((first_figures, second_figures), key=len)
    partners = _matched_figures(fewer, more)
    if partners is None:
        return None  # a changed number: some figure of one claim is not in the other
    if partners and any(key != value for key, value in partners.items()):
        # Read "6,000 …" as the "6,000 jobs" it agrees with, so the words line up.
        rename = partners if fewer is first_figures else {v: k for k, v in partners.items()}
        first = [rename.get(word, word) for word in first]
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    best: Match | None = None
    # The words rule is the quotes' (and reported speech's, which has no figure): a sentence
    # stating a figure is judged by the figure rule alone, which takes no word changed.
    if same and len(short) >= WORDS_MIN and (quoted or not more):
        containment = _containment(short, long)
        if containment < WORDS_CONTAINMENT and texts is not None:
            plain = sorted((plain_words(texts[0]), plain_words(texts[1])), key=len)
            if _containment(*plain) >= WORDS_CONTAINMENT:
                short, long = plain
                containment = _containment(short, long)
        if containment >= WORDS_CONTAINMENT and not _negation_differs(short, long):
            best = Match("words", round(containment, 3))
    if fewer:
        # Who the sentence names as its source ("the statistics office said") is not what it
        # says: one outlet names it, another does not.
        names = set(speaker_names(first_speaker)) | set(speaker_names(second_speaker))
        a, b = content_words(first) - names, content_words(second) - names
        smaller = min(len(a), len(b))
        if smaller >= FIGURE_MIN_WORDS:
            shared = len(a & b)
            overlap = shared / smaller
            dice = 2 * shared / (len(a) + len(b))
            if overlap >= FIGURE_OVERLAP and dice >= FIGURE_DICE and \
                    (best is None or overlap > best.similarity) and \
                    not _negation_differs(short, long):
                best = Match("figure", round(overlap, 3))
    return best


_DETAILS = ("SELECT c.id, c.words, c.speaker, c.status, c.claim_id, c.text, c.note, c.sources, "
            "c.updated, r.review_id, r.title, r.site, r.url, r.path, r.day, c.kind FROM claims c "
            "JOIN reviews r ON r.rid = c.rid WHERE c.words IS NOT NULL AND c.id IN ({})")


def seen_before(db: sqlite3.Connection, probes: list[Probe],
                exclude_review: str | None = None,
                limit: int = LIMIT) -> dict[str, list[SeenBefore]]:
    """For each probe that was seen before, the earlier claims with a verdict, closest first
    (claims of ``exclude_review``, the article's own review, left out)."""
    prepared = [(probe, words) for probe in probes if (words := tokens(probe.text))]
    postings: dict[int, list[int] | None] = {}
    wanted: dict[str, list[int]] = {}
    for probe, words in prepared:
        counts: Counter[int] = Counter()
        for key in lookup_keys(words):
            if key not in postings:
                rows = db.execute("SELECT id FROM keys WHERE key = ? LIMIT ?",
                                  (key, COMMON_KEY + 1)).fetchall()
                postings[key] = None if len(rows) > COMMON_KEY else [row[0] for row in rows]
            found = postings[key]
            if found:
                counts.update(found)
        if counts:
            wanted[probe.claim_id] = [claim for claim, _ in counts.most_common(CANDIDATES)]
    needed = sorted({claim for claims in wanted.values() for claim in claims})
    rows: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(needed), 500):
        chunk = needed[start:start + 500]
        for row in db.execute(_DETAILS.format(",".join("?" * len(chunk))), chunk):
            if row[9] != exclude_review:
                rows[row[0]] = row
    found: dict[str, list[SeenBefore]] = {}
    split: dict[int, list[str]] = {}
    for probe, words in prepared:
        matches = []
        for claim in wanted.get(probe.claim_id, ()):
            row = rows.get(claim)
            if row is None:
                continue
            if claim not in split:
                split[claim] = row[1].split(" ") if row[1] else []
            match = compare(words, probe.speaker, split[claim], row[2],
                            quoted=probe.kind == "quote" or row[15] == "quote",
                            texts=(probe.text, row[5]))
            if match is not None:
                matches.append(_seen(row, match))
        if matches:
            # Closest first; of equally close ones, the latest verdict first.
            matches.sort(key=lambda seen: (seen.updated, seen.review_id), reverse=True)
            matches.sort(key=lambda seen: -seen.similarity)
            found[probe.claim_id] = matches[:limit]
    return found


def _seen(row: tuple[Any, ...], match: Match) -> SeenBefore:
    (_, _, speaker, status, claim_id, text, note, sources, updated, review_id, title, site,
     url, path, day, _) = row
    try:
        source_list = tuple(Source.from_dict(item) for item in json.loads(sources))
    except (ValueError, KeyError, TypeError, AttributeError):
        source_list = ()
    return SeenBefore(review_id, claim_id, status, match.similarity, match.rule, text, speaker,
                      note, source_list, title, site, url, path, day, updated)


def applied_decision(claim: ReviewClaim, earlier: SeenBefore
                     ) -> tuple[str, str, tuple[Source, ...]]:
    """The claim's status, note and sources once the earlier verdict is applied: the earlier
    status (unless it had none), the earlier note (added after the claim's own, never over
    it), and the earlier sources the claim does not have yet (by address, citation and
    title)."""
    status = earlier.status if earlier.status != "unreviewed" else claim.status
    note = claim.note
    theirs = earlier.note.strip()
    if theirs and theirs not in note:
        note = f"{note.rstrip()}\n\n{theirs}" if note.strip() else theirs
    sources = list(claim.sources)
    ids = {source.id for source in sources}
    keys = {source_key(source) for source in sources}
    for source in earlier.sources:
        if source_key(source) in keys:
            continue
        if source.id in ids:
            source = replace(source, id=uuid.uuid4().hex[:12])
        sources.append(source)
        ids.add(source.id)
        keys.add(source_key(source))
    return status, note, tuple(sources)
