"""Merging two copies that diverged from a common base: nothing either side decided is lost, and
a field only one side changed keeps that side's value."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.store.merge import merge_claims
from reader.store.model import STATUSES, Anchor, ReviewClaim, StatusChange

IDS = ("a", "b", "c", "d")
TEXT = "one two three four five six seven eight"


def _base() -> dict[str, ReviewClaim]:
    return {cid: ReviewClaim(cid, "quote", "auto", Anchor.from_text(TEXT, i * 4, i * 4 + 3),
                             "2026-01-01T00:00:00.000000Z", "2026-01-01T00:00:00.000000Z")
            for i, cid in enumerate(IDS)}


def _act(claims, action, stamp, reviewer):
    """Apply one user action the way OpenReview does: new value plus a history entry."""
    claim_id, kind, value = action
    claim = claims[claim_id]
    if kind == "status":
        if claim.status == value:
            return claims
        entry = StatusChange(stamp, claim.status, value, reviewer, "status")
        claim = replace(claim, status=value)
    else:
        entry = StatusChange(stamp, claim.status, claim.status, reviewer, "note")
        claim = replace(claim, note=value)
    return {**claims, claim_id: replace(claim, updated=stamp, history=(*claim.history, entry))}


def _touched(actions, claim_id, field) -> bool:
    """Whether ``actions`` changed ``field`` of the claim (a status set to its value is no
    change, as in OpenReview)."""
    status = "unreviewed"
    touched = False
    for action_claim, kind, value in actions:
        if action_claim != claim_id or kind != field:
            continue
        if kind == "status":
            touched = touched or value != status
            status = value
        else:
            touched = True
    return touched


ACTION = st.one_of(
    st.tuples(st.sampled_from(IDS), st.just("status"), st.sampled_from(STATUSES)),
    st.tuples(st.sampled_from(IDS), st.just("note"), st.sampled_from(["n1", "n2", ""])),
)
ACTIONS = st.lists(ACTION, max_size=6)


@settings(max_examples=200, deadline=None)
@given(ACTIONS, ACTIONS)
def test_merge_keeps_every_decision(ours_actions, theirs_actions):
    ours, theirs = _base(), _base()
    for n, action in enumerate(ours_actions):
        ours = _act(ours, action, f"2026-01-02T00:00:{n:02d}.000000Z", "ann")
    for n, action in enumerate(theirs_actions):
        theirs = _act(theirs, action, f"2026-01-02T00:00:{n:02d}.500000Z", "bo")
    now = "2026-01-03T00:00:00.000000Z"
    merged, report = merge_claims(ours, theirs, now)
    assert set(merged) == set(IDS)
    for cid in IDS:
        history = set(merged[cid].history)
        assert set(ours[cid].history) <= history and set(theirs[cid].history) <= history
        later = max(ours[cid], theirs[cid], key=lambda c: c.updated)
        clashed = False
        for field in ("status", "note"):
            ours_touched = _touched(ours_actions, cid, field)
            theirs_touched = _touched(theirs_actions, cid, field)
            value = getattr(merged[cid], field)
            if ours_touched and not theirs_touched:
                assert value == getattr(ours[cid], field)
            elif theirs_touched and not ours_touched:
                assert value == getattr(theirs[cid], field)
            elif getattr(ours[cid], field) != getattr(theirs[cid], field):
                # Both changed this field to different values: the later change wins.
                assert value == getattr(later, field)
                clashed = True
        assert clashed == (cid in {c.claim_id for c in report.conflicts})
    # Merging again, either way round, changes nothing more.
    again, second = merge_claims(merged, theirs, now)
    assert again == merged and not second.changed
    back, _ = merge_claims(theirs, merged, now)
    assert {cid: c.decision() for cid, c in back.items()} == \
        {cid: c.decision() for cid, c in merged.items()}
