"""Shell completion scripts, run in the real shells against the installed `kimreader`."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    shutil.which("kimreader") is None, reason="kimreader is not installed"
)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("completion") / "library"
    environment = {**os.environ, "KIMREADER_HOME": str(home), "KIMREADER_CONFIG": "/nonexistent"}
    # A library with the two shipped reports (ids 0fee46c762…, c12e0a7a38…).
    subprocess.run(["kimreader", "add", "-"], input="", env=environment, capture_output=True)
    assert home.is_dir()
    for words in (["c12e", "korea", "summit"], ["0fee", "korea"]):
        subprocess.run(
            ["kimreader", "tag", *words], env=environment, capture_output=True, check=True
        )
    return environment


def _script(shell: str, env: dict[str, str], tmp_path: Path) -> Path:
    path = tmp_path / f"kimreader.{shell}"
    result = subprocess.run(
        ["kimreader", "completion", shell], env=env, capture_output=True, text=True, check=True
    )
    path.write_text(result.stdout, encoding="utf-8")
    return path


def _bash(script: Path, words: list[str], env: dict[str, str]) -> list[str]:
    quoted = " ".join(f"'{w}'" for w in words)
    program = (
        f"source {script}; COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; "
        '_kimreader; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    result = subprocess.run(["bash", "-c", program], env=env, capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if line]


def test_bash_completes_commands_options_and_article_ids(env: dict[str, str], tmp_path: Path):
    script = _script("bash", env, tmp_path)
    assert _bash(script, ["kimreader", "sh"], env) == ["show"]
    assert set(_bash(script, ["kimreader", "s"], env)) >= {"show", "search"}
    assert "--json" in _bash(script, ["kimreader", "compare", "x", "--"], env)
    assert _bash(script, ["kimreader", "show", "c1"], env) == ["c12e0a7a38"]
    assert (
        len(_bash(script, ["kimreader", "--library", env["KIMREADER_HOME"], "show", ""], env)) == 2
    )
    assert _bash(script, ["kimreader", "completion", "z"], env) == ["zsh"]
    assert "_complete" not in _bash(script, ["kimreader", "_"], env)


def test_bash_completes_tags_after_the_id_of_tag_and_untag(env: dict[str, str], tmp_path: Path):
    script = _script("bash", env, tmp_path)
    assert _bash(script, ["kimreader", "tag", "c1"], env) == ["c12e0a7a38"]
    assert _bash(script, ["kimreader", "tag", "c12e", ""], env) == ["korea", "summit"]
    assert _bash(script, ["kimreader", "untag", "c12e", "korea", "s"], env) == ["summit"]


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_commands_and_ids_with_titles(env: dict[str, str], tmp_path: Path):
    script = _script("fish", env, tmp_path)
    result = subprocess.run(
        [
            "fish",
            "-c",
            f"source {script}; complete -C 'kimreader sh'; complete -C 'kimreader show '",
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    lines = result.stdout.splitlines()
    assert "show\tprint one article" in lines
    assert "c12e0a7a38\tKim Returns to China, This Time With Leverage" in lines
    tags = subprocess.run(
        ["fish", "-c", f"source {script}; complete -C 'kimreader tag c12e '"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert tags.stdout.splitlines() == ["korea\t2 articles", "summit\t1 article"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_function_offers_commands_and_ids(env: dict[str, str], tmp_path: Path):
    script = _script("zsh", env, tmp_path)
    # compsys itself needs a live line editor; stand-ins print what the function offers.
    program = f"""
        compdef() {{ : }}
        compadd() {{ [[ $1 == -- ]] && shift; print -l -- "$@" }}
        _describe() {{ print -l -- "${{(@P)${{@[-1]}}}}" }}
        _files() {{ print files }}
        source {script}
        words=(kimreader sh); CURRENT=2; PREFIX=sh; _kimreader
        print -- ---
        words=(kimreader show ''); CURRENT=3; PREFIX=''; _kimreader
        print -- ---
        words=(kimreader list --); CURRENT=3; PREFIX=--; _kimreader
        print -- ---
        words=(kimreader tag c12e k); CURRENT=4; PREFIX=k; _kimreader
    """
    result = subprocess.run(["zsh", "-f", "-c", program], env=env, capture_output=True, text=True)
    commands, ids, options, tags = result.stdout.split("---\n")
    assert tags.split() == ["korea"]
    assert "show:print one article" in commands.splitlines()
    assert any(line.startswith("c12e0a7a38:Kim Returns to China") for line in ids.splitlines())
    assert "--json" in options.split()


def test_ids_for_a_missing_library_print_nothing(tmp_path: Path):
    env = {**os.environ, "KIMREADER_HOME": str(tmp_path / "none"), "KIMREADER_CONFIG": "/x"}
    for kind in ("ids", "tags"):
        result = subprocess.run(["kimreader", "_complete", kind], env=env, capture_output=True)
        assert result.stdout == b"" and result.returncode == 1
    assert not (tmp_path / "none").exists()
