"""What a released copy may be (issue 9 item 1, issue 15 item 3 and Minor): every flagged span masked
(withheld and still-to-review), no copy at all for 密级-marked or wholly exempt documents, distinct copies
for same-named documents, nothing written outside the output folder; a property test over the corpora."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from faker import Faker
from fuzzing import budget
from hypothesis import given
from hypothesis import strategies as st

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.app.pipeline import write_redacted as write_review_copies
from reviewer.batch.report_files import REDACTED_NOTE_SUFFIX, write_redacted
from reviewer.batch.runner import run_batch
from reviewer.draft.redact import plan_release, redact_for_release
from reviewer.screen.screening import Screener

ROOT = Path(__file__).resolve().parent.parent
fake = Faker("zh_CN")
Faker.seed(915)

_SCREENER: list[Screener] = []


def screener() -> Screener:
    if not _SCREENER:
        _SCREENER.append(Screener())
    return _SCREENER[0]


HEALTH = "经核实，申请人之配偶因患有慢性肾病，长期住院治疗，家庭月收入不足两千元，符合救助条件。\n本项目已于2024年验收。"
SECRET = "秘密★1年\n关于加强重点目标防护工作的通知\n各有关单位：现将防护工作要求通知如下。"
APPLICANT = "申请人：林晓，联系电话13912345678。\n"


def test_spans_still_needing_review_are_masked_with_the_facts_they_point_at(tmp_path):
    result = screener().screen_text(HEALTH, "health.txt")
    assert any(f.severity == "review" for f in result.findings)  # 配偶, 月收入: still to review
    entry = write_redacted(tmp_path, "health.txt", result.text, result.findings, 0.5, categories=result.categories)
    copy = (tmp_path / entry["copy"]).read_text(encoding="utf-8")
    for piece in ("配偶", "慢性肾病", "住院治疗", "月收入"):
        assert piece not in copy
    assert "本项目已于2024年验收。" in copy  # the rest is kept


def test_review_only_spans_are_tagged_pending_and_logged(tmp_path):
    text = "走访记录：其配偶情况已核实。\n其他事项正常。"
    result = screener().screen_text(text, "a.txt")
    flagged = [f for f in result.findings if f.severity != "info"]
    assert flagged and all(f.severity == "review" for f in flagged)
    plan = plan_release(result.findings, 0.5, text=text)
    assert plan.copy and plan.pending == len(plan.spans)
    red = redact_for_release(text, plan)
    assert "配偶" not in red.text and "【待审核：个人隐私】" in red.text
    assert all(e["pending"] for e in red.log)
    assert any("待审核" in line for line in red.log_lines())


def test_secret_marked_document_gets_a_note_never_a_copy(tmp_path):
    result = screener().screen_text(SECRET, "secret.txt")
    entry = write_redacted(tmp_path, "web/secret.txt", result.text, result.findings, 0.5,
                           categories=result.categories)
    assert entry["copy"] is None and entry["note"]
    assert not list(tmp_path.rglob("*.redacted.txt"))
    note = (tmp_path / entry["note"]).read_text(encoding="utf-8")
    assert "定密机关" in note
    assert "秘密★" not in note and "防护工作" not in note


def test_whole_document_ground_gives_no_copy_in_review(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "secret.txt").write_text(SECRET, encoding="utf-8")
    (docs / "minutes.txt").write_text(
        "示例市住房和城乡建设局专题会议纪要\n（讨论稿）\n会议认为，项目资金缺口较大，拟向市政府请示追加预算，与会人员意见不一。",
        encoding="utf-8")
    options = ReviewOptions(docs=[docs / "secret.txt", docs / "minutes.txt"], use_model=False,
                            received=dt.date(2026, 11, 20), today=dt.date(2026, 11, 22))
    outcome = run_review(APPLICANT + "申请公开关于重点目标防护工作的通知和专题会议纪要。", options)
    out = tmp_path / "out"
    written = write_review_copies(outcome, out)
    assert not list(out.glob("*.redacted.txt"))
    notes = sorted(p.name for p in out.glob(f"*{REDACTED_NOTE_SUFFIX}"))
    assert notes == sorted(f"{n}{REDACTED_NOTE_SUFFIX}" for n in ("secret", "minutes"))
    for path in written:
        body = path.read_text(encoding="utf-8-sig")
        assert "秘密★" not in body and "防护工作要求" not in body and "资金缺口" not in body


def test_two_documents_with_the_same_name_get_distinct_copies(tmp_path):
    people = []
    paths = []
    for folder in ("a", "b"):
        person = (fake.name(), fake.ssn())
        people.append(person)
        path = tmp_path / folder / "明细.txt"
        path.parent.mkdir()
        path.write_text(f"征收补偿款发放明细\n被征收人：{person[0]}，公民身份号码{person[1]}。\n补偿金额：人民币38万元。",
                        encoding="utf-8")
        paths.append(path)
    options = ReviewOptions(docs=paths, use_model=False, received=dt.date(2026, 11, 20), today=dt.date(2026, 11, 22))
    outcome = run_review(APPLICANT + "申请公开石桥镇征收补偿款发放明细。", options)
    out = tmp_path / "out"
    write_review_copies(outcome, out)
    copies = sorted(out.glob("*.redacted.txt"))
    assert len(copies) == 2
    for copy in copies:
        text = copy.read_text(encoding="utf-8")
        for _, id_no in people:
            assert id_no not in text


def test_input_given_as_dotdot_does_not_write_outside_the_report(tmp_path):
    base = tmp_path / "work"
    (base / "docs" / "sub").mkdir(parents=True)
    (base / "other").mkdir()
    (base / "docs" / "a.txt").write_text(f"联系人：{fake.name()}，身份证号{fake.ssn()}。", encoding="utf-8")
    (base / "other" / "b.txt").write_text(f"联系人：{fake.name()}，身份证号{fake.ssn()}。", encoding="utf-8")
    out = tmp_path / "report"
    before = {p for p in tmp_path.rglob("*")}
    run_batch([base / "docs" / "sub" / "..", base / "other"], out, jobs=1, redact=True, progress=False)
    created = {p for p in tmp_path.rglob("*")} - before
    assert created and all(out == p or out in p.parents for p in created), sorted(map(str, created))
    copies = sorted(p.relative_to(out / "redacted").as_posix() for p in (out / "redacted").rglob("*.redacted.txt"))
    assert copies == ["docs/a.txt.redacted.txt", "other/b.txt.redacted.txt"]


def test_redaction_log_names_pending_spans_and_no_copy_reasons(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "health.txt").write_text(HEALTH, encoding="utf-8")
    (docs / "secret.txt").write_text(SECRET, encoding="utf-8")
    out = tmp_path / "out"
    run_batch([docs], out, jobs=1, redact=True, progress=False)
    rows = list(csv.reader(io.StringIO((out / "redaction_log.csv").read_text(encoding="utf-8-sig"))))
    by_file = {}
    for row in rows[1:]:
        by_file.setdefault(row[0], []).append(row)
    assert any("未生成遮盖副本" in r[-1] for r in by_file["secret.txt"])
    assert "秘密★" not in (out / "redaction_log.csv").read_text(encoding="utf-8-sig")
    records = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["rel_path"]: r.get("redacted_copy") for r in records}["health.txt"] == "redacted/health.txt.redacted.txt"


# --------------------------------------------------------------------------------------------------
# property: over the corpora passages, no flagged span's text survives in the released copy


def _passages() -> list[str]:
    texts = []
    for path in sorted((ROOT / "corpora" / "passages").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


PASSAGES = _passages()


@budget(60)
@given(picked=st.lists(st.sampled_from(PASSAGES), min_size=1, max_size=3),
       style=st.sampled_from(["tag", "block"]), threshold=st.sampled_from([0.3, 0.5, 0.8]))
def test_property_no_flagged_span_survives(picked, style, threshold):
    text = "\n".join(picked)
    result = screener().screen_text(text, "p.txt")
    flagged = [text[f.start:f.end] for f in result.findings if f.severity != "info"]
    from reviewer.draft.redact import classifier_passages, whole_document_grounds

    plan = plan_release(result.findings, threshold,
                        whole_grounds=whole_document_grounds(result.findings, result.categories, threshold),
                        passages=classifier_passages(result.categories, threshold), text=text)
    if any(f.category == "state_secret" and f.severity == "withhold" and not f.explanation.get("marking")
           for f in result.findings):
        assert not plan.copy and plan.secret_marking
    if not plan.copy:
        with pytest.raises(ValueError):
            redact_for_release(text, plan, style)
        return
    red = redact_for_release(text, plan, style)
    assert red.leaks(text, [p for p in flagged if len(p.strip()) >= 2]) == []
    for f in result.findings:
        if f.severity != "info":
            covered = any(e["start"] <= f.start and f.end <= e["end"] for e in red.log)
            assert covered, (f.rule, f.start, f.end)


def test_property_corpus_sample_covers_flagged_passages():
    # The property above must exercise real flagged spans, not only clean passages.
    flagged = sum(1 for t in PASSAGES[:200] if any(f.severity != "info" for f in screener().screen_text(t).findings))
    assert flagged >= 20


def test_redacted_copy_never_overwrites_an_original_document(tmp_path):
    person = (fake.name(), fake.ssn())
    body = f"征收补偿款发放明细\n被征收人：{person[0]}，公民身份号码{person[1]}。\n补偿金额：人民币38万元。"
    first = tmp_path / "明细.txt"
    first.write_text(body, encoding="utf-8")
    second = tmp_path / "明细.redacted.txt"  # an original whose name a copy of the first would take
    second.write_text(body, encoding="utf-8")
    options = ReviewOptions(docs=[first, second], use_model=False, received=dt.date(2026, 11, 20),
                            today=dt.date(2026, 11, 22))
    outcome = run_review(APPLICANT + "申请公开石桥镇征收补偿款发放明细。", options)
    write_review_copies(outcome, tmp_path)
    assert first.read_text(encoding="utf-8") == body and second.read_text(encoding="utf-8") == body
