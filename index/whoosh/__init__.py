"""The Whoosh engine behind the SearchBackend protocol (imported only when it is used)."""
