"""Load the text of a document (txt/md/csv, docx, pdf, html, stdin) for screening: the entry points.

One module per format does the work (reviewer.load.txt, .docx, .pdf, .html; shared parts in
reviewer.load.common); this module dispatches and re-exports their public names.

Loaders never raise for a bad file: they return a :class:`LoadedText` whose ``status`` says what
happened and whose ``error`` is a Chinese sentence naming the file and the problem.  Originals are
only ever opened read-only.  See docs/ARCHITECTURE.md ("LoadedText").
"""

from __future__ import annotations

import hashlib
import re
import stat
import sys
from collections.abc import Callable
from os import PathLike
from pathlib import Path

__all__ = [
    "DEFAULT_MAX_BYTES",
    "PAGE_SEPARATOR",
    "SUPPORTED_SUFFIXES",
    "LoadedText",
    "decode_text",
    "load_bytes",
    "load_path",
    "load_stdin",
]


from reviewer.load.common import (  # noqa: F401 - re-exported
    _HASH_LIMIT,
    _MAX_DOCX_PART,
    _OLE_SIGNATURE,
    _SAMPLE_CHARS,
    _ZIP_SIGNATURE,
    DEFAULT_MAX_BYTES,
    PAGE_SEPARATOR,
    STDIN_NAME,
    SUPPORTED_SUFFIXES,
    LoadedText,
    _Extracted,
    _Failure,
    _format_size,
    _kind_for_suffix,
    _result,
    _sha256_file,
    _too_large_reason,
    _unsupported_reason,
    file_sha256,
    hidden_start,
)
from reviewer.load.docx import _extract_docx
from reviewer.load.html import _extract_html
from reviewer.load.pdf import _extract_pdf
from reviewer.load.txt import _extract_txt, decode_text

# ----------------------------------------------------------------------------------------------------
# public entry points


def load_path(path: str | PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedText:
    """Load the document at ``path`` (read-only).

    ``sha256`` is computed for every file read; for unsupported or too-large files it is streamed
    from disk when the file is at most 1 GiB, else left "".  ``"-"`` reads standard input.
    """
    display = str(path)
    if display == "-":
        return load_stdin(max_bytes)
    target = Path(path)
    name = target.name or display
    suffix = target.suffix.lower()
    kind = _kind_for_suffix(suffix)

    def fail(status: str, reason: str, size: int = 0, sha: str = "") -> LoadedText:
        return _result(display, status, f"{name}：{reason}", kind, size=size, sha=sha)

    try:
        info = target.stat()
    except FileNotFoundError:
        return fail("unreadable", "文件不存在")
    except PermissionError:
        return fail("unreadable", "没有读取该文件的权限")
    except OSError as exc:
        return fail("unreadable", f"无法访问该文件（错误码 {exc.errno}）")
    if stat.S_ISDIR(info.st_mode):
        return fail("unreadable", "这是一个文件夹，不是文件")
    if not stat.S_ISREG(info.st_mode):
        return fail("unreadable", "不是普通文件（可能是设备或管道），未读取")

    size = info.st_size
    if suffix not in SUPPORTED_SUFFIXES and suffix != ".doc":
        return fail("unsupported", _unsupported_reason(suffix), size, _sha256_file(target, size))
    if size > max_bytes:
        return fail("too_large", _too_large_reason(size, max_bytes), size, _sha256_file(target, size))

    try:
        with open(target, "rb") as handle:  # read-only
            data = handle.read(max_bytes + 1)
    except PermissionError:
        return fail("unreadable", "没有读取该文件的权限", size)
    except OSError as exc:
        return fail("unreadable", f"读取文件时出错（错误码 {exc.errno}）", size)
    if len(data) > max_bytes:  # the file grew while we looked at it
        return fail("too_large", _too_large_reason(len(data), max_bytes), len(data))
    return _load_data(data, display, name, suffix)


def load_bytes(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedText:
    """Load a document given as bytes; ``name`` (a file name or path) decides the format."""
    display = str(name)
    short = Path(display).name or display
    suffix = Path(display).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES and suffix != ".doc":
        return _result(
            display, "unsupported", f"{short}：{_unsupported_reason(suffix)}", "unknown",
            size=len(data), sha=hashlib.sha256(data).hexdigest(),
        )
    if len(data) > max_bytes:
        return _result(
            display, "too_large", f"{short}：{_too_large_reason(len(data), max_bytes)}",
            _kind_for_suffix(suffix), size=len(data), sha=hashlib.sha256(data).hexdigest(),
        )
    return _load_data(bytes(data), display, short, suffix)


def load_stdin(max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedText:
    """Load text piped on standard input (``sys.stdin.buffer``); path is ``"-"``, kind ``"stdin"``.

    Plain text is decoded like a .txt file; PDF, .docx and HTML input is recognised by its content.
    """
    try:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is not None:
            data = stream.read(max_bytes + 1)
        else:
            raw = sys.stdin.read() if sys.stdin is not None else ""
            data = raw.encode("utf-8", "surrogatepass")
    except (OSError, ValueError, UnicodeError):
        return _result("-", "unreadable", f"{STDIN_NAME}：无法读取标准输入", "stdin")
    data = data or b""
    sha = hashlib.sha256(data).hexdigest()
    if len(data) > max_bytes:
        reason = f"{STDIN_NAME}：输入内容过大（超过上限 {_format_size(max_bytes)}），未审查"
        return _result("-", "too_large", reason, "stdin", size=len(data), sha=sha)

    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        extractor, label = _extract_pdf, "PDF"
    elif head.startswith(_ZIP_SIGNATURE):
        extractor, label = _extract_docx, "Word（.docx）"
    elif head.startswith(_OLE_SIGNATURE):
        reason = f"{STDIN_NAME}：输入为旧版 Office 或加密文档，无法审查；请另存为 .docx 或纯文本"
        return _result("-", "unsupported", reason, "stdin", size=len(data), sha=sha)
    elif re.match(rb"(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html)", head, re.IGNORECASE):
        extractor, label = _extract_html, "HTML"
    else:
        extractor, label = _extract_txt, ""
    loaded = _run_extractor(extractor, data, "-", STDIN_NAME, "stdin")
    if label:
        loaded.notes.insert(0, f"标准输入内容识别为 {label}")
    return loaded


# ----------------------------------------------------------------------------------------------------
# dispatch


def _load_data(data: bytes, display: str, name: str, suffix: str) -> LoadedText:
    kind = _kind_for_suffix(suffix)
    if suffix == ".doc":
        if data.startswith(_ZIP_SIGNATURE):  # a .docx saved with the old extension
            loaded = _run_extractor(_extract_docx, data, display, name, "docx")
            loaded.notes.insert(0, "扩展名为 .doc，但内容为 .docx 格式，已按 .docx 读取")
            return loaded
        return _result(
            display, "unsupported", f"{name}：{_unsupported_reason('.doc')}", "unknown",
            size=len(data), sha=hashlib.sha256(data).hexdigest(),
        )
    extractor = {"txt": _extract_txt, "docx": _extract_docx, "pdf": _extract_pdf, "html": _extract_html}[kind]
    return _run_extractor(extractor, data, display, name, kind)


def _run_extractor(
    extractor: Callable[[bytes], _Extracted], data: bytes, display: str, name: str, kind: str
) -> LoadedText:
    """Run one extractor; turn :class:`_Failure` (and any unexpected error) into a status."""
    size, sha = len(data), hashlib.sha256(data).hexdigest()
    try:
        extracted: _Extracted = extractor(data)
    except _Failure as failure:
        return _result(display, failure.status, f"{name}：{failure.reason}", kind, size=size, sha=sha)
    except Exception as exc:  # noqa: BLE001 - a loader must never raise for bad input
        reason = f"读取时发生意外错误（{type(exc).__name__}），未审查"
        return _result(display, "unreadable", f"{name}：{reason}", kind, size=size, sha=sha)
    visible = extracted.text[: hidden_start(extracted.text, extracted.sections)]
    if not visible.strip():
        reason = {
            "pdf": "PDF 中没有文字",
            "docx": "文档中没有文字内容",
            "html": "网页中没有正文文字",
        }.get(kind, "文件内容为空（只有空白字符）")
        return _result(
            display, "empty", f"{name}：{reason}", kind, encoding=extracted.encoding,
            size=size, sha=sha, notes=extracted.notes,
        )
    return _result(
        display, "ok", None, kind, text=extracted.text, encoding=extracted.encoding,
        size=size, sha=sha, notes=extracted.notes, unread=extracted.unread, sections=extracted.sections,
    )


