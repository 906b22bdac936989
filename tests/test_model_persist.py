"""Safe persistence: roundtrip, card, tampering, disallowed types, incompatible cards."""

from __future__ import annotations

import json
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
    return save_model_dir(target, {"triage": triage, "grounds": grounds}, card, encode_training_data(req, pas))


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
    np.testing.assert_allclose(loaded.triage.predict_proba(TEXTS), triage.predict_proba(TEXTS), rtol=0, atol=1e-9)
    np.testing.assert_allclose(loaded.grounds.predict_proba(TEXTS), grounds.predict_proba(TEXTS), rtol=0, atol=1e-9)
    assert list(loaded.triage.predict(TEXTS)) == list(triage.predict(TEXTS))
    assert loaded.grounds.predict_labels(TEXTS) == grounds.predict_labels(TEXTS)
    assert loaded.grounds.untrained_grounds == grounds.untrained_grounds
    assert loaded.triage.explain(TEXTS[0], "no_action.petition") == triage.explain(TEXTS[0], "no_action.petition")


def test_card_contents(fitted, saved):
    _triage, _grounds, req, pas = fitted
    card = _card(saved)
    assert card["format"] == 2 and card["version"] == "model-v001"
    assert set(card["labels"]["triage"]) == set(req.labels) and card["labels"]["grounds"] == list(GROUNDS)
    assert card["training"]["triage"]["n"] == len(req)
    assert card["training"]["triage"]["counts"]["ordinary"] == req.labels.count("ordinary")
    assert card["training"]["grounds"]["counts"]["clean"] == sum(1 for labs in pas.labels if not labs)
    assert len(card["training"]["triage"]["sha256"]) == 64
    for lib in ("scikit-learn", "numpy", "scipy", "jieba", "rjieba"):
        assert card["libraries"][lib]
    assert card["created"] and card["seed"] == _triage.seed
    for name in MODEL_FILES.values():
        entry = card["files"][name]
        assert entry["sha256"] == sha256_bytes((saved / name).read_bytes())
        key = name.removesuffix(".npz")
        assert card["models"][key]["file"] == name and card["models"][key]["classes"]
    assert card["models"]["grounds"]["kind"] == "multilabel" and card["models"]["triage"]["kind"] == "multiclass"
    triage_data, grounds_data = read_training_data(saved)
    assert triage_data.texts == req.texts and grounds_data.labels == pas.labels


def test_existing_version_is_never_overwritten(fitted, saved):
    triage, grounds, req, pas = fitted
    before = (saved / "triage.npz").read_bytes()
    with pytest.raises(ModelError, match="不会覆盖"):
        save_model_dir(saved, {"triage": triage, "grounds": grounds}, build_card(triage, grounds, req, pas, 1), b"")
    assert (saved / "triage.npz").read_bytes() == before
    assert next_version_dir(saved.parent).name == "model-v002"


def test_tampered_model_file_is_refused(saved):
    path = saved / "grounds.npz"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError) as err:
        load_model_dir(saved)
    assert "grounds.npz" in str(err.value) and "SHA-256" in str(err.value) and "篡改" in str(err.value)


def test_tampered_training_data_is_refused(saved):
    with (saved / "training_data.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"task": "triage", "text": "x", "label": "ordinary"}\n')
    with pytest.raises(ModelError, match="training_data.jsonl"):
        read_training_data(saved)


def _replace_file(model_dir, name, data: bytes):
    """Put ``data`` in place of a model file and make the card's hash match (as an attacker would)."""
    (model_dir / name).write_bytes(data)
    card = _card(model_dir)
    card["files"][name]["sha256"] = sha256_bytes(data)
    _write_card(model_dir, card)


def test_models_are_generic_over_names(fitted, tmp_path):
    triage, grounds, req, pas = fitted
    card = build_card(triage, grounds, req, pas, seed=triage.seed)
    path = save_model_dir(tmp_path / "model-v001", {"triage": triage, "grounds": grounds, "request_grounds": grounds},
                          card, encode_training_data(req, pas))
    loaded = load_model_dir(path)
    assert set(loaded.models) == {"triage", "grounds", "request_grounds"}
    np.testing.assert_array_equal(loaded.get("request_grounds").predict_proba(TEXTS),
                                  loaded.grounds.predict_proba(TEXTS))
    with pytest.raises(ModelError, match="名称"):
        save_model_dir(tmp_path / "model-v002", {"../x": grounds}, card, b"")


def test_incompatible_card_format_is_refused(saved):
    card = _card(saved)
    card["format"] = 99
    _write_card(saved, card)
    with pytest.raises(ModelError, match="格式版本"):
        load_model_dir(saved)


def test_missing_card_is_refused(saved):
    (saved / CARD_NAME).unlink()
    with pytest.raises(ModelError, match="card.json"):
        load_model_dir(saved)


def test_not_an_array_file_is_refused(saved):
    _replace_file(saved, "triage.npz", b"\x80\x04not a zip at all")
    with pytest.raises(ModelError, match="不是本程序保存的数组文件") as err:
        load_model_dir(saved)
    assert "triage.npz" in str(err.value)


def test_wrong_array_shape_is_refused(fitted, saved):
    import io

    _meta, arrays = fitted[1].to_arrays()
    arrays["intercept"] = arrays["intercept"][:-1]
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    _replace_file(saved, "grounds.npz", buf.getvalue())
    with pytest.raises(ModelError, match="形状"):
        load_model_dir(saved)


def test_card_naming_a_file_outside_the_folder_is_refused(saved):
    card = _card(saved)
    card["models"]["grounds"]["file"] = "../grounds.npz"
    _write_card(saved, card)
    with pytest.raises(ModelError, match="不合法"):
        load_model_dir(saved)
