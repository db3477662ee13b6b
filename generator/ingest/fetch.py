"""Fetching a page by its address: ``http`` and ``https`` only, with timeouts and a size cap.

Any other scheme (``file:``, ``ftp:``, ``data:``, ``javascript:``) is refused before anything is
opened. The body is streamed and cut off at :data:`~generator.ingest.pages.MAX_PAGE_BYTES`; a
server that answers slowly, byte by byte, is given up after :attr:`FetchLimits.deadline`
seconds. Redirects are followed (at most :attr:`FetchLimits.redirects`), only to http and https.
"""

from __future__ import annotations

import re
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from generator.errors import SourceError
from generator.ingest.pages import MAX_PAGE_BYTES, Page, decode_html

if TYPE_CHECKING:
    import requests

SCHEMES = ("http", "https")
"""The only schemes fetched."""
USER_AGENT = "casefile-add/0.1 (reads one news article for a case file)"
# What a page's content type may be: a web page, or a saved one served as a file.
_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)
_FIX_ADDRESS = "check the address in a browser, or save the page there and add the saved file"


@dataclass(frozen=True)
class FetchLimits:
    """How long and how much a fetch may take."""

    connect: float = 10.0
    """Seconds to wait for the connection."""
    read: float = 30.0
    """Seconds to wait for the next bytes of the answer."""
    deadline: float = 60.0
    """Seconds for the whole page."""
    max_bytes: int = MAX_PAGE_BYTES
    """Largest page fetched."""
    redirects: int = 5
    """Redirects followed."""


def is_address(text: str) -> bool:
    """Whether ``text`` is written as an address (``scheme:…``), whatever its scheme; a Windows
    drive letter (``C:\\``) is not a scheme."""
    return re.match(r"[A-Za-z][A-Za-z0-9+.-]+:", text) is not None


def check_address(address: str) -> str:
    """``address`` when ``casefile add`` may fetch it; otherwise :class:`SourceError` says why."""
    parts = urlsplit(address)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise SourceError(f"only http and https addresses are fetched, not {scheme}:",
                          "give the page's http(s) address, or the path of a page saved on this machine "
                          "(without file://)")
    if not parts.hostname:
        raise SourceError("the address names no host", "give the whole address, such as https://example.com/article")
    if any(c.isspace() or ord(c) < 32 for c in address):
        raise SourceError("the address holds spaces or control characters", "copy the address again from the browser")
    return address


def fetch_page(address: str, limits: FetchLimits = FetchLimits()) -> Page:
    """The page at an http or https address; :class:`SourceError` when it cannot be had."""
    import requests  # imported late: only adding an address needs it

    check_address(address)
    started = time.monotonic()
    with requests.Session() as session:
        session.max_redirects = limits.redirects
        try:
            with session.get(address, stream=True, timeout=(limits.connect, limits.read),
                             headers={"User-Agent": USER_AGENT,
                                      "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"}) as response:
                if response.status_code >= 400:
                    raise SourceError(f"the server answered {response.status_code} {response.reason or ''}".rstrip(),
                                      _FIX_ADDRESS)
                content_type = response.headers.get("Content-Type", "")
                if content_type and content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
                    raise SourceError(f"not a web page (the server sent {content_type.split(';')[0].strip()})",
                                      "give the address of the article's page")
                body = _read_body(response, limits, started)
                final = response.url
        except requests.exceptions.TooManyRedirects as exc:
            raise SourceError(f"more than {limits.redirects} redirects", _FIX_ADDRESS) from exc
        except requests.exceptions.Timeout as exc:
            raise SourceError("the server did not answer in time", _FIX_ADDRESS) from exc
        except requests.exceptions.SSLError as exc:
            raise SourceError("the site's certificate could not be checked", _FIX_ADDRESS) from exc
        except requests.exceptions.InvalidSchema as exc:
            raise SourceError("redirected to an address that is not http or https", _FIX_ADDRESS) from exc
        except requests.exceptions.ConnectionError as exc:
            raise SourceError(f"cannot reach the host ({_reason(exc)})",
                              "check the address and that this machine is online") from exc
        except requests.exceptions.RequestException as exc:
            raise SourceError(f"cannot be fetched ({_reason(exc)})", _FIX_ADDRESS) from exc
    match = _CHARSET.search(content_type)
    return Page(decode_html(body, match.group(1) if match else None), final, "the address it was fetched from",
                address)


def _read_body(response: requests.Response, limits: FetchLimits, started: float) -> bytes:
    """The answer's body, refused past the size cap or the deadline."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise SourceError(f"the page is {int(declared):,} bytes, more than the {limits.max_bytes:,} fetched",
                          "give the address of the article's page")
    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=64 * 1024):
        size += len(chunk)
        if size > limits.max_bytes:
            raise SourceError(f"the page is more than the {limits.max_bytes:,} bytes fetched",
                              "give the address of the article's page")
        if time.monotonic() - started > limits.deadline:
            raise SourceError(f"the page took more than {limits.deadline:.0f} s to arrive", _FIX_ADDRESS)
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(exc: BaseException) -> str:
    """The innermost cause of a failed request, in a few words ("Connection refused")."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, socket.gaierror):
            return "the host name is not known"
        if isinstance(current, OSError) and current.strerror:
            return str(current.strerror)
        inner = next((a for a in current.args if isinstance(a, BaseException)), None)
        current = inner or current.__cause__ or current.__context__
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]
