"""The benchmark: cases of 100, 1,000 and 5,000 sources from seeds to built site.

Not part of ``make test``: run ``make bench`` (or ``python tests/bench/bench.py --sizes 100``).
Each case is made from real text: paragraphs of ``seeds/`` and ``tests/stories/*/seeds``
recombined within each language, with names and numbers varied so that entities and
discrepancies grow as in real coverage (``claims_speed.realistic_corpus``). Measured:

* extraction and comparison words per second per core (``--jobs 1``, no cache);
* generator wall time with all cores, and peak memory;
* an incremental build after one seed changes (content-hash cache), checked identical to a clean build;
* MkDocs build time and pages per second; Zensical build time when it is installed;
* size of the generated docs, the site and its search index.

Results go to ``tests/bench/results.json`` and a table in ``docs_src/performance.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from claims_speed import realistic_corpus  # noqa: E402

PYTHON = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}


def write_seeds(count: int, folder: Path) -> int:
    """``count`` seed files (with sidecars) in ``folder``; returns the number of words."""
    bench = realistic_corpus(count, casts=max(20, count // 10))
    folder.mkdir(parents=True)
    for source in bench.sources:
        (folder / f"{source.id}.txt").write_text(source.text, encoding="utf-8")
        sidecar = [f"language: {source.language}"]
        if source.metadata.published:
            sidecar.append(f"published: {source.metadata.published.isoformat()}")
        (folder / f"{source.id}.yml").write_text("\n".join(sidecar) + "\n", encoding="utf-8")
    (folder / "case.yml").write_text(f"title: Benchmark case of {count} sources\n", encoding="utf-8")
    return bench.words


def measured(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall seconds, peak resident memory (MiB, the process and its children) and stderr."""
    probe = ("import resource, subprocess, sys, time\n"
             "start = time.perf_counter()\n"
             "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
             "wall = time.perf_counter() - start\n"
             "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
             "sys.stderr.write(done.stderr)\n"
             "print(wall, peak, done.returncode)\n")
    result = subprocess.run([PYTHON, "-c", probe, *command], cwd=cwd, env=ENV, capture_output=True, text=True)
    wall, peak_kib, code = result.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return float(wall), int(peak_kib) // 1024, result.stderr


def timings(stderr: str) -> dict[str, float]:
    for line in stderr.splitlines():
        if line.startswith("casefile: timings "):
            return {k: float(v.rstrip("s")) for k, v in (p.split("=") for p in line.split()[2:])}
    return {}


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def mkdocs_config(work: Path) -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = work / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "docs_src" / "assets", work / "docs_src" / "assets", dirs_exist_ok=True)
    for page in ("about.md", "methodology.md", "curation.md", "performance.md", "accuracy.md"):
        if (ROOT / "docs_src" / page).is_file():
            shutil.copy2(ROOT / "docs_src" / page, work / "docs_src" / page)
    return config


def run_size(count: int, work: Path, jobs: int) -> dict[str, object]:
    seeds = work / "seeds"
    words = write_seeds(count, seeds)
    docs = work / "docs_src"
    config = mkdocs_config(work)
    build = ["-m", "generator", "build", "--timings", "--seeds", str(seeds), "--out", str(docs)]
    serial, serial_peak, serial_err = measured([PYTHON, *build, "--jobs", "1", "--no-cache"], work)
    shutil.rmtree(docs)
    mkdocs_config(work)
    wall, peak, _ = measured([PYTHON, *build, f"--jobs={jobs}"], work)  # fills the cache
    stages = timings(serial_err)
    first = sorted(seeds.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n\nOne more paragraph, added for the benchmark.\n",
                     encoding="utf-8")
    incremental, _, inc_err = measured([PYTHON, *build, f"--jobs={jobs}"], work)
    cached_docs = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    reference = work / "reference_docs"
    shutil.copytree(docs, reference)
    subprocess.run([PYTHON, *build[:-2], "--out", str(reference), "--no-cache", f"--jobs={jobs}"], cwd=work,
                   env=ENV, check=True, capture_output=True)
    identical = cached_docs == {p.relative_to(reference).as_posix(): p.read_bytes()
                                for p in reference.rglob("*") if p.is_file()}
    mk_wall, mk_peak, _ = measured([PYTHON, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)], work)
    site = work / "site"
    # pages MkDocs renders (every HTML file of the site but those it copies as they are from
    # the docs folder: the dossier and the side files)
    copied = sum(1 for _ in docs.rglob("*.html"))
    pages = sum(1 for _ in site.rglob("*.html")) - copied
    zensical = shutil.which("zensical", path=str(Path(PYTHON).parent)) or shutil.which("zensical")
    zen_wall = None
    zen_error = None
    if zensical:
        shutil.rmtree(site, ignore_errors=True)
        try:
            zen_wall, _, _ = measured([zensical, "build", "-f", str(config)], work)
        except SystemExit as failure:  # a finding for the table, not a reason to lose the other numbers
            zen_error = str(failure).strip().splitlines()[-1][:300]
            print(f"bench: {failure}", file=sys.stderr)
    search_index = site / "search" / "search_index.json"
    if not search_index.exists():
        search_index = next(iter(site.rglob("search*.json")), search_index)
    analysed = stages.get("analyse", 0.0) + stages.get("case", 0.0)
    return {
        "sources": count, "words": words, "jobs": jobs,
        "extraction_words_per_second_per_core": round(words / analysed) if analysed else None,
        "stage_seconds_serial": stages,
        "generator_seconds_serial": round(serial, 2), "generator_seconds": round(wall, 2),
        "generator_peak_mib": max(peak, serial_peak),
        "incremental_seconds": round(incremental, 2), "incremental_stage_seconds": timings(inc_err),
        "incremental_identical_to_clean": identical,
        "mkdocs_seconds": round(mk_wall, 2), "mkdocs_peak_mib": mk_peak, "pages": pages,
        "copied_html_files": copied,
        "mkdocs_pages_per_second": round(pages / mk_wall, 1) if mk_wall else None,
        "zensical_seconds": round(zen_wall, 2) if zen_wall is not None else None,
        **({"zensical_error": zen_error} if zen_error else {}),
        "docs_bytes": folder_bytes(docs), "site_bytes": folder_bytes(site) if site.exists() else None,
        "search_index_bytes": search_index.stat().st_size if search_index.exists() else None,
        "seeds_to_site_seconds": round(wall + mk_wall, 2),
    }


def machine() -> dict[str, object]:
    """The machine measured on: system, processor model, cores, memory and Python."""
    processor = platform.processor() or None
    memory = None
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                processor = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                memory = round(int(line.split()[1]) / 1024 / 1024)
                break
    except OSError:  # not Linux
        pass
    return {"system": platform.system(), "machine": platform.machine(), "processor": processor,
            "cores": os.cpu_count(), "memory_gib": memory, "python": platform.python_version()}


def performance_page(results: list[dict[str, object]], where: dict[str, object]) -> str:
    rows = [
        ("Sources", "sources"), ("Words", "words"),
        ("Extraction + comparison, words/s per core", "extraction_words_per_second_per_core"),
        ("Generator, 1 core (s)", "generator_seconds_serial"), ("Generator, all cores (s)", "generator_seconds"),
        ("Generator peak memory (MiB)", "generator_peak_mib"),
        ("Incremental build, one seed changed (s)", "incremental_seconds"),
        ("Incremental output identical to clean build", "incremental_identical_to_clean"),
        ("MkDocs build (s)", "mkdocs_seconds"), ("Pages rendered", "pages"),
        ("HTML files copied as they are", "copied_html_files"), ("MkDocs pages/s", "mkdocs_pages_per_second"),
        ("Zensical build (s)", "zensical_seconds"), ("Zensical error", "zensical_error"),
        ("Seeds to site (s)", "seeds_to_site_seconds"),
        ("Generated docs (bytes)", "docs_bytes"), ("Site (bytes)", "site_bytes"),
        ("Search index (bytes)", "search_index_bytes"),
    ]
    header = "| Measure | " + " | ".join(f"{r['sources']} sources" for r in results) + " |"
    lines = ["# Performance", "",
             "Measured by `make bench` (`tests/bench/bench.py`): cases made from real text (paragraphs of the "
             "seeds and the test stories recombined, names and figures varied), built from seeds to site. "
             f"Machine: {where['system']} {where['machine']}"
             + (f" ({where['processor']})" if where.get("processor") else "")
             + f", {where['cores']} cores" + (f", {where['memory_gib']} GiB" if where.get("memory_gib") else "")
             + f", Python {where['python']}.",
             "", header, "|---|" + "---|" * len(results)]
    for label, key in rows:
        lines.append(f"| {label} | " + " | ".join(str(r.get(key, "—")).replace("|", "\\|") for r in results) + " |")
    lines += ["", "## Targets", "", "| Target | Measured | Met |", "|---|---|---|"]
    lines += [f"| {target} | {measured} | {met} |" for target, measured, met in targets(results)]
    lines += ["", "## Reading these numbers", "",
              "- *Extraction + comparison* is the words of the case over the seconds of the `analyse` and "
              "`case` stages on one core with no per-source cache. It includes fixed costs that do not grow "
              "with the case (loading the lemma dictionaries of four languages, the gazetteer and "
              "word-frequency tables), which is why it rises with the size of the case. Those tables are "
              "kept decoded in the derived-data cache (`~/.cache/casefile`), warm here: the first build on "
              "a machine, or after the generator's code changes, builds them again (seconds).",
              "- *Generator, all cores*: sources are analysed by one process per core, each writing the "
              "cache of what it analysed; the quotes and figures of half the sources, the paraphrase and "
              "coverage findings, and the assessment of half the findings run in a forked process while "
              "this one does the rest; `case.json`, the exports and the dossier, and the pages about "
              "entities and findings, are written and checked in two forked processes while the source "
              "pages render. The output is the same with one core (tested).",
              "- *Generator peak memory* is the largest resident set of any one process of the two clean "
              "builds (one core without the per-source cache, and all cores), a forked process counting "
              "the memory it shares with its parent. The tables per-source analysis needs (lemma "
              "dictionaries, word frequencies) are dropped before the stages over all sources from 500 "
              "sources analysed in one process, and from 2,000 when workers analysed them (the main "
              "process then holds only what it loaded for them to share). Generated files go to disk "
              "as they are made (a scratch folder beside the docs "
              "folder, whose files become hard links to them), and the case document's sections stay "
              "on disk as JSON lines while `case.json`, the dossier and the exports are written from "
              "them a record at a time; what memory holds at 5,000 sources is mostly the sources' "
              "analyses and the comparison's claims.",
              "- *Incremental build* changes one seed and builds again with the content-hash cache: only that "
              "source is analysed again, but resolution across sources, comparison, rendering and the "
              "provenance check of every page run in full, since one seed can change any entity or finding.",
              "- *MkDocs pages/s* counts the pages MkDocs renders (every HTML page of the built site but "
              "the standalone files it copies as they are: the dossier and the side files beside long "
              "pages, counted apart) over the whole `mkdocs build --strict`, start-up included. Most of "
              "MkDocs' time is spent parsing the pages' HTML, three times over (its own anchor check, "
              "Markdown's raw-HTML blocks, and the search index: a third of the build at 5,000 sources), "
              "so its time follows the number of tags: the sentence anchors and marks of the source pages "
              "(the largest share), the claim tables of the report, the entity mention lists. Pages "
              "whose content is all tables kept out of search (quotes, timeline tables) are left out of "
              "the search index whole, which spares their parse; the dossier, the links beyond the first "
              "few of each finding and the mentions beyond an entity page's first 25 sources are "
              "standalone HTML files MkDocs only copies.",
              "", "Raw results: `tests/bench/results.json` in the repository.", ""]
    return "\n".join(lines)


def targets(results: list[dict[str, object]]) -> list[tuple[str, str, str]]:
    """Each target of the scale issue, what was measured for it, and whether it was met."""
    by_size = {r["sources"]: r for r in results}

    def verdict(ok: bool | None) -> str:
        return "not measured" if ok is None else ("yes" if ok else "**no**")

    out = []
    rates = [rate for r in results if (rate := r.get("extraction_words_per_second_per_core"))]
    out.append(("Extraction and comparison ≥ 200,000 words/s per core",
                ", ".join(f"{v:,}" for v in rates) or "—", verdict(min(rates) >= 200_000 if rates else None)))
    big = by_size.get(1000)
    out.append(("1,000 sources, seeds to site ≤ 30 s",
                f"{big['seeds_to_site_seconds']} s" if big else "—",
                verdict(big["seeds_to_site_seconds"] <= 30 if big else None)))
    out.append(("Generator ≤ a tenth of that",
                f"{big['generator_seconds']} s of {big['seeds_to_site_seconds']} s" if big else "—",
                verdict(big["generator_seconds"] <= big["seeds_to_site_seconds"] / 10 if big else None)))
    small = by_size.get(100)
    ratio = (big["generator_seconds_serial"] / small["generator_seconds_serial"]) if big and small else None
    out.append(("Generator at 1,000 sources ≤ 11 × at 100", f"{ratio:.1f} ×" if ratio else "—",
                verdict(ratio <= 11 if ratio else None)))
    speeds = [r["mkdocs_pages_per_second"] for r in results if r.get("mkdocs_pages_per_second")]
    out.append(("MkDocs ≥ 100 pages/s", ", ".join(str(v) for v in speeds) or "—",
                verdict(min(speeds) >= 100 if speeds else None)))
    out.append(("One seed changed in 1,000: rebuilt within 1 s, identical to a clean build",
                f"{big['incremental_seconds']} s, identical: "
                f"{'yes' if big.get('incremental_identical_to_clean') else 'no'}"
                if big and "incremental_seconds" in big else "—",
                verdict(big["incremental_seconds"] <= 1 and bool(big.get("incremental_identical_to_clean"))
                        if big and "incremental_seconds" in big else None)))
    huge = by_size.get(5000)
    out.append(("Peak memory < 1 GB at 5,000 sources", f"{huge['generator_peak_mib']} MiB" if huge else "—",
                verdict(huge["generator_peak_mib"] < 1024 if huge else None)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000],
                        help="case sizes to measure; the stored results of other sizes are kept")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-write", action="store_true", help="print only; do not update results or the page")
    parser.add_argument("--page-only", action="store_true",
                        help="rewrite the performance page from tests/bench/results.json without measuring")
    args = parser.parse_args(argv)
    if args.page_only:
        stored = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
        (ROOT / "docs_src" / "performance.md").write_text(performance_page(stored["results"], stored["machine"]),
                                                          encoding="utf-8")
        return 0
    results = []
    for count in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"casefile-bench-{count}-") as tmp:
            print(f"bench: {count} sources …", file=sys.stderr, flush=True)
            started = time.perf_counter()
            result = run_size(count, Path(tmp), args.jobs)
            print(json.dumps(result, indent=1), f"({time.perf_counter() - started:.0f}s)", file=sys.stderr)
            results.append(result)
    where = machine()
    if not args.no_write:
        stored_path = HERE / "results.json"
        if stored_path.exists():  # sizes not measured now keep their results from the same machine
            stored = json.loads(stored_path.read_text(encoding="utf-8"))
            if stored.get("machine") == where:
                measured_now = {r["sources"] for r in results}
                results = sorted([*results, *(r for r in stored["results"] if r["sources"] not in measured_now)],
                                 key=lambda r: r["sources"])
        stored_path.write_text(json.dumps({"machine": where, "results": results}, indent=2) + "\n",
                               encoding="utf-8")
        (ROOT / "docs_src" / "performance.md").write_text(performance_page(results, where), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
