"""Word .docx: body, tables, text boxes, headers/footers, foot/endnotes (read with lxml, no entities)."""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from io import BytesIO

from reviewer.load.common import (
    _MAX_DOCX_PART,
    _MAX_DOCX_RATIO,
    _MAX_DOCX_TOTAL,
    _OLE_SIGNATURE,
    _Extracted,
    _Failure,
    _format_size,
    append_hidden,
)

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
                    parts.append(_t_text(child))
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


def _t_text(element) -> str:
    """All the text of a ``w:t``: text after an entity reference (``&nbsp;``) is kept, the reference
    itself read as a space (entities are never resolved)."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):  # an entity reference (or comment) node
            parts.append(" " if type(child).__name__ == "_Entity" else "")
        else:
            parts.append(child.text or "")
        parts.append(child.tail or "")
    return "".join(parts)


# docProps fields worth screening (author, title … leak most often); dates and counters are left out.
_PROP_LABELS = {
    "title": "标题", "subject": "主题", "creator": "作者", "keywords": "关键词", "description": "备注",
    "lastModifiedBy": "最后修改者", "category": "类别", "contentStatus": "状态", "Company": "单位",
    "Manager": "经理", "HyperlinkBase": "超链接基础",
}


def _deleted_text(root) -> list[str]:
    """Text of tracked deletions (``w:del``, ``w:moveFrom``): gone from the page, still in the file."""
    out: list[str] = []
    for element in root.iter():
        ns, local = _split_tag(element)
        if ns in _W_NS and local in {"del", "moveFrom"}:
            piece = "".join(_t_text(e) for e in element.iter()
                            if _split_tag(e)[0] in _W_NS and _split_tag(e)[1] in {"delText", "t"})
            if piece.strip():
                out.append(piece)
    return out


def _hidden_parts(package: _DocxPackage, walker, rels: dict, main_root, other_roots: list) -> list[tuple[str, str]]:
    """(label, text) of the parts a reader does not see: comments, tracked deletions, document properties."""
    comments: list[str] = []
    for rel_type, target in rels.values():
        if rel_type == "comments" and target in package.names:
            for comment in package.xml(target):
                if _split_tag(comment)[1] == "comment":
                    author = next((v for k, v in comment.attrib.items() if k.endswith("}author")), "")
                    body = "\n".join(walker.blocks(comment)).strip()
                    if body:
                        comments.append(f"{author}：{body}" if author else body)
    deleted = _deleted_text(main_root)
    for root in other_roots:
        deleted.extend(_deleted_text(root))
    props: list[str] = []
    for name in ("docProps/core.xml", "docProps/app.xml"):
        if name not in package.names:
            continue
        try:
            tree = package.xml(name)
        except _Failure:
            continue
        for element in tree.iter():
            _, local = _split_tag(element)
            value = (element.text or "").strip() if len(element) == 0 else ""
            if local in _PROP_LABELS and value:
                props.append(f"{_PROP_LABELS[local]}：{value}")
    return [("批注", "\n".join(comments)), ("修订删除的文字", "\n".join(deleted)), ("文档属性", "\n".join(props))]


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
        self.read_total = 0

    def xml(self, name: str):
        from lxml import etree

        try:
            info = self.zip.getinfo(name)
        except KeyError:
            raise _Failure("unreadable", f"{_DOCX_CORRUPT}（缺少 {name}）") from None
        if info.file_size > _MAX_DOCX_PART:
            raise _Failure("unreadable", f"文件中的 {name} 解压后过大（{_format_size(info.file_size)}），未审查")
        if info.file_size > 1024 * 1024 and info.file_size > _MAX_DOCX_RATIO * max(1, info.compress_size):
            raise _Failure("unreadable", f"文件中的 {name} 压缩比异常（疑似压缩炸弹），未审查")
        self.read_total += info.file_size
        if self.read_total > _MAX_DOCX_TOTAL:
            raise _Failure("unreadable", f"文件解压后的内容总量超过上限 {_format_size(_MAX_DOCX_TOTAL)}，未审查")
        try:
            # zipfile stops at the declared size (and fails the CRC check) if the data claims to be smaller
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
    other_roots: list = []
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
            part_root = package.xml(rel[1])
            other_roots.append(part_root)
            text = "\n".join(walker.blocks(part_root)).strip()
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
    text, hidden = append_hidden(text, _hidden_parts(package, walker, rels, root, other_roots))

    notes: list[str] = []
    if headers or footers:
        notes.append(f"已包含页眉 {len(headers)} 处、页脚 {len(footers)} 处（相同内容只计一次）")
    if notes_by_kind["footnotes"] or notes_by_kind["endnotes"]:
        notes.append(f"已包含脚注 {len(notes_by_kind['footnotes'])} 条、尾注 {len(notes_by_kind['endnotes'])} 条")
    if walker.text_boxes:
        notes.append(f"已包含文本框 {walker.text_boxes} 个")
    if hidden:
        notes.append("已包含读者看不到的内容：" + "、".join(label for _, _, label in hidden) + "（附在正文之后审查）")
    return _Extracted(text, None, notes, [], hidden)


