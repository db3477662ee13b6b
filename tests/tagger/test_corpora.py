"""The corpus readers and the converter to documents, on a few hand-written lines in each format."""

from __future__ import annotations

from generator.tagger import corpora as corp
from generator.tagger.corpora import Span

CONLL = """-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
's POS B-NP O
( ( O O
Britain NNP I-NP I-LOC
) ) O O

-DOCSTART- -X- O O

Spain NNP I-NP I-LOC
Italy NNP I-NP B-LOC
"""

NORNE = """# newdoc id = a
# sent_id = 1
# text = Stoltenberg besøkte Norge.
1\tStoltenberg\tStoltenberg\tPROPN\t_\t_\t2\tnsubj\t_\tname=B-PER
2\tbesøkte\tbesøke\tVERB\t_\t_\t0\troot\t_\tname=O
3\tNorge\tNorge\tPROPN\t_\t_\t2\tobj\t_\tSpaceAfter=No|name=B-GPE_ORG
4\t.\t$.\tPUNCT\t_\t_\t2\tpunct\t_\tname=O

# sent_id = 2
# text = Oslo-mannen
1\tOslo-mannen\tOslo-mann\tNOUN\t_\t_\t0\troot\t_\tSpaceAfter=No|name=B-DRV
"""

GERMEVAL = """#\thttp://de.wikipedia.org/wiki/X\t[2009-10-23]
1\tAngela\tB-PER\tO
2\tMerkel\tI-PER\tO
3\tbesuchte\tO\tO
4\tdie\tO\tO
5\tdeutsche\tB-LOCderiv\tO
6\tBank\tO\tO
7\tin\tO\tO
8\tNew\tB-LOC\tO
9\tYork\tI-LOC\tO
10\t.\tO\tO

"""

WIKINEURAL = """0\tIl\tO
1\tvit\tO
2\tà\tO
3\tl'\tO
4\tAsie\tB-LOC
5\tdu\tI-LOC
6\tSud\tI-LOC
7\t.\tO

"""


def _names(doc: corp.Document) -> list[tuple[str, str]]:
    return [(doc.text[s.start:s.end], s.kind) for s in doc.spans]


def test_conll2003_reads_iob1_documents_and_drops_misc() -> None:
    sentences = corp.read_conll2003(CONLL)
    assert [s.starts_document for s in sentences] == [True, False, True]
    assert sentences[0].tags == ("B-ORG", "O", "O", "O", "O")  # MISC dropped
    assert sentences[2].tags == ("B-LOC", "B-LOC")  # IOB1's B- between two names of one type
    docs = corp.documents(sentences, "c", "en")
    assert [d.name for d in docs] == ["c-0000", "c-0001"]
    assert docs[0].text == "EU rejects German call.\n\nPeter Blackburn's (Britain)\n"
    assert _names(docs[0]) == [("EU", "ORG"), ("Peter Blackburn", "PER"), ("Britain", "LOC")]
    assert _names(docs[1]) == [("Spain", "LOC"), ("Italy", "LOC")]


def test_norne_keeps_the_corpus_spaces_and_reads_geo_political_names_as_places() -> None:
    sentences = corp.read_conllu_names(NORNE)
    assert sentences[0].starts_document and sentences[0].spaces == (True, True, False, True)
    doc = corp.document(sentences, "n", "nb")
    assert doc.text == "Stoltenberg besøkte Norge.\n\nOslo-mannen\n"
    assert _names(doc) == [("Stoltenberg", "PER"), ("Norge", "LOC")]  # DRV dropped


def test_germeval_reads_the_outer_level_without_derived_names() -> None:
    doc = corp.document(corp.read_germeval(GERMEVAL), "g", "de")
    assert doc.text == "Angela Merkel besuchte die deutsche Bank in New York.\n"
    assert _names(doc) == [("Angela Merkel", "PER"), ("New York", "LOC")]


def test_wikineural_joins_an_elided_article_to_the_next_word() -> None:
    doc = corp.document(corp.read_wikineural(WIKINEURAL), "w", "fr")
    assert doc.text == "Il vit à l'Asie du Sud.\n"
    assert doc.spans == (Span(11, 22, "LOC"),)


def test_documents_without_marks_are_cut_every_size_sentences() -> None:
    sentences = corp.read_wikineural(WIKINEURAL * 5)
    assert [len(d.text.split("\n\n")) for d in corp.documents(sentences, "w", "fr", size=2)] == [2, 2, 1]


def test_text_is_normalised_as_the_reader_does_so_offsets_hold() -> None:
    doc = corp.document([corp.Sentence(("Cafe\u0301", "\x94", "Paris"), ("O", "O", "B-LOC"))], "x", "fr")
    assert doc.text == "Café \ufffd Paris\n"
    assert _names(doc) == [("Paris", "LOC")]


def test_detokenise_sets_punctuation_and_quotes_as_a_writer_would() -> None:
    text, offsets = corp.detokenise(["He", "said", '"', "no", '"', ",", "(", "n't", ")", "."])
    assert text == 'He said "no", (n\'t).'
    assert [text[s:e] for s, e in offsets][2:5] == ['"', "no", '"']
