"""Whoosh without the modules it imports and kimreader never uses through it.

At import, Whoosh pulls in `urllib.request` (and with it http.client, ssl and email) for a
download helper, `asyncio` (through the cached_property package, which supports coroutines)
for one cached attribute, and compiles ~700 suffix rules for `Variations` queries: about 35 ms
of a 0.2 s `kimreader search`. While those Whoosh modules run their imports, stand-ins hold
the names they take (a forwarding function; functools.cached_property, which does the same for
a plain method); the stand-ins leave `sys.modules` as soon as Whoosh's module is loaded, and any
other name asked of one (another thread importing the module meanwhile) loads the real module.
Whoosh itself is unchanged.
"""

from __future__ import annotations

import functools
import importlib
import importlib.machinery
import sys
import types
from collections.abc import Callable, Sequence
from typing import Any


class _StandIn(types.ModuleType):
    """Holds a few names of module `__name__`; any other loads the real module."""

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__"):  # the import system asks for __path__, __spec__, ...
            raise AttributeError(attribute)
        return getattr(_real(self.__name__), attribute)


def _real(name: str) -> types.ModuleType:
    if isinstance(sys.modules.get(name), _StandIn):
        del sys.modules[name]
    return importlib.import_module(name)


def _forward(module: str, function: str) -> Callable[..., Any]:
    """`module.function`, imported when first called."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(_real(module), function)(*args, **kwargs)

    return call


# Whoosh module -> (module it imports at once, the names it takes from it)
STAND_INS: dict[str, tuple[str, dict[str, Any]]] = {
    "whoosh.compat": ("urllib.request", {"urlretrieve": _forward("urllib.request", "urlretrieve")}),
    "whoosh.reading": ("cached_property", {"cached_property": functools.cached_property}),
    "whoosh.query.terms": (
        "whoosh.lang.morph_en",
        {"variations": _forward("whoosh.lang.morph_en", "variations")},
    ),
}


class _Loader:
    """The real loader of a Whoosh module, run with a stand-in for what it imports."""

    def __init__(self, real: Any, name: str, names: dict[str, Any]) -> None:
        self.real, self.name, self.names = real, name, names

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self.real.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        stand_in = None
        if self.name not in sys.modules:
            stand_in = _StandIn(self.name)
            stand_in.__dict__.update(self.names)
            sys.modules[self.name] = stand_in
        try:
            self.real.exec_module(module)
        finally:
            if stand_in is not None and sys.modules.get(self.name) is stand_in:
                del sys.modules[self.name]

    def __getattr__(self, attribute: str) -> Any:  # get_source, get_filename, ...
        return getattr(self.real, attribute)


class _Finder:
    """Finds the Whoosh modules of STAND_INS as usual, and gives them a _Loader."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in STAND_INS:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader, *STAND_INS[fullname])  # type: ignore[assignment]
        return spec


def install() -> None:
    """Before the first Whoosh import (kimreader.index does it; twice is harmless)."""
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
