"""Measure language identification of article text (what `kimreader add` stores as language).

Two sets, the text only (page metadata is not shown to the detector):
    dev       the mozilla-readability pages whose expected-metadata.json gives a language
              (kimreader's Markdown body of source.html; tuned on: the sample size, the
              minimum letters and probability)
    held-out  the charset_normalizer samples (language in the file name) and the 80 ECB+
              news texts (all English); scored once, not tuned on

Detectors: py3langid (what kimreader uses) and, if installed, lingua-language-detector.
Prints accuracy on the primary language subtag, "unknown" answers, and the median ms per text.
Run: python bench/language.py [--errors]
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PAGES = SHARED / "testdata/mozilla-readability/test/test-pages"
SAMPLES = SHARED / "testdata/awkward/charset_normalizer/data"
ECB = SHARED / "testdata/ecbplus/text"
_SAMPLE_LANGUAGES = {
    "arabic": "ar",
    "bulgarian": "bg",
    "chinese": "zh",
    "english": "en",
    "french": "fr",
    "greek": "el",
    "hebrew": "he",
    "korean": "ko",
    "polish": "pl",
    "russian": "ru",
    "spanish": "es",
    "turkish": "tr",
}


def dev_set() -> list[tuple[str, str, str]]:
    """(name, expected primary language, Markdown body) for the mozilla pages with a language."""
    from kimreader.corpus.readers import read_file

    items = []
    for page in sorted(PAGES.iterdir()):
        meta = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        if meta.get("lang"):
            body = read_file(page / "source.html").body
            items.append((page.name, meta["lang"].split("-")[0].lower(), body))
    return items


def held_out_set() -> list[tuple[str, str, str]]:
    from kimreader.corpus.decode import decode_bytes

    items = []
    for path in sorted(SAMPLES.glob("sample-*.txt")):
        language = _SAMPLE_LANGUAGES[path.stem.split("-")[1].split(".")[0]]
        items.append((path.name, language, decode_bytes(path.read_bytes())))
    for path in sorted(ECB.glob("*/*.txt")):
        items.append((path.name, "en", path.read_text(encoding="utf-8")))
    return items


def kimreader_detector() -> Callable[[str], str]:
    from kimreader.corpus.language import detect_language, primary_language

    return lambda body: primary_language(detect_language(body))


def lingua_detector() -> Callable[[str], str] | None:
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:
        return None
    detector = LanguageDetectorBuilder.from_all_languages().build()
    from kimreader.corpus.language import _prose_sample

    def detect(body: str) -> str:
        found = detector.detect_language_of(_prose_sample(body))
        return found.iso_code_639_1.name.lower() if found else ""

    return detect


def score(detect: Callable[[str], str], items: list[tuple[str, str, str]], errors: bool) -> str:
    detect(items[0][2])  # load the model outside the timing
    right = unknown = 0
    times = []
    for name, expected, body in items:
        start = time.perf_counter()
        found = detect(body)
        times.append(time.perf_counter() - start)
        right += found == expected
        unknown += found == ""
        if errors and found != expected:
            print(f"    {name}: expected {expected}, got {found or 'unknown'}")
    median_ms = statistics.median(times) * 1000
    share = right / len(items)
    return f"{right}/{len(items)} right ({share:.2f}), {unknown} unknown, {median_ms:.1f} ms"


def main() -> None:
    errors = "--errors" in sys.argv
    sets = {"dev (mozilla pages)": dev_set(), "held-out (samples + ECB+)": held_out_set()}
    detectors = {"py3langid 0.4 (kimreader)": kimreader_detector(), "lingua 2": lingua_detector()}
    print(f"{'detector':28} {'set':28} result")
    for detector_name, detect in detectors.items():
        if detect is None:
            print(f"{detector_name:28} (not installed)")
            continue
        for set_name, items in sets.items():
            print(f"{detector_name:28} {set_name:28} {score(detect, items, errors)}")


if __name__ == "__main__":
    main()
