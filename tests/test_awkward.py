"""Every case in ../shared/testdata/awkward/ not already covered by test_encodings.py (charset
samples through read_file) and test_html_extraction.py (tree-construction sections):
html5lib's encoding tests and tokenizer inputs as HTML files, the Big5 chardet sample, and the
charset samples through the real `kimreader add`, `search` and `show`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kimreader.corpus.decode import declared_charset, decode_bytes
from kimreader.corpus.readers import ReadError, read_file, read_text

AWKWARD = Path(__file__).resolve().parents[1].parent / "shared/testdata/awkward"
ENCODING_DIR = AWKWARD / "html5lib-tests/encoding"
TOKENIZER_DIR = AWKWARD / "html5lib-tests/tokenizer"
SAMPLES_DIR = AWKWARD / "charset_normalizer/data"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Reading ~2000 tokenizer inputs takes ~20 s: the fast run takes every FAST_STRIDE-th one of the
# big files, the slow run all of them.
FAST_STRIDE = 8
# The one encoding case we read differently from a browser: its <meta charset> sits after a
# <script> whose text contains "<meta"-like strings; we take cp1252 instead of iso-8859-2.
ENCODING_MISSES = {b"<!-- multi-script test -->"}
# WHATWG labels as Python codecs (a BOM is never part of the text).
PY_CODECS = {"windows-1252": "cp1252", "utf-8": "utf-8-sig"}

needs_awkward = pytest.mark.skipif(not AWKWARD.is_dir(), reason="../shared is not present")


def encoding_cases() -> list[tuple[str, int, bytes, str]]:
    """(file, index, data, expected encoding) of html5lib's encoding/*.dat."""
    cases = []
    for dat in sorted(ENCODING_DIR.glob("*.dat")):
        blocks = (b"\n" + dat.read_bytes()).split(b"\n#data\n")[1:]
        for index, block in enumerate(blocks):
            data, _, encoding = block.partition(b"\n#encoding\n")
            cases.append((dat.name, index, data, encoding.split(b"\n")[0].strip().decode()))
    return cases


def tokenizer_inputs(stride: int) -> list[tuple[str, int, str]]:
    """(file, index, input) of html5lib's tokenizer tests; double-escaped inputs unescaped."""
    inputs = []
    for test_file in sorted(TOKENIZER_DIR.glob("*.test")):
        tests = json.loads(test_file.read_text(encoding="utf-8"))["tests"]
        step = stride if len(tests) > 100 else 1
        for index, test in enumerate(tests[::step]):
            text = test["input"]
            if test.get("doubleEscaped"):
                text = text.encode("utf-8").decode("unicode_escape")  # may give lone surrogates
            inputs.append((test_file.name, index * step, text))
    return inputs


def assert_clean_outcome(data: bytes, name: str) -> str:
    """Import as an HTML file: an article with terminal-safe valid text, or a one-line error."""
    try:
        article = read_text(data, name, "html")
    except ReadError as error:
        assert "\n" not in str(error) and str(error).startswith(f"{name}: ")
        return "failed"
    for field in (article.title, article.body, article.summary, *article.authors):
        field.encode("utf-8")  # no lone surrogates
        assert not CONTROL.search(field), (name, field[:80])
    return "imported"


@needs_awkward
@pytest.mark.parametrize(
    ("name", "index", "data", "encoding"),
    encoding_cases(),
    ids=[f"{c[0]}-{c[1]}" for c in encoding_cases()] if ENCODING_DIR.is_dir() else None,
)
def test_html5lib_encoding_case(name: str, index: int, data: bytes, encoding: str) -> None:
    assert_clean_outcome(data, f"{name}-{index}.html")
    text = decode_bytes(data, declared_charset(data))
    assert "\ufffd" not in text
    try:
        browser = data.decode(PY_CODECS.get(encoding.lower(), encoding.lower()))
    except (UnicodeDecodeError, LookupError):
        return  # the file was re-encoded since (yahoo-jp is UTF-8 now): nothing to compare
    if not any(marker in data for marker in ENCODING_MISSES):
        assert text == browser, f"read as something else than {encoding}"


@needs_awkward
def test_the_known_encoding_miss_still_reads_as_text() -> None:
    (data,) = [c[2] for c in encoding_cases() if any(m in c[2] for m in ENCODING_MISSES)]
    assert "step 1 of 3" in decode_bytes(data, declared_charset(data))


@needs_awkward
@pytest.mark.timeout(120)
@pytest.mark.parametrize("stride", [FAST_STRIDE])
def test_html5lib_tokenizer_inputs_as_pages(stride: int) -> None:
    outcomes = [
        assert_clean_outcome(text.encode("utf-8", "surrogatepass"), f"{name}-{index}.html")
        for name, index, text in tokenizer_inputs(stride)
    ]
    # Most inputs are a lone token without text; those with text must still import.
    assert outcomes.count("imported") >= 40


@needs_awkward
@pytest.mark.slow
@pytest.mark.timeout(600)
def test_every_html5lib_tokenizer_input_as_a_page() -> None:
    test_html5lib_tokenizer_inputs_as_pages(1)


@needs_awkward
def test_numeric_references_to_controls_are_stripped() -> None:
    """&#x1b; &#x9b; &#0; ... in a page become nothing a terminal would act on."""
    refs = " ".join(f"&#x{code:x};" for code in [*range(0x20), *range(0x7F, 0xA0)])
    page = f"<html><body><p>Before {refs} after, with enough words to be an article.</p>"
    article = read_text(page.encode(), "refs.html", "html")
    text = article.title + article.body
    assert not CONTROL.search(text) and "Before" in text and "after, with" in text


@needs_awkward
def test_big5_chardet_sample() -> None:
    article = read_file(ENCODING_DIR / "chardet/test_big5.txt")
    text = article.title + article.body
    han = len(re.findall("[\u4e00-\u9fff]", text))
    assert "\ufffd" not in text and han > 0.5 * len(re.findall(r"[^\W\d_]", text))


@needs_awkward
@pytest.mark.timeout(120)
def test_charset_samples_through_the_real_cli(tmp_path: Path) -> None:
    library = tmp_path / "lib"

    def kimreader(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kimreader.tui.cli", "--library", str(library), *args],
            capture_output=True,
            text=True,
            timeout=100,
        )

    done = kimreader("add", "--no-entities", "--json", str(SAMPLES_DIR))
    assert done.returncode == 0 and done.stderr == "", done.stderr
    report = json.loads(done.stdout)
    files = [p for p in SAMPLES_DIR.iterdir() if p.suffix in (".txt", ".md")]  # and NOTICE.md
    assert not report["failed"]
    # Legacy-encoded twins of UTF-8 samples are the same text: duplicates, not new articles.
    assert len(report["added"]) + len(report["duplicates"]) == len(files)
    assert len(report["duplicates"]) >= 3
    for word in ("Москва", "İstanbul", "ελληνική", "역사적"):
        found = kimreader("search", word, "--json")
        assert found.returncode == 0, (word, found.stderr)
        hit = json.loads(found.stdout)["hits"][0]
        body = json.loads(kimreader("show", hit["id"], "--json").stdout)["body"]
        assert word.casefold() in body.casefold() and "\ufffd" not in body
