"""Write a drafted Letter as .docx following the layout conventions of official documents (GB/T 9704).

Page A4 with margins 上37/下35/左28/右26 mm; title in 方正小标宋简体 (宋体 as the declared
alternative) 22 pt (二号) centred; 文号 centred under the title; body in 仿宋_GB2312 16 pt (三号) with a
two-character first-line indent and fixed 28.95 pt line spacing; section headings in 黑体; closing
(agency, date) right-aligned. East-Asian fonts are set through ``w:rFonts/@w:eastAsia``.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from reviewer.draft.context import Letter

__all__ = ["BODY_FONT", "HEADING_FONT", "TITLE_FONT", "write_docx"]

TITLE_FONT = "方正小标宋简体"
TITLE_FALLBACK = "宋体"
BODY_FONT = "仿宋_GB2312"
BODY_FALLBACK = "仿宋"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
TITLE_SIZE = Pt(22)  # 二号
BODY_SIZE = Pt(16)  # 三号
LINE_SPACING = Pt(28.95)  # 22 lines on the 225 mm type area


def _set_run_font(run, east_asian: str, size: Pt, bold: bool = False) -> None:
    run.font.name = LATIN_FONT
    run.font.size = size
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:ascii"), LATIN_FONT)
    rfonts.set(qn("w:hAnsi"), LATIN_FONT)
    rfonts.set(qn("w:eastAsia"), east_asian)
    rfonts.set(qn("w:hint"), "eastAsia")


def _format(paragraph: Paragraph, align=None, indent_chars: int = 0, space_before: int = 0) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing = LINE_SPACING
    fmt.space_before = Pt(space_before)
    fmt.space_after = Pt(0)
    if align is not None:
        paragraph.alignment = align
    if indent_chars:
        fmt.first_line_indent = Pt(BODY_SIZE.pt * indent_chars)
        ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
        if ind is not None:  # also in character units, so Word keeps two characters at any size
            ind.set(qn("w:firstLineChars"), str(indent_chars * 100))


def _add(doc, text: str, font: str, size: Pt = BODY_SIZE, align=None, indent_chars: int = 0,
         space_before: int = 0, bold: bool = False) -> Paragraph:
    paragraph = doc.add_paragraph()
    _format(paragraph, align, indent_chars, space_before)
    run = paragraph.add_run(text)
    _set_run_font(run, font, size, bold)
    return paragraph


def _declare_font_fallbacks(doc) -> None:
    """Declare 宋体/仿宋 as alternates of the GB fonts in the font table (used where the GB fonts
    are not installed)."""
    for rel in doc.part.rels.values():
        if not rel.reltype.endswith("/fontTable") or rel.is_external:
            continue
        part = rel.target_part
        root = part.element if hasattr(part, "element") else etree.fromstring(part.blob)
        for name, alt in ((TITLE_FONT, TITLE_FALLBACK), (BODY_FONT, BODY_FALLBACK)):
            font = OxmlElement("w:font")
            font.set(qn("w:name"), name)
            alt_el = OxmlElement("w:altName")
            alt_el.set(qn("w:val"), alt)
            font.append(alt_el)
            root.append(font)
        if not hasattr(part, "element"):
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        return


def write_docx(letter: Letter, path: str | Path) -> Path:
    """Write ``letter`` to ``path`` (.docx) and return the path."""
    path = Path(path)
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)

    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = BODY_SIZE
    normal.element.get_or_add_rPr()
    rfonts = normal.element.rPr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        normal.element.rPr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), BODY_FONT)
    _declare_font_fallbacks(doc)

    # Title (may be two lines when long), then 文号 centred under it.
    _add(doc, letter.title, TITLE_FONT, TITLE_SIZE, WD_ALIGN_PARAGRAPH.CENTER)
    _add(doc, letter.doc_number, BODY_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
    _add(doc, letter.salutation, BODY_FONT, space_before=int(BODY_SIZE.pt))
    for i, text in enumerate(letter.paragraphs):
        if i in letter.headings:
            _add(doc, text, HEADING_FONT, indent_chars=2)
        else:
            _add(doc, text, BODY_FONT, indent_chars=2)
    for n, line in enumerate(letter._attachment_lines()):
        _add(doc, line.strip() if n == 0 else line, BODY_FONT, indent_chars=2 if n == 0 else 0,
             space_before=int(BODY_SIZE.pt) if n == 0 else 0)
    closing = _add(doc, letter.closing_agency, BODY_FONT, align=WD_ALIGN_PARAGRAPH.RIGHT, space_before=int(BODY_SIZE.pt) * 2)
    closing.paragraph_format.right_indent = Pt(BODY_SIZE.pt * 4)
    date_p = _add(doc, letter.closing_date, BODY_FONT, align=WD_ALIGN_PARAGRAPH.RIGHT)
    date_p.paragraph_format.right_indent = Pt(BODY_SIZE.pt * 4)
    if letter.contact:
        _add(doc, letter.contact, BODY_FONT, indent_chars=2)
    if letter.appendix:
        page_break = doc.add_paragraph()
        page_break.add_run().add_break(WD_BREAK.PAGE)
        _add(doc, letter.appendix_title, TITLE_FONT, TITLE_SIZE, WD_ALIGN_PARAGRAPH.CENTER)
        for n, text in enumerate(letter.appendix):
            _add(doc, text, BODY_FONT, indent_chars=0 if n == 0 else 2)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path
