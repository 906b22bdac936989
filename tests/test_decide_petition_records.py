"""是不是 and 第三十九条: a request for the records of a matter is a request for information, even in a complaint's
words; the story of earlier complaints in a restatement is background, not a complaint made now."""

from __future__ import annotations

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.leanings import settle_petition
from reviewer.decide.triage import TriageResult, load_cues


def _leaning(p_petition: float) -> TriageResult:
    probabilities = {"no_action.petition": p_petition, "ordinary": 1.0 - p_petition}
    return TriageResult(probabilities=probabilities, rule_scores={}, classifier=dict(probabilities))


def test_a_demand_for_the_records_of_a_matter_sets_the_petition_leaning_aside():
    cues = load_cues()
    settled, note = settle_petition(_leaning(0.6), "申请人向被申请人申请公开对该违建的立案查处材料", cues)
    assert "no_action.petition" not in settled.probabilities
    assert settled.probabilities["ordinary"] == 1.0
    assert note and "第三十九条" in note
    # below the lead: folded all the same, without a note
    settled, note = settle_petition(_leaning(0.2), "申请公开对该违建的立案查处材料", cues)
    assert "no_action.petition" not in settled.probabilities and note is None


def test_a_demand_to_act_or_a_request_without_a_record_keeps_the_leaning():
    cues = load_cues()
    leaning = _leaning(0.6)
    for text in ("请你们依法查处某公司违法排污，并公开查处材料",  # an explicit demand to act (a petition cue fires)
                 "我举报的那个问题到底怎么样了，请给个说法",  # no record asked for
                 "申请公开你们对我举报问题的处理情况"):  # 处理情况 is not a record
        assert settle_petition(leaning, text, cues) == (leaning, None), text


def test_earlier_complaints_told_in_a_restatement_are_not_items():
    text = ("申请人曾就邻居违建问题向城管局投诉举报，城管局一直未予处理。"
            "申请人遂向被申请人申请公开对该违建的立案查处材料。")
    data = run_review(text, ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    items = [i["text"] for i in data["request"]["items"]]
    assert len(items) == 1 and "立案查处材料" in items[0] and "投诉" not in items[0]
    assert data["reply"]["code"] != "no_action.petition"
    # a complaint made now, after the story, is still answered as one
    angry = run_review("我多次投诉，你们一直不处理！这次请你们立即把违建拆了，并给我一个说法。",
                       ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    assert angry["reply"]["code"] == "no_action.petition"


def test_the_triage_does_not_read_the_story_of_earlier_complaints():
    from reviewer.decide.mixed import without_past_stories

    text = ("申请人曾就邻居违建问题向城管局投诉举报，城管局一直未予处理。"
            "申请人遂向被申请人申请公开对该违建的立案查处材料。")
    assert without_past_stories(text) == "申请人遂向被申请人申请公开对该违建的立案查处材料。"
    data = run_review(text, ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    assert not any(hit["cue"] == "TRI002" for hit in data["triage"]["evidence"])
    assert "no_action.petition" not in data["triage"]["rules"]
    assert data["triage"]["top"] == "ordinary"
    # a demand made now is kept, whatever story it tells
    angry = "我多次投诉，你们一直不处理！这次请你们立即把违建拆了。"
    assert without_past_stories(angry) == "这次请你们立即把违建拆了。"


def test_the_agencys_or_a_partys_words_in_a_restatement_are_not_complaint_items():
    text = ("复议机关查明，申请人申请公开本人房屋被纳入征收范围的依据文件。"
            "被申请人认为，申请人的申请实质是对征收补偿不满，系信访诉求。")
    data = run_review(text, ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    items = [i["text"] for i in data["request"]["items"]]
    assert len(items) == 1 and "依据文件" in items[0]


def test_a_handling_document_is_a_record_and_a_restatement_demands_disclosure():
    cues = load_cues()
    for text in ("原告要求被告公开对某企业的信访事项处理意见书",  # "要求被告公开": the restated demand; 意见书 a record
                 "申请公开对我举报事项的调查报告"):
        settled, _ = settle_petition(_leaning(0.6), text, cues)
        assert "no_action.petition" not in settled.probabilities, text


PLEA = ("尊敬的领导：我是某某村村民，今年六十八岁了，老伴常年卧病在床。去年村里修路占了我家两分地，说好的补偿到现在一分没给，"
        "我找了村干部好几次，都说上面没拨钱。我实在没办法才写这封信，求求领导给我做主，把补偿款给我发下来！此致敬礼")


def test_a_plea_to_have_money_paid_is_a_complaint_not_a_demand_for_records():
    from reviewer.decide.leanings import DISCLOSURE_DEMAND_RE

    assert DISCLOSURE_DEMAND_RE.search("把补偿款给我发下来") is None  # an act asked for, not a record
    assert DISCLOSURE_DEMAND_RE.search("把会议记录给我。") and DISCLOSURE_DEMAND_RE.search("把投标报价单给我看看")
    settled, note = settle_petition(_leaning(0.86), PLEA, load_cues())
    assert settled.probabilities["no_action.petition"] == 0.86 and note is None
    out = run_review(PLEA, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert out["reply"]["code"] == "no_action.petition"


def test_a_demand_for_money_after_a_list_of_records_is_a_complaint_part():
    text = ("尊敬的区政府领导：\n我家2018年被列入某路拓宽工程征收范围，补偿款还有8万元没有到位。现申请公开以下信息：\n"
            "（一）某路拓宽工程房屋征收决定及公告；\n（二）该工程的补偿资金拨付文件。\n"
            "另外，请领导督促街道尽快把剩下的补偿款发给我。\n此致\n敬礼")
    out = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    items = [(i["code"], i["text"]) for i in out["request"]["items"]]
    assert [code for code, _ in items].count("no_action.petition") == 1
    assert any(code == "no_action.petition" and "补偿款发给我" in t for code, t in items)
    # (a 征收决定及公告 is published by its nature: 已主动公开 leads, to check in the catalog)
    assert sum(1 for code, _ in items if code in ("disclose", "disclose.published")) == 2


def test_a_case_named_by_its_investigation_is_a_record_not_a_demand_to_investigate():
    # "查处" names the case whose records are asked for; it asks nobody to investigate
    text = "申请公开贵局查处某某公司偷税案件的检查底稿和证据材料。"
    out = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert out["reply"]["code"] != "no_action.petition"
    assert not any("TRI035" in str(c) for c in out["triage"].get("cues") or [])
    assert "enforcement_file" in {g["ground"] for g in out["request_grounds"] if g.get("named")}
    # a demand to investigate beside the request still is one
    both = "申请公开对该厂的处罚决定，并查处该厂夜间偷排行为。"
    cues = [c for c in load_cues() if c.code == "TRI035"]
    assert any(p.search(both) for p in cues[0].patterns)


def test_the_file_of_ones_own_case_needs_no_correction_notice():
    out = run_review("申请公开我被行政拘留一案的全部卷宗材料。",
                     ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert out["reply"]["code"] != "other.correction"
    assert not any("特征性描述" in m for m in out["request"]["missing"])
