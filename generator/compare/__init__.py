"""Compare stage: claims about the same thing from different sources, as typed findings.

One module per finding kind (``figures``, ``ages``, ``quotes``, ``paraphrase``, ``dates``,
``checks``, ``actors``, ``coverage``, ``translations``); :func:`~generator.compare.merge.compare`
runs them and merges and ranks what they find.
"""

from generator.compare.merge import compare

__all__ = ["compare"]
