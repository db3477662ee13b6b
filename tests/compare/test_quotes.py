"""Quote findings: one quote in different words."""

from __future__ import annotations

from claimkit import make_source, refs_for
from comparekit import case_json, compared, having, seed_discrepancies


def test_seed_quote_variant_they_you() -> None:
    _, found, _ = seed_discrepancies()
    variants = having(found, "quote", "find joy")
    assert len(variants) == 1
    changed = [(p.left, p.right) for p in variants[0].diff if p.op != "equal"]
    assert changed == [("they", "you")]


def test_two_renderings_of_a_quote_ending_in_other_words_are_a_variant(seeds) -> None:
    files = {
        "a.txt": "Déraillement\n\n« Le conducteur a freiné dès qu'il a vu l'obstacle », "
                 "a indiqué Jean-Pierre Martin.\n",
        "a.yml": "language: fr\n",
        "b.txt": "TER\n\n« Le conducteur a freiné dès qu'il a aperçu l'arbre », a expliqué Jean-Pierre Martin.\n",
        "b.yml": "language: fr\n",
        "c.txt": "Accident\n\n« Le conducteur a freiné dès qu'il a », a raconté Jean-Pierre Martin.\n",
        "c.yml": "language: fr\n",
    }
    case = case_json(seeds, files)
    wording = [d for d in case["discrepancies"] if d["kind"] == "quote"]
    assert [d["summary"] for d in wording] == [
        "The sources quote Jean-Pierre Martin in different words: “vu l'obstacle” → “aperçu l'arbre”."]
    # c quotes less of the sentence: no change of wording against a or b
    assert {c["source"] for c in wording[0]["claims"]} == {"a", "b"}


def test_a_changed_content_word_weighs_more_than_changed_function_words() -> None:
    def variant(one: str, other: str, speaker: str, language: str) -> tuple[str, str, tuple[str, ...]]:
        sources = [make_source(text, language, source_id=sid) for sid, text in (("a", one), ("b", other))]
        persons = tuple(ref for s in sources for ref in refs_for(s, (speaker, "speaker", "m")))
        found = [d for d in compared(*sources, persons=persons) if d.kind == "quote"]
        assert len(found) == 1
        return found[0].explanation, found[0].severity, found[0].rules[:-1]  # then the confidence's rule

    assert variant("« Le conducteur a freiné dès qu'il a vu l'obstacle », a indiqué Jean-Pierre Martin.",
                   "« Le conducteur a freiné dès qu'il a aperçu l'arbre », a expliqué Jean-Pierre Martin.",
                   "Jean-Pierre Martin", "fr") == ("conflict", "medium", ("content-word-changed",))
    assert variant('"I want them to find joy in the little things," Keaton Jones said.',
                   '"I want you to find joy in the little things," Keaton Jones said.',
                   "Keaton Jones", "en") == ("conflict", "low", ("function-words-changed",))
