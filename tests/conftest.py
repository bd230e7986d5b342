"""Suite-wide set-up: offscreen Qt, no network, and nothing written outside temporary folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

GUARD_DIR = Path(__file__).parent / "network_guard"
sys.path.insert(0, str(GUARD_DIR))

import network_guard  # noqa: E402

network_guard.install()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true",
                     help="show windows on the real display instead of offscreen")


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Subprocesses get the network guard too, through sitecustomize on their path.
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(GUARD_DIR), os.environ.get("PYTHONPATH", "")) if p)
    # Nothing the tests do may touch the real user's store, settings or data.
    sandbox = Path(os.environ.get("PYTEST_SANDBOX") or _make_sandbox())
    os.environ["CLAIM_READER_STORE"] = str(sandbox / "store")
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        os.environ[var] = str(sandbox / sub)
    os.environ["CLAIM_READER_NETWORK_LOG"] = str(sandbox / "network.log")


def _make_sandbox() -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="claim-reader-tests-")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Any attempt, even one the code under test swallowed, fails the run."""
    log = Path(os.environ.get("CLAIM_READER_NETWORK_LOG", ""))
    attempts = log.read_text(encoding="utf-8").splitlines() if log.is_file() else []
    if attempts:
        sys.stderr.write("\nNETWORK ACCESS ATTEMPTED DURING THE TESTS:\n" + "\n".join(attempts))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True, scope="session")
def _isolated_qsettings(tmp_path_factory: pytest.TempPathFactory):
    """Window settings go to a temporary folder (only when Qt is in use at all)."""
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # the core's tests do not need Qt
        yield
        return
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield
