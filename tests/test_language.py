"""Each article's language at import (page metadata first, then the text); English-only NER."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kimreader.analysis.entities import extract_entities, not_extracted_reason
from kimreader.corpus.language import (
    article_language,
    detect_language,
    is_english,
    normalise_tag,
)
from kimreader.corpus.readers import read_file, read_text


def page(shared_dir: Path, name: str) -> Path:
    return shared_dir / "testdata/mozilla-readability/test/test-pages" / name / "source.html"


def test_tags_are_normalised() -> None:
    assert normalise_tag("en_us") == "en-US"
    assert normalise_tag("zh-hant-tw") == "zh-Hant-TW"
    assert normalise_tag("und") == normalise_tag("not a tag") == normalise_tag("") == ""
    assert is_english("en-GB") and is_english("") and not is_english("fr")


@pytest.mark.parametrize(
    ("name", "language"),
    [("lemonde-1", "fr"), ("liberation-1", "fr"), ("nytimes-1", "en"), ("folha", "pt"),
     ("heise", "de"), ("guardian-1", "en")],
)  # fmt: skip
def test_the_text_alone_tells_the_language(shared_dir: Path, name: str, language: str) -> None:
    body = read_file(page(shared_dir, name)).body
    assert detect_language(body) == language


def test_page_metadata_comes_first_then_the_text(shared_dir: Path) -> None:
    assert read_file(page(shared_dir, "folha")).language == "pt-BR"  # <html lang="pt-BR">
    assert read_file(page(shared_dir, "cnn")).language == "en"  # no lang attribute: the text
    french = read_file(page(shared_dir, "lemonde-1")).body
    assert article_language("en", french) == "en"  # declared wins
    assert article_language("", french) == "fr"
    assert read_text("Too short to tell.", "x.txt", "txt").language == ""


def test_non_english_articles_get_a_reason_not_junk_entities(shared_dir: Path) -> None:
    french = read_file(page(shared_dir, "lemonde-1"))
    english = read_file(page(shared_dir, "nytimes-1"))
    assert not_extracted_reason(french) == "entities not extracted (language: fr)"
    assert not_extracted_reason(english) == ""
    found_french, found_english = extract_entities([french, english])
    assert found_french == [] and any(e.name == "Sudan" for e in found_english)


def test_cli_entities_says_why_for_a_french_article(shared_dir: Path, tmp_path: Path) -> None:
    library = tmp_path / "lib"
    command = [sys.executable, "-m", "kimreader.tui.cli", "--library", str(library)]
    added = subprocess.run(
        [*command, "add", str(page(shared_dir, "lemonde-1"))], capture_output=True, text=True
    )
    assert added.returncode == 0, added.stderr
    listed = json.loads(subprocess.run([*command, "list", "--json"], capture_output=True).stdout)
    (french,) = [item for item in listed if "renseignement" in item["title"]]
    shown = subprocess.run([*command, "entities", french["id"]], capture_output=True, text=True)
    assert shown.returncode == 1
    assert shown.stdout.strip() == "entities not extracted (language: fr)"
    as_json = subprocess.run(
        [*command, "entities", french["id"], "--json"], capture_output=True, text=True
    )
    assert json.loads(as_json.stdout)["not_extracted"] == "entities not extracted (language: fr)"
