"""Answers worked out once per index segment and kept with it."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

Value = TypeVar("Value")


class SegmentMemo(Generic[Value]):
    """A segment never changes, so what was worked out for it stays true for as long as its
    reader lives (the table forgets a reader that is gone). The `size` answers last used are
    kept per segment: an app open all day meets many queries."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._by_segment: weakref.WeakKeyDictionary[Any, dict[Hashable, Value]]
        self._by_segment = weakref.WeakKeyDictionary()

    def get(self, segment: Any, key: Hashable, work_out: Callable[[], Value]) -> Value:
        known = self._by_segment.setdefault(segment, {})
        if key in known:
            value = known[key] = known.pop(key)  # now the last used
            return value
        value = known[key] = work_out()
        if len(known) > self.size:
            del known[next(iter(known))]  # the least recently used
        return value
