"""``claim-reader speakers``: the list, one speaker's quotes, joins and splits, and the one
clear line when a name is unknown or ambiguous or the decisions file cannot be read."""

from __future__ import annotations

import json
import re

import pytest
from directory_builders import add_review

from reader.cli import main
from reader.directory.decisions import DECISIONS_NAME


@pytest.fixture
def harbour(store):
    add_review(store, "Sea wall vote", [("Denise Okafor", "We lost forty homes.", "verified"),
                                        ("Okafor", "The wall is late.", "disputed"),
                                        ("Harbour Office (spokesperson)", "No comment."),
                                        ("officials", "It is under review.")])
    add_review(store, "Ferry fares", [("D. Okafor", "Fares rise by a tenth.", "unverifiable"),
                                      ("John Smith", "Fares are fair.", "verified"),
                                      ("Jane Smith", "Fares are not fair.", "disputed")])
    add_review(store, "Budget night", [("J. Smith", "The budget adds up.")])
    return store


def run(capsys, store, *args: str) -> tuple[int, str, str]:
    code = main(["speakers", *args, "--store", str(store.root)])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_list_with_tallies(capsys, harbour) -> None:
    code, out, err = run(capsys, harbour)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("5 speakers quoted in 3 reviews (4 people, 1 organisation)")
    okafor = next(line for line in lines if line.startswith("Denise Okafor"))
    assert okafor.split()[2:] == ["person", "3", "1", "1", "1", "0"]
    assert "    also written: D. Okafor, Okafor" in lines
    assert any("not matched: could be Jane Smith or John Smith" in line for line in lines)
    assert "1 quote by speakers the articles only describe" in out
    code, out, _ = run(capsys, harbour, "--all")
    assert "officials (in “Sea wall vote”)" in out and "describe" not in out


def test_the_list_as_json(capsys, harbour) -> None:
    code, out, _ = run(capsys, harbour, "--json", "--sort", "quotes")
    assert code == 0
    data = json.loads(out)
    first = data["speakers"][0]
    assert (first["name"], first["kind"], first["quotes"], first["articles"]) == (
        "Denise Okafor", "person", 3, 2)
    assert first["tally"] == {"verified": 1, "disputed": 1, "unverifiable": 1,
                              "unreviewed": 0}
    assert first["variants"] == ["Denise Okafor", "D. Okafor", "Okafor"]
    assert data["unnamed_quotes"] == 1 and data["reviews"] == 3
    assert data["decisions"] == {"file": str(harbour.root / DECISIONS_NAME), "count": 0,
                                 "read_only": None}


@pytest.mark.parametrize("name", ["Denise Okafor", "denise okafor", "DENISE OKAFOR",
                                  "D. Okafor", "Dénise Okafor", "Mayor Denise Okafor"])
def test_one_speaker_by_any_variant(capsys, harbour, name: str) -> None:
    code, out, _ = run(capsys, harbour, name, "--json")
    data = json.loads(out)
    assert code == 0 and data["name"] == "Denise Okafor"
    # one day: by article title, then in reading order
    assert [(q["date"], q["status"], q["text"], q["article"]["title"])
            for q in data["quotes"]] == [
        ("2026-02-01", "unverifiable", "Fares rise by a tenth.", "Ferry fares"),
        ("2026-02-01", "verified", "We lost forty homes.", "Sea wall vote"),
        ("2026-02-01", "disputed", "The wall is late.", "Sea wall vote"),
    ]
    assert {q["speaker_as_written"] for q in data["quotes"]} == {"Denise Okafor", "Okafor",
                                                                 "D. Okafor"}


def test_one_speaker_as_text_names_article_claim_and_verdict(capsys, harbour) -> None:
    code, out, _ = run(capsys, harbour, "denise", "okafor")  # no quotes needed
    assert code == 0
    assert out.startswith("Denise Okafor — person, 3 quotes in 2 articles\n")
    assert "Verdicts: 1 verified, 1 disputed, 1 unverifiable, 0 unreviewed" in out
    assert "unverifiable  “Fares rise by a tenth.”" in out
    assert "in “Ferry fares” · as D. Okafor · claim " in out
    assert "* the article gives no date: the day its review began." in out


def test_a_surname_alone_finds_the_one_person_with_it(capsys, harbour) -> None:
    code, out, err = run(capsys, harbour, "OKAFOR")
    assert code == 0 and out.startswith("Denise Okafor")
    assert err == ""  # "Okafor" is written in the store: one of her names


def test_unknown_and_ambiguous_names_get_one_clear_line(capsys, harbour) -> None:
    code, out, err = run(capsys, harbour, "Okafr")
    assert (code, out) == (1, "")
    assert err == ("claim-reader: No speaker named “Okafr” in the store. Close matches: "
                   "Denise Okafor.\n")
    code, _, err = run(capsys, harbour, "Zebedee Quartz")
    assert code == 1 and err.count("\n") == 1 and "none close to it" in err
    code, _, err = run(capsys, harbour, "Smith")  # no one is written so; three have it
    assert code == 1 and err.count("\n") == 1
    assert err.startswith("claim-reader: “Smith” names 3 speakers: J. Smith, Jane Smith, "
                          "John Smith. Give the full name, or NAME@REVIEW")
    code, _, err = run(capsys, harbour, "--split", "John Smith", "John Smith")
    assert code == 1 and err.count("\n") == 1
    assert "there is nothing to take it out of" in err and "@REVIEW" in err


def test_join_split_undo_and_the_list_of_decisions(capsys, harbour) -> None:
    code, out, _ = run(capsys, harbour, "--join", "J. Smith", "john smith")
    assert code == 0
    assert out.startswith("Joined J. Smith and John Smith: John Smith is listed with 2 quotes")
    assert (harbour.root / DECISIONS_NAME).is_file()
    code, out, _ = run(capsys, harbour, "John Smith", "--json")
    assert json.loads(out)["variants"] == ["John Smith", "J. Smith"]
    code, out, _ = run(capsys, harbour, "--join", "J. Smith", "John Smith")
    assert code == 0 and "already one speaker" in out
    code, out, _ = run(capsys, harbour, "--split", "Denise Okafor", "D. Okafor")
    assert code == 0 and out.startswith("Took “D. Okafor” out of Denise Okafor: D. Okafor is "
                                        "listed with 1 quote")
    assert "Denise Okafor keeps 2 quotes." in out
    code, out, _ = run(capsys, harbour, "--decisions")
    assert re.search(r"  1\. 2026-\d\d-\d\d \d\d:\d\d \S*: joined “J\. Smith@[0-9a-f]{8}” "
                     "with “John Smith”", out)
    assert "took “D. Okafor” out of “Denise Okafor”" in out
    code, out, _ = run(capsys, harbour, "--undo")
    assert code == 0 and "took “D. Okafor” out of" in out and "1 remain" in out
    code, out, _ = run(capsys, harbour, "Denise Okafor", "--json")
    assert "D. Okafor" in json.loads(out)["variants"]


def test_split_one_reviews_quotes_with_name_at_review(capsys, harbour) -> None:
    other = add_review(harbour, "Vineyard", [("John Smith", "The harvest is early.")])
    code, out, err = run(capsys, harbour, "--split", "John Smith", f"John Smith@{other[:8]}")
    assert code == 0, err
    code, _, err = run(capsys, harbour, "John Smith")
    assert code == 1 and "“John Smith” names 2 speakers" in err
    assert "John Smith (in “Vineyard”)" in err
    code, out, _ = run(capsys, harbour, f"John Smith@{other[:6]}", "--json")
    assert [q["text"] for q in json.loads(out)["quotes"]] == ["The harvest is early."]


def test_misuse_is_a_usage_error_that_changes_nothing(capsys, harbour) -> None:
    code, _, err = run(capsys, harbour, "--join", "John", "Smith", "J.", "Smith")
    assert code == 2 and "Put each name in quotes" in err
    code, _, err = run(capsys, harbour, "--split", "Denise Okafor", "Jane Smith")
    assert code == 1 and "“Jane Smith” is not one of the names of Denise Okafor" in err
    assert not (harbour.root / DECISIONS_NAME).exists()


def test_a_damaged_decisions_file_is_named_and_left_alone(capsys, harbour) -> None:
    path = harbour.root / DECISIONS_NAME
    path.write_text("{ not json", encoding="utf-8")
    code, out, err = run(capsys, harbour)
    assert code == 0 and "Denise Okafor" in out
    assert f"claim-reader: note: {path} is damaged (not valid JSON" in err
    code, _, err = run(capsys, harbour, "--join", "J. Smith", "John Smith")
    assert code == 1 and f"{path} is damaged" in err and "has not been changed" in err
    code, _, err = run(capsys, harbour, "--undo")
    assert code == 1
    assert path.read_text(encoding="utf-8") == "{ not json"


def test_an_empty_store(capsys, tmp_path) -> None:
    code = main(["speakers", "--store", str(tmp_path / "empty")])
    out = capsys.readouterr().out
    assert code == 0 and "holds no review with an attributed claim yet" in out


def test_escape_sequences_in_a_speaker_never_reach_the_terminal(capsys, store) -> None:
    add_review(store, "Hostile", [("Evil\x1b]52;c;aGk=\x07 Name", "Hello.")])
    for args in ((), ("--json",), ("Evil",), ("Name",)):
        _, out, err = run(capsys, store, *args)
        assert "Name" in out + err
        assert "\x1b" not in out + err and "\x07" not in out + err
