"""The speaker directory: every person and organisation quoted across the store's reviews, with
their quotes in date order, each quote's verdict, and a tally. Qt-free.

``build_directory(store_root)`` is the entry point (``directory``). The steps, one module each:
``quotes`` reads the review files, ``names`` reads each speaker label as a name, ``merging``
groups the variants of one name by conservative rules, and ``decisions`` keeps the user's joins
and splits in ``STORE/speakers.json``, replayed over every build.
"""

from __future__ import annotations

from reader.directory.decisions import (
    Decision,
    DecisionsError,
    DecisionsFile,
    DecisionsState,
    NameRef,
)
from reader.directory.directory import (
    Lookup,
    Speaker,
    SpeakerDirectory,
    SpeakerQuote,
    Tally,
    build_directory,
)

__all__ = [
    "Decision",
    "DecisionsError",
    "DecisionsFile",
    "DecisionsState",
    "Lookup",
    "NameRef",
    "Speaker",
    "SpeakerDirectory",
    "SpeakerQuote",
    "Tally",
    "build_directory",
]
