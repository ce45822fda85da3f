"""Clean text first: invisible characters, furniture, title suffixes, outlets, re-import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kimreader.corpus.boilerplate import remove_boilerplate
from kimreader.corpus.library import Library
from kimreader.corpus.metadata import canonical_outlet, clean_title
from kimreader.corpus.readers import read_file, read_text
from kimreader.corpus.sanitize import sanitize_text

JUNK = ("Photo", "Credit", "Getty Images", "Continue reading the main story", "Advertisement")


def page(shared_dir: Path, name: str) -> Path:
    return shared_dir / "testdata/mozilla-readability/test/test-pages" / name / "source.html"


def test_invisible_characters_and_odd_spaces_are_normalised() -> None:
    assert sanitize_text("Netan\u00adyahu\u200b said\u00a0no\u202fway\u2028next") == (
        "Netanyahu said no way\nnext"
    )
    assert sanitize_text("\u200d\u200c\u3000") == "\u200d\u200c\u3000"  # joiners, CJK indent


def test_offsets_are_into_the_clean_body() -> None:
    article = read_text("# Title\n\nBenjamin Netan\u00adyahu\u00a0spoke.\n", "x.md", "md")
    start = article.body.index("Netanyahu")
    assert article.body[start : start + 9] == "Netanyahu"
    assert "\u00ad" not in article.body and "\u00a0" not in article.body


def test_french_page_has_no_no_break_spaces(shared_dir: Path) -> None:
    body = read_file(page(shared_dir, "lemonde-1")).body
    assert "\u00a0" not in body and "« boîtes noires »" in body


@pytest.mark.parametrize("name", ["nytimes-1", "nytimes-2"])
def test_nyt_photo_caption_credit_and_prompts_are_gone(shared_dir: Path, name: str) -> None:
    body = read_file(page(shared_dir, name)).body
    paragraphs = [p.strip() for p in body.split("\n\n")]
    for junk in JUNK:
        assert not any(p.startswith(junk) or p.endswith(junk) for p in paragraphs), junk
    if name == "nytimes-1":
        assert "United Nations peacekeepers at a refugee camp" not in body  # the caption
        assert body.startswith("LONDON — After nearly 20 years")


def test_agency_credits_and_video_markers_are_gone(shared_dir: Path) -> None:
    assert "JIM WATSON/AFP/Getty Images" not in read_file(page(shared_dir, "breitbart")).body
    assert "Photo by James Martin/CNET" not in read_file(page(shared_dir, "cnet")).body
    assert "\nVIDEO\n" not in read_file(page(shared_dir, "msn")).body


def test_sentences_about_photos_stay() -> None:
    body = "Credit card debt rose.\n\nThe photo was taken on Monday.\n\nPhoto\n\nA long paragraph."
    assert remove_boilerplate(body) == (
        "Credit card debt rose.\n\nThe photo was taken on Monday.\n\n\n\nA long paragraph."
    )


def test_titles_lose_author_and_site_suffixes(shared_dir: Path) -> None:
    guardian = read_file(page(shared_dir, "guardian-1"))
    assert guardian.title.endswith("fearful over whale strandings")
    assert read_file(page(shared_dir, "aktualne")).title.endswith("snadné přehlédnout")
    assert read_file(page(shared_dir, "breitbart")).title.endswith("Un-Angry Trump Supporters?'")
    # The first part always stays; a dash that is part of the headline stays.
    assert clean_title("Mozilla | Mozilla", "Mozilla") == "Mozilla"
    assert clean_title("Trump - The man", "Reuters") == "Trump - The man"


def test_outlet_names_are_canonical(shared_dir: Path) -> None:
    sources = {read_file(page(shared_dir, n)).source for n in ("nytimes-1", "nytimes-5")}
    assert sources == {"The New York Times"}
    assert read_file(page(shared_dir, "guardian-1")).source == "The Guardian"
    assert read_file(page(shared_dir, "tmz-1")).source == "TMZ"
    assert read_file(page(shared_dir, "breitbart")).source == "Breitbart"  # from the url
    assert canonical_outlet("Bloomberg (via The Straits Times)") == (
        "Bloomberg (via The Straits Times)"
    )
    front_matter = "---\ntitle: T\nsource: NYTimes\n---\nBody text.\n"
    assert read_text(front_matter, "x.md", "md").source == "The New York Times"


def test_reimporting_updates_the_metadata(tmp_path: Path) -> None:
    """The same file imported again with metadata read differently replaces the stored one."""
    source = tmp_path / "note.md"
    source.write_text("---\ntitle: T\nsource: Old Name\n---\nThe same body text.\n")
    library = tmp_path / "lib"
    command = [sys.executable, "-m", "kimreader.tui.cli", "--library", str(library), "add"]
    first = subprocess.run([*command, str(source)], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    source.write_text("---\ntitle: T\nsource: NYTimes\n---\nThe same body text.\n")
    second = subprocess.run([*command, str(source)], capture_output=True, text=True)
    assert "updated 1" in second.stdout, second.stdout
    again = subprocess.run([*command, str(source)], capture_output=True, text=True)
    assert "unchanged 1" in again.stdout, again.stdout
    stored = [a for a in Library.open(library, seed=False).articles() if a.title == "T"]
    assert [a.source for a in stored] == ["The New York Times"]
