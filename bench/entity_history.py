"""The entity rules as they were before each development set was tuned on: what they do on text
they have not seen, to train and judge the learned decision on (bench/train_entity_types.py).

The rules of analysis/mentions.py, mention_types.py and entities.py were tuned on every
development set, so on those sets their type is right almost always, and a model trained on that
output learns only to trust them. Each set was first scored with the code of the commit before
its gold landed (`UNSEEN_AT`, from `git log --diff-filter=A -- bench/gold/entities_SET.json`);
that code's entities on the set are what the rules do on unseen text. As bench/quote_history.py
does for quotes, this module checks each such commit out in a temporary git worktree
(bench/_history.py) and runs its whole extraction (spaCy's small model, the same installed
weights) on the set's bodies, keeping, for each entity the rules build (the learned decision
off), its mentions: their fields become today's `Mention`s, so today's features and decision
read them. dev and heldout have no
such reading (their gold came before the mention rules existed), nor have the shipped reports.
Results are cached in /tmp by commit and bodies; the run is deterministic.

Worker mode (run by `readings_at`): python bench/entity_history.py --worker IN OUT
"""

from __future__ import annotations

import json
import pickle
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from _history import WIKINEWS_GOLD_LANDED, run_at_parent  # bench/ is on sys.path when run

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(tempfile.gettempdir()) / "kimreader-entity-history"
# The commit each set's entity gold landed in; its parent had not seen the set.
UNSEEN_AT = {
    "fresh": "8faea42",
    "fresh2": "964f231",
    **WIKINEWS_GOLD_LANDED,
}
_FIELDS = (
    "start",
    "end",
    "surface",
    "label",
    "type",
    "key",
    "in_heading",
    "table_name",
    "cluster",
    "evidence",
    "described",
    "birth_name",
)
_DEFAULTS: dict[str, Any] = {
    "table_name": None,
    "cluster": "",
    "evidence": False,
    "described": False,
    "birth_name": False,
}

# Per body: the old prose text and, per entity the old rules build, (its Entity as JSON, its
# mentions' fields over that text).
Reading = dict[str, Any]


def readings_at(commit: str, bodies: list[str]) -> list[Reading]:
    """For each body, what the rules of `commit`'s parent make of it."""
    result: list[Reading] = run_at_parent(commit, bodies, CACHE, __file__)
    return result


def _fields(mention: Any, prose: Any) -> dict[str, Any]:
    """The mention's fields, and where it is in the body ("body_span")."""
    fields = {name: getattr(mention, name, _DEFAULTS.get(name)) for name in _FIELDS}
    fields["body_span"] = tuple(prose.body_span(mention.start, mention.end))
    return fields


def _worker(given: Path, taken: Path) -> None:
    """Run the old tree's extraction, catching each body's entity groups on the way."""
    from kimreader.analysis import entities as old

    bodies: list[str] = pickle.loads(given.read_bytes())
    out: list[Reading] = []
    whole = old.entities_from_spans

    def caught(body: str, spans: Any, prose: Any = None, *rest: Any, **named: Any) -> list[Any]:
        prose = old.markdown_prose(body) if prose is None else prose
        groups: list[dict[str, Any]] = []
        if hasattr(old, "entity_groups"):  # the eighth round on: groups, then the decision
            from kimreader.analysis.entity_model import EntityModel

            for members in old.entity_groups(prose, spans, body):
                built = old.build_entities(prose, [members], EntityModel())
                if built:
                    groups.append(
                        {
                            "entity": built[0].to_json(),
                            "members": [_fields(m, prose) for m in members],
                        }
                    )
        else:  # before: the clusters are grouped in _build_entities
            build = old._build_entities

            def each_group(mentions: list[Any], clusters: Any, prose: Any) -> list[Any]:
                grouped: dict[str, list[Any]] = defaultdict(list)
                for mention in mentions:
                    grouped[clusters.find(mention.cluster)].append(mention)
                for members in grouped.values():
                    built = build(list(members), clusters, prose)
                    if built:
                        members.sort(key=lambda m: m.start)
                        groups.append(
                            {
                                "entity": built[0].to_json(),
                                "members": [_fields(m, prose) for m in members],
                            }
                        )
                return []

            old._build_entities = each_group
            try:
                whole(body, spans, prose)
            finally:
                old._build_entities = build
        groups.sort(key=lambda g: g["entity"]["mentions"][0])
        out.append({"text": prose.text, "groups": groups})
        return []

    old.entities_from_spans = caught
    for _ in old.iter_entities(bodies):
        pass
    taken.write_bytes(pickle.dumps(out))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        _worker(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        print(json.dumps(UNSEEN_AT, indent=1))
