"""Claim Reader: an offline reader for fact-checkers.

The package is split so that everything but ``reader.ui`` runs without Qt: the document model
and loaders (``reader.document``), the analysis (``reader.analysis``), the review store
(``reader.store``) and the command line (``reader.cli``). ``reader.ui`` renders the core's model
and calls the core, never the reverse.
"""

from importlib import metadata

APP_NAME = "Claim Reader"
APP_ID = "claim-reader"
ORG_NAME = "ClaimReader"

try:
    __version__ = metadata.version("claim-reader")
except metadata.PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"
