"""The screening core end to end: verdicts, categories, masking, classifier combination and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from stdnum.cn import ric
from typer.testing import CliRunner

from reviewer.cli.app import app
from reviewer.screen.screening import Screener, split_passages

PERSON_ID = "110101199003074565"
assert ric.is_valid(PERSON_ID)
PHONE = "13812345678"

runner = CliRunner()


@pytest.fixture(scope="module")
def screener():
    return Screener()


def test_clean_text_is_clean(screener):
    result = screener.screen_text("示例市人民政府关于印发城镇老旧小区改造实施办法的通知。各区人民政府：现将办法印发给你们，请认真贯彻执行。")
    assert result.verdict == "clean"
    assert result.status == "ok"


def test_personal_data_gives_withhold_with_exact_spans(screener):
    text = f"被征收人：王建军，公民身份号码{PERSON_ID}，联系电话{PHONE}。"
    result = screener.screen_text(text)
    assert result.verdict == "withhold"
    spans = {text[f.start:f.end] for f in result.findings}
    assert PERSON_ID in spans and PHONE in spans
    assert result.categories["privacy"].score > 0.9
    dumped = json.dumps(result.to_dict(), ensure_ascii=False)
    assert PERSON_ID not in dumped and PHONE not in dumped
    shown = json.dumps(result.to_dict(show_values=True), ensure_ascii=False)
    assert PERSON_ID in shown


def test_secret_marking_at_head_withholds_and_mention_in_body_is_weaker(screener):
    head = screener.screen_text("秘密★1年\n\n关于重点目标防护工作的通知\n各有关单位：")
    assert head.verdict == "withhold"
    body = screener.screen_text("关于保密工作的通知\n" + "各单位要加强管理。\n" * 10 + "文件标注“秘密★1年”的，应妥善保管。")
    marks = [f for f in body.findings if f.category == "state_secret"]
    assert all(f.score < 0.5 for f in marks)


def test_working_secret_mark_is_only_review(screener):
    result = screener.screen_text("工作秘密\n关于调整办公用房的通知")
    assert result.verdict in ("review", "clean")
    assert all(f.severity != "withhold" for f in result.findings if f.category == "state_secret")
    assert any(f.explanation.get("marking") for f in result.findings)
    assert "state_secret" not in result.categories  # a mark is not a ground (ogi-law.md §4.3)


def test_unreadable_input_is_never_clean(screener):
    result = screener.screen_text("   ")
    assert result.status == "empty" and result.verdict == "review"
    assert result.error and "为空" in result.error


def test_split_passages_cover_the_text():
    text = "第一段。" * 300
    spans = split_passages(text, size=200)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(b[0] == a[1] for a, b in zip(spans, spans[1:]))


class TinyGroundsModel:
    """A stand-in with the GroundsModel interface: flags 'process_info' when 纪要 appears."""

    classes_ = ["process_info", "privacy"]

    def predict_proba(self, texts):
        return [[0.9 if "纪要" in t else 0.05, 0.1] for t in texts]

    def explain(self, text, label, k=8):
        return [("纪要", 1.0)] if "纪要" in text else []


def test_classifier_probability_is_combined_and_explained():
    screener = Screener(grounds_model=TinyGroundsModel())
    result = screener.screen_text("本次研究形成的纪要如下：各方对资金安排意见不一。")
    cat = result.categories["process_info"]
    assert cat.classifier == pytest.approx(0.9)
    assert cat.score >= 0.7 and "分类器" in cat.method
    assert cat.evidence == ["纪要"]
    assert result.verdict == "review"  # the classifier alone never withholds


def test_real_grounds_model_plugs_into_screening():
    from reviewer.model.classifiers import GroundsModel

    texts = ["会议纪要：会议认为方案需进一步研究。", "讨论稿 各方意见不一，请示市政府。", "现将办法印发给你们。",
             "关于印发预算的通知。", "被询问人李某的身份证号码见附件。", "申请人住址和电话如下。"] * 4
    labels = [["process_info"], ["process_info"], [], [], ["privacy"], ["privacy"]] * 4
    model = GroundsModel(calibration_folds=2, word_max_features=500, char_max_features=500).fit(texts, labels)
    result = Screener(grounds_model=model).screen_text("会议纪要：会议认为需进一步研究。")
    assert "process_info" in result.categories
    assert result.categories["process_info"].classifier is not None


def test_cli_screen_masks_and_sets_exit_code(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(f"申请人张三，身份证号{PERSON_ID}。", encoding="utf-8")
    clean = tmp_path / "b.txt"
    clean.write_text("现将办法印发给你们，请认真贯彻执行。", encoding="utf-8")
    result = runner.invoke(app, ["screen", str(doc), "--no-model", "--format", "jsonl"])
    assert result.exit_code == 1
    assert PERSON_ID not in result.output
    assert json.loads(result.output.splitlines()[0])["verdict"] == "withhold"
    result = runner.invoke(app, ["screen", str(clean), "--no-model"])
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.output


def test_cli_screen_reads_stdin():
    result = runner.invoke(app, ["screen", "-", "--no-model", "--format", "json"],
                           input=f"联系电话：{PHONE}\n")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data[0]["path"] == "-" and PHONE not in result.output


def test_cli_screen_folder_goes_past_bad_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (tmp_path / "gbk.txt").write_bytes("会议纪要\n会议认为方案需进一步研究。".encode("gbk"))
    result = runner.invoke(app, ["screen", str(tmp_path), "--no-model", "--format", "json"])
    data = {r["path"].rsplit("/", 1)[-1]: r for r in json.loads(result.output)}
    assert data["empty.txt"]["status"] == "empty"
    assert data["binary.txt"]["status"] == "unreadable"
    assert data["broken.docx"]["status"] == "unreadable"
    assert data["gbk.txt"]["status"] == "ok" and data["gbk.txt"]["encoding"].lower().startswith("gb")
    for name in ("empty.txt", "binary.txt", "broken.docx"):
        assert data[name]["verdict"] == "review"
        assert name in data[name]["error"]


def test_cli_usage_error_exit_code(tmp_path):
    result = runner.invoke(app, ["screen", str(tmp_path / "missing.txt"), "--no-model"])
    assert result.exit_code == 2


def test_help_does_not_load_jieba():
    code = "import sys; from reviewer.cli.app import app; print('jieba' in sys.modules, 'sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"


def test_stacked_fast_path_equals_scikit_learn():
    import numpy as np

    from reviewer.model.classifiers import GroundsModel

    texts = ["会议纪要：会议认为方案需进一步研究。", "讨论稿 各方意见不一，请示市政府。", "现将办法印发给你们。",
             "关于印发预算的通知。", "被询问人李某的身份证号码见附件。", "申请人住址和电话如下。"] * 4
    labels = [["process_info"], ["process_info"], [], [], ["privacy"], ["privacy"]] * 4
    model = GroundsModel(calibration_folds=2, word_max_features=500, char_max_features=500).fit(texts, labels)
    X = model.transform(["会议纪要 讨论稿", "身份证号码和住址", "通知"])
    assert model._stacked() is not None
    assert np.allclose(model.predict_proba_X(X), model._predict_proba_slow(X), atol=1e-12)


def test_passage_tokens_reused_from_document_segmentation():
    from reviewer.screen.screening import _passage_token_cache, split_passages
    from reviewer.text.normalize import normalize
    from reviewer.text.segment import segment, tokenize

    text = normalize("会议纪要。会议认为，项目资金缺口较大，拟向市政府请示追加预算。" * 3).text
    spans = split_passages(text, size=40)
    texts = [text[s:e] for s, e in spans]
    cache = _passage_token_cache(texts, spans, segment(text))
    for passage in texts:
        assert cache(passage) == tokenize(passage)
    assert cache.misses == 0


def test_evidence_terms_shown_to_officers_are_meaningful():
    from reviewer.screen.screening import meaningful_term

    assert meaningful_term("公民身份号码") and meaningful_term("查处") and meaningful_term("男")
    for noise in ("4", "2026", "号", "的", "并", " ", "年月"):
        assert not meaningful_term(noise)


VERDICT_TEXTS = [
    "示例市人民政府关于印发城镇老旧小区改造实施办法的通知。",
    "项目位于示例市和平路18号，由区住建局组织实施。",  # an address alone: a weak (sub-threshold) hit
    f"被征收人：王建军，公民身份号码{PERSON_ID}，联系电话{PHONE}。",
    "本文件属于国家秘密，未经批准不得复制。",
    "关于申请追加2025年防汛经费的请示\n市财政局：\n特此请示。",
    "工作秘密\n关于做好年度考核工作的通知",
]


@pytest.mark.parametrize("text", VERDICT_TEXTS)
def test_verdict_agrees_with_the_listed_findings(screener, text):
    """One rule for both: the verdict is the worst severity shown beside the findings (raised to review only
    by a category score, which the category line shows)."""
    from reviewer.detect.findings import SEVERITY_RANK
    from reviewer.screen.screening import VERDICTS

    result = screener.screen_text(text)
    worst = max((SEVERITY_RANK[f.severity] for f in result.findings), default=0)
    if any(c.score >= screener.threshold for c in result.categories.values()):
        worst = max(worst, SEVERITY_RANK["review"])
    assert result.verdict == VERDICTS[worst]
    for f in result.findings:
        if f.severity != "info":
            assert f.score >= screener.threshold or result.categories[f.category].rules >= screener.threshold


def test_a_weak_hit_is_listed_as_a_hint_when_the_file_is_clean(screener):
    result = screener.screen_text("项目位于示例市和平路18号，由区住建局组织实施。")
    assert result.verdict == "clean"
    assert result.findings and all(f.severity == "info" for f in result.findings)
    assert {f.explanation.rule_severity for f in result.findings} == {"review"}


def test_masked_hit_is_shown_with_its_context(screener):
    text = f"经核实，申请人王建军，公民身份号码{PERSON_ID}，现住示例市。"
    data = screener.screen_text(text).to_dict()
    row = next(f for f in data["findings"] if f["rule"] == "PRV001")
    assert PERSON_ID not in row["context"] and "1101" not in row["context"]
    assert "公民身份号码【" in row["context"] and "】，现住" in row["context"]
    shown = screener.screen_text(text).to_dict(show_values=True)
    assert f"【{PERSON_ID}】" in next(f for f in shown["findings"] if f["rule"] == "PRV001")["context"]
