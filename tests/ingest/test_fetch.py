"""Fetching an address: http and https only, with a size cap and timeouts; every failure one
clear line. The pages come from a server on 127.0.0.1 that the test starts."""

from __future__ import annotations

import time

import pytest
from pagekit import Route, free_port, page, serving

from generator.errors import SourceError
from generator.ingest.fetch import FetchLimits, check_address, fetch_page, is_address

ARTICLE = page("kystavisa-nb.html").read_bytes()


def refusal(address: str, limits: FetchLimits | None = None) -> str:
    with pytest.raises(SourceError) as raised:
        fetch_page(address, limits or FetchLimits())
    return raised.value.line(address)


def test_a_page_is_fetched_with_its_address_and_charset():
    latin = "<html><body><p>Herøy – «Nordic Tern»</p></body></html>".encode("cp1252")
    routes = {"/nyheter/a": Route(ARTICLE),
              "/latin": Route(latin, headers=(("Content-Type", "text/html; charset=windows-1252"),)),
              "/moved": Route(status=301, headers=(("Location", "/nyheter/a"),))}
    with serving(routes) as base:
        fetched = fetch_page(f"{base}/nyheter/a")
        assert fetched.html == ARTICLE.decode("utf-8") and fetched.address == f"{base}/nyheter/a"
        assert fetched.address_origin == "the address it was fetched from"
        assert "Herøy – «Nordic Tern»" in fetch_page(f"{base}/latin").html
        assert fetch_page(f"{base}/moved").address == f"{base}/nyheter/a"


def test_what_the_server_refuses_or_sends_instead_is_one_line():
    routes = {"/gone": Route(b"no", 410),
              "/logo.png": Route(b"\x89PNG", headers=(("Content-Type", "image/png"),)),
              "/to-file": Route(status=302, headers=(("Location", "file:///etc/passwd"),)),
              "/big": Route(b"<p>" + b"x" * 5000 + b"</p>")}
    with serving(routes) as base:
        assert refusal(f"{base}/gone") == (f"{base}/gone: the server answered 410 Gone — check the address in a "
                                           "browser, or save the page there and add the saved file")
        assert refusal(f"{base}/logo.png") == (f"{base}/logo.png: not a web page (the server sent image/png) — give "
                                               "the address of the article's page")
        assert refusal(f"{base}/to-file").startswith(f"{base}/to-file: redirected to an address that is not http or "
                                                     "https — ")
        assert refusal(f"{base}/big", FetchLimits(max_bytes=1000)) == (
            f"{base}/big: the page is 5,007 bytes, more than the 1,000 fetched — give the address of the article's "
            "page")


def test_a_host_that_cannot_be_reached_fails_fast_in_one_line():
    address = f"http://127.0.0.1:{free_port()}/news"
    started = time.monotonic()
    line = refusal(address)
    assert time.monotonic() - started < 5
    assert line == (f"{address}: cannot reach the host (Connection refused) — check the address and that this "
                    "machine is online")


@pytest.mark.parametrize("address", ["file:///etc/passwd", "FILE:seeds/a.html", "ftp://example.org/a.html",
                                     "data:text/html,<p>x</p>", "javascript:alert(1)"])
def test_only_http_and_https_are_fetched(address):
    scheme = address.split(":")[0].lower()
    with pytest.raises(SourceError) as raised:
        check_address(address)
    assert raised.value.line(address) == (
        f"{address}: only http and https addresses are fetched, not {scheme}: — give the page's http(s) address, "
        "or the path of a page saved on this machine (without file://)")


def test_what_is_an_address():
    assert is_address("https://example.org/a") and is_address("file:///x") and is_address("mailto:a@b")
    assert not is_address("C:\\Users\\page.html") and not is_address("seeds/a.html") and not is_address("page.html")
    with pytest.raises(SourceError, match="the address names no host"):
        check_address("http:///news")
