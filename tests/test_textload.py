"""Tests for reviewer.load.textload: every input is built on the fly in tmp_path."""

from __future__ import annotations

import hashlib
import io
import os
import random
import sys
import time
from pathlib import Path

import pytest

from reviewer.load.textload import (
    PAGE_SEPARATOR,
    SUPPORTED_SUFFIXES,
    LoadedText,
    _format_size,
    load_bytes,
    load_path,
    load_stdin,
)

try:
    import fixtures_build as fb
except ImportError:  # tests/ imported as a package
    from tests import fixtures_build as fb

SAMPLE = "关于申请公开2023年度财政预算的答复\n申请人：某某，电话 010-12345678。\n依据《中华人民共和国政府信息公开条例》第二十条。\n"


def assert_failure(result: LoadedText, status: str, name: str, *fragments: str) -> None:
    """A non-ok result: the status, no text, and a Chinese error that names the file."""
    assert result.status == status, (result.status, result.error)
    assert result.text == ""
    assert result.error is not None and name in result.error, result.error
    for fragment in fragments:
        assert fragment in result.error, result.error
    assert not result.ok


def assert_loaded(result: LoadedText, raw: bytes) -> None:
    assert result.status == "ok", result.error
    assert result.error is None and result.ok
    assert result.size == len(raw)
    assert result.sha256 == hashlib.sha256(raw).hexdigest()


# ----------------------------------------------------------------------------------------------------
# plain text and encodings


@pytest.mark.parametrize(
    ("encoding", "bom", "expected_encoding", "note"),
    [
        ("utf-8", b"", "utf-8", "UTF-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig", "UTF-8（带 BOM）"),
        ("gbk", b"", "gb18030", "GB18030（无 BOM）"),
        ("utf-16-le", b"\xff\xfe", "utf-16", "UTF-16 LE（带 BOM）"),
        ("utf-16-be", b"\xfe\xff", "utf-16", "UTF-16 BE（带 BOM）"),
        ("utf-16-le", b"", "utf-16-le", "UTF-16 LE（无 BOM）"),
        ("utf-16-be", b"", "utf-16-be", "UTF-16 BE（无 BOM）"),
        ("utf-32-le", b"\xff\xfe\x00\x00", "utf-32", "UTF-32 LE（带 BOM）"),
    ],
)
def test_text_encodings(tmp_path: Path, encoding: str, bom: bytes, expected_encoding: str, note: str) -> None:
    path = fb.write_text(tmp_path / "答复.txt", SAMPLE, encoding, bom)
    result = load_path(path)
    assert_loaded(result, path.read_bytes())
    assert result.text == SAMPLE
    assert result.kind == "txt"
    assert result.encoding == expected_encoding
    assert any(note in item for item in result.notes), result.notes


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_chinese_only_utf16_without_bom(tmp_path: Path, codec: str) -> None:
    text = "一统一万一事关于申请公开会议纪要的答复意见书"  # 一 is U+4E00: NUL bytes on the "wrong" side
    path = fb.write_text(tmp_path / "u16.txt", text, codec)
    result = load_path(path)
    assert result.status == "ok", result.error
    assert result.text == text and result.encoding == codec


def test_gbk_with_even_length_is_not_taken_for_utf16(tmp_path: Path) -> None:
    text = "关于申请公开国家秘密一事的答复"
    raw = text.encode("gbk")
    assert len(raw) % 2 == 0
    result = load_bytes(raw, "even.txt")
    assert result.text == text and result.encoding == "gb18030"


def test_gb18030_four_byte_characters(tmp_path: Path) -> None:
    text = "申请人刘䶮（“䶮”为 GB18030 四字节字符）要求公开会议纪要。\n" * 3
    raw = text.encode("gb18030")
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")  # really outside GBK
    path = tmp_path / "request.md"
    path.write_bytes(raw)
    result = load_path(path)
    assert_loaded(result, raw)
    assert result.text == text
    assert result.encoding == "gb18030"


def test_big5_is_not_silently_read_as_gb18030(tmp_path: Path) -> None:
    text = "國家機密，請勿外傳。本文件屬於機密等級資料，請妥善保管並依規定辦理。"
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    result = load_path(path)
    if result.status == "ok":
        assert result.encoding != "gb18030" or any("请核对" in note for note in result.notes)
        if result.encoding == "big5":
            assert result.text == text
    else:
        assert_failure(result, "unreadable", "big5.txt", "编码")


def test_crlf_text_is_kept_verbatim(tmp_path: Path) -> None:
    raw = SAMPLE.replace("\n", "\r\n").encode("utf-8")
    path = tmp_path / "crlf.csv"
    path.write_bytes(raw)
    result = load_path(path)
    assert result.text == raw.decode("utf-8")  # offsets point into exactly this string


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    empty = tmp_path / "空文件.txt"
    empty.write_bytes(b"")
    assert_failure(load_path(empty), "empty", "空文件.txt", "为空")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(" \r\n\t\u3000\n".encode())
    result = load_path(blank)
    assert_failure(result, "empty", "blank.txt", "空白")
    assert result.encoding == "utf-8"


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    rng = random.Random(7)
    raw = bytes(rng.randrange(256) for _ in range(4096)) + b"\x00\x00\x00"
    path = tmp_path / "photo.txt"
    path.write_bytes(raw)
    result = load_path(path)
    assert_failure(result, "unreadable", "photo.txt", "二进制")
    assert result.sha256 == hashlib.sha256(raw).hexdigest()


def test_binary_file_without_nul_bytes(tmp_path: Path) -> None:
    rng = random.Random(8)
    raw = bytes(rng.randrange(1, 32) for _ in range(2048))
    path = tmp_path / "blob.csv"
    path.write_bytes(raw)
    assert_failure(load_path(path), "unreadable", "blob.csv", "二进制")


# ----------------------------------------------------------------------------------------------------
# docx


def test_docx_reading_order_tables_headers_notes_textboxes(tmp_path: Path) -> None:
    path = tmp_path / "答复书.docx"
    expected = fb.build_full_docx(path)
    result = load_path(path)
    assert_loaded(result, path.read_bytes())
    assert result.kind == "docx"
    text = result.text
    for key, value in expected.items():
        if key == "deleted":
            # a tracked deletion is not part of the visible document, but it is screened (hidden part)
            assert value not in text[: result.hidden_start]
            start, end, label = next(s for s in result.sections if s[2] == "修订删除的文字")
            assert value in text[start:end]
        else:
            assert value in text, key
    assert text.count(expected["header"]) == 1  # identical headers of two sections
    assert text.count(expected["textbox"]) == 1  # Choice and Fallback copies: one taken
    # table rows: cells separated by a tab, the nested table on its own row
    assert f"{expected['cell_a']}\t{expected['cell_b']}" in text
    assert f"{expected['nested_a']}\t{expected['nested_b']}" in text
    assert f"{expected['kept']}{expected['inserted']}" in text
    order = [expected[key] for key in ("title", "body", "cell_a", "nested_a", "after_table", "textbox")]
    positions = [text.index(value) for value in order]
    assert positions == sorted(positions)
    # footnotes after the body, separator notes skipped
    assert text.index(expected["footnote"]) > text.index(expected["after_table"])
    assert any("脚注 1 条" in note for note in result.notes)
    assert any("文本框 1 个" in note for note in result.notes)


def test_docx_truncated(tmp_path: Path) -> None:
    good = fb.build_simple_docx(tmp_path / "good.docx", ["第一段", "第二段"])
    raw = good.read_bytes()
    bad = tmp_path / "损坏.docx"
    bad.write_bytes(raw[: len(raw) // 2])
    result = load_path(bad)
    assert_failure(result, "unreadable", "损坏.docx", "文件已损坏或不是有效的 .docx")
    assert result.kind == "docx"


def test_docx_encrypted_ole_container(tmp_path: Path) -> None:
    path = tmp_path / "加密.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(1024))
    assert_failure(load_path(path), "unreadable", "加密.docx", "文件已加密（受密码保护），无法审查")


def test_docx_without_text_is_empty(tmp_path: Path) -> None:
    path = fb.build_simple_docx(tmp_path / "blank.docx", ["", "   "])
    assert_failure(load_path(path), "empty", "blank.docx")


def test_legacy_doc_is_unsupported_with_hint(tmp_path: Path) -> None:
    path = tmp_path / "旧文件.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert_failure(load_path(path), "unsupported", "旧文件.doc", ".docx")


def test_doc_extension_with_docx_content_is_read(tmp_path: Path) -> None:
    source = fb.build_simple_docx(tmp_path / "real.docx", ["实际是新格式"])
    path = tmp_path / "renamed.doc"
    path.write_bytes(source.read_bytes())
    result = load_path(path)
    assert result.status == "ok" and "实际是新格式" in result.text
    assert any(".docx" in note for note in result.notes)


# ----------------------------------------------------------------------------------------------------
# pdf


def test_pdf_chinese_text_layer(tmp_path: Path) -> None:
    pages = [["关于申请公开国家秘密事项的答复", "申请人：张某（身份证号已隐去）"], ["第二页：本机关于2024年3月1日收到申请。"]]
    path = fb.build_pdf(tmp_path / "答复.pdf", pages)
    result = load_path(path)
    assert_loaded(result, path.read_bytes())
    assert result.kind == "pdf"
    page_texts = result.text.split(PAGE_SEPARATOR)
    assert len(page_texts) == 2
    for lines, page_text in zip(pages, page_texts, strict=True):
        for line in lines:
            assert line in page_text  # reportlab's STSong-Light round-trips through pypdf


def test_pdf_image_only_has_no_text(tmp_path: Path) -> None:
    path = fb.build_image_only_pdf(tmp_path / "扫描件.pdf")
    result = load_path(path)
    assert_failure(result, "no_text", "扫描件.pdf", "无文本层，未审查（可能为扫描件，请进行 OCR 后重新审查）")
    assert result.kind == "pdf"


def test_pdf_partly_scanned_notes_the_pages(tmp_path: Path) -> None:
    path = fb.build_pdf(tmp_path / "mixed.pdf", [["第一页有文字"], [], ["第三页有文字"]])
    result = load_path(path)
    assert result.status == "ok"
    assert "第一页有文字" in result.text and "第三页有文字" in result.text
    assert any("第 2 页无文本层" in note for note in result.notes), result.notes


def test_pdf_encrypted_with_user_password(tmp_path: Path) -> None:
    path = fb.build_encrypted_pdf(tmp_path / "加密.pdf", [["需要密码才能看到"]], user_password="s3cret")
    assert_failure(load_path(path), "unreadable", "加密.pdf", "PDF 已加密，无法读取")


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128"])
def test_pdf_encrypted_without_open_password_is_read(tmp_path: Path, algorithm: str) -> None:
    if algorithm.startswith("AES"):
        pytest.importorskip("cryptography")
    path = fb.build_encrypted_pdf(tmp_path / "权限.pdf", [["仅限制打印的文件"]], user_password="",
                                  algorithm=algorithm)
    result = load_path(path)
    assert result.status == "ok", result.error
    assert "仅限制打印的文件" in result.text
    assert any("权限" in note for note in result.notes)


def test_pdf_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "坏.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(random.Random(3).randrange(256) for _ in range(800)))
    assert_failure(load_path(path), "unreadable", "坏.pdf")
    raw = fb.pdf_bytes([["第一页内容"], ["第二页内容"]])
    truncated = tmp_path / "截断.pdf"
    truncated.write_bytes(raw[: len(raw) * 3 // 4])
    assert_failure(load_path(truncated), "unreadable", "截断.pdf", "损坏")
    not_pdf = tmp_path / "假.pdf"
    not_pdf.write_text("这不是 PDF", encoding="utf-8")
    assert_failure(load_path(not_pdf), "unreadable", "假.pdf", "PDF")


# ----------------------------------------------------------------------------------------------------
# html


def test_html_gbk_meta_charset_skips_script_and_style(tmp_path: Path) -> None:
    body = (
        "<h1>政府信息公开答复</h1><p>第一段&amp;内容&nbsp;，见&lt;附件&gt;。</p>"
        "<table><tr><td>姓名</td><td>某某</td></tr><tr><td>事项</td><td>预算</td></tr></table>"
        "<ul><li>项一</li><li>项二</li></ul>结尾<br>换行"
    )
    path = fb.build_gbk_html(tmp_path / "page.html", body)
    result = load_path(path)
    assert_loaded(result, path.read_bytes())
    assert result.kind == "html"
    assert result.encoding == "gb18030"
    for hidden in ("样式不应出现", "脚本内容不应出现", "尾部脚本不应出现", "color"):
        assert hidden not in result.text
    # the <title> is not on the page but is published with it: screened as a hidden part
    assert "页面标题不应出现" not in result.text[: result.hidden_start]
    assert any(label == "网页标题" and "页面标题不应出现" in result.text[a:b] for a, b, label in result.sections)
    lines = result.text.split("\n")
    assert lines[0] == "政府信息公开答复"
    assert "第一段&内容\xa0，见<附件>。" in lines
    assert "姓名\t某某" in lines and "事项\t预算" in lines
    assert "项一" in lines and "项二" in lines
    assert "结尾" in lines and "换行" in lines


def test_html_wrong_meta_charset_is_redetected(tmp_path: Path) -> None:
    path = fb.build_gbk_html(tmp_path / "wrong.htm", "<p>声明与实际编码不符</p>", meta='<meta charset="utf-8">')
    result = load_path(path)
    assert result.status == "ok"
    assert "声明与实际编码不符" in result.text
    assert result.encoding == "gb18030"
    assert any("不符" in note for note in result.notes)


def test_html_utf8_bom_without_meta(tmp_path: Path) -> None:
    path = tmp_path / "bom.html"
    path.write_bytes(b"\xef\xbb\xbf" + "<html><body><div>带 BOM 的网页</div></body></html>".encode())
    result = load_path(path)
    assert result.status == "ok" and result.text == "带 BOM 的网页"
    assert result.encoding == "utf-8-sig"


def test_html_without_visible_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "scripts.html"
    path.write_text("<html><head><title>t</title></head><body><script>x()</script></body></html>", "utf-8")
    assert_failure(load_path(path), "empty", "scripts.html")


# ----------------------------------------------------------------------------------------------------
# size limit, unsupported files, read-only


def test_too_large_and_bigger_limit(tmp_path: Path) -> None:
    started = time.perf_counter()
    path = fb.write_repeated_line(tmp_path / "大文件.txt", "依申请公开的政府信息，应当按照规定答复。\n", 50 * 1024 * 1024)
    size = path.stat().st_size
    result = load_path(path)
    assert_failure(result, "too_large", "大文件.txt", "文件过大", "超过上限 20 MB", _format_size(size))
    assert result.size == size
    loaded = load_path(path, max_bytes=64 * 1024 * 1024)
    assert loaded.status == "ok"
    assert len(loaded.text.encode("utf-8")) == size
    assert time.perf_counter() - started < 10  # generous bound; typically well under 3 s


def test_format_size() -> None:
    assert _format_size(int(52.4 * 1024 * 1024)) == "52.4 MB"
    assert _format_size(20 * 1024 * 1024) == "20 MB"
    assert _format_size(1536) == "1.5 KB"
    assert _format_size(10) == "10 字节"


@pytest.mark.parametrize("name", ["data.xyz", "表格.xlsx", "README"])
def test_unsupported_suffix(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"some content")
    result = load_path(path)
    assert_failure(result, "unsupported", name, "不支持的文件类型")
    assert result.kind == "unknown"
    if "." in name:
        assert Path(name).suffix in result.error
    assert result.sha256 == hashlib.sha256(b"some content").hexdigest()


def test_supported_suffixes() -> None:
    assert {".txt", ".text", ".md", ".csv", ".docx", ".pdf", ".html", ".htm"} <= set(SUPPORTED_SUFFIXES)
    assert ".doc" not in SUPPORTED_SUFFIXES


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert_failure(load_path(tmp_path / "不存在.txt"), "unreadable", "不存在.txt", "不存在")
    folder = tmp_path / "目录.txt"
    folder.mkdir()
    assert_failure(load_path(folder), "unreadable", "目录.txt", "文件夹")


def test_original_is_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "readonly.docx"
    fb.build_full_docx(path)
    before = path.read_bytes()
    os.chmod(path, 0o444)
    mtime = path.stat().st_mtime_ns
    result = load_path(path)
    assert result.status == "ok"
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["readonly.docx"]


# ----------------------------------------------------------------------------------------------------
# load_bytes / load_stdin


def test_load_bytes_matches_load_path(tmp_path: Path) -> None:
    path = fb.write_text(tmp_path / "gbk.txt", SAMPLE, "gbk")
    from_path = load_path(path)
    from_bytes = load_bytes(path.read_bytes(), "gbk.txt")
    assert from_bytes.text == from_path.text == SAMPLE
    assert from_bytes.encoding == from_path.encoding
    assert from_bytes.sha256 == from_path.sha256
    assert from_bytes.path == "gbk.txt"


def test_load_bytes_failures() -> None:
    assert_failure(load_bytes(b"abc", "x.xyz"), "unsupported", "x.xyz", ".xyz")
    assert_failure(load_bytes(b"a" * 100, "dir/long.txt", max_bytes=10), "too_large", "long.txt", "100 字节")
    assert_failure(load_bytes(b"PK\x03\x04broken", "broken.docx"), "unreadable", "broken.docx", "已损坏")


def _fake_stdin(monkeypatch: pytest.MonkeyPatch, raw: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))


def test_load_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = SAMPLE.encode("gbk")
    _fake_stdin(monkeypatch, raw)
    result = load_stdin()
    assert_loaded(result, raw)
    assert result.path == "-" and result.kind == "stdin"
    assert result.text == SAMPLE and result.encoding == "gb18030"


def test_load_stdin_pdf_and_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, fb.pdf_bytes([["管道输入的 PDF"]]))
    result = load_stdin()
    assert result.status == "ok" and "管道输入的 PDF" in result.text
    assert result.kind == "stdin"
    _fake_stdin(monkeypatch, b"")
    assert_failure(load_stdin(), "empty", "标准输入")
