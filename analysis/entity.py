"""The entity model shared by extraction, the index, the app and the comparison."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

EntityType = Literal["person", "org", "place", "date", "event"]
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "org", "place", "date", "event")


@dataclass(frozen=True)
class Entity:
    """One real-world thing named in one article, with every mention of it.

    `mentions` are [start, end) character offsets into the article's body, in text order,
    such that body[start:end] is the mention as written ("Mr. Kim", "Kim Jong-un";
    "Kim's" -> "Kim").
    """

    name: str  # canonical name, e.g. "Kim Jong Un"
    type: EntityType
    aliases: tuple[str, ...]  # every distinct surface form seen, canonical first
    mentions: tuple[tuple[int, int], ...]

    @property
    def count(self) -> int:
        return len(self.mentions)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "count": self.count,
            "mentions": [list(span) for span in self.mentions],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entity:
        return cls(
            name=str(data["name"]),
            type=data["type"],
            aliases=tuple(str(alias) for alias in data.get("aliases", ())),
            mentions=tuple((int(s), int(e)) for s, e in data.get("mentions", ())),
        )
