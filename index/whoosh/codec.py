"""Whoosh's codec with field lengths remembered while a segment is written.

Segments pickle their codec into the index's table of contents: keep the module and names.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import W3Codec


class _MemoLengths:
    """A per-document reader that remembers field lengths once read.

    While committing, Whoosh asks for a document's field length once per posting (each word
    of each document), reading it back from the segment's files every time; remembered, the
    commit takes about a third less time.
    """

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._lengths: dict[str, dict[int, int]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        if default:
            return self._reader.doc_field_length(docnum, fieldname, default)
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            lengths = self._lengths[fieldname] = {}
        length = lengths.get(docnum)
        if length is None:
            length = lengths[docnum] = self._reader.doc_field_length(docnum, fieldname, 0)
        return length

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)


class FastCodec(W3Codec):
    """Whoosh's default codec, with field lengths remembered while a segment is written.

    Segments pickle their codec into the index's table of contents: keep this name.
    """

    def per_document_reader(self, storage: Any, segment: Any) -> Any:
        return _MemoLengths(super().per_document_reader(storage, segment))
