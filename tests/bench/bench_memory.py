"""Speed and size of the claim memory, against issue 14's targets. Not part of the test suite;
run ``python tests/bench/bench_memory.py [--reviews 10000] [--keep DIR]`` and read the figures.

- search over 10,000 reviews (about 500,000 claims) answers in <= 100 ms
- "seen before" for a 100-claim article takes <= 200 ms
- and, reported: the index's build time and size, a sync with nothing or a little changed

The store is synthetic, built from original word lists: 10,000 review files of 50 claims
each (40% quotes with a speaker out of 3,000 people, 40% sentences with a figure, 20% reported
speech), words drawn from a 20,000-word invented vocabulary by a Zipf law mixed with common
English words, a third of the claims with a verdict (status, note, sometimes a source), 60
sites, dates over six years. Every review file is written the store's way (the model's
``to_dict``), and the index reads it through the store's own parser.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "memory"))

from memory_builders import ArticleSpec, ClaimSpec, write_review  # noqa: E402

from reader.memory import seen_before_of  # noqa: E402
from reader.memory.index import ClaimMemory  # noqa: E402
from reader.memory.search import SearchQuery, search  # noqa: E402
from reader.store.model import Source  # noqa: E402


def _word_list(text: str) -> list[str]:
    return text.split()


COMMON = _word_list("the of to and a in that is was for on it with as said he she they by at from "
          "his her be have has had not are were this will would but we our their which "
          "an been more than after over into about its also there who when new year last "
          "people government council plan city could should because only")
SYLLABLES = _word_list("ka ro mi ne tu sa lo ve ri da po fe lu ga ni bo te mu ha si re ko la zi no "
             "pe di ru ta vo")
GIVEN = _word_list("Ines Tomas Marta Samuel Priya Joel Hana Freya Dmitri Clara Rafael Annika Kwame "
         "Lucia Ingrid Ezra Noor Pavel Sione Ayla Bram Cato Dalia Efe Gwen Haru Ilse Jonas "
         "Kofi Lena Mateo Nadia Oskar Pita Rosa Taro Ulla Vera Wim Yara Zeno")
UNITS = _word_list("homes jobs nurses patients ships buses beds teachers turbines pupils days "
         "visitors passengers trains flats")
STATUSES = ("verified", "disputed", "unverifiable")


class Corpus:
    """Original synthetic text: invented words in a Zipf law, mixed with common words."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        words = set()
        while len(words) < 20000:
            words.add("".join(self.rng.choice(SYLLABLES)
                              for _ in range(self.rng.randint(2, 4))))
        self.vocabulary = sorted(words)
        self.rng.shuffle(self.vocabulary)
        self.weights = list(itertools.accumulate(1 / (rank + 1) ** 1.05
                                                 for rank in range(len(self.vocabulary))))
        self.common_weights = list(itertools.accumulate(1 / (rank + 1) ** 0.8
                                                        for rank in range(len(COMMON))))
        surnames = [word.title() for word in self.vocabulary[2000:4000]]
        self.people = [f"{self.rng.choice(GIVEN)} {surname}" for surname in surnames[:3000]]
        self.people += [f"{given} {surname}" for given, surname in
                        zip(GIVEN * 30, surnames[1000:], strict=False)][: 3000 - len(self.people)]
        self.sites = [f"{word}news.example" for word in self.vocabulary[5000:5060]]

    def words(self, count: int) -> list[str]:
        out = []
        for _ in range(count):
            if self.rng.random() < 0.45:
                out.append(self.rng.choices(COMMON, cum_weights=self.common_weights)[0])
            else:
                out.append(self.rng.choices(self.vocabulary, cum_weights=self.weights)[0])
        return out

    def figure(self) -> str:
        kind = self.rng.random()
        if kind < 0.4:
            return f"{self.rng.randint(2, 9000):,} {self.rng.choice(UNITS)}"
        if kind < 0.7:
            return f"{self.rng.randint(1, 99)}.{self.rng.randint(0, 9)}%"
        if kind < 0.9:
            return f"£{self.rng.randint(1, 900)} million"
        return str(self.rng.randint(1990, 2030))

    def sentence(self, kind: str) -> str:
        words = self.words(self.rng.randint(8, 30))
        if kind == "figure" or (kind == "quote" and self.rng.random() < 0.3):
            words.insert(self.rng.randrange(len(words)), self.figure())
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def claim(self, reviewed: bool) -> ClaimSpec:
        roll = self.rng.random()
        kind = "quote" if roll < 0.4 else "figure" if roll < 0.8 else "attribution"
        speaker = self.rng.choice(self.people) if kind != "figure" or roll < 0.6 else None
        text = self.sentence(kind)
        if not reviewed:
            return ClaimSpec(text, speaker, kind)
        note = " ".join(self.words(self.rng.randint(5, 25)))
        sources = ()
        if self.rng.random() < 0.4:
            address = f"https://{self.rng.choice(self.sites)}/{self.rng.randint(1, 10**6)}"
            sources = (Source(f"{self.rng.getrandbits(48):012x}",
                              title=" ".join(self.words(4)).title(), url=address),)
        return ClaimSpec(text, speaker, kind, self.rng.choice(STATUSES), note, sources)

    def article(self, number: int, claims: int, reviewed_share: float) -> ArticleSpec:
        day = 1 + self.rng.randrange(6 * 365)
        year, rest = 2020 + day // 366, day % 366
        created = f"{year}-{1 + rest // 31 % 12:02d}-{1 + rest % 28:02d}T09:00:00.000000Z"
        specs = [self.claim(self.rng.random() < reviewed_share) for _ in range(claims)]
        return ArticleSpec(" ".join(self.words(6)).title(), specs,
                           url=f"https://www.{self.rng.choice(self.sites)}/a/{number}",
                           created=created, review_id=f"{number:032x}")


def make_store(root: Path, reviews: int, claims: int, reviewed_share: float,
               seed: int = 14) -> tuple[Corpus, list[ArticleSpec]]:
    corpus = Corpus(seed)
    kept = []
    for number in range(reviews):
        article = corpus.article(number, claims, reviewed_share)
        write_review(root, article)
        if number % 97 == 0:
            kept.append(article)  # articles whose claims a later article will repeat
    return corpus, kept


def cut(text: str, rng: random.Random) -> str:
    words = text.rstrip(".").split()
    if len(words) > 10 and rng.random() < 0.5:
        return " ".join(words[3:])
    return " ".join(words[: max(6, len(words) - 4)])


def later_article(corpus: Corpus, kept: list[ArticleSpec], seen: int, total: int,
                  number: int):
    """A 100-claim article (as a Review) of which ``seen`` claims repeat stored ones, cut."""
    from memory_builders import review_of

    rng = random.Random(number)
    repeated = [claim for article in kept for claim in article.claims
                if claim.status != "unreviewed" and claim.kind == "quote"]
    specs = [ClaimSpec(cut(claim.text, rng), claim.speaker, "quote")
             for claim in rng.sample(repeated, seen)]
    specs += [corpus.claim(False) for _ in range(total - seen)]
    rng.shuffle(specs)
    return review_of(ArticleSpec(f"Later article {number}", specs,
                                 review_id=f"f{number:031x}"))


def peak_memory_mb() -> float:
    """The process's peak resident memory so far (Linux reports KiB, macOS bytes)."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def timed(call, repeat: int = 1) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return times, result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reviews", type=int, default=10000)
    parser.add_argument("--claims", type=int, default=50, help="claims per review")
    parser.add_argument("--reviewed", type=float, default=1 / 3,
                        help="share of claims with a verdict")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the store in DIR")
    parser.add_argument("--reuse-index", action="store_true",
                        help="with --keep: measure on the index the last run built")
    options = parser.parse_args()
    folder = options.keep or Path(tempfile.mkdtemp(prefix="bench-memory-"))
    store = folder / "store"
    index = folder / "index.sqlite3"
    marker = folder / f"made-{options.reviews}-{options.claims}-{options.reviewed:.3f}"
    if not marker.exists():
        started = time.perf_counter()
        corpus, kept = make_store(store, options.reviews, options.claims, options.reviewed)
        marker.write_text("ok", encoding="utf-8")
        print(f"store: {options.reviews:,} review files written in "
              f"{time.perf_counter() - started:.0f} s")
    else:
        corpus = Corpus(14)
        kept = [corpus.article(number, options.claims, options.reviewed)
                for number in range(options.reviews) if True][::97]
    size = sum(path.stat().st_size for path in (store / "reviews").iterdir())
    print(f"store: {options.reviews:,} reviews, {size / 1e6:.0f} MB of JSON")

    if options.reuse_index and index.exists():
        measure_search(store, index, corpus, kept)
        return 0
    for suffix in ("", "-wal", "-shm"):
        if Path(str(index) + suffix).exists():
            os.remove(str(index) + suffix)
    with ClaimMemory(store, index) as memory:
        build, report = timed(memory.sync)
        counts = memory.counts()
        memory.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"build: {counts['reviews']:,} reviews, {counts['claims']:,} claims "
              f"({counts['with_verdict']:,} with a verdict, {counts['keys']:,} lookup keys) "
              f"in {build[0]:.1f} s ({counts['reviews'] / build[0]:.0f} reviews/s); "
              f"index {memory.size_on_disk() / 1e6:.0f} MB on disk; peak memory of this "
              f"process {peak_memory_mb():.0f} MB")
        assert report.read == options.reviews
    with ClaimMemory(store, index) as memory:
        nothing, _ = timed(memory.sync, 5)
        print(f"sync, nothing changed: median {ms(statistics.median(nothing))} "
              f"(lists and stats {options.reviews:,} files)")
        for article in kept[:10]:
            write_review(store, article)  # rewritten: new inodes and times
        changed, report = timed(memory.sync)
        print(f"sync, 10 reviews changed: {ms(changed[0])} ({report.read} read)")
    measure_search(store, index, corpus, kept)
    if not options.keep:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    return 0


def measure_search(store: Path, index: Path, corpus: Corpus, kept: list[ArticleSpec]) -> None:
    queries = [
        ("one common word", SearchQuery("government")),
        ("one rare word", SearchQuery(corpus.vocabulary[15000])),
        ("two words", SearchQuery(f"{corpus.vocabulary[3]} {corpus.vocabulary[40]}")),
        ("a phrase", SearchQuery(f'"{corpus.vocabulary[0]} {corpus.vocabulary[1]}"')),
        ("a prefix", SearchQuery(corpus.vocabulary[7][:3] + "*")),
        ("words + speaker", SearchQuery(corpus.vocabulary[10],
                                        speaker=corpus.people[5].split()[-1])),
        ("words + status", SearchQuery(corpus.vocabulary[10], statuses=("disputed",))),
        ("words + dates", SearchQuery(corpus.vocabulary[10], since="2023-01",
                                      until="2023-12")),
        ("words + site", SearchQuery(corpus.vocabulary[10], site=corpus.sites[3][:8])),
        ("speaker only", SearchQuery(speaker=corpus.people[9])),
        ("status + site only", SearchQuery(statuses=("verified",), site=corpus.sites[1])),
        ("two letters and *", SearchQuery("ro*")),  # read as the word "ro"
        ('"of the"', SearchQuery('"of the"')),
    ]
    print("search (20 results with snippets, and the count of all matches):")
    worst = 0.0
    with ClaimMemory(store, index) as memory:
        first, _ = timed(lambda: memory.guarded(lambda db: search(db, queries[0][1])))
        print(f"  first query on a new connection: {ms(first[0])}")
        for name, query in queries:
            times, results = timed(lambda q=query: memory.guarded(lambda db: search(db, q)), 7)
            worst = max(worst, max(times[1:]))
            more = "more than " if results.more else ""
            print(f"  {name:<20} median {ms(statistics.median(times[1:])):>9}, max "
                  f"{ms(max(times[1:])):>9}  ({more}{results.total:,} matches)")
    print(f"  slowest: {ms(worst)} (target 100 ms)")

    print("seen before, 100-claim articles (20 claims repeating stored ones, cut):")
    with ClaimMemory(store, index) as memory:
        lookups = []
        found_total = 0
        for number in range(8):
            review = later_article(corpus, kept, 20, 100, number)
            gc.collect()
            times, found = timed(lambda r=review: seen_before_of(memory, r))
            lookups.append(times[0])
            found_total += sum(1 for matches in found.values() if matches)
        print(f"  median {ms(statistics.median(lookups))}, max {ms(max(lookups))} "
              f"(target 200 ms); {found_total / 8:.1f} of the 20 repeated claims found on "
              "average")


if __name__ == "__main__":
    sys.exit(main())
