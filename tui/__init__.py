"""The faces of kimreader: the Textual app and the `kimreader` command line."""
