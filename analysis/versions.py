"""The version of each kind of derived data's output, stored with it in its sidecar.

Bump a number when a change alters what its extractor produces for the same text (a new span
rule, another sentence split, another model). Libraries stored by an older kimreader then show
their old data until the background step (`kimreader doctor`, the app) has recomputed it.
This module imports nothing, so the index and the shipped-data writer can read it cheaply.
"""

ENTITIES = 24
EMBEDDINGS = 1
