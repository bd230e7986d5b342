"""A store on a read-only file system (a mounted backup, a share without write access): every
command ends with a message that says so, never a traceback, and nothing changes."""

from __future__ import annotations

import json

import pytest
from store_builders import ARTICLE, figure_analyser, make_document, read_only_file_system

import reader.store.store as store_module
from reader.cli import main
from reader.store import ReviewStore


@pytest.fixture(autouse=True)
def fake_analysis(monkeypatch):
    monkeypatch.setattr(store_module, "analyse_document", figure_analyser)


def _files(folder):
    """Every file but the (empty) lock files, which the emulation may let be created."""
    return {p.name: p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.suffix != ".lock"}


@pytest.mark.parametrize("locks", ["read-only", "writable"])
def test_every_command_on_a_read_only_store_says_so(article_path, tmp_path, monkeypatch,
                                                    capsys, locks):
    store_dir = tmp_path / "store"
    handle = ReviewStore(store_dir, reviewer="ann").open_review(
        make_document(ARTICLE, article_path), analyser=figure_analyser)
    handle.set_status(next(iter(handle.review.claims)), "verified")
    other = ReviewStore(tmp_path / "colleague", reviewer="bo").open_review(
        make_document(ARTICLE + "\nUpdated in 2027.\n", tmp_path / "other.txt"),
        analyser=figure_analyser)
    other.set_status(next(iter(other.review.claims)), "disputed")
    colleague = tmp_path / "colleague.json"  # a review of another article
    colleague.write_bytes(other.path.read_bytes())
    handle.path.with_name(handle.path.name + ".bak").unlink()
    handle.path.write_bytes(handle.path.read_bytes()[:400])  # damaged, no backup
    for name in ("reviews.lock", "index.json.lock", f"{handle.path.name}.lock"):
        (store_dir / ("reviews" if name.startswith(handle.path.name) else "") / name).touch()
    before = _files(store_dir)
    read_only_file_system(monkeypatch, store_dir, except_locks=locks == "writable")
    article = str(article_path)
    for command in (["status", article, "--recover"], ["status", article, "--new"],
                    ["tag", article, "f-x", "verified", "--recover"],
                    ["import", str(colleague)]):
        code = main([*command, "--store", str(store_dir)])
        err = capsys.readouterr().err
        assert code == 1, command
        assert "read-only or not yours" in err and "--store" in err, command
        assert "Traceback" not in err and "Errno" not in err, command
    monkeypatch.undo()
    assert _files(store_dir) == before


def test_a_new_review_that_cannot_be_saved_does_not_speak_of_a_file(article_path, tmp_path,
                                                                    monkeypatch):
    store_dir = tmp_path / "store"
    (store_dir / "reviews").mkdir(parents=True)
    read_only_file_system(monkeypatch, store_dir)
    handle = ReviewStore(store_dir).open_review(make_document(ARTICLE, article_path),
                                                analyser=figure_analyser)
    message = handle.last_error.message
    assert "read-only or not yours" in message and "Nothing was saved." in message
    assert "The file on disk is unchanged" not in message
    assert json.dumps(message)  # a plain message, not an exception's repr
