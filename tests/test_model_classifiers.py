"""TriageModel / GroundsModel: shapes, probabilities, determinism, evidence."""

from __future__ import annotations

import numpy as np
import pytest
from synthetic_data import template_passages, template_requests

from reviewer.model.classifiers import GroundsModel, TriageModel
from reviewer.model.corpus import GROUNDS, TRIAGE_LABELS
from reviewer.model.errors import ModelError
from reviewer.text.segment import tokenize

PETITION = "我要投诉东湖街道工作人员不作为，请严肃查处相关责任人。"
CONSULT = "请问养老服务补贴的标准是怎么计算的？我这种情况是否符合条件？"
PRIVACY = "申请人陈桂兰，身份证号码110105194912310025，住址红星村18号，联系电话13912345678。"


@pytest.fixture(scope="module")
def requests_data():
    return template_requests(per_class=10, seed=1)


@pytest.fixture(scope="module")
def triage(requests_data):
    return TriageModel().fit(requests_data.texts, requests_data.labels)


@pytest.fixture(scope="module")
def passages_data():
    return template_passages(per_ground=10, clean=24, seed=2)


@pytest.fixture(scope="module")
def grounds(passages_data):
    return GroundsModel().fit(passages_data.texts, passages_data.labels)


def test_triage_shapes_and_probabilities(triage):
    texts = [PETITION, CONSULT, "申请公开2021年幸福村征地补偿安置方案。"]
    proba = triage.predict_proba(texts)
    assert proba.shape == (3, len(TRIAGE_LABELS))
    assert set(triage.classes_) == set(TRIAGE_LABELS)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-6)
    assert (proba >= 0).all() and (proba <= 1).all()
    pred = triage.predict(texts)
    assert list(pred) == [triage.classes_[i] for i in proba.argmax(axis=1)]


def test_triage_learns_the_classes(triage):
    pred = triage.predict([PETITION, CONSULT, "请提供已正式出版的《北关社区志》图书一本。"])
    assert list(pred) == ["no_action.petition", "other.consultation", "no_action.publication"]


def test_triage_is_deterministic(requests_data):
    a = TriageModel(seed=5).fit(requests_data.texts, requests_data.labels).predict_proba([PETITION, CONSULT])
    b = TriageModel(seed=5).fit(requests_data.texts, requests_data.labels).predict_proba([PETITION, CONSULT])
    np.testing.assert_array_equal(a, b)


def test_explain_names_real_input_terms(triage):
    evidence = triage.explain(PETITION, "no_action.petition", k=5)
    assert 0 < len(evidence) <= 5
    weights = [w for _t, w in evidence]
    assert weights == sorted(weights, reverse=True) and all(w > 0 for w in weights)
    tokens = set(tokenize(PETITION))
    for term, _w in evidence:
        assert term in PETITION, term  # a word or character n-gram of the input
    assert any(term in tokens for term, _w in evidence)
    assert "投诉" in [t for t, _w in evidence]


def test_explain_for_another_label_differs(triage):
    assert triage.explain(PETITION, "no_action.petition") != triage.explain(PETITION, "other.consultation")


def test_describe_gives_top_labels_with_evidence(triage):
    pred = triage.describe(CONSULT, k=4, top=2)
    assert pred.labels[0] == "other.consultation"
    assert abs(sum(pred.probabilities.values()) - 1) < 1e-6
    assert all(term in CONSULT for term, _w in pred.evidence["other.consultation"])


def test_explain_unknown_label_raises(triage):
    with pytest.raises(ModelError):
        triage.explain(PETITION, "withhold.state_secret")


def test_grounds_shapes(grounds, passages_data):
    proba = grounds.predict_proba([PRIVACY, "本局年度财政预算总额已经公布。"])
    assert proba.shape == (2, len(GROUNDS))
    assert ((proba >= 0) & (proba <= 1)).all()
    indicator = grounds.predict([PRIVACY])
    assert indicator.shape == (1, len(GROUNDS)) and set(np.unique(indicator)) <= {0, 1}
    assert "privacy" in grounds.predict_labels([PRIVACY])[0]
    assert proba[0, GROUNDS.index("privacy")] > proba[1, GROUNDS.index("privacy")]


def test_grounds_explain_names_input_terms(grounds):
    evidence = grounds.explain(PRIVACY, "privacy", k=6)
    assert evidence
    assert all(term in PRIVACY for term, _w in evidence)


def test_grounds_without_positives_use_prior():
    data = template_passages(per_ground=6, clean=12, seed=3)
    keep = [i for i, labs in enumerate(data.labels) if "state_secret" not in labs]
    texts = [data.texts[i] for i in keep]
    labels = [data.labels[i] for i in keep]
    model = GroundsModel().fit(texts, labels)
    assert model.untrained_grounds == ["state_secret"]
    proba = model.predict_proba(["绝密★长期 关于军事设施布局的报告"])
    assert proba[0, 0] == 0.0
    assert model.explain("绝密", "state_secret") == []


def test_single_class_rejected():
    with pytest.raises(ModelError, match="只有一个"):
        TriageModel().fit(["申请公开文件甲", "申请公开文件乙"], ["ordinary", "ordinary"])


def test_tiny_class_rejected():
    with pytest.raises(ModelError, match="少于 2 条"):
        TriageModel().fit(["申请公开文件甲", "申请公开文件乙", "我要投诉"], ["ordinary", "ordinary", "no_action.petition"])
