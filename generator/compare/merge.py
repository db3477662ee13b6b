"""The comparison: every finding kind run in the order :data:`FINDING_KINDS` declares, merged and ranked.

Each kind is a function of the same inputs (:class:`Inputs`), worked out once here: sources
by id, display names of people, and each quote's renderings in other languages
(:func:`~generator.compare.translations.translation_links`). The paraphrase pass, the
longest, runs in a forked process meanwhile when ``jobs`` allow: the same findings either
way. A finding two kinds both make (the same id) is kept once, as the first kind in the
table made it. Three passes then read what the kinds found: figures whose numbers and clock
times no other source gives, where no finding holds them (coverage), and names only one source
writes that misspell another source's name (a spelling finding). Coverage, and those passes
over figures and times, count a near copy once (:attr:`Inputs.once`): a wire story and its reprint
are one source of what they say. Findings are ranked by kind,
in the order the site lists kinds (:data:`~generator.model.finding.KINDS`), then by id, and carry the status and note a
curator gave them in ``case.yml`` (:func:`~generator.resolve.curation.apply_curation`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from generator.compare.actors import actions, actor_findings
from generator.compare.ages import age_findings
from generator.compare.checks import date_checks
from generator.compare.confidence import Reader, assess
from generator.compare.contradictions import contradiction_findings
from generator.compare.coverage import coverage_findings, names_without, number_findings, time_findings
from generator.compare.dates import date_findings
from generator.compare.figures import figure_findings
from generator.compare.paraphrase import paraphrase_findings
from generator.compare.quotes import quote_findings
from generator.compare.spellings import misspelt_findings, spelling_findings
from generator.compare.translations import Renderings, translation_links
from generator.model.claims import DateMention, Figure, Quote
from generator.model.finding import KINDS, Confidence, DateCheck, Discrepancy, TranslationLink
from generator.model.refs import EntityRef, PersonRef, from_persons
from generator.model.source import CaseInfo, Source, counted_once
from generator.resolve.curation import apply_curation
from generator.util.parallel import Forked


@dataclass(frozen=True)
class Inputs:
    """What the finding kinds compare, as :func:`compare` was given it, with what it works out once."""

    sources: Sequence[Source]
    """The sources, in order."""
    by_id: dict[str, Source]
    """The sources by id."""
    quotes: Sequence[Quote]
    """Every quote."""
    figures: Sequence[Figure]
    """Every figure."""
    dates: Sequence[DateMention]
    """Every date mention."""
    persons: Sequence[PersonRef]
    """Every person mention."""
    names: dict[str, str]
    """Display names of people by entity id."""
    links: Mapping[str, tuple[str, ...]]
    """Each linked quote's renderings in other languages, as ``source|start|end``, by quote id."""
    case: CaseInfo | None
    """The case, for the story period of weekday checks."""
    entities: Sequence[EntityRef] | None
    """The resolved entities coverage is reported from, if given."""
    checks: Sequence[DateCheck] | None
    """The weekday checks, if given."""
    reader: Reader
    """What the confidence stage reads of the sources (the story's topic words), worked out once
    for the kinds that need it and for the assessment."""
    once: dict[str, Source]
    """The sources as coverage counts them: a near copy (``near_copy_of``) left out, the source it
    copies standing for both, so that what the two alone report is still reported."""

    def figures_once(self) -> list[Figure]:
        """The figures of :attr:`once`."""
        return [f for f in self.figures if f.source in self.once]


@dataclass(frozen=True)
class FindingKind:
    """One kind of finding the comparison runs."""

    name: str
    """The module that finds it."""
    find: Callable[[Inputs], list[Discrepancy]]
    """Its findings in the inputs."""
    forked: bool = False
    """Run in a forked process meanwhile when ``jobs`` allow: the kinds marked so run there one
    after the other, chosen so that the two processes take about as long (at 1,000 sources:
    paraphrase and coverage, 1.8 s of CPU, against the others' 1.6 s)."""


FINDING_KINDS: tuple[FindingKind, ...] = (
    FindingKind("figures", lambda i: figure_findings(i.figures, i.by_id)),
    FindingKind("ages", lambda i: age_findings(i.figures, i.by_id, i.names)),
    FindingKind("spellings", lambda i: spelling_findings(i.entities or (), i.by_id)),
    FindingKind("quotes", lambda i: quote_findings(i.quotes, i.by_id)),
    FindingKind("paraphrase", lambda i: paraphrase_findings(i.by_id, i.quotes, i.links, i.persons), forked=True),
    FindingKind("dates", lambda i: date_findings(
        i.by_id, i.dates, date_checks(i.sources, i.dates, i.case) if i.checks is None else i.checks)),
    FindingKind("contradictions", lambda i: contradiction_findings(i.by_id, i.reader)),
    FindingKind("actors", lambda i: actor_findings(i.by_id, actions(i.sources, i.quotes, i.persons), i.names)),
    FindingKind("coverage", lambda i: coverage_findings(
        i.once, i.figures_once(), i.persons, from_persons(i.persons) if i.entities is None else i.entities),
                forked=True),
)
"""Every finding kind, in the order their findings are merged."""


def _found_by(kinds: Sequence[FindingKind], inputs: Inputs) -> dict[str, list[Discrepancy]]:
    """The findings of each of ``kinds``, by name."""
    return {kind.name: kind.find(inputs) for kind in kinds}


ASSESS_SPLIT_FROM = 200
"""Findings from which their second half is assessed in a forked process when jobs allow."""


def _assessed(findings: list[Discrepancy], inputs: Inputs, entities: Sequence[EntityRef],
              jobs: int) -> list[Discrepancy]:
    """:func:`assess` of ``findings``, the second half in a forked process meanwhile when
    ``jobs`` allow: the same findings, in the same order."""
    if jobs < 2 or len(findings) < ASSESS_SPLIT_FROM:
        return assess(findings, inputs.by_id, entities, inputs.reader)
    half = len(findings) // 2
    # only what the assessment adds comes back: the findings' claims are not copied (whole
    # findings pickled back took 180 MB more at 5,000 sources)
    first, added = Forked(_assessments, findings[half:], inputs.by_id, entities, inputs.reader).beside(
        lambda: assess(findings[:half], inputs.by_id, entities, inputs.reader))
    return first + [replace(finding, confidence=confidence, evidence=evidence, rules=rules)
                    for finding, (confidence, evidence, rules) in zip(findings[half:], added, strict=True)]


def _assessments(findings: list[Discrepancy], sources: Mapping[str, Source], entities: Sequence[EntityRef],
                 reader: Reader) -> list[tuple[Confidence, tuple[str, ...], tuple[str, ...]]]:
    """The confidence, evidence and rules :func:`assess` gives each of ``findings``."""
    return [(d.confidence, d.evidence, d.rules) for d in assess(findings, sources, entities, reader)]


def compare(sources: Sequence[Source], quotes: Sequence[Quote], figures: Sequence[Figure],
            dates: Sequence[DateMention], persons: Sequence[PersonRef] = (),
            case: CaseInfo | None = None, entities: Sequence[EntityRef] | None = None,
            jobs: int = 1, checks: Sequence[DateCheck] | None = None,
            translations: Sequence[TranslationLink] | None = None) -> tuple[Discrepancy, ...]:
    """All discrepancies between the sources, sorted by kind and id, with curated statuses.

    ``entities`` are the resolved entities coverage is reported from; without them, the
    person mentions stand in (people only, plus the term pass). With ``jobs`` above one,
    paraphrase and coverage (the longest passes) are found in a forked process meanwhile: the
    same discrepancies either way. ``checks`` and ``translations`` are :func:`date_checks`
    and :func:`translation_links` of the same input, worked out here when not given.
    """
    links = Renderings(translation_links(quotes, case, sources) if translations is None else translations, quotes)
    by_id = {s.id: s for s in sources}
    assessed_entities = from_persons(persons) if entities is None else entities
    counted = counted_once(sources)
    inputs = Inputs(sources, by_id, quotes, figures, dates, persons, {p.entity_id: p.name for p in persons}, links,
                    case, entities, checks, Reader(by_id, assessed_entities),
                    {sid: s for sid, s in by_id.items() if counted[sid] == sid})
    forked = tuple(kind for kind in FINDING_KINDS if kind.forked) if jobs > 1 else ()
    here = tuple(kind for kind in FINDING_KINDS if kind not in forked)
    if forked:
        found, aside = Forked(_found_by, forked, inputs).beside(lambda: _found_by(here, inputs))
        found.update(aside)
    else:
        found = _found_by(here, inputs)
    unique: dict[str, Discrepancy] = {}
    for kind in FINDING_KINDS:
        for discrepancy in found[kind.name]:
            unique.setdefault(discrepancy.id, discrepancy)
    held = tuple(unique.values())
    once_figures = inputs.figures_once()
    misspelt = misspelt_findings(inputs.by_id, held, entities or ())
    taken = {(c.source, c.start) for d in misspelt for c in d.claims}
    for key, discrepancy in list(unique.items()):  # a misspelt name is no name of its own
        kept = names_without(discrepancy, inputs.by_id, taken)
        if kept is None:
            del unique[key]
        else:
            unique[key] = kept
    for discrepancy in (number_findings(inputs.once, once_figures, held) + time_findings(inputs.once, dates, held)
                        + misspelt):
        unique.setdefault(discrepancy.id, discrepancy)
    assessed = _assessed(list(unique.values()), inputs, assessed_entities, jobs)
    return tuple(sorted((apply_curation(d, case) for d in assessed), key=lambda d: (KINDS.index(d.kind), d.id)))
