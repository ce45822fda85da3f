"""Field types that index faster than Whoosh's own, with the same terms and postings.

Field objects are pickled into the index's table of contents: these classes must keep their
module and names (bump SCHEMA_VERSION when they move).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from whoosh.fields import TEXT

# (btext, frequency, weight, encoded value) for each distinct term, as FieldType.index yields
Postings = Iterator[tuple[bytes, int, float, bytes]]


class _Steps:
    """The steps of a RegexTokenizer | LowercaseFilter [| StopFilter] [| StemFilter] chain."""

    def __init__(self, analyzer: Any) -> None:
        from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter

        items = list(getattr(analyzer, "items", ()))
        kinds = [type(item) for item in items]
        if kinds[:2] != [RegexTokenizer, LowercaseFilter] or items[0].gaps:
            raise TypeError("not a chain the fast path knows")
        rest = items[2:]
        self.finditer = items[0].expression.finditer
        self.stop: Any = rest.pop(0) if rest and type(rest[0]) is StopFilter else None
        stem = rest.pop(0) if rest and type(rest[0]) is StemFilter else None
        if rest or (stem is not None and stem.lang):
            raise TypeError("not a chain the fast path knows")
        self.stem: Callable[[str], str] | None = None
        self.ignore: frozenset[str] = frozenset()
        if stem is not None:
            self.stem = _cached_stem(stem.stemfn)
            self.ignore = stem.ignore


@functools.cache
def _cached_stem(stemfn: Callable[[str], str]) -> Callable[[str], str]:
    return functools.lru_cache(maxsize=200_000)(stemfn)


class FastText(TEXT):
    """TEXT whose `index` runs the analyzer's steps in one loop instead of a chain of generators.

    Indexing the same terms with the same positions, characters and weights (the tests compare
    it with Whoosh's own path) about three times faster; queries still use the analyzer.
    Field types are pickled into the index, so this class must stay importable by this name.
    """

    def index(self, value: Any, **kwargs: Any) -> Postings:
        from whoosh.formats import Characters, Existence

        steps = self._fast_steps()
        fmt = self.format
        if kwargs or not isinstance(value, str) or steps is None:
            return super().index(value, **kwargs)
        if type(fmt) is Existence:
            return self._existence(value, steps)
        if type(fmt) is Characters:
            return self._characters(value, steps)
        return super().index(value, **kwargs)

    def _fast_steps(self) -> _Steps | None:
        steps = self.__dict__.get("_steps", False)
        if steps is False:
            try:
                steps = _Steps(self.analyzer)
            except TypeError:
                steps = None
            self.__dict__["_steps"] = steps
        return steps

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_steps"}

    def _occurrences(self, value: str, steps: _Steps) -> dict[str, list[tuple[int, int, int]]]:
        """term -> [(position, startchar, endchar)], as the analyzer chain would produce them.

        One plain loop (no generator per step): this is the hot path of indexing.
        """
        stop, stem, ignore = steps.stop, steps.stem, steps.ignore
        stops = stop.stops if stop else frozenset()
        minsize = stop.min if stop else 0
        maxsize = stop.max if stop and stop.max is not None else 1 << 30
        renumber = bool(stop and stop.renumber)
        seen: defaultdict[str, list[tuple[int, int, int]]] = defaultdict(list)
        pos = -1
        for index, match in enumerate(steps.finditer(value)):
            text = match.group(0).lower()
            if stop is not None and (text in stops or not minsize <= len(text) <= maxsize):
                continue
            # Whoosh's StopFilter keeps the first kept word's position, then counts on.
            pos = (index if pos < 0 else pos + 1) if renumber else index
            if stem is not None and text not in ignore:
                text = stem(text)
            seen[text].append((pos, match.start(), match.end()))
        return seen

    def _characters(self, value: str, steps: _Steps) -> Postings:
        boost = self.format.field_boost
        encode = self.format.encode
        for word, occurrences in self._occurrences(value, steps).items():
            count = len(occurrences)
            yield word.encode("utf-8"), count, count * boost, encode(occurrences)

    def _existence(self, value: str, steps: _Steps) -> Postings:
        boost = self.format.field_boost
        if steps.stop is None and steps.stem is None:
            words = {match.group(0).lower() for match in steps.finditer(value)}
        else:
            words = set(self._occurrences(value, steps))
        for word in words:
            yield word.encode("utf-8"), 1, boost, b""


def spelling_field(analyzer: Any) -> FastText:
    """Unstemmed words for "did you mean": which words occur, not where or how often."""
    from whoosh.formats import Existence

    field = FastText(analyzer=analyzer, phrase=False)
    field.format = Existence()
    return field
