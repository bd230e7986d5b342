"""The speaker directory over a large synthetic store: time, memory, and how well the merging
rules agree with the people the store was made from. Not part of the test suite; run

    python tests/bench/bench_speakers.py [--reviews 10000] [--claims 50] [--keep DIR]

The store is written once (in a temporary folder, or DIR with --keep, reused when it is there)
as the app writes review files. Every name, article and quote is made up here: given names come
from the analysis' own list, surnames and organisations are built from syllables. People share
surnames on purpose (about two per surname, some with the same initial), so that the figures
say how often the rules join people they must not; no two share a full name (nothing in the
words can tell those apart: the user splits them by article).

Each person's mentions are written as articles write them: the full name first (in nine
articles out of ten; the tenth never gives it, as a follow-up piece), then the full name again,
the surname alone, an initial, or a title and the surname. An article never names two people of
one surname by the surname alone (as a journalist would not). Organisations speak
in their own name or through a spokesperson; "officials" and "residents" speak in some articles.

    python tests/bench/bench_speakers.py --window   # also the window's UI-thread turns

Measured on the development machine (2 cores shared with other work, so times vary by about a
third), 10,000 reviews of 50 claims each (369 MB of review files, 500,000 attributed claims):
the directory is built in 3.6 s (reading the files 2.4 s, grouping 0.9 s, merging 0.1-0.2 s);
replaying 100 joins and splits takes 0.2 s; the directory holds 173 MB (peak resident 373 MB);
pairwise precision 0.9999 and recall 0.997 against the people the store was made from (3
speakers hold 32 quotes of another person: that person's initial or surname was the only form
the store ever gave, so the one known person of that name was the only one to join). In the
window every turn of the UI thread stays under 100 ms. 1,000 reviews: 0.3 s, 17 MB.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from math import comb
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.analysis.names import GIVEN_NAMES  # noqa: E402
from reader.directory import DecisionsFile, NameRef, build_directory  # noqa: E402
from reader.directory.merging import group_mentions, partition  # noqa: E402
from reader.directory.quotes import collect  # noqa: E402


def sorted_words(words: str) -> list[str]:
    """A word list written as running text, in a fixed order (the store is seeded)."""
    return words.split()


SYLLABLES = sorted_words("bar ken dor vel mar ost lin tor wes hal rik san pel mor dun gar fen lor "
                     "bri cas tam ver hol nor")
ORG_HEADS = ("Council", "Office", "Group", "Trust", "Authority", "Union", "Association",
             "Agency", "Services", "Institute")
DESCRIPTIONS = ("officials", "residents", "the agency", "campaigners")
STATUSES = ("unreviewed", "unreviewed", "verified", "disputed", "unverifiable")
WORDS = sorted_words("harbour ferry council budget tide wall fares school roof bridge tunnel grant "
                 "water road rail housing clinic market port vote plan report figure rise fall "
                 "year")


def surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()


def make_people(rng: random.Random, count: int) -> list[dict]:
    given = sorted(name for name, sex in GIVEN_NAMES.items() if sex in "mf" and len(name) > 3)
    surnames = sorted({surname(rng) for _ in range(count)})[: count // 2]
    people = []
    taken: set[tuple[str, str]] = set()
    while len(people) < count:
        first, last = rng.choice(given).capitalize(), rng.choice(surnames)
        if (first, last) in taken:
            continue  # two people of one full name: only the user can tell them apart
        taken.add((first, last))
        people.append({"id": len(people), "given": first, "sex": GIVEN_NAMES[first.lower()],
                       "middle": rng.choice("ABCDEFGHJKLMNPRST") if rng.random() < 0.2 else "",
                       "surname": last})
    return people


def make_organisations(rng: random.Random, count: int) -> list[str]:
    names = set()
    while len(names) < count:
        names.add(f"{surname(rng)} {rng.choice(ORG_HEADS)}")
    return sorted(names)


def label_for(person: dict, first: bool, shared_surname: bool, rng: random.Random) -> str:
    full = " ".join(p for p in (person["given"], person["middle"] and person["middle"] + ".",
                                person["surname"]) if p)
    if shared_surname:
        return full
    if first and rng.random() < 0.9:
        return full  # a tenth of the articles never give the full name (a follow-up piece)
    roll = rng.random()
    if roll < 0.45:
        return full
    if roll < 0.70:
        return person["surname"]
    if roll < 0.85:
        return f"{person['given'][0]}. {person['surname']}"
    title = "Ms" if person["sex"] == "f" else "Mr"
    return f"{title} {person['surname']}"


def sentence(rng: random.Random) -> str:
    words = rng.sample(WORDS, 9)
    return (f"The {words[0]} {words[1]} will cost {rng.randint(2, 900)} million, "
            f"{' '.join(words[2:])}.")


def write_store(root: Path, reviews: int, claims: int, seed: int = 14) -> dict[str, int]:
    """Write the store; returns each claim's true speaker ("p<id>", "o<name>", or
    "d<review>:<label>") by "review:claim" key, saved beside the store for later runs."""
    rng = random.Random(seed)
    people = make_people(rng, max(40, reviews * 3 // 10))
    organisations = make_organisations(rng, max(10, reviews // 30))
    folder = root / "reviews"
    folder.mkdir(parents=True)
    truth: dict[str, str] = {}
    for number in range(reviews):
        review_id = uuid.UUID(int=rng.getrandbits(128)).hex
        cast = rng.sample(people, 6)
        by_surname = Counter(p["surname"] for p in cast)
        orgs = rng.sample(organisations, 2)
        described = rng.choice(DESCRIPTIONS) if rng.random() < 0.5 else None
        seen: set[int] = set()
        lines = [f"Article {number}: {sentence(rng)}", ""]
        offset = len(lines[0]) + 2
        claim_data = {}
        for index in range(claims):
            pick = rng.random()
            if pick < 0.70:
                person = rng.choice(cast)
                label = label_for(person, person["id"] not in seen,
                                  by_surname[person["surname"]] > 1, rng)
                seen.add(person["id"])
                who = f"p{person['id']}"
            elif pick < 0.85 or described is None:
                org = rng.choice(orgs)
                label = org + (" (spokesperson)" if rng.random() < 0.3 else "")
                who = f"o{org}"
            else:
                label, who = described, f"d{number}:{described}"
            words = sentence(rng)
            line = f"“{words}” said {label}."
            start = offset + 1
            claim_id = f"q-{index:04d}{rng.getrandbits(32):08x}"
            stamp = f"2026-{1 + number % 12:02d}-{1 + number % 28:02d}T10:00:00.000000Z"
            claim_data[claim_id] = {
                "anchor": {"end": start + len(words), "exact": words, "prefix": "",
                           "start": start, "suffix": ""},
                "created": stamp, "cue": "said", "dismissed": False, "history": [],
                "id": claim_id, "kind": "quote", "note": "", "origin": "auto",
                "orphaned": False, "sources": [], "speaker": label,
                "status": rng.choice(STATUSES), "updated": stamp}
            truth[f"{review_id}:{claim_id}"] = who
            lines.append(line)
            offset += len(line) + 1
        text = "\n".join(lines) + "\n"
        stamp = f"2026-{1 + number % 12:02d}-{1 + number % 28:02d}T10:00:00.000000Z"
        data = {"claims": claim_data, "created": stamp, "updated": stamp,
                "document": {"format": "text", "sha256": "0" * 64, "source_path": None,
                             "text": text, "title": f"Article {number}"},
                "review_id": review_id, "schema_version": 2}
        if number % 3 == 0:
            data["document"]["metadata"] = {"published": stamp[:10]}
        (folder / f"{review_id}.json").write_text(
            json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
            encoding="utf-8")
    (root.parent / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return truth


def pairwise(directory, truth: dict[str, str]) -> tuple[float, float, int, int]:
    """Pairwise precision and recall over the quotes of named speakers (people and
    organisations; descriptions are one article's and left out)."""
    clusters: Counter = Counter()
    truths: Counter = Counter()
    cells: Counter = Counter()
    articles = directory.collection.articles
    for speaker in directory.named():
        for at in speaker.occurrences:
            for number in directory.mentions.quotes_of(directory.mentions.occurrences[at]):
                record = directory.collection.record(number)
                who = truth[f"{articles[record.article].review_id}:{record.claim_id}"]
                if who.startswith("d"):
                    continue
                clusters[speaker.number] += 1
                truths[who] += 1
                cells[(speaker.number, who)] += 1
    agreed = sum(comb(n, 2) for n in cells.values())
    predicted = sum(comb(n, 2) for n in clusters.values())
    actual = sum(comb(n, 2) for n in truths.values())
    return agreed / predicted, agreed / actual, len(clusters), len(truths)


def wrong_merges(directory, truth: dict[str, str]) -> tuple[int, int]:
    """Speakers holding quotes of two or more real people, and how many quotes are not by
    the speaker's main person."""
    mixed = stray = 0
    articles = directory.collection.articles
    for speaker in directory.named():
        people: Counter = Counter()
        for at in speaker.occurrences:
            for number in directory.mentions.quotes_of(directory.mentions.occurrences[at]):
                record = directory.collection.record(number)
                people[truth[f"{articles[record.article].review_id}:{record.claim_id}"]] += 1
        if len(people) > 1:
            mixed += 1
            stray += sum(people.values()) - max(people.values())
    return mixed, stray


def child_memory(root: Path) -> tuple[float, float, float]:
    """A fresh process that builds the directory: (resident MB after start-up, peak resident
    MB, MB still allocated by Python for the built directory). Read from /proc (ru_maxrss
    would carry this process's own peak across the exec)."""
    code = ("import gc, tracemalloc; from pathlib import Path; "
            "from reader.directory import build_directory; "
            "hwm = lambda: int(next(l for l in open('/proc/self/status') "
            "if l.startswith('VmHWM')).split()[1]); "
            "base = hwm(); tracemalloc.start(); "
            f"d = build_directory(Path({str(root)!r})); gc.collect(); "
            "kept = tracemalloc.get_traced_memory()[0]; tracemalloc.stop(); "
            "print(base, hwm(), kept)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.split()
    return int(out[0]) / 1024, int(out[1]) / 1024, int(out[2]) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reviews", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=50, help="claims per review")
    parser.add_argument("--keep", type=Path, help="write (or reuse) the store in this folder")
    parser.add_argument("--window", action="store_true",
                        help="also time the directory window's turns on the UI thread")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        base = options.keep or Path(temporary)
        root = base / "store"
        if not (root / "reviews").is_dir():
            started = time.perf_counter()
            write_store(root, options.reviews, options.claims)
            print(f"wrote {options.reviews:,} reviews x {options.claims} claims in "
                  f"{time.perf_counter() - started:.0f} s")
        truth = json.loads((base / "truth.json").read_text(encoding="utf-8"))
        files = list((root / "reviews").iterdir())
        size = sum(f.stat().st_size for f in files)
        print(f"store: {len(files):,} review files, {size / 1e6:,.0f} MB, "
              f"{len(truth):,} claims with a speaker")

        gc.collect()
        gc.disable()  # as build_directory does
        timings = {}
        started = time.perf_counter()
        collection = collect(root)
        timings["read the review files"] = time.perf_counter() - started
        started = time.perf_counter()
        mentions = group_mentions(collection)
        timings["group by name and article"] = time.perf_counter() - started
        started = time.perf_counter()
        auto = partition(mentions)
        timings["merge name variants"] = time.perf_counter() - started
        del collection, mentions, auto
        gc.enable()
        gc.collect()

        started = time.perf_counter()
        directory = build_directory(root)
        total = time.perf_counter() - started
        for step, seconds in timings.items():
            print(f"  {step:<32} {seconds * 1000:8.0f} ms")
        print(f"directory build (all of it)          {total * 1000:8.0f} ms")
        named = directory.named()
        print(f"  {len(named):,} speakers ({sum(s.kind == 'person' for s in named):,} people, "
              f"{sum(s.kind == 'organisation' for s in named):,} organisations), "
              f"{len(directory.mentions.variants):,} name variants, "
              f"{len(directory.mentions.occurrences):,} name-in-article occurrences")

        decisions = DecisionsFile(root / "decisions-bench", reviewer="bench")
        biggest = max(named, key=lambda s: s.quote_count)
        for number in range(100):
            first, second = named[number * 7 % len(named)], named[(number * 13 + 5) % len(named)]
            decisions.add("join" if number % 2 else "split",
                          NameRef(first.variants[-1]), second.ref)
        state = decisions.read()
        started = time.perf_counter()
        directory.with_decisions(state)
        print(f"replaying 100 decisions over it      "
              f"{(time.perf_counter() - started) * 1000:8.0f} ms  (a join or split in the "
              "window)")
        started = time.perf_counter()
        quotes = directory.quotes(biggest)
        print(f"one speaker's quotes in date order   "
              f"{(time.perf_counter() - started) * 1000:8.1f} ms  ({len(quotes):,} quotes)")
        started = time.perf_counter()
        for speaker in named[:200]:
            directory.find(speaker.name)
        print(f"finding a speaker by name            "
              f"{(time.perf_counter() - started) * 1000 / 200:8.2f} ms  (mean of 200)")
        started = time.perf_counter()
        directory.find("Nobodyatall Quux")
        print(f"an unknown name, with close matches  "
              f"{(time.perf_counter() - started) * 1000:8.0f} ms")

        precision, recall, found, real = pairwise(directory, truth)
        mixed, stray = wrong_merges(directory, truth)
        print(f"merging against the truth: pairwise precision {precision:.4f}, recall "
              f"{recall:.4f} ({found:,} speakers listed for {real:,} real ones)")
        print(f"  speakers holding quotes of two real people: {mixed:,} "
              f"({stray:,} quotes not by the speaker's main person)")

        base_mb, peak_mb, kept_mb = child_memory(root)
        print(f"memory: the built directory holds {kept_mb:,.0f} MB; peak resident "
              f"{peak_mb:,.0f} MB in a fresh process ({base_mb:,.0f} MB after start-up)")
        env = {**os.environ, "CLAIM_READER_STORE": str(root)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled modules cached
        for args in (["speakers"], ["speakers", biggest.name]):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "reader", *args], env=env, cwd=ROOT,
                           stdout=subprocess.DEVNULL, check=True)
            print(f"claim-reader {' '.join(args[:1])}{' NAME' if len(args) > 1 else ''}: "
                  f"{time.perf_counter() - started:.2f} s end to end")
        if options.window:
            window_turns(root)
    return 0


def window_turns(root: Path) -> None:
    """The directory window on this store, offscreen: the longest turn of the UI thread while
    it reads (the reading runs in the background), moving through the speakers, typing in the
    filter, sorting. A turn that holds one of Python's full garbage collections is named."""
    import statistics

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt

    from reader.ui.app import create_application
    from reader.ui.speaker_directory import SpeakerDirectoryDialog

    app = create_application()
    full = []
    gc.callbacks.append(lambda phase, info: phase == "stop" and info["generation"] == 2
                        and full.append(time.perf_counter()))
    dialog = SpeakerDirectoryDialog(root)
    dialog.show()

    def turn(action) -> tuple[float, bool]:
        before = len(full)
        started = time.perf_counter()
        action()
        app.processEvents()
        return (time.perf_counter() - started) * 1000, len(full) > before

    started = time.perf_counter()
    reading = [turn(dialog.reload)]
    while dialog.busy_with is not None:
        reading.append(turn(lambda: time.sleep(0.002)))
    print(f"window: the directory is shown {time.perf_counter() - started:.1f} s after opening; "
          f"longest UI-thread turn meanwhile {max(t for t, _ in reading):.0f} ms")
    for name, actions in (
            ("down arrow through 100 speakers", [lambda: dialog._step(1)] * 100),
            ("typing 'bark' in the filter", [
                lambda c=c: dialog.filter.setText(dialog.filter.text() + c) for c in "bark"]),
            ("sorting by each column", [
                lambda c=c: dialog.list.sortByColumn(c, Qt.SortOrder.DescendingOrder)
                for c in (1, 2, 0)])):
        turns = [turn(action) for action in actions]
        plain = [t for t, collected in turns if not collected] or [0.0]
        collected = [t for t, was in turns if was]
        note = (f"; {len(collected)} turn(s) with a full garbage collection, "
                f"longest {max(collected):.0f} ms" if collected else "")
        print(f"  {name}: median {statistics.median(plain):.1f} ms, longest "
              f"{max(plain):.0f} ms{note}")
    dialog.close()


if __name__ == "__main__":
    raise SystemExit(main())
