"""The review store: one JSON file per reviewed document, under one root folder. Qt-free.

Start with ``ReviewStore(root).open_review(document)``; see ``reader.store.store`` for the API
and docs/store.md for the files on disk. Names are imported lazily so that importing
``reader.store.location`` (which every command does) stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "ClaimNotFoundError": "errors", "ReviewNotFoundError": "errors",
    "StoreCorruptError": "errors", "StoreError": "errors", "StoreLockedError": "errors",
    "DamagedReviewError": "errors", "StoreConflictError": "errors",
    "StoreNewerError": "errors", "StoreReadOnlyError": "errors", "StoreWriteError": "errors",
    "IndexEntry": "index", "Conflict": "merge", "MergeReport": "merge",
    "SCHEMA_VERSION": "model", "STATUSES": "model", "Anchor": "model",
    "DocumentSnapshot": "model", "Progress": "model", "Review": "model", "ReviewClaim": "model",
    "Source": "model", "StatusChange": "model", "OpenConflict": "model", "Recheck": "model",
    "OpenReview": "store", "ReviewStore": "store",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'reader.store' has no attribute {name!r}")
    return getattr(importlib.import_module(f"reader.store.{module}"), name)
