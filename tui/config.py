"""kimreader's one config file: TOML under the XDG config dir, every setting optional.

Read by the app and the command line alike. A problem in the file (bad TOML, an unknown key, a
value of the wrong kind) is one line naming the key; the setting keeps its default and kimreader
still starts. Every effective setting remembers where it came from, for `kimreader config show`.

Textual-free and cheap to import: `kimreader --help` and the first frame pay nothing for it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_ENV = "KIMREADER_CONFIG"

# kimreader's theme names (the app registers them; the palette offers them) and the Textual
# theme each is made from; Textual's names are accepted in the config file too.
THEMES: dict[str, str] = {
    "dark": "textual-dark",
    "light": "textual-light",
    "ansi-dark": "ansi-dark",
    "ansi-light": "ansi-light",
}
SIDEBAR_CHOICES = ("auto", "show", "hide")

DEFAULTS: dict[str, Any] = {
    "library": None,
    "theme": "dark",
    "sidebar": "auto",
    "search_debounce_ms": 150,
    "compare_threshold": None,  # None: the comparison's own calibrated threshold
    "engine": None,  # None: the embedded Whoosh index; "sphinx://host:port,..." a cluster
    "keymap": {},
}

EXAMPLE = """\
# kimreader config (TOML). Every key is optional; `kimreader config show` prints what is in force.
# library = "~/news"            # the library folder ($KIMREADER_HOME and --library win over it)
# theme = "dark"                # dark, light, ansi-dark, ansi-light (the terminal's own colours)
# sidebar = "auto"              # auto (by terminal width), show, hide
# search_debounce_ms = 150      # pause after a keystroke before searching, 0 to 2000
# compare_threshold = 0.14      # score at which a passage counts as a counterpart, 0 to 1
# engine = "sphinx://127.0.0.1:9306,127.0.0.1:9308"   # a search cluster (kimreader cluster init)
#
# [keymap]                      # binding id = keys (ids: the help screen or tui/actions.py)
# "main.next_hit" = "ctrl+n"
"""


@dataclass
class Settings:
    """The settings in force, where each came from, and the problems met reading them."""

    values: dict[str, Any] = field(default_factory=lambda: dict(DEFAULTS))
    sources: dict[str, str] = field(default_factory=lambda: dict.fromkeys(DEFAULTS, "default"))
    problems: list[str] = field(default_factory=list)
    path: Path | None = None

    @property
    def library(self) -> Path | None:
        value = self.values["library"]
        return Path(value).expanduser() if value else None

    @property
    def theme(self) -> str:
        """The theme in force, by kimreader's name for it (Textual's "textual-dark" is "dark")."""
        name = str(self.values["theme"])
        return next((friendly for friendly, source in THEMES.items() if name == source), name)

    @property
    def sidebar(self) -> str:
        return str(self.values["sidebar"])

    @property
    def search_debounce(self) -> float:
        """Seconds to wait after a keystroke before searching."""
        return int(self.values["search_debounce_ms"]) / 1000

    @property
    def compare_threshold(self) -> float | None:
        value = self.values["compare_threshold"]
        return None if value is None else float(value)

    @property
    def engine(self) -> str | None:
        value = self.values["engine"]
        return str(value) if value else None

    @property
    def keymap(self) -> dict[str, str]:
        return dict(self.values["keymap"])

    def set(self, key: str, value: Any, source: str) -> None:
        self.values[key] = value
        self.sources[key] = source


def config_path() -> Path:
    """`$KIMREADER_CONFIG`, else config.toml in the platform's user config dir."""
    env = os.environ.get(CONFIG_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("kimreader", appauthor=False)) / "config.toml"


def user_cache_dir() -> Path:
    """kimreader's folder in the platform's user cache dir (what is kept there is rebuilt when
    missing)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("kimreader", appauthor=False))


def _library(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a folder path (a non-empty string)")
    return value


def _theme(value: Any) -> str:
    if not isinstance(value, str) or (value not in THEMES and value not in THEMES.values()):
        raise ValueError(f"must be one of {', '.join(THEMES)}")
    return value


def _sidebar(value: Any) -> str:
    if value not in SIDEBAR_CHOICES:
        raise ValueError(f"must be one of {', '.join(SIDEBAR_CHOICES)}")
    return str(value)


def _debounce(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 2000:
        raise ValueError("must be a whole number of milliseconds from 0 to 2000")
    return value


def _threshold(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError("must be a number from 0 to 1")
    return float(value)


def _engine(value: Any) -> str:
    from kimreader.index.cluster import parse_engine_url

    if not isinstance(value, str):
        raise ValueError("must be a string like sphinx://host:port,host:port")
    parse_engine_url(value)  # EngineUrlError is a ValueError with the reason
    return value


def _keymap(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError("must be a table of binding id = keys")
    return value


CHECKS: dict[str, Callable[[Any], Any]] = {
    "library": _library,
    "theme": _theme,
    "sidebar": _sidebar,
    "search_debounce_ms": _debounce,
    "compare_threshold": _threshold,
    "engine": _engine,
    "keymap": _keymap,
}


def _read_table(path: Path, problems: list[str]) -> dict[str, Any]:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return {}
    except OSError as error:
        problems.append(f"config {path}: not readable ({error}); using the defaults")
        return {}
    # Imported when there is a file to read: neither the first frame nor a search waits on it.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        problems.append(f"config {path}: not valid TOML ({error}); using the defaults")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(f"config {path}: not readable ({error}); using the defaults")
    return {}


def _apply_keymap(settings: Settings, table: Mapping[str, Any], origin: str) -> None:
    from kimreader.tui.actions import check_keymap

    keymap, problems = check_keymap(table, origin)
    settings.problems.extend(problems)
    if keymap:
        merged = {**settings.keymap, **keymap}
        settings.set("keymap", merged, origin)


def load_settings(path: Path | None = None) -> Settings:
    """The settings from the config file (and the old keymap.json), over the defaults."""
    path = path or config_path()
    settings = Settings(path=path)
    _apply_old_keymap(settings)
    table = _read_table(path, settings.problems)
    for key, value in table.items():
        check = CHECKS.get(key)
        if check is None:
            known = ", ".join(CHECKS)
            settings.problems.append(f"config {path}: unknown key {key!r} (known: {known})")
            continue
        try:
            checked = check(value)
        except ValueError as error:
            settings.problems.append(f"config {path}: {key} = {value!r} {error}; using the default")
            continue
        if key == "keymap":
            _apply_keymap(settings, checked, f"config {path} [keymap]")
        else:
            settings.set(key, checked, f"config {path}")
    return settings


def old_keymap_path() -> Path:
    """keymap.json, the keymap's home before the config file existed."""
    return config_path().parent / "keymap.json"


def _apply_old_keymap(settings: Settings) -> None:
    """keymap.json is still read; [keymap] in the config file wins over it."""
    path = old_keymap_path()
    if not path.exists():
        return
    from kimreader.tui.actions import load_keymap

    keymap, problems = load_keymap(path)
    settings.problems.extend(problems)
    if keymap:
        settings.set("keymap", keymap, str(path))


def library_folder(flag: Path | None) -> Path | None:
    """The library folder to open (None: the default); reads the config only when it decides."""
    if flag is not None or os.environ.get("KIMREADER_HOME", "").strip():
        return flag
    return load_settings().library


def library_choice(flag: Path | None, settings: Settings) -> tuple[Path | None, str]:
    """The library folder in force and why: --library, then $KIMREADER_HOME, then the config."""
    if flag is not None:
        return flag, "--library"
    if os.environ.get("KIMREADER_HOME", "").strip():
        return None, "$KIMREADER_HOME"
    if settings.library is not None:
        return settings.library, settings.sources["library"]
    return None, "default"


def engine_choice(args: Any) -> str | None:
    """The search engine url in force: --engine, then the config file; None for Whoosh."""
    flag = getattr(args, "engine", None)
    if flag:
        return str(flag)
    return load_settings().engine
