"""``claim-reader export``: from an article via the store, or straight from a review file."""

from __future__ import annotations

import csv
import io
import json

import pytest

import reader.store.store as store_module
from reader.analysis.model import Analysis, Claim
from reader.cli import main

ARTICLE = ("Dock workers said \"wages fell 8% since 2023\" on Monday.\n\n"
           "The company said pay rose.\n")


def _analyser(document):
    start = document.text.index("wages fell")
    end = document.text.index("\" on Monday")
    return Analysis(claims=(Claim(id="w1", kind="quote", start=start, end=end,
                                  text=document.text[start:end]),))


@pytest.fixture
def tagged(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(store_module, "analyse_document", _analyser)
    article = tmp_path / "dock.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "store"
    assert main(["tag", str(article), "w1", "disputed", "--note", "=1+1",
                 "--store", str(store)]) == 0
    capsys.readouterr()
    return article, store


def test_export_markdown_to_stdout(tagged, capsys):
    article, store = tagged
    assert main(["export", str(article), "--format", "md", "--store", str(store)]) == 0
    out = capsys.readouterr().out
    assert "Disputed" in out and "wages fell 8% since 2023" in out


def test_export_each_format_to_a_file(tagged, tmp_path, capsys):
    article, store = tagged
    for name in ("html", "csv", "jsonld", "claimreview"):
        out = tmp_path / "out" / f"report.{name}"
        assert main(["export", str(article), "-f", name, "-o", str(out), "--store", str(store),
                     "--url", "https://dock.example/wages", "--author", "Rita Alves"]) == 0
        assert str(out) in capsys.readouterr().err
        text = out.read_text(encoding="utf-8")
        if name == "csv":
            (row,) = list(csv.DictReader(io.StringIO(text)))
            assert (row["status"], row["note"]) == ("disputed", "'=1+1")
        elif name == "html":
            assert "wages fell 8% since 2023" in text and 'class="disputed"' in text
        else:
            data = json.loads(text)
            assert ("Disputed" if name == "claimreview" else "disputed") in json.dumps(data)


def test_export_from_a_review_file(tagged, capsys):
    _, store = tagged
    review_file = next((store / "reviews").glob("*.json"))
    assert main(["export", str(review_file), "-f", "claimreview", "--author", "Rita Alves",
                 "--url", "https://dock.example/wages"]) == 0
    graph = json.loads(capsys.readouterr().out)["@graph"]
    assert [item["reviewRating"]["alternateName"] for item in graph] == ["Disputed"]


def test_export_errors_name_the_file(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert main(["export", str(missing), "--store", str(tmp_path / "s")]) == 1
    assert str(missing) in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text("[1, 2", encoding="utf-8")
    assert main(["export", str(broken)]) == 1
    assert str(broken) in capsys.readouterr().err


def test_export_never_writes_over_the_article_or_into_the_store(tagged, capsys):
    article, store = tagged
    before = article.read_bytes()
    assert main(["export", str(article), "-f", "md", "-o", str(article),
                 "--store", str(store)]) == 1
    message = capsys.readouterr().err
    assert str(article) in message and "Choose another -o path" in message
    assert article.read_bytes() == before
    (review_file,) = (store / "reviews").glob("*.json")
    review_before = review_file.read_bytes()
    for target in (review_file, store / "index.json", store / "reviews" / "report.md"):
        assert main(["export", str(article), "-f", "md", "-o", str(target),
                     "--store", str(store)]) == 1
        assert "inside the review store" in capsys.readouterr().err
    assert review_file.read_bytes() == review_before
    assert not (store / "reviews" / "report.md").exists()


# ClaimReview: published under the reviewer's name, pointing at the article's address -------


def _claim_review(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["export", *args, "-f", "claimreview"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_without_an_address_nothing_is_written_and_the_message_says_what_to_give(
        tagged, tmp_path, capsys, monkeypatch):
    article, store = tagged
    monkeypatch.setenv("USER", "root")
    out = tmp_path / "review.jsonld"
    code, printed, err = _claim_review(capsys, str(article), "--store", str(store),
                                       "-o", str(out))
    assert code == 1 and printed == ""
    assert not out.exists()
    assert "needs the article's web address and the reviewer's name" in err
    assert "--url URL" in err and "--author NAME" in err and "[reviewer]" in err
    code, _, err = _claim_review(capsys, str(article), "--store", str(store), "--author", "Rita")
    assert code == 1 and "needs the article's web address." in err and "--author" not in err


def test_the_address_given_once_is_kept_in_the_review(tagged, capsys):
    article, store = tagged
    code, _, err = _claim_review(capsys, "--store", str(store), str(article), "--author",
                                 "Rita Alves", "--url", "https://dock.example/wages")
    assert code == 0, err
    (review_file,) = (store / "reviews").glob("*.json")
    assert json.loads(review_file.read_text("utf-8"))["document"]["url"] == \
        "https://dock.example/wages"
    code, printed, err = _claim_review(capsys, str(article), "--store", str(store),
                                       "--author", "Rita Alves")
    assert code == 0, err
    appearance = json.loads(printed)["@graph"][0]["itemReviewed"]["appearance"]
    assert appearance["url"] == "https://dock.example/wages"
    assert main(["export", str(article), "-f", "claimreview", "--url", "file:///etc/passwd",
                 "--store", str(store)]) == 2
    assert "is not a web address" in capsys.readouterr().err


def test_the_reviewer_comes_from_the_settings_file_and_never_the_login_name(
        tagged, tmp_path, capsys, monkeypatch):
    article, store = tagged
    config = tmp_path / "config.toml"
    config.write_text('[reviewer]\nname = "Rita Alves"\norganisation = "Dock Desk"\n',
                      encoding="utf-8")
    monkeypatch.setenv("CLAIM_READER_CONFIG", str(config))
    monkeypatch.setenv("USER", "root")
    monkeypatch.setenv("LOGNAME", "root")
    base = [str(article), "--store", str(store), "--url", "https://dock.example/wages"]
    code, printed, err = _claim_review(capsys, *base)
    assert code == 0, err
    item = json.loads(printed)["@graph"][0]
    assert item["author"]["name"] == "Rita Alves"
    assert item["author"]["affiliation"]["name"] == "Dock Desk"
    assert "root" not in printed
    code, printed, _ = _claim_review(capsys, *base, "--author", "Sam Lee", "--organization",
                                     "Quay Checks")
    item = json.loads(printed)["@graph"][0]
    assert (item["author"]["name"], item["publisher"]["name"]) == ("Sam Lee", "Quay Checks")
    config.write_text("[reviewer\nname = ", encoding="utf-8")
    code, _, err = _claim_review(capsys, *base)
    assert code == 1 and str(config) in err and "not valid TOML" in err


def test_a_saved_page_gives_its_own_address(tmp_path, capsys, monkeypatch):
    page = tmp_path / "wages.html"
    page.write_text(
        '<html><head><title>Dock wages</title>'
        '<link rel="canonical" href="https://dock.example/2026/wages">'
        '<meta property="og:url" content="https://dock.example/amp/wages"></head>'
        '<body><article><p>Dock workers said "wages fell 8% since 2023" on Monday.</p>'
        "<p>The company said pay rose.</p></article></body></html>", encoding="utf-8")
    store = tmp_path / "store"
    assert main(["status", str(page), "--store", str(store), "--json"]) == 0
    claim_id = json.loads(capsys.readouterr().out)["claims"][0]["id"]
    assert main(["tag", str(page), claim_id, "d", "--store", str(store)]) == 0
    capsys.readouterr()
    code, printed, err = _claim_review(capsys, str(page), "--store", str(store), "--author",
                                       "Rita Alves")
    assert code == 0, err
    appearance = json.loads(printed)["@graph"][0]["itemReviewed"]["appearance"]
    assert appearance == {"@type": "CreativeWork", "url": "https://dock.example/2026/wages",
                          "headline": "Dock wages"}
