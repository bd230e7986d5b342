"""A single-file web page (.mhtml / .mht, as Chrome, Edge and Opera save one): the HTML part
of a MIME multipart message, read with the standard library's email parser and then read as
any saved page. Images, styles and scripts in the other parts are never used."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from pathlib import Path

from reader.document.errors import DocumentError


def html_of_web_archive(data: bytes, path: Path) -> str:
    """The page's HTML, decoded by the charset its part declares."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    part = _html_part(message)
    if part is None:
        raise DocumentError(path, f"Cannot open {path}: the web archive holds no HTML page. "
                                  "Save the page again from the browser and open that.")
    try:
        html = part.get_content()
    except (LookupError, ValueError, UnicodeError):
        payload = part.get_payload(decode=True) or b""
        html = payload.decode("utf-8", errors="replace")
    if not isinstance(html, str) or not html.strip():
        raise DocumentError(path, f"Cannot open {path}: the web archive's page is empty. "
                                  "Save the page again from the browser and open that.")
    return html


def _html_part(message: EmailMessage) -> EmailMessage | None:
    """The first text/html part: the saved page (later ones are its frames)."""
    if not message.is_multipart():
        return message if message.get_content_type() == "text/html" else None
    for part in message.walk():
        if part.get_content_type() == "text/html" and not part.is_multipart():
            return part  # type: ignore[return-value]
    return None
