"""An exclusive lock per file, held only while a save re-reads, merges and writes.

``flock`` (POSIX) and ``msvcrt.locking`` (Windows) locks belong to the open file and vanish when
the process dies, so a killed writer never leaves the store locked. The lock file sits next to the
file it guards and is never deleted (deleting it would let two processes lock two different
inodes under the same name).
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path
from types import TracebackType

from reader.store.atomic import FILE_MODE, POSIX
from reader.store.errors import StoreLockedError, write_error

if POSIX:
    import fcntl
else:  # pragma: no cover - exercised on Windows only
    import msvcrt

LOCK_SUFFIX = ".lock"
_NO_LOCKING = frozenset(getattr(errno, name) for name in ("ENOLCK", "EOPNOTSUPP", "ENOTSUP",
                                                         "ENOSYS") if hasattr(errno, name))


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + LOCK_SUFFIX)


class FileLock:
    """``with FileLock(path):`` holds the lock for ``path`` (not the file itself)."""

    def __init__(self, path: Path, timeout: float = 10.0) -> None:
        self.path = lock_path(path)
        self.target = path
        self.timeout = timeout
        self._fd: int | None = None
        self.unlocked = False
        """True when the file system has no locks and the file was entered without one."""

    def _try_lock(self, fd: int) -> bool:
        try:
            if POSIX:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:  # pragma: no cover
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except (BlockingIOError, PermissionError):
            return False
        except OSError as error:
            if error.errno in (11, 13, 35, 36):  # EAGAIN, EACCES, EWOULDBLOCK, EDEADLK
                return False
            if error.errno in _NO_LOCKING:
                # A file system without locks (some network and FUSE mounts): saving unlocked,
                # still merging with what is on disk, beats never saving at all.
                self.unlocked = True
                return True
            raise
        return True

    def _locked_or_closed(self, fd: int) -> bool:
        """``_try_lock``, closing ``fd`` when locking fails with an error (each save would
        otherwise leak a descriptor, until the window can open no file at all)."""
        try:
            return self._try_lock(fd)
        except BaseException:
            os.close(fd)
            raise

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except OSError as error:
            # A read-only store (a mounted backup, a share without write access): a change
            # cannot be made, said plainly rather than as a traceback.
            raise write_error(self.target, error, "change",
                              "Nothing was changed.") from None
        deadline = time.monotonic() + self.timeout
        delay = 0.001
        while not self._locked_or_closed(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                raise StoreLockedError(
                    self.target,
                    f"{self.target} is being saved by another program that has not finished "
                    f"after {self.timeout:.0f} seconds. Your change is kept; try again, or close "
                    "the other Claim Reader window.",
                )
            time.sleep(delay)
            delay = min(delay * 2, 0.05)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            if self.unlocked:
                pass  # nothing to undo; closing the file is all
            elif POSIX:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            else:  # pragma: no cover
                os.lseek(self._fd, 0, os.SEEK_SET)
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
