"""Full-text search over the library (Whoosh). The index is a cache of the library."""

from kimreader.index import light_whoosh

light_whoosh.install()  # before any Whoosh import: see light_whoosh.py
