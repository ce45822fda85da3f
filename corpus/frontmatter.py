"""Markdown files with a YAML front matter block: the library's on-disk format."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

_FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


class FrontMatterError(ValueError):
    """The front matter block is not valid YAML or not a mapping."""


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Return (front matter source or None, body). The body is left exactly as written."""
    match = _FENCE.match(text)
    if not match:
        return None, text
    return match.group(1) or "", text[match.end() :]


def parse_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Parse `---`-fenced YAML front matter; a file without one has empty metadata."""
    import yaml  # lazy: only readers and the library need it

    source, body = split_front_matter(text)
    if source is None:
        return {}, body
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster
        data = yaml.load(source, Loader=loader) if source.strip() else {}
    except (yaml.YAMLError, ValueError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise FrontMatterError(f"invalid front matter{where}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter is not a mapping of keys to values")
    return {str(key): value for key, value in data.items()}, body


def _yaml_value(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    # JSON strings are valid YAML scalars and escape everything awkward.
    return json.dumps(value, ensure_ascii=False)


def dump_front_matter(fields: dict[str, Any], body: str) -> str:
    """Serialise fields (empty ones left out) and body as a human-readable Markdown file."""
    lines = ["---"]
    for key, value in fields.items():
        if value in (None, "", [], ()):
            continue
        if isinstance(value, (list, tuple)):
            lines.append(f"{key}:")
            lines.extend(f"  - {_yaml_value(item)}" for item in value)
        else:
            lines.append(f"{key}: {_yaml_value(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n" + body
