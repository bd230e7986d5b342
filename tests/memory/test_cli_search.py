"""``claim-reader search`` and the ``seen_before`` of ``claim-reader status``: output, JSON,
and what careless input and a damaged index get."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from memory_articles import HARBOUR
from memory_builders import ArticleSpec, ClaimSpec, write_review

import reader.memory.index as index_module
from reader.cli import main
from reader.memory.index import default_index_path
from reader.memory.search import MARK_END, MARK_START

SECOND_OUTLET = """Sea wall vote splits Harbour

Mayor Inés Okafor defended the plan on Wednesday. "We lost 300 homes to flooding in 2019," she
told residents.

"We will not lose another street to the sea," said Jonas Field, who runs the harbour café.
"""


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_search_prints_each_claim_with_its_verdict_note_and_article(capsys, store) -> None:
    code, out, err = _run(capsys, "search", "flooding", "--store", str(store))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "1 claim matches."
    assert f"to {MARK_START}flooding{MARK_END} in 2019" in out
    assert "verified     Inés Okafor:" in out
    assert "note: The council's flood report counts 312 homes flooded in 2019." in out
    assert "“Harbour council backs sea wall” · harbourpost.example · 2026-03-02" in out
    assert f"review {'a' * 32}" in out


def test_search_json(capsys, store) -> None:
    code, out, _ = _run(capsys, "search", "nurse*", "--status", "d", "--json", "--store",
                        str(store))
    assert code == 0
    data = json.loads(out)
    assert (data["query"], data["filters"]["status"], data["total"], data["shown"]) == (
        "nurse*", ["disputed"], 1, 1)
    [hit] = data["results"]
    assert hit["status"] == "disputed" and hit["speaker"] == "Marta Lindqvist"
    assert hit["found_in"] == "words" and MARK_START in hit["snippet"]
    assert hit["date"] == "2026-04-15" and hit["site"] == "coastnews.example"
    assert hit["note"].startswith("Payroll shows 84")


def test_filters_alone_list_claims(capsys, store) -> None:
    code, out, _ = _run(capsys, "search", "--speaker", "Lindqvist", "--since", "2026-04",
                        "--json", "--store", str(store))
    assert code == 0 and json.loads(out)["total"] == 3
    code, out, _ = _run(capsys, "--store", str(store), "search", "--site", "harbourpost",
                        "--limit", "2")
    assert code == 0
    assert out.splitlines()[0] == "4 claims match, the first 2 shown (--limit for more)."


def test_nothing_found_is_not_an_error(capsys, store, tmp_path) -> None:
    assert _run(capsys, "search", "zeppelin", "--store", str(store))[:2] == (
        0, "No claim matches.\n")
    assert _run(capsys, "search", "zeppelin", "--store", str(tmp_path / "empty"))[:2] == (
        0, "No claim matches.\n")


@pytest.mark.parametrize(("args", "says"), [
    ([], "Nothing to search for"),
    (['"'], "holds no letter or digit"),
    (["*"], "Nothing to search for"),
    (["x", "--since", "2026-13-01"], "is not a date"),
    (["x", "--until", "yesterday"], "is not a date"),
])
def test_careless_input_is_a_usage_error(capsys, store, args, says) -> None:
    code, out, err = _run(capsys, "search", *args, "--store", str(store))
    assert code == 2 and out == ""
    assert says in err and err.startswith("claim-reader: ")


@pytest.mark.parametrize("args", [["x", "--status", "Verifed"], ["x", "--limit", "0"],
                                  ["x", "--limit", "many"]])
def test_wrong_options_are_refused_by_the_parser(capsys, store, args) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["search", *args, "--store", str(store)])
    assert stopped.value.code == 2
    assert "claim-reader search" in capsys.readouterr().err


def test_hostile_queries_from_the_command_line(capsys, store) -> None:
    for query in ("NEAR(", "AND", "sea*", "speaker:", '"sea', "( )", "-x"):
        code, _, err = _run(capsys, "search", "--store", str(store), "--", query)
        assert code in (0, 2), (query, err)
        assert "Traceback" not in err and "fts5" not in err.lower(), (query, err)


def test_a_damaged_review_file_is_named_and_the_rest_searched(capsys, store) -> None:
    path = store / "reviews" / ("b" * 32 + ".json")
    path.write_text("{ not json", encoding="utf-8")
    code, out, err = _run(capsys, "search", "flooding", "--store", str(store))
    assert code == 0 and out.startswith("1 claim matches.")
    assert str(path) in err and "could not be read" in err and "claim-reader status" in err


def test_a_damaged_index_is_rebuilt_and_said_so(capsys, store) -> None:
    assert _run(capsys, "search", "flooding", "--store", str(store))[0] == 0
    default_index_path(store).write_bytes(b"\x00" * 5000)
    code, out, err = _run(capsys, "search", "flooding", "--store", str(store))
    assert code == 0 and out.startswith("1 claim matches.")
    assert "has been built again" in err
    assert _run(capsys, "search", "flooding", "--store", str(store), "--rebuild")[0] == 0


def test_without_fts5_one_clear_line(capsys, store, monkeypatch) -> None:
    monkeypatch.setattr(index_module, "fts5_problem",
                        lambda: "Search needs SQLite's FTS5, which this Python lacks.")
    code, out, err = _run(capsys, "search", "flooding", "--store", str(store))
    assert code == 1 and out == ""
    assert err == "claim-reader: Search needs SQLite's FTS5, which this Python lacks.\n"


def test_escape_sequences_in_reviews_never_reach_the_terminal(capsys, tmp_path) -> None:
    hostile = "\x1b]52;c;aGVsbG8=\x07\x1b[2J\x9b31m"
    write_review(tmp_path / "store", ArticleSpec(f"Port {hostile} news", [ClaimSpec(
        f"We lost {hostile} 300 homes in 2019, the harbour master said.", "Ann Bo", "quote",
        "verified", note=f"Checked {hostile}")]))
    for args in ([], ["--json"]):
        code, out, _ = _run(capsys, "search", "homes", *args, "--store", str(tmp_path / "store"))
        assert code == 0
        assert not any(char in out for char in "\x1b\x07\x9b"), repr(out)
    assert hostile in json.loads(out)["results"][0]["text"]  # escaped, not lost


def test_output_cut_short_is_not_an_error(tmp_path) -> None:
    for number in range(30):
        write_review(tmp_path / "store", ArticleSpec(f"Article {number}", [ClaimSpec(
            f"The harbour handled {number} ships on day {number}, the port said.", "the port",
            "figure", "verified")]))
    producer = subprocess.Popen([sys.executable, "-m", "reader", "search", "harbour",
                                 "--json", "--limit", "100", "--store",
                                 str(tmp_path / "store")],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert producer.stdout is not None and producer.stderr is not None
    producer.stdout.read(10)
    producer.stdout.close()
    errors = producer.stderr.read().decode()
    assert producer.wait(timeout=120) == 0, errors
    assert "Traceback" not in errors


# status: seen before ------------------------------------------------------------------------


@pytest.fixture
def second_outlet(tmp_path) -> Path:
    path = tmp_path / "second.txt"
    path.write_text(SECOND_OUTLET, encoding="utf-8")
    return path


def test_status_json_carries_seen_before_per_claim(capsys, store, second_outlet) -> None:
    code, out, err = _run(capsys, "status", str(second_outlet), "--json", "--store", str(store))
    assert code == 0, err
    claims = {claim["text"]: claim for claim in json.loads(out)["claims"]}
    quote = next(claim for text, claim in claims.items() if text.startswith("We lost 300"))
    [seen] = quote["seen_before"]
    assert set(seen) >= {"review", "claim_id", "status", "similarity"}
    assert (seen["review"], seen["status"], seen["match"]) == ("a" * 32, "verified", "words")
    assert seen["claim_id"] in json.loads((store / "reviews" / ("a" * 32 + ".json")).read_text(
        encoding="utf-8"))["claims"]
    assert 0.9 <= seen["similarity"] <= 1.0
    field = next(claim for text, claim in claims.items() if text.startswith("We will not"))
    assert field["speaker"] == "Jonas Field" and field["seen_before"] == []  # not Okafor's


def test_status_table_names_the_earlier_verdict(capsys, store, second_outlet) -> None:
    code, out, _ = _run(capsys, "status", str(second_outlet), "--store", str(store))
    assert code == 0
    assert "Seen before: 1 claim of this article was reviewed in another article" in out
    assert "verified in “Harbour council backs sea wall” · harbourpost.example · 2026-03-02 " \
           "(same words, 1.00)" in out


def test_status_of_an_article_seen_nowhere_has_empty_lists(capsys, tmp_path,
                                                          second_outlet) -> None:
    code, out, _ = _run(capsys, "status", str(second_outlet), "--json", "--store",
                        str(tmp_path / "empty"))
    assert code == 0
    assert all(claim["seen_before"] == [] for claim in json.loads(out)["claims"])


def test_status_still_works_when_the_index_cannot(capsys, store, second_outlet,
                                                  monkeypatch) -> None:
    def broken(self, *args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(index_module.ClaimMemory, "_sync", broken)
    code, out, err = _run(capsys, "status", str(second_outlet), "--json", "--store", str(store))
    assert code == 0
    assert "“Seen before” is left out" in err and "disk I/O error" in err
    assert all(claim["seen_before"] == [] for claim in json.loads(out)["claims"])
    assert HARBOUR.review_id == "a" * 32
