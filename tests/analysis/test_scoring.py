"""The scoring itself: IoU matching, optional gold items, speaker accuracy, not_figures."""

from __future__ import annotations

from reader.analysis.evaluation import iou, score
from reader.analysis.model import Analysis, Figure, Mention, Quote


def _quote(start: int, end: int, speaker: str | None = None) -> Quote:
    mention = Mention(speaker, 0, 1) if speaker else None
    return Quote(start, end, "x" * (end - start), "full", mention)


def test_iou() -> None:
    assert iou(0, 10, 0, 10) == 1.0
    assert iou(0, 10, 10, 20) == 0.0
    assert iou(0, 10, 5, 15) == 5 / 15


def test_quote_matches_need_iou_of_at_least_point_eight() -> None:
    gold = {"quotes": [{"start": 0, "end": 100, "text": "", "speaker": "A B", "kind": "full"}]}
    assert score(Analysis(quotes=(_quote(0, 80, "A B"),)), gold).quote_f1 == 1.0
    near_miss = score(Analysis(quotes=(_quote(0, 79, "A B"),)), gold)
    assert near_miss.quote_recall == 0.0 and near_miss.quote_precision == 0.0


def test_term_quotes_are_optional_both_ways() -> None:
    gold = {"quotes": [{"start": 0, "end": 10, "text": "", "speaker": None, "kind": "term"},
                       {"start": 20, "end": 30, "text": "", "speaker": "A", "kind": "full"}]}
    found_both = score(Analysis(quotes=(_quote(0, 10), _quote(20, 30, "a"))), gold)
    assert found_both.quote_f1 == 1.0 and found_both.speaker_accuracy == 1.0
    found_one = score(Analysis(quotes=(_quote(20, 30, "B"),)), gold)
    assert found_one.quote_f1 == 1.0 and found_one.speaker_accuracy == 0.0


def test_figures_required_optional_and_not_figures() -> None:
    gold = {
        "figures": [{"start": 0, "end": 3, "text": "", "value": 1, "kind": "count"},
                    {"start": 10, "end": 18, "text": "", "value": 1, "kind": "count",
                     "required": False}],
        "not_figures": [{"start": 30, "end": 33, "text": "one"}],
    }
    figures = (Figure(0, 3, "abc", "count", 1.0), Figure(10, 18, "x" * 8, "count", 1.0),
               Figure(31, 33, "ne", "count", 1.0))
    scores = score(Analysis(figures=figures), gold)
    assert scores.required_figure_recall == 1.0
    assert scores.figure_precision == 0.5
    assert scores.not_figure_hits == 1
    assert not scores.meets_targets()


def test_gold_that_marks_the_ends_of_a_range_is_found_by_the_range() -> None:
    gold = {"figures": [{"start": 8, "end": 14, "text": "10,000", "value": 10000, "kind": "count"},
                        {"start": 19, "end": 25, "text": "30,000", "value": 30000,
                         "kind": "count"}]}
    ranged = Figure(0, 25, "between 10,000 and 30,000", "range", 20000, low=10000, high=30000)
    scores = score(Analysis(figures=(ranged,)), gold)
    assert (scores.required_figure_recall, scores.figure_precision) == (1.0, 1.0)
    # The ends must be the range's own: a range over other numbers finds nothing.
    other = Figure(0, 25, "between 10,000 and 30,000", "range", 25000, low=20000, high=30000)
    assert score(Analysis(figures=(other,)), gold).required_figure_recall == 0.5
    # Only a range does this: a count spanning both numbers matches neither.
    count = Figure(0, 25, "x" * 25, "count", 10000)
    assert score(Analysis(figures=(count,)), gold).required_figure_recall == 0.0
