"""The quality targets, measured on our own hand-annotated articles (tests/fixtures/articles)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reader.analysis import analyse
from reader.analysis.evaluation import format_scores, load_gold, score
from reader.document.loading import load_document
from reader.document.model import Document

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
GOLD_FILES = sorted(ARTICLES.glob("*.gold.json"))


def _article(gold_path: Path) -> tuple[str, dict]:
    text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
    return text_path.read_text(encoding="utf-8"), load_gold(gold_path)


def test_there_are_at_least_six_articles() -> None:
    assert len(GOLD_FILES) >= 6


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name.split(".")[0])
def test_gold_offsets_index_the_article(gold_path: Path) -> None:
    text, gold = _article(gold_path)
    assert gold["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    for item in gold["quotes"] + gold["figures"] + gold["not_figures"]:
        assert text[item["start"]:item["end"]] == item["text"]


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name.split(".")[0])
def test_article_meets_the_quality_targets(gold_path: Path) -> None:
    text, gold = _article(gold_path)
    scores = score(analyse(text), gold)
    assert scores.meets_targets(), format_scores(scores)


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name.split(".")[0])
def test_article_meets_the_targets_with_document_blocks(gold_path: Path) -> None:
    text, gold = _article(gold_path)
    document = Document.from_plain_text(text)
    scores = score(analyse(document.text, document.blocks), gold)
    assert scores.meets_targets(), format_scores(scores)


def test_the_fixtures_cover_every_quote_style_and_figure_kind() -> None:
    texts = "".join(_article(p)[0] for p in GOLD_FILES)
    for mark in '"“”‘’«»„':
        assert mark in texts, mark
    kinds = {f["kind"] for p in GOLD_FILES for f in _article(p)[1]["figures"]}
    assert {"count", "money", "percent", "year", "date", "duration", "range"} <= kinds


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name.split(".")[0])
def test_article_meets_the_targets_as_the_cli_opens_it(gold_path: Path) -> None:
    text, gold = _article(gold_path)
    document = load_document(gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")))
    assert document.text == text
    scores = score(analyse(document.text, document.blocks), gold)
    assert scores.meets_targets(), format_scores(scores)
