"""Retraining on past decisions: new version next to the old one, unmappable rows reported,
both versions load, evaluation reports per-class metrics and the comparison (CLI end to end)."""

from __future__ import annotations

import csv
import json

import pytest
import typer
from synthetic_data import recombine_decisions, template_passages, template_requests, write_corpus
from typer.testing import CliRunner

from reviewer.cli.model import register
from reviewer.model.corpus import GROUNDS, TRIAGE_LABELS
from reviewer.model.default import get_models, latest_model_dir
from reviewer.model.persist import load_model_dir, sha256_file

COLUMNS = ["申请内容", "文件内容", "处理结果", "日期", "申请人"]
FORCED_UNMAPPABLE = {3: "待定", 85: "领导已阅", 170: "？？"}  # index in the generated rows


@pytest.fixture(scope="module")
def app():
    application = typer.Typer()
    register(application)
    return application


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("retrain")
    corpus = root / "corpus"
    write_corpus(corpus, template_requests(per_class=10, seed=31), template_passages(per_ground=10, clean=24, seed=32))
    rows = recombine_decisions(
        template_requests(per_class=8, seed=41), template_passages(per_ground=8, clean=16, seed=42),
        n=240, seed=43, unmappable_rate=0.04,
    )
    for index, label in FORCED_UNMAPPABLE.items():
        rows[index]["处理结果"] = label
        rows[index]["_expect"] = (None, None)
    files = [root / "台账2022.csv", root / "台账2023.xlsx", root / "导出.jsonl"]
    with files[0].open("w", encoding="gbk", newline="") as fh:  # Excel on Chinese Windows
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for row in rows[:80]:
            writer.writerow([row[c] for c in COLUMNS])
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["request_text", "passage", "outcome", "date", "applicant"])
    for row in rows[80:160]:
        ws.append([row[c] for c in COLUMNS])
    wb.save(files[1])
    with files[2].open("w", encoding="utf-8") as fh:
        for row in rows[160:]:
            fh.write(json.dumps({c: row[c] for c in COLUMNS}, ensure_ascii=False) + "\n")
    expected = {
        str(files[0]): [i + 2 for i in range(0, 80) if rows[i]["_expect"][0] is None],
        str(files[1]): [i - 80 + 2 for i in range(80, 160) if rows[i]["_expect"][0] is None],
        str(files[2]): [i - 160 + 1 for i in range(160, 240) if rows[i]["_expect"][0] is None],
    }
    return {"root": root, "corpus": corpus, "files": files, "expected": expected, "base": root / "models"}


@pytest.fixture(scope="module")
def trained(app, workspace):
    """Train v001 on the seed corpus, then v002 with the decisions (as the CLI does)."""
    runner = CliRunner()
    mp = pytest.MonkeyPatch()
    mp.setenv("REVIEWER_DATA_DIR", str(workspace["root"] / "data"))
    mp.setenv("REVIEWER_CACHE_DIR", str(workspace["root"] / "cache"))
    common = ["--corpus", str(workspace["corpus"]), "--out", str(workspace["base"]), "--folds", "3"]
    first = runner.invoke(app, ["train", *common])
    v1 = workspace["base"] / "model-v001"
    v1_hashes = {p.name: sha256_file(p) for p in v1.iterdir()} if v1.exists() else {}
    files = [str(p) for p in workspace["files"]]
    second = runner.invoke(app, ["train", *common, "--decisions", files[0], files[1], "-d", files[2],
                                 "--decisions-weight", "2.0"])
    yield {"first": first, "second": second, "v1_hashes": v1_hashes, "runner": runner}
    mp.undo()


def test_first_version_trained_on_seed_alone(trained, workspace):
    assert trained["first"].exit_code == 0, trained["first"].output
    assert "model-v001" in trained["first"].output
    assert "精确率" in trained["first"].output and "没有更早" not in trained["first"].output


def test_second_version_written_next_to_first(trained, workspace):
    result = trained["second"]
    assert result.exit_code == 0, result.output
    base = workspace["base"]
    assert sorted(p.name for p in base.iterdir() if not p.name.startswith(".")) == ["model-v001", "model-v002"]
    assert latest_model_dir(base).name == "model-v002"
    # the earlier version is untouched
    assert {p.name: sha256_file(p) for p in (base / "model-v001").iterdir()} == trained["v1_hashes"]
    card = json.loads((base / "model-v002" / "card.json").read_text(encoding="utf-8"))
    assert card["previous"] == "model-v001"
    assert card["training"]["triage"]["sources"]["decisions"] > 150
    assert card["decisions"]["files"][0]["encoding"] == "gb18030"
    assert card["decisions"]["weight"] == 2.0


def test_unmappable_rows_are_reported_with_numbers(trained, workspace):
    output = trained["second"].output
    for file, rows in workspace["expected"].items():
        assert rows, "each generated file has unmappable rows"
        assert f"{file} 第 {'、'.join(str(r) for r in rows)} 行" in output
    report = json.loads((workspace["base"] / "model-v002" / "decisions_report.json").read_text(encoding="utf-8"))
    reported = {(r["file"], r["row"]) for r in report["unusable"]}
    assert reported == {(f, r) for f, rows in workspace["expected"].items() for r in rows}


def test_both_versions_load(trained, workspace):
    base = workspace["base"]
    text = ["我要投诉东湖街道噪音扰民，请求督促整改。"]
    v1, v2 = load_model_dir(base / "model-v001"), load_model_dir(base / "model-v002")
    assert v1.triage.predict_proba(text).shape == (1, len(TRIAGE_LABELS))
    assert v2.grounds.predict_proba(text).shape == (1, len(GROUNDS))
    assert get_models(base).version == "model-v002"  # a base directory resolves to its latest version


def test_evaluate_text_output(app, trained, workspace):
    result = trained["runner"].invoke(app, ["evaluate", "--model", str(workspace["base"]), "--folds", "3"])
    assert result.exit_code == 0, result.output
    out = result.output
    for header in ("精确率", "召回率", "F1", "F2", "平衡准确率", "混淆矩阵", "宏平均"):
        assert header in out
    for label in TRIAGE_LABELS + GROUNDS:
        assert label in out
    assert "与上一版本 model-v001 比较" in out
    assert any(word in out for word in ("更好", "更差", "持平"))


def test_evaluate_json_output_and_scoring_file(app, trained, workspace, tmp_path):
    data = tmp_path / "held_out.jsonl"
    held = template_requests(per_class=3, seed=99)
    with data.open("w", encoding="utf-8") as fh:
        for text, label in zip(held.texts, held.labels, strict=True):
            fh.write(json.dumps({"text": text, "label": label}, ensure_ascii=False) + "\n")
    result = trained["runner"].invoke(
        app, ["evaluate", "--model", str(workspace["base"] / "model-v002"), "--data", str(data), "--format", "json",
              "--folds", "0"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    section = report["triage"]["data"]
    assert section["n"] == len(held)
    assert set(section["per_class"]) == set(TRIAGE_LABELS)
    for metrics in section["per_class"].values():
        assert set(metrics) >= {"precision", "recall", "f1", "f2", "balanced_accuracy", "support"}
    assert len(section["confusion"]["matrix"]) == len(section["confusion"]["labels"])
    assert sum(map(sum, section["confusion"]["matrix"])) == len(held)
    comp = report["comparison"]
    assert comp["previous"] == "model-v001"
    assert set(comp["triage_data"]) >= set(TRIAGE_LABELS)
    assert {c["verdict"] for c in comp["triage_data"].values()} <= {"better", "worse", "same", "new", "dropped"}


def test_bad_decisions_file_fails_cleanly(app, trained, workspace, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("姓名,电话\n张三,123\n", encoding="utf-8")
    result = trained["runner"].invoke(app, ["train", "--corpus", str(workspace["corpus"]), "--out",
                                            str(tmp_path / "m"), "--folds", "0", "--decisions", str(bad)])
    assert result.exit_code == 2
    assert "找不到可识别的表头" in result.output
    assert not (tmp_path / "m" / "model-v001").exists()


def test_recomputed_cv_equals_card_metrics(app, trained, workspace):
    """CV is deterministic: recomputing gives exactly the numbers stored at training time."""
    model_dir = workspace["base"] / "model-v002"
    result = trained["runner"].invoke(app, ["evaluate", "--model", str(model_dir), "--folds", "3", "--recompute",
                                            "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert not report.get("cv_from_card")
    card = json.loads((model_dir / "card.json").read_text(encoding="utf-8"))
    for task in ("triage", "grounds"):
        assert report[task]["cv"]["per_class"] == card["metrics"][task]["cv"]["per_class"]
    cached = trained["runner"].invoke(app, ["evaluate", "--model", str(model_dir), "--folds", "3"])
    assert "取自模型卡" in cached.output
