"""The compiled-pattern cache must give exactly the patterns ``re.compile`` gives, and any
cache it cannot trust must be ignored, never trusted and never fatal."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import reader.analysis  # noqa: F401  (imports every module, so every pattern is compiled)
from reader.analysis import pattern_cache

ANALYSIS_PATTERNS = list(pattern_cache._used)  # as the analysis compiled them on import

SAMPLE = (
    "“We will not raise taxes,” said Dr. Ana Müller, 54, the finance minister, on 3 March 2024. "
    "Spending rose by 4.5% to €1.2bn, up from about four dozen projects in 1999–2001; "
    "O’Brien told Reuters the 250,000 figure was “wrong.” 👍 Ça va, Zoë? "
)


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """A cache module with an empty memory and its file in a temporary folder."""
    path = tmp_path / "patterns.marshal"
    monkeypatch.setattr(pattern_cache, "cache_file", lambda: path)
    monkeypatch.setattr(pattern_cache, "_loaded", None)
    monkeypatch.setattr(pattern_cache, "_used", {})
    monkeypatch.setattr(pattern_cache, "_missed", False)
    return path


def _analysis_patterns() -> list[tuple[str, int]]:
    keys = ANALYSIS_PATTERNS
    assert len(keys) > 50, "the analysis' patterns should have gone through the cache"
    return [(key.split("\0", 1)[1], int(key.split("\0", 1)[0])) for key in keys]


def _same(cached: re.Pattern[str], compiled: re.Pattern[str]) -> None:
    assert cached.pattern == compiled.pattern
    assert cached.flags == compiled.flags
    assert cached.groups == compiled.groups
    assert cached.groupindex == compiled.groupindex
    assert [m.span() for m in cached.finditer(SAMPLE)] == \
        [m.span() for m in compiled.finditer(SAMPLE)]
    assert [m.groups() for m in cached.finditer(SAMPLE)] == \
        [m.groups() for m in compiled.finditer(SAMPLE)]


def test_every_analysis_pattern_read_back_from_a_cache_file_equals_re_compile(fresh_cache):
    patterns = _analysis_patterns()
    for pattern, flags in patterns:
        pattern_cache.regex(pattern, flags)
    assert pattern_cache._missed
    pattern_cache.save()
    assert fresh_cache.is_file()

    pattern_cache._loaded = None
    pattern_cache._used = {}
    for pattern, flags in patterns:
        _same(pattern_cache.regex(pattern, flags), re.compile(pattern, flags))
    assert not pattern_cache._missed, "every pattern should have come from the file"


def test_a_run_that_compiled_nothing_new_does_not_rewrite_the_file(fresh_cache):
    pattern_cache.regex(r"(?P<n>\d+) (people|dollars)", re.IGNORECASE)
    pattern_cache.save()
    before = fresh_cache.stat().st_mtime_ns
    pattern_cache._loaded = None
    pattern_cache.regex(r"(?P<n>\d+) (people|dollars)", re.IGNORECASE)
    pattern_cache.save()
    assert fresh_cache.stat().st_mtime_ns == before


@pytest.mark.parametrize("content", [
    b"", b"\x00garbage\xff" * 50, b"not marshal at all",
])
def test_a_damaged_cache_file_is_ignored(fresh_cache, content):
    fresh_cache.write_bytes(content)
    compiled = pattern_cache.regex(r"(\d+)\s*%", 0)
    _same(compiled, re.compile(r"(\d+)\s*%"))


def test_a_cache_entry_with_wrong_code_is_refused_and_compiled_again(fresh_cache):
    import marshal

    pattern = r"(?P<year>1[89]\d\d|20\d\d)"
    good = pattern_cache._entry(pattern, 0)
    broken = (good[0], [1, 2, 3, 99999], good[2], good[3], good[4])
    fresh_cache.write_bytes(marshal.dumps({f"0\0{pattern}": broken}))
    _same(pattern_cache.regex(pattern), re.compile(pattern))
    assert pattern_cache._missed


def test_a_cache_that_cannot_be_written_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(pattern_cache, "cache_file", lambda: blocker / "patterns.marshal")
    monkeypatch.setattr(pattern_cache, "_loaded", None)
    monkeypatch.setattr(pattern_cache, "_used", {})
    monkeypatch.setattr(pattern_cache, "_missed", False)
    pattern_cache.regex(r"\d+")
    pattern_cache.save()  # must not raise
    assert blocker.read_text() == "not a folder"
    assert not list(tmp_path.glob(".patterns-*"))


def test_extract_gives_the_same_answer_with_and_without_the_cache(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(SAMPLE * 3, encoding="utf-8")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "reader", "extract", "--format", "json", str(article)]
    first = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    cached = list((tmp_path / "cache").rglob("patterns-*.marshal"))
    assert len(cached) == 1, "the first run should keep its compiled patterns"
    second = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert json.loads(second.stdout) == json.loads(first.stdout)
    assert json.loads(first.stdout)["quotes"], "the sample has quotes to find"
    assert cached[0].stat().st_size > 10_000


def test_the_cache_lives_in_the_user_cache_folder():
    path = pattern_cache.cache_file()
    assert Path(os.environ["XDG_CACHE_HOME"]) in path.parents or sys.platform != "linux"
    assert path.name.startswith("patterns-") and sys.implementation.cache_tag in path.name


def test_a_wrong_pattern_is_reported_as_re_compile_reports_it(fresh_cache):
    with pytest.raises(re.error):
        pattern_cache.regex(r"(unclosed")
    assert not pattern_cache._used
