"""Nothing unread is called clean (issue 15 item 2): scanned or garbled PDF pages, folders that cannot be
listed and rules that hit their regex time limit make the file ``review`` with the reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reviewer.batch.runner import run_batch
from reviewer.load.textload import load_path
from reviewer.screen.screening import Screener

CLEAN = "示例市城镇老旧小区改造资金管理办法\n第一条 为规范老旧小区改造资金管理，制定本办法。"
# What a PDF whose font lacks a Unicode map yields: GBK bytes read as Latin-1.
MOJIBAKE = "关于加强重点项目安全管理的通知，请各单位认真贯彻落实有关要求。".encode("gbk").decode("latin-1")


def write_pdf(path: Path, pages: list[tuple[str, str | None]]) -> Path:
    """pages: (font, text) — font "cjk" or "latin"; text None for an image-only (scanned) page."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    doc = canvas.Canvas(str(path))
    for font, text in pages:
        if text is None:
            doc.rect(72, 400, 300, 200, fill=1)
        else:
            doc.setFont("STSong-Light" if font == "cjk" else "Helvetica", 11)
            for i, line in enumerate(text.splitlines()):
                doc.drawString(40, 800 - 16 * i, line)
        doc.showPage()
    doc.save()
    return path


@pytest.fixture(scope="module")
def screener():
    return Screener()


def test_scanned_page_makes_the_file_review(tmp_path, screener):
    path = write_pdf(tmp_path / "a.pdf", [("cjk", CLEAN), ("cjk", None)])
    result = screener.screen_path(path)
    assert result.status == "ok" and not [f for f in result.findings if f.severity != "info"]
    assert result.verdict == "review"
    assert any("第 2 页" in item and "未审查" in item for item in result.incomplete)


def test_garbled_page_is_reported_and_makes_the_file_review(tmp_path, screener):
    path = write_pdf(tmp_path / "b.pdf", [("cjk", CLEAN), ("latin", MOJIBAKE)])
    loaded = load_path(path)
    assert loaded.status == "ok"
    assert any("第 2 页文字层异常，请人工核对或 OCR" in item for item in loaded.unread)
    result = screener.screen_path(path)
    assert result.verdict == "review"
    assert any("文字层异常" in w for w in result.warnings)


def test_wholly_garbled_pdf_is_not_screened(tmp_path, screener):
    path = write_pdf(tmp_path / "c.pdf", [("latin", MOJIBAKE), ("latin", MOJIBAKE)])
    result = screener.screen_path(path)
    assert result.status == "no_text" and result.verdict == "review"
    assert "文字层异常" in result.error and "OCR" in result.error


def test_ordinary_pdf_is_not_flagged_as_garbled(tmp_path):
    path = write_pdf(tmp_path / "d.pdf", [("cjk", CLEAN), ("latin", "Annual report 2024: budget and final accounts.")])
    assert load_path(path).unread == []


def test_rule_hitting_its_time_limit_makes_the_file_review(monkeypatch, screener):
    import reviewer.detect.recognizers as rec

    text = CLEAN + "\n" + "会议研究决定" * 20000
    monkeypatch.setattr(rec, "REGEX_TIMEOUT_SECONDS", 1e-9)
    result = screener.screen_text(text)
    assert result.incomplete and all("超时" in item for item in result.incomplete)
    assert result.verdict in ("review", "withhold")


def test_folder_that_cannot_be_listed_is_recorded_not_skipped(tmp_path, monkeypatch):
    import reviewer.batch.runner as runner

    root = tmp_path / "docs"
    (root / "locked").mkdir(parents=True)
    (root / "ok.txt").write_text(CLEAN, encoding="utf-8")
    (root / "locked" / "hidden-from-us.txt").write_text(CLEAN, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(runner.os, "scandir", scandir)
    summary = run_batch([root], tmp_path / "out", jobs=1, progress=False)
    assert summary.files == 2 and summary.bad == 1
    assert summary.by_verdict.get("clean") == 1 and summary.by_verdict.get("review") == 1
    assert summary.exit_code == 1
    csv_text = (tmp_path / "out" / "results.csv").read_text(encoding="utf-8-sig")
    assert "locked" in csv_text and "无法列出该文件夹的内容" in csv_text


def test_unread_pages_are_named_in_results_csv(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    write_pdf(docs / "scan.pdf", [("cjk", CLEAN), ("cjk", None)])
    out = tmp_path / "out"
    summary = run_batch([docs], out, jobs=1, progress=False)
    assert summary.by_verdict.get("review") == 1 and summary.exit_code == 1
    assert "第 2 页无文本层" in (out / "results.csv").read_text(encoding="utf-8-sig")


def test_skipped_hidden_and_lock_files_are_mentioned(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(CLEAN, encoding="utf-8")
    (docs / ".hidden.txt").write_text(CLEAN, encoding="utf-8")
    (docs / "~$a.docx").write_bytes(b"lock")
    summary = run_batch([docs], tmp_path / "out", jobs=1, progress=False)
    assert summary.files == 1
    note = next(n for n in summary.notes if n.startswith("未审查"))
    assert "隐藏文件或文件夹 1 个" in note and "Office 临时文件（~$ 开头）1 个" in note
    assert note in summary.describe()
