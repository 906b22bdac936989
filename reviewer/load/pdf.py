"""PDF: the text layer page by page (pypdf), pages without text or with a garbled layer reported."""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Iterator
from io import BytesIO

from reviewer.load.common import PAGE_SEPARATOR, _Extracted, _Failure, garbled_reason


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Silence pypdf's warnings about sloppy PDFs while extracting (restored afterwards)."""
    logger = logging.getLogger("pypdf")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(previous)


def _page_list(pages: list[int]) -> str:
    shown = "、".join(str(number) for number in pages[:20])
    return shown + ("等" if len(pages) > 20 else "")


def _extract_pdf(data: bytes) -> _Extracted:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    if b"%PDF" not in data[:1024]:
        raise _Failure("unreadable", "文件已损坏或不是有效的 PDF")
    notes: list[str] = []
    with _quiet_pypdf():
        try:
            reader = PdfReader(BytesIO(data), strict=False)
        except Exception:  # noqa: BLE001 - pypdf raises many types for broken files
            raise _Failure("unreadable", "PDF 文件已损坏，无法读取") from None
        if reader.is_encrypted:
            try:
                decrypted = reader.decrypt("")
            except DependencyError:
                raise _Failure("unreadable", "PDF 已加密，无法读取（缺少 AES 解密组件 cryptography）") from None
            except Exception:  # noqa: BLE001
                raise _Failure("unreadable", "PDF 已加密，无法读取") from None
            if not decrypted:
                raise _Failure("unreadable", "PDF 已加密，无法读取（需要打开密码）")
            notes.append("PDF 设有权限限制但无打开密码，已读取文本")
        try:
            pages = list(reader.pages)
        except Exception:  # noqa: BLE001
            raise _Failure("unreadable", "PDF 文件已损坏，无法读取页面") from None
        if not pages:
            raise _Failure("empty", "PDF 中没有页面")
        texts: list[str] = []
        blank: list[int] = []
        failed: list[int] = []
        for number, page in enumerate(pages, start=1):
            try:
                page_text = page.extract_text() or ""
            except Exception:  # noqa: BLE001 - one bad page must not lose the rest
                page_text = ""
                failed.append(number)
            if not page_text.strip() and number not in failed:
                blank.append(number)
            texts.append(page_text)

    garbled = [number for number, page_text in enumerate(texts, start=1)
               if number not in failed and garbled_reason(page_text)]
    if len(failed) == len(pages):
        raise _Failure("unreadable", "PDF 文件已损坏，无法提取文字")
    if not any(page_text.strip() for page_text in texts):
        raise _Failure("no_text", "无文本层，未审查（可能为扫描件，请进行 OCR 后重新审查）")
    readable = [n for n, t in enumerate(texts, start=1) if t.strip() and n not in failed and n not in garbled]
    if garbled and not readable:
        reason = garbled_reason(PAGE_SEPARATOR.join(texts)) or "提取结果为乱码"
        raise _Failure("no_text", f"文字层异常（{reason}），未审查，请人工核对或 OCR")
    notes.insert(0, f"共 {len(pages)} 页")
    unread: list[str] = []
    if blank:
        unread.append(f"第 {_page_list(blank)} 页无文本层（可能为扫描页），这些页未审查，请人工核对或 OCR")
    if failed:
        unread.append(f"第 {_page_list(failed)} 页文字提取失败，这些页未审查")
    if garbled:
        unread.append(f"第 {_page_list(garbled)} 页文字层异常，请人工核对或 OCR")
    notes.extend(unread)
    return _Extracted(PAGE_SEPARATOR.join(texts), None, notes, unread)
