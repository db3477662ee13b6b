"""Ingest: articles as they are found (saved web pages, addresses, texts) made into seeds.

``casefile add`` (:mod:`generator.commands.add`) runs these modules, one source at a time:

- :mod:`~generator.ingest.pages` reads a saved page (``.html``, ``.htm``, ``.mhtml``) into its
  HTML and the address it was saved from;
- :mod:`~generator.ingest.fetch` fetches an ``http``/``https`` address, with a timeout and a size cap;
- :mod:`~generator.ingest.metadata` reads what the page says about itself (JSON-LD, Open Graph,
  meta tags), each value with where it came from;
- :mod:`~generator.ingest.article` takes the article's paragraphs out of the page with
  trafilatura, leaving out the page's furniture;
- :mod:`~generator.ingest.dedup` tells a source already in the case (the same address, the same
  text) and a near copy (a wire story reprinted) from a new one;
- :mod:`~generator.ingest.seeds` numbers, names and writes the seed and its sidecar, both or neither.

A page is untrusted input: only its text and a few metadata values leave it, as plain text; no
markup, script, style, form or comment of it reaches a seed.
"""
