"""Decoding article bytes: BOMs, UTF-16 without BOM, declared and detected legacy charsets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kimreader.corpus.decode import declared_charset, decode_bytes
from kimreader.corpus.readers import ReadError, read_file

SAMPLES = (
    Path(__file__).resolve().parents[1].parent / "shared/testdata/awkward/charset_normalizer/data"
)
SAMPLE_FILES = sorted(p.name for p in SAMPLES.glob("sample-*.txt"))

CYRILLIC = "[\u0400-\u04ff]"
# Per sample: a pattern of its script that must make up much of the text, and a word to find.
EXPECTED: dict[str, tuple[str, str]] = {
    "sample-arabic-1.txt": ("[\u0600-\u06ff]", "المغاربية"),
    "sample-arabic.txt": ("[\u0600-\u06ff]", "المغاربية"),
    "sample-bulgarian.txt": (CYRILLIC, "образование"),
    "sample-chinese.txt": ("[\u4e00-\u9fff]", "維基"),
    "sample-english.bom.txt": ("[A-Za-z]", "About 2 months ago"),
    "sample-french-1.txt": ("[A-Za-zÀ-ÿ]", "MOLIÈRE"),
    "sample-french.txt": ("[A-Za-zÀ-ÿ]", "MOLIÈRE"),
    "sample-greek-2.txt": ("[\u0370-\u03ff]", "ελληνική"),
    "sample-greek.txt": ("[\u0370-\u03ff]", "ελληνική"),
    "sample-hebrew-2.txt": ("[\u0590-\u05ff]", "עבריים"),
    "sample-hebrew-3.txt": ("[\u0590-\u05ff]", "עבריים"),
    "sample-korean.txt": ("[\uac00-\ud7af]", "역사적"),
    "sample-polish.txt": ("[A-Za-ząćęłńóśźżĄĆĘŁŃÓŚŹŻ]", "URZĄDZENIE"),
    "sample-russian-2.txt": (CYRILLIC, "гимназии"),
    "sample-russian-3.txt": (CYRILLIC, "Москва"),
    "sample-russian.txt": (CYRILLIC, "гимназии"),
    "sample-spanish.txt": ("[A-Za-zÁÉÍÓÚáéíóúñÑ]", "creación"),
    "sample-turkish.txt": ("[A-Za-zçğıöşüÇĞİÖŞÜ]", "İstanbul"),
}

needs_samples = pytest.mark.skipif(not SAMPLE_FILES, reason="../shared test data is not present")


@needs_samples
def test_every_sample_has_an_expectation() -> None:
    assert set(SAMPLE_FILES) == set(EXPECTED)


@needs_samples
@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_decodes_in_its_script(name: str) -> None:
    text = decode_bytes((SAMPLES / name).read_bytes())
    script, word = EXPECTED[name]
    assert "\ufffd" not in text
    assert word in text
    letters = re.findall(r"[^\W\d_]", text)
    assert len(re.findall(script, text)) > 0.5 * len(letters)


@needs_samples
@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_imports_as_article(name: str) -> None:
    article = read_file(SAMPLES / name)
    assert "\ufffd" not in article.title + article.body
    assert not article.title.startswith("\ufeff")
    assert "\r" not in article.body


@needs_samples
@pytest.mark.parametrize(
    ("legacy", "utf8"),
    [
        ("sample-french-1.txt", "sample-french.txt"),
        ("sample-russian.txt", "sample-russian-2.txt"),
        ("sample-arabic-1.txt", "sample-arabic.txt"),
    ],
)
def test_legacy_sample_matches_its_utf8_twin(legacy: str, utf8: str) -> None:
    assert decode_bytes((SAMPLES / legacy).read_bytes()) == decode_bytes(
        (SAMPLES / utf8).read_bytes()
    )


@needs_samples
def test_bom_is_not_kept() -> None:
    text = decode_bytes((SAMPLES / "sample-english.bom.txt").read_bytes())
    assert text.startswith("1\n00:00:06,500")
    assert read_file(SAMPLES / "sample-english.bom.txt").title == "1"


TEXT = "Kim Jong-un — “Pyongyang” café, Москва, 北京\n"


@pytest.mark.parametrize(
    "encoded",
    [
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"),
        b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32-le"),
        TEXT.encode("utf-8"),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "utf32be-bom",
         "utf16le", "utf16be", "utf32le", "utf8"],
)  # fmt: skip
def test_unicode_forms(encoded: bytes) -> None:
    assert decode_bytes(encoded) == TEXT


def test_declared_charset_is_used_when_valid() -> None:
    data = "Привет, мир: новости из Москвы".encode("koi8-r")
    assert decode_bytes(data, "koi8-r") == "Привет, мир: новости из Москвы"


def test_utf8_wins_over_a_wrong_declaration() -> None:
    assert decode_bytes("北京新闻".encode(), "gb2312") == "北京新闻"


def test_latin1_declaration_reads_windows_1252_quotes() -> None:
    data = "“Quoted” — café".encode("cp1252")
    assert decode_bytes(data, "iso-8859-1") == "“Quoted” — café"


def test_undeclared_cp1252_falls_back_without_replacement() -> None:
    text = decode_bytes("Caf\xe9 \x93bonjour\x94".encode("latin-1"))
    assert "\ufffd" not in text and "Caf" in text


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<html><head><meta charset="windows-1251">', "windows-1251"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312" />', "gb2312"),
        (b"<?xml version='1.0' encoding='ISO-8859-2'?><html>", "iso-8859-2"),
        (b"<html><body><p>no declaration</p>", None),
    ],
)
def test_declared_charset_sniffing(head: bytes, charset: str | None) -> None:
    assert declared_charset(head) == charset


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(256)) * 4,
        bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 100,
    ],
    ids=["png", "all-bytes", "control-bytes"],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(ReadError, match="binary file, not text"):
        decode_bytes(data)
