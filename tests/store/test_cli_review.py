"""``claim-reader status``, ``tag`` and ``import`` on the store the window uses."""

from __future__ import annotations

import json

import pytest
from store_builders import ARTICLE, figure_analyser, make_document

import reader.store.store as store_module
from reader.cli import main
from reader.store import ReviewStore


@pytest.fixture(autouse=True)
def fake_analysis(monkeypatch):
    monkeypatch.setattr(store_module, "analyse_document", figure_analyser)


def _status(capsys, article_path, store_dir):
    assert main(["status", str(article_path), "--store", str(store_dir), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_status_lists_claims_without_writing(capsys, article_path, tmp_path):
    store_dir = tmp_path / "store"
    data = _status(capsys, article_path, store_dir)
    assert data["review_file"] is None
    assert data["progress"]["total"] == 5 and data["progress"]["unreviewed"] == 5
    assert [c["status"] for c in data["claims"]] == ["unreviewed"] * 5
    assert not store_dir.exists()
    assert main(["status", str(article_path), "--store", str(store_dir)]) == 0
    table = capsys.readouterr().out
    assert "0 of 5 claims reviewed" in table
    assert all(claim["id"] in table for claim in data["claims"])


def test_tag_then_status_shows_it_and_the_window_sees_it(capsys, article_path, tmp_path):
    store_dir = tmp_path / "store"
    claim_id = _status(capsys, article_path, store_dir)["claims"][1]["id"]
    code = main(["tag", str(article_path), claim_id, "disputed", "--note", "minutes say 6-3",
                 "--source", "https://example.org/minutes", "--source", "Council minutes p. 4",
                 "--reviewer", "dee", "--store", str(store_dir)])
    assert code == 0
    assert claim_id in capsys.readouterr().out
    data = _status(capsys, article_path, store_dir)
    claim = next(c for c in data["claims"] if c["id"] == claim_id)
    assert (claim["status"], claim["note"]) == ("disputed", "minutes say 6-3")
    assert [(s["url"], s["citation"]) for s in claim["sources"]] == [
        ("https://example.org/minutes", ""), ("", "Council minutes p. 4")]
    assert data["progress"]["disputed"] == 1
    window = ReviewStore(store_dir).open_review(make_document(ARTICLE, article_path),
                                                analyser=figure_analyser)
    assert window.review.claims[claim_id].history[0].reviewer == "dee"


def test_tag_errors_are_clear(capsys, article_path, tmp_path):
    store_dir = str(tmp_path / "store")
    assert main(["tag", str(article_path), "no-such-id", "verified", "--store", store_dir]) == 1
    err = capsys.readouterr().err
    assert "no-such-id" in err and "claim-reader status" in err
    assert list((tmp_path / "store").glob("reviews/*.json")) == []  # no review started
    assert main(["tag", str(article_path), "f-the-council", "unreviewed", "--store",
                 store_dir]) == 0  # changes nothing: still no review
    assert "Nothing to save" in capsys.readouterr().out
    assert list((tmp_path / "store").glob("reviews/*.json")) == []
    missing = tmp_path / "missing.txt"
    assert main(["tag", str(missing), "x", "verified", "--store", store_dir]) == 1
    assert str(missing) in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["tag", str(article_path), "x", "probably", "--store", store_dir])
    assert caught.value.code == 2


def test_import_merges_a_colleagues_review(capsys, article_path, tmp_path):
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    ids = [c["id"] for c in _status(capsys, article_path, mine)["claims"]]
    main(["tag", str(article_path), ids[0], "verified", "--reviewer", "ann", "--store", str(mine)])
    main(["tag", str(article_path), ids[1], "verified", "--reviewer", "ann", "--store", str(mine)])
    main(["tag", str(article_path), ids[1], "disputed", "--reviewer", "bo", "--store",
          str(theirs)])
    main(["tag", str(article_path), ids[2], "unverifiable", "--reviewer", "bo", "--store",
          str(theirs)])
    capsys.readouterr()
    their_file = next((theirs / "reviews").glob("*.json"))
    assert main(["import", str(their_file), "--store", str(mine)]) == 0
    out = capsys.readouterr().out
    assert "1 updated, 1 in conflict" in out and ids[1] in out
    claims = {c["id"]: c for c in _status(capsys, article_path, mine)["claims"]}
    assert claims[ids[0]]["status"] == "verified"
    assert claims[ids[1]]["status"] == "disputed"  # bo's change was later
    assert claims[ids[2]]["status"] == "unverifiable"
    history = ReviewStore(mine).load(
        next(iter(ReviewStore(mine).list_reviews())).review_id).review.claims[ids[1]].history
    assert {(h.event, h.to_status) for h in history} >= {
        ("status", "verified"), ("status", "disputed"), ("conflict", "verified")}
    # Importing the same file again changes nothing, not even the file's "updated" time.
    my_file = next((mine / "reviews").glob("*.json"))
    before = my_file.read_bytes()
    assert main(["import", str(their_file), "--store", str(mine)]) == 0
    assert "0 claims added, 0 updated, 0 in conflict" in capsys.readouterr().out
    assert my_file.read_bytes() == before


def test_import_of_a_damaged_file_changes_nothing(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{\"schema_version\": 1", encoding="utf-8")
    assert main(["import", str(bad), "--store", str(tmp_path / "store")]) == 1
    assert str(bad) in capsys.readouterr().err
    assert not (tmp_path / "store" / "reviews").exists() or not list(
        (tmp_path / "store" / "reviews").glob("*.json"))


@pytest.mark.parametrize("command", ["import", "export"])
def test_a_named_review_file_that_cannot_be_read_says_why_and_what_to_do(command, capsys,
                                                                          tmp_path):
    missing, folder = tmp_path / "missing.json", tmp_path / "folder.json"
    folder.mkdir()
    cases = {missing: "the file does not exist. Check the name and the folder.",
             folder: "it is a folder. Name a review file"}
    for path, expected in cases.items():
        assert main([command, str(path), "--store", str(tmp_path / "store")]) == 1
        message = capsys.readouterr().err
        assert f"Cannot {command} {path}: {expected}" in message
    assert not (tmp_path / "store" / "reviews").exists()


def test_tag_with_a_blank_source_changes_nothing(capsys, article_path, tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "analyse_document", figure_analyser)
    store_dir = tmp_path / "store"
    assert main(["status", str(article_path), "--json", "--store", str(store_dir)]) == 0
    claim_id = json.loads(capsys.readouterr().out)["claims"][0]["id"]
    assert main(["tag", str(article_path), claim_id, "verified", "--note", "n",
                 "--source", " ", "--store", str(store_dir)]) == 2
    assert "--source needs a URL or a citation; nothing was changed." in capsys.readouterr().err
    assert not (store_dir / "reviews").exists() or not list((store_dir / "reviews").glob("*.json"))


@pytest.mark.parametrize("choice", ["--recover", "--new"])
def test_a_damaged_review_without_backup_is_named_by_every_command_until_chosen(
        capsys, article_path, tmp_path, choice):
    store_dir = str(tmp_path / "store")
    claim_id = _status(capsys, article_path, tmp_path / "store")["claims"][0]["id"]
    assert main(["tag", str(article_path), claim_id, "verified", "--store", store_dir]) == 0
    review_file = next((tmp_path / "store" / "reviews").glob("*.json"))
    review_file.with_name(review_file.name + ".bak").unlink(missing_ok=True)
    good = review_file.read_bytes()
    damaged = good[: good.index(b'"document"')]
    review_file.write_bytes(damaged)
    capsys.readouterr()
    for command in (["status", str(article_path)], ["export", str(article_path)],
                    ["tag", str(article_path), claim_id, "disputed"]):
        assert main([*command, "--store", store_dir]) == 1
        err = capsys.readouterr().err
        assert str(review_file) in err and "no usable backup" in err, command
        assert "--recover" in err and "--new" in err
        assert review_file.read_bytes() == damaged  # nothing written, nothing new started
    assert main(["status", str(article_path), "--json", choice, "--store", store_dir]) == 0
    captured = capsys.readouterr()
    statuses = {c["id"]: c["status"] for c in json.loads(captured.out)["claims"]}
    assert statuses[claim_id] == ("verified" if choice == "--recover" else "unreviewed")
    assert ".corrupt-" in captured.err and "kept" in captured.err
    assert main(["status", str(article_path), "--store", store_dir]) == 0  # chosen: asked no more


def test_an_unreadable_file_from_a_newer_version_is_not_called_damaged(capsys, article_path,
                                                                       tmp_path):
    store_dir = str(tmp_path / "store")
    claim_id = _status(capsys, article_path, tmp_path / "store")["claims"][0]["id"]
    assert main(["tag", str(article_path), claim_id, "verified", "--store", store_dir]) == 0
    review_file = next((tmp_path / "store" / "reviews").glob("*.json"))
    future = b'{"schema_version": 9, "whatever": 1}'
    review_file.write_bytes(future)
    capsys.readouterr()
    for command in (["status", str(article_path)], ["status", str(article_path), "--new"],
                    ["status", str(article_path), "--recover"],
                    ["tag", str(article_path), claim_id, "disputed", "--new"],
                    ["export", str(article_path)]):
        assert main([*command, "--store", store_dir]) == 1, command
        err = capsys.readouterr().err
        assert "newer version of Claim Reader" in err and "update Claim Reader" in err, command
        assert "damaged" not in err and "--recover" not in err and "--new" not in err, command
    assert review_file.read_bytes() == future
    assert [p.name for p in review_file.parent.iterdir() if p.suffix == ".json" or
            ".corrupt-" in p.name] == [review_file.name]  # not moved aside, nothing new
    store = ReviewStore(store_dir)
    assert store.damaged_reviews() == [] and store.newer_reviews() == [review_file.stem]
    # An index written by the version before, which kept the whole message, says the same.
    from dataclasses import replace

    entry = store.index.load()[review_file.stem]
    assert replace(entry, damaged=f"{review_file} was written by a newer version of Claim "
                   "Reader (file format 9; this version understands up to 2). It was left "
                   "untouched: update Claim Reader to change it.").newer


def _damaged_without_backup(capsys, article_path, store_dir, keep: int | None = None):
    """A tagged review whose file is cut short (keeping ``keep`` claims whole), no .bak."""
    claim_id = _status(capsys, article_path, store_dir)["claims"][0]["id"]
    assert main(["tag", str(article_path), claim_id, "verified", "--store", str(store_dir)]) == 0
    review_file = next((store_dir / "reviews").glob("*.json"))
    review_file.with_name(review_file.name + ".bak").unlink(missing_ok=True)
    good = review_file.read_bytes()
    if keep is None:
        cut = good.index(b'"document"')
    else:  # just after the keep-th claim
        starts = [i for i in range(len(good)) if good.startswith(b'\n    "f-', i)]
        cut = starts[keep] if keep < len(starts) else good.index(b'"document"')
    review_file.write_bytes(good[:cut])
    capsys.readouterr()
    return claim_id, review_file


def test_the_suggested_commands_are_the_users_own_and_work(capsys, article_path, tmp_path):
    import shlex

    store_dir = tmp_path / "my store"
    claim_id, _ = _damaged_without_backup(capsys, article_path, store_dir)
    typed = ["tag", str(article_path), claim_id, "d", "--note", "Minutes say 7-2; see p. 4",
             "--source", "https://example.org/minutes", "--reviewer", "Ann O'Neil",
             "--store", str(store_dir)]
    assert main(typed) == 1
    err = capsys.readouterr().err
    suggested = [part.split("`")[0] for part in err.split("`claim-reader ")[1:]]
    assert len(suggested) == 2 and all("--store" in s and "--note" in s for s in suggested)
    assert main(["export", str(article_path), "--store", str(store_dir)]) == 1
    assert f"status {shlex.quote(str(article_path))} --recover --store " \
        f"{shlex.quote(str(store_dir))}" in capsys.readouterr().err
    recover = shlex.split(next(s for s in suggested if "--recover" in s))
    assert main(recover) == 0  # typed again as suggested: recovered and tagged
    capsys.readouterr()
    claim = next(c for c in _status(capsys, article_path, store_dir)["claims"]
                 if c["id"] == claim_id)
    assert (claim["status"], claim["note"]) == ("disputed", "Minutes say 7-2; see p. 4")
    assert [s["url"] for s in claim["sources"]] == ["https://example.org/minutes"]


@pytest.mark.parametrize(("keep", "says"), [(1, "reviewed) can still be read in it: recover "
                                                 "it, or"),
                                            (0, "No claim can be read in it any more")])
def test_the_damaged_message_counts_in_words(capsys, article_path, tmp_path, keep, says):
    _damaged_without_backup(capsys, article_path, tmp_path / "store", keep)
    assert main(["status", str(article_path), "--store", str(tmp_path / "store")]) == 1
    err = capsys.readouterr().err
    assert says in err
    assert ("--recover" in err) == bool(keep) and "--new" in err
