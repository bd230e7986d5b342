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
        assert main(["export", str(article), "-f", name, "-o", str(out),
                     "--store", str(store)]) == 0
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
    assert main(["export", str(review_file), "-f", "claimreview"]) == 0
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
