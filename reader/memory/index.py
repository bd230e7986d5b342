"""The claim memory's index: an SQLite database derived from the review files, for full-text
search and for finding claims seen before. The JSON files stay the truth.

Where: the user's cache folder (``~/.cache/claim-reader/memory/<hash of the store's path>.sqlite3``
on Linux), one database per store, never inside the store (a team sharing the store in git or
a synced folder never sees it). Deleting it loses nothing: it is built again.

Fresh: each review file's inode, size and modification time are kept with what was read from
it. ``sync`` lists the store's ``reviews/`` folder and reads again only the files added or
changed since (a save, a ``git pull``, a sync program), and forgets the files removed. A
first build, or one after many changes, writes the lookup keys in one sorted pass at the end
(random inserts into the key table were three times slower); if it is interrupted, the keys
are rebuilt from the claims already indexed, without reading the files again.

Safe with several processes: SQLite in WAL mode, every change in a transaction (``BEGIN
IMMEDIATE``), and a review is replaced only if the database does not already hold the version
of its file that was read (another process may have indexed it meanwhile). A database that is
damaged (not a database, malformed, missing tables, from another version of this code) is
deleted and built again, under a lock so that two processes do not both rebuild it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.memory.records import ArticleRecord, ClaimRecord, article_of, claim_records
from reader.memory.words import stored_keys
from reader.store.errors import StoreError, StoreNewerError
from reader.store.index import REVIEW_ID, REVIEW_SUFFIX
from reader.store.location import resolve_store_dir
from reader.store.locking import FileLock
from reader.store.review_file import DamagedFile, FileSignature, RepairableFile, parse_review

INDEX_FORMAT = "2"
"""Changed whenever the tables or the way claims are turned into words and keys change: an
index of another format is built again."""
INDEX_SUFFIX = ".sqlite3"
BATCH = 100
"""Review files read between two commits (and two progress reports)."""
BULK_FROM = 200
"""From this many files to read, keys are gathered and written sorted at the end."""
STAGED_KEYS = 250_000
"""Keys a bulk build holds before writing them (sorted) and holding the next: about 20 MB."""
Stamp = tuple[int, int, int]
"""A review file's inode, size and modification time (ns): a save replaces the file (a new
inode), an edit in place changes its time."""
Progress = Callable[[int, int], None]
"""Called with (files read, files to read) as the index is brought up to date."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reviews(
    rid INTEGER PRIMARY KEY AUTOINCREMENT,
    review_id TEXT NOT NULL UNIQUE,
    inode INTEGER NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    damaged TEXT,
    title TEXT NOT NULL DEFAULT '', path TEXT, url TEXT NOT NULL DEFAULT '',
    site TEXT NOT NULL DEFAULT '', published TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL DEFAULT '', updated TEXT NOT NULL DEFAULT '',
    day TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS reviews_day ON reviews(day);
CREATE TABLE IF NOT EXISTS claims(
    id INTEGER PRIMARY KEY,
    rid INTEGER NOT NULL,
    claim_id TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, speaker TEXT,
    text TEXT NOT NULL, note TEXT NOT NULL, sources_text TEXT NOT NULL,
    sources TEXT NOT NULL, orphaned INTEGER NOT NULL, position INTEGER NOT NULL,
    updated TEXT NOT NULL, words TEXT);
CREATE VIEW IF NOT EXISTS claim_text AS
    SELECT c.id AS id, c.text AS words, coalesce(c.speaker, '') AS speaker, c.note AS note,
           c.sources_text AS sources, r.title AS title, c.status AS status
    FROM claims c JOIN reviews r ON r.rid = c.rid;
CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(
    words, speaker, note, sources, title, status,
    content='claim_text', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='3');
CREATE TABLE IF NOT EXISTS keys(
    key INTEGER NOT NULL, id INTEGER NOT NULL, PRIMARY KEY(key, id)) WITHOUT ROWID;
"""
# No stemming: the Porter stemmer reads "Ines" as "in", so a search for a speaker's name found
# every "in"; a prefix ("flood*") finds the other forms of a word. The index of three-letter
# prefixes (a fifth of the index's size) makes a prefix as fast as a word: without it, a
# three-letter prefix took 180 ms on 500,000 claims, with it 10 ms.
# Search weighs where the words were found: in the claim's words above its speaker and note,
# above its sources and the article's title. The status is a column of its own so that a
# status filter is part of the full-text match; it weighs nothing.
RANK = "bm25(claims_fts, 4.0, 2.0, 2.0, 1.0, 1.0, 0.0)"
"""Given in ORDER BY rather than as FTS5's ``rank``: with ``rank`` FTS5 ranks every match
before SQLite applies the other conditions (50 ms against 10 for a word and a site filter)."""
CLAIM_BITS = 20
"""A claim's number is its review's number shifted left this much, plus its place in the
review: a filter on the article (date, site) is then a look at the number, not at a row, and
numbers grow in the order reviews were indexed (oldest saved first), which search uses."""
CLAIMS_PER_REVIEW = 1 << CLAIM_BITS
_UNWRITABLE = {sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM,
               sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL}
"""Errors that say the cache folder cannot hold the index (the index then lives in memory)."""


class ClaimMemoryError(Exception):
    """The claim memory cannot be used; ``message`` says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def fts5_problem() -> str | None:
    """Why this Python's SQLite cannot hold the index, or None when it can."""
    try:
        probe = sqlite3.connect(":memory:")
        try:
            probe.execute("CREATE VIRTUAL TABLE probe USING fts5(words)")
        finally:
            probe.close()
    except sqlite3.Error as error:
        return (f"Search and “seen before” need SQLite's full-text search (FTS5), which the "
                f"SQLite {sqlite3.sqlite_version} this Python uses lacks ({error}). Install "
                "Claim Reader with a Python whose sqlite3 module has FTS5 (python.org's and "
                "the Linux distributions' builds have it).")
    return None


def default_index_path(store_root: Path) -> Path:
    """The index of the store at ``store_root``, in the user's cache folder, named by a hash
    of the store's absolute path (as ``reader.store.user_state`` names per-store state)."""
    from platformdirs import user_cache_dir

    root = os.path.abspath(store_root)
    key = hashlib.sha256(root.encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return Path(user_cache_dir("claim-reader", appauthor=False)) / "memory" / (
        key + INDEX_SUFFIX)


@dataclass(slots=True)
class SyncReport:
    """What ``sync`` did: review files read (new or changed), forgotten (removed), and the
    ones that could not be read (damaged, or from a newer version), by id with the reason."""

    read: int = 0
    removed: int = 0
    unreadable: dict[str, str] = field(default_factory=dict)
    rebuilt: bool = False


@dataclass(frozen=True, slots=True)
class _Read:
    review_id: str
    signature: Stamp
    article: ArticleRecord | None
    claims: list[ClaimRecord]
    damaged: str | None


def _is_damage(error: sqlite3.Error) -> bool:
    """Errors that say the file is not a sound index of this format (rather than busy,
    full or unwritable)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return True
    text = str(error).lower()
    return any(words in text for words in (
        "malformed", "not a database", "no such table", "no such column", "no such view",
        "corrupt", "fts5: ", "vtable constructor failed"))


class ClaimMemory:
    """The index of one store. Open it, ``sync()`` it, then ``search`` or look claims up
    (``reader.memory.search``, ``reader.memory.seen_before``). One connection per object: a
    thread that needs the index opens its own.

    ``notices`` collects what the user should hear about (an index that was damaged and has
    been rebuilt, a cache folder that cannot be written so the index lives in memory)."""

    def __init__(self, store_root: str | os.PathLike[str] | None = None,
                 index_path: Path | None = None) -> None:
        problem = fts5_problem()
        if problem is not None:
            raise ClaimMemoryError(problem)
        self.store_root = resolve_store_dir(store_root).absolute()
        self.reviews_dir = self.store_root / "reviews"
        self.path = index_path or default_index_path(self.store_root)
        self.notices: list[str] = []
        self._db: sqlite3.Connection | None = None
        self.in_memory = False

    # Connecting ----------------------------------------------------------------------------

    def __enter__(self) -> ClaimMemory:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._connect()
        return self._db

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # private, as the store
            db = self._open(str(self.path))
            if self._usable(db):
                return db
            db.close()
            self._discard("it was made by another version of Claim Reader")
        except OSError as error:
            return self._in_memory(error.strerror or str(error))
        except sqlite3.DatabaseError as error:
            if not _is_damage(error):
                if getattr(error, "sqlite_errorcode", 0) & 0xFF in _UNWRITABLE:
                    return self._in_memory(str(error))
                raise self._failure(error) from None
            self._discard(str(error))
        try:
            db = self._open(str(self.path))
            self._usable(db)
        except (OSError, sqlite3.DatabaseError) as error:
            raise self._failure(error) from None
        return db

    def _in_memory(self, reason: str) -> sqlite3.Connection:
        """The cache folder cannot be written (a read-only home, a full disk): the index is
        built in memory for this run, slower to start but every answer the same."""
        self.in_memory = True
        self.notices.append(f"The search index cannot be kept in {self.path.parent} "
                            f"({reason}); it is built in memory for this run.")
        db = self._open(":memory:")
        self._usable(db)
        return db

    @staticmethod
    def _open(where: str) -> sqlite3.Connection:
        db = sqlite3.connect(where, timeout=30.0, isolation_level=None,
                             check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA temp_store=MEMORY")
            db.execute("PRAGMA cache_size=-65536")  # 64 MB at most, only as it is used
        except BaseException:
            db.close()
            raise
        if where != ":memory:" and os.name == "posix":
            with contextlib.suppress(OSError):
                os.chmod(where, 0o600)  # the claims and notes are private
        return db

    def _usable(self, db: sqlite3.Connection) -> bool:
        """Create the tables in a new file; False when the file holds another format or
        another store's index."""
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        if "meta" not in names:
            if names:
                return False  # some other database at our name
            self._create(db)
            return True
        meta = dict(db.execute("SELECT key, value FROM meta"))
        if meta.get("format") != INDEX_FORMAT or meta.get("store") != str(self.store_root):
            return False
        return {"reviews", "claims", "claims_fts", "keys", "claim_text"} <= names

    def _create(self, db: sqlite3.Connection) -> None:
        # Statement by statement: executescript would commit the transaction first.
        with self._writing(db):
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (INDEX_FORMAT,))
            db.execute("INSERT OR IGNORE INTO meta VALUES ('store', ?)",
                       (str(self.store_root),))
            db.execute("INSERT OR IGNORE INTO meta VALUES ('keys', 'ready')")

    def rebuild(self) -> None:
        """Forget everything: the next ``sync`` reads every review file again."""
        self._discard("", tell=False)

    def _discard(self, reason: str, tell: bool = True) -> None:
        """Delete a damaged index so that it is built again. Under a lock, and only if the
        file is still the one found damaged: another process may have rebuilt it already."""
        self.close()
        if self.in_memory:
            return
        before = FileSignature.of(self.path)
        try:
            with FileLock(self.path, 60.0):
                if FileSignature.of(self.path) == before:
                    for suffix in ("", "-wal", "-shm", "-journal"):
                        with contextlib.suppress(FileNotFoundError):
                            os.remove(str(self.path) + suffix)
        except StoreError as error:
            raise ClaimMemoryError(f"The search index {self.path} is damaged and could not "
                                   f"be deleted: {error.message}") from None
        if tell:
            self.notices.append(f"The search index {self.path} could not be used ({reason}); "
                                "it has been built again from the reviews.")

    @contextlib.contextmanager
    def _writing(self, db: sqlite3.Connection | None = None) -> Iterator[sqlite3.Connection]:
        db = db or self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def guarded(self, operation: Callable[[sqlite3.Connection], object]) -> object:
        """``operation(db)``; if the index turns out damaged, it is deleted, built again from
        the reviews, and the operation runs once more."""
        try:
            return operation(self.db)
        except sqlite3.DatabaseError as error:
            if not _is_damage(error):
                raise self._failure(error) from None
        self._discard("damaged")
        self.sync()
        try:
            return operation(self.db)
        except sqlite3.DatabaseError as error:
            raise self._failure(error) from None

    def _failure(self, error: sqlite3.Error) -> ClaimMemoryError:
        text = str(error)
        if "locked" in text or "busy" in text:
            return ClaimMemoryError(f"The search index {self.path} is being written by another "
                                    "Claim Reader that has not finished; try again in a "
                                    "moment.")
        return ClaimMemoryError(f"The search index {self.path} cannot be used ({text}). "
                                "Delete it to have it built again; it holds nothing that is "
                                "not in the reviews.")

    # Bringing it up to date ----------------------------------------------------------------

    def listing(self) -> dict[str, Stamp]:
        """The review files in the store, by id, with their signatures."""
        found: dict[str, Stamp] = {}
        try:
            entries = list(os.scandir(self.reviews_dir))
        except (FileNotFoundError, NotADirectoryError):
            return found
        except OSError as error:
            raise ClaimMemoryError(f"The store folder {self.reviews_dir} cannot be read "
                                   f"({error.strerror or error}).") from None
        for entry in entries:
            name = entry.name
            if not name.endswith(REVIEW_SUFFIX):
                continue
            review_id = name[: -len(REVIEW_SUFFIX)]
            if not REVIEW_ID.fullmatch(review_id):
                continue
            try:
                st = entry.stat()
            except OSError:
                continue
            found[review_id] = (st.st_ino, st.st_size, st.st_mtime_ns)
        return found

    def stale(self) -> tuple[list[str], list[str]]:
        """(files to read, ids to forget): what ``sync`` would do now."""
        listing = self.listing()
        known = self._known(self.db)
        gone = sorted(known.keys() - listing.keys())
        # Oldest saved first: claims are numbered in the order they are indexed, and search
        # ranks the most recently saved first when a query matches very many.
        changed = sorted((rid for rid, signature in listing.items()
                          if known.get(rid) != signature),
                         key=lambda rid: (listing[rid][2], rid))
        return changed, gone

    @staticmethod
    def _known(db: sqlite3.Connection) -> dict[str, Stamp]:
        return {row[0]: row[1:] for row in db.execute(
            "SELECT review_id, inode, size, mtime_ns FROM reviews")}

    def sync(self, progress: Progress | None = None,
             cancelled: Callable[[], bool] | None = None) -> SyncReport:
        """Read the review files added or changed since the last sync and forget the removed
        ones. Safe to run in several processes at once."""
        try:
            return self._sync(progress, cancelled)
        except sqlite3.DatabaseError as error:
            if not _is_damage(error):
                raise self._failure(error) from None
        self._discard("damaged")
        try:
            report = self._sync(progress, cancelled)
        except sqlite3.DatabaseError as error:
            raise self._failure(error) from None
        report.rebuilt = True
        return report

    def _sync(self, progress: Progress | None,
              cancelled: Callable[[], bool] | None) -> SyncReport:
        db = self.db
        report = SyncReport()
        if db.execute("SELECT value FROM meta WHERE key = 'keys'").fetchone() != ("ready",):
            # A bulk build stopped before writing its keys, or one is running elsewhere.
            lock = self._build_lock()
            if lock is not None:
                try:
                    self._rebuild_keys(db)
                finally:
                    lock.release()
        changed, gone = self.stale()
        if gone:
            with self._writing(db):
                for review_id in gone:
                    self._forget(db, review_id)
            report.removed = len(gone)
        lock = self._build_lock() if len(changed) >= BULK_FROM else None
        bulk = lock is not None
        staged: list[tuple[int, int]] = []
        try:
            if bulk:
                with self._writing(db):
                    db.execute("UPDATE meta SET value = 'building' WHERE key = 'keys'")
            for start in range(0, len(changed), BATCH):
                if cancelled is not None and cancelled():
                    break
                batch = [self._read(review_id) for review_id in changed[start:start + BATCH]]
                with self._writing(db):
                    known = self._known_of(db, [item.review_id for item in batch if item])
                    for item in batch:
                        if item is None or known.get(item.review_id) == item.signature:
                            continue  # removed meanwhile, or indexed by another process
                        self._forget(db, item.review_id)
                        keys = self._insert(db, item)
                        if bulk:
                            staged.extend(keys)
                            if len(staged) >= STAGED_KEYS:  # in this batch's transaction
                                staged.sort()
                                db.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?)",
                                               staged)
                                staged = []
                        else:
                            db.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?)",
                                           sorted(keys))
                        report.read += 1
                if progress is not None:
                    progress(min(start + BATCH, len(changed)), len(changed))
            if bulk:
                self._write_staged(db, staged)
        finally:
            if lock is not None:
                lock.release()
        for review_id, reason in db.execute(
                "SELECT review_id, damaged FROM reviews WHERE damaged IS NOT NULL"):
            report.unreadable[review_id] = reason
        if bulk and report.read:
            with contextlib.suppress(sqlite3.OperationalError):  # busy: merged next time
                db.execute("INSERT INTO claims_fts(claims_fts) VALUES ('optimize')")
        return report

    def _build_lock(self) -> FileLock | None:
        """The lock a bulk build holds while its keys are not written yet, taken at once or
        not at all: another process holding it is building (its keys are on their way)."""
        if self.in_memory:
            return FileLock(self.path.parent / "unused")  # nothing to share: never acquired
        lock = FileLock(Path(str(self.path) + "-build"), timeout=0.0)
        try:
            lock.acquire()
        except StoreError:
            return None
        return lock

    def _write_staged(self, db: sqlite3.Connection, staged: list[tuple[int, int]]) -> None:
        """The last keys gathered by a bulk build, sorted: written in the table's order rather
        than at random places; the table is whole again."""
        staged.sort()
        with self._writing(db):
            db.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?)", staged)
            db.execute("UPDATE meta SET value = 'ready' WHERE key = 'keys'")

    def _rebuild_keys(self, db: sqlite3.Connection) -> None:
        with self._writing(db):
            db.execute("DELETE FROM keys")
            keys = sorted((key, claim) for claim, words in db.execute(
                "SELECT id, words FROM claims WHERE words IS NOT NULL")
                for key in stored_keys(words.split(" ") if words else []))
            db.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?)", keys)
            db.execute("UPDATE meta SET value = 'ready' WHERE key = 'keys'")

    @staticmethod
    def _known_of(db: sqlite3.Connection, ids: list[str]) -> dict[str, Stamp]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {row[0]: row[1:] for row in db.execute(
            f"SELECT review_id, inode, size, mtime_ns FROM reviews WHERE review_id IN ({marks})",
            ids)}

    def _read(self, review_id: str) -> _Read | None:
        """The review file as it is now; None if it is gone. The signature is taken from the
        open file, so it is that of the bytes read (a save replaces the file, never changes
        it in place)."""
        path = self.reviews_dir / (review_id + REVIEW_SUFFIX)
        try:
            with open(path, "rb") as handle:
                st = os.fstat(handle.fileno())
                raw = handle.read()
        except FileNotFoundError:
            return None
        except OSError as error:
            try:
                st = os.stat(path)
            except OSError:
                return None
            signature = (st.st_ino, st.st_size, st.st_mtime_ns)
            return _Read(review_id, signature, None, [], error.strerror or str(error))
        signature = (st.st_ino, st.st_size, st.st_mtime_ns)
        try:
            review = parse_review(raw, path)
        except RepairableFile as repairable:
            review = repairable.review  # what the store itself will read, repaired
        except DamagedFile as damaged:
            return _Read(review_id, signature, None, [], damaged.reason)
        except StoreNewerError:
            return _Read(review_id, signature, None, [],
                         "written by a newer version of Claim Reader")
        except StoreError as error:
            return _Read(review_id, signature, None, [], error.message)
        return _Read(review_id, signature, article_of(review, review_id),
                     claim_records(review), None)

    def _forget(self, db: sqlite3.Connection, review_id: str) -> None:
        row = db.execute("SELECT rid FROM reviews WHERE review_id = ?", (review_id,)).fetchone()
        if row is None:
            return
        rid = row[0]
        # The full-text index is told exactly what it holds before the rows go (an external
        # content table: it cannot read them afterwards).
        first, last = rid << CLAIM_BITS, (rid << CLAIM_BITS) + CLAIMS_PER_REVIEW - 1
        db.execute("INSERT INTO claims_fts(claims_fts, rowid, words, speaker, note, sources, "
                   "title, status) SELECT 'delete', id, words, speaker, note, sources, title, "
                   "status FROM claim_text WHERE id BETWEEN ? AND ?", (first, last))
        keys = [(key, claim) for claim, words in db.execute(
            "SELECT id, words FROM claims WHERE id BETWEEN ? AND ? AND words IS NOT NULL",
            (first, last)) for key in stored_keys(words.split(" ") if words else [])]
        db.executemany("DELETE FROM keys WHERE key = ? AND id = ?", keys)
        db.execute("DELETE FROM claims WHERE id BETWEEN ? AND ?", (first, last))
        db.execute("DELETE FROM reviews WHERE rid = ?", (rid,))

    def _insert(self, db: sqlite3.Connection, item: _Read) -> list[tuple[int, int]]:
        """Add a review's rows; returns the (key, claim) pairs to file it under."""
        article = item.article
        signature = item.signature
        cursor = db.execute(
            "INSERT INTO reviews(review_id, inode, size, mtime_ns, damaged, title, path, url, "
            "site, published, created, updated, day) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (item.review_id, *signature,
             item.damaged, article.title if article else "", article.path if article else None,
             article.url if article else "", article.site if article else "",
             article.published if article else "", article.created if article else "",
             article.updated if article else "", article.day if article else ""))
        rid = cursor.lastrowid
        if not item.claims:
            return []
        first = rid << CLAIM_BITS
        rows = []
        keys: list[tuple[int, int]] = []
        for offset, claim in enumerate(item.claims[:CLAIMS_PER_REVIEW]):
            claim_row = first + offset
            words = None
            if claim.words is not None:
                words = " ".join(claim.words)
                keys.extend((key, claim_row) for key in stored_keys(list(claim.words)))
            rows.append((claim_row, rid, claim.claim_id, claim.kind, claim.status,
                         claim.speaker, claim.text, claim.note, claim.sources_text(),
                         claim.sources_json(), int(claim.orphaned), claim.position,
                         claim.updated, words))
        db.executemany("INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        db.execute("INSERT INTO claims_fts(rowid, words, speaker, note, sources, title, status) "
                   "SELECT id, words, speaker, note, sources, title, status FROM claim_text "
                   "WHERE id BETWEEN ? AND ?", (first, first + len(rows) - 1))
        return keys

    # Figures for a report ------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        db = self.db
        return {
            "reviews": db.execute("SELECT count(*) FROM reviews").fetchone()[0],
            "claims": db.execute("SELECT count(*) FROM claims").fetchone()[0],
            "with_verdict": db.execute(
                "SELECT count(*) FROM claims WHERE words IS NOT NULL").fetchone()[0],
            "keys": db.execute("SELECT count(*) FROM keys").fetchone()[0],
        }

    def size_on_disk(self) -> int:
        total = 0
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                total += os.path.getsize(str(self.path) + suffix)
        return total
