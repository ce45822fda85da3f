"""The quote rules as they were before each development set was tuned on: what they do on text
they have not seen, to train and judge the speaker model on (bench/train_quote_speakers.py).

The rules of analysis/quotes.py were tuned on every development set, so on those sets they are
right almost always, and a model trained on that output learns only to trust them. Each set was
first scored with the code of the commit before its gold landed (`UNSEEN_AT`); that code's
drafts on the set are what the rules do on unseen text. This module checks each such commit
out in a temporary git worktree (bench/_history.py), runs its `_QuoteFinder` on the set's
bodies (with today's spaCy entities, so that only the rules differ) and reads every quote's
candidates with today's analysis/quotes_model.py (copied under another package name beside the
old code). Results are cached in /tmp by commit.

Worker mode (run by `drafts_at`): python bench/quote_history.py --worker IN OUT
"""

from __future__ import annotations

import json
import pickle
import sys
import tempfile
from pathlib import Path

from _history import WIKINEWS_GOLD_LANDED, run_at_parent  # bench/ is on sys.path when run

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(tempfile.gettempdir()) / "kimreader-quote-history"
# The commit each set's quote gold landed in; its parent had not seen the set.
UNSEEN_AT = {
    **WIKINEWS_GOLD_LANDED,
    # compare gold, per pair file
    "aceh-quake-2013": "ca6fe3b",
    "gaza-un-schools": "ca6fe3b",
    "tara-reid-rehab": "ca6fe3b",
    "west-papua-quake-2009": "ca6fe3b",
    "yida-camp-bombing": "ca6fe3b",
    "lohan-cliffside": "55ea1f3",
    "gaza-fakhura-school": "a079e9a",
    "gaza-gunness-militants": "a079e9a",
    "yida-bbc-peaceforce": "a079e9a",
    "yida-usatoday-rnw": "a079e9a",
    "aceh-quake-afp-ap": "89f7243",
    "tara-reid-friday-tuesday": "89f7243",
    "tara-reid-social-drinker": "89f7243",
    "west-papua-manokwari": "89f7243",
    "yida-reuters-ap": "89f7243",
    # fresh9c (landed with fresh9)
    "gaza-brussels-condemns": "de1e362",
    "lohan-cbs-nypost": "de1e362",
    "tara-reid-ketsoyan": "de1e362",
    "west-papua-refugee-camps": "de1e362",
    "yida-nyt-christianpost": "de1e362",
}

Drafted = list[tuple[dict[str, object], list[tuple[str, str, dict[str, float]]]]]


def drafts_at(commit: str, bodies: list[tuple[str, list[dict[str, object]]]]) -> list[Drafted]:
    """For each (body, entities as JSON): every quote the rules of `commit`'s parent draft
    (start, end, cue, speaker, kind) with its candidates (speaker, kind, features)."""
    result: list[Drafted] = run_at_parent(commit, bodies, CACHE, __file__, with_today=True)
    return result


def _worker(given: Path, taken: Path) -> None:
    from kimcur.analysis.quotes_model import Context, candidates  # type: ignore[import-not-found]

    from kimreader.analysis import quotes
    from kimreader.analysis.entity import Entity

    out: list[Drafted] = []
    for body, raw in pickle.loads(given.read_bytes()):
        entities = [Entity.from_json(e) for e in raw]
        finder = quotes._QuoteFinder(body, entities)
        drafts = [d for d in finder._drafts() if d is not None]
        finder._resolve(drafts)
        for draft in drafts:
            draft.kind = getattr(draft, "kind", "") or ("person" if draft.speaker else "")
        context = Context(
            body,
            finder.sentences,
            [p.start for p in finder.paragraphs],
            finder.people,
            sorted(span for e in entities if e.type == "person" for span in e.mentions),
            [(s, e, org.name) for org in entities if org.type == "org" for s, e in org.mentions],
            finder.spans,
        )
        found: Drafted = []
        for index, draft in enumerate(drafts):
            facts = {
                "start": draft.span.start,
                "end": draft.span.end,
                "cue": draft.cue,
                "speaker": draft.speaker,
                "kind": draft.kind,
                "full": draft.full,
            }
            found.append(
                (
                    facts,
                    [(c.speaker, c.kind, c.features) for c in candidates(context, drafts, index)],
                )
            )
        out.append(found)
    taken.write_bytes(pickle.dumps(out))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        _worker(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        print(json.dumps(UNSEEN_AT, indent=1))
