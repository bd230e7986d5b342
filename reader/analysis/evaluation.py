"""Scoring the analysis against hand-made gold: the measure behind the quality targets.

Gold is a JSON object with ``quotes`` (start, end, text, speaker, kind) and ``figures`` (start,
end, text, value, kind, required) and optionally ``not_figures`` (start, end, text), offsets
indexing the article's text. A predicted span matches a gold span when their character
intersection over union is at least 0.8; matching is one-to-one, best overlap first.

Optional gold items (``kind: "term"`` quotes, ``required: false`` figures) never count against
the analysis: matching one is neither a hit nor a false alarm, missing one is no miss.
A range is one figure ("between 10,000 and 30,000"), while older gold may mark its two ends as
two figures: a gold figure left unmatched is found by a predicted range that contains it and has
its value as one end (``low`` or ``high``), so the ends are checked, not merely overlapped.
Speaker accuracy is over matched non-term quotes; names compare case- and space-insensitively.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.analysis.model import Analysis

MATCH_IOU = 0.8


@dataclass(frozen=True, slots=True)
class Scores:
    quote_precision: float
    quote_recall: float
    quote_f1: float
    speaker_accuracy: float
    required_figure_recall: float
    figure_precision: float
    not_figure_hits: int
    quote_misses: tuple[str, ...] = ()
    quote_false_alarms: tuple[str, ...] = ()
    speaker_errors: tuple[str, ...] = ()
    figure_misses: tuple[str, ...] = ()
    figure_false_alarms: tuple[str, ...] = ()

    def meets_targets(self) -> bool:
        return (
            self.quote_f1 >= 0.95
            and self.speaker_accuracy >= 0.90
            and self.required_figure_recall >= 0.97
            and self.figure_precision >= 0.95
            and self.not_figure_hits == 0
        )


def load_gold(path: str | Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        gold: dict[str, Any] = json.load(handle)
    return gold


def iou(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    overlap = min(a_end, b_end) - max(a_start, b_start)
    if overlap <= 0:
        return 0.0
    union = max(a_end, b_end) - min(a_start, b_start)
    return overlap / union if union else 0.0


def _match(predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]
           ) -> dict[int, int]:
    """One-to-one matching (predicted index -> gold index), highest IoU first."""
    pairs: list[tuple[float, int, int]] = []
    for p, (ps, pe) in enumerate(predicted):
        for g, (gs, ge) in enumerate(gold):
            if ge <= ps or gs >= pe:
                continue
            score = iou(ps, pe, gs, ge)
            if score >= MATCH_IOU:
                pairs.append((score, p, g))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    result: dict[int, int] = {}
    for _score, p, g in pairs:
        if p not in used_p and g not in used_g:
            result[p] = g
            used_p.add(p)
            used_g.add(g)
    return result


def _range_ends(analysis: Analysis, gold_figures: Sequence[dict[str, Any]],
                matched_predictions: set[int], matched_gold: set[int]) -> dict[int, list[int]]:
    """Gold figures found as the written ends of a predicted range: {prediction: [gold]}."""
    found: dict[int, list[int]] = {}
    for p, figure in enumerate(analysis.figures):
        if p in matched_predictions or figure.kind != "range" or figure.low is None \
                or figure.high is None:
            continue
        for g, item in enumerate(gold_figures):
            value = item.get("value")
            if g in matched_gold or not isinstance(value, (int, float)) or not (
                    figure.start <= item["start"] and item["end"] <= figure.end):
                continue
            if any(abs(end - value) <= 0.005 * max(abs(value), 1e-9)
                   for end in (figure.low, figure.high)):
                found.setdefault(p, []).append(g)
                matched_gold.add(g)
    return found


def _same_name(a: str | None, b: str | None) -> bool:
    def norm(name: str | None) -> str:
        return re.sub(r"[\W_]+", "", name or "").casefold()

    return norm(a) == norm(b)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def score(analysis: Analysis, gold: dict[str, Any]) -> Scores:
    gold_quotes = gold.get("quotes", [])
    predicted = [(q.start, q.end) for q in analysis.quotes]
    matched = _match(predicted, [(g["start"], g["end"]) for g in gold_quotes])
    optional = {i for i, g in enumerate(gold_quotes) if g.get("kind") == "term"}
    true_positives = sum(1 for g in matched.values() if g not in optional)
    false_alarms = [p for p in range(len(predicted)) if p not in matched]
    required_gold = [i for i in range(len(gold_quotes)) if i not in optional]
    hit_gold = set(matched.values())
    misses = [i for i in required_gold if i not in hit_gold]
    precision = _ratio(true_positives, true_positives + len(false_alarms))
    recall = _ratio(true_positives, len(required_gold))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    speaker_right = 0
    speaker_total = 0
    speaker_errors: list[str] = []
    for p, g in matched.items():
        if g in optional:
            continue
        speaker_total += 1
        predicted_speaker = analysis.quotes[p].speaker
        name = predicted_speaker.name if predicted_speaker is not None else None
        if _same_name(name, gold_quotes[g].get("speaker")):
            speaker_right += 1
        else:
            speaker_errors.append(
                f"{gold_quotes[g]['text'][:50]!r}: {name!r} != {gold_quotes[g].get('speaker')!r}")

    gold_figures = gold.get("figures", [])
    figure_spans = [(f.start, f.end) for f in analysis.figures]
    figure_matched = _match(figure_spans, [(g["start"], g["end"]) for g in gold_figures])
    range_ends = _range_ends(analysis, gold_figures, set(figure_matched), set(
        figure_matched.values()))
    required = [i for i, g in enumerate(gold_figures) if g.get("required", True)]
    hit = set(figure_matched.values()) | {g for ends in range_ends.values() for g in ends}
    figure_misses = [i for i in required if i not in hit]
    figure_false = [p for p in range(len(figure_spans))
                    if p not in figure_matched and p not in range_ends]
    figure_true = sum(1 for g in figure_matched.values() if gold_figures[g].get("required", True))
    figure_true += sum(1 for ends in range_ends.values()
                       if any(gold_figures[g].get("required", True) for g in ends))
    not_figure_hits = 0
    for item in gold.get("not_figures", []):
        if any(fs < item["end"] and item["start"] < fe for fs, fe in figure_spans):
            not_figure_hits += 1
    return Scores(
        quote_precision=precision,
        quote_recall=recall,
        quote_f1=f1,
        speaker_accuracy=_ratio(speaker_right, speaker_total),
        required_figure_recall=_ratio(len(required) - len(figure_misses), len(required)),
        figure_precision=_ratio(figure_true, figure_true + len(figure_false)),
        not_figure_hits=not_figure_hits,
        quote_misses=tuple(gold_quotes[i]["text"][:60] for i in misses),
        quote_false_alarms=tuple(analysis.quotes[p].text[:60] for p in false_alarms),
        speaker_errors=tuple(speaker_errors),
        figure_misses=tuple(gold_figures[i]["text"] for i in figure_misses),
        figure_false_alarms=tuple(analysis.figures[p].text for p in figure_false),
    )


def format_scores(scores: Scores) -> str:
    lines = [
        f"quotes   P {scores.quote_precision:.3f}  R {scores.quote_recall:.3f}  "
        f"F1 {scores.quote_f1:.3f}",
        f"speakers {scores.speaker_accuracy:.3f} of matched quotes",
        f"figures  required recall {scores.required_figure_recall:.3f}  "
        f"precision {scores.figure_precision:.3f}  not_figures reported {scores.not_figure_hits}",
    ]
    for label, items in (
        ("missed quote", scores.quote_misses),
        ("extra quote", scores.quote_false_alarms),
        ("wrong speaker", scores.speaker_errors),
        ("missed figure", scores.figure_misses),
        ("extra figure", scores.figure_false_alarms),
    ):
        lines.extend(f"  {label}: {item}" for item in items)
    return "\n".join(lines)
