"""Speed of the review store, against the targets of the store's issue. Not part of the test
suite; run ``python tests/bench/bench_store.py`` and read the figures.

- a review of 10,000 claims: one status change saved (lock, merge check, write, fsync) <= 50 ms
- a store of 1,000 reviews: the index loads (start page list) <= 1 s
- re-anchoring 1,000 claims after an edit <= 1 s
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from reader.analysis.model import Analysis, Claim
from reader.document.model import Document
from reader.store.anchoring import reanchor
from reader.store.index import INDEX_NAME
from reader.store.model import Anchor, ReviewClaim
from reader.store.store import ReviewStore


def article(sentences: int, tag: str = "") -> str:
    return "".join(
        f"{tag}Speaker {n % 97} said that {n * 13 % 1000} ferries sailed in {1900 + n % 120} "
        f"from harbour {n}.\n" + ("\n" if n % 5 == 4 else "")
        for n in range(sentences))


def analysis_of(text: str) -> Analysis:
    claims = []
    pos = 0
    for line in text.split("\n"):
        if line:
            claims.append(Claim(id=f"c{len(claims)}", kind="quote", start=pos,
                                end=pos + len(line), text=line))
        pos += len(line) + 1
    return Analysis(claims=tuple(claims))


def report(name: str, value: float, target: float, unit: str = "ms") -> bool:
    ok = value <= target
    print(f"{name:<58} {value:9.1f} {unit}  (target <= {target:g} {unit})  "
          f"{'OK' if ok else 'TOO SLOW'}")
    return ok


def bench_status_change(root: Path) -> bool:
    text = article(10_000)
    document = Document.from_plain_text(text, title="Ten thousand", source_path=str(root / "a.txt"))
    analysis = analysis_of(text)
    store = ReviewStore(root / "big", reviewer="bench")
    started = time.perf_counter()
    handle = store.open_review(document, analysis=analysis)
    created = time.perf_counter() - started
    size = handle.path.stat().st_size
    print(f"10,000-claim review: created and first saved in {created * 1000:.0f} ms, "
          f"file {size / 1e6:.1f} MB")
    timings = []
    statuses = ("verified", "disputed", "unverifiable")
    for n in range(60):
        started = time.perf_counter()
        handle.set_status(f"c{n * 157 % 10_000}", statuses[n % 3])
        timings.append((time.perf_counter() - started) * 1000)
    print(f"  status change saved: median {statistics.median(timings):.1f} ms, "
          f"max {max(timings):.1f} ms over {len(timings)} changes")
    started = time.perf_counter()
    ReviewStore(root / "big").load(handle.review.review_id)
    print(f"  reading it back (parse, schema check, model): "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")
    return report("10,000-claim review: one status change saved (median)",
                  statistics.median(timings), 50)


def bench_index(root: Path) -> bool:
    store = ReviewStore(root / "many", reviewer="bench")
    started = time.perf_counter()
    for n in range(1000):
        text = article(8, tag=f"[{n}] ")
        document = Document.from_plain_text(text, title=f"Article {n}",
                                            source_path=str(root / f"article-{n}.txt"))
        store.open_review(document, analysis=analysis_of(text))
    print(f"1,000 reviews created in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    entries = ReviewStore(root / "many").list_reviews()
    loaded = (time.perf_counter() - started) * 1000
    assert len(entries) == 1000
    (root / "many" / INDEX_NAME).unlink()
    started = time.perf_counter()
    assert len(ReviewStore(root / "many").list_reviews()) == 1000
    rebuilt = (time.perf_counter() - started) * 1000
    print(f"  index missing, rebuilt from the 1,000 review files: {rebuilt:.0f} ms")
    return report("1,000 reviews: index loads (new ReviewStore, list_reviews)", loaded, 1000)


def bench_reanchor() -> bool:
    text = article(1000)
    claims = {}
    for claim in analysis_of(text).claims:
        claims[claim.id] = ReviewClaim(claim.id, "quote", "auto",
                                       Anchor.from_text(text, claim.start, claim.end),
                                       "2026-01-01T00:00:00.000000Z",
                                       "2026-01-01T00:00:00.000000Z", status="verified")
    lines = text.split("\n")
    full = [i for i, line in enumerate(lines) if line]
    lines[full[300]] = lines[full[300]].replace("ferries", "boats")  # one claim reworded
    lines[full[800]] = "An inserted sentence. " + lines[full[800]]
    del lines[full[600]]  # one claim removed
    lines.insert(0, "Editor's note: this article was updated.")
    edited = "\n".join(lines)
    started = time.perf_counter()
    _, outcome = reanchor(claims, text, edited)
    took = (time.perf_counter() - started) * 1000
    print(f"re-anchoring 1,000 claims: {len(outcome.unchanged)} unchanged, "
          f"{len(outcome.moved)} moved, {len(outcome.fuzzy)} fuzzy, "
          f"{len(outcome.orphaned)} orphaned")
    scattered = "\n".join(line.replace("harbour", "port") if i % 50 == 0 else line
                          for i, line in enumerate(text.split("\n")))
    started = time.perf_counter()
    _, outcome2 = reanchor(claims, text, scattered)
    took2 = (time.perf_counter() - started) * 1000
    print(f"  with 20 scattered rewordings: {took2:.0f} ms ({len(outcome2.fuzzy)} fuzzy, "
          f"{len(outcome2.orphaned)} orphaned)")
    return report("re-anchoring 1,000 claims after an edit", took, 1000)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-store-") as folder:
        root = Path(folder)
        results = [bench_status_change(root), bench_index(root), bench_reanchor()]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
