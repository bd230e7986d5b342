"""``claim-reader match-quotes``: the JSON shape the issue gives, the listing, one clear line per
source that cannot serve, and ``--save`` keeping the evidence in the review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from evidence_builders import ARTICLE, PRESS_RELEASE, TRANSCRIPT, write

from reader.cli import main
from reader.store import ReviewStore

KEYS = {"claim_id", "quote", "result", "similarity", "source", "start", "end", "passage",
        "changes"}


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    return {"article": write(tmp_path, "article.txt", ARTICLE),
            "minutes": write(tmp_path, "minutes.txt", TRANSCRIPT),
            "release": write(tmp_path, "release.md", PRESS_RELEASE)}


def run_json(capsys, *args: str) -> tuple[int, list[dict], str]:
    code = main(["match-quotes", *args, "--json"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def test_the_json_has_one_object_per_quote_and_source_in_the_issues_shape(
        capsys, files, tmp_path) -> None:
    code, data, err = run_json(capsys, str(files["article"]), str(files["minutes"]),
                               str(files["release"]), "--store", str(tmp_path / "store"))
    assert code == 0, err
    assert all(set(item) == KEYS for item in data)
    quotes = list(dict.fromkeys(item["quote"] for item in data))
    assert len(data) == 2 * len(quotes) >= 8  # each quote in each source, in that order
    assert [item["source"] for item in data[:2]] == [str(files["minutes"]),
                                                     str(files["release"])]
    by_quote = {item["quote"]: item for item in data if item["source"].endswith("minutes.txt")}
    near = by_quote["We will never raise the harbour fee this year."]
    assert near["result"] == "near" and 0.6 <= near["similarity"] < 1
    assert near["passage"] == "We will not raise the harbour fee this year"
    assert TRANSCRIPT[near["start"] : near["end"]] == near["passage"]
    assert near["changes"] == [{"op": "replace", "article": "never", "source": "not"}]
    cut = by_quote["every job at the port … will be protected"]
    assert cut["result"] == "exact" and cut["similarity"] == 1.0 and cut["changes"] == []
    missing = by_quote["we have built the sea wall on time and under budget"]
    assert missing["result"] == "not_found"
    assert missing["start"] is None and missing["end"] is None and missing["passage"] is None
    assert not (tmp_path / "store").exists()  # nothing saved without --save


def test_the_listing_says_each_result_and_change_in_words(capsys, files) -> None:
    assert main(["match-quotes", str(files["article"]), str(files["minutes"])]) == 0
    out = capsys.readouterr().out
    assert "near  89%" in out and "changed “not” to “never”" in out
    assert "not found  " in out
    assert out.rstrip().endswith("4 quotes in 1 source: 2 exact, 1 near, 1 not found.")


@pytest.mark.parametrize("make, expected", [
    (lambda d: d / "missing.txt", "does not exist"),
    (lambda d: write(d, "empty.txt", ""), "as a source: the file is empty"),
    (lambda d: write(d, "blank.txt", "  \n\n \t\n"), "as a source: the file is empty"),
    (lambda d: write(d, "dashes.txt", "— — … —\n"), "no words to find the quotes in"),
    (lambda d: d, "it is a folder"),
    (lambda d: (d / "scan.txt").write_bytes(b"\x00\x01\x02binary\xff" * 40) and d / "scan.txt",
     "Cannot open"),
    (lambda d: write(d, "copy-of-article.md", ARTICLE.replace("\n\n", "\n\n\n")),
     "holds the same text as the article"),
])
def test_a_source_that_cannot_serve_gets_one_line_and_the_others_are_matched(
        capsys, files, tmp_path, make, expected) -> None:
    bad = make(tmp_path)
    code = main(["match-quotes", str(files["article"]), str(bad), str(files["minutes"]),
                 "--json"])
    captured = capsys.readouterr()
    assert code == 1
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0] and str(bad) in lines[0]
    data = json.loads(captured.out)
    assert data and {item["source"] for item in data} == {str(files["minutes"])}


def test_the_article_itself_as_its_only_source_matches_nothing(capsys, files) -> None:
    code = main(["match-quotes", str(files["article"]), str(files["article"])])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert "same text as the article" in captured.err
    assert "No source could be used" in captured.err


def test_an_unreadable_article_is_one_line(capsys, files, tmp_path) -> None:
    code = main(["match-quotes", str(tmp_path / "nope.txt"), str(files["minutes"])])
    captured = capsys.readouterr()
    assert code == 1 and "nope.txt" in captured.err and captured.out == ""


def test_a_source_given_twice_is_matched_once(capsys, files, tmp_path) -> None:
    again = write(tmp_path, "minutes-copy.txt", TRANSCRIPT)
    code, data, err = run_json(capsys, str(files["article"]), str(files["minutes"]),
                               str(again))
    assert code == 0
    assert "holds the same text as" in err and str(again) in err
    assert {item["source"] for item in data} == {str(files["minutes"])}


def test_an_article_without_quotes(capsys, files, tmp_path) -> None:
    plain = write(tmp_path, "plain.txt", "The council met on Tuesday. It rained all day.\n")
    code, data, _ = run_json(capsys, str(plain), str(files["minutes"]))
    assert code == 0 and data == []
    assert main(["match-quotes", str(plain), str(files["minutes"])]) == 0
    assert "No quotes found" in capsys.readouterr().out


def test_usage_errors_exit_2(capsys, files) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["match-quotes", str(files["article"])])
    assert exit_info.value.code == 2
    assert "SOURCE" in capsys.readouterr().err


def test_save_keeps_the_sources_and_evidence_in_the_review(capsys, files, tmp_path) -> None:
    store_dir = tmp_path / "store"
    code, data, err = run_json(capsys, str(files["article"]), str(files["minutes"]),
                               "--save", "--store", str(store_dir))
    assert code == 0 and "Saved the passages of 4 quotes in 1 source" in err
    (entry,) = ReviewStore(store_dir).list_reviews()
    review = ReviewStore(store_dir).load(entry.review_id).review
    (document,) = review.source_documents.values()
    assert document.text == TRANSCRIPT and document.source_path == str(files["minutes"])
    for item in data:
        claim = review.claims[item["claim_id"]]
        (evidence,) = claim.evidence
        assert evidence.source == document.id and evidence.result == item["result"]
        assert evidence.quote == item["quote"] == claim.text
        if item["start"] is not None:
            assert (evidence.anchor.start, evidence.anchor.end) == (item["start"], item["end"])
    # Again: nothing new, nothing written; then the window's status shows the same review.
    before = (store_dir / "reviews" / f"{entry.review_id}.json").read_bytes()
    assert main(["match-quotes", str(files["article"]), str(files["minutes"]), "--save",
                 "--store", str(store_dir)]) == 0
    assert "Nothing new to save" in capsys.readouterr().out
    assert (store_dir / "reviews" / f"{entry.review_id}.json").read_bytes() == before
    assert main(["status", str(files["article"]), "--store", str(store_dir), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert {c["id"] for c in status["claims"]} >= {item["claim_id"] for item in data}


def test_save_adds_a_second_source_beside_the_first(capsys, files, tmp_path) -> None:
    store_dir = tmp_path / "store"
    for source in ("minutes", "release"):
        assert main(["match-quotes", str(files["article"]), str(files[source]), "--save",
                     "--store", str(store_dir)]) == 0
    capsys.readouterr()
    (entry,) = ReviewStore(store_dir).list_reviews()
    review = ReviewStore(store_dir).load(entry.review_id).review
    assert len(review.source_documents) == 2
    assert all(len(c.evidence) == 2 for c in review.claims.values() if c.kind == "quote")


def test_save_into_a_review_from_a_newer_version_is_refused(capsys, files, tmp_path) -> None:
    store_dir = tmp_path / "store"
    assert main(["match-quotes", str(files["article"]), str(files["minutes"]), "--save",
                 "--store", str(store_dir)]) == 0
    capsys.readouterr()
    (path,) = (store_dir / "reviews").glob("*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["schema_version"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")
    before = path.read_bytes()
    code = main(["match-quotes", str(files["article"]), str(files["release"]), "--save",
                 "--store", str(store_dir)])
    captured = capsys.readouterr()
    assert code == 1 and "newer version" in captured.err and captured.out == ""
    assert path.read_bytes() == before


def test_a_source_too_long_to_keep_is_refused_in_one_line(capsys, files, monkeypatch) -> None:
    import reader.evidence.sources as sources

    monkeypatch.setattr(sources, "MAX_SOURCE_CHARS", 100)
    code = main(["match-quotes", str(files["article"]), str(files["minutes"])])
    captured = capsys.readouterr()
    assert code == 1
    (line,) = captured.err.strip().splitlines()[:1]
    assert str(files["minutes"]) in line and "more than the" in line


def test_word_pdf_and_web_page_sources_go_through_the_document_loader(capsys, files,
                                                                       tmp_path) -> None:
    """Every format the reader opens is a source: a Word file, a PDF whose lines are wrapped
    and hyphenated across a page break with running headers, a saved page with its metadata."""
    import sys

    import docx

    sys.path.insert(0, str(Path(__file__).parents[1] / "document"))
    from pdf_builder import Page, write_pdf

    word = docx.Document()
    word.add_heading("Council minutes, 4 March", 1)
    word.add_paragraph("THE MAYOR: We will not raise the harbour fee this year, and every job "
                       "at the port, every single one of them, will be protected.")
    word.save(tmp_path / "minutes.docx")
    long_turn = ("THE MAYOR: Good evening to everyone who came out in this weather. " * 6
                 + "We will not raise the harbour fee this year, and every job at the port, "
                 "every single one of them, will be protected.")
    write_pdf(tmp_path / "minutes.pdf", [Page([("h", "Council minutes"), ("p", long_turn)]),
                                         Page([("p", "THE TREASURER: The budget is tight.")])],
              header="Harbour council — minutes", hyphenate=("harbour",))
    page = write(tmp_path, "minutes.html", (
        "<html><head><title>Minutes</title>"
        '<meta property="og:site_name" content="Harbour Council">'
        '<link rel="canonical" href="https://council.example/minutes-4-march"></head><body>'
        "<article><h1>Council minutes, 4 March</h1><p>THE MAYOR: We will not raise the "
        "harbour fee this year, and every job at the port, every single one of them, will "
        "be protected.</p><p>The meeting closed at nine.</p></article></body></html>"))
    sources = [tmp_path / "minutes.docx", tmp_path / "minutes.pdf", page]
    code, data, err = run_json(capsys, str(files["article"]), *map(str, sources))
    assert code == 0, err
    for source in sources:
        found = {item["quote"]: item for item in data if item["source"] == str(source)}
        near = found["We will never raise the harbour fee this year."]
        assert near["result"] == "near", source
        assert near["changes"] == [{"op": "replace", "article": "never", "source": "not"}]
        assert found["every job at the port … will be protected"]["result"] == "exact", source


def test_an_accepted_passage_of_a_web_page_names_its_site_and_address(tmp_path) -> None:
    from reader.analysis.model import Claim
    from reader.evidence.evidence import acceptance, evidence_of
    from reader.evidence.matching import find_quote
    from reader.evidence.sources import load_source
    from reader.store.anchoring import claim_from_analysis

    page = write(tmp_path, "minutes.html", (
        "<html><head><title>Minutes of 4 March</title>"
        '<meta property="og:site_name" content="Harbour Council">'
        '<link rel="canonical" href="https://council.example/minutes-4-march"></head><body>'
        "<article><h1>Minutes of 4 March</h1><p>THE TREASURER: The budget is tight. Very "
        "tight.</p><p>The meeting closed at nine.</p></article></body></html>"))
    source = load_source(page, None, "2026-03-05T11:00:00.000000Z")
    assert source.document.url == "https://council.example/minutes-4-march"
    assert source.document.metadata.get("site") == "Harbour Council"
    quote = "The budget is tight"
    claim = claim_from_analysis(Claim("q-1", "quote", 0, len(quote), quote), quote,
                                "2026-03-05T11:00:00.000000Z")
    evidence = evidence_of(find_quote(source.index, quote), source.document, quote,
                           "2026-03-05T11:00:00.000000Z")
    fields = acceptance(claim, evidence, source.document, "supports").fields
    assert fields["url"] == "https://council.example/minutes-4-march"
    assert fields["publisher"] == "Harbour Council"
    assert "Minutes of 4 March" in fields["title"]
