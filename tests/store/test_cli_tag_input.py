"""``claim-reader tag`` takes what people type: statuses in any case or as the window's keys,
and a claim id shortened to a unique prefix of six characters or more."""

from __future__ import annotations

import json

import pytest
from store_builders import figure_analyser

import reader.store.store as store_module
from reader.cli import main


@pytest.fixture(autouse=True)
def fake_analysis(monkeypatch):
    monkeypatch.setattr(store_module, "analyse_document", figure_analyser)


def _claims(capsys, article_path, store_dir) -> list[dict]:
    assert main(["status", str(article_path), "--store", str(store_dir), "--json"]) == 0
    return json.loads(capsys.readouterr().out)["claims"]


@pytest.mark.parametrize(("typed", "status"), [
    ("Verified", "verified"), ("DISPUTED", "disputed"), ("Unverifiable", "unverifiable"),
    ("v", "verified"), ("D", "disputed"), ("u", "unverifiable"), ("1", "verified"),
    ("0", "unreviewed"), (" verified ", "verified"),
])
def test_statuses_in_any_case_and_short_forms(capsys, article_path, tmp_path, typed, status):
    store_dir = tmp_path / "store"
    claim_id = _claims(capsys, article_path, store_dir)[0]["id"]
    assert main(["tag", str(article_path), claim_id, typed, "--store", str(store_dir)]) == 0
    capsys.readouterr()
    assert _claims(capsys, article_path, store_dir)[0]["status"] == status


def test_a_wrong_status_is_a_usage_error_naming_the_choices(capsys, article_path, tmp_path):
    with pytest.raises(SystemExit) as caught:
        main(["tag", str(article_path), "f-the-council", "probably", "--store",
              str(tmp_path / "store")])
    assert caught.value.code == 2
    assert "'probably' is not a status: use verified (v), disputed (d)" in \
        capsys.readouterr().err


def test_a_unique_prefix_of_six_characters_selects_the_claim(capsys, article_path, tmp_path):
    store_dir = tmp_path / "store"
    claims = _claims(capsys, article_path, store_dir)
    council = next(c["id"] for c in claims if c["id"].startswith("f-the-council"))
    assert main(["tag", str(article_path), "F-THE-C", "v", "--store", str(store_dir)]) == 0
    assert council in capsys.readouterr().out
    status = {c["id"]: c["status"] for c in _claims(capsys, article_path, store_dir)}
    assert status[council] == "verified"
    assert list(status.values()).count("verified") == 1


def test_an_ambiguous_prefix_lists_the_candidates_and_changes_nothing(capsys, article_path,
                                                                      tmp_path):
    store_dir = tmp_path / "store"
    claims = _claims(capsys, article_path, store_dir)
    candidates = [c["id"] for c in claims if c["id"].startswith("f-the-")]
    assert len(candidates) == 2
    assert main(["tag", str(article_path), "f-the-", "d", "--store", str(store_dir)]) == 1
    err = capsys.readouterr().err
    assert "'f-the-' is the start of 2 claim ids" in err
    assert all(candidate in err for candidate in candidates)
    assert {c["status"] for c in _claims(capsys, article_path, store_dir)} == {"unreviewed"}


def test_a_prefix_under_six_characters_is_refused(capsys, article_path, tmp_path):
    store_dir = tmp_path / "store"
    claims = _claims(capsys, article_path, store_dir)
    opposition = next(c["id"] for c in claims if c["id"].startswith("f-opp"))
    assert main(["tag", str(article_path), "f-opp", "v", "--store", str(store_dir)]) == 1
    err = capsys.readouterr().err
    assert "give at least 6 characters" in err and opposition in err
    assert main(["tag", str(article_path), "f-nothing-like-it", "v", "--store",
                 str(store_dir)]) == 1
    assert "No claim 'f-nothing-like-it'" in capsys.readouterr().err
