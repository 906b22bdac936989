"""Load the text of a document (txt/md/csv, docx, pdf, html, stdin) for screening.

Loaders never raise for a bad file: they return a :class:`LoadedText` whose ``status`` says what
happened and whose ``error`` is a Chinese sentence naming the file and the problem.  Originals are
only ever opened read-only.  See docs/ARCHITECTURE.md ("LoadedText").
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import logging
import posixpath
import re
import stat
import sys
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import BytesIO
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

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: Placed between the text of two PDF pages.
PAGE_SEPARATOR = "\n\f\n"

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".csv"})
DOCX_SUFFIXES = frozenset({".docx"})
PDF_SUFFIXES = frozenset({".pdf"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | DOCX_SUFFIXES | PDF_SUFFIXES | HTML_SUFFIXES

STDIN_NAME = "标准输入"

# Files too large to load are still hashed (streamed) up to this size, for ledgers.
_HASH_LIMIT = 1024 * 1024 * 1024
# Largest uncompressed XML part read from a .docx (guards against zip bombs).
_MAX_DOCX_PART = 256 * 1024 * 1024
# Decoded-text sample used for the plausibility checks.
_SAMPLE_CHARS = 100_000

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"


@dataclass
class LoadedText:
    """Result of loading one document (contract in docs/ARCHITECTURE.md)."""

    path: str  # as given (or "-" for stdin)
    status: str  # "ok" | "unreadable" | "empty" | "unsupported" | "no_text" | "too_large"
    error: str | None  # Chinese, names the file and what is wrong; None when ok
    text: str  # extracted text ("" unless ok); all finding offsets point into this string
    kind: str  # "txt" | "docx" | "pdf" | "html" | "stdin" | "unknown"
    encoding: str | None  # detected encoding for txt/html
    size: int  # bytes on disk
    sha256: str  # of the raw bytes ("" when not computed, see load_path)
    notes: list[str] = field(default_factory=list)  # Chinese notes

    @property
    def ok(self) -> bool:
        """True when the text was loaded (``status == "ok"``)."""
        return self.status == "ok"


class _Failure(Exception):
    """Internal: a loader gives up with ``status`` and a Chinese ``reason`` (without the file name)."""

    def __init__(self, status: str, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


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
# dispatch and helpers


def _kind_for_suffix(suffix: str) -> str:
    if suffix in TEXT_SUFFIXES:
        return "txt"
    if suffix in DOCX_SUFFIXES:
        return "docx"
    if suffix in PDF_SUFFIXES:
        return "pdf"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "unknown"


def _unsupported_reason(suffix: str) -> str:
    if suffix == ".doc":
        return "不支持旧版 Word 格式（.doc），请在 Word 或 WPS 中另存为 .docx 后重新审查"
    if suffix in {".wps", ".rtf", ".odt"}:
        return f"不支持的文件类型：{suffix}，请另存为 .docx 后重新审查"
    if not suffix:
        return "不支持的文件类型：没有扩展名（支持 " + "、".join(sorted(SUPPORTED_SUFFIXES)) + "）"
    return f"不支持的文件类型：{suffix}"


def _format_size(size: int) -> str:
    """Human size in Chinese-report style: "52.4 MB", "20 MB", "3.1 KB", "512 字节"."""
    if size < 1024:
        return f"{size} 字节"
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} 字节"  # pragma: no cover


def _too_large_reason(size: int, limit: int) -> str:
    return f"文件过大（{_format_size(size)}，超过上限 {_format_size(limit)}），未审查"


def _sha256_file(path: Path, size: int) -> str:
    if size > _HASH_LIMIT:
        return ""
    return file_sha256(path)


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, streamed in 1 MiB chunks ("" when it cannot be read)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1024 * 1024), b""):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def _result(
    path: str, status: str, error: str | None, kind: str, *, text: str = "",
    encoding: str | None = None, size: int = 0, sha: str = "", notes: list[str] | None = None,
) -> LoadedText:
    return LoadedText(
        path=path, status=status, error=error, text=text if status == "ok" else "", kind=kind,
        encoding=encoding, size=size, sha256=sha, notes=list(notes or []),
    )


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


@dataclass
class _Extracted:
    text: str
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)


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
    if not extracted.text.strip():
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
        size=size, sha=sha, notes=extracted.notes,
    )


# ----------------------------------------------------------------------------------------------------
# plain text: encoding detection

_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 BE"),
)
# C0 controls other than \t \n \v \f \r, plus DEL; never part of a UTF-8 or GB18030 multi-byte sequence.
_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32)) + b"\x7f"
_BINARY_CONTROL_SHARE = 0.02
# Characters expected in Chinese / Latin documents; anything else in quantity suggests a wrong decoding.
_PLAUSIBLE_RE = re.compile(
    "[\t\n\r\f\x20-\x7e\u00a0-\u024f\u0370-\u04ff\u2000-\u206f\u2100-\u27ff\u2e80-\u2fdf"
    "\u3000-\u30ff\u3100-\u312f\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+"
)
_GB_FAMILY = frozenset({"gb18030", "gbk", "gb2312", "hz", "cp936"})


def _plausible_share(text: str) -> float:
    """Share of characters in a sample of ``text`` that look like ordinary document text."""
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return 1.0
    odd = len(_PLAUSIBLE_RE.sub("", sample))
    return 1.0 - odd / len(sample)


def _gb2312_share(text: str) -> float:
    """Share of non-ASCII characters (in a sample) that exist in GB2312, i.e. common simplified text."""
    sample = text[:_SAMPLE_CHARS]
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    if non_ascii == 0:
        return 1.0
    missing = sample.encode("gb2312", "replace").count(b"?") - sample.count("?")
    return 1.0 - missing / non_ascii


_CJK_RE = re.compile("[\u4e00-\u9fff]+")


def _cjk_share(text: str) -> float:
    """Share of (non-whitespace) characters in a sample that are common Chinese characters."""
    sample = "".join(text[:_SAMPLE_CHARS].split())
    if not sample:
        return 0.0
    return 1.0 - len(_CJK_RE.sub("", sample)) / len(sample)


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data)


def decode_text(data: bytes) -> tuple[str, str, str]:
    """Decode raw text bytes; returns ``(text, encoding, Chinese note)``.

    Order: BOM (UTF-32, UTF-8, UTF-16) → UTF-16 without BOM when NUL bytes show its pattern → strict
    UTF-8 → UTF-16 without BOM for text that is almost all Chinese → strict GB18030 (covers GBK/GB2312)
    → charset-normalizer.  Raises :class:`_Failure` ("unreadable") when the bytes look binary or no
    decoder succeeds cleanly.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, f"编码检测为 {label}（带 BOM）"
            except UnicodeDecodeError:
                raise _Failure("unreadable", f"文件带有 {label} 标记（BOM），但内容无法按 {label} 解码") from None

    if b"\x00" in data:
        decoded = _try_utf16_without_bom(data)
        if decoded is None:
            raise _Failure("unreadable", "疑似二进制文件（含有空字节），不是文本文件")
        return decoded

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None:
        decoded = _try_utf16_without_bom(data)
        if decoded is not None:
            return decoded
    if _control_share(data) > _BINARY_CONTROL_SHARE:
        raise _Failure("unreadable", "疑似二进制文件（控制字符过多），不是文本文件")
    if text is not None:
        return text, "utf-8", "编码检测为 UTF-8"

    gb_text: str | None
    try:
        gb_text = data.decode("gb18030")
    except UnicodeDecodeError:
        gb_text = None
    if gb_text is not None and _plausible_share(gb_text) >= 0.98 and _gb2312_share(gb_text) >= 0.8:
        return gb_text, "gb18030", "编码检测为 GB18030（无 BOM）"

    guess = _charset_normalizer_guess(data)
    if guess is not None:
        text, encoding = guess
        if encoding in _GB_FAMILY and gb_text is not None:
            return gb_text, "gb18030", "编码检测为 GB18030（无 BOM）"
        if encoding not in _GB_FAMILY:
            note = f"编码推测为 {encoding.upper()}（不是 UTF-8 或 GB18030，由 charset-normalizer 推测，请核对）"
            return text, encoding, note
    if gb_text is not None and _plausible_share(gb_text) >= 0.9:
        note = "编码检测为 GB18030（无 BOM）；含较多生僻字，编码可能识别有误，请核对"
        return gb_text, "gb18030", note
    raise _Failure("unreadable", "无法识别文件编码（不是 UTF-8、UTF-16 或 GB18030），未审查")


def _try_utf16_without_bom(data: bytes) -> tuple[str, str, str] | None:
    """UTF-16 without BOM.

    Accepted when the strict decoding reads as ordinary text and either the NUL bytes sit consistently
    on one side of each byte pair (ASCII characters: high byte 0) or the text is mostly Chinese
    characters (Chinese-only UTF-16 has almost no NUL bytes).
    """
    if len(data) % 2 or not data:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    total = even_nuls + odd_nuls
    candidates = (("le", odd_nuls), ("be", even_nuls))
    if even_nuls > odd_nuls:
        candidates = candidates[::-1]
    for endian, side_nuls in candidates:
        codec = f"utf-16-{endian}"
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or _plausible_share(text) < 0.95:
            continue
        nul_pattern = total > 0 and side_nuls >= 0.9 * total
        if not nul_pattern and _cjk_share(text) < 0.6:
            continue
        return text, codec, f"编码检测为 UTF-16 {endian.upper()}（无 BOM）"
    return None


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    """Last resort: charset-normalizer's best guess, kept only if it decodes strictly and reads as text."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        return None
    try:
        best = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - third-party guesser; treat any failure as "no guess"
        return None
    if best is None or not best.encoding or best.chaos > 0.3:
        return None
    encoding = codecs.lookup(best.encoding).name
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if _plausible_share(text) < 0.9:
        return None
    return text, encoding


def _extract_txt(data: bytes) -> _Extracted:
    if not data:
        raise _Failure("empty", "文件为空（0 字节）")
    text, encoding, note = decode_text(data)
    return _Extracted(text, encoding, [note])


# ----------------------------------------------------------------------------------------------------
# HTML

_META_CHARSET_RE = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_HTML_SPACE_RE = re.compile(r"[ \t\r\n\f]+")
_HTML_BLOCK = frozenset(
    {"p", "div", "br", "li", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd",
     "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre", "hr", "form",
     "fieldset", "address", "figure", "figcaption", "caption", "thead", "tbody", "tfoot", "body"}
)
_HTML_SKIP = frozenset({"script", "style", "head", "template"})
_HTML_CELL = frozenset({"td", "th"})


class _HTMLTextParser(HTMLParser):
    """Collect visible text: skip script/style/head, line breaks at block elements, tabs between cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []
        self.pre_depth = 0
        self.cell_open = False

    def _newline(self) -> None:
        self.parts.append("\n")
        self.cell_open = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "body" and "head" in self.skip:  # <head> left unclosed
            self.skip = [t for t in self.skip if t != "head"]
        if tag in _HTML_SKIP:
            self.skip.append(tag)
            return
        if tag in _HTML_BLOCK:
            self._newline()
            if tag == "pre":
                self.pre_depth += 1
        elif tag in _HTML_CELL:
            if self.cell_open:
                self.parts.append("\t")
            self.cell_open = True

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _HTML_BLOCK and not self.skip:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HTML_SKIP:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in _HTML_BLOCK and tag != "br":
            self._newline()
            if tag == "pre" and self.pre_depth:
                self.pre_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.skip or not data:
            return
        if not self.pre_depth:
            data = _HTML_SPACE_RE.sub(" ", data)
        self.parts.append(data)

    def text(self) -> str:
        lines = (line.strip(" ") for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line.strip())


def _html_declared_charset(data: bytes) -> tuple[str, str] | None:
    """``(label as declared, codec to use)`` from a ``<meta charset>`` near the top of the page."""
    match = _META_CHARSET_RE.search(data[:8192])
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").strip()
    try:
        codec = codecs.lookup(label.lower()).name
    except LookupError:
        return None
    if codec in _GB_FAMILY:
        codec = "gb18030"  # superset of GBK / GB2312
    return label, codec


def _decode_html(data: bytes) -> tuple[str, str, list[str]]:
    if not any(data.startswith(bom) for bom, _, _ in _BOMS):
        declared = _html_declared_charset(data)
        if declared is not None:
            label, codec = declared
            try:
                return data.decode(codec), codec, [f"编码按网页声明（meta charset={label}）读取为 {codec.upper()}"]
            except UnicodeDecodeError:
                text, encoding, note = decode_text(data)
                return text, encoding, [f"网页声明的编码 {label} 与内容不符，已重新检测", note]
    text, encoding, note = decode_text(data)
    return text, encoding, [note]


def _extract_html(data: bytes) -> _Extracted:
    if not data:
        raise _Failure("empty", "文件为空（0 字节）")
    source, encoding, notes = _decode_html(data)
    parser = _HTMLTextParser()
    try:
        parser.feed(source)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient, but never let it escape
        raise _Failure("unreadable", "网页（HTML）解析失败，未审查") from None
    return _Extracted(parser.text(), encoding, notes)


# ----------------------------------------------------------------------------------------------------
# DOCX

_W_NS = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # strict OOXML
}
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_R_NS = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
}
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
# Skipped inside paragraphs: properties, deleted revision text, field instructions.
_W_SKIP = frozenset(
    {"pPr", "rPr", "sectPr", "tblPr", "trPr", "tcPr", "tblGrid", "del", "moveFrom", "delText", "instrText",
     "delInstrText", "fldChar", "footnoteReference", "endnoteReference", "commentReference",
     "annotationRef", "footnoteRef", "endnoteRef", "separator", "continuationSeparator", "softHyphen"}
)
_SEPARATOR_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_DOCX_CORRUPT = "文件已损坏或不是有效的 .docx"


def _split_tag(element) -> tuple[str, str]:
    tag = element.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return "", ""
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


class _DocxText:
    """Walk WordprocessingML in reading order, collecting text-box contents separately."""

    def __init__(self) -> None:
        self.text_boxes = 0

    def blocks(self, container) -> list[str]:
        """Text blocks (paragraphs, table rows) of a body-like container, in reading order."""
        out: list[str] = []
        for child in container:
            ns, local = _split_tag(child)
            if ns in _W_NS:
                if local == "p":
                    out.extend(self.paragraph(child))
                elif local == "tbl":
                    out.extend(self.table(child))
                elif local in {"sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag"}:
                    out.extend(self.blocks(child))
            elif ns == _MC_NS and local == "AlternateContent":
                branch = _choose_alternate(child)
                if branch is not None:
                    out.extend(self.blocks(branch))
        return out

    def paragraph(self, element) -> list[str]:
        """The paragraph's own text, followed by the blocks of any text boxes anchored in it."""
        parts: list[str] = []
        boxes: list[str] = []
        self._inline(element, parts, boxes)
        return ["".join(parts), *boxes]

    def _inline(self, element, parts: list[str], boxes: list[str]) -> None:
        for child in element:
            ns, local = _split_tag(child)
            if ns in _W_NS:
                if local in _W_SKIP:
                    continue
                if local == "t":
                    parts.append(child.text or "")
                elif local == "tab" or local == "ptab":
                    parts.append("\t")
                elif local in {"br", "cr"}:
                    parts.append("\n")
                elif local == "noBreakHyphen":
                    parts.append("-")
                elif local == "txbxContent":
                    self.text_boxes += 1
                    boxes.extend(self.blocks(child))
                elif local == "p":  # stray nested paragraph
                    parts.append("\n" + "\n".join(self.paragraph(child)))
                elif local == "tbl":
                    boxes.extend(self.table(child))
                else:
                    self._inline(child, parts, boxes)
            elif ns == _MC_NS:
                if local == "AlternateContent":
                    branch = _choose_alternate(child)
                    if branch is not None:
                        self._inline(branch, parts, boxes)
            elif ns == _M_NS and local == "t":
                parts.append(child.text or "")
            elif ns:
                self._inline(child, parts, boxes)  # drawing / VML wrappers around text boxes

    def table(self, element) -> list[str]:
        """One block per row: cells separated by a tab; a cell's paragraphs by a line break."""
        rows: list[str] = []
        for row in _w_children(element, "tr"):
            cells = ["\n".join(self.blocks(cell)) for cell in _w_children(row, "tc")]
            rows.append("\t".join(cells))
        return rows


def _w_children(element, name: str) -> Iterator:
    """W children named ``name``, looking through content controls / custom XML wrappers."""
    for child in element:
        ns, local = _split_tag(child)
        if ns not in _W_NS:
            if ns == _MC_NS and local == "AlternateContent":
                branch = _choose_alternate(child)
                if branch is not None:
                    yield from _w_children(branch, name)
            continue
        if local == name:
            yield child
        elif local in {"sdt", "sdtContent", "customXml"}:
            yield from _w_children(child, name)


def _choose_alternate(element):
    """``mc:AlternateContent`` holds the same content twice: take the first Choice, else the Fallback."""
    fallback = None
    for child in element:
        ns, local = _split_tag(child)
        if ns != _MC_NS:
            continue
        if local == "Choice":
            return child
        if local == "Fallback":
            fallback = child
    return fallback


def _xml_parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True)


class _DocxPackage:
    def __init__(self, data: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise _Failure("unreadable", _DOCX_CORRUPT) from None
        self.names = set(self.zip.namelist())
        self.parser = _xml_parser()

    def xml(self, name: str):
        from lxml import etree

        try:
            info = self.zip.getinfo(name)
        except KeyError:
            raise _Failure("unreadable", f"{_DOCX_CORRUPT}（缺少 {name}）") from None
        if info.file_size > _MAX_DOCX_PART:
            raise _Failure("unreadable", f"文件中的 {name} 解压后过大（{_format_size(info.file_size)}），未审查")
        try:
            raw = self.zip.read(info)
            return etree.fromstring(raw, self.parser)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, etree.XMLSyntaxError):
            raise _Failure("unreadable", _DOCX_CORRUPT) from None

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """``rId → (type suffix, part name)`` for a part (or the package when ``part`` is "")."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels") if part else "_rels/.rels"
        if rels_name not in self.names:
            return {}
        out: dict[str, tuple[str, str]] = {}
        for rel in self.xml(rels_name):
            if _split_tag(rel) != (_PKG_REL_NS, "Relationship") or rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            rel_type = (rel.get("Type") or "").rsplit("/", 1)[-1]
            out[rel.get("Id") or ""] = (rel_type, resolved)
        return out


def _r_id(element) -> str | None:
    for ns in _R_NS:
        value = element.get(f"{{{ns}}}id")
        if value:
            return value
    return None


def _extract_docx(data: bytes) -> _Extracted:
    if data.startswith(_OLE_SIGNATURE):
        raise _Failure("unreadable", "文件已加密（受密码保护），无法审查")
    if data.lstrip().startswith(b"{\\rtf"):
        raise _Failure("unreadable", f"{_DOCX_CORRUPT}（内容实际为 RTF 格式，请另存为 .docx）")
    package = _DocxPackage(data)
    main = next(
        (target for rel_type, target in package.relationships("").values() if rel_type == "officeDocument"),
        "word/document.xml",
    )
    if main not in package.names:
        raise _Failure("unreadable", f"{_DOCX_CORRUPT}（找不到正文部分）")
    root = package.xml(main)
    body = next((child for child in root if _split_tag(child)[1] == "body"), None)
    if body is None:
        raise _Failure("unreadable", f"{_DOCX_CORRUPT}（找不到正文部分）")

    walker = _DocxText()
    body_blocks = walker.blocks(body)
    rels = package.relationships(main)

    headers: list[str] = []
    footers: list[str] = []
    seen_parts: set[str] = set()
    for sect in root.iter(*(f"{{{ns}}}sectPr" for ns in _W_NS)):
        for ref in sect:
            ref_ns, ref_local = _split_tag(ref)
            if ref_ns not in _W_NS or ref_local not in {"headerReference", "footerReference"}:
                continue
            rel = rels.get(_r_id(ref) or "")
            if rel is None or rel[1] in seen_parts or rel[1] not in package.names:
                continue
            seen_parts.add(rel[1])
            text = "\n".join(walker.blocks(package.xml(rel[1]))).strip()
            bucket = headers if ref_local == "headerReference" else footers
            if text and text not in bucket:
                bucket.append(text)

    notes_by_kind: dict[str, list[str]] = {"footnotes": [], "endnotes": []}
    for rel_type, target in rels.values():
        if rel_type not in notes_by_kind or target not in package.names:
            continue
        item = "footnote" if rel_type == "footnotes" else "endnote"
        for note in package.xml(target):
            ns, local = _split_tag(note)
            if ns not in _W_NS or local != item:
                continue
            note_type = next((v for k, v in note.attrib.items() if k.endswith("}type")), "normal")
            if note_type in _SEPARATOR_NOTES:
                continue
            text = "\n".join(walker.blocks(note)).strip()
            if text:
                notes_by_kind[rel_type].append(text)

    sections = ["\n".join(headers), "\n".join(body_blocks), "\n".join(footers),
                "\n".join(notes_by_kind["footnotes"]), "\n".join(notes_by_kind["endnotes"])]
    text = "\n\n".join(section for section in sections if section.strip())

    notes: list[str] = []
    if headers or footers:
        notes.append(f"已包含页眉 {len(headers)} 处、页脚 {len(footers)} 处（相同内容只计一次）")
    if notes_by_kind["footnotes"] or notes_by_kind["endnotes"]:
        notes.append(f"已包含脚注 {len(notes_by_kind['footnotes'])} 条、尾注 {len(notes_by_kind['endnotes'])} 条")
    if walker.text_boxes:
        notes.append(f"已包含文本框 {walker.text_boxes} 个")
    return _Extracted(text, None, notes)


# ----------------------------------------------------------------------------------------------------
# PDF


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

    if len(failed) == len(pages):
        raise _Failure("unreadable", "PDF 文件已损坏，无法提取文字")
    if not any(page_text.strip() for page_text in texts):
        raise _Failure("no_text", "无文本层，未审查（可能为扫描件，请进行 OCR 后重新审查）")
    notes.insert(0, f"共 {len(pages)} 页")
    if blank:
        notes.append(f"第 {_page_list(blank)} 页无文本层（可能为扫描页），这些页未审查")
    if failed:
        notes.append(f"第 {_page_list(failed)} 页文字提取失败，这些页未审查")
    return _Extracted(PAGE_SEPARATOR.join(texts), None, notes)
