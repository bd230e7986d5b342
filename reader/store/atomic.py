"""Writing a file so that a crash at any moment leaves either the old or the new version.

The recipe: write a temporary file in the same folder, flush and fsync it, keep the current file
as ``NAME.bak`` (a hard link, so it costs no copy), ``os.replace`` the temporary file over the
current one, then fsync the folder so the rename itself is on disk. Files are created 0600 and
folders 0700 on POSIX: reviews are a journalist's private working notes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"
POSIX = os.name == "posix"


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) if needed; a folder we create is private to the user."""
    if folder.is_dir():
        return
    missing = [folder]
    while not missing[-1].parent.exists() and missing[-1].parent != missing[-1]:
        missing.append(missing[-1].parent)
    for part in reversed(missing):  # only the folders we create are made private
        part.mkdir(mode=DIR_MODE, exist_ok=True)
        if POSIX:
            os.chmod(part, DIR_MODE)


# Errors that say a file system cannot sync a folder (some network, FUSE and shared-folder
# mounts) or will not let us open it for reading: the rename is done and visible then, and
# failing the save would only make the user retry a save that happened.
_FOLDER_SYNC_UNSUPPORTED = frozenset(getattr(errno, name) for name in (
    "EINVAL", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EBADF", "EACCES", "EPERM")
    if hasattr(errno, name))


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (Windows has no folder fsync; NTFS journals it)."""
    if not POSIX:
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        if error.errno not in _FOLDER_SYNC_UNSUPPORTED:
            raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _keep_backup(path: Path) -> None:
    """Make ``NAME.bak`` the current version of ``path`` before it is replaced."""
    backup = backup_path(path)
    staging = path.with_name(f".{path.name}.bak{TEMP_SUFFIX}")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    try:
        os.link(path, staging)
    except FileNotFoundError:
        return  # nothing to back up yet
    except OSError:
        # File systems without hard links (some network and FAT drives): copy instead.
        shutil.copy2(path, staging)
        if POSIX:
            os.chmod(staging, FILE_MODE)
    os.replace(staging, backup)


def refresh_backup(path: Path) -> None:
    """Make ``NAME.bak`` a copy of the current version of ``path`` now, so the previous
    version is no longer kept (it held something the user removed on purpose). A copy, not
    a hard link: a program that then writes the file in place must not change its backup."""
    backup = backup_path(path)
    if backup.exists():
        write_atomic(backup, path.read_bytes(), keep_backup=False)


def write_atomic(path: Path, data: bytes | Sequence[bytes], *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` (bytes, or byte strings written in order) atomically;
    raises ``OSError`` with the old file intact."""
    folder = path.parent
    ensure_private_dir(folder)
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    temp = Path(temp_name)
    try:
        try:
            if POSIX:
                os.fchmod(fd, FILE_MODE)
            for chunk in (data,) if isinstance(data, bytes) else data:
                _write_all(fd, chunk)
            os.fsync(fd)
        finally:
            os.close(fd)
        if keep_backup:
            _keep_backup(path)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(folder)


def remove_stale_temporaries(folder: Path, targets: str,
                             older_than_seconds: float = 3600.0) -> int:
    """Delete temporary files a writer killed mid-save left for files whose names match the
    regular expression ``targets``; returns how many.

    Only ours (``.NAME.<random>.tmp`` and ``.NAME.bak.tmp`` for a NAME in ``targets``), since
    ``--store`` may name a folder that holds other people's files; and only old ones, since a
    young temporary file may belong to another process saving right now.
    """
    import re
    import time

    ours = re.compile(rf"\.(?:{targets})\..+{re.escape(TEMP_SUFFIX)}")
    removed = 0
    limit = time.time() - older_than_seconds
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if ours.fullmatch(entry.name):
            with contextlib.suppress(OSError):
                if entry.stat().st_mtime < limit:
                    os.unlink(entry.path)
                    removed += 1
    return removed
