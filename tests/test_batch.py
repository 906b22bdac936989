"""Batch screening: a tree of generated documents (txt UTF-8/GB18030, docx, pdf, html, broken files)
screened with two worker processes; counts, verdicts, reports, ledger, untouched originals; resume
after a killed or interrupted run; per-file timeouts; agreement with the screening core.

All personal data is generated (Faker zh_CN, seeded; resident ID check digits computed)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.batch.ledger import LEDGER_NAME
from reviewer.batch.runner import SLOW_ENV, SLOW_MATCH_ENV, run_batch
from reviewer.detect.rulebook import load_rules
from reviewer.screen.screening import Screener

PROJECT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable

# ------------------------------------------------------------------------------------------------
# generated documents


def fake(seed: int):
    from faker import Faker

    f = Faker("zh_CN")
    f.seed_instance(seed)
    return f


def resident_id(f) -> str:
    """A resident ID number with a valid GB 11643 check digit."""
    from stdnum.cn import ric

    area = f.random_element(["110101", "310104", "440305", "510107", "330106", "420102"])
    birth = f.date_of_birth(minimum_age=20, maximum_age=70).strftime("%Y%m%d")
    body = area + birth + f"{f.random_int(0, 999):03d}"
    return body + ric.calc_check_digit(body + "0")


def mobile(f) -> str:
    return f.random_element(["138", "139", "150", "186", "177"]) + f"{f.random_int(0, 99999999):08d}"


CLEAN_PARAGRAPHS = [
    "关于做好{year}年度政务公开工作的通知",
    "各区人民政府，市政府各委、办、局：",
    "为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步提升政务公开质量和实效，现就有关事项通知如下。",
    "一、加强主动公开。各单位要按照规定及时公开机构职能、政策文件、规划计划和财政预决算等信息。",
    "二、规范依申请公开办理。各单位要严格执行法定答复期限，规范答复文书格式，做到依法有据。",
    "三、强化监督保障。各单位要将政务公开工作纳入年度绩效考核，定期开展工作评估。",
    "特此通知。",
]


def clean_text(year: int) -> str:
    return "\n".join(p.format(year=year) for p in CLEAN_PARAGRAPHS) + "\n"


def privacy_text(f) -> tuple[str, dict]:
    person = {"name": f.name(), "id": resident_id(f), "phone": mobile(f)}
    lines = [
        "政府信息公开申请答复书",
        f"申请人{person['name']}，身份证号码{person['id']}，联系电话{person['phone']}。",
        "你于本机关收到的政府信息公开申请，经审查，现答复如下。",
        "你申请公开的信息属于本机关公开范围，现予以提供。",
    ]
    return "\n".join(lines) + "\n", person


def secret_text() -> str:
    return "秘密★1年\n关于加强重点项目安全管理的通知\n" + clean_text(2023)


def meeting_text() -> str:
    return "会议纪要（讨论稿）\n" + clean_text(2022)


def write_docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


def write_pdf(path: Path, text: str | None) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path))
    if text is None:  # image-only page: a drawing, no text layer
        page.rect(72, 400, 300, 200, fill=1)
    else:
        page.setFont("STSong-Light", 11)
        y = 800
        for line in text.splitlines():
            # Long lines are broken after a comma, so numbers are never split across lines.
            for piece in line.replace("，", "，\n").splitlines() if len(line) > 42 else [line]:
                page.drawString(40, y, piece)
                y -= 16
    page.save()


def write_html(path: Path, text: str) -> None:
    body = "".join(f"<p>{line}</p>" for line in text.splitlines())
    path.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>通知</title></head>"
                    f"<body>{body}</body></html>", encoding="utf-8")


def build_tree(root: Path) -> dict:
    """The mixed tree; returns {rel: kind-of-document} plus the generated people."""
    f = fake(20240605)
    (root / "txt").mkdir(parents=True)
    (root / "office").mkdir()
    (root / "web").mkdir()
    (root / "broken").mkdir()
    expected: dict[str, str] = {}
    people: list[dict] = []

    def privacy() -> str:
        text, person = privacy_text(f)
        people.append(person)
        return text

    (root / "txt/通知-utf8.txt").write_text(clean_text(2024), encoding="utf-8")
    expected["txt/通知-utf8.txt"] = "clean"
    (root / "txt/答复-utf8.txt").write_text(privacy(), encoding="utf-8")
    expected["txt/答复-utf8.txt"] = "privacy"
    (root / "txt/答复-gb18030.txt").write_bytes(privacy().encode("gb18030"))
    expected["txt/答复-gb18030.txt"] = "privacy"
    (root / "txt/通知-gb18030.txt").write_bytes(clean_text(2021).encode("gb18030"))
    expected["txt/通知-gb18030.txt"] = "clean"
    (root / "txt/会议纪要.txt").write_text(meeting_text(), encoding="utf-8")
    expected["txt/会议纪要.txt"] = "process"
    write_docx(root / "office/答复.docx", privacy())
    expected["office/答复.docx"] = "privacy"
    write_docx(root / "office/通知.docx", clean_text(2020))
    expected["office/通知.docx"] = "clean"
    write_pdf(root / "office/答复.pdf", privacy())
    expected["office/答复.pdf"] = "privacy"
    write_pdf(root / "office/通知.pdf", clean_text(2019))
    expected["office/通知.pdf"] = "clean"
    write_html(root / "web/secret.html", secret_text())
    expected["web/secret.html"] = "secret"
    write_html(root / "web/index.html", clean_text(2018))
    expected["web/index.html"] = "clean"
    # Broken files.
    (root / "broken/empty.txt").write_bytes(b"")
    expected["broken/empty.txt"] = "bad:empty"
    (root / "broken/binary.txt").write_bytes(bytes(range(256)) * 8)
    expected["broken/binary.txt"] = "bad:unreadable"
    good = io.BytesIO()
    write_docx(root / "broken/tmp.docx", clean_text(2017))
    good.write((root / "broken/tmp.docx").read_bytes())
    (root / "broken/tmp.docx").unlink()
    (root / "broken/truncated.docx").write_bytes(good.getvalue()[: len(good.getvalue()) // 2])
    expected["broken/truncated.docx"] = "bad:unreadable"
    write_pdf(root / "broken/scan.pdf", None)
    expected["broken/scan.pdf"] = "bad:no_text"
    (root / "broken/data.xyz").write_bytes(b"\x00\x01 not a document")
    expected["broken/data.xyz"] = "bad:unsupported"
    # Skipped: hidden files and folders, Office lock files.
    (root / ".hidden.txt").write_text(privacy(), encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git/config.txt").write_text(clean_text(2016), encoding="utf-8")
    (root / "office/~$答复.docx").write_bytes(b"lock")
    return {"expected": expected, "people": people}


def snapshot(root: Path) -> dict[str, tuple[int, str]]:
    """(mtime_ns, sha256) of every file under ``root``."""
    result = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            result[str(path)] = (path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
    return result


def ledger_rows(out: Path) -> list[sqlite3.Row]:
    conn = sqlite3.connect(out / LEDGER_NAME)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM files ORDER BY rel").fetchall()
    finally:
        conn.close()


def has_rules(category: str) -> bool:
    return any(r.category == category for r in load_rules())


@pytest.fixture(scope="module")
def screener():
    return Screener()


def test_exit_code_follows_fail_on():
    from reviewer.batch.runner import BatchSummary

    def summary(fail_on, bad=0, **verdicts):
        return BatchSummary(run_id="r", out_dir=Path("."), fail_on=fail_on, bad=bad,
                            by_verdict={"clean": 0, "review": 0, "withhold": 0, **verdicts})

    assert summary("review", clean=3).exit_code == 0
    assert summary("review", clean=3, review=1).exit_code == 1
    assert summary("withhold", clean=3, review=1).exit_code == 0
    assert summary("withhold", withhold=1).exit_code == 1
    assert summary("review", bad=1, review=1).exit_code == 1  # a file not screened counts as review
    assert summary("withhold", bad=1, review=1).exit_code == 0
    interrupted = summary("review", clean=1)
    interrupted.interrupted = True
    assert interrupted.exit_code == 130
    with pytest.raises(ValueError, match="fail-on"):
        run_batch([Path(".")], Path("out"), fail_on="clean")


# ------------------------------------------------------------------------------------------------
# the mixed tree, screened once with two workers


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    root = tmp_path_factory.mktemp("tree") / "docs"
    info = build_tree(root)
    out = root.parent / "report"  # an output folder inside the tree is refused (test_redact_release)
    before = snapshot(root)
    summary = run_batch([root], out, jobs=2, redact=True, progress=False, timeout_per_file=60)
    after = snapshot(root)
    return {"root": root, "out": out, "summary": summary, "before": before, "after": after, **info}


def test_counts_and_statuses(mixed):
    summary, expected = mixed["summary"], mixed["expected"]
    assert summary.files == len(expected)
    assert summary.screened == len(expected) and summary.skipped == 0
    bad = {rel: kind.split(":")[1] for rel, kind in expected.items() if kind.startswith("bad:")}
    assert summary.bad == len(bad)
    rows = {r["rel"]: r for r in ledger_rows(mixed["out"])}
    assert set(rows) == set(expected)  # hidden files, lock files and the report folder skipped
    for rel, status in bad.items():
        assert rows[rel]["status"] == status, rel
        assert rows[rel]["verdict"] == "review"
        assert rows[rel]["error"] and Path(rel).name in rows[rel]["error"]
    for rel, kind in expected.items():
        if not kind.startswith("bad:"):
            assert rows[rel]["status"] == "ok", (rel, rows[rel]["error"])
    assert summary.by_status.get("ok") == len(expected) - len(bad)
    assert summary.exit_code == 1


def test_verdicts(mixed):
    rows = {r["rel"]: r for r in ledger_rows(mixed["out"])}
    for rel, kind in mixed["expected"].items():
        verdict = rows[rel]["verdict"]
        if kind == "clean":
            assert verdict == "clean", rel
        elif kind == "privacy":
            assert verdict == "withhold", rel
            assert rows[rel]["n_withhold"] >= 2  # resident ID and mobile number
            assert json.loads(rows[rel]["categories"]).get("privacy", 0) >= 2
        elif kind == "secret" and has_rules("state_secret"):
            assert verdict in ("review", "withhold"), rel
        elif kind == "process" and has_rules("process_info"):
            assert verdict in ("review", "withhold"), rel
    assert mixed["summary"].by_category.get("privacy") == 4


def test_batch_agrees_with_screening_core(mixed, screener):
    rows = {r["rel"]: r for r in ledger_rows(mixed["out"])}
    for rel in mixed["expected"]:
        direct = screener.screen_path(mixed["root"] / rel)
        assert rows[rel]["verdict"] == direct.verdict, rel
        assert rows[rel]["status"] == direct.status, rel
        assert rows[rel]["sha256"] == direct.sha256, rel


def test_originals_untouched(mixed):
    before = {k: v for k, v in mixed["before"].items()}
    after = {k: v for k, v in mixed["after"].items() if not k.startswith(str(mixed["out"]))}
    assert before == after


def test_ledger_rows_and_run(mixed):
    out, summary = mixed["out"], mixed["summary"]
    rows = ledger_rows(out)
    assert len({r["path"] for r in rows}) == len(rows)
    for r in rows:
        assert Path(r["path"]).is_absolute() and r["path"].endswith(r["rel"])
        assert r["run_id"] == summary.run_id and r["seen_run"] == summary.run_id
        assert r["ruleset_version"] == summary.ruleset_version
        assert len(r["sha256"]) == 64 and r["size"] == Path(r["path"]).stat().st_size
        assert r["screened_at"]
    conn = sqlite3.connect(out / LEDGER_NAME)
    run = conn.execute("SELECT status, files, screened, skipped, counts FROM runs WHERE run_id=?",
                       (summary.run_id,)).fetchone()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert run[:4] == ("finished", len(rows), len(rows), 0)
    assert json.loads(run[4])["verdict"]["withhold"] == summary.by_verdict["withhold"]


def test_results_files(mixed):
    out, expected = mixed["out"], mixed["expected"]
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert sorted(r["rel_path"] for r in records) == sorted(expected)
    for r in records:
        assert {"status", "verdict", "findings", "categories", "sha256"} <= set(r)
    raw = (out / "results.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0][0] == "文件" and len(table) == len(expected) + 1
    by_rel = {row[0]: row for row in table[1:]}
    assert by_rel["txt/答复-utf8.txt"][4] == "withhold"
    assert "PRV001" in by_rel["txt/答复-utf8.txt"][table[0].index("主要规则")]
    assert by_rel["broken/scan.pdf"][2] == "no_text" and "OCR" in by_rel["broken/scan.pdf"][6]
    text = (out / "results.jsonl").read_text(encoding="utf-8") + raw.decode("utf-8-sig")
    for person in mixed["people"]:
        assert person["id"] not in text and person["phone"] not in text


def test_redacted_mirror(mixed):
    out, expected = mixed["out"], mixed["expected"]
    redacted = out / "redacted"
    copies = sorted(p.relative_to(redacted).as_posix()[: -len(".redacted.txt")] for p in redacted.rglob("*.redacted.txt"))
    notes = sorted(p.relative_to(redacted).as_posix()[: -len(".未生成遮盖副本说明.txt")]
                   for p in redacted.rglob("*.未生成遮盖副本说明.txt"))
    kinds = {rel: kind for rel, kind in expected.items()}
    assert not set(copies) & set(notes)
    assert {rel for rel, kind in kinds.items() if kind == "privacy"} <= set(copies)
    # A 密级-marked document and a whole-document process-information file: a note, never a copy.
    assert {rel for rel, kind in kinds.items() if kind in ("secret", "process")} <= set(notes)
    assert not {rel for rel, kind in kinds.items() if kind == "clean" or kind.startswith("bad:")} & set(copies + notes)
    for rel in copies:
        text = (redacted / f"{rel}.redacted.txt").read_text(encoding="utf-8")
        assert "【第十五条 个人隐私】" in text or "【待审核" in text
        for person in mixed["people"]:
            assert person["id"] not in text and person["phone"] not in text
    secret_note = (redacted / "web/secret.html.未生成遮盖副本说明.txt").read_text(encoding="utf-8")
    assert "秘密★" not in secret_note and "重点项目安全管理" not in secret_note
    assert "定密机关" in secret_note
    log = list(csv.reader(io.StringIO((out / "redaction_log.csv").read_text(encoding="utf-8-sig"))))
    per_file = {}
    for row in log[1:]:
        per_file[row[0]] = per_file.get(row[0], 0) + 1
    assert set(per_file) == set(copies) | set(notes)
    assert all(per_file[rel] >= 2 for rel, kind in expected.items() if kind == "privacy")  # ID and phone


def test_report_html_exists_and_masks(mixed):
    html = (mixed["out"] / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<mark class="sev-withhold">' in html
    for person in mixed["people"]:
        assert person["id"] not in html and person["phone"] not in html
    for rel, kind in mixed["expected"].items():
        assert rel in html  # every file in the table
        if kind.startswith("bad:"):
            assert Path(rel).name + "：" in html  # the Chinese reason names the file


def test_rerun_without_resume_counts_each_file_once(mixed, tmp_path):
    out = tmp_path / "again"
    first = run_batch([mixed["root"] / "txt"], out, jobs=1, progress=False)
    second = run_batch([mixed["root"] / "txt"], out, jobs=1, progress=False)
    assert first.screened == second.screened == second.files == 5
    assert len(ledger_rows(out)) == 5
    third = run_batch([mixed["root"] / "txt"], out, jobs=1, progress=False, resume=True)
    assert third.screened == 0 and third.skipped == 5 and third.files == 5
    assert third.exit_code == 1
    overlapping = run_batch([mixed["root"] / "txt", mixed["root"] / "txt/通知-utf8.txt"], tmp_path / "overlap",
                            jobs=1, progress=False)
    assert overlapping.files == overlapping.screened == 5 and len(ledger_rows(tmp_path / "overlap")) == 5
    clean_only = run_batch([mixed["root"] / "txt/通知-utf8.txt"], tmp_path / "one", jobs=1, progress=False)
    assert clean_only.files == 1 and clean_only.exit_code == 0


# ------------------------------------------------------------------------------------------------
# kill, interrupt and resume


def small_tree(root: Path, n: int) -> None:
    f = fake(77)
    root.mkdir(parents=True)
    for i in range(n):
        text = privacy_text(f)[0] if i % 3 == 0 else clean_text(2000 + i)
        (root / f"doc{i:02d}.txt").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory):
    """A frozen copy of the rule files, so the rule-set version cannot change during a test."""
    target = tmp_path_factory.mktemp("rules")
    for path in (PROJECT / "rules").glob("*.yaml"):
        shutil.copy(path, target / path.name)
    return target


def start_run(src: Path, out: Path, slow: float, jobs: int, rules: Path) -> subprocess.Popen:
    code = (
        "import sys; from pathlib import Path; from reviewer.batch.runner import run_batch; "
        f"s = run_batch([Path({str(src)!r})], Path({str(out)!r}), jobs={jobs}, progress=False, "
        f"rules_dir=Path({str(rules)!r})); "
        "sys.exit(s.exit_code)"
    )
    env = dict(os.environ, **{SLOW_ENV: str(slow), "PYTHONPATH": str(PROJECT)})
    env.pop(SLOW_MATCH_ENV, None)
    return subprocess.Popen([PYTHON, "-c", code], env=env, cwd=str(PROJECT))


def wait_for_rows(out: Path, proc: subprocess.Popen, at_least: int, limit: float = 60) -> int:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the run ended before it could be stopped"
        if (out / LEDGER_NAME).exists():
            try:
                conn = sqlite3.connect(out / LEDGER_NAME, timeout=5)
                n = conn.execute("SELECT COUNT(*) FROM files").fetchone()[0]
                conn.close()
            except sqlite3.OperationalError:
                n = 0
            if n >= at_least:
                return n
        time.sleep(0.05)
    raise AssertionError("no progress")


def test_resume_after_kill_screens_exactly_the_rest(tmp_path, rules_dir):
    src, out, n = tmp_path / "src", tmp_path / "out", 12
    small_tree(src, n)
    proc = start_run(src, out, slow=0.4, jobs=2, rules=rules_dir)
    try:
        wait_for_rows(out, proc, 3)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    rows = ledger_rows(out)
    done = len(rows)
    assert 3 <= done < n
    first_run = {r["run_id"] for r in rows}
    assert len(first_run) == 1

    summary = run_batch([src], out, jobs=1, resume=True, progress=False, rules_dir=rules_dir)
    assert summary.screened == n - done
    assert summary.skipped == done
    assert summary.files == n
    rows = ledger_rows(out)
    assert len(rows) == n and len({r["path"] for r in rows}) == n
    assert sum(r["run_id"] in first_run for r in rows) == done
    assert sum(r["run_id"] == summary.run_id for r in rows) == n - done
    records = [json.loads(x) for x in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["rel_path"] for r in records) == [f"doc{i:02d}.txt" for i in range(n)]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert all(f"doc{i:02d}.txt" in html for i in range(n))

    # A changed file is screened again; the others are not.
    target = src / "doc01.txt"
    target.write_text(privacy_text(fake(5))[0], encoding="utf-8")
    again = run_batch([src], out, jobs=1, resume=True, progress=False, rules_dir=rules_dir)
    assert again.screened == 1 and again.skipped == n - 1
    row = {r["rel"]: r for r in ledger_rows(out)}["doc01.txt"]
    assert row["run_id"] == again.run_id and row["verdict"] == "withhold"
    assert row["sha256"] == hashlib.sha256(target.read_bytes()).hexdigest()
    assert len(ledger_rows(out)) == n


def test_ctrl_c_stops_cleanly_and_resume_finishes(tmp_path, rules_dir):
    src, out, n = tmp_path / "src", tmp_path / "out", 10
    small_tree(src, n)
    proc = start_run(src, out, slow=0.4, jobs=1, rules=rules_dir)
    try:
        wait_for_rows(out, proc, 2)
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert code == 130
    conn = sqlite3.connect(out / LEDGER_NAME)
    status, screened = conn.execute("SELECT status, screened FROM runs").fetchone()
    done = conn.execute("SELECT COUNT(*) FROM files").fetchone()[0]
    conn.close()
    assert status == "interrupted" and screened == done < n
    assert "被中断" in (out / "report.html").read_text(encoding="utf-8")
    summary = run_batch([src], out, jobs=1, resume=True, progress=False, rules_dir=rules_dir)
    assert summary.screened == n - done and summary.files == n and not summary.interrupted


def test_stuck_file_times_out_and_the_run_goes_on(tmp_path, monkeypatch, rules_dir):
    src, out = tmp_path / "src", tmp_path / "out"
    small_tree(src, 5)
    (src / "hang.txt").write_text(clean_text(1999), encoding="utf-8")
    monkeypatch.setenv(SLOW_ENV, "30")
    monkeypatch.setenv(SLOW_MATCH_ENV, "hang")
    started = time.monotonic()
    summary = run_batch([src], out, jobs=2, progress=False, timeout_per_file=1.5, rules_dir=rules_dir)
    assert time.monotonic() - started < 25
    rows = {r["rel"]: r for r in ledger_rows(out)}
    assert rows["hang.txt"]["status"] == "timeout" and rows["hang.txt"]["verdict"] == "review"
    assert "处理超时" in rows["hang.txt"]["error"]
    assert all(rows[f"doc{i:02d}.txt"]["status"] == "ok" for i in range(5))
    assert summary.files == 6 and summary.bad == 1
    # In-process (jobs=1) the timeout uses an alarm; a timed-out file is retried on resume.
    monkeypatch.setenv(SLOW_ENV, "3")
    one = run_batch([src], out, jobs=1, progress=False, timeout_per_file=0.5, resume=True, rules_dir=rules_dir)
    assert one.screened == 1 and one.skipped == 5
    assert {r["rel"]: r for r in ledger_rows(out)}["hang.txt"]["status"] == "timeout"


# ------------------------------------------------------------------------------------------------
# development documents (real public texts; read at test time only, never copied)

DEV_DIR = Path(os.environ.get("REVIEWER_DEV_DIR", PROJECT.parent / "shared" / "dev"))


@pytest.mark.skipif(not (DEV_DIR / "documents.jsonl").exists(), reason="development documents absent")
def test_dev_documents_batch_agrees_with_core(tmp_path, screener):
    docs = [json.loads(line) for line in (DEV_DIR / "documents.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    src = tmp_path / "dev"
    src.mkdir()
    for doc in docs:
        (src / f"{doc['id']}.txt").write_text(doc["text"], encoding="utf-8")
    summary = run_batch([src], tmp_path / "out", jobs=1, progress=False)
    assert summary.files == len(docs) and summary.bad == 0
    rows = {r["rel"]: r for r in ledger_rows(tmp_path / "out")}
    agree = 0
    for doc in docs:
        verdict = rows[f"{doc['id']}.txt"]["verdict"]
        assert verdict == screener.screen_path(src / f"{doc['id']}.txt").verdict, doc["id"]
        flagged = verdict != "clean"
        agree += flagged == (doc["labels"] != ["clean"])
    print(f"\n开发集文档：批量结论与标注一致 {agree}/{len(docs)}（{agree / len(docs):.0%}）")


class FakeGrounds:
    """A stand-in passage classifier (low probabilities everywhere), with a version."""

    labels = classes_ = ["privacy", "process_info"]

    def __init__(self, version: str):
        self.version = version

    def predict_proba(self, texts):
        return [[0.05, 0.05] for _ in texts]


def test_model_version_is_recorded_and_a_new_model_rescreens(tmp_path, monkeypatch, rules_dir):
    import reviewer.batch.filework as filework

    src, out = tmp_path / "src", tmp_path / "out"
    small_tree(src, 4)
    version = {"v": "grounds-1"}
    monkeypatch.setattr(filework, "load_grounds_model",
                        lambda model_dir: (FakeGrounds(version["v"]), version["v"], None))
    first = run_batch([src], out, jobs=1, progress=False, use_model=True, rules_dir=rules_dir)
    assert first.model_version == "grounds-1" and first.screened == 4
    assert {r["model_version"] for r in ledger_rows(out)} == {"grounds-1"}
    same = run_batch([src], out, jobs=1, progress=False, use_model=True, resume=True, rules_dir=rules_dir)
    assert same.screened == 0 and same.skipped == 4
    version["v"] = "grounds-2"
    newer = run_batch([src], out, jobs=1, progress=False, use_model=True, resume=True, rules_dir=rules_dir)
    assert newer.screened == 4 and {r["model_version"] for r in ledger_rows(out)} == {"grounds-2"}
    rules_only = run_batch([src], out, jobs=1, progress=False, resume=True, rules_dir=rules_dir)
    assert rules_only.screened == 4 and rules_only.model_version is None
    # Same verdicts whatever the (uninformative) model.
    assert rules_only.by_verdict == first.by_verdict


@pytest.mark.parametrize("jobs", [1, 2])
def test_broken_rule_file_raises_rule_file_error(tmp_path, rules_dir, jobs):
    from reviewer.detect.rulebook import RuleFileError

    broken = tmp_path / "rules"
    shutil.copytree(rules_dir, broken)
    (broken / "zz_broken.yaml").write_text(
        "category: privacy\nbasis: 第十五条\nrules:\n  - code: BAD1\n    kind: keywords\n", encoding="utf-8")
    small_tree(tmp_path / "src", 1)
    with pytest.raises(RuleFileError) as caught:
        run_batch([tmp_path / "src"], tmp_path / "out", jobs=jobs, progress=False, rules_dir=broken)
    assert "zz_broken.yaml" in str(caught.value) and caught.value.problems
