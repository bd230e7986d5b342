"""Score the analysis on the real-news development set, with error counts by category.

A dev tool (the test suite never runs it). The set is built by
``../shared/eval/build_devset.py`` into ``.devdata/`` (git-ignored: copyrighted news).

    python tests/bench/eval_realnews.py [--devdata .devdata] [--eval ../shared/eval]
                                        [--errors FILE.jsonl] [--official] [--limit N]

By default the articles are analysed in this process (a few seconds for the 840 articles)
with the shared scorers' own matching functions, so the figures are the official ones; with
``--official`` the two shared scorers also run as published, through ``claim-reader extract``
in a subprocess per article (several minutes), and their JSON is printed as they print it.

Errors are counted by category so that a change can be judged by the class it fixes:
speakers missing, wrong (by the kind of gold source: name, description, pronoun …), quotes
missed or extra; figures missed or with a wrong value, by corpus.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from reader.analysis import analyse
from reader.cli.extract import extract_data
from reader.document.loading import load_document

ROOT = Path(__file__).resolve().parents[2]


def _shared_scorers(eval_dir: Path):
    sys.path.insert(0, str(eval_dir))
    import score  # the shared scorer's own matching
    import score_numbers
    import score_quotes

    return score, score_quotes, score_numbers


def _extract(path: Path) -> dict:
    document = load_document(path)
    return extract_data(document, analyse(document.text, document.blocks))


def quotes(devdata: Path, eval_dir: Path, errors_path: Path | None, limit: int) -> dict:
    score, score_quotes, _ = _shared_scorers(eval_dir)
    docs = [json.loads(line) for line in (devdata / "quotes.jsonl").open(encoding="utf-8")]
    docs = docs[:limit] if limit else docs
    tot = Counter()
    categories: Counter[str] = Counter()
    errors = errors_path.open("a", encoding="utf-8") if errors_path else None
    seconds = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        for d in docs:
            path.write_text(d["text"], encoding="utf-8")
            started = time.perf_counter()
            pred = _extract(path)
            seconds += time.perf_counter() - started
            model = pred["document"]["text"]
            if model != d["text"]:
                f = score_quotes.offset_map(model, d["text"])
                for q in pred["quotes"]:
                    q["start"], q["end"] = f(q["start"]), f(q["end"])
            pred_quotes = score_quotes.split_paragraphs(d["text"], pred["quotes"])
            gold = [dict(q, speaker=(q["speaker"] or {}).get("name")
                         if isinstance(q["speaker"], dict) else q["speaker"])
                    for q in d["gold"]["quotes"]]
            s = score.score_quotes(gold, pred_quotes)
            tp = round(s["recall"] * s["n_gold"])
            tot["tp"] += tp
            tot["gold"] += s["n_gold"]
            tot["pred"] += s["n_pred"]
            named = [q for q in gold if q.get("kind") != "term" and q.get("speaker")]
            sm = score.score_quotes(named, pred_quotes)
            m = round(sm["recall"] * sm["n_gold"])
            tot["named"] += len(named)
            tot["spk_n"] += m
            tot["spk_ok"] += round(sm["speaker_accuracy"] * m)
            categories["quote missed"] += len(s["missed"])
            categories["quote extra"] += len(s["extra"])
            for g, p in sm["wrong_speaker"]:
                kind = g.get("source_kind") or "?"
                categories[f"speaker {'missing' if p is None else 'wrong'} ({kind})"] += 1
                if errors:
                    context = d["text"][max(0, g["start"] - 300):g["end"] + 200]
                    errors.write(json.dumps(
                        {"doc": d["id"], "error": "speaker", "gold": g["speaker"], "pred": p,
                         "source_text": g.get("source_text"), "source_kind": kind,
                         "cue": g.get("cue"), "quote": d["text"][g["start"]:g["end"]],
                         "context": context}, ensure_ascii=False) + "\n")
            if errors:
                for g in s["missed"]:
                    errors.write(json.dumps(
                        {"doc": d["id"], "error": "missed",
                         "quote": d["text"][g["start"]:g["end"]],
                         "context": d["text"][max(0, g["start"] - 200):g["end"] + 200]},
                        ensure_ascii=False) + "\n")
                for p in s["extra"]:
                    errors.write(json.dumps(
                        {"doc": d["id"], "error": "extra", "quote": d["text"][p["start"]:p["end"]],
                         "context": d["text"][max(0, p["start"] - 150):p["end"] + 150]},
                        ensure_ascii=False) + "\n")
    if errors:
        errors.close()
    p = tot["tp"] / tot["pred"] if tot["pred"] else 0.0
    r = tot["tp"] / tot["gold"] if tot["gold"] else 0.0
    chars = sum(len(d["text"]) for d in docs)
    return {
        "docs": len(docs),
        "quote_precision": round(p, 4), "quote_recall": round(r, 4),
        "quote_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "speaker_accuracy": round(tot["spk_ok"] / tot["spk_n"], 4) if tot["spk_n"] else None,
        "end_to_end": round(tot["spk_ok"] / tot["named"], 4) if tot["named"] else None,
        "named_gold": tot["named"], "matched_named": tot["spk_n"],
        "errors": dict(categories.most_common()),
        "analysis_mb_per_s": round(chars / 1e6 / seconds, 2) if seconds else None,
    }


def numbers(devdata: Path, eval_dir: Path, errors_path: Path | None) -> dict:
    _, _, score_numbers = _shared_scorers(eval_dir)
    cases = [json.loads(line) for line in (devdata / "numbers.jsonl").open(encoding="utf-8")]
    cases = [c for c in cases if c["figures"] and c.get("model", "") in
             ("", "currency", "dimension", "percentage", "number")]
    parts, pos = [], 0
    for c in cases:
        c["offset"] = pos
        parts.append(c["text"])
        pos += len(c["text"]) + 2
    text = "\n\n".join(parts)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "numbers.txt"
        path.write_text(text, encoding="utf-8")
        pred = _extract(path)
    figs = sorted(pred["figures"], key=lambda p: p["start"])
    found = Counter()
    total = Counter()
    value_ok = Counter()
    value_n = Counter()
    errors = errors_path.open("a", encoding="utf-8") if errors_path else None
    for c in cases:
        src = c["source"] + ("/" + c["model"] if c.get("model") else "")
        for g in c["figures"]:
            s, e = g["start"] + c["offset"], g["end"] + c["offset"]
            hits = [p for p in figs if p["start"] < e and s < p["end"]]
            total[src] += 1
            found[src] += bool(hits)
            gv = score_numbers.values(g.get("value"))
            ok = None
            if gv:
                value_n[src] += 1
                pv = [v for h in hits for v in score_numbers.values(h.get("value"))]
                ok = any(abs(a - gv[0]) <= 0.005 * max(abs(gv[0]), 1e-9) for a in pv)
                value_ok[src] += ok
            if errors and (not hits or ok is False):
                errors.write(json.dumps(
                    {"error": "figure missed" if not hits else "figure value", "source": src,
                     "gold": g["text"], "gold_value": g.get("value"),
                     "pred": [(h["text"], h.get("value"), h.get("low"), h.get("high"),
                               h.get("unit")) for h in hits],
                     "case": c["text"]}, ensure_ascii=False) + "\n")
    if errors:
        errors.close()
    return {
        "cases": len(cases),
        "recall": round(sum(found.values()) / sum(total.values()), 4),
        "value_accuracy": round(sum(value_ok.values()) / sum(value_n.values()), 4),
        "by_source": {k: {"recall": round(found[k] / total[k], 3),
                          "value_accuracy": round(value_ok[k] / value_n[k], 3)
                          if value_n[k] else None, "n": total[k]} for k in sorted(total)},
        "errors": {f"figure missed ({k})": total[k] - found[k] for k in sorted(total)}
        | {f"figure value ({k})": value_n[k] - value_ok[k] for k in sorted(total)},
    }


def official(devdata: Path, eval_dir: Path) -> None:
    command = [sys.executable, "-m", "reader", "extract", "{file}", "--format", "json"]
    for scorer, data in (("score_quotes.py", "quotes.jsonl"),
                         ("score_numbers.py", "numbers.jsonl")):
        print(f"== {scorer} (official, one subprocess per article)", flush=True)
        subprocess.run([sys.executable, str(eval_dir / scorer), str(devdata / data), *command],
                       check=False, cwd=ROOT)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devdata", type=Path, default=ROOT / ".devdata")
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--errors", type=Path, help="write every miss here, one JSON per line")
    parser.add_argument("--official", action="store_true",
                        help="also run the shared scorers as published (slow)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--only", choices=("quotes", "numbers"))
    options = parser.parse_args(argv)
    if not (options.devdata / "quotes.jsonl").exists():
        print(f"No development set in {options.devdata}: build it with "
              "../shared/eval/build_devset.py (see issue 10).", file=sys.stderr)
        return 2
    if options.errors:
        options.errors.write_text("", encoding="utf-8")  # each run starts the file afresh
    if options.only != "numbers":
        result = quotes(options.devdata, options.eval, options.errors, options.limit)
        print("== quotes")
        print(json.dumps(result, indent=1, ensure_ascii=False))
    if options.only != "quotes":
        result = numbers(options.devdata, options.eval, options.errors)
        print("== numbers")
        print(json.dumps(result, indent=1, ensure_ascii=False))
    if options.official:
        official(options.devdata, options.eval)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
