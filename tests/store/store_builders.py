"""Builders for the store tests: documents and a tiny fake analyser, so that the tests do not
depend on what the real analysis finds. (Not named conftest: tests/export has its own helpers
and two modules named ``conftest`` would shadow each other on import.)"""

from __future__ import annotations

import re
from pathlib import Path

from reader.analysis.model import Analysis, Claim, Mention
from reader.document.model import Document

ARTICLE = (
    "Harbour council approves new sea wall\n\n"
    "The council voted 7 to 2 on Tuesday to build a sea wall costing 4.2 million euros, "
    "said the mayor, Ines Okafor. \"We lost 300 homes to flooding in 2019,\" she said.\n\n"
    "Opposition member Tomas Reyl said the wall would cover only 40% of the coast. "
    "\"This plan protects the marina, not the people,\" he said.\n\n"
    "The project is due to finish in 2028, according to the council's own schedule.\n"
)


def figure_analyser(document: Document) -> Analysis:
    """Every sentence holding a digit is a claim; its id is made from its words only."""
    claims = []
    for match in re.finditer(r"[^.!?\n]*\d[^.!?\n]*[.!?]?", document.text):
        words = match.group().strip()
        start = match.start() + match.group().index(words)
        claim_id = "f-" + re.sub(r"\W+", "-", words.lower())[:40]
        claims.append(Claim(id=claim_id, kind="figure", start=start, end=start + len(words),
                            text=words, speaker=Mention("Ines Okafor", 0, 1)))
    return Analysis(claims=tuple(claims))


def make_document(text: str = ARTICLE, path: str | Path | None = None,
                  title: str = "Sea wall") -> Document:
    return Document.from_plain_text(text, title=title,
                                    source_path=str(path) if path is not None else None)


class Clock:
    """A clock that advances one millisecond per call, so timestamps are distinct and ordered."""

    def __init__(self, start: int = 0) -> None:
        self.ticks = start

    def __call__(self) -> str:
        self.ticks += 1
        seconds, millis = divmod(self.ticks, 1000)
        minutes, seconds = divmod(seconds, 60)
        return f"2026-01-01T10:{minutes:02d}:{seconds:02d}.{millis:03d}000Z"


def read_only_file_system(monkeypatch, root: Path, *, except_locks: bool = False) -> None:
    """From now on every change under ``root`` fails with EROFS, as on a read-only mount:
    opening for writing, creating, renaming, linking, deleting. (The tests may run as root,
    which no folder permission stops, so permissions cannot stand in for it.)
    ``except_locks``: lock files can still be opened, as in a folder that is not writable
    but whose lock files exist and are."""
    import builtins
    import errno
    import io
    import os

    top = os.path.realpath(root)

    def inside(path) -> bool:
        if isinstance(path, int):
            return False
        found = os.path.realpath(os.fsdecode(os.fspath(path)))
        return found == top or found.startswith(top + os.sep)

    def refuse(path) -> None:
        raise OSError(errno.EROFS, "Read-only file system", os.fsdecode(os.fspath(path)))

    real_os_open = os.open
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    def os_open(path, flags, *args, **kwargs):
        lock = except_locks and os.fsdecode(os.fspath(path)).endswith(".lock")
        if flags & writing and inside(path) and not lock:
            refuse(path)
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    def guarded(name: str, paths: int):
        real = getattr(os, name)

        def call(*args, **kwargs):
            for path in args[:paths]:
                if inside(path):
                    refuse(path)
            return real(*args, **kwargs)

        return call

    for name in ("replace", "rename", "link", "symlink"):
        monkeypatch.setattr(os, name, guarded(name, 2))
    for name in ("unlink", "remove", "mkdir", "rmdir", "chmod", "utime"):
        monkeypatch.setattr(os, name, guarded(name, 1))
    real_open = io.open

    def file_open(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+") and inside(file):
            refuse(file)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(io, "open", file_open)
    monkeypatch.setattr(builtins, "open", file_open)
