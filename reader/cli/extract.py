"""``claim-reader extract FILE [--format json|text]``: what the analysis finds in an article,
printed without the window, so it can be scripted, diffed and tested.

JSON holds the document (title, format, sha256, length, ``metadata`` = what the file says
about the article: ``url``, ``title``, ``author``, ``published`` (ISO 8601), ``site``, each
absent when unknown, and the plain ``text`` every offset indexes), the quotes, the figures and
the claims; each item's ``text`` equals that slice of the document text. A figure's ``value`` is
its number as written; for a range it is the midpoint of ``low`` and ``high`` (the written ends)
and ``derived`` says so; ``normalised`` gives an amount in a minor unit in the main one ("19
cents": value 19, unit "cent", normalised 0.19 USD).
Exit codes: see ``reader.cli.exit_status`` (0 done, 1 failed with a message, 2 usage).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.analysis.figure_text import figure_value_text
from reader.cli.exit_status import EXIT_CODES_HELP, fail, output_closed
from reader.cli.terminal import clipped, json_text, printable
from reader.document.byline import metadata_line

TEXT_WIDTH = 76


def add_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    parser.epilog = EXIT_CODES_HELP
    parser.add_argument("file", metavar="FILE",
                        help="the article (.txt, .md, .html, .mhtml, .pdf, .docx)")
    parser.add_argument("--format", choices=("json", "text"), default="text",
                        help="json for data, text (the default) for a listing to read")


def run(options: argparse.Namespace) -> int:
    from reader.analysis import analyse
    from reader.document.errors import DocumentError
    from reader.document.loading import load_document

    try:
        document = load_document(Path(options.file))
    except DocumentError as error:
        return fail(error.message)
    analysis = analyse(document.text, document.blocks)
    try:
        if options.format == "json":
            sys.stdout.write(json_text(extract_data(document, analysis), indent=1) + "\n")
        else:
            sys.stdout.write(printable(extract_listing(document, analysis)))
        sys.stdout.flush()  # a closed pipe shows here, inside the try
    except BrokenPipeError:  # `claim-reader extract FILE | head`: the reader left, not an error
        return output_closed()
    return 0


def _mention(mention: Any) -> dict[str, Any] | None:
    if mention is None:
        return None
    data = {"name": mention.name, "start": mention.start, "end": mention.end}
    if mention.role:
        data["role"] = mention.role  # "spokesperson": the organisation spoke through one
    return data


def _metadata(document: Any) -> dict[str, str]:
    """What the file says about the article, in a fixed key order; keys absent when unknown."""
    from reader.document.model import METADATA_KEYS

    return {key: document.metadata[key] for key in METADATA_KEYS if document.metadata.get(key)}


def extract_data(document: Any, analysis: Any) -> dict[str, Any]:
    """The JSON document ``extract --format json`` prints."""
    return {
        "document": {
            "title": document.title,
            "format": document.format,
            "sha256": document.sha256,
            "length": len(document.text),
            "metadata": _metadata(document),
            "text": document.text,
        },
        "quotes": [
            {"start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
             "speaker": _mention(q.speaker), "cue": q.cue,
             "nested": [{"start": s, "end": e} for s, e in q.nested]}
            for q in analysis.quotes
        ],
        "figures": [_figure(f) for f in analysis.figures],
        "claims": [
            {"id": c.id, "kind": c.kind, "start": c.start, "end": c.end, "text": c.text,
             "speaker": _mention(c.speaker), "cue": c.cue, "quotes": list(c.quotes),
             "figures": list(c.figures)}
            for c in analysis.claims
        ],
    }


def _figure(f: Any) -> dict[str, Any]:
    data = {"start": f.start, "end": f.end, "text": f.text, "kind": f.kind, "value": f.value,
            "low": f.low, "high": f.high, "unit": f.unit, "approximate": f.approximate}
    if f.kind == "range" and f.value is not None:
        data["derived"] = "midpoint"
    if f.normalised is not None:
        data["normalised"] = {"value": f.normalised[0], "unit": f.normalised[1]}
    if f.date:
        data["date"] = f.date
    return data


def extract_listing(document: Any, analysis: Any) -> str:
    """The readable listing ``extract`` prints by default."""
    lines = [f"{document.title or document.source_path or 'Untitled'}"
             f"  ({document.format}, {len(document.text):,} characters)"]
    byline = metadata_line(document.metadata)
    if byline:
        lines.append(byline)
    if document.metadata.get("url"):
        lines.append(document.metadata["url"])
    lines.append("")
    lines.append(f"Quotes: {len(analysis.quotes)}")
    for q in analysis.quotes:
        who = q.speaker.label if q.speaker else "no speaker"
        cue = f", {q.cue}" if q.cue else ""
        lines.append(f"  {q.start:>7}  [{q.kind}] {who}{cue}")
        lines.append(f"           “{clipped(q.text, TEXT_WIDTH - 13)}”")
    lines.append("")
    lines.append(f"Figures: {len(analysis.figures)}")
    for f in analysis.figures:
        lines.append(f"  {f.start:>7}  {clipped(f.text, 30):<30} {f.kind}: "
                     f"{figure_value_text(f)}")
    lines.append("")
    lines.append(f"Claims: {len(analysis.claims)}")
    for c in analysis.claims:
        who = f" — {c.speaker.label}" if c.speaker else ""
        lines.append(f"  {c.id}  {c.kind}{who}")
        lines.append(f"           {clipped(c.text, TEXT_WIDTH - 11)}")
    return "\n".join(lines) + "\n"
