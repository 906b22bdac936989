"""Officers' feedback: findings accepted / rejected and changed reply types are stored (library + CLI) and
become training rows for ``reviewer train --from-store``."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import typer
from faker import Faker
from stdnum.cn import ric
from typer.testing import CliRunner

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.model.decisions import office_examples
from reviewer.store.db import StoreError, open_store
from reviewer.store.feedback import list_findings, parse_finding_id, record_finding_feedback, training_rows
from reviewer.store.migrations import MIGRATION_NAMES

fake = Faker("zh_CN")
fake.seed_instance(1105)


def _resident_id() -> str:
    body = "110101" + "19880412" + "123"
    return body + ric.calc_check_digit(body + "0")


@pytest.fixture()
def saved(tmp_path):
    doc = tmp_path / "补偿名册.txt"
    name = fake.name()
    doc.write_text(f"征地补偿名册\n被征收人{name}，身份证号{_resident_id()}，联系电话{fake.phone_number()}，"
                   "补偿金额按标准执行。\n", encoding="utf-8")
    text = (f"申请人：{fake.name()}，联系电话13912345678。\n申请公开本村征地补偿名册。\n获取方式：电子邮件。")
    outcome = run_review(text, ReviewOptions(use_model=False, docs=[doc], received=dt.date(2026, 3, 2),
                                             today=dt.date(2026, 3, 2)))
    db = tmp_path / "fb.sqlite"
    with open_store(db) as s:
        number = s.save_review(outcome)
    return db, number, name


def test_migration_is_named_and_applied(tmp_path):
    with open_store(tmp_path / "m.sqlite") as s:
        assert s.applied_migrations == list(MIGRATION_NAMES)
        assert "0006_finding_feedback" in MIGRATION_NAMES
        assert "finding_feedback" in s.db.table_names()


def test_findings_are_listed_with_ids_and_verdicts_are_kept(saved):
    db, number, name = saved
    with open_store(db) as s:
        rows = list_findings(s, number)
        assert rows and rows[0]["finding_id"] == f"{number}#1"
        privacy = next(r for r in rows if r["category"] == "privacy")
        assert name not in json.dumps(rows, ensure_ascii=False)  # personal values stay masked
        stored = record_finding_feedback(s, privacy["finding_id"], "accept", officer="王敏")
        assert stored["verdict"] == "accept" and stored["context"] and "补偿" in stored["context"]
        record_finding_feedback(s, privacy["finding_id"], "驳回", officer="李强")  # a later verdict counts
        again = {r["finding_id"]: r for r in list_findings(s, number)}
        assert again[privacy["finding_id"]]["verdict"] == "reject"
        assert s.db["audit"].count_where("entity = 'finding_feedback'") == 2
        with pytest.raises(StoreError, match="没有第 99 处"):
            record_finding_feedback(s, f"{number}#99", "accept")
        with pytest.raises(StoreError, match="不是有效的处理意见"):
            record_finding_feedback(s, f"{number}#1", "maybe")
    with pytest.raises(StoreError, match="格式不对"):
        parse_finding_id("2026-0001")


def test_store_rows_train_with_office_weight(saved):
    db, number, _name = saved
    with open_store(db) as s:
        privacy = next(r for r in list_findings(s, number) if r["category"] == "privacy")
        record_finding_feedback(s, privacy["finding_id"], "reject")
        s.decide(number, code="withhold.third_party", officer="王敏")
        rows = training_rows(s)
    kinds = sorted(r["kind"] for r in rows)
    assert kinds == ["decision", "finding"]
    decision = next(r for r in rows if r["kind"] == "decision")
    assert decision["code"] == "withhold.third_party" and decision["changed"]
    examples = office_examples(rows, 3.0)
    assert examples.requests.labels == ["ordinary"] and examples.requests.weights == [3.0]
    assert examples.passages.labels == [[]]


def test_cli_lists_and_records_feedback(saved):
    from reviewer.cli.feedback import register

    app = typer.Typer()
    register(app)

    @app.command("noop")
    def _noop() -> None:  # a second command keeps typer from collapsing the group
        pass

    db, number, _name = saved
    runner = CliRunner()
    listed = runner.invoke(app, ["feedback", number, "--db", str(db)])
    assert listed.exit_code == 0, listed.output
    assert f"{number}#1" in listed.output and "未处理" in listed.output
    done = runner.invoke(app, ["feedback", f"{number}#1", "reject", "--officer", "王敏", "--db", str(db)])
    assert done.exit_code == 0, done.output
    assert "驳回" in done.output
    assert "[驳回]" in runner.invoke(app, ["feedback", number, "--db", str(db)]).output
    bad = runner.invoke(app, ["feedback", number, "accept", "--db", str(db)])
    assert bad.exit_code == 2 and "不是发现编号" in bad.output


def test_cli_train_from_store_reports_before_and_after(saved, tmp_path):
    from authored_corpus import write_small_corpus

    from reviewer.cli.model import register

    app = typer.Typer()
    register(app)
    db, number, _name = saved
    with open_store(db) as s:
        privacy = next(r for r in list_findings(s, number) if r["category"] == "privacy")
        record_finding_feedback(s, privacy["finding_id"], "accept")
        s.decide(number, code="withhold.third_party", officer="王敏")
    corpus = write_small_corpus(tmp_path / "corpus")
    runner = CliRunner()
    result = runner.invoke(app, ["train", "--corpus", str(corpus), "--out", str(tmp_path / "models"), "--folds", "3",
                                 "--from-store", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "决定库（权重 3）" in result.output
    assert "■ 决定库样本（权重 3.0）" in result.output and "学习前" in result.output and "学习后" in result.output
    assert "分组交叉验证" in result.output
    empty = runner.invoke(app, ["train", "--corpus", str(corpus), "--out", str(tmp_path / "m2"), "--from-store",
                                "--db", str(tmp_path / "empty.sqlite")])
    assert empty.exit_code == 2 and "还没有决定" in empty.output
