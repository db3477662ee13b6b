"""Small builders for tests: a Source from a text, segmented (and its page furniture marked) as the
read stage would."""

from __future__ import annotations

from generator.model.source import Metadata, Source
from generator.read.furniture import mark_furniture
from generator.read.segment import segment


def make_source(text: str, language: str = "en", source_id: str = "s1") -> Source:
    """A segmented :class:`Source` holding ``text``."""
    return Source(id=source_id, slug=source_id, path=f"seeds/{source_id}.txt", sidecar=None, sha256="0",
                  text=text, title="t", title_derived=True, language=language, language_confidence=1.0,
                  metadata=Metadata(), paragraphs=mark_furniture(text, segment(text, language), language))
