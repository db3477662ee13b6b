"""The span every record that points into a source is built on.

A record carries ``source`` (the source id), ``anchor`` (the paragraph anchor, ``p3``) and
``start``/``end``: character offsets into the source's *normalised* text, so that
``source.text[start:end] == record.text``. Mentions, quotes, figures, dates and the claims
of a finding are spans with more fields after these five.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A stretch of one source's normalised text."""

    source: str
    """Id of the source the span points into."""
    anchor: str
    """Anchor of the paragraph holding the span (``p3``)."""
    start: int
    """Offset of the first character in the source's normalised text."""
    end: int
    """Offset one past the last character."""
    text: str
    """The exact text ``source_text[start:end]``."""
