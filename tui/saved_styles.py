"""Textual's parsed stylesheets, kept between runs (#14: the first frame).

Textual parses every stylesheet it uses (kimreader.tcss and each widget's DEFAULT_CSS) at every
start: ~15 ms of the first frame, for text that changes only with an upgrade. `SavedStyles`
keeps the parsed rules in the user's cache folder (pickled, as Python keeps its bytecode) under
the exact CSS text, where it was read from and the theme's variables, and `CachedStylesheet`
looks them up before parsing. Anything amiss (no file, another Textual, a damaged file, other
CSS or colours) means parsing as Textual always does; what was parsed is saved after the first
frame (`save`, atomic: a temp file renamed over the old one), never before it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

CACHE_NAME = "styles.pickle"
RulesKey = tuple[str, CSSLocation, bool, int, str]  # Stylesheet._parse_rules's arguments


def textual_stamp() -> tuple[object, ...]:
    """What the saved rules were made by: this Python and this installation of Textual (an
    upgrade rewrites its files, so their times change too)."""
    import textual.css.parse

    parser = os.stat(textual.css.parse.__file__)
    return (sys.version_info[:2], textual.css.parse.__file__, parser.st_mtime_ns, parser.st_size)


class SavedStyles:
    """Parsed rules by (CSS, location, flags), all made with one set of theme variables."""

    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: nothing saved (the tests' apps, say)
        self.variables: dict[str, str] = {}
        self.rules: dict[RulesKey, list[RuleSet]] = {}
        self.unsaved = False

    @classmethod
    def load(cls, path: Path) -> SavedStyles:
        saved = cls(path)
        try:
            data = pickle.loads(path.read_bytes())
            if data["stamp"] == textual_stamp():
                saved.variables, saved.rules = dict(data["variables"]), dict(data["rules"])
        except Exception:  # noqa: BLE001 - a cache: missing, damaged or stale means parse again
            saved.variables, saved.rules = {}, {}
        return saved

    def get(self, key: RulesKey, variables: dict[str, str]) -> list[RuleSet] | None:
        return self.rules.get(key) if variables == self.variables else None

    def put(self, key: RulesKey, variables: dict[str, str], rules: list[RuleSet]) -> None:
        if variables != self.variables:  # another theme's colours: the old rules are no use
            self.variables, self.rules = dict(variables), {}
        self.rules[key] = rules
        self.unsaved = True

    def save(self) -> None:
        """Write the rules if some were parsed since they were read (a read-only or full disk:
        they are parsed again next time)."""
        if not self.unsaved or self.path is None:
            return
        self.unsaved = False
        data: dict[str, Any] = {
            "stamp": textual_stamp(),
            "variables": self.variables,
            "rules": self.rules,
        }
        temp = self.path.with_name(f".tmp-{os.getpid()}-{self.path.name}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temp, self.path)
        except Exception:  # noqa: BLE001 - a cache: never the reason the app stops
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)


class CachedStylesheet(Stylesheet):
    """Textual's Stylesheet, parsing only CSS it has no saved rules for."""

    def __init__(self, saved: SavedStyles, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self.saved = saved

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key: RulesKey = (css, read_from, is_default_rules, tie_breaker, scope)
        rules = self.saved.get(key, self._variables)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            if not any(rule.errors for rule in rules):
                self.saved.put(key, self._variables, rules)
        return rules
