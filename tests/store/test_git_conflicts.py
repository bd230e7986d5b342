"""A review file left with git's conflict markers: both sides' verdicts are kept, a claim both
sides changed shows the other value as a conflict (made with a real ``git merge``)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from store_builders import ARTICLE, figure_analyser, make_document

import reader.store.store as store_module
from reader.store import DamagedReviewError, ReviewStore

GITIGNORE = "index.json*\n*.lock\n*.tmp\n*.bak\n*.corrupt-*\n*.replaced-*\nreviews/merged/\n"


@pytest.fixture(autouse=True)
def fake_analysis(monkeypatch):
    monkeypatch.setattr(store_module, "analyse_document", figure_analyser)


def _git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                           *args], cwd=folder, env=env, capture_output=True, text=True,
                          check=check)


def _open(team: Path, reviewer: str, article: Path):
    return ReviewStore(team, reviewer=reviewer).open_review(make_document(ARTICLE, article),
                                                           analyser=figure_analyser)


def _conflicted(tmp_path: Path, article: Path, style: str = "merge"):
    """A store in git; alice and bob each tag on a branch, both the same claim (alice
    verified, bob disputed) and one claim of their own; bob merges alice's branch."""
    team = tmp_path / "team"
    team.mkdir()
    _git(team, "init", "-q", "-b", "main")
    _git(team, "config", "merge.conflictStyle", style)
    (team / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    handle = _open(team, "setup", article)
    both, alices, bobs = list(handle.review.claims)[:3]
    _git(team, "add", "-A")
    _git(team, "commit", "-qm", "start")
    _git(team, "checkout", "-qb", "alice")
    alice = _open(team, "alice", article)
    alice.set_status(both, "verified")
    alice.set_status(alices, "verified")
    _git(team, "commit", "-qam", "alice")
    _git(team, "checkout", "-q", "main")
    _git(team, "checkout", "-qb", "bob")
    bob = _open(team, "bob", article)
    bob.set_status(both, "disputed")
    bob.set_status(bobs, "unverifiable")
    _git(team, "commit", "-qam", "bob")
    assert _git(team, "merge", "alice", check=False).returncode != 0
    assert "<<<<<<<" in handle.path.read_text(encoding="utf-8")
    return team, handle.path, (both, alices, bobs)


def _assert_both_kept(claims, both, alices, bobs):
    assert claims[alices].status == "verified" and claims[bobs].status == "unverifiable"
    claim = claims[both]
    values = {claim.status, *(c.value for c in claim.open_conflicts())}
    assert values == {"verified", "disputed"}  # one kept, the other shown as a conflict
    assert [c.field for c in claim.open_conflicts()] == ["status"]


@pytest.mark.parametrize("backup", [True, False])
@pytest.mark.parametrize("style", ["merge", "diff3"])
def test_a_git_conflict_inside_a_claim_keeps_both_sides(tmp_path, article_path, backup,
                                                        style):
    team, path, (both, alices, bobs) = _conflicted(tmp_path, article_path, style)
    conflicted = path.read_bytes()
    if not backup:
        path.with_name(path.name + ".bak").unlink()
    store = ReviewStore(team, reviewer="bob")
    opened = store.open_review(make_document(ARTICLE, article_path), analyser=figure_analyser)
    assert opened.path == path
    _assert_both_kept(opened.review.claims, both, alices, bobs)
    [notice] = [n for n in opened.notices if "git merge conflict" in n]
    assert "1 claim both versions changed differently" in notice and str(path) in notice
    assert [p.read_bytes() for p in path.parent.glob("*.corrupt-*")] == [conflicted]
    assert "<<<<<<<" not in path.read_text(encoding="utf-8")


def test_a_git_conflict_in_a_damaged_file_is_recovered_with_both_sides(tmp_path,
                                                                       article_path):
    team, path, (both, alices, bobs) = _conflicted(tmp_path, article_path)
    path.with_name(path.name + ".bak").unlink()
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index('  "review_id"')], encoding="utf-8")  # and cut short
    with pytest.raises(DamagedReviewError) as caught:
        _open(team, "bob", article_path)
    assert "git's conflict markers" in caught.value.message
    assert caught.value.readable == 5
    recovered = ReviewStore(team, reviewer="bob").open_review(
        make_document(ARTICLE, article_path), analyser=figure_analyser, damaged="recover")
    _assert_both_kept(recovered.review.claims, both, alices, bobs)


def test_keeping_ours_and_saving_theirs_as_a_copy_keeps_both_sides(tmp_path, article_path):
    # What docs/store.md advises instead of `git merge -X ours`.
    team, path, (both, alices, bobs) = _conflicted(tmp_path, article_path)
    relative = path.relative_to(team).as_posix()
    _git(team, "checkout", "--ours", relative)
    theirs = _git(team, "show", f"MERGE_HEAD:{relative}").stdout
    copy = path.with_name(f"{path.stem} (1).json")
    copy.write_text(theirs, encoding="utf-8")
    _git(team, "add", relative)
    _git(team, "commit", "-qm", "merge alice")
    opened = _open(team, "bob", article_path)
    _assert_both_kept(opened.review.claims, both, alices, bobs)
    assert not copy.exists()
    assert _git(team, "status", "--porcelain").stdout.strip() == f"M {relative}"
