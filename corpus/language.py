"""An article's language: the page's own metadata first, then the text (py3langid).

Stored on the article at import (`Article.language`, a BCP 47 tag such as "en", "fr", "pt-BR").
The entity model is English-only: `is_english` is the one check the extraction calls, and an
article whose language is not known counts as English (short notes and old files keep their
entities).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Any

from kimreader.corpus.markdown import prose_blocks

_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# Enough letters for the classifier to be right (short notes are left "unknown").
MIN_LETTERS = 40
_SAMPLE_CHARS = 1000  # tuned on the dev set: as accurate as 3000, 5x faster
# Below this the classifier is guessing (mixed or odd text): the language stays unknown.
MIN_PROBABILITY = 0.5
# SHA-256 of py3langid 0.4.0's data/model.npz.xz.
MODEL_SHA256 = "f4f4a2c3465ca1f081541037f9cac23021d68151c2f709c55ae5eedfca522963"
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")
# Tags some pages use that name no language ("und", "mul", "zxx", the "x-" private ones).
_NOT_A_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})


def normalise_tag(value: str) -> str:
    """A BCP 47 tag in its usual case ("en_us" -> "en-US"), or "" if it is not one."""
    value = value.strip().replace("_", "-")
    if not _TAG.fullmatch(value):
        return ""
    primary, *rest = value.split("-")
    if primary.lower() in _NOT_A_LANGUAGE:
        return ""
    parts = [primary.lower()]
    for part in rest:
        parts.append(part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part)
    return "-".join(parts)


def primary_language(tag: str) -> str:
    """The language of a tag without its region or script ("pt-BR" -> "pt")."""
    return tag.split("-")[0].lower()


def is_english(language: str) -> bool:
    """Whether the English entity model may run on an article in this language ("" counts)."""
    return not language or primary_language(language) == "en"


def detect_language(body: str) -> str:
    """The language of a Markdown body's prose, or "" when the text is too short to tell."""
    sample = _prose_sample(body)
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return ""
    language, probability = _identifier().classify(sample)
    return normalise_tag(str(language)) if probability >= MIN_PROBABILITY else ""


def article_language(declared: Any, body: str) -> str:
    """The declared tag (page metadata, front matter) when it is one, else the text's."""
    tag = normalise_tag(declared) if isinstance(declared, str) else ""
    return tag or detect_language(body)


def _prose_sample(body: str) -> str:
    pieces: list[str] = []
    size = 0
    for block in prose_blocks(body):
        text = _LINK_TARGET.sub(" ", body[block.start : block.end])
        pieces.append(text)
        size += len(text)
        if size >= _SAMPLE_CHARS:
            break
    return "\n".join(pieces)[:_SAMPLE_CHARS]


class LanguageModelError(Exception):
    """The language identifier's model file is missing or not the pinned one."""


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's classifier: its model ships inside the package, checked against the pinned
    digest before it is read (loaded once, lazily: about a second)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    path = MODEL_DIR / MODEL_FILE
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        raise LanguageModelError(f"{path}: {error.strerror}") from None
    if digest != MODEL_SHA256:
        raise LanguageModelError(f"{path} is not the pinned py3langid 0.4.0 model")
    return LanguageIdentifier.from_model_file(path, norm_probs=True)
