"""Shared parts of the document loaders: the :class:`LoadedText` result, failures, sizes, hashes and
the plausibility measures used to tell real text from a wrong decoding or a garbled text layer."""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

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
_MAX_DOCX_PART = 48 * 1024 * 1024
# Largest total of uncompressed XML read from one .docx, and the largest expansion ratio of a part
# (a 797 KB zip bomb once expanded to gigabytes).
_MAX_DOCX_TOTAL = 96 * 1024 * 1024
_MAX_DOCX_RATIO = 200
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
    # Parts NOT read or not checked (Chinese, e.g. "第 2 页文字层异常，请人工核对或 OCR"): the document can
    # never be called clean while this is non-empty.
    unread: list[str] = field(default_factory=list)
    # Hidden parts appended after the visible text: [start, end, label] (label e.g. "批注",
    # "修订删除的文字", "文档属性", "网页注释"); ``hidden_start`` is where the first one begins.
    sections: list[list] = field(default_factory=list)

    @property
    def hidden_start(self) -> int:
        """Offset where the hidden parts (with their headings) begin (len(text) when there are none)."""
        return hidden_start(self.text, self.sections)

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


@dataclass
class _Extracted:
    text: str
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)
    sections: list[list] = field(default_factory=list)


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
    import os
    import stat as stat_module

    digest = hashlib.sha256()
    try:
        # Only regular files: opening a FIFO or a device would block or never end.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            if not stat_module.S_ISREG(os.fstat(fd).st_mode):
                return ""
        except OSError:
            os.close(fd)
            raise
        with open(fd, "rb") as handle:
            for chunk in iter(lambda: handle.read(1024 * 1024), b""):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def _result(
    path: str, status: str, error: str | None, kind: str, *, text: str = "",
    encoding: str | None = None, size: int = 0, sha: str = "", notes: list[str] | None = None,
    unread: list[str] | None = None, sections: list[list] | None = None,
) -> LoadedText:
    return LoadedText(
        path=path, status=status, error=shown(error) if error else error, text=text if status == "ok" else "", kind=kind,
        encoding=encoding, size=size, sha256=sha, notes=list(notes or []), unread=list(unread or []),
        sections=[list(x) for x in (sections or [])] if status == "ok" else [],
    )


HIDDEN_HEADING = "【{label}】"


def append_hidden(text: str, parts: list[tuple[str, str]]) -> tuple[str, list[list]]:
    """``text`` followed by each non-empty hidden part under a heading 【label】; returns the new text
    and the [start, end, label] of each part's content."""
    sections: list[list] = []
    pieces = [text]
    length = len(text)
    for label, content in parts:
        content = content.strip()
        if not content:
            continue
        heading = "\n\n" + HIDDEN_HEADING.format(label=label) + "\n"
        pieces += [heading, content]
        start = length + len(heading)
        length = start + len(content)
        sections.append([start, length, label])
    return "".join(pieces), sections


# Plausibility of decoded text

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




def garbled_reason(text: str, min_chars: int = 12) -> str | None:
    """Why ``text`` (an extracted text layer) looks garbled, or None when it reads as ordinary text.

    A PDF whose fonts lack a usable Unicode map yields private-use characters, U+FFFD, control
    characters, Latin-1 mojibake ("¸ß¶È") or random rare CJK characters instead of the words."""
    sample = "".join(text[:_SAMPLE_CHARS].split())
    if len(sample) < min_chars:
        return None
    if _plausible_share(sample) < 0.85:
        return "含大量无法识别的字符"
    latin1 = sum(1 for ch in sample if "\u00c0" <= ch <= "\u00ff")
    if latin1 / len(sample) > 0.2 and _cjk_share(sample) < 0.05:
        return "疑似字体编码错误（出现大量西文重音字母）"
    cjk = len(sample) - len(_CJK_RE.sub("", sample))
    if cjk >= min_chars and _gb2312_share("".join(_CJK_RE.findall(sample))) < 0.6:
        return "疑似字体编码错误（大量生僻汉字）"
    return None


def shown(value: str) -> str:
    """A path or name that can be printed and stored as UTF-8: bytes that were not valid UTF-8 (a GBK
    name from a Windows archive, kept by Python as surrogates) are shown escaped, e.g. ``\\xb9\\xab.txt``."""
    if not isinstance(value, str):
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = value.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def shown_all(obj):
    """:func:`shown` applied to every string in a JSON-like structure."""
    if isinstance(obj, str):
        return shown(obj)
    if isinstance(obj, dict):
        return {shown_all(k): shown_all(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [shown_all(v) for v in obj]
    return obj


def hidden_start(text: str, sections: list[list]) -> int:
    """Where the first hidden part's heading begins in ``text`` (``len(text)`` without hidden parts)."""
    if not sections:
        return len(text)
    start, _, label = min(sections, key=lambda x: x[0])
    return max(0, start - len("\n\n" + HIDDEN_HEADING.format(label=label) + "\n"))
