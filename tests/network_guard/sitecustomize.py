"""Installs the network guard in Python subprocesses started by the tests."""

import network_guard

network_guard.install()
