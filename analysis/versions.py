"""The version of each kind of derived data's output, stored with it in its sidecar.

Bump a number when a change alters what its extractor produces for the same text (a new span
rule, another sentence split, another model). Libraries stored by an older kimreader then show
their old data until the background step (`kimreader doctor`, the app) has recomputed it.
This module imports nothing, so the index and the shipped-data writer can read it cheaply.
"""

SENTENCES = 2
"""How a body is cut into sentences (analysis.text.all_sentences: the paragraphs of
corpus.markdown, then the sentence ends within each). 1: until the fifteenth round; 2: a text
written a paragraph a line has a paragraph a line (corpus.markdown.written_a_paragraph_a_line).
Bumped by hand; tests/test_sentence_splits.py fails when the splits of a fixed set of real texts
change while it stays the same."""

ENTITY_RULES = 28
"""What entity extraction makes of the same sentences (spans, types, merges): bumped by hand with
each change of its rules or model; tests/test_shipped_entities.py fails when the shipped reports'
entities change while it stays the same. 24 until the sixteenth round, 25 in it, 26 in the
seventeenth, 27 in the eighteenth, 28 from the nineteenth."""

ENTITIES = ENTITY_RULES * 1000 + SENTENCES
"""Entities are found in a body's paragraphs and sentences, so a change of the splitting makes
stored entities pending too. Libraries of the sixteenth round and before stored ENTITY_RULES alone
(24 and below)."""

EMBEDDER = 1
"""The sentence-embedding model and what is stored per sentence (analysis/embed.py)."""

EMBEDDINGS = EMBEDDER * 1000 + SENTENCES
"""Stored embeddings are one row per sentence: any change of the splitting makes them stale,
and pending for the background step (index/derived.py), without splitting a body to find out.
Libraries of the fifteenth round and before stored version 1 (then only the model's)."""

EMBEDDINGS_TO_RESTAMP = (*range(EMBEDDER * 1000 + 1, EMBEDDINGS), *((1,) if EMBEDDER == 1 else ()))
"""The older EMBEDDINGS that today's EMBEDDER made under another splitting (1: EMBEDDER 1 before
SENTENCES was part of the version): their rows are still right where today's splitting gives the
same sentences, and are stamped anew (index/derived.py, restamp). Not another EMBEDDER's, older
or newer: its rows are recomputed even where the sentences are the same."""
