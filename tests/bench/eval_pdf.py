"""Word-level precision, recall and F1 of PDF text extraction: ours against pypdf and
pdfminer.six (dev tools only; neither is a dependency of the app).

    python tests/bench/eval_pdf.py                      # PDFs written here, known text
    python tests/bench/eval_pdf.py --benchmarks DIR     # a py-pdf/benchmarks checkout

The py-pdf/benchmarks repository holds the ground truth (read/extraction-ground-truth/*.txt)
but not the PDFs, which its benchmark.py downloads from arxiv.org into pdfs/; with --benchmarks,
every pdfs/NAME.pdf that has a ground truth is scored. Without it, the bench writes PDFs with
Qt (tests/document/pdf_builder.py) whose paragraphs are known: one column and two columns,
running headers, footers and page numbers, hyphenated line ends. Words are lower-cased runs of
letters and digits, compared as multisets; figures are micro-averaged over the documents.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> Counter[str]:
    return Counter(word.lower() for word in _WORD.findall(text))


def ours(path: Path) -> str:
    from reader.document.errors import DocumentError
    from reader.document.loading import load_document

    try:
        return load_document(path).text
    except DocumentError:
        return ""


def pypdf_text(path: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


SYSTEMS = {"ours": ours, "pypdf": pypdf_text, "pdfminer.six": pdfminer_text}
MODULES = {"ours": "reader", "pypdf": "pypdf", "pdfminer.six": "pdfminer"}


def generated(folder: Path) -> list[tuple[str, Path, str]]:
    sys.path.insert(0, str(HERE.parent / "document"))
    from pdf_builder import Page, write_pdf

    base = [
        "The harbour authority said on Monday that the breakwater would be rebuilt over two "
        "years at a cost of about eighteen million pounds, paid from reserves and a grant.",
        "Fishermen said they had been warning about cracks in the harbour wall since 2019, but "
        "nothing had been done until the storm in January damaged the outer section.",
        "The council's finance committee will meet in March to approve the first payment, and "
        "the work is due to start in the summer once the licences are granted.",
    ]
    paragraphs = [text.replace("the", word) for word in ("the", "a", "one", "this")
                  for text in base]
    cases = []
    one = [Page([("h", "Breakwater report"), *[("p", t) for t in paragraphs[:4]]])] + [
        Page([("p", t) for t in paragraphs[i: i + 4]]) for i in (4, 8)]
    cases.append(("one-column", one, "Breakwater report\n" + "\n".join(paragraphs)))
    two = [Page([("p", t) for t in paragraphs], columns=2, banner="Two columns")] * 3
    cases.append(("two-columns", two, "\n".join(["Two columns\n" + "\n".join(paragraphs)] * 3)))
    found = []
    for name, pages, truth in cases:
        path = write_pdf(folder / f"{name}.pdf", pages, header="Harbour Board — Annual report",
                         footer="Published by the Harbour Board",
                         hyphenate=("harbour", "finance", "committee"))
        found.append((name, path, truth))
    return found


def from_benchmarks(root: Path) -> list[tuple[str, Path, str]]:
    truths = root / "read" / "extraction-ground-truth"
    found = []
    for truth in sorted(truths.glob("*.txt")):
        pdf = root / "pdfs" / f"{truth.stem}.pdf"
        if pdf.is_file():
            found.append((truth.stem, pdf, truth.read_text(encoding="utf-8")))
    if not found:
        print(f"no PDFs under {root / 'pdfs'}: py-pdf/benchmarks downloads them "
              "(benchmark.py); put them there first", file=sys.stderr)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--benchmarks", type=Path, help="a checkout of py-pdf/benchmarks")
    args = parser.parse_args()
    systems = [name for name in SYSTEMS if importlib.util.find_spec(MODULES[name])]
    with tempfile.TemporaryDirectory() as folder:
        documents = (from_benchmarks(args.benchmarks) if args.benchmarks
                     else generated(Path(folder)))
        totals = {name: [0, 0, 0, 0.0] for name in systems}
        for name, path, truth in documents:
            expected = words(truth)
            row = []
            for system in systems:
                started = time.perf_counter()
                found = words(SYSTEMS[system](path))
                totals[system][3] += time.perf_counter() - started
                common = sum((found & expected).values())
                totals[system][0] += common
                totals[system][1] += sum(found.values())
                totals[system][2] += sum(expected.values())
                precision = common / max(sum(found.values()), 1)
                recall = common / max(sum(expected.values()), 1)
                row.append(f"{system} P {precision:.3f} R {recall:.3f}")
            print(f"{name:20} " + "  ".join(row))
    print(f"\n{len(documents)} documents")
    print(f"{'system':14} {'P':>6} {'R':>6} {'F1':>6} {'s/doc':>6}")
    for system in systems:
        common, found, wanted, seconds = totals[system]
        precision, recall = common / max(found, 1), common / max(wanted, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        print(f"{system:14} {precision:6.3f} {recall:6.3f} {f1:6.3f} "
              f"{seconds / max(len(documents), 1):6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
