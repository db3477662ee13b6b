"""The saved-page fixtures of ``tests/ingest/pages/`` and what they hold, and a web server on
127.0.0.1 for the tests of fetching (no test uses the network)."""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PAGES = Path(__file__).resolve().parent / "ingest" / "pages"
"""The saved pages: six in four languages (``case/``) and a reprint of one (``reprint/``)."""
CASE_PAGES = PAGES / "case"
REPRINT = PAGES / "reprint" / "valleyherald-en.html"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((PAGES / "expected.yml").read_text(encoding="utf-8"))
"""Each page's article paragraphs, furniture phrases and sidecar fields, read by hand."""
ADDED_ON = "2024-03-14"
"""The day the tests add the pages (``SOURCE_DATE_EPOCH``)."""
ADDED_EPOCH = "1710417600"  # 2024-03-14T12:00:00Z


def page(name: str) -> Path:
    """The fixture page of that name."""
    return next(PAGES.rglob(name))


@dataclass(frozen=True)
class Route:
    """What the test server answers at one path."""

    body: bytes = b""
    """The answer's body."""
    status: int = 200
    """Its status."""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=utf-8"),)
    """Its headers (Content-Length is added)."""


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (just now)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serving(routes: Mapping[str, Route]) -> Iterator[str]:
    """A web server on 127.0.0.1 answering ``routes`` (404 elsewhere); yields its base address."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            route = routes.get(self.path, Route(b"not here", 404))
            self.send_response(route.status)
            for name, value in route.headers:
                self.send_header(name, value)
            if not any(name.lower() == "content-length" for name, _ in route.headers):
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            with contextlib.suppress(ConnectionError):
                self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file in a folder (hidden ones too) by name, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
