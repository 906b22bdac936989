"""Every reply code of reply-types.yaml is reachable: an authored request (and documents where needed)
leads to it, and the citation string is exactly right.  Rules only (no classifier), so the path to each
outcome is the explained one."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from stdnum.cn import ric

from reviewer.app.pipeline import ReviewOptions, run_review, write_redacted

LAW = "《中华人民共和国政府信息公开条例》"
ROOT = Path(__file__).resolve().parent.parent
SHARED_TYPES = ROOT.parent / "shared" / "domain" / "reply-types.yaml"


def _id(body17: str) -> str:
    return body17 + ric.calc_check_digit(body17 + "0")


THIRD_PARTY_ID = _id("33010619800101234")
APPLICANT = f"申请人：林晓，身份证号{_id('11010119900307456')}，联系电话13912345678。\n"
DELIVERY = "\n获取方式：电子邮件。"
SEARCHED = "2026年11月25日规划科在公文管理系统和档案室以“集镇规划调整”“批复”检索2019年至今的收发文，未找到"


def request(body: str) -> str:
    return APPLICANT + body + DELIVERY


DOCS = {
    "clean": "示例市城镇老旧小区改造资金管理办法\n第一条 为规范老旧小区改造资金管理，制定本办法。\n第二条 本办法适用于市级财政安排的改造补助资金。",
    "privacy": f"征收补偿款发放明细\n被征收人：王建军，公民身份号码{THIRD_PARTY_ID}，联系电话13812345678。\n补偿金额：人民币38万元。",
    "secret": "秘密★1年\n\n示例市关于重点目标防护工作的通知\n各有关单位：现将有关要求通知如下。",
    "process": "老旧小区改造专题会议纪要\n（讨论稿）\n会议认为，项目资金缺口较大，拟向市政府请示追加预算，与会人员意见不一。",
    "personnel": "关于2025年度干部考核等次的内部通知\n经局党组研究，拟确定以下人员年度考核等次为优秀。干部民主测评结果及任免酝酿情况另附。",
    "enforcement": "询问笔录\n被询问人：赵某某\n问：我们是示例市市场监督管理局执法人员，现依法向你了解情况。\n答：好的。\n问：过期食品从哪里进货？\n答：批发市场。",
    "law": "附：2020年人口普查登记表（含住户成员姓名）。本表汇总了能够识别单个统计调查对象身份的原始调查资料。",
    "security": "示例水库大坝监控点位及安保部署如下：\n城东变电站坐标：东经118.12度，北纬32.05度。\n"
                "放射源库门禁密码每季度更换，监控存在盲区。",
}


@pytest.fixture()
def docs(tmp_path):
    paths = {}
    for name, text in DOCS.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


@pytest.fixture()
def catalog(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text("标题,文号,日期,网址\n示例市城镇老旧小区改造实施办法,示府发〔2026〕8号,2026-06-20,https://example.gov.cn/8.html\n",
                    encoding="utf-8")
    return path


def office_profile(tmp_path):
    """The example profile configured as a real office (example: false): 谁负责 knows who "this organ" is."""
    from reviewer.decide.profile import example_profile_path

    text = example_profile_path().read_text(encoding="utf-8").replace("example: true", "example: false", 1)
    path = tmp_path / "office.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def review(text, *docs, **kwargs):
    options = ReviewOptions(docs=list(docs), use_model=False, received=dt.date(2026, 11, 20),
                            today=dt.date(2026, 11, 22), **kwargs)
    return run_review(text, options)


CASES = [
    # code, request body, documents, extra options, exact citation
    ("disclose", "申请公开《示例市城镇老旧小区改造资金管理办法》。", ["clean"], {},
     LAW + "第三十六条第（二）项、第四十条"),
    ("disclose.published", "申请公开《示例市城镇老旧小区改造实施办法》全文。", [], {"catalog": True},
     LAW + "第三十六条第（一）项"),
    ("partial", "申请公开石桥镇征收补偿款发放明细。", ["privacy"], {},
     LAW + "第三十七条、第十五条"),
    ("withhold.state_secret", "申请公开关于重点目标防护工作的通知。", ["secret"], {},
     LAW + "第三十六条第（三）项、第十四条"),
    ("withhold.law_prohibited", "申请公开2020年人口普查登记表。", ["law"], {},
     LAW + "第三十六条第（三）项、第十四条"),
    ("withhold.security_stability", "申请公开示例水库大坝安保方案。", ["security"], {},
     LAW + "第三十六条第（三）项、第十四条"),
    # refused only once the third party has answered the written consultation (第三十二条)
    ("withhold.third_party", "申请公开邻居王某某的身份证号码和家庭住址。", [], {"third_party": "object"},
     LAW + "第三十六条第（三）项、第十五条"),
    ("withhold.internal_affairs", "申请公开2025年度干部考核等次的内部通知。", ["personnel"], {},
     LAW + "第三十六条第（三）项、第十六条第一款"),
    ("withhold.process_info", "申请公开老旧小区改造专题会议纪要。", ["process"], {},
     LAW + "第三十六条第（三）项、第十六条第二款"),
    ("withhold.enforcement_file", "申请公开对某超市销售过期食品一案的询问笔录。", ["enforcement"], {},
     LAW + "第三十六条第（三）项、第十六条第二款"),
    ("withhold.query_matter", "要求打印我的个税缴纳明细。", [], {},
     LAW + "第三十六条第（三）项"),
    ("unavailable.not_held", "申请公开2019年石桥镇集镇规划调整的批复文件。", [], {"search_record": SEARCHED},
     LAW + "第三十六条第（四）项"),
    ("unavailable.other_agency", "申请公开由示例市公安局作出的道路交通管制批复。", [], {"office": True},
     LAW + "第三十六条第（五）项、第十条"),
    ("unavailable.needs_creation", "请统计近五年全市征地拆迁户的总数及补偿总额，并按年度分别统计。", [], {},
     LAW + "第三十八条"),
    ("unavailable.unclear", "申请公开你局所有相关文件。", [], {"procedure": "corrected"},
     LAW + "第三十条"),
    ("no_action.petition", "我要求你局依法查处村干部侵占补偿款的行为，严肃处理，给我一个说法，并赔偿我家损失。", [], {},
     LAW + "第三十九条第一款"),
    ("no_action.duplicate", "申请公开2024年石桥镇征地补偿安置方案。", [],
     {"history": {"candidates": {"no_action.duplicate": 0.95},
                  "evidence": ["本机关已于2026年3月2日就相同申请作出答复（示例规资信复〔2026〕5号）。"]}},
     LAW + "第三十六条第（六）项"),
    ("no_action.publication", "申请获取2024年《示例市统计年鉴》一本。", [], {},
     LAW + "第三十九条第二款"),
    ("no_action.excessive", "申请公开2024年石桥镇征地补偿安置方案。", [], {"procedure": "reasons_unreasonable"},
     LAW + "第三十五条"),
    ("no_action.confirm", "请确认我手中的这份批复是否真实有效，并加盖公章。", [], {},
     LAW + "第二条"),
    ("other.correction", None, [], {}, LAW + "第二十九条、第三十条"),
    ("other.correction_lapsed", "申请公开你局所有相关文件。", [], {"procedure": "correction_lapsed"},
     LAW + "第三十条"),
    ("other.fee_unpaid", "申请公开2024年石桥镇征地补偿安置方案。", [], {"procedure": "fee_unpaid"},
     LAW + "第四十二条"),
    ("other.special_procedure", "申请调取示例科技有限公司的工商登记档案及股东信息。", [], {},
     LAW + "第三十六条第（七）项"),
    ("other.not_gov_info", "申请公开新华村村委会2023年账目明细。", [], {},
     LAW + "第二条"),
    ("other.consultation", "请问我家房屋被认定为违法建筑是否合法？请解释一下认定依据是什么。", [], {},
     LAW + "第二条"),
    ("other.other", "申请公开2024年石桥镇征地补偿安置方案。", [], {"procedure": "withdrawn"}, ""),
]


@pytest.mark.parametrize("code,body,doc_names,extra,citation", CASES, ids=[c[0] for c in CASES])
def test_reply_code_reachable(code, body, doc_names, extra, citation, docs, catalog):
    extra = dict(extra)
    if extra.pop("catalog", False):
        extra["catalog"] = catalog
    if extra.pop("office", False):
        extra["profile"] = office_profile(catalog.parent)
    text = "申请公开你局那个文件。" if body is None else request(body)
    outcome = review(text, *[docs[n] for n in doc_names], **extra)
    data = outcome.to_dict()
    assert data["reply"]["code"] == code, data["candidates"][:3]
    assert data["reply"]["citations"] == citation
    assert len(data["candidates"]) >= 3
    assert data["reply"]["reasons"], "every draft explains itself"
    assert data["letter"]["text"]


def test_cases_cover_every_shared_code():
    if not SHARED_TYPES.exists():
        pytest.skip("../shared/domain/reply-types.yaml not present")
    codes = set(yaml.safe_load(SHARED_TYPES.read_text(encoding="utf-8")))
    assert {c[0] for c in CASES} == codes


def test_json_output_has_required_keys(docs):
    data = review(request("申请公开老旧小区改造专题会议纪要。"), docs["process"]).to_dict()
    for key in ("request", "reply", "candidates", "grounds", "findings", "deadline", "letter"):
        assert key in data
    assert set(data["reply"]) >= {"code", "label", "citations", "reasons"}
    json.dumps(data, ensure_ascii=False, default=str)


def test_process_info_asks_for_the_stage(docs):
    data = review(request("申请公开老旧小区改造专题会议纪要。"), docs["process"]).to_dict()
    assert any("决策阶段" in a for a in data["actions"])


def test_state_secret_is_routed_to_secrecy_review(docs):
    data = review(request("申请公开关于重点目标防护工作的通知。"), docs["secret"]).to_dict()
    assert any("保密审查" in a and "第十七条" in a for a in data["actions"])


def test_third_party_consultation_is_drafted(docs):
    outcome = review(request("申请公开石桥镇征收补偿款发放明细。"), docs["privacy"])
    data = outcome.to_dict()
    assert any("第三十二条" in a and "第三十三条第三款" in a for a in data["actions"])
    kinds = [letter["kind"] for letter in data["other_letters"]]
    assert "consultation" in kinds
    consultation = next(letter for letter in data["other_letters"] if letter["kind"] == "consultation")
    assert "15个工作日" in consultation["text"]


def test_not_held_has_search_log_section():
    data = review(request("申请公开2019年石桥镇集镇规划调整的批复文件。"), search_record=SEARCHED).to_dict()
    assert data["reply"]["code"] == "unavailable.not_held"
    assert "检索情况" in data["letter"]["text"] and "公文管理系统" in data["letter"]["text"]


def test_other_agency_is_named(tmp_path):
    data = review(request("申请公开由示例市公安局作出的道路交通管制批复。"), profile=office_profile(tmp_path)).to_dict()
    assert data["reply"]["code"] == "unavailable.other_agency"
    assert "该信息由示例市公安局制作" in data["letter"]["text"]  # the organ's name, without the preposition


def test_a_named_maker_is_a_check_not_a_draft_when_this_organs_name_is_unknown():
    # With the bundled example profile nobody knows which organ reviews: applicants usually name the organ
    # they write to, so 非本机关负责公开 is listed and the officer is asked to verify (第十条), not drafted.
    data = review(request("申请公开由示例市公安局作出的道路交通管制批复。")).to_dict()
    assert data["reply"]["code"] != "unavailable.other_agency"
    assert "unavailable.other_agency" in [c["code"] for c in data["candidates"][:3]]
    assert any("示例市公安局" in r and "无法判断是否为本机关" in r for r in data["reply"]["reasons"])


@pytest.mark.parametrize("text, other", [
    ("原告于2019年3月向被告示例市公安局邮寄申请表，申请公开示例市公安局作出的道路交通管制批复。", False),
    ("示例市公安局：\n本人申请公开示例市公安局作出的道路交通管制批复。", False),
    ("原告于2019年3月向被告示例市公安局邮寄申请表，申请公开示例市人民政府作出的道路交通管制批复。", True),
])
def test_the_organ_a_request_is_addressed_to_is_this_organ(text, other):
    data = review(text, applicant_on_file=True).to_dict()
    assert (data["reply"]["code"] == "unavailable.other_agency") is other


def test_partial_lists_withheld_parts_and_redacted_copy_leaks_nothing(docs, tmp_path):
    outcome = review(request("申请公开石桥镇征收补偿款发放明细。"), docs["privacy"])
    data = outcome.to_dict()
    assert data["reply"]["code"] == "partial"
    assert "第十五条" in data["letter"]["text"]
    written = write_redacted(outcome, tmp_path / "redacted")
    redacted = (tmp_path / "redacted" / "privacy.redacted.txt").read_text(encoding="utf-8")
    assert THIRD_PARTY_ID not in redacted and "13812345678" not in redacted
    assert "第十五条" in redacted
    log = (tmp_path / "redacted" / "redaction_log.csv").read_text(encoding="utf-8-sig")
    assert THIRD_PARTY_ID not in log and len(written) == 2


def test_personal_data_masked_in_output(docs):
    data = review(request("申请公开石桥镇征收补偿款发放明细。"), docs["privacy"]).to_dict()
    dumped = json.dumps(data, ensure_ascii=False)
    assert THIRD_PARTY_ID not in dumped and "13812345678" not in dumped
    assert "13912345678" not in dumped  # the applicant's own phone is masked too


def test_multi_item_request_gets_one_outcome_per_item(docs, catalog):
    text = request("申请公开以下信息：\n1、住建局老旧小区改造专题会议纪要；\n2、《示例市城镇老旧小区改造实施办法》全文。")
    data = review(text, docs["process"], catalog=catalog).to_dict()
    items = data["request"]["items"]
    assert [i["code"] for i in items] == ["withhold.process_info", "disclose.published"]
    assert data["reply"]["code"] == "partial"


def test_traditional_characters_are_normalised():
    text = "申請人：林曉，身份證號" + _id("11010119900307456") + "，電話13912345678。請問我家房屋被認定為違法建築是否合法？請解釋一下認定依據。獲取方式：電子郵件。"
    data = review(text).to_dict()
    assert data["reply"]["code"] == "other.consultation"


def test_request_without_applicant_data_needs_correction():
    data = review("申请公开2024年石桥镇征地补偿安置方案。").to_dict()
    assert data["reply"]["code"] == "other.correction"
    assert "补正" in data["letter"]["title"]
    assert any("姓名或者名称" in m for m in data["request"]["missing"])


def test_large_paste_is_handled():
    body = "申请公开2024年石桥镇征地补偿安置方案及其附件。" * 40000  # ≈1 MB
    data = review(request(body)).to_dict()
    assert data["reply"]["code"]


# --- the review command: bad input gets a clear Chinese error naming the file and field ---------------

def _cli(args, input=None):
    from typer.testing import CliRunner

    from reviewer.cli.app import app

    return CliRunner().invoke(app, ["review", *args, "--no-model"], input=input)


def test_cli_empty_paste_is_refused_in_chinese():
    result = _cli(["-"], input="   \n")
    assert result.exit_code == 2
    assert "错误" in result.output and "空" in result.output


def test_cli_malformed_catalog_names_file_and_field(tmp_path):
    catalog = tmp_path / "目录.csv"
    catalog.write_text("文号,日期\n示府发〔2026〕8号,2026-06-20\n", encoding="utf-8")
    result = _cli(["-", "--catalog", str(catalog)], input=request("申请公开示府发〔2026〕8号文件。"))
    assert result.exit_code == 2
    assert "目录.csv" in result.output and "标题" in result.output


def test_cli_malformed_profile_names_file(tmp_path):
    profile = tmp_path / "机关.yaml"
    profile.write_text("name: [未闭合\n", encoding="utf-8")
    result = _cli(["-", "--profile", str(profile)], input=request("申请公开示府发〔2026〕8号文件。"))
    assert result.exit_code == 2
    assert "机关.yaml" in result.output


def test_cli_json_and_docx_letter(tmp_path, docs):
    from docx import Document

    letter = tmp_path / "答复书.docx"
    result = _cli(["-", "--doc", str(docs["process"]), "--format", "json", "--letter", str(letter),
                   "--received", "2026-11-20"], input=request("申请公开老旧小区改造专题会议纪要。"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["reply"]["code"] == "withhold.process_info"
    text = "\n".join(p.text for p in Document(str(letter)).paragraphs)
    assert data["reply"]["citations"] in text
    assert "行政复议" in text and "示例市人民政府" in text  # 复议机关 from the default profile
