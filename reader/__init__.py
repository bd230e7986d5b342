"""Claim Reader: an offline reader for fact-checkers.

The package is split so that everything but ``reader.ui`` runs without Qt: the document model
and loaders (``reader.document``), the analysis (``reader.analysis``), the review store
(``reader.store``) and the command line (``reader.cli``). ``reader.ui`` renders the core's model
and calls the core, never the reverse.
"""

APP_NAME = "Claim Reader"
APP_ID = "claim-reader"
ORG_NAME = "ClaimReader"

# Written here rather than read with importlib.metadata, whose import (email parsing and all)
# cost 23 ms of every start; tests/packaging/test_installer_recipes.py checks that it equals
# pyproject.toml's version.
__version__ = "0.1.0"
