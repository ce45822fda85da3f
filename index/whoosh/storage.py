"""Index files read through a memory map."""

from __future__ import annotations

import mmap
import os
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile


class _MappedFile(StructFile):
    """A read-only index file whose random reads come from a memory map (no copy in memory).

    Whoosh maps a compound segment but also copies each file in it into a BytesIO; plain
    segment files it reads with a seek and a read per lookup. Mapped, lookups are as fast as
    from a compound segment and the memory is the page cache's, shared and reclaimable.
    """

    def __init__(self, path: str, name: str, **kwargs: Any) -> None:
        handle = open(path, "rb")  # noqa: SIM115 - closed by StructFile.close
        super().__init__(handle, name=name, **kwargs)
        size = os.fstat(handle.fileno()).st_size
        self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if size else None

    def get(self, position: int, length: int) -> bytes:
        if self._map is None:
            return super().get(position, length)
        return self._map[position : position + length]

    def close(self) -> None:
        if self._map is not None:
            try:
                self._map.close()
            except BufferError:  # a memoryview still points into it: let GC close it
                pass
            self._map = None
        super().close()


class MappedStorage(FileStorage):
    """Whoosh's folder storage, with files opened for reading through a memory map."""

    def open_file(self, name: str, **kwargs: Any) -> StructFile:
        return _MappedFile(self._fpath(name), name, **kwargs)
