"""Saved pages: decoded as a browser would, and the address they were saved from."""

from __future__ import annotations

import codecs

import pytest
from pagekit import page

from generator.errors import SourceError
from generator.ingest import pages
from generator.ingest.pages import decode_html, read_mhtml, read_page_file


def test_a_declared_latin_charset_is_read_as_windows_1252():
    html = '<html><head><meta charset="iso-8859-1"></head><body>\u201cHer\u00f8y\u201d</body></html>'
    assert decode_html(html.encode("cp1252")) == html


def test_the_charset_declared_outside_wins_over_the_meta_tag_and_a_byte_order_mark_over_both():
    html = '<meta charset="utf-8"><p>Nordk\u00fcsten</p>'
    assert decode_html(html.encode("cp1252"), declared="windows-1252") == html
    assert decode_html(codecs.BOM_UTF8 + html.encode("utf-8"), declared="latin-1") == html


def test_undeclared_bytes_are_utf_8_when_they_can_be_else_windows_1252():
    assert decode_html("<p>Tromsø</p>".encode()) == "<p>Tromsø</p>"
    text = "<p>" + "Ålesund og Herøy får mye vær, sier meteorologen på Ørsta. " * 20 + "</p>"
    assert decode_html(text.encode("cp1252")) == text


def test_a_saved_page_in_windows_1252_keeps_its_letters():
    html = read_page_file(page("fjordposten-nb.htm"), "fjordposten-nb.htm").html
    assert "Containere drev inn mot Herøy" in html and "«Nordic Tern»" in html


def test_an_mhtml_file_gives_its_page_and_the_address_it_was_saved_from():
    saved = read_page_file(page("harbourtimes-en.mhtml"), "harbourtimes-en.mhtml")
    assert saved.address == "https://harbourtimes.example/news/2024/03/12/storm-norway-containers/"
    assert saved.address_origin == "the MHTML file (the address the browser saved it from)"
    assert "Ålesund" in saved.html and "=3D" not in saved.html and "font-family" not in saved.html


def test_an_mhtml_file_without_a_page_is_refused():
    message = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
               b"Content-Type: text/css\r\n\r\nbody {}\r\n--b--\r\n")
    with pytest.raises(SourceError, match=r"the MHTML file holds no web page \(no text/html part\)"):
        read_mhtml(message)


def test_the_saved_from_comment_gives_the_address(tmp_path):
    path = tmp_path / "p.html"
    path.write_text("<!-- saved from url=(0031)https://example.org/news/1.html -->\n<html></html>")
    saved = read_page_file(path, "p.html")
    assert saved.address == "https://example.org/news/1.html"
    assert saved.address_origin == "the browser's 'saved from url' comment"


def test_a_page_larger_than_the_cap_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>" + b"x" * 100 + b"</p>")
    monkeypatch.setattr(pages, "MAX_PAGE_BYTES", 50)
    with pytest.raises(SourceError) as raised:
        read_page_file(path, "big.html")
    assert raised.value.line("big.html") == ("big.html: the page is 107 bytes, more than the 50 read — save only "
                                              "the article's page (not a whole site or a video)")
