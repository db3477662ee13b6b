"""Every record that flows between the stages, typed and frozen.

* :mod:`~generator.model.span`: the span every record pointing into a source is built on;
* :mod:`~generator.model.source`: sources, paragraphs, sentences, sidecar metadata, ``case.yml``;
* :mod:`~generator.model.mention`: named-entity mentions (extract);
* :mod:`~generator.model.claims`: quotes, figures and dates (extract);
* :mod:`~generator.model.entity`: entities, ambiguous mentions, candidates (resolve);
* :mod:`~generator.model.refs`: the small views of persons and entities the claim stages take;
* :mod:`~generator.model.finding`: claims, discrepancies, date checks and translation links (compare).

Kinds, severities, explanations and statuses are ``Literal`` types, so a misspelt one is a
type error.
"""
