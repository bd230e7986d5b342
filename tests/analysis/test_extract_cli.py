"""`claim-reader extract FILE [--format json|text]` as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main

ARTICLE = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / (
    "04_multi_paragraph_quote_debate.txt")


def test_json_offsets_index_the_document_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(ARTICLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = data["document"]["text"]
    assert data["document"]["length"] == len(text)
    assert data["document"]["format"] == "text"
    assert len(data["document"]["sha256"]) == 64
    assert data["quotes"] and data["figures"] and data["claims"]
    for key in ("quotes", "figures", "claims"):
        for item in data[key]:
            assert text[item["start"]:item["end"]] == item["text"]
    first = data["quotes"][0]
    assert set(first) >= {"start", "end", "text", "kind", "speaker", "cue"}
    assert first["speaker"]["name"] == "Gerald Voss"
    assert text[first["speaker"]["start"]:first["speaker"]["end"]] == "Voss"
    assert set(data["figures"][0]) >= {"start", "end", "text", "value", "unit", "approximate"}
    claim = data["claims"][0]
    assert set(claim) >= {"id", "kind", "start", "end", "text", "speaker", "quotes", "figures"}


def test_text_listing_names_speakers_and_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(ARTICLE)]) == 0
    out = capsys.readouterr().out
    assert "Quotes: 3" in out
    assert "Gerald Voss" in out and "Priya Raman" in out
    assert "$27.5 million" in out and "money: 27,500,000 USD" in out


def test_missing_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.txt"
    assert main(["extract", str(missing)]) == 1
    err = capsys.readouterr().err
    assert "nowhere.txt" in err


def test_bad_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(ARTICLE), "--format", "xml"])
    assert exit_info.value.code == 2


def test_a_speaker_role_is_given_in_json_and_text(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "statement.txt"
    article.write_text("“We are reviewing the guidance,” a spokesperson for the Ministry of "
                       "Roads and Canals said on Monday.\n", encoding="utf-8")
    assert main(["extract", str(article), "--format", "json"]) == 0
    speaker = json.loads(capsys.readouterr().out)["quotes"][0]["speaker"]
    assert (speaker["name"], speaker["role"]) == ("Ministry of Roads and Canals", "spokesperson")
    assert main(["extract", str(article)]) == 0
    assert "Ministry of Roads and Canals (spokesperson)" in capsys.readouterr().out


def test_figures_print_as_written_and_years_ungrouped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "fares.txt"
    article.write_text("Fares rose 19 cents in 2007, and between 10,000 and 30,000 riders left "
                       "from 2019 to 2024 in the 2021-22 season.\n", encoding="utf-8")
    assert main(["extract", str(article)]) == 0
    out = capsys.readouterr().out
    assert "money: 19 cent (0.19 USD)" in out
    assert "year: 2007" in out and "2,007" not in out
    assert "range: 10,000–30,000 riders" in out
    assert "range: 2019–2024" in out and "2,019" not in out
    assert "period: 2021–2022 (one period)" in out
    assert main(["extract", str(article), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_text = {f["text"]: f for f in data["figures"]}
    cents = by_text["19 cents"]
    assert (cents["value"], cents["unit"], cents["normalised"]) == (
        19, "cent", {"value": 0.19, "unit": "USD"})
    riders = by_text["between 10,000 and 30,000"]
    assert (riders["kind"], riders["low"], riders["high"], riders["value"], riders["derived"]) == (
        "range", 10000, 30000, 20000, "midpoint")
    assert by_text["from 2019 to 2024"]["value"] is None
