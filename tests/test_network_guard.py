"""The guard itself: a connection attempt in the tests or in a subprocess is refused."""

import socket
import subprocess
import sys

import network_guard
import pytest


def test_tcp_connect_is_refused() -> None:
    with network_guard.expected_refusal(), pytest.raises(network_guard.NetworkAccessError):
        socket.create_connection(("127.0.0.1", 9), timeout=1)


def test_name_lookup_is_refused() -> None:
    with network_guard.expected_refusal(), pytest.raises(network_guard.NetworkAccessError):
        socket.getaddrinfo("example.org", 80)


def test_local_unix_sockets_still_work() -> None:
    left, right = socket.socketpair()
    with left, right:
        left.sendall(b"ok")
        assert right.recv(2) == b"ok"


def test_subprocesses_are_guarded_too(tmp_path) -> None:
    code = (
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('127.0.0.1', 9), timeout=1)\n"
        "except Exception as e:\n"
        "    print(type(e).__name__)\n"
    )
    env_log = tmp_path / "net.log"
    import os

    env = {**os.environ, "CLAIM_READER_NETWORK_LOG": str(env_log)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, timeout=60)
    assert out.stdout.strip() == "NetworkAccessError"
    assert "network access attempted" in env_log.read_text()
