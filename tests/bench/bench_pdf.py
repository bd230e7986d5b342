"""Time and peak memory of reading a long PDF (the bound docs/documents.md states).

    python tests/bench/bench_pdf.py [--pages 500]

Writes a PDF of N pages of body text with Qt's QPdfWriter (8 paragraphs, a running header
and footer and a page number per page), then reads it as the app does, in a fresh process so
that the peak resident memory is the reader's own.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARAGRAPH = ("The harbour authority said on Monday that the breakwater would be rebuilt over "
             "two years at a cost of about eighteen million pounds, paid from reserves and a "
             "government grant.")
READ = """
import resource, sys, time
from reader.document.loading import load_document
started = time.perf_counter()
document = load_document(sys.argv[1])
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{seconds:.2f} {peak:.0f} {len(document.text)} {len(document.blocks)}")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE.parent / "document"))
    from pdf_builder import Page, write_pdf

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.pdf"
        write_pdf(path, [Page([("p", PARAGRAPH)] * 8) for _ in range(args.pages)],
                  header="Harbour Board — Annual report", footer="Published by the Board")
        size = path.stat().st_size / 1e6
        out = subprocess.run([sys.executable, "-c", READ, str(path)], check=True,
                             capture_output=True, text=True).stdout.split()
    seconds, peak, chars, blocks = float(out[0]), out[1], int(out[2]), int(out[3])
    print(f"{args.pages} pages ({size:.1f} MB): read in {seconds:.2f} s "
          f"({1000 * seconds / args.pages:.1f} ms a page), peak RSS {peak} MB, "
          f"{chars:,} characters in {blocks:,} blocks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
