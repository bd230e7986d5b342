"""Makes every attempt to open a network connection fail, loudly.

Claim Reader must never touch the network. The guard is installed in the test process by
tests/conftest.py and, through sitecustomize.py on PYTHONPATH, in every Python subprocess the
tests start. Local (AF_UNIX) sockets stay allowed: they are not the network.
"""

from __future__ import annotations

import os
import socket
import sys
import traceback

ATTEMPTS: list[str] = []
_expected_depth = 0
_installed = False


class NetworkAccessError(RuntimeError):
    pass


def _is_network(family: int) -> bool:
    return family in (socket.AF_INET, socket.AF_INET6)


def _refuse(what: str, address: object) -> None:
    message = f"network access attempted: {what} {address!r}"
    if not _expected_depth:
        ATTEMPTS.append(message + "\n" + "".join(traceback.format_stack(limit=8)))
        log_path = os.environ.get("CLAIM_READER_NETWORK_LOG")
        if log_path:
            with open(log_path, "a", encoding="utf-8") as log:
                log.write(f"[pid {os.getpid()}] {message}\n")
        print(message, file=sys.stderr)
    raise NetworkAccessError(message)


class expected_refusal:
    """Inside this block, a refused attempt is what the test wants and is not recorded."""

    def __enter__(self) -> None:
        global _expected_depth
        _expected_depth += 1

    def __exit__(self, *exc: object) -> None:
        global _expected_depth
        _expected_depth -= 1


def install() -> None:
    global _installed
    if _installed:
        return
    _installed = True
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex
    original_sendto = socket.socket.sendto

    def connect(self: socket.socket, address: object) -> None:
        if _is_network(self.family):
            _refuse("connect", address)
        return original_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        if _is_network(self.family):
            _refuse("connect_ex", address)
        return original_connect_ex(self, address)

    def sendto(self: socket.socket, data: bytes, *args: object) -> int:
        if _is_network(self.family):
            _refuse("sendto", args[-1] if args else None)
        return original_sendto(self, data, *args)

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> list:
        _refuse("getaddrinfo", host)
        return []

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = sendto  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo  # type: ignore[assignment]
