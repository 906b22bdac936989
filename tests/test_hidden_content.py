"""Hidden content is screened and located (issue 15 item 5): .docx comments, tracked deletions, document
properties, text after an entity inside w:t; HTML comments, <title>, alt and value.  A released copy
never carries the hidden parts."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from faker import Faker

from reviewer.batch.runner import run_batch
from reviewer.load.textload import load_path
from reviewer.screen.screening import Screener

try:
    import fixtures_build as fb
except ImportError:  # tests/ imported as a package
    from tests import fixtures_build as fb

fake = Faker("zh_CN")
Faker.seed(1505)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
VISIBLE = "关于示例市老旧小区改造资金安排的通知。"


def rewrite(path: Path, edit) -> None:
    with zipfile.ZipFile(path) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    edit(entries)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, raw in entries.items():
            target.writestr(name, raw)


@pytest.fixture(scope="module")
def people():
    return {"comment_phone": "13812345678", "deleted_id": fake.ssn(), "author": fake.name(),
            "entity_phone": "13987654321"}


@pytest.fixture()
def hidden_docx(tmp_path, people) -> Path:
    (tmp_path / "docs").mkdir()
    path = fb.build_simple_docx(tmp_path / "docs" / "通知.docx", [VISIBLE, "PLACEHOLDER"])

    def edit(entries):
        doc = entries["word/document.xml"].decode("utf-8")
        doc = doc.replace(
            "<w:t>PLACEHOLDER</w:t>",
            f'<w:t>其余内容</w:t></w:r><w:del w:id="9" w:author="x"><w:r><w:delText>身份证号{people["deleted_id"]}'
            f'</w:delText></w:r></w:del><w:r><w:t>联系人&amp;电话 见&#160;附件&nbsp;{people["entity_phone"]}</w:t>')
        # an internal DTD subset declares the entity; the loader never resolves it but keeps the text after it
        doc = doc.replace("<w:document", '<!DOCTYPE w:document [<!ENTITY nbsp " ">]><w:document', 1)
        if doc.startswith("<?xml"):
            head, _, rest = doc.partition("?>")
            doc = head + "?>" + rest.lstrip()
        entries["word/document.xml"] = doc.encode("utf-8")
        entries["word/comments.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="{W_NS}"><w:comment w:id="1" w:author="审核人">'
            f'<w:p><w:r><w:t>请核实，联系电话{people["comment_phone"]}</w:t></w:r></w:p></w:comment></w:comments>'
        ).encode()
        rels = entries["word/_rels/document.xml.rels"].decode("utf-8")
        entries["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", (
            '<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'comments" Target="comments.xml"/></Relationships>')).encode("utf-8")
        core = entries.get("docProps/core.xml", b"").decode("utf-8")
        if "<dc:creator>" in core:
            start, end = core.index("<dc:creator>"), core.index("</dc:creator>")
            core = core[:start] + f"<dc:creator>{people['author']}" + core[end:]
            entries["docProps/core.xml"] = core.encode("utf-8")

    rewrite(path, edit)
    return path


def test_docx_hidden_parts_are_read_and_located(hidden_docx, people):
    loaded = load_path(hidden_docx)
    assert loaded.status == "ok", loaded.error
    labels = {label: loaded.text[a:b] for a, b, label in loaded.sections}
    assert people["comment_phone"] in labels["批注"]
    assert people["deleted_id"] in labels["修订删除的文字"]
    assert people["author"] in labels["文档属性"]
    visible = loaded.text[: loaded.hidden_start]
    assert VISIBLE in visible and people["deleted_id"] not in visible
    assert people["entity_phone"] in visible  # text after an entity inside w:t


def test_findings_in_hidden_parts_say_where_they_sit(hidden_docx, people):
    result = Screener().screen_path(hidden_docx)
    where = {f.text: f.explanation.get("location") for f in result.findings}
    assert where[people["comment_phone"]] == "批注"
    assert where[people["deleted_id"]] == "修订删除的文字"
    assert where.get(people["entity_phone"]) is None  # visible text: no hidden location
    assert result.verdict == "withhold"
    summary = next(f.explanation.summary for f in result.findings if f.text == people["comment_phone"])
    assert summary.startswith("位于批注")


def test_released_copy_leaves_hidden_parts_out(hidden_docx, people, tmp_path):
    out = tmp_path / "out"
    run_batch([hidden_docx.parent], out, jobs=1, redact=True, progress=False)
    copy = (out / "redacted" / "通知.docx.redacted.txt").read_text(encoding="utf-8")
    assert VISIBLE in copy
    for value in people.values():
        assert value not in copy
    assert "【批注】" not in copy and "【文档属性】" not in copy and "审核人" not in copy


def test_html_hidden_parts_are_screened(tmp_path):
    phone, id_no = "13812345678", fake.ssn()
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>关于张三（电话{phone}）的处理</title><meta name='author' content='某科室'></head><body>"
        f"<p>{VISIBLE}</p><!-- 内部备注：身份证号{id_no} -->"
        f"<img src='a.png' alt='身份证号{id_no}照片'><input type='hidden' value='{phone}'></body></html>",
        encoding="utf-8")
    loaded = load_path(page)
    labels = {label for _, _, label in loaded.sections}
    assert {"网页标题", "网页注释", "图片替代文字和提示", "表单中的值"} <= labels
    assert id_no not in loaded.text[: loaded.hidden_start]
    result = Screener().screen_loaded(loaded)
    locations = {f.explanation.get("location") for f in result.findings if f.text in (phone, id_no)}
    assert {"网页标题", "网页注释", "表单中的值"} <= locations
