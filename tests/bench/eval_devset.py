"""Score the analysis on the shared development set (a dev tool; the test suite never runs it).

Usage: python tests/bench/eval_devset.py [SEEDS_DIR] [-v] [--document]
Prints, per article and in total: quote P/R/F1, speaker accuracy, required-figure recall,
figure precision and not_figures reported; with -v, every miss and false alarm. With
--document the article is opened as `claim-reader extract` opens it (the document loader, its
blocks bounding sentences and quotes) instead of being analysed as bare text.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.analysis import analyse
from reader.analysis.evaluation import Scores, format_scores, load_gold, score
from reader.document.loading import load_document

DEFAULT_SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    through_loader = "--document" in argv
    args = [a for a in argv if a not in ("-v", "--document")]
    seeds = Path(args[0]) if args else DEFAULT_SEEDS
    golds = sorted(seeds.glob("*.gold.json"))
    if not golds:
        print(f"No *.gold.json files in {seeds}.", file=sys.stderr)
        return 2
    all_scores: list[Scores] = []
    for gold_path in golds:
        text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        if through_loader:
            document = load_document(text_path)
            analysis = analyse(document.text, document.blocks)
        else:
            analysis = analyse(text_path.read_text(encoding="utf-8"))
        scores = score(analysis, load_gold(gold_path))
        all_scores.append(scores)
        print(f"== {text_path.name}")
        report = format_scores(scores)
        print(report if verbose else "\n".join(report.splitlines()[:3]))
    if len(all_scores) > 1:
        n = len(all_scores)
        print(f"== mean of {n}: quote F1 {sum(s.quote_f1 for s in all_scores) / n:.3f}, "
              f"speakers {sum(s.speaker_accuracy for s in all_scores) / n:.3f}, "
              f"required figures {sum(s.required_figure_recall for s in all_scores) / n:.3f}, "
              f"figure precision {sum(s.figure_precision for s in all_scores) / n:.3f}, "
              f"not_figures {sum(s.not_figure_hits for s in all_scores)}")
    return 0 if all(s.meets_targets() for s in all_scores) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
