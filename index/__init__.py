"""Full-text search over the library (Whoosh). The index is a cache of the library."""
