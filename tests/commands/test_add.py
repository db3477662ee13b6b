"""``casefile add``: the issue's must-shows, end to end through the command line.

Six saved pages in four languages become six seeds whose sidecars hold what the pages give, and
``casefile build`` shows those fields on the source cards; the same page twice adds nothing; an
address that cannot be reached and a ``file:`` address are refused in one line each, with
``seeds/`` unchanged; a reprint is added as a near copy, shown so, and counted once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
import yaml
from conftest import casefile
from pagekit import ADDED_EPOCH, ADDED_ON, CASE_PAGES, EXPECTED, REPRINT, Route, folder_bytes, free_port, page, serving

from generator.commands.add import AddOptions, add_sources, retrieved_on
from generator.commands.serve import SeedWatcher


@pytest.fixture(autouse=True)
def added_on_a_fixed_day(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", ADDED_EPOCH)


def add(*args: str) -> tuple[int, str, str]:
    return casefile("add", *args)


def sidecars(seeds: Path) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.yml"))}


def test_six_saved_pages_in_four_languages_make_six_seeds_with_their_fields(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    code, out, err = add(str(CASE_PAGES), "--seeds", str(seeds))
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "casefile: 6 added, 0 already in the case, 0 not added"
    names = sorted(p.name for p in seeds.glob("*.txt"))
    assert names == ["000_coastwatch-news.txt", "001_fjordposten-nb.txt", "002_the-harbour-times.txt",
                     "003_kystavisa.txt", "004_le-quotidien-du-large.txt", "005_nordkusten-kurier.txt"]
    by_page = dict(zip(sorted(p.name for p in CASE_PAGES.iterdir()), sorted(seeds.glob("*.txt")), strict=True))
    for name, seed in by_page.items():
        expected = EXPECTED[name]
        text = seed.read_text(encoding="utf-8")
        assert text == "\n\n".join(expected["paragraphs"]) + "\n", name
        assert [phrase for phrase in expected["furniture"] if phrase in text] == [], name
        sidecar = yaml.safe_load(seed.with_suffix(".yml").read_text(encoding="utf-8"))
        notes = sidecar.pop("notes")
        assert sidecar == {**expected["sidecar"], "retrieved": ADDED_ON}, name
        assert notes.startswith(f"Added by casefile add from {name}. Where each field came from: title from ")
    assert {len(EXPECTED[n]["sidecar"]) for n in by_page} == {3, 6}  # the Fjordposten page gives no outlet, url, author
    assert "001_fjordposten-nb.htm" not in out and ("fjordposten-nb.htm: added as" in out)
    assert "not in the page: outlet, url, author" in out


def test_the_build_shows_the_fields_on_the_source_cards(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    assert add(str(CASE_PAGES), "--seeds", str(seeds))[0] == 0
    code, _, err = casefile("build", "--seeds", str(seeds), "--out", str(tmp_path / "docs"), "--jobs", "1",
                            "--no-cache")
    assert code == 0, err
    card = (tmp_path / "docs" / "sources" / "003-kystavisa.md").read_text(encoding="utf-8")
    assert '<h1 class="cf-title" lang="nb">Skip mistet 46 containere i uvær ved Stad</h1>' in card
    for row in ("<dt>Outlet</dt><dd>Kystavisa</dd>", "<dt>Published</dt><dd>2024-03-12T07:41:12+01:00</dd>",
                "<dt>Author</dt><dd>Ingrid Solheim</dd>", "<dt>Retrieved</dt><dd>2024-03-14</dd>",
                '<dt>Address</dt><dd><a href="https://www.kystavisa.example/nyheter/i/Xq3bLm/skip-mistet-46-'
                'containere-i-uvaer-ved-stad" rel="nofollow noopener">'):
        assert row in card
    case = json.loads((tmp_path / "docs" / "data" / "case.json").read_text(encoding="utf-8"))
    shown = {s["id"]: (s["title"], s["outlet"], s["url"], s["published"]) for s in case["sources"]}
    assert shown["001-fjordposten-nb"] == ("Containere drev inn mot Herøy", None, None, "2024-03-13")
    assert shown["005-nordkusten-kurier"] == (
        "Sturm vor Norwegen: Frachter verliert 46 Container", "Nordküsten-Kurier",
        "https://www.nordkurier.example/panorama/sturm-norwegen-frachter-container-100.html",
        "2024-03-12T10:02:00+01:00")
    assert all(s["retrieved"] == ADDED_ON for s in case["sources"])


def test_adding_the_same_page_twice_adds_nothing_the_second_time(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    assert add(str(page("coastwatch-en.html")), "--seeds", str(seeds))[0] == 0
    before = folder_bytes(seeds)
    copy = tmp_path / "again.html"
    shutil.copy(page("coastwatch-en.html"), copy)
    code, out, err = add(str(page("coastwatch-en.html")), str(copy), "--seeds", str(seeds))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].endswith("coastwatch-en.html: already in the case as "
                             f"{os.path.relpath(seeds / '000_coastwatch-news.txt')} (same address) — not added")
    assert lines[-1] == "casefile: 0 added, 2 already in the case, 0 not added"
    assert folder_bytes(seeds) == before


def test_the_same_text_under_another_address_is_not_added_again(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    assert add(str(page("kystavisa-nb.html")), "--seeds", str(seeds))[0] == 0
    moved = tmp_path / "moved.html"
    moved.write_text(page("kystavisa-nb.html").read_text(encoding="utf-8").replace("Xq3bLm", "Zz99"), encoding="utf-8")
    code, out, _ = add(str(moved), "--seeds", str(seeds))
    assert code == 0 and "(same text) — not added" in out
    assert len(list(seeds.glob("*.txt"))) == 1


def test_an_address_that_cannot_be_reached_exits_non_zero_in_one_line_and_leaves_seeds_unchanged(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "000_x.txt").write_text("A seed already there.\n")
    before = folder_bytes(seeds)
    address = f"http://127.0.0.1:{free_port()}/news/storm"
    code, out, err = add(address, "--seeds", str(seeds))
    assert code == 2
    assert err.splitlines() == [f"{address}: cannot reach the host (Connection refused) — check the address and that "
                                "this machine is online"]
    assert out == "casefile: 0 added, 0 already in the case, 1 not added\n"
    assert folder_bytes(seeds) == before


def test_a_file_address_is_refused_and_seeds_are_unchanged(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    before = folder_bytes(seeds)
    address = page("kystavisa-nb.html").as_uri()
    code, _, err = add(address, "--seeds", str(seeds))
    assert code == 2
    assert err.splitlines() == [f"{address}: only http and https addresses are fetched, not file: — give the page's "
                                "http(s) address, or the path of a page saved on this machine (without file://)"]
    assert folder_bytes(seeds) == before


def test_a_source_that_fails_does_not_stop_the_others(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    empty = tmp_path / "cookie-wall.html"
    empty.write_text("<html><body><div class='cookie'>We use cookies.</div><nav>Home</nav></body></html>")
    missing = tmp_path / "nowhere.html"
    code, out, err = add(str(empty), str(page("lequotidien-fr.html")), str(missing), "ftp://example.org/a",
                         "--seeds", str(seeds))
    assert code == 2
    assert len(err.splitlines()) == 3
    assert "cookie-wall.html: no article text found in the page (only 4 words outside menus" in err
    assert "nowhere.html: no such file or folder — check the path, or give the page's http(s) address" in err
    assert "ftp://example.org/a: only http and https addresses are fetched, not ftp:" in err
    assert out.splitlines()[-1] == "casefile: 1 added, 0 already in the case, 3 not added"
    assert sorted(p.name for p in seeds.iterdir()) == ["000_le-quotidien-du-large.txt", "000_le-quotidien-du-large.yml"]


def test_the_same_pages_give_the_same_bytes(tmp_path):
    runs = []
    for name in ("one", "two"):
        seeds = tmp_path / name
        seeds.mkdir()
        assert add(str(CASE_PAGES), str(REPRINT), "--seeds", str(seeds))[0] == 0
        runs.append(folder_bytes(seeds))
    assert runs[0] == runs[1] and len(runs[0]) == 14


def test_numbering_continues_after_the_highest_number_and_the_options_win(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "041_older.txt").write_text("An older seed, added by hand, about something else entirely.\n")
    (seeds / "case.yml").write_text("title: Storm\n")
    code, out, _ = add(str(page("fjordposten-nb.htm")), "--seeds", str(seeds), "--outlet", "Fjordposten",
                       "--language", "nn")
    assert code == 0, out
    sidecar = sidecars(seeds)["042_fjordposten"]
    assert (sidecar["outlet"], sidecar["language"]) == ("Fjordposten", "nn")
    assert "; outlet from the command line (--outlet); " in sidecar["notes"]
    assert "; language from the command line (--language). " in sidecar["notes"]
    code, _, err = add(str(page("kystavisa-nb.html")), "--seeds", str(seeds), "--language", "english please")
    assert code == 2 and err == ("casefile: --language 'english please' is not a language code — give one such as "
                                 "en, nb, de or fr\n")


def test_a_text_is_added_as_it_is_with_the_sidecar_beside_it(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    source = tmp_path / "pasted.txt"
    source.write_text("First line of the article, as pasted.  \nSecond line of it, as pasted.\n\n\n")
    source.with_suffix(".yml").write_text("title: Pasted\npublished: 2024-03-12\nnotes: From the print edition.\n")
    code, out, _ = add(str(source), "--seeds", str(seeds))
    assert code == 0, out
    assert (seeds / "000_pasted.txt").read_text() == ("First line of the article, as pasted.\n\n"
                                                      "Second line of it, as pasted.\n")
    sidecar = sidecars(seeds)["000_pasted"]
    assert (sidecar["title"], sidecar["published"]) == ("Pasted", "2024-03-12")
    assert sidecar["notes"].endswith("title from the sidecar beside it (pasted.yml); published from the sidecar "
                                     "beside it (pasted.yml). Not given by the page: outlet, url, author, language. "
                                     "From the print edition.")


def test_an_address_is_fetched_and_added(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    with serving({"/nyheter/storm": Route(page("kystavisa-nb.html").read_bytes())}) as base:
        code, out, err = add(f"{base}/nyheter/storm", "--seeds", str(seeds))
    assert (code, err) == (0, ""), out
    sidecar = sidecars(seeds)["000_kystavisa"]
    assert sidecar["url"] == EXPECTED["kystavisa-nb.html"]["sidecar"]["url"]  # the page's own, over the address
    assert f"Added by casefile add from {base}/nyheter/storm." in sidecar["notes"]


def test_a_reprint_is_added_as_a_near_copy_shown_so_and_counted_once(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    assert add(str(page("coastwatch-en.html")), str(page("kystavisa-nb.html")), "--seeds", str(seeds))[0] == 0
    code, out, _ = add(str(REPRINT), "--seeds", str(seeds))
    assert code == 0
    assert "recorded as near_copy_of" in out and "a near copy of" in out
    assert sidecars(seeds)["002_valley-herald"]["near_copy_of"] == "000_coastwatch-news"
    docs = tmp_path / "docs"
    code, _, err = casefile("build", "--seeds", str(seeds), "--out", str(docs), "--jobs", "1", "--no-cache")
    assert code == 0, err
    card = (docs / "sources" / "002-valley-herald.md").read_text(encoding="utf-8")
    assert ('<dt>Near copy of</dt><dd><a href="../000-coastwatch-news/"><code>000-coastwatch-news</code></a>'
            in card)
    coverage = (docs / "coverage.md").read_text(encoding="utf-8")
    assert "a near copy of another source counts as that source" in coverage
    # named by the wire story and its reprint only: one source, counted once
    assert "[Joint Rescue Coordination Centre](entities/joint-rescue-coordination-centre.md) ◆" in coverage
    case = json.loads((docs / "data" / "case.json").read_text(encoding="utf-8"))
    assert [s.get("near_copy_of") for s in case["sources"]] == [None, None, "000-coastwatch-news"]
    only = {d["summary"] for d in case["discrepancies"] if d["kind"] == "coverage"}
    assert ("Only Coastwatch News gives these figures (distance), whose numbers no other source writes: "
            "“180-metre”.") in only
    assert any(s.startswith("Only Coastwatch News names these") and "Joint Rescue Coordination Centre" in s
               for s in only)


def test_an_added_seed_reaches_the_watcher_of_casefile_serve(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    changed = threading.Event()
    watcher = SeedWatcher(seeds, changed.set, debounce=0.1)
    watcher.start()
    try:
        outcomes = list(add_sources([str(page("kystavisa-nb.html"))], AddOptions(seeds, dt.date(2024, 3, 14))))
        assert [o.status for o in outcomes] == ["added"]
        assert changed.wait(timeout=10)
    finally:
        watcher.stop()


def test_the_day_of_adding_comes_from_source_date_epoch():
    assert retrieved_on({"SOURCE_DATE_EPOCH": ADDED_EPOCH}) == dt.date(2024, 3, 14)
    assert retrieved_on({}) == dt.datetime.now(dt.UTC).date()
    time.sleep(0)  # (no clock is read anywhere else)


def test_a_new_case_gets_its_seeds_folder_with_its_first_source(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    assert casefile("add", "file:///etc/passwd", "--seeds", str(seeds))[0] == 2
    assert not seeds.exists()  # nothing added: no folder left behind
    text = tmp_path / "notes.txt"
    text.write_text("A first paragraph of notes.\n", encoding="utf-8")
    assert casefile("add", str(text), "--seeds", str(seeds))[0] == 0
    assert sorted(p.name for p in seeds.iterdir())[:1] == ["000_notes.txt"]  # numbered as the seeds are
