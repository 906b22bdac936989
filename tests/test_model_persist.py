"""Safe persistence: roundtrip, card, tampering, disallowed types, incompatible cards."""

from __future__ import annotations

import fractions
import json
import os
import shutil

import numpy as np
import pytest
from synthetic_data import template_passages, template_requests

from reviewer.model.classifiers import GroundsModel, TriageModel
from reviewer.model.corpus import GROUNDS
from reviewer.model.errors import ModelError
from reviewer.model.persist import (
    CARD_NAME,
    MODEL_FILES,
    check_types,
    encode_training_data,
    load_model_dir,
    next_version_dir,
    read_training_data,
    save_model_dir,
    sha256_bytes,
)
from reviewer.model.training import build_card

TEXTS = ["我要投诉噪音扰民问题，请求督促整改。", "请问补偿标准怎么计算？", "申请人王芳，身份证号110101199003074578。"]


@pytest.fixture(scope="module")
def fitted():
    req = template_requests(per_class=8, seed=21)
    pas = template_passages(per_ground=8, clean=20, seed=22)
    triage = TriageModel().fit(req.texts, req.labels)
    grounds = GroundsModel().fit(pas.texts, pas.labels)
    return triage, grounds, req, pas


@pytest.fixture(scope="module")
def saved_master(fitted, tmp_path_factory):
    triage, grounds, req, pas = fitted
    card = build_card(triage, grounds, req, pas, seed=triage.seed)
    target = next_version_dir(tmp_path_factory.mktemp("master") / "models")
    return save_model_dir(target, triage, grounds, card, encode_training_data(req, pas))


@pytest.fixture()
def saved(saved_master, tmp_path):
    """A fresh copy of the saved model directory for each test (tests modify it)."""
    target = tmp_path / "models" / saved_master.name
    shutil.copytree(saved_master, target)
    return target


def _card(path):
    return json.loads((path / CARD_NAME).read_text(encoding="utf-8"))


def _write_card(path, card):
    (path / CARD_NAME).write_text(json.dumps(card, ensure_ascii=False), encoding="utf-8")


def test_roundtrip_gives_identical_probabilities(fitted, saved):
    triage, grounds, _req, _pas = fitted
    assert saved.name == "model-v001"
    loaded = load_model_dir(saved)
    np.testing.assert_array_equal(loaded.triage.predict_proba(TEXTS), triage.predict_proba(TEXTS))
    np.testing.assert_array_equal(loaded.grounds.predict_proba(TEXTS), grounds.predict_proba(TEXTS))
    assert loaded.triage.explain(TEXTS[0], "no_action.petition") == triage.explain(TEXTS[0], "no_action.petition")


def test_card_contents(fitted, saved):
    _triage, _grounds, req, pas = fitted
    card = _card(saved)
    assert card["format"] == 1 and card["version"] == "model-v001"
    assert set(card["labels"]["triage"]) == set(req.labels) and card["labels"]["grounds"] == list(GROUNDS)
    assert card["training"]["triage"]["n"] == len(req)
    assert card["training"]["triage"]["counts"]["ordinary"] == req.labels.count("ordinary")
    assert card["training"]["grounds"]["counts"]["clean"] == sum(1 for labs in pas.labels if not labs)
    assert len(card["training"]["triage"]["sha256"]) == 64
    for lib in ("scikit-learn", "numpy", "scipy", "jieba", "skops"):
        assert card["libraries"][lib]
    assert card["created"] and card["seed"] == _triage.seed
    for name in MODEL_FILES.values():
        entry = card["files"][name]
        assert entry["sha256"] == sha256_bytes((saved / name).read_bytes())
        assert "reviewer.text.segment.tokenize" in entry["trusted_types"]
    triage_data, grounds_data = read_training_data(saved)
    assert triage_data.texts == req.texts and grounds_data.labels == pas.labels


def test_existing_version_is_never_overwritten(fitted, saved):
    triage, grounds, req, pas = fitted
    before = (saved / "triage.skops").read_bytes()
    with pytest.raises(ModelError, match="不会覆盖"):
        save_model_dir(saved, triage, grounds, build_card(triage, grounds, req, pas, 1), b"")
    assert (saved / "triage.skops").read_bytes() == before
    assert next_version_dir(saved.parent).name == "model-v002"


def test_tampered_model_file_is_refused(saved):
    path = saved / "grounds.skops"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError) as err:
        load_model_dir(saved)
    assert "grounds.skops" in str(err.value) and "SHA-256" in str(err.value) and "篡改" in str(err.value)


def test_tampered_training_data_is_refused(saved):
    with (saved / "training_data.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"task": "triage", "text": "x", "label": "ordinary"}\n')
    with pytest.raises(ModelError, match="training_data.jsonl"):
        read_training_data(saved)


def _replace_payload(model_dir, name, state):
    """Write a new skops payload and make the card consistent with it (hash + trusted types)."""
    import skops.io as sio

    data = sio.dumps(state)
    (model_dir / name).write_bytes(data)
    card = _card(model_dir)
    card["files"][name]["sha256"] = sha256_bytes(data)
    card["files"][name]["trusted_types"] = sorted(sio.get_untrusted_types(data=data))
    _write_card(model_dir, card)


def test_unknown_function_in_model_file_is_refused(fitted, saved):
    triage = fitted[0]
    state = triage.to_state()
    word = dict(state["features"].transformer_list)["word"]
    word.tokenizer = os.getcwd  # any callable other than reviewer.text.segment.tokenize
    try:
        _replace_payload(saved, "triage.skops", state)
    finally:
        word.tokenizer = __import__("reviewer.text.segment", fromlist=["tokenize"]).tokenize
    with pytest.raises(ModelError) as err:
        load_model_dir(saved)
    assert "getcwd" in str(err.value) and "允许清单" in str(err.value) and "triage.skops" in str(err.value)


def test_unknown_class_in_model_file_is_refused(fitted, saved):
    state = fitted[1].to_state()
    state["extra"] = fractions.Fraction(1, 3)
    _replace_payload(saved, "grounds.skops", state)
    with pytest.raises(ModelError, match="fractions.Fraction"):
        load_model_dir(saved)


def test_check_types_accepts_own_models(fitted):
    import skops.io as sio

    trusted = check_types(sio.dumps(fitted[0].to_state()), "triage.skops")
    assert "reviewer.text.segment.tokenize" in trusted


def test_untrusted_type_not_in_card_is_refused(saved):
    card = _card(saved)
    card["files"]["triage.skops"]["trusted_types"] = []
    _write_card(saved, card)
    with pytest.raises(ModelError, match="未登记"):
        load_model_dir(saved)


def test_incompatible_card_format_is_refused(saved):
    card = _card(saved)
    card["format"] = 99
    _write_card(saved, card)
    with pytest.raises(ModelError, match="格式版本"):
        load_model_dir(saved)


def test_incompatible_sklearn_major_is_refused(saved):
    card = _card(saved)
    card["libraries"]["scikit-learn"] = "0.24.2"
    _write_card(saved, card)
    with pytest.raises(ModelError, match="scikit-learn"):
        load_model_dir(saved)


def test_missing_card_is_refused(saved):
    (saved / CARD_NAME).unlink()
    with pytest.raises(ModelError, match="card.json"):
        load_model_dir(saved)


def test_not_a_skops_file_is_refused(saved):
    garbage = b"\x80\x04not a zip at all"
    (saved / "triage.skops").write_bytes(garbage)
    card = _card(saved)
    card["files"]["triage.skops"]["sha256"] = sha256_bytes(garbage)
    _write_card(saved, card)
    with pytest.raises(ModelError, match="不是有效的 skops"):
        load_model_dir(saved)


def test_library_function_disguised_as_type_is_refused(saved):
    """A schema naming a NumPy function where a type is expected is refused before loading."""
    import io
    import zipfile

    path = saved / "grounds.skops"
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    schema = json.loads(members["schema.json"])
    # replace the first TypeNode (the vectorizers' dtype, numpy.float32) by numpy.load
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("__loader__") == "TypeNode" and node.get("__module__") == "numpy":
                node["__class__"] = "load"
                break
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    members["schema.json"] = json.dumps(schema).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, payload in members.items():
            zf.writestr(name, payload)
    data = buf.getvalue()
    path.write_bytes(data)
    card = _card(saved)
    card["files"]["grounds.skops"]["sha256"] = sha256_bytes(data)
    _write_card(saved, card)
    with pytest.raises(ModelError, match="numpy.load"):
        load_model_dir(saved)
