"""The ``Reviewer`` façade: loaded once, same results as ``run_review``, no re-reading per review,
safe for concurrent reads, options checked in one place, decisions recorded in the store."""

from __future__ import annotations

import builtins
import io
import json
import threading
from pathlib import Path

import pytest
import yaml

from reviewer.app import DecisionResult, DraftResult, RedactResult, Reviewer
from reviewer.app.options import OptionError
from reviewer.app.pipeline import ReviewOptions, run_review

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
APPLICANT = "申请人：林晓，联系电话13912345678，获取方式：电子邮件。\n"
REQUESTS = [
    APPLICANT + "申请公开2026年第3次专题会议纪要。",
    APPLICANT + "请列出本局近三年所有建设项目的汇总统计表。",
    APPLICANT + "我要投诉某小区物业公司乱收费，请你们查处。",
    "1、甲单位2024年预算；2、乙单位2024年决算；3、丙项目批复文件。",
]


@pytest.fixture(scope="module")
def reviewer():
    return Reviewer.from_config(model="none")


def _catalog(tmp_path: Path) -> Path:
    path = tmp_path / "目录.csv"
    path.write_text("标题,文号,日期,网址\n示例市2024年部门预算,示例财〔2024〕1号,2024-02-01,https://example.invalid/a\n",
                    encoding="utf-8")
    return path


def _same(a: dict, b: dict) -> None:
    assert json.dumps(a, ensure_ascii=False, sort_keys=True, default=str) == \
        json.dumps(b, ensure_ascii=False, sort_keys=True, default=str)


@pytest.mark.parametrize("text", REQUESTS)
def test_facade_review_equals_run_review(reviewer, text):
    doc = EXAMPLES / "documents" / "03-专题会议纪要.txt"
    options = ReviewOptions(docs=[doc], use_model=False, received=None, today=None)
    import datetime as dt

    today = dt.date(2026, 11, 25)
    options.today = today
    options.received = dt.date(2026, 11, 20)
    expected = run_review(text, options).to_dict()
    got = reviewer.review(text=text, docs=[doc], received="2026-11-20", today=today).to_dict()
    _same(expected, got)


class _Reads:
    """Counts every file opened and every YAML document parsed while active."""

    def __init__(self, monkeypatch):
        self.opened: list[str] = []
        self.yaml = 0
        real_open = io.open

        def counting_open(file, *args, **kwargs):
            self.opened.append(str(file))
            return real_open(file, *args, **kwargs)

        def counting(loader):
            def wrapped(*args, **kwargs):
                self.yaml += 1
                return loader(*args, **kwargs)
            return wrapped

        monkeypatch.setattr(io, "open", counting_open)
        monkeypatch.setattr(builtins, "open", counting_open)
        monkeypatch.setattr(yaml, "safe_load", counting(yaml.safe_load))
        monkeypatch.setattr(yaml, "load", counting(yaml.load))


def test_hundred_reviews_do_not_reread_rules(reviewer, tmp_path, monkeypatch):
    catalog = _catalog(tmp_path)
    doc = EXAMPLES / "documents" / "01-征地补偿安置公告.txt"
    kwargs = dict(docs=[doc], catalog=catalog, received="2026-11-20", today="2026-11-25")
    first = reviewer.review(text=REQUESTS[0], **kwargs).to_dict()  # warm up: everything loaded once
    reads = _Reads(monkeypatch)
    reviewer.review(text=REQUESTS[0], **kwargs)
    per_review = len(reads.opened)
    assert set(reads.opened) == {str(doc)}  # the candidate document, nothing else
    for _ in range(100):
        last = reviewer.review(text=REQUESTS[0], **kwargs)
    assert len(reads.opened) == per_review * 101
    assert reads.yaml == 0
    assert not any(p.endswith((".yaml", ".yml", ".csv")) for p in reads.opened)
    _same(first, last.to_dict())


def test_run_review_reuses_loaded_files_until_one_changes(tmp_path, monkeypatch):
    profile = tmp_path / "本机关.yaml"
    profile.write_text((EXAMPLES / "profile.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    options = ReviewOptions(use_model=False, profile=profile)
    run_review(REQUESTS[0], options)
    reads = _Reads(monkeypatch)
    for _ in range(100):
        outcome = run_review(REQUESTS[0], options)
    assert reads.opened == [] and reads.yaml == 0
    assert "示例市自然资源和规划局" in outcome.letter.to_text()
    text = profile.read_text(encoding="utf-8").replace("示例市自然资源和规划局", "示例市住房和城乡建设局")
    profile.write_text(text + "\n# 已修改\n", encoding="utf-8")
    outcome = run_review(REQUESTS[0], options)
    assert reads.yaml > 0 and str(profile) in reads.opened  # reloaded for the changed profile
    assert "示例市住房和城乡建设局" in outcome.letter.to_text()


def test_concurrent_reviews_on_one_facade_match_sequential(reviewer):
    doc = EXAMPLES / "documents" / "04-投标文件摘录.txt"
    expected = [reviewer.review(text=t, docs=[doc], today="2026-11-25").to_dict() for t in REQUESTS]
    fresh = Reviewer.from_config(model="none")  # lazy loads race here too
    results: dict[tuple[int, int], dict] = {}
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            for i, text in enumerate(REQUESTS):
                results[worker, i] = fresh.review(text=text, docs=[doc], today="2026-11-25").to_dict()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for (_, i), data in results.items():
        _same(expected[i], data)
    assert len(results) == 8 * len(REQUESTS)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"channel": "飞鸽"}, "未知的申请方式：飞鸽"),
    ({"stage": "later"}, "--stage 只能是 pending 或 decided"),
    ({"procedure": "lost"}, "--procedure 只能是"),
    ({"received": "2026-13-01"}, "--received 日期格式错误"),
    ({"docs": ["不存在的文件.txt"]}, "找不到候选文件：不存在的文件.txt"),
    ({"threshold": 1.5}, "分值阈值应在 0 到 1 之间"),
])
def test_options_are_checked_in_one_place(reviewer, kwargs, message):
    with pytest.raises(OptionError, match=message):
        reviewer.review(text=REQUESTS[0], **kwargs)


def test_screen_uses_loaded_rules(reviewer):
    result = reviewer.screen(EXAMPLES / "documents" / "05-密件.txt")
    assert result.verdict == "withhold" and result.findings
    assert reviewer.screen_text("今天天气很好。").verdict == "clean"
    results = list(reviewer.screen_paths([EXAMPLES / "documents"]))
    assert len(results) == len(list((EXAMPLES / "documents").iterdir()))
    with pytest.raises(OptionError, match="找不到文件或文件夹"):
        list(reviewer.screen_paths(["没有这个文件夹"]))


def test_draft_redact_and_decide(tmp_path):
    facade = Reviewer.from_config(model="none", store=tmp_path / "决定.sqlite")
    docs = [EXAMPLES / "documents" / "04-投标文件摘录.txt"]
    outcome = facade.review(text=APPLICANT + "申请公开示例项目投标文件。", docs=docs, received="2026-11-20",
                            save=True, history=True)
    number = next(w.split("申请编号 ")[1].split("（")[0] for w in outcome.warnings if "申请编号" in w)
    drafted = facade.draft(outcome, tmp_path / "答复书.docx")
    assert isinstance(drafted, DraftResult) and drafted.docx.is_file() and drafted.letters[0] is outcome.letter
    redacted = facade.redact(outcome, tmp_path / "遮盖")
    assert isinstance(redacted, RedactResult) and (tmp_path / "遮盖" / "redaction_log.csv") in redacted.files
    decision = facade.decide(number, officer="王敏", date="2026-11-28", search_systems="公文系统")
    assert isinstance(decision, DecisionResult)
    assert decision.number == number and decision.code == outcome.decision.code
    assert decision.accepted_proposal is True and decision.searches == 1 and decision.officer == "王敏"
    changed = facade.decide(number, code="other.other", officer="王敏")
    assert changed.accepted_proposal is False and changed.previous["code"] == decision.code


def test_facade_pickles_as_configuration_for_workers(reviewer):
    import pickle

    reviewer.review(text=REQUESTS[0])  # loaded: the lock and caches must not travel
    data = pickle.dumps(reviewer)
    assert len(data) < 2000
    copy = pickle.loads(data)
    assert copy.use_model is False and copy.threshold == reviewer.threshold
    _same(reviewer.review(text=REQUESTS[1], today="2026-11-25").to_dict(),
          copy.review(text=REQUESTS[1], today="2026-11-25").to_dict())
