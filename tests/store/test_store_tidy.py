"""What the store tidies on its own when it lists or opens reviews: two reviews of one text
merged into one, and a damaged file with a usable backup recovered, whatever else in the
folder cannot be tidied."""

from __future__ import annotations

import json
import shutil

import pytest
from store_builders import ARTICLE, figure_analyser, make_document

import reader.store.store as store_module
from reader.cli import main


@pytest.fixture(autouse=True)
def fake_analysis(monkeypatch):
    monkeypatch.setattr(store_module, "analyse_document", figure_analyser)


def _open(store, path, text=ARTICLE, **options):
    return store.open_review(make_document(text, path), analyser=figure_analyser, **options)


def test_an_older_copy_restored_by_hand_is_merged_into_the_current_review(
        store_factory, article_path, capsys):
    handle = _open(store_factory(), article_path)
    ids = list(handle.review.claims)
    handle.set_status(ids[0], "verified")
    older = handle.path.read_bytes()  # a copy kept by hand: one verdict
    handle.set_status(ids[1], "disputed")
    handle.set_status(ids[2], "unverifiable")
    handle.set_note(ids[3], "checked")
    restored = handle.path.with_name("f" * 32 + ".json")  # put back under another name
    restored.write_bytes(older)
    assert main(["status", str(article_path), "--json", "--store",
                 str(store_factory().root)]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["progress"]["unreviewed"] == 2  # the newer verdicts are not hidden
    assert data["review_file"] == str(handle.path)
    assert {c["id"]: c["note"] for c in data["claims"]}[ids[3]] == "checked"
    assert handle.path.exists() and not restored.exists()
    assert (handle.path.parent / "merged" / restored.name).read_bytes() == older
    [notice] = [line for line in captured.err.splitlines() if "were merged into" in line]
    assert f"merged into {handle.path};" in notice  # a file that exists
    assert store_factory().load(handle.review.review_id).review.claims[ids[1]].status == \
        "disputed"


def test_a_verdict_saved_into_a_duplicate_while_it_is_merged_is_kept(store_factory,
                                                                     article_path, tmp_path,
                                                                     monkeypatch):
    first = _open(store_factory(), article_path)
    ids = list(first.review.claims)
    first.set_status(ids[0], "verified")
    elsewhere = _open(store_factory(tmp_path / "laptop"), article_path)  # a second store
    elsewhere.set_status(ids[1], "disputed")
    duplicate = first.path.with_name(elsewhere.path.name)
    shutil.copy(elsewhere.path, duplicate)  # two stores put together: two reviews of one text
    writer = store_factory().load(elsewhere.review.review_id)  # a window on the duplicate
    real_read = store_module.read_review
    fired = []

    def read_then_someone_saves(path):
        result = real_read(path)
        if path == duplicate and not fired:  # between the merge's first look and its move
            fired.append(True)
            writer.set_status(ids[2], "unverifiable")
        return result

    monkeypatch.setattr(store_module, "read_review", read_then_someone_saves)
    store = store_factory()
    assert [e.review_id for e in store.list_reviews()] == [first.review.review_id]
    assert fired and not duplicate.exists()
    claims = store.load(first.review.review_id).review.claims
    assert [claims[i].status for i in ids[:3]] == ["verified", "disputed", "unverifiable"]


def _truncated_with_backup(store_factory, article_path):
    """A review with two verdicts whose file is cut in half; its .bak holds the first."""
    handle = _open(store_factory(), article_path)
    first, second = list(handle.review.claims)[:2]
    handle.set_status(first, "verified")
    handle.set_status(second, "disputed")
    good = handle.path.read_bytes()
    handle.path.write_bytes(good[: len(good) // 2])
    return handle, first


def test_a_backup_is_put_back_whatever_else_cannot_be_tidied(store_factory, article_path,
                                                             tmp_path, capsys):
    # Another review from a newer version, with a sync program's copy beside it: that copy
    # cannot be merged (the review cannot be changed by this version).
    other_article = tmp_path / "articles" / "other.txt"
    other_text = ARTICLE + "\nAn update in 2027.\n"
    other_article.write_text(other_text, encoding="utf-8")
    newer = _open(store_factory(), other_article, other_text)
    newer.set_status(next(iter(newer.review.claims)), "verified")
    newer.path.with_name(f"{newer.path.stem} (1).json").write_bytes(newer.path.read_bytes())
    data = json.loads(newer.path.read_text(encoding="utf-8"))
    newer.path.write_text(json.dumps({**data, "schema_version": 3}), encoding="utf-8")
    _, first = _truncated_with_backup(store_factory, article_path)
    assert main(["status", str(article_path), "--json", "--store",
                 str(store_factory().root)]) == 0
    captured = capsys.readouterr()
    assert {c["id"]: c["status"] for c in json.loads(captured.out)["claims"]}[first] == \
        "verified"
    assert "recovered from its backup" in captured.err
    assert f"{newer.path.stem} (1).json could not be merged" in captured.err
    assert "newer version of Claim Reader" in captured.err


def test_a_backup_that_cannot_be_put_back_is_named_not_called_missing(
        store_factory, article_path, monkeypatch, capsys):
    from store_builders import read_only_file_system

    handle, _ = _truncated_with_backup(store_factory, article_path)
    damaged = handle.path.read_bytes()
    read_only_file_system(monkeypatch, store_factory().root)
    for command in (["status", str(article_path)], ["export", str(article_path)]):
        assert main([*command, "--store", str(store_factory().root)]) == 1
        err = capsys.readouterr().err
        assert "no usable backup" not in err and "--new" not in err, command
        assert f"Its backup {handle.path}.bak" in err and "could not be put back" in err
        assert "read-only" in err
    monkeypatch.undo()
    assert handle.path.read_bytes() == damaged
