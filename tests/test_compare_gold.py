"""The hand-written comparison gold (tests/gold/compare) is well formed: every string is found
once, inside one line, in its report's text; splits, quote kinds and verdict relations are ones
the bench scores; the blind fresh3 pairs use reserved reports, each in one pair only; the
verdict pairs of fresh4v name Wikinews articles of that split. Nothing here runs kimreader's
analysis on the gold texts (they are scored only by bench/compare.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
GOLD = ROOT / "tests" / "gold" / "compare"
WIKINEWS = BENCH / "gold" / "wikinews"
QUOTE_KINDS = {"person", "body", "anonymous", "none"}
RELATIONS = {"same", "related", "unrelated"}


@pytest.fixture
def bench_modules(shared_dir: Path) -> tuple[ModuleType, tuple[str, ...]]:
    """bench/compare_gold.py (the loader the bench scores with) and the splits it scores."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    import compare_gold
    from meaning import FINAL_SPLITS

    return compare_gold, FINAL_SPLITS


def wikinews_splits() -> dict[str, str]:
    """Each Wikinews gold article ("wikinews/NAME", bench/gold/wikinews) and its split."""
    manifest = json.loads((WIKINEWS / "manifest.json").read_text(encoding="utf-8"))
    return {f"wikinews/{a['name']}": a["split"] for a in manifest["articles"]}


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.json"))


def gold_strings(data: dict[str, Any]) -> list[str]:
    strings = [item[side] for key in ("same_point", "differences", "agreements")
               for item in data[key] for side in "ab"]  # fmt: skip
    return strings + [item["quote"] for item in data["quotes"]]


@pytest.mark.parametrize("path", gold_files(), ids=lambda path: path.stem)
def test_a_gold_pair_is_well_formed(
    path: Path, bench_modules: tuple[ModuleType, tuple[str, ...]]
) -> None:
    compare_gold, final_splits = bench_modules
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["pair"] == path.stem
    assert data["split"] in final_splits
    assert all("\n" not in text for text in gold_strings(data))
    pair = compare_gold.load_pair(path)  # raises unless each string is found exactly once
    for quote in pair.quotes:
        assert quote.report in ("a", "b") and quote.kind in QUOTE_KINDS
        assert (quote.kind == "none") == (quote.speaker == ""), quote


def test_fresh3_pairs_use_reserved_reports_once(shared_dir: Path) -> None:
    reserved = json.loads((ROOT / "bench/gold/reserved_fresh3.json").read_text(encoding="utf-8"))
    used: list[str] = []
    for path in gold_files():
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["split"] == "fresh3":
            used += [Path(data[side]).stem for side in "ab"]
    assert used and set(used) <= set(reserved["compare"])
    assert len(used) == len(set(used))


@pytest.mark.parametrize("path", sorted((GOLD / "verdicts").glob("*.json")), ids=lambda p: p.stem)
def test_verdict_pairs_name_real_reports(
    path: Path, bench_modules: tuple[ModuleType, tuple[str, ...]]
) -> None:
    _, final_splits = bench_modules
    from meaning import VERDICT_ONLY_SPLITS

    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["split"] == path.stem and path.stem in (*final_splits, *VERDICT_ONLY_SPLITS)
    testdata = ROOT.parent / "shared" / "testdata"
    wikinews = wikinews_splits()
    for pair in data["pairs"]:
        assert pair["relation"] in RELATIONS and pair["why"]
        assert pair["a"] != pair["b"]
        for name in (pair["a"], pair["b"]):
            if name.startswith("wikinews/"):  # an article of this split, never another's
                assert wikinews.get(name) == path.stem, name
                assert (WIKINEWS / f"{name.removeprefix('wikinews/')}.txt").is_file(), name
            else:
                assert (testdata / name).exists(), pair
    gold = [json.loads(gold_path.read_text(encoding="utf-8")) for gold_path in gold_files()]
    gold_same = {frozenset((g["a"], g["b"])) for g in gold if g["split"] == path.stem}
    same = {
        frozenset((pair["a"], pair["b"])) for pair in data["pairs"] if pair["relation"] == "same"
    }
    assert same == gold_same
