"""Corrections of entities by the user: merge two, rename, change the type, hide; undo.

Corrections are user data, not cache: they live in the library folder itself
(`<library>/entity-corrections.json`, written atomically, human-readable and editable) and are
applied whenever entities are read (the sidebar, the index's entity fields, the library's entity
list, the comparison), so they hold across the whole library at once and survive re-import,
reindex and `doctor`, which only rebuild what extraction gives.

A correction names its entity by type and name; it applies to every article's entity that the
library merge would join with that name (names.same_entity), in the order they were made.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from kimreader.analysis.entity import ENTITY_TYPES, Entity, EntityType
from kimreader.analysis.names import canonical_key, same_entity

CORRECTIONS_FILE = "entity-corrections.json"
FORMAT_VERSION = 1
Action = Literal["merge", "rename", "type", "hide"]
ACTIONS: tuple[Action, ...] = ("merge", "rename", "type", "hide")


class CorrectionError(ValueError):
    """A correction that cannot be read or made, as one line for the user."""


@dataclass(frozen=True)
class Correction:
    """One change: `action` on the entity (`type`, `name`).

    merge: into (`to_type`, `to_name`); rename: to `to_name`; type: to `to_type`; hide: nothing.
    """

    action: Action
    type: EntityType
    name: str
    to_name: str = ""
    to_type: EntityType | None = None

    def describe(self) -> str:
        target = f"{self.type}:{self.name}"
        if self.action == "merge":
            return f"merge {target} into {self.to_type}:{self.to_name}"
        if self.action == "rename":
            return f"rename {target} to {self.to_name}"
        if self.action == "type":
            return f"type of {target} is {self.to_type}"
        return f"hide {target}"

    def to_json(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if value not in ("", None)}

    @classmethod
    def from_json(cls, data: Any) -> Correction:
        if not isinstance(data, dict) or data.get("action") not in ACTIONS:
            raise CorrectionError(f"not a correction: {data!r}")
        correction = cls(
            action=data["action"],
            type=_entity_type(data.get("type")),
            name=str(data.get("name", "")).strip(),
            to_name=str(data.get("to_name", "")).strip(),
            to_type=_entity_type(data["to_type"]) if data.get("to_type") else None,
        )
        correction.check()
        return correction

    def check(self) -> None:
        if not self.name:
            raise CorrectionError("a correction needs the entity's name")
        if self.action in ("merge", "rename") and not self.to_name:
            raise CorrectionError(f"{self.action} needs a target name")
        if self.action in ("merge", "type") and self.to_type is None:
            raise CorrectionError(f"{self.action} needs a target type")

    def matches(self, entity: Entity) -> bool:
        """The entity is this one: the library merge joins the names, or one of its names is
        the name the user gave ("person:Obama" for Barack Obama, written "Obama")."""
        if entity.type != self.type:
            return False
        key = canonical_key(self.name, self.type)
        written = {canonical_key(a, entity.type) for a in (entity.name, *entity.aliases)}
        return key in written or same_entity(self.name, (), entity.name, entity.aliases, self.type)


def _entity_type(value: Any) -> EntityType:
    if value not in ENTITY_TYPES:
        raise CorrectionError(f"unknown entity type {value!r} (one of {', '.join(ENTITY_TYPES)})")
    return value


def parse_target(text: str) -> tuple[EntityType, str]:
    """ "person:Barack Obama" -> ("person", "Barack Obama")."""
    kind, colon, name = text.partition(":")
    if not colon or not name.strip():
        raise CorrectionError(f"{text!r}: write the entity as TYPE:NAME, e.g. person:Barack Obama")
    return _entity_type(kind.strip().lower()), name.strip()


# ---------------------------------------------------------------- applying


def touches(correction: Correction, entities: Sequence[Entity]) -> bool:
    """Does the correction change (or did it change) any of these entities?"""
    targets = [correction]
    if correction.to_name:
        targets.append(
            Correction("hide", correction.to_type or correction.type, correction.to_name)
        )
    return any(t.matches(e) for t in targets for e in entities)


def apply_corrections(
    entities: Sequence[Entity], corrections: Sequence[Correction]
) -> list[Entity]:
    """An article's entities with every correction applied, in the order they were made."""
    result = list(entities)
    for correction in corrections:
        result = _apply(result, correction)
    return result


def _apply(entities: list[Entity], correction: Correction) -> list[Entity]:
    if correction.action == "hide":
        return [e for e in entities if not correction.matches(e)]
    if correction.action == "merge":
        return _merge(entities, correction)
    result = []
    for entity in entities:
        if not correction.matches(entity):
            result.append(entity)
        elif correction.action == "rename":
            aliases = (correction.to_name, *(a for a in entity.aliases if a != correction.to_name))
            result.append(replace(entity, name=correction.to_name, aliases=aliases))
        else:
            assert correction.to_type is not None
            result.append(replace(entity, type=correction.to_type))
    return result


def _merge(entities: list[Entity], correction: Correction) -> list[Entity]:
    """The merged entity takes the target's name and type, and both entities' mentions."""
    assert correction.to_type is not None
    target = Correction("hide", correction.to_type, correction.to_name)
    into = next((e for e in entities if target.matches(e)), None)
    moved = [e for e in entities if correction.matches(e) and e is not into]
    if not moved:
        return entities
    base = into or Entity(correction.to_name, correction.to_type, (correction.to_name,), ())
    aliases = dict.fromkeys((correction.to_name, *base.aliases))
    mentions = set(base.mentions)
    for entity in moved:
        aliases.update(dict.fromkeys(entity.aliases))
        mentions.update(entity.mentions)
    merged = Entity(correction.to_name, correction.to_type, tuple(aliases), tuple(sorted(mentions)))
    result = []
    for entity in entities:
        if entity is into or (into is None and entity is moved[0]):
            result.append(merged)
        elif entity not in moved:
            result.append(entity)
    return result


# ---------------------------------------------------------------- the file in the library


def corrections_path(root: Path) -> Path:
    return root / CORRECTIONS_FILE


def current_corrections(root: Path) -> tuple[Correction, ...]:
    """The library's corrections, re-read only when the file changed; a damaged file is a
    CorrectionError, also found again without reading it until it changes. An operation over
    many articles asks once and applies what it got to each (`corrected(..., corrections)`)."""
    path = corrections_path(root)
    try:
        stat = path.stat()
    except OSError:
        return ()
    # The inode and ctime too: an atomic rewrite, or a chmod of an unreadable file, may keep
    # the size and the mtime.
    found = _cached(path, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size)
    if isinstance(found, str):
        raise CorrectionError(found)  # a new error each time: a raised one keeps its frames
    return found


@lru_cache(maxsize=4)
def _cached(path: Path, *stat: int) -> tuple[Correction, ...] | str:
    """The corrections, or what is wrong with the file's content (CorrectionError's line). A
    file that cannot be read raises: that may pass without the file changing."""
    content = _read(path)
    try:
        return tuple(_parse(path, content)) if content is not None else ()
    except CorrectionError as error:
        return str(error)


def corrected(
    root: Path, entities: Sequence[Entity], corrections: Sequence[Correction] | None = None
) -> list[Entity]:
    """Entities as stored, with the library's corrections applied (`corrections`: those an
    operation over many articles read once, else current_corrections)."""
    if corrections is None:
        corrections = current_corrections(root)
    return apply_corrections(entities, corrections) if corrections else list(entities)


def corrected_dicts(
    root: Path, stored: list[Any], corrections: Sequence[Correction] | None = None
) -> list[Any]:
    """Stored entity dicts (a sidecar's data) with the corrections applied (see corrected)."""
    if corrections is None:
        corrections = current_corrections(root)
    if not corrections:
        return stored
    entities = [Entity.from_json(item) for item in stored]
    return [e.to_json() for e in apply_corrections(entities, corrections)]


def load_corrections(root: Path) -> list[Correction]:
    """The library's corrections ([] when there are none); a damaged file is an error, one
    line naming the file and what is wrong (the file is the user's: never rewritten then)."""
    path = corrections_path(root)
    content = _read(path)
    return _parse(path, content) if content is not None else []


def _read(path: Path) -> bytes | None:
    """The file's bytes; None when there is none."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise CorrectionError(f"{path}: cannot read ({error.strerror})") from error


def _parse(path: Path, content: bytes) -> list[Correction]:
    try:
        text = content.decode("utf-8")
    except ValueError as error:
        raise _damaged(path, "not UTF-8 text") from error
    try:
        data = json.loads(text)
    except ValueError as error:
        raise _damaged(path, f"not valid JSON: {error}") from error
    items = data.get("corrections") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise _damaged(path, 'not a corrections file: no "corrections" list')
    corrections = []
    for number, item in enumerate(items, 1):
        try:
            corrections.append(Correction.from_json(item))
        except CorrectionError as error:
            raise _damaged(path, f"correction {number}: {error}") from error
    return corrections


def _damaged(path: Path, reason: str) -> CorrectionError:
    return CorrectionError(
        f"{path}: {reason} (fix it, or move it away to drop the corrections; kimreader "
        "leaves it as it is)"
    )


def save_corrections(root: Path, corrections: Sequence[Correction]) -> None:
    from kimreader.corpus.library import atomic_write_text

    document = {
        "about": "Entity corrections made in kimreader, applied in order to every article. "
        "Actions: merge (into to_type:to_name), rename (to_name), type (to_type), hide.",
        "version": FORMAT_VERSION,
        "corrections": [c.to_json() for c in corrections],
    }
    atomic_write_text(
        corrections_path(root), json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    )


def add_correction(root: Path, correction: Correction) -> list[Correction]:
    correction.check()
    with _locked(root):
        corrections = [*load_corrections(root), correction]
        save_corrections(root, corrections)
    return corrections


def undo_correction(root: Path) -> Correction | None:
    """Remove the last correction; return it (None: nothing to undo)."""
    with _locked(root):
        corrections = load_corrections(root)
        if not corrections:
            return None
        save_corrections(root, corrections[:-1])
    return corrections[-1]


@contextmanager
def _locked(root: Path) -> Iterator[None]:
    """One writer at a time: two processes adding at once must both keep their correction."""
    import fcntl

    root.mkdir(parents=True, exist_ok=True)
    with (root / f".{CORRECTIONS_FILE}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
