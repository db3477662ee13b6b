"""Same inputs, byte-identical output: across hash seeds, time zones and locales; and
anchors that survive an edit elsewhere in the same seed."""

from __future__ import annotations

import random
import time
from pathlib import Path

from conftest import ROOT, copy_docs_skeleton, run_casefile

from generator.read.sources import read_corpus

ZONES = ["UTC", "Pacific/Kiritimati", "America/Adak", "Europe/Oslo", "Asia/Kathmandu", "Australia/Lord_Howe",
         "America/St_Johns", "Etc/GMT+12"]
# Locales that exist here and ones that do not (Python then falls back to C): neither may matter.
LOCALES = ["C", "C.UTF-8", "POSIX", "nb_NO.UTF-8", "de_DE.ISO-8859-1", "tr_TR.UTF-8", "fr_FR@euro"]


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_ten_builds_with_random_hash_seeds_zones_and_locales_are_identical(tmp_path, hostile_seeds):
    seed = time.time_ns() % 100_000
    rng = random.Random(seed)
    outputs = []
    for index in range(10):
        env = {"PYTHONHASHSEED": str(rng.randrange(2**32)), "TZ": rng.choice(ZONES),
               "LC_ALL": rng.choice(LOCALES), "LANG": rng.choice(LOCALES)}
        out = copy_docs_skeleton(tmp_path / f"docs{index}")
        seeds = ROOT / "seeds" if index % 2 == 0 else hostile_seeds
        result = run_casefile("build", "--seeds", str(seeds), "--out", str(out), env=env)
        assert result.returncode == 0, (seed, env, result.stderr)
        outputs.append(tree(out))
    for index, output in enumerate(outputs):
        assert output == outputs[index % 2], f"run {index} differs (random seed {seed})"
    committed = tree(ROOT / "docs_src")
    for rel, data in outputs[0].items():
        assert committed.get(rel) == data, rel


def paragraph_texts(folder: Path) -> dict[str, str]:
    corpus, _ = read_corpus(folder)
    assert corpus is not None
    source = corpus.sources[0]
    texts = {p.anchor: source.text[p.start:p.end] for p in source.paragraphs}
    texts.update({s.anchor: source.text[s.start:s.end] for p in source.paragraphs for s in p.sentences})
    return texts


def test_anchors_of_untouched_paragraphs_survive_an_edit_elsewhere(seeds):
    original = (ROOT / "seeds" / "002_2bb91e528b6fe96d.txt").read_text(encoding="utf-8")
    corpus, _ = read_corpus(seeds({"a.txt": original}, "before"))
    source = corpus.sources[0]
    before = paragraph_texts(seeds({"a.txt": original}, "before"))
    rng = random.Random(7)
    for trial in range(6):
        paragraph = rng.choice(source.paragraphs)
        words = source.text[paragraph.start:paragraph.end].split(" ")
        words[rng.randrange(len(words))] = "ENDRET"
        replacement = " ".join(words) + rng.choice(["", " Ny setning lagt til. Og enda en.", " «Sitat.»"])
        edited = source.text[:paragraph.start] + replacement + source.text[paragraph.end:]
        after = paragraph_texts(seeds({"a.txt": edited}, f"after{trial}"))
        for anchor, text in before.items():
            if anchor == paragraph.anchor or anchor.startswith(paragraph.anchor + "-"):
                continue
            assert after.get(anchor) == text, (trial, paragraph.anchor, anchor)
