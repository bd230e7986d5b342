"""Word-level precision, recall and F1 of article extraction on mozilla/readability's test pages.

A dev tool (the suite never runs it, and the pages' text never enters this repository). Give it
a clone of https://github.com/mozilla/readability, as a checkout or a bare git directory:

    python tests/bench/eval_html.py PATH [--only ours,readability,trafilatura] [--pages N]
                                         [--per-page] [--show PAGE]

Each page's ``test/test-pages/NAME/source.html`` is extracted by each system and compared with
the article in ``expected.html``: both become lower-cased word multisets (letters and digits,
so punctuation and layout do not count), precision is the share of the extracted words that
are in the expected article, recall the share of the expected words that were extracted, F1
their harmonic mean. Overall figures are micro-averaged (all pages' words pooled) and
macro-averaged (mean of the per-page F1). Printed: per page (with --per-page), overall, and
every page whose recall is below 0.5 for any system, with the other systems' recall beside it.

Systems: ``ours`` is the loader as the app runs it (``load_document``'s HTML path);
``readability`` is readability-lxml's ``Document.summary()`` alone; ``trafilatura`` is
``trafilatura.extract`` with its default settings (tables kept, comments left out); it is
not a dependency of the app (``pip install trafilatura`` to include it).

Figures when the loader was last changed (issue 13), 130 pages:

    system            P      R     F1  macro F1
    ours          0.991  0.961  0.976     0.967
    readability   0.992  0.960  0.975     0.969
    trafilatura   0.961  0.971  0.966     0.933

Below 0.5 recall for us: hukumusume (0.45; the expected text there is mostly the site's
navigation, which we leave out and trafilatura keeps) and nytimes-5 (0.03; readability too).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> Counter[str]:
    return Counter(word.lower() for word in _WORD.findall(text))


def html_text(source: str) -> str:
    """The words of an HTML fragment (expected.html, readability's summary)."""
    import lxml.html

    if not source.strip():
        return ""
    root = lxml.html.document_fromstring(source)
    for element in root.iter("script", "style"):
        element.drop_tree()
    # Block ends become spaces so words of adjacent blocks are not glued together.
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tail = " " + (element.tail or "")
    return root.text_content()


def pages(repository: Path) -> Iterator[tuple[str, str, str]]:
    """(name, source.html, expected.html) for each test page, from a checkout or a bare repo."""
    for name, source, expected, _ in pages_with_metadata(repository):
        yield name, source, expected


def pages_with_metadata(repository: Path) -> Iterator[tuple[str, str, str, dict]]:
    """(name, source.html, expected.html, expected-metadata.json) for each test page."""
    folder = repository / "test" / "test-pages"
    if folder.is_dir():
        for page in sorted(folder.iterdir()):
            source, expected = page / "source.html", page / "expected.html"
            meta = page / "expected-metadata.json"
            if source.is_file() and expected.is_file():
                yield (page.name, source.read_text(encoding="utf-8"),
                       expected.read_text(encoding="utf-8"),
                       json.loads(meta.read_text(encoding="utf-8")) if meta.is_file() else {})
        return
    git = ["git", "--git-dir", str(repository)]
    listing = subprocess.run(
        [*git, "ls-tree", "-r", "--name-only", "HEAD", "test/test-pages"],
        check=True, capture_output=True, text=True,
    ).stdout.split()
    names = sorted({path.split("/")[2] for path in listing if path.count("/") == 3})
    for name in names:
        base = f"HEAD:test/test-pages/{name}"
        try:
            source = subprocess.run([*git, "show", f"{base}/source.html"], check=True,
                                    capture_output=True).stdout.decode("utf-8")
            expected = subprocess.run([*git, "show", f"{base}/expected.html"], check=True,
                                      capture_output=True).stdout.decode("utf-8")
        except subprocess.CalledProcessError:
            continue
        meta = subprocess.run([*git, "show", f"{base}/expected-metadata.json"],
                              capture_output=True)
        yield (name, source, expected,
               json.loads(meta.stdout.decode("utf-8")) if meta.returncode == 0 else {})


def ours(source: str) -> str:
    from reader.document.errors import DocumentError
    from reader.document.loading import document_from_string

    try:
        return document_from_string(source, format="html").text
    except DocumentError:
        return ""


def readability(source: str) -> str:
    from readability import Document

    try:
        return html_text(Document(source).summary(html_partial=True))
    except Exception:
        return ""


def trafilatura(source: str) -> str:
    import trafilatura as library

    return library.extract(source, include_comments=False, include_tables=True) or ""


SYSTEMS: dict[str, Callable[[str], str]] = {
    "ours": ours,
    "readability": readability,
    "trafilatura": trafilatura,
}


def score(found: Counter[str], expected: Counter[str]) -> tuple[int, int, int]:
    """(words in common, words found, words expected)."""
    return sum((found & expected).values()), sum(found.values()), sum(expected.values())


def prf(common: int, found: int, expected: int) -> tuple[float, float, float]:
    precision = common / found if found else (1.0 if not expected else 0.0)
    recall = common / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# expected-metadata.json's key for each of ours.
METADATA_KEYS = {"title": "title", "author": "byline", "site": "siteName",
                 "published": "publishedTime"}


def _same(key: str, ours: str, expected: str) -> bool:
    def norm(value: str) -> str:
        value = re.sub(r"^(by|von|par)\s+", "", value.strip(), flags=re.IGNORECASE)
        return " ".join(words(value).elements()) if key != "published" else value[:10]

    return bool(ours) and norm(ours) == norm(expected)


def our_metadata(source: str) -> dict[str, str]:
    from reader.document.html import render_html

    return render_html(source).metadata


def trafilatura_metadata(source: str) -> dict[str, str]:
    import trafilatura as library

    found = library.extract_metadata(source)
    if found is None:
        return {}
    values = {"title": found.title, "author": found.author, "site": found.sitename,
              "published": found.date}
    return {key: value for key, value in values.items() if value}


def evaluate_metadata(repository: Path, limit: int) -> None:
    """For each key: on the pages whose expected-metadata.json gives it, how often each
    system gives the same value (words compared, "By" ignored; dates by their day)."""
    systems = {"ours": our_metadata}
    if importlib.util.find_spec("trafilatura") is not None:
        systems["trafilatura"] = trafilatura_metadata
    given = dict.fromkeys(METADATA_KEYS, 0)
    same = {system: dict.fromkeys(METADATA_KEYS, 0) for system in systems}
    found = {system: dict.fromkeys(METADATA_KEYS, 0) for system in systems}
    for count, (_, source, _, expected) in enumerate(pages_with_metadata(repository), 1):
        if limit and count > limit:
            break
        results = {system: function(source) for system, function in systems.items()}
        for key, their_key in METADATA_KEYS.items():
            wanted = expected.get(their_key)
            for system, result in results.items():
                found[system][key] += bool(result.get(key))
            if not wanted:
                continue
            given[key] += 1
            for system, result in results.items():
                same[system][key] += _same(key, result.get(key, ""), wanted)
    print("\nmetadata: pages where expected-metadata.json gives the key, and how many of "
          "those each system matches (how many pages it gives the key on at all)")
    for key in METADATA_KEYS:
        figures = "  ".join(f"{system} {same[system][key]:3} ({found[system][key]:3})"
                            for system in systems)
        print(f"  {key:10} given {given[key]:3}   {figures}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repository", type=Path, help="mozilla/readability: checkout or git dir")
    parser.add_argument("--only", default=",".join(SYSTEMS), help="systems, comma-separated")
    parser.add_argument("--pages", type=int, default=0, help="only the first N pages")
    parser.add_argument("--per-page", action="store_true", help="print every page's figures")
    parser.add_argument("--show", default="", help="print each system's text for this page")
    parser.add_argument("--metadata", action="store_true",
                        help="compare title, author, site and date with expected-metadata.json")
    args = parser.parse_args(argv)
    systems = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in systems if name not in SYSTEMS]
    if unknown:
        parser.error(f"unknown system {unknown[0]!r}; choose from {', '.join(SYSTEMS)}")
    if "trafilatura" in systems and importlib.util.find_spec("trafilatura") is None:
        print("trafilatura is not installed (it is not a dependency of the app): "
              "`pip install trafilatura` to compare with it", file=sys.stderr)
        systems.remove("trafilatura")

    totals = {name: [0, 0, 0] for name in systems}
    f1_sum = dict.fromkeys(systems, 0.0)
    seconds = dict.fromkeys(systems, 0.0)
    rows: list[tuple[str, dict[str, tuple[float, float, float]]]] = []
    for count, (name, source, expected_html) in enumerate(pages(args.repository), 1):
        if args.pages and count > args.pages:
            break
        expected = words(html_text(expected_html))
        row: dict[str, tuple[float, float, float]] = {}
        for system in systems:
            started = time.perf_counter()
            text = SYSTEMS[system](source)
            seconds[system] += time.perf_counter() - started
            if args.show == name:
                print(f"===== {system} =====\n{text}\n", file=sys.stderr)
            common, found, wanted = score(words(text), expected)
            for index, value in enumerate((common, found, wanted)):
                totals[system][index] += value
            row[system] = prf(common, found, wanted)
            f1_sum[system] += row[system][2]
        rows.append((name, row))
        if args.per_page:
            figures = "  ".join(
                f"{system[:5]} P {p:.2f} R {r:.2f} F {f:.2f}"
                for system, (p, r, f) in row.items()
            )
            print(f"{name:45.45} {figures}", flush=True)

    print(f"\n{len(rows)} pages")
    print(f"{'system':12} {'P':>6} {'R':>6} {'F1':>6} {'macro F1':>9} {'s/page':>7}")
    for system in systems:
        p, r, f = prf(*totals[system])
        print(f"{system:12} {p:6.3f} {r:6.3f} {f:6.3f} {f1_sum[system] / len(rows):9.3f} "
              f"{seconds[system] / len(rows):7.3f}")
    print("\npages with recall < 0.5 (recall of each system):")
    low = [(name, row) for name, row in rows if any(v[1] < 0.5 for v in row.values())]
    for name, row in low:
        figures = "  ".join(f"{system} {values[1]:.2f}" for system, values in row.items())
        print(f"  {name:45.45} {figures}")
    if "ours" in systems:
        others = [system for system in systems if system != "ours"]
        lost = [name for name, row in rows
                if row["ours"][1] < 0.5 and any(row[o][1] >= 0.9 for o in others)]
        print(f"\nours < 0.5 where a library alone >= 0.9: {len(lost)} {' '.join(lost)}")
    if args.metadata:
        evaluate_metadata(args.repository, args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
