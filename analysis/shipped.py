"""Entities for the shipped reports, computed once and shipped beside them.

A new library starts with the two reports; shipping their entities means the first run shows
the entity sidebar without loading spaCy. tests/test_shipped_entities.py checks the files still
match what extraction gives today. Regenerate with: python -m kimreader.analysis.shipped
"""

from __future__ import annotations

import json
from pathlib import Path

from kimreader.analysis import versions
from kimreader.corpus.library import SHIPPED_DIR, article_from_markdown, shipped_entities_path


def extract_shipped() -> dict[Path, dict[str, object]]:
    """Fresh extraction for each shipped report, as {sidecar path: payload}."""
    from kimreader.analysis.entities import extract_entities

    paths = sorted(SHIPPED_DIR.glob("*.md"))
    articles = [article_from_markdown(p.read_text(encoding="utf-8"), p) for p in paths]
    found = extract_entities([a.body for a in articles])
    return {
        shipped_entities_path(path): {
            "hash": article.hash,
            "version": versions.ENTITIES,
            "data": [entity.to_json() for entity in entities],
        }
        for path, article, entities in zip(paths, articles, found, strict=True)
    }


def unbumped(path: Path, payload: dict[str, object]) -> bool:
    """Whether the stored file holds other entities made under the same ENTITIES: extraction
    changed without a new version, and libraries would keep their old entities."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stored.get("version") == payload["version"] and stored.get("data") != payload["data"]


def main() -> None:
    """Write the files; refused when extraction changed while ENTITIES stayed."""
    found = extract_shipped()
    changed = [path.name for path, payload in found.items() if unbumped(path, payload)]
    if changed:
        raise SystemExit(
            f"the entities of {', '.join(changed)} changed under ENTITIES {versions.ENTITIES}: "
            "bump ENTITIES in analysis/versions.py first (libraries then recompute theirs)"
        )
    for path, payload in found.items():
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
