"""The claim memory's index: built from the review files, kept up to date one file at a time,
rebuilt when damaged, safe with several processes, and never the truth."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from memory_articles import HARBOUR
from memory_builders import ArticleSpec, ClaimSpec, review_of, review_text, write_review

import reader.memory.index as index_module
from reader.memory.index import ClaimMemory, ClaimMemoryError, default_index_path
from reader.memory.search import SearchQuery, search
from reader.memory.seen_before import Probe, seen_before
from reader.store.store import ReviewStore


def _hits(memory: ClaimMemory, text: str = "", **filters) -> list[tuple[str, str]]:
    results = memory.guarded(lambda db: search(db, SearchQuery(text, **filters)))
    return [(hit.claim_id, hit.status) for hit in results.hits]


def test_a_first_sync_reads_every_review_and_a_second_reads_nothing(store, tmp_path) -> None:
    with ClaimMemory(store, tmp_path / "index.sqlite3") as memory:
        first = memory.sync()
        assert (first.read, first.removed, first.unreadable) == (2, 0, {})
        assert memory.counts() == {"reviews": 2, "claims": 7, "with_verdict": 5,
                                   "keys": memory.counts()["keys"]}
        assert memory.counts()["keys"] > 0
        again = memory.sync()
        assert (again.read, again.removed) == (0, 0)
        assert memory.stale() == ([], [])


def test_a_changed_review_is_read_again_and_only_it(store, memory) -> None:
    handle = ReviewStore(store, reviewer="dee").load("b" * 32)
    claim_id = next(c.id for c in handle.review.claims.values() if "12 hours" in c.text)
    assert _hits(memory, "trolley") == [(claim_id, "unreviewed")]
    handle.set_status(claim_id, "disputed")
    handle.set_note(claim_id, "The trust's own figures show 31 waits over 12 hours.")
    assert memory.stale() == (["b" * 32], [])
    report = memory.sync()
    assert report.read == 1
    assert _hits(memory, "trolley") == [(claim_id, "disputed")]
    assert _hits(memory, "trust's own figures") == [(claim_id, "disputed")]


def test_a_file_edited_in_place_at_the_same_size_is_noticed(store, memory) -> None:
    path = store / "reviews" / ("a" * 32 + ".json")
    text = path.read_text(encoding="utf-8")
    edited = text.replace('"unverifiable"', '"verified"    ')
    assert len(edited) == len(text) and edited != text
    inode = path.stat().st_ino
    with open(path, "r+", encoding="utf-8") as handle:  # an editor saving over the file
        handle.write(edited)
    assert path.stat().st_ino == inode
    assert memory.stale()[0] == ["a" * 32]  # by its modification time
    memory.sync()
    assert _hits(memory, "coast") == [(_hits(memory, "coast")[0][0], "verified")]


def test_removed_and_added_review_files(store, memory) -> None:
    (store / "reviews" / ("a" * 32 + ".json")).unlink()
    write_review(store, ArticleSpec("Ferry fares rise", [ClaimSpec(
        "Fares will rise by 9% in April, the first rise in ten years.", "the ferry company",
        "figure", "verified")], review_id="c" * 32))
    report = memory.sync()
    assert (report.read, report.removed) == (1, 1)
    assert _hits(memory, "sea wall") == []
    assert len(_hits(memory, "ferry")) == 1
    assert memory.counts()["reviews"] == 2


def test_other_files_in_the_reviews_folder_are_not_reviews(store, memory) -> None:
    folder = store / "reviews"
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    (folder / ("a" * 32 + " (1).json")).write_text(
        review_text(review_of(HARBOUR)), encoding="utf-8")  # a sync program's copy
    (folder / ("a" * 32 + ".json.bak")).write_text("old", encoding="utf-8")
    assert memory.sync().read == 0


def test_a_damaged_review_file_is_left_out_and_named_until_it_is_mended(store,
                                                                       memory) -> None:
    path = store / "reviews" / ("b" * 32 + ".json")
    good = path.read_text(encoding="utf-8")
    path.write_text(good[: len(good) // 2], encoding="utf-8")
    report = memory.sync()
    assert list(report.unreadable) == ["b" * 32]
    assert "JSON" in report.unreadable["b" * 32]
    assert _hits(memory, "nurses") == []
    assert memory.sync().read == 0  # not read again until it changes
    path.write_text(good, encoding="utf-8")
    report = memory.sync()
    assert report.read == 1 and report.unreadable == {}
    assert len(_hits(memory, "nurse*")) == 2  # "nurse" and "nurses"


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other format", "another store"])
def test_a_damaged_index_is_deleted_and_built_again(store, tmp_path, damage) -> None:
    path = tmp_path / "index.sqlite3"
    with ClaimMemory(store, path) as memory:
        memory.sync()
    if damage == "garbage":
        path.write_bytes(b"this is not a database, whatever its name says" * 100)
    elif damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    else:
        db = sqlite3.connect(path)
        key = "format" if damage == "other format" else "store"
        db.execute("UPDATE meta SET value = 'elsewhere' WHERE key = ?", (key,))
        db.commit()
        db.close()
    with ClaimMemory(store, path) as memory:
        report = memory.sync()
        assert report.read == 2
        assert _hits(memory, "flooding")
        if damage in ("garbage", "truncated"):
            assert any("built again" in notice for notice in memory.notices)


def test_damage_found_while_searching_rebuilds_and_answers(store, tmp_path) -> None:
    path = tmp_path / "index.sqlite3"
    memory = ClaimMemory(store, path)
    memory.sync()
    memory.db.execute("DROP TABLE claims")  # as if the file had lost a table
    assert _hits(memory, "flooding")
    assert memory.counts()["claims"] == 7
    memory.close()


def test_an_interrupted_bulk_build_gets_its_keys_back(store, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(index_module, "BULK_FROM", 1)
    path = tmp_path / "index.sqlite3"
    with ClaimMemory(store, path) as memory:
        memory.sync()
        keys = memory.counts()["keys"]
        assert keys > 0
        memory.db.execute("DELETE FROM keys")
        memory.db.execute("UPDATE meta SET value = 'building' WHERE key = 'keys'")
    with ClaimMemory(store, path) as memory:
        memory.sync()
        assert memory.counts()["keys"] == keys
        found = seen_before(memory.db, [Probe("p", "We lost 300 homes to flooding in 2019",
                                              "Okafor")])
        assert [seen.claim_id for seen in found["p"]]


@pytest.mark.parametrize("held", [250_000, 5])  # all at the end; in chunks of 5
def test_bulk_and_one_by_one_builds_file_the_same_keys(store, tmp_path, monkeypatch,
                                                       held) -> None:
    with ClaimMemory(store, tmp_path / "one.sqlite3") as memory:
        memory.sync()
        one_by_one = sorted(memory.db.execute("SELECT key, id FROM keys"))
    monkeypatch.setattr(index_module, "BULK_FROM", 1)
    monkeypatch.setattr(index_module, "BATCH", 1)
    monkeypatch.setattr(index_module, "STAGED_KEYS", held)
    with ClaimMemory(store, tmp_path / "bulk.sqlite3") as memory:
        memory.sync()
        assert sorted(memory.db.execute("SELECT key, id FROM keys")) == one_by_one
        assert memory.db.execute("SELECT value FROM meta WHERE key = 'keys'").fetchone() == (
            "ready",)


def test_the_index_lives_in_the_user_cache_folder_one_per_store(tmp_path) -> None:
    first, second = default_index_path(tmp_path / "one"), default_index_path(tmp_path / "two")
    cache = Path(os.environ["XDG_CACHE_HOME"])
    assert first.parent == second.parent == cache / "claim-reader" / "memory"
    assert first != second and first.suffix == ".sqlite3"
    assert default_index_path(tmp_path / "one") == first  # stable from run to run
    with ClaimMemory(tmp_path / "one") as memory:
        memory.sync()
        assert memory.path == first and first.is_file()
        if os.name == "posix":
            assert first.stat().st_mode & 0o777 == 0o600
            assert first.parent.stat().st_mode & 0o777 == 0o700  # its folder too
    assert not (tmp_path / "one").exists()  # nothing written into the store


def test_a_cache_folder_that_cannot_be_written_keeps_the_index_in_memory(store,
                                                                         tmp_path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    with ClaimMemory(store, blocker / "index.sqlite3") as memory:
        assert memory.sync().read == 2
        assert memory.in_memory
        assert "in memory" in memory.notices[0]
        assert _hits(memory, "flooding")


def test_without_fts5_the_message_says_what_to_do(store, monkeypatch) -> None:
    real = sqlite3.connect

    class NoFts5:
        def __init__(self, *args, **kwargs) -> None:
            self.db = real(*args, **kwargs)

        def execute(self, sql: str, *args):
            if "fts5" in sql:
                raise sqlite3.OperationalError("no such module: fts5")
            return self.db.execute(sql, *args)

        def close(self) -> None:
            self.db.close()

    monkeypatch.setattr(index_module.sqlite3, "connect", NoFts5)
    with pytest.raises(ClaimMemoryError, match=r"FTS5.*no such module: fts5.*Install"):
        ClaimMemory(store)


def test_this_pythons_sqlite_has_fts5() -> None:
    assert index_module.fts5_problem() is None


def test_the_review_files_are_never_written(store, memory) -> None:
    before = {path: path.read_bytes() for path in (store / "reviews").iterdir()}
    memory.rebuild()
    memory.sync()
    _hits(memory, "sea wall")
    assert {path: path.read_bytes() for path in (store / "reviews").iterdir()} == before


SYNC_IN_A_PROCESS = textwrap.dedent("""
    import sys
    from pathlib import Path
    from reader.memory.index import ClaimMemory
    with ClaimMemory(Path(sys.argv[1]), Path(sys.argv[2])) as memory:
        memory.sync()
        print(memory.counts()["claims"])
""")


def test_processes_syncing_at_once_leave_one_sound_index(tmp_path) -> None:
    store = tmp_path / "store"
    for number in range(40):
        write_review(store, ArticleSpec(f"Article {number}", [
            ClaimSpec(f"Claim {number} about the {word} harbour, said on day {number}.",
                      "Ann Bo", "quote", "verified") for word in ("north", "south", "east")]))
    path = tmp_path / "index.sqlite3"
    processes = [subprocess.Popen([sys.executable, "-c", SYNC_IN_A_PROCESS, str(store),
                                   str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(4)]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0] * 4, outputs
    assert all(out.strip() == b"120" for out, _ in outputs), outputs
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM reviews").fetchone() == (40,)
    assert db.execute("SELECT count(*) FROM claims").fetchone() == (120,)
    db.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
    db.close()
