"""The config file: defaults, every key, one clear line per problem, and what uses it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kimreader.tui.config import load_settings


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "conf" / "config.toml"
    path.parent.mkdir()
    monkeypatch.setenv("KIMREADER_CONFIG", str(path))
    monkeypatch.delenv("KIMREADER_HOME", raising=False)
    return path


def test_textuals_theme_names_are_read_as_kimreaders(config_file: Path) -> None:
    config_file.write_text('theme = "textual-light"\n', "utf-8")
    settings = load_settings()
    assert settings.problems == [] and settings.theme == "light"  # the palette's name for it


def test_no_file_means_defaults(config_file: Path) -> None:
    settings = load_settings()
    assert settings.problems == []
    assert settings.theme == "dark"
    assert settings.sidebar == "auto"
    assert settings.search_debounce == 0.15
    assert settings.compare_threshold is None
    assert set(settings.sources.values()) == {"default"}


def test_every_key_is_read(config_file: Path, tmp_path: Path) -> None:
    config_file.write_text(
        'library = "~/news"\ntheme = "ansi-light"\nsidebar = "hide"\n'
        "search_debounce_ms = 40\ncompare_threshold = 0.3\n"
        '[keymap]\n"main.next_hit" = "ctrl+n"\n',
        encoding="utf-8",
    )
    settings = load_settings()
    assert settings.problems == []
    assert settings.library == Path("~/news").expanduser()
    assert settings.theme == "ansi-light"
    assert settings.sidebar == "hide"
    assert settings.search_debounce == 0.04
    assert settings.compare_threshold == 0.3
    assert settings.keymap == {"main.next_hit": "ctrl+n"}
    assert settings.sources["theme"] == f"config {config_file}"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('theme = "blue"', "theme = 'blue' must be one of dark, light, ansi-dark, ansi-light"),
        ("sidebar = true", "sidebar = True must be one of auto, show, hide"),
        ("search_debounce_ms = -5", "search_debounce_ms = -5 must be a whole number"),
        ("compare_threshold = 3", "compare_threshold = 3 must be a number from 0 to 1"),
        ("colour = 1", "unknown key 'colour'"),
        ("theme = ", "not valid TOML"),
    ],
)
def test_a_bad_value_is_one_line_and_the_default(
    config_file: Path, line: str, expected: str
) -> None:
    config_file.write_text(line + "\n", encoding="utf-8")
    settings = load_settings()
    assert len(settings.problems) == 1
    assert expected in settings.problems[0]
    assert str(config_file) in settings.problems[0]
    assert settings.theme == "dark"


def test_old_keymap_json_is_still_read_and_the_config_wins(config_file: Path) -> None:
    (config_file.parent / "keymap.json").write_text(
        json.dumps({"main.next_hit": "ctrl+n", "main.prev_hit": "ctrl+b"}), encoding="utf-8"
    )
    config_file.write_text('[keymap]\n"main.next_hit" = "x"\n"no.such" = "y"\n', encoding="utf-8")
    settings = load_settings()
    assert settings.keymap == {"main.next_hit": "x", "main.prev_hit": "ctrl+b"}
    assert settings.problems == [f"config {config_file} [keymap]: unknown binding id 'no.such'"]


def _kimreader(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kimreader.tui.cli", *args],
        capture_output=True,
        text=True,
        input="",
        env={**os.environ, **env},
        timeout=120,
    )


def test_config_show_says_where_each_setting_came_from(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'theme = "light"\nlibrary = "{tmp_path / "lib"}"\nfoo = 1\n', "utf-8")
    env = {"KIMREADER_CONFIG": str(config), "KIMREADER_HOME": ""}
    result = _kimreader("config", "show", "--json", env=env)
    assert result.returncode == 0
    shown = json.loads(result.stdout)
    assert shown["settings"]["theme"] == {"value": "light", "from": f"config {config}"}
    assert shown["settings"]["library"]["value"] == str(tmp_path / "lib")
    assert shown["settings"]["sidebar"]["from"] == "default"
    assert result.stderr.count("\n") == 1 and "unknown key 'foo'" in result.stderr
    path = _kimreader("config", "path", env=env)
    assert path.stdout.strip() == str(config)


def test_the_config_library_is_used_and_flags_win(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'library = "{tmp_path / "lib"}"\n', "utf-8")
    env = {"KIMREADER_CONFIG": str(config), "KIMREADER_HOME": ""}
    added = _kimreader("add", str(Path(__file__).parent / "test_config.py"), env=env)
    assert "unsupported" in added.stderr  # a .py file is refused, but the library was opened
    assert (tmp_path / "lib").is_dir()
    other = tmp_path / "other"
    _kimreader("--library", str(other), "add", "-", env=env)
    assert other.is_dir()


def test_config_init_writes_an_example_that_loads_cleanly(tmp_path: Path) -> None:
    config = tmp_path / "new" / "config.toml"
    env = {"KIMREADER_CONFIG": str(config)}
    assert _kimreader("config", "init", env=env).returncode == 0
    assert "theme" in config.read_text("utf-8")
    again = _kimreader("config", "init", env=env)
    assert again.returncode == 2 and "not overwriting" in again.stderr
    assert _kimreader("config", "show", env=env).stderr == ""


def test_version_names_the_parts(tmp_path: Path) -> None:
    result = _kimreader("--version", env={})
    assert result.returncode == 0
    for part in ("kimreader", "textual", "whoosh", "spacy"):
        assert part in result.stdout
