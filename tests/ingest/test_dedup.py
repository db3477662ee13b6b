"""A source already in the case: the same address, the same text, or a near copy."""

from __future__ import annotations

from pagekit import EXPECTED

from generator.ingest.dedup import (
    MIN_SHINGLES,
    NEAR_COPY_SHARE,
    address_key,
    find_twin,
    fingerprint,
    shared,
    shingles,
    text_key,
)


def text_of(name: str) -> str:
    return "\n\n".join(EXPECTED[name]["paragraphs"])


def test_addresses_that_name_the_same_page_are_the_same():
    same = ["https://www.Example.org/news/a/", "http://example.org:80/news/a", "https://example.org/news/a#top",
            "https://example.org/news/a?utm_source=x&utm_medium=y", "https://EXAMPLE.org:443/news/a/?fbclid=z"]
    assert len({address_key(a) for a in same}) == 1
    different = ["https://example.org/news/b", "https://example.org:8080/news/a", "https://example.org/news/a?id=2",
                 "https://example.com/news/a", "https://example.org/News/a"]
    assert len({address_key(a) for a in [same[0], *different]}) == 1 + len(different)
    assert address_key("https://example.org/a?b=2&a=1") == address_key("https://example.org/a?a=1&b=2")


def test_the_same_words_are_the_same_text():
    assert text_key("The ship, lost\n\n46 containers.") == text_key("the ship lost 46   containers")
    assert text_key("The ship lost 46 containers.") != text_key("The ship lost 47 containers.")


def test_a_wire_story_reprinted_is_a_near_copy_and_another_report_is_not():
    wire, reprint = shingles(text_of("coastwatch-en.html")), shingles(text_of("valleyherald-en.html"))
    other = shingles(text_of("harbourtimes-en.mhtml"))
    assert shared(wire, reprint) >= NEAR_COPY_SHARE > shared(wire, other)
    assert shared(wire, reprint) == shared(reprint, wire)


def test_a_short_text_is_too_short_to_call_a_copy():
    short = "The ship lost forty-six containers in the storm off Stad on Monday night."
    assert len(shingles(short)) < MIN_SHINGLES
    assert shared(shingles(short), shingles(short + " " + text_of("coastwatch-en.html"))) == 0.0


def test_the_twin_is_the_same_address_first_then_the_same_text_then_the_nearest_copy():
    wire = fingerprint("000_wire.txt", text_of("coastwatch-en.html"), "https://wire.example/a")
    other = fingerprint("001_other.txt", text_of("kystavisa-nb.html"), "https://other.example/b")
    known = [wire, other]
    by_address = find_twin(fingerprint("new", text_of("lequotidien-fr.html"), "http://www.other.example/b/"), known)
    assert by_address is not None and (by_address.kind, by_address.twin.name) == ("same address", "001_other.txt")
    by_text = find_twin(fingerprint("new", text_of("kystavisa-nb.html").upper(), None), known)
    assert by_text is not None and (by_text.kind, by_text.twin.name) == ("same text", "001_other.txt")
    near = find_twin(fingerprint("new", text_of("valleyherald-en.html"), "https://valley.example/c"), known)
    assert near is not None and (near.kind, near.twin.name) == ("near copy", "000_wire.txt") and near.share > 0.8
    assert find_twin(fingerprint("new", text_of("nordkurier-de.html"), None), known) is None
