"""Saved web pages: their HTML, decoded, and the address they were saved from.

A browser saves a page as ``.html``/``.htm`` (the markup, perhaps with a ``saved from url``
comment) or as ``.mhtml`` (Chrome's and Edge's "single file": a MIME message whose ``text/html``
part is the page, and whose ``Snapshot-Content-Location`` header is its address).
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from generator.errors import SourceError

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".mhtml", ".mht")
"""Saved pages ``casefile add`` reads (case does not matter)."""
MHTML_SUFFIXES = (".mhtml", ".mht")
"""Pages saved as one MIME file."""
MAX_PAGE_BYTES = 20 * 1024 * 1024
"""Largest page read or fetched; a news page is far smaller, so a bigger one is refused rather than
exhausting memory."""

# The HTML standard's encoding prescan looks at the first 1024 bytes; pages in the wild put the
# declaration later, after long comments or scripts.
_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# Browsers read these labels as windows-1252 (the HTML standard's encoding table).
_WINDOWS_1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
                           "cp819", "ibm819", "iso-ir-100", "x-cp1252"})
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """A web page as ``casefile add`` reads it."""

    html: str
    """The page's markup, decoded."""
    address: str | None
    """The address the page came from, when known (fetched, or recorded when it was saved)."""
    address_origin: str | None
    """Where :attr:`address` comes from, in words, for the sidecar's notes."""
    name: str
    """The file name or address, for the sidecar's notes and a fallback seed name."""


def decode_html(data: bytes, declared: str | None = None) -> str:
    """The text of an HTML document's bytes.

    The encoding is, in order: a byte-order mark; ``declared`` (the HTTP header's or the MIME
    part's charset); a ``<meta charset>`` near the start; UTF-8 when the bytes are valid UTF-8;
    else windows-1252, the HTML standard's default for pages in the languages of these cases (a
    guess from the bytes reads a Norwegian "Ø" as a Baltic "Ų"). Labels that browsers read as
    windows-1252 (``iso-8859-1``) are read as windows-1252, as browsers do.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    found = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    for label in (declared, found.group(1).decode("ascii", "replace") if found else None):
        known = _codec(label)
        if known is not None:
            return data.decode(known, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _codec(label: str | None) -> str | None:
    """The Python codec of an encoding label, or ``None`` for an unknown or UTF-16 label (a page
    declaring UTF-16 in ASCII bytes is not UTF-16)."""
    if not label:
        return None
    label = label.strip().lower()
    if label in _WINDOWS_1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return None if name.startswith("utf-16") else name


def read_mhtml(data: bytes) -> tuple[bytes, str | None, str | None]:
    """The page in an MHTML file: its HTML bytes, their declared charset and the page's address."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                location = message.get("Snapshot-Content-Location") or _part_location(part)
                return payload, part.get_content_charset(), _http_address(location)
    raise SourceError("the MHTML file holds no web page (no text/html part)",
                      "save the page again in the browser (Save as: 'Webpage, single file')")


def _part_location(part: Message) -> str | None:
    location = part.get("Content-Location")
    return str(location) if location else None


def _http_address(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if re.fullmatch(r"https?://[^\s<>\"']+", value) else None


def read_page_file(path: Path, name: str) -> Page:
    """A saved page from a file; ``name`` is how the notes call it (the file's name)."""
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise SourceError(f"the page is {size:,} bytes, more than the {MAX_PAGE_BYTES:,} read",
                              "save only the article's page (not a whole site or a video)")
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot be read ({exc.strerror})", "check the file's permissions") from exc
    if not data.strip():
        raise SourceError("the file is empty", "save the page again in the browser")
    if path.suffix.lower() in MHTML_SUFFIXES:
        body, charset, address = read_mhtml(data)
        return Page(decode_html(body, charset), address,
                    "the MHTML file (the address the browser saved it from)" if address else None, name)
    html = decode_html(data)
    saved_from = _SAVED_FROM.search(html, 0, _PRESCAN_BYTES)
    address = saved_from.group(1) if saved_from else None
    return Page(html, address, "the browser's 'saved from url' comment" if address else None, name)
