"""Property tests: whatever a review holds, saving then loading gives it back unchanged, and the
file is exactly what ``json.dumps(indent=2, sort_keys=True)`` writes."""

from __future__ import annotations

import json
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.store import ReviewStore
from reader.store.model import (
    STATUSES,
    Anchor,
    DocumentSnapshot,
    Review,
    ReviewClaim,
    Source,
    StatusChange,
)
from reader.store.schema import MIGRATIONS, migrate
from reader.store.store import OpenReview

TIMES = st.builds(lambda s, us: f"2026-03-{1 + s % 28:02d}T12:{s % 60:02d}:00.{us:06d}Z",
                  st.integers(0, 10_000), st.integers(0, 999_999))
TEXTS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@st.composite
def reviews(draw):
    text = draw(st.text(min_size=1, max_size=300)) + "\x00entries\x00"  # the renderer's marker
    claims = {}
    for index in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        claim_id = draw(st.sampled_from(["", "m-", "x\u2028"])) + str(index)
        sources = tuple(Source(f"s{i}", draw(TEXTS), draw(TEXTS), draw(TEXTS), draw(TEXTS),
                               draw(st.sampled_from(["", "2026-03-01"])),
                               draw(st.sampled_from(["supports", "contradicts", "unspecified"])))
                        for i in range(draw(st.integers(0, 2))))
        history = tuple(StatusChange(draw(TIMES), draw(st.sampled_from(STATUSES)),
                                     draw(st.sampled_from(STATUSES)), draw(TEXTS),
                                     draw(st.sampled_from(["status", "note", "conflict"])),
                                     draw(TEXTS))
                        for _ in range(draw(st.integers(0, 3))))
        claims[claim_id] = ReviewClaim(
            id=claim_id, kind=draw(st.sampled_from(["quote", "figure", "statement"])),
            origin=draw(st.sampled_from(["auto", "manual"])),
            anchor=Anchor.from_text(text, start, end), created=draw(TIMES), updated=draw(TIMES),
            status=draw(st.sampled_from(STATUSES)), note=draw(TEXTS), sources=sources,
            dismissed=draw(st.booleans()), orphaned=draw(st.booleans()),
            speaker=draw(st.none() | TEXTS), cue=draw(st.none() | TEXTS), history=history)
    document = DocumentSnapshot(text, draw(TEXTS), "0" * 64, "text",
                                draw(st.none() | st.just("/tmp/a.txt")))
    return Review(uuid.uuid4().hex, document, claims, draw(TIMES), draw(TIMES))


@settings(max_examples=60, deadline=None)
@given(reviews())
def test_save_then_load_gives_the_same_review(tmp_path_factory, review):
    store = ReviewStore(tmp_path_factory.mktemp("store"), reviewer="ann")
    handle = OpenReview(store, review, None)
    handle.save()
    raw = handle.path.read_text(encoding="utf-8")
    assert raw == json.dumps(json.loads(raw), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert store.load(review.review_id).review == review
    # A second save after a change re-uses the cached claims and still writes the same format.
    if review.claims:
        first = next(iter(review.claims))
        handle.set_note(first, "changed")
        raw = handle.path.read_text(encoding="utf-8")
        assert json.loads(raw) == handle.review.to_dict()
        assert raw == json.dumps(json.loads(raw), indent=2, sort_keys=True,
                                 ensure_ascii=False) + "\n"


def test_migration_steps_run_in_order(monkeypatch):
    import reader.store.schema as schema

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(MIGRATIONS, 1, lambda d: {**d, "schema_version": 2, "a": 1})
    monkeypatch.setitem(MIGRATIONS, 2, lambda d: {**d, "schema_version": 3, "b": d["a"] + 1})
    assert migrate({"schema_version": 1}) == {"schema_version": 3, "a": 1, "b": 2}
