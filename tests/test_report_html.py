"""The HTML report: valid, self-contained (no network resources), highlighted, masked, escaped.

Personal data is generated (Faker zh_CN, seeded; resident ID check digits computed)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reviewer.batch.report_html import make_excerpts, mask_same_length
from reviewer.batch.runner import run_batch
from reviewer.detect.findings import Finding

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "source", "area", "base", "embed", "track"}


class TagChecker(HTMLParser):
    """Collects structural problems, resource references and the text inside <mark>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.resources: list[str] = []
        self.marks: list[str] = []
        self.mark_classes: set[str] = set()
        self.counts: dict[str, int] = {}
        self.doctype = False
        self._in_mark = False

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs) -> None:
        self.counts[tag] = self.counts.get(tag, 0) + 1
        for name, value in attrs:
            if name in {"src", "href", "action", "srcset", "data", "poster"} and value and not value.startswith("#"):
                self.resources.append(f"{tag} {name}={value}")
        if tag == "mark":
            self._in_mark = True
            self.marks.append("")
            self.mark_classes.add(dict(attrs).get("class", ""))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag) -> None:
        if tag == "mark":
            self._in_mark = False
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"unexpected </{tag}> (open: {self.stack[-3:]})")
            return
        self.stack.pop()

    def handle_data(self, data) -> None:
        if self._in_mark:
            self.marks[-1] += data


def fake(seed: int):
    from faker import Faker

    f = Faker("zh_CN")
    f.seed_instance(seed)
    return f


def resident_id(f) -> str:
    from stdnum.cn import ric

    body = (f.random_element(["110102", "320106", "610113"]) + f.date_of_birth(minimum_age=18, maximum_age=80)
            .strftime("%Y%m%d") + f"{f.random_int(0, 999):03d}")
    return body + ric.calc_check_digit(body + "0")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    root = tmp_path_factory.mktemp("html") / "docs"
    root.mkdir()
    f = fake(31337)
    people = []
    for i in range(4):
        person = {"name": f.name(), "id": resident_id(f),
                  "phone": f.random_element(["135", "139", "188"]) + f"{f.random_int(0, 99999999):08d}"}
        people.append(person)
        filler = "本机关依法受理并审查了该申请。" * (i * 20)  # one long document
        (root / f"答复{i}.txt").write_text(
            f"政府信息公开申请答复书\n{filler}\n申请人{person['name']}，身份证号码{person['id']}，"
            f"手机{person['phone']}。\n备注：<script>alert(\"x\")</script> & “引号” <b>不是标签</b>\n",
            encoding="utf-8")
    (root / "通知.txt").write_text("关于做好政务公开工作的通知\n各单位要按照规定及时公开政策文件。\n", encoding="utf-8")
    (root / "a<b>&c.txt").write_text("各单位要按照规定及时公开政策文件。\n", encoding="utf-8")
    (root / "坏文件.xyz").write_bytes(b"\x00\x01")
    out = root.parent / "out"
    summary = run_batch([root], out, jobs=1, progress=False)
    html = (out / "report.html").read_text(encoding="utf-8")
    return {"html": html, "people": people, "summary": summary}


def test_report_parses_with_balanced_tags(report):
    checker = TagChecker()
    checker.feed(report["html"])
    checker.close()
    assert checker.doctype
    assert checker.problems == []
    assert checker.stack == []
    for tag in ("html", "head", "body", "title", "style", "script"):
        assert checker.counts.get(tag) == 1, tag
    assert checker.counts.get("table", 0) >= 2 and checker.counts.get("section", 0) >= 4


def test_report_is_self_contained(report):
    html = report["html"]
    checker = TagChecker()
    checker.feed(html)
    assert checker.resources == []  # only in-page anchors (#…)
    assert "http://" not in html and "https://" not in html
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html)
    assert "@import" not in html and "url(" not in html


def test_report_highlights_and_masks(report):
    html = report["html"]
    checker = TagChecker()
    checker.feed(html)
    assert "sev-withhold" in checker.mark_classes
    assert len(checker.marks) >= 3 * len(report["people"])
    for person in report["people"]:
        assert person["id"] not in html
        assert person["phone"] not in html
        # The masked forms are there, highlighted.
        assert mask_same_length(person["id"], "cn_resident_id") in checker.marks
        assert mask_same_length(person["phone"], "cn_mobile") in checker.marks


def test_report_escapes_text(report):
    html = report["html"]
    assert html.count("<script>") == 1  # our own sorting script only
    assert "&lt;script&gt;" in html and "&lt;b&gt;" in html
    assert "a&lt;b&gt;&amp;c.txt" in html
    assert "坏文件.xyz：" in html  # the bad file with its Chinese reason


def test_report_orders_withhold_first(report):
    html = report["html"]
    table = html[html.index('<table class="sortable">'):]
    rows = re.findall(r'<td data-sort="(-?[\d.]+)">', table)
    ranks = [float(r) for r in rows]
    assert ranks == sorted(ranks)  # data-sort is minus the verdict rank: withhold first
    assert ranks[0] == -2 and ranks[-1] == 0


def test_excerpt_masks_personal_spans_cut_by_the_window():
    text = "甲" * 100 + "联系邮箱abcdef@example.org，" + "乙" * 10 + "身份证号码110101199003077777" + "丙" * 100
    email_start = text.index("abcdef")
    id_start = text.index("110101")
    findings = [
        Finding("PRV006", "email", "privacy", "第十五条", email_start, email_start + 18, text[email_start:email_start + 18],
                0.9, "review", entity="email"),
        Finding("PRV001", "id", "privacy", "第十五条", id_start, id_start + 18, text[id_start:id_start + 18],
                1.0, "withhold", entity="cn_resident_id"),
    ]
    excerpts = make_excerpts(text, findings, width=20)
    assert len(excerpts) == 2
    for x in excerpts:
        joined = x["before"] + x["mark"] + x["after"]
        assert "abcdef@" not in joined and "1101011990" not in joined
        assert x["cut_before"] and x["cut_after"]
    assert excerpts[0]["mark"] == "a*****@example.org"
    assert excerpts[1]["mark"].startswith("110") and "*" in excerpts[1]["mark"]
    assert len(excerpts[1]["mark"]) == 18
    # The ID number lies partly inside the email's window: it is widened, never cut, and masked whole.
    assert excerpts[0]["after"].endswith(excerpts[1]["mark"])


def test_same_length_mask():
    assert mask_same_length("abc@x.cn", "email") == "a**@x.cn"
    assert len(mask_same_length("张三丰", "person_name")) == 3
    assert mask_same_length("13912345678", "cn_mobile") == "139******78"


def test_report_written_for_empty_input(tmp_path):
    (tmp_path / "in").mkdir()
    summary = run_batch([tmp_path / "in"], tmp_path / "out", jobs=1, progress=False)
    assert summary.files == 0 and summary.exit_code == 0
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    checker = TagChecker()
    checker.feed(html)
    assert checker.problems == [] and checker.stack == []
    assert "<b>0</b>文件总数" in html
    assert Path(tmp_path / "out" / "results.jsonl").read_text(encoding="utf-8") == ""
