"""Default models: built deterministically from the corpus on first use, cached, checked on load."""

from __future__ import annotations

import numpy as np
import pytest
from synthetic_data import template_passages, template_requests, write_corpus

import reviewer.model.default as default
from reviewer.model.errors import ModelError

TEXTS = ["我要投诉噪音扰民问题", "申请人王芳，身份证号110101199003074578"]


@pytest.fixture()
def env(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, template_requests(per_class=6, seed=51), template_passages(per_ground=6, clean=12, seed=52))
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(tmp_path / "data"))
    default.clear_loaded()
    yield corpus
    default.clear_loaded()


def test_built_once_then_loaded_from_cache(env, tmp_path, monkeypatch):
    first = default.get_models(corpus_dir=env)
    assert first.path.parent == tmp_path / "cache" / "models"
    assert first.card["default"] is True
    default.clear_loaded()  # as in a new process

    def no_build(*_args, **_kwargs):
        raise AssertionError("the cached model should have been loaded, not rebuilt")

    monkeypatch.setattr(default, "build_default", no_build)
    second = default.get_models(corpus_dir=env)
    assert second.path == first.path
    np.testing.assert_array_equal(second.grounds.predict_proba(TEXTS), first.grounds.predict_proba(TEXTS))


def test_build_is_deterministic(env, tmp_path):
    a = default.build_default(env, tmp_path / "a")
    b = default.build_default(env, tmp_path / "b")
    from reviewer.model.persist import load_model_dir

    pa = load_model_dir(a).triage.predict_proba(TEXTS)
    pb = load_model_dir(b).triage.predict_proba(TEXTS)
    np.testing.assert_array_equal(pa, pb)


def test_corpus_change_gives_new_cache_key(env):
    key = default.default_cache_key(env)
    with (env / "requests" / "synthetic.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"id": "x", "text": "请问怎么办理？", "label": "other.consultation"}\n')
    assert default.default_cache_key(env) != key


def test_sklearn_version_read_without_metadata_scan_matches_metadata():
    # The cache key reads scikit-learn's version from its dist-info folder name (fast); it must be the
    # version importlib.metadata reports, or a scikit-learn upgrade would not rebuild the model.
    from importlib.metadata import version

    assert default.sklearn_version() == version("scikit-learn")


def test_tampered_cache_is_rebuilt_not_loaded(env, capsys):
    first = default.get_models(corpus_dir=env)
    path = first.path / "triage.npz"
    data = bytearray(path.read_bytes())
    data[100] ^= 0xFF
    path.write_bytes(bytes(data))
    default.clear_loaded()
    again = default.get_models(corpus_dir=env)
    assert "重新构建" in capsys.readouterr().err
    np.testing.assert_array_equal(again.triage.predict_proba(TEXTS), first.triage.predict_proba(TEXTS))


def test_explicit_directory_and_active_models(env, tmp_path):
    with pytest.raises(ModelError, match="没有模型"):
        default.get_models(tmp_path / "empty")
    assert default.latest_model_dir(tmp_path / "data" / "models") is None
    built = default.get_active_models(corpus_dir=env)  # nothing trained by the office yet: the default
    assert built.card.get("default") is True
    trained = default.build_default(env, tmp_path / "data" / "models" / "model-v001")
    default.clear_loaded()
    assert default.get_active_models(corpus_dir=env).path == trained


def test_empty_corpus_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="种子语料"):
        default.get_models(corpus_dir=tmp_path / "empty")


def test_a_wider_load_shares_what_a_narrower_one_read(env, monkeypatch):
    """The web page screens (grounds only) and then reviews (all models): grounds is read once."""
    import reviewer.model.persist as persist

    only_grounds = default.get_models(corpus_dir=env, names=("grounds",))
    read = []
    real = persist.load_model_file

    def counting(model_dir, card, key):
        read.append(key)
        return real(model_dir, card, key)

    monkeypatch.setattr(persist, "load_model_file", counting)
    everything = default.get_models(corpus_dir=env)
    assert everything.grounds is only_grounds.grounds
    assert "grounds" not in read and "triage" in read
    np.testing.assert_array_equal(everything.grounds.predict_proba(TEXTS), only_grounds.grounds.predict_proba(TEXTS))
