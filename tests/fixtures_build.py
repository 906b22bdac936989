"""Build test documents on the fly (no binary fixtures are committed).

Every builder writes into a path the test gives (normally under ``tmp_path``) and returns the path,
or a small dict of the strings the test should find.  Personal data comes from Faker (zh_CN, seeded).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NSDECL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def fake_person(seed: int = 20240601) -> dict[str, str]:
    """A generated (not real) person: name, mobile number, address."""
    from faker import Faker

    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    return {"name": fake.name(), "phone": fake.phone_number(), "address": fake.address().split(" ")[0]}


# ----------------------------------------------------------------------------------------------------
# text


def write_text(path: Path, text: str, encoding: str, bom: bytes = b"") -> Path:
    """Write ``text`` in ``encoding`` with an optional raw BOM prefix."""
    path.write_bytes(bom + text.encode(encoding))
    return path


def write_repeated_line(path: Path, line: str, total_bytes: int) -> Path:
    """Write a UTF-8 file of at least ``total_bytes`` bytes by repeating ``line`` (fast)."""
    raw = line.encode("utf-8")
    block = raw * max(1, (1024 * 1024) // len(raw))
    with open(path, "wb") as handle:
        written = 0
        while written < total_bytes:
            handle.write(block)
            written += len(block)
    return path


# ----------------------------------------------------------------------------------------------------
# docx


def _textbox_paragraph_xml(text: str) -> str:
    """A paragraph holding a text box twice, as Word writes it: DrawingML (Choice) + VML (Fallback)."""
    content = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return (
        f"<w:p {_NSDECL}><w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="1828800" cy="457200"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>'
        "</mc:AlternateContent></w:r></w:p>"
    )


def _revision_paragraph_xml(kept: str, deleted: str, inserted: str) -> str:
    return (
        f"<w:p {_NSDECL}><w:r><w:t>{kept}</w:t></w:r>"
        f"<w:del w:id=\"90\" w:author=\"t\"><w:r><w:delText>{deleted}</w:delText></w:r></w:del>"
        f"<w:ins w:id=\"91\" w:author=\"t\"><w:r><w:t>{inserted}</w:t></w:r></w:ins></w:p>"
    )


def _note_part_xml(kind: str, text: str) -> str:
    """footnotes.xml / endnotes.xml with the two separator notes Word always writes, plus one note."""
    tag = "footnote" if kind == "footnotes" else "endnote"
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind} xmlns:w="{W_NS}">'
        f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
        f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
        f"</w:p></w:{tag}>"
        f'<w:{tag} w:id="1"><w:p><w:r><w:{tag}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r>'
        f"</w:p></w:{tag}></w:{kind}>"
    )


def _inject_parts(docx_path: Path, parts: dict[str, str], rels: list[tuple[str, str, str]],
                  overrides: list[tuple[str, str]]) -> None:
    """Rewrite a saved .docx, adding parts, document relationships and content-type overrides."""
    with zipfile.ZipFile(docx_path) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    rels_name = "word/_rels/document.xml.rels"
    rel_xml = entries[rels_name].decode("utf-8")
    extra = "".join(
        f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/{rtype}" Target="{target}"/>'
        for rid, rtype, target in rels
    )
    entries[rels_name] = rel_xml.replace("</Relationships>", extra + "</Relationships>").encode("utf-8")
    types = entries["[Content_Types].xml"].decode("utf-8")
    extra_types = "".join(f'<Override PartName="{name}" ContentType="{ctype}"/>' for name, ctype in overrides)
    entries["[Content_Types].xml"] = types.replace("</Types>", extra_types + "</Types>").encode("utf-8")
    for name, xml in parts.items():
        entries[name] = xml.encode("utf-8")
    with zipfile.ZipFile(docx_path, "w", zipfile.ZIP_DEFLATED) as target_zip:
        for name, raw in entries.items():
            target_zip.writestr(name, raw)


def build_full_docx(path: Path) -> dict[str, str]:
    """A .docx with body text, a table (with a nested table), headers/footers in two sections,
    a footnote, an endnote, a text box (DrawingML + VML fallback) and a tracked deletion.

    Returns the strings a loader must find (and ``deleted``, which it must not)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    person = fake_person()
    expected = {
        "title": "关于政府信息公开申请的答复",
        "body": "经查，您申请公开的信息属于本机关公开范围。",
        "cell_a": "申请人",
        "cell_b": person["name"],
        "cell_c": "联系电话",
        "cell_d": person["phone"],
        "nested_a": "嵌套甲",
        "nested_b": "嵌套乙",
        "header": "某市人民政府办公室（页眉）",
        "footer1": "第一节页脚",
        "footer2": "第二节页脚",
        "footnote": "脚注：依据《中华人民共和国政府信息公开条例》第三十六条。",
        "endnote": "尾注：本答复由系统生成。",
        "textbox": "文本框中的机密字样",
        "kept": "保留文字",
        "inserted": "插入文字",
        "deleted": "已删除的修订文字",
        "after_table": "表格之后的段落",
    }
    document = docx.Document()
    document.add_paragraph(expected["title"])
    body_paragraph = document.add_paragraph(expected["body"])
    run = body_paragraph.add_run()
    run._r.append(parse_xml(f'<w:footnoteReference xmlns:w="{W_NS}" w:id="1"/>'))
    run = body_paragraph.add_run()
    run._r.append(parse_xml(f'<w:endnoteReference xmlns:w="{W_NS}" w:id="1"/>'))

    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = expected["cell_a"]
    table.cell(0, 1).text = expected["cell_b"]
    table.cell(1, 0).text = expected["cell_c"]
    table.cell(1, 1).text = expected["cell_d"]
    nested = table.cell(1, 1).add_table(rows=1, cols=2)
    nested.cell(0, 0).text = expected["nested_a"]
    nested.cell(0, 1).text = expected["nested_b"]
    document.add_paragraph(expected["after_table"])

    body = document.element.body
    sect_pr = body.find(qn("w:sectPr"))
    for xml in (
        _textbox_paragraph_xml(expected["textbox"]),
        _revision_paragraph_xml(expected["kept"], expected["deleted"], expected["inserted"]),
    ):
        sect_pr.addprevious(parse_xml(xml))

    first = document.sections[0]
    first.header.paragraphs[0].text = expected["header"]
    first.footer.paragraphs[0].text = expected["footer1"]
    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = expected["header"]  # identical: must appear once
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = expected["footer2"]
    document.add_paragraph("第二节正文")
    document.save(str(path))

    _inject_parts(
        path,
        parts={
            "word/footnotes.xml": _note_part_xml("footnotes", expected["footnote"]),
            "word/endnotes.xml": _note_part_xml("endnotes", expected["endnote"]),
        },
        rels=[("rIdFn1", "footnotes", "footnotes.xml"), ("rIdEn1", "endnotes", "endnotes.xml")],
        overrides=[
            ("/word/footnotes.xml",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"),
            ("/word/endnotes.xml",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"),
        ],
    )
    return expected


def build_simple_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


# ----------------------------------------------------------------------------------------------------
# pdf


def _register_cjk_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    name = "STSong-Light"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(name))
    return name


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A PDF whose pages carry the given lines, written with reportlab's built-in Chinese CID font."""
    from reportlab.pdfgen import canvas

    font = _register_cjk_font()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for lines in pages:
        if lines:
            pdf.setFont(font, 12)
            for number, line in enumerate(lines):
                pdf.drawString(72, 760 - 20 * number, line)
        else:
            pdf.rect(100, 100, 200, 300, fill=1)  # a page with graphics only
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def build_pdf(path: Path, pages: list[list[str]]) -> Path:
    path.write_bytes(pdf_bytes(pages))
    return path


def build_image_only_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF with drawn rectangles and no text at all (like a scan without OCR)."""
    return build_pdf(path, [[] for _ in range(pages)])


def build_encrypted_pdf(path: Path, pages: list[list[str]], user_password: str,
                        owner_password: str | None = None, algorithm: str = "RC4-128") -> Path:
    """Encrypt a reportlab PDF with pypdf (``user_password=""`` means: opens without a password)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(pages))))
    writer.encrypt(user_password=user_password, owner_password=owner_password or "owner-secret",
                   algorithm=algorithm)
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


# ----------------------------------------------------------------------------------------------------
# html


def build_gbk_html(path: Path, body_html: str, *, meta: str = '<meta charset="gbk">') -> Path:
    """An HTML page in GBK, with a script, a style and a title that must not show up in the text."""
    page = (
        f"<!DOCTYPE html>\n<html><head>{meta}<title>页面标题不应出现</title>"
        "<style>p { color: red; } /* 样式不应出现 */</style>"
        "<script>var secret = '脚本内容不应出现';</script></head>"
        f"<body>{body_html}<script>document.write('尾部脚本不应出现')</script></body></html>"
    )
    path.write_bytes(page.encode("gbk"))
    return path
