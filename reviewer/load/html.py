"""HTML: visible text (script/style/head skipped), charset from <meta> or detection."""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from reviewer.load.common import _BOMS, _GB_FAMILY, _Extracted, _Failure, append_hidden
from reviewer.load.txt import decode_text

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
        # Content a reader does not see on the page, screened after the visible text.
        self.hidden: dict[str, list[str]] = {"网页标题": [], "网页注释": [], "图片替代文字和提示": [], "表单中的值": [],
                                             "页面描述信息": []}
        self._in_title = False

    def _attributes(self, tag: str, attrs) -> None:
        values = dict((k.lower(), v) for k, v in attrs if v)
        for key in ("alt", "title"):
            if values.get(key, "").strip():
                self.hidden["图片替代文字和提示"].append(values[key].strip())
        if tag in ("input", "option", "button", "param") and values.get("value", "").strip():
            if (values.get("type") or "").lower() not in ("submit", "reset", "button", "checkbox", "radio"):
                self.hidden["表单中的值"].append(values["value"].strip())
        if tag == "meta" and values.get("content", "").strip() and (values.get("name") or "").lower() in (
                "description", "keywords", "author", "subject"):
            self.hidden["页面描述信息"].append(values["content"].strip())

    def handle_comment(self, data: str) -> None:
        if data.strip():
            self.hidden["网页注释"].append(_HTML_SPACE_RE.sub(" ", data).strip())

    def hidden_parts(self) -> list[tuple[str, str]]:
        return [(label, "\n".join(dict.fromkeys(values))) for label, values in self.hidden.items()]

    def _newline(self) -> None:
        self.parts.append("\n")
        self.cell_open = False

    def handle_starttag(self, tag: str, attrs) -> None:
        self._attributes(tag, attrs)
        if tag == "title":
            self._in_title = True
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
        self._attributes(tag, attrs)
        if tag in _HTML_BLOCK and not self.skip:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
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
        if self._in_title and data.strip():
            self.hidden["网页标题"].append(_HTML_SPACE_RE.sub(" ", data).strip())
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
    text, hidden = append_hidden(parser.text(), parser.hidden_parts())
    if hidden:
        notes.append("已包含页面上看不到的内容：" + "、".join(label for _, _, label in hidden) + "（附在正文之后审查）")
    return _Extracted(text, encoding, notes, [], hidden)


