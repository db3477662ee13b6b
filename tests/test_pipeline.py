"""The pipeline: parallel and cached analysis give the same output as a plain run."""

from __future__ import annotations

import io

import pytest

from generator.pipeline import generate, stages
from generator.pipeline.analyse import PARALLEL_FROM
from generator.util.cache import Cache, source_key
from generator.util.progress import progress


def story(count: int) -> dict[str, str]:
    return {f"s{i:03}.txt": f"Source number {i} says the fire in Bergen burned {i * 10} houses.\n\n"
                            f"A second paragraph with a quote: \"It was terrible,\" said Anna Berg{i}."
            for i in range(count)}


def test_parallel_output_is_identical_to_serial(seeds, monkeypatch):
    folder = seeds(story(PARALLEL_FROM + 4))
    serial = generate(folder, jobs=1)
    assert any(b"It was terrible" in text for text in serial.files.values())
    assert generate(folder, jobs=2).files == serial.files
    monkeypatch.setattr(stages, "SPLIT_FROM", 2)  # quotes and figures half in a forked process
    assert generate(folder, jobs=2).files == serial.files


def test_workers_fill_the_cache_and_a_rebuild_from_it_is_identical(seeds, tmp_path):
    folder = seeds(story(PARALLEL_FROM + 2))
    cache_dir = tmp_path / "cache"
    first = generate(folder, jobs=2, cache_dir=cache_dir)
    assert all(Cache(cache_dir).get(source_key(path)) is not None for path in folder.glob("*.txt"))
    assert generate(folder, jobs=2, cache_dir=cache_dir).files == first.files


def test_cached_output_is_identical_and_a_changed_seed_misses(seeds, tmp_path):
    folder = seeds(story(5))
    cache_dir = tmp_path / "cache"
    first = generate(folder, cache_dir=cache_dir)
    assert generate(folder, cache_dir=cache_dir).files == first.files
    key = source_key(folder / "s001.txt")
    assert Cache(cache_dir).get(key) is not None
    (folder / "s001.txt").write_text("Changed text entirely.", encoding="utf-8")
    assert source_key(folder / "s001.txt") != key
    changed = generate(folder, cache_dir=cache_dir)
    assert changed.files == generate(folder).files
    assert b"Changed text entirely." in changed.files["sources/s001.md"]
    # the cache keeps the entries of the seeds as they are now, not one per edit
    assert Cache(cache_dir).get(key) is None
    assert sorted(p.stem for p in cache_dir.rglob("*.pickle")) == sorted(source_key(p) for p in folder.glob("*.txt"))


def test_a_damaged_cache_entry_is_a_miss(seeds, tmp_path):
    folder = seeds(story(2))
    cache_dir = tmp_path / "cache"
    first = generate(folder, cache_dir=cache_dir)
    for entry in cache_dir.rglob("*.pickle"):
        entry.write_bytes(b"garbage")
    assert generate(folder, cache_dir=cache_dir).files == first.files


def test_progress_quiet_lines_when_not_a_terminal():
    stream = io.StringIO()
    assert list(progress(range(100), 100, "working", stream)) == list(range(100))
    assert stream.getvalue().splitlines() == ["working: 25/100", "working: 50/100", "working: 75/100",
                                              "working: 100/100"]
    silent = io.StringIO()
    list(progress(range(3), 3, "working", silent))
    assert silent.getvalue() == ""


def test_a_long_source_is_cut_into_parts_at_paragraph_ends() -> None:
    from claimkit import make_source

    from generator.output.provenance import verify_page
    from generator.render.source_page import PART_WORDS, render_source_page, source_page_path

    paragraph = " ".join(["word"] * 999) + " end."
    source = make_source("\n\n".join([paragraph] * 20), source_id="long")
    page = render_source_page(source)
    assert page.count('class="cf-part"') == 20 * 1000 // PART_WORDS - (1 if 20 * 1000 % PART_WORDS == 0 else 0)
    assert f'<h3 class="cf-part" id="part-2">Part 2, from ¶{PART_WORDS // 1000 + 1}</h3>' in page
    assert verify_page(page, source_page_path(source), [source], source) == []
    short = make_source(paragraph, source_id="short")
    assert "cf-part" not in render_source_page(short)


def test_comparison_reads_lemmas_from_the_analyses_and_loads_no_dictionary(seeds, tmp_path, monkeypatch):
    """A build whose analyses all come from the cache lemmatises nothing itself: the lemmas
    were worked out with each source's analysis (loading simplemma's dictionaries takes seconds)."""
    from generator.text import lemmas

    folder = seeds(story(4))
    cache_dir = tmp_path / "cache"
    first = generate(folder, cache_dir=cache_dir)
    lemmas.lemma_of.cache_clear()
    lemmas._PRIMED.clear()

    def refuse(*_args, **_kwargs):
        raise AssertionError("the comparison loaded a lemma dictionary")

    monkeypatch.setattr(lemmas.simplemma, "lemmatize", refuse)
    assert generate(folder, cache_dir=cache_dir).files == first.files
    lemmas.lemma_of.cache_clear()


def test_word_lemmas_are_the_comparisons_own():
    from generator.text.lemmas import lemma_of, word_lemmas

    pairs = word_lemmas("Crews criticised the Mayor’s plans; crews said so.", "en")
    assert [word for word, _ in pairs] == sorted({word for word, _ in pairs})  # distinct, sorted
    assert ("mayor's", lemma_of("Mayor’s", "en")) in pairs and ("criticised", "criticize") in pairs


def test_workers_end_when_the_build_is_killed_outright():
    """A build killed with SIGKILL cannot stop its worker processes: they notice and end, so
    nothing keeps waiting for work while holding the caller's pipes open."""
    import subprocess
    import sys

    script = ("import time\n"
              "from generator.util.parallel import Forked\n"
              "forked = Forked(time.sleep, 120)\n"
              "print(*forked._pool._processes, flush=True)\n"
              "time.sleep(120)\n")
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    assert process.stdout is not None
    workers = [int(pid) for pid in process.stdout.readline().split()]
    assert workers
    process.kill()
    process.communicate(timeout=20)  # returns only once no worker holds the pipes any more


def test_a_large_case_drops_the_analysis_tables_and_builds_the_same(seeds, monkeypatch):
    import generator.pipeline as pipeline
    from generator.text import lemmas

    folder = seeds(story(6))
    kept = generate(folder)
    monkeypatch.setattr(pipeline, "RELEASE_FROM", 5)
    released = []

    def release() -> None:
        released.append(True)
        lemmas.release_dictionaries()

    monkeypatch.setattr(pipeline, "release_dictionaries", release)
    assert generate(folder).files == kept.files and released == [True]
    # with workers, only from RELEASE_FROM_WITH_JOBS (this process holds less to drop)
    assert generate(folder, jobs=2).files == kept.files and released == [True]
    monkeypatch.setattr(pipeline, "RELEASE_FROM_WITH_JOBS", 5)
    assert generate(folder, jobs=2).files == kept.files and released == [True, True]


def _fail() -> None:
    raise ValueError("the first task fails")


def _write_later(path: str) -> str:
    import time as clock

    clock.sleep(0.5)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("done")
    return path


def test_a_failed_forked_task_is_raised_after_every_other_one_has_ended(tmp_path):
    from generator.pipeline.files import _all_results
    from generator.util.parallel import Forked

    target = tmp_path / "written"
    with pytest.raises(ValueError, match="first task fails"):
        _all_results([Forked(_fail), Forked(_write_later, str(target))])
    assert target.read_text(encoding="utf-8") == "done"  # not still being written into the store


def test_when_this_process_fails_its_forked_half_is_waited_for_before_the_error_goes_on(tmp_path):
    from generator.util.parallel import Forked

    target = tmp_path / "written"
    with pytest.raises(ValueError, match="first task fails"):
        Forked(_write_later, str(target)).beside(_fail)
    assert target.read_text(encoding="utf-8") == "done"
    assert Forked(_write_later, str(tmp_path / "other")).beside(lambda: 1) == (1, str(tmp_path / "other"))
