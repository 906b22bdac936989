"""Decide the reply: the officer's seven steps, each a small named function.

补不补 → 是不是 → 谁负责 → 有没有 → 给不给 → 怎么给 → 怎么答 (ogi-law.md §3.1, "七步法"):

1. 补不补 — :func:`reviewer.decide.description.correction_elements`: 补正 only for a named missing element;
2. 是不是 — :func:`reviewer.decide.items.split_mixed`: each item read on its own, complaint parts split off;
3. 谁负责 — :func:`reviewer.decide.organ.item_organ`: 第十条 (maker), 第三十四条 (joint makers);
4. 有没有 — :func:`reviewer.decide.existence.search_state`: no document is "not yet searched", never
   信息不存在 without a search record (指导案例101号); :func:`~reviewer.decide.existence.settle_creation`: a named
   existing record is searched, not refused as 需加工 on the classifier alone (第三十八条);
5. 给不给 — :func:`reviewer.decide.outcome.document_distribution`: grounds of the item's own documents;
6. 怎么给 — :func:`reviewer.decide.outcome.decide_item`: one outcome per item, with its own reasons and
   citations (nothing leaks between items);
7. 怎么答 — :func:`combine`: one code for the reply, staff reasons and actions; the letter is drafted
   from the item outcomes by reviewer/draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.decide.completeness import DESCRIPTION_ELEMENT
from reviewer.decide.description import correction_elements
from reviewer.decide.documents import DOCUMENT_GROUNDS, SPAN_GROUNDS, DocumentView, view_document  # noqa: F401
from reviewer.decide.existence import NOT_SEARCHED, UNREADABLE, search_plan, search_state, settle_creation
from reviewer.decide.items import split_mixed
from reviewer.decide.leanings import (
    DISCLOSURE_DEMAND_RE,
    asks_for_named_record,
    settle_confirm,
    settle_consultation,
    settle_petition,
    settle_publication,
)
from reviewer.decide.mixed import (
    INFO_HEAD_RE,
    governed_by_lead,
    is_rhetorical,
    list_lead,
    not_gov_context,
    unasked_questions,
)
from reviewer.decide.narrated import (
    narrated_classified,
    narrated_grounds_rejected,
    narrated_maker,
    narrated_opinion,
    narrated_outcome,
    narrated_published,
    narrated_search,
    narrated_security_upheld,
    organ_told_absent,
    quoted_organ_absent,
    told_absent,
    told_account,
    told_declassified,
    told_issuer,
    told_item_repeat,
)
from reviewer.decide.nature import own_matter
from reviewer.decide.organ import OrganCheck, detect_other_agency, item_organ, request_addressee  # noqa: F401
from reviewer.decide.outcome import (  # noqa: F401
    GROUND_ARTICLE,
    NOT_SEARCHED_NOTE,
    WITHHOLD_CODE,
    ItemDecision,
    decide_item,
    document_distribution,
    link_documents,
    published_claim,
    request_prior,
)
from reviewer.decide.prohibited import PROHIBITED_ASKED_NOTE, asked_prohibited
from reviewer.decide.request import without_caption
from reviewer.decide.restatement import without_answer_clauses, without_proceedings
from reviewer.decide.told_procedure import (
    ANSWERED_CORRECTION_NOTE,
    ToldProcedure,
    answers_correction,
    narrated_missing,
    narrated_procedure,
)
from reviewer.decide.triage import CueHit, TriageResult, rule_scores
from reviewer.detect.findings import CATEGORY_LABELS
from reviewer.text import lazy_re

# Outcomes fixed by what happened in the procedure, not by the request text (``--procedure``).
from reviewer.vocab import PROCEDURE_CODES, PROCEDURES  # noqa: E402, F401 - one definition (reviewer/vocab.py)

RELEASED = ("disclose", "disclose.published")
# The applicant says the same information was asked for before ("再次申请", "这是我第二十次申请"): 重复申请
# (第三十六条第（六）项) is decided on the office's own records of the earlier reply, never on these words.
# The cue (rules/triage.yaml) of a request that tells an earlier application answered and a repeat of the same content.
NARRATED_REPEAT_CUE = "narrated-repeat-request"
# The share a narrated repeat takes in the ranking: above a cue's weight, below the office's own record of the earlier
# reply (reviewer.store.history: 0.8–0.95), which also gives its date and 文号.
NARRATED_REPEAT_SHARE = 0.1


# "本人曾于…申请公开“…”，贵局于…作出…答复书并已送达本人。…现再次申请公开：…": the earlier application answered, then the
# same asked again (第三十六条第（六）项), in a letter that tells it in its own order.
_AGAIN_RE = lazy_re.compile(r"(?:再次|重新|又|再一次)(?:向[^。；，]{1,12}?)?(?:提出|提交)?(?:申请|申请公开|要求公开)|再申请一次|"
                       # "现在我还是申请同样这份许可证", "把同样的内容再申请一遍", "把原来的申请原样再交一次"
                       r"(?:还是|仍然|依然|照样)申请同(?:样|一)|(?:原样|同样的?内容|原来的申请)[^。；，]{0,8}?再(?:交|申请|提交|递交|寄)(?:一次|一遍)?|"
                       r"再(?:申请|交|提交)一(?:次|遍)")
_ANSWERED_ME_RE = lazy_re.compile(r"(?:你们|贵[局委办府院厅])(?:于)?(?:(?!未|没|不)[^。；，]){0,10}?(?:书面)?答复(?:我|本人|我们|我司)(?:说|称)")
_SAME_AGAIN_RE = lazy_re.compile(r"(?:原样|同样的?内容|原来的申请|原申请)[^。；，]{0,8}?再(?:交|申请|提交|递交|寄)(?:一次|一遍)?|"
                            r"(?:还是|仍然|依然|照样)申请同(?:样|一)")
LETTER_REPEAT_WEIGHT = 0.6  # the weight of TRI063, the cue for the same story told in a restatement's words


def letter_repeat(text: str) -> CueHit | None:
    """The earlier application told as answered (:func:`~reviewer.decide.narrated.told_item_repeat`) followed by the
    same asked again, as a hit of the narrated-repeat cue; None otherwise."""
    told = told_item_repeat(text or "")
    if not told:
        # "你们5月份答复我说“…不存在”。…现在我把原来的申请原样再交一次": the answer told, the same application resent
        answered = _ANSWERED_ME_RE.search(text or "")
        same = _SAME_AGAIN_RE.search(text, answered.end()) if answered else None
        if same is None:
            return None
        return CueHit("TRI063", "no_action.duplicate", "申请写明此前已就相同内容申请并获答复，此次又以相同内容申请。",
                      answered.start(), same.end(), text[answered.start():same.end()], weight=LETTER_REPEAT_WEIGHT)
    start = text.find(told)
    again = _AGAIN_RE.search(text, start + len(told))
    if again is None:
        return None
    return CueHit("TRI063", "no_action.duplicate", "申请写明此前已就相同内容申请并获答复，此次又以相同内容申请。", start,
                  again.end(), text[start:again.end()], weight=LETTER_REPEAT_WEIGHT)


def narrated_repeat(text: str, cues) -> CueHit | None:
    """The hit of the narrated-repeat cue (TRI063) in the whole request: "被告于…作出答复并送达。…原告再次…申请，所列
    内容与前次完全一致".  Read on the whole text — the triage reads the body without the procedural history that tells
    the earlier reply."""
    repeat_cues = [c for c in cues if getattr(c, "name", "") == NARRATED_REPEAT_CUE]
    hits = rule_scores(text or "", repeat_cues)[1] if repeat_cues else []
    return hits[0] if hits else None


# The lead a restatement's account of the procedure (:mod:`reviewer.decide.told_procedure`) takes over the best other
# candidate; an office's own procedure record takes 1.0.
TOLD_PROCEDURE_LEAD = 0.3

# A court's, review body's or office's restatement (its own account of publication is narrated_published's to read).
_RESTATED_RE = lazy_re.compile(r"原告|被告|上诉人|被申请人|申请人称|复议|法院|本院|审理|经查|答复称|答复，|被告认为")

REPEAT_CLAIM_RE = lazy_re.compile(r"再次(?:提出)?申请|重复申请|又一次申请|又申请|第[\d一二三四五六七八九十百几]+次(?:提出|申请|提交)")


@dataclass
class Decision:
    code: str
    candidates: list[tuple[str, float]]
    reasons: list[str]  # staff view
    actions: list[str]  # staff view
    extra_articles: list[str]
    documents: list[DocumentView]
    grounds: dict[str, dict]
    third_party: bool
    other_agency: str | None
    catalog_matches: list[dict | None]
    item_codes: list[str]
    warnings: list[str] = field(default_factory=list)
    letter_reasons: list[str] = field(default_factory=list)  # applicant-facing: legal language only
    item_reasons: list[list[str]] = field(default_factory=list)  # applicant-facing, per requested item
    items: list = field(default_factory=list)  # the answered items (complaint parts split off included)
    item_decisions: list[ItemDecision] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # named 第二十九条 elements for a 补正
    # the request-level grounds as the steps left them (a ground the court rejected, or a record told published or
    # declassified, is no longer named); None: as the request-grounds model gave them
    request_grounds: list | None = None


def decide(request, triage_result: TriageResult, views: list[DocumentView], catalog_matches: list,
           *, threshold: float = 0.5, stage: str | None = None, agency_name: str | None = None,
           agency_configured: bool = True,
           history: dict | None = None, procedure: str | None = None, search_record: str | None = None,
           cues=None, request_grounds=None, triage_model=None, grounds_model=None,
           third_party: str | None = None) -> Decision:
    """The seven steps for one request; see the module docstring."""
    if cues is None:
        from reviewer.decide.triage import load_cues

        cues = load_cues()
    # 1 补不补 — a restatement may tell which elements the application lacked, and what became of a 补正 or a fee notice
    if not views:
        request.missing += [m for m in narrated_missing(request.text) if m not in request.missing]
    told_procedure = None if (views or procedure) else narrated_procedure(request.text)
    # the applicant's own letter answering the organ's 补正 notice: the one 补正 has been asked for (第三十条)
    answered = procedure is None and told_procedure is None and answers_correction(request.text)
    missing = correction_elements(request, triage_result)
    request_triage = _settle_correction(triage_result, missing)
    # 2 是不是
    items, natures = split_mixed(request, cues, triage_model)
    # 3 谁负责 needs to know who "this organ" is: the office's profile, else the organ the request is addressed to
    # (a letter's salutation, "向被告…申请"); the bundled example profile does not say which organ reviews
    addressee = request_addressee(request.text)
    if addressee and (not agency_configured or not agency_name):
        agency_name, agency_configured = addressee, True
    # a restatement's account of the organ's search and of who made the record (指导案例101号, 第十条): read only when
    # the office gives no documents and no search record of its own
    told = told_account(request.text)  # a letter's office notes, or the restatement itself
    told_search = None if (views or search_record) else \
        (narrated_search(told) or organ_told_absent(told) or quoted_organ_absent(request.text))
    told_maker = None if views else narrated_maker(told, agency_name)
    # the issuer the request names beside a one-item request ("许可证上载明的发证机关为某省应急管理厅"): 谁负责 to confirm
    issuer = None if views or told_maker or not agency_configured else told_issuer(request.text, agency_name)
    told_published = None if views else narrated_published(told)
    # the organ's finding that the record is classified (a marking within its period): the state-secret ground
    # is named, however the request itself reads (第十四条)
    told_classified = None if views else narrated_classified(told)
    if told_classified:
        request_grounds = _with_state_secret(request_grounds)
    if third_party is None and not views:
        third_party = narrated_opinion(told)
    # 给不给 as the court or review body told it: a ground it found does not apply ("不属于个人隐私", "并非…商业秘密") is
    # not drafted, and a third party's objection on it does not decide (第十五条 is not a veto)
    rejected = set() if views else narrated_grounds_rejected(told)
    if rejected:
        request_grounds, request_triage = _without_grounds(request_grounds, request_triage, rejected)
        if rejected & {"privacy", "trade_secret"}:
            third_party = None
    if not views and told_declassified(request.text):
        # "该文件原定为秘密级，2021年已经审核解密": the marking no longer makes it a state secret (第十四条)
        request_grounds, request_triage = _without_grounds(request_grounds, request_triage, {"state_secret"})
    single = len(items) <= 1
    # the organ's account of the record told by a restatement (moved to an archive, to be compiled, the file of a
    # procedure still running): for a one-item request, where the account can only be about that item
    told_outcome = narrated_outcome(told) if single and not views else None
    # 给不给 from what is asked: a single respondent's census or survey return (其他法律、行政法规禁止公开, 第十四条)
    prohibited = asked_prohibited(request.text) if single and not views and told_outcome is None else None
    if prohibited:
        told_outcome = ("withhold.law_prohibited", prohibited)
    told_security = narrated_security_upheld(told) if single and not views else None
    # 有没有 — the request's own word that the record was never made, when the office has no search of its own
    absent = told_absent(request.text) if single and not views and not search_record and not told_search else None
    if single and not views and told_published is None and not _RESTATED_RE.search(request.text):
        # the applicant's own word that the one record asked for is published, in a sentence beside the item's
        # ("请提供拟录用人员名单。名单已在网站公示过。")
        told_published = published_claim(without_answer_clauses(without_proceedings(request.text)))
    if told_published and len(request.items) > 1 and len(items) == len(request.items) \
            and any(re.search(r"[（(][^（）()]*" + re.escape(told_published), item.text) for item in items):
        # "①镇政府2024年度财政预算（已于2024年2月在县政府网站…公开）": the account is a remark in brackets on one listed
        # item and is that item's (read there by the item's own published claim), not the others'
        told_published = None
    if not single and not views and told_published is None:
        # "以上信息如已在贵局网站发布，告知网址即可": a claim about every item listed, told outside the items
        told_published = claim_about_all_items(request.text, items)
    if single and told_published and request_grounds:
        # a record told published in full ("该纪要已作为区政府决定事项全文发布在区政府网站") raises no ground any more:
        # what is public is answered by telling where it is (第三十六条第（一）项)
        request_grounds, request_triage = _without_grounds(request_grounds, request_triage,
                                                           {g.ground for g in request_grounds})
    lead = None if single else list_lead(request, cues)  # "现就以下事项向贵局征询：" governs the items after it
    context = None if single or lead else not_gov_context(request, cues, request_triage)  # "…因涉嫌…被刑事拘留。申请：1.…"
    links = link_documents(items, views)
    # the items the applicant listed (a numbered list, several request sentences), not pieces split off a sentence
    listed = len(request.items) > 1 and len(items) == len(request.items)
    decisions: list[ItemDecision] = []
    item_repeats = False  # some listed item, not the whole letter, was asked for before and answered
    for position, (item, nature) in enumerate(zip(items, natures)):
        # 3 谁负责, 4 有没有, 5 给不给, 6 怎么给 — per item
        item_views = links.get(item.index, [])
        organ = _told_organ(item_organ(item.text, item_views, agency_name, agency_configured, context=request.text),
                            told_maker, issuer if single else None)
        existence = search_state(item_views, views, search_record or told_search)
        match = catalog_matches[position] if position < len(catalog_matches) else None
        vague: list[str] = []  # this item's own missing description (an item of a list, read alone)
        if single and not _questions_beside_the_item(request, item, request_triage, cues):
            item_triage, item_grounds = request_triage, request_grounds
        elif single:  # "…到底是什么原因？请把审批的材料给我看看。": the questions are listed for staff, the item is a record
            item_triage, item_grounds = _item_signals(item.text, cues, triage_model, grounds_model)
            item_triage = _settle_correction(item_triage, missing)
        else:
            governor = lead or context  # the list's lead-in, or the case the whole list is about
            signal_text = governor + item.text if governor and governed_by_lead(item.text) else item.text
            item_triage, item_grounds = _item_signals(signal_text, cues, triage_model, grounds_model)
            vague = [] if missing else _item_missing(item.text, item_triage)
            item_triage = _settle_correction(item_triage, missing)
        # a question that asks for a named record ("请问…政策文件在哪里能看到？能发我一份吗？") is read as the request it is
        questions = nature == "ordinary" or (nature == "other.consultation" and asks_for_named_record(item.text))
        item_triage, note = _settle_leanings(item_triage, item.text, questions=questions, cues=cues)
        decisions.append(decide_item(item, nature, dict(item_triage.probabilities), item_views, organ,
                                     existence, match, threshold=threshold, stage=stage,
                                     own=own_matter(item.text, cues), triage_result=item_triage,
                                     request_text=request.text if single else "",
                                     request_grounds=item_grounds, third_party=third_party,
                                     told_published=told_published, told_classified=told_classified,
                                     told_outcome=told_outcome, told_absent=absent, told_security=told_security))
        if note:
            decisions[-1].staff_reasons.insert(0, note)
        if vague and listed and decisions[-1].code in (*RELEASED, "partial") and not item_views:
            d = decisions[-1]  # this item alone names nothing to search for: the 补正 notice asks for it
            d.code, d.pending, d.letter_reasons = "other.correction", False, list(vague)
            d.staff_reasons = [ITEM_CORRECTION_NOTE] + \
                [r for r in d.staff_reasons if r != NOT_SEARCHED_NOTE]
        repeated = told_item_repeat(item.text) if listed and not item_views else None
        if repeated:  # "2.…本人曾于…就同一…提出过申请，贵局已于…作出答复": that item only (第三十六条第（六）项)
            d = decisions[-1]
            d.code, d.pending, d.letter_reasons, d.record_correction = "no_action.duplicate", False, [], False
            d.staff_reasons = [ITEM_REPEAT_NOTE.format(told=repeated[:60])] + \
                [r for r in d.staff_reasons if r != NOT_SEARCHED_NOTE]
            item_repeats = True
        _note_told(decisions[-1], told_search, told_maker, told_outcome, asked=bool(prohibited))
        if told_security and decisions[-1].code == "withhold.security_stability":
            decisions[-1].staff_reasons.append(TOLD_SECURITY_NOTE.format(told=told_security[:80]))
        if issuer and single and decisions[-1].organ.agency == issuer and decisions[-1].organ.evidence == "request":
            decisions[-1].staff_reasons.append(TOLD_ISSUER_NOTE.format(maker=issuer))
    if not decisions:
        organ = _told_organ(item_organ(request.text, views, agency_name, agency_configured), told_maker)
        existence = search_state(views, views, search_record or told_search)
        request_triage, note = _settle_leanings(request_triage, without_caption(request.text), cues=cues)
        decisions.append(decide_item(None, None, dict(request_triage.probabilities), views, organ, existence, None,
                                     threshold=threshold, stage=stage, own=False, request_text=request.text,
                                     triage_result=request_triage, request_grounds=request_grounds,
                                     third_party=third_party, told_published=told_published, told_classified=told_classified,
                                     told_outcome=told_outcome, told_absent=absent, told_security=told_security))
        if note:
            decisions[-1].staff_reasons.insert(0, note)
        _note_told(decisions[-1], told_search, told_maker, told_outcome, asked=bool(prohibited))
    if told_classified:
        for d in decisions:
            if d.code == "withhold.state_secret":
                told = told_classified if len(told_classified) <= 80 else told_classified[:80] + "…"
                d.staff_reasons.append(TOLD_CLASSIFIED_NOTE.format(told=told))
    # 7 怎么答
    decision = combine(request, triage_result, views, catalog_matches, items, decisions, missing,
                   threshold=threshold, history=history, procedure=procedure,
                   questions=unasked_questions(request, items, cues),
                   repeat=None if history or item_repeats else
                   (narrated_repeat(request.text, cues) or (letter_repeat(request.text) if single else None)),
                   told_procedure=told_procedure, answered_correction=answered, item_repeats=item_repeats)
    decision.request_grounds = list(request_grounds or [])
    return decision


_ALL_ITEMS_RE = lazy_re.compile(r"以上|上述|前述|上列|这些|所列|各项")


def claim_about_all_items(text: str, items) -> str | None:
    """The applicant's claim that the information is published, told in a sentence outside the items that points to
    all of them ("以上信息如已在贵局网站发布，告知网址即可", "上述文件均已在官网公示"); None when there is none."""
    rest = text
    for item in items:
        if item.text:
            rest = rest.replace(item.text, "")
    for sentence in re.split(r"[。！？!?\n]", rest):
        if _ALL_ITEMS_RE.search(sentence):
            claim = published_claim(sentence)
            if claim:
                return claim
    return None


TOLD_CLASSIFIED_NOTE = ("申请材料写明该信息已依法定密（“{told}”）：这是材料中的说法。答复前请核对文件的密级标志、定密依据和保密期限"
                        "（第十四条、第十七条）；已解密或超过保密期限的，按一般申请处理。")
ITEM_REPEAT_NOTE = ("此项写明此前已就相同信息申请并获答复（“{told}”）：按重复申请告知不予重复处理（第三十六条第（六）项）；请查询本机关的"
                    "答复记录（决定库），核实前次答复的日期和文号与此项所列相同，其余事项照常答复。")
TOLD_SECURITY_NOTE = ("复述中写明了机关说明的危害（“{told}”），复议机关或法院予以维持：据此拟定“危及三安全一稳定”。这不是本机关的"
                      "审查结论，检索到文件后须写明涉及哪一种安全、何种危害及其可能性（第十四条）。")
TOLD_CLASSIFIED_PROBABILITY = 0.95  # a marking the organ reports is near-certain evidence; staff still check it


def _without_grounds(request_grounds, triage_result, rejected: set[str]):
    """``request_grounds`` without the ``rejected`` grounds, and the triage with their withholding codes folded into
    the ordinary request."""
    from reviewer.decide.ranking import GROUND_CODE
    from reviewer.decide.triage import set_aside

    grounds = [g for g in (request_grounds or []) if g.ground not in rejected]
    for code in {GROUND_CODE[g] for g in rejected if g in GROUND_CODE}:
        triage_result, _, _ = set_aside(triage_result, code)
    return grounds, triage_result


def _with_state_secret(request_grounds):
    """``request_grounds`` with the state-secret ground named at :data:`TOLD_CLASSIFIED_PROBABILITY` (a restatement or
    case note tells that the organ found the record classified)."""
    import dataclasses

    from reviewer.decide.ranking import RequestGround

    grounds = list(request_grounds or [])
    for k, g in enumerate(grounds):
        if g.ground == "state_secret":
            grounds[k] = dataclasses.replace(g, probability=max(g.probability, TOLD_CLASSIFIED_PROBABILITY),
                                             evidence=g.evidence + ["材料写明该信息已定密"])
            break
    else:
        grounds.append(RequestGround("state_secret", TOLD_CLASSIFIED_PROBABILITY, evidence=["材料写明该信息已定密"]))
    return sorted(grounds, key=lambda g: -g.probability)


def _told_organ(organ: OrganCheck, told_maker: str | None, issuer: str | None = None) -> OrganCheck:
    """The organ check, with the other organ a restatement says made the record (:func:`narrated_maker`) when the item
    names none itself; else the issuer a one-item request names beside the item (:func:`told_issuer`)."""
    if told_maker and (organ.responsible == "own" or organ.evidence == "competence"):  # the named organ, not its kind
        return OrganCheck("other", told_maker, [], "request")
    if issuer and organ.responsible == "own" and not organ.unverified_maker:
        return OrganCheck("other", issuer, [], "request")
    return organ


TOLD_SEARCH_NOTE = ("申请材料叙述了机关的检索经过和结果（“{told}”）：这是材料中的说法，不是本机关的检索记录。答复“信息不存在”前，"
                    "请按本机关实际检索的系统、关键词和期间填写检索情况（指导案例101号）；检索到的，按一般申请答复。")
TOLD_MAKER_NOTE = ("申请材料写明该信息由{maker}制作或保存、本机关未获取：请核实后按第十条告知申请人向{maker}申请；"
                   "本机关实际保存该信息的，按一般申请答复。")


ITEM_CORRECTION_NOTE = ("该项没有写明所需信息的名称、文号或者便于查询的特征性描述，单独读来也不明确：请在一次性补正告知中请申请人"
                        "就该项作出补正（第二十九条第二款第（二）项、第三十条）；其余事项照常检索答复。")


TOLD_ISSUER_NOTE = ("申请写明该信息的发证、作出或者调查机关为{maker}：请核实；确由{maker}制作的，按第十条告知申请人向其申请"
                    "（本机关只保存副本的也是如此）；本机关制作的，按一般申请答复。")


TOLD_OUTCOME_NOTE = ("申请材料叙述了机关对该信息的说明（“{told}”）：这是材料中的说法。请按本机关的档案、检索记录或案件办理"
                     "情况核实后再采用此答复类型；核实不符的，按申请的实际内容处理。")


def _note_told(d: ItemDecision, told_search: str | None, told_maker: str | None,
               told_outcome: tuple[str, str] | None = None, asked: bool = False) -> None:
    """Staff notes on a draft that rests on what a restatement tells (the search, the maker, the organ's account), or
    on the kind of record asked (``asked``: :func:`~reviewer.decide.prohibited.asked_prohibited`)."""
    if asked and told_outcome and d.code == told_outcome[0]:
        d.staff_reasons.append(PROHIBITED_ASKED_NOTE.format(asked=told_outcome[1][:60]))
    elif told_outcome and d.code == told_outcome[0]:
        told = told_outcome[1] if len(told_outcome[1]) <= 80 else told_outcome[1][:80] + "…"
        d.staff_reasons.append(TOLD_OUTCOME_NOTE.format(told=told))
    if told_maker and d.code == "unavailable.other_agency" and d.organ.agency == told_maker:
        d.staff_reasons.append(TOLD_MAKER_NOTE.format(maker=told_maker))
    elif told_search and d.code == "unavailable.not_held":
        told = told_search if len(told_search) <= 80 else told_search[:80] + "…"
        d.staff_reasons.append(TOLD_SEARCH_NOTE.format(told=told))


def _item_missing(text: str, item_triage: TriageResult) -> list[str]:
    """One item of a list that names nothing a search could find ("关于那个事的批文（去年春天那个）", "跟我家有关的所有文件")
    while the item read alone is unclear: its description is missing (第二十九条第二款第（二）项), and the one 补正 notice
    asks for it; the other items are answered (第三十条)."""
    from reviewer.decide.description import UNCLEAR_TRIAGE_MIN, has_characteristic, names_matter

    p = float((getattr(item_triage, "probabilities", None) or {}).get("other.correction", 0.0))
    if p >= UNCLEAR_TRIAGE_MIN and not has_characteristic(text) and not names_matter(text):
        return [DESCRIPTION_ELEMENT]
    return []


def _settle_correction(triage_result: TriageResult, missing: list[str]) -> TriageResult:
    """No named element missing, no 补正 (第三十条): the triage's 补正 share is then an ordinary request's."""
    return triage_result if missing else _without_correction(triage_result)


def _questions_beside_the_item(request, item, request_triage: TriageResult, cues) -> bool:
    """The one item asks for a record while the request read as a whole is a consultation only because of questions
    outside the item (listed for staff by :func:`~reviewer.decide.mixed.unasked_questions`, or a protest left out)."""
    if item is None or request_triage.top != "other.consultation" or re.search(r"[？?]", item.text):
        return False
    if not DISCLOSURE_DEMAND_RE.search(item.text) and not asks_for_named_record(item.text) \
            and not INFO_HEAD_RE.search(item.text):
        return False
    # a question outside the item: one listed for staff, or a protest left out ("…，这还有没有天理")
    outside = request.text.replace(item.text, "")
    return len(item.text) < len(request.text) and (re.search(r"[？?]", outside) is not None or is_rhetorical(outside))


def _settle_leanings(triage_result: TriageResult, text: str, questions: bool = True,
                     cues=None) -> tuple[TriageResult, str | None]:
    """The classifier's leanings set aside on a rule, with the staff note: 有没有 — 需加工 of a named existing record
    (:func:`~reviewer.decide.existence.settle_creation`); 是不是 — 咨询 that demands a named record
    (:func:`~reviewer.decide.leanings.settle_consultation`) and 信访 that asks only for records
    (:func:`~reviewer.decide.leanings.settle_petition`), only for an item read as ordinary (``questions``); 确认/重新出具
    and 公开出版物 without the words that ask for them (:func:`~reviewer.decide.leanings.settle_confirm`,
    :func:`~reviewer.decide.leanings.settle_publication`)."""
    triage_result, creation = settle_creation(triage_result, text)
    triage_result, certify = settle_confirm(triage_result)
    triage_result, published = settle_publication(triage_result)
    asked = acting = None
    if questions:
        triage_result, asked = settle_consultation(triage_result, text)
        if cues is not None:
            triage_result, acting = settle_petition(triage_result, text, cues)
    return triage_result, " ".join(n for n in (asked, acting, certify, published, creation) if n) or None


def _without_correction(triage_result: TriageResult) -> TriageResult:
    """The triage with its 补正 probability folded into the ordinary share (not spread over the other
    request-level outcomes by renormalising: a 0.99 "unclear" must not turn a 0.002 outcome into a leader)."""
    from reviewer.decide.triage import set_aside

    return set_aside(triage_result, "other.correction")[0]


def _item_signals(text: str, cues, triage_model=None, grounds_model=None):
    """Triage and request grounds of one item of a multi-item request, from the item's own text: its cues,
    and the classifiers when given (they are trained on single items too — the item-list corpora)."""
    from reviewer.decide.ranking import request_grounds
    from reviewer.decide.triage import triage

    result = triage(text, cues, triage_model)
    return result, request_grounds(text, result, grounds_model)


def combine(request, triage_result, views, catalog_matches, items, decisions: list[ItemDecision], missing,
            *, threshold: float, history: dict | None, procedure: str | None, questions: list[str] = (),
            repeat: CueHit | None = None, told_procedure: ToldProcedure | None = None,
            answered_correction: bool = False, item_repeats: bool = False) -> Decision:
    """Step 怎么答: one code for the reply, the ranked candidates, staff reasons and actions.  ``repeat``: the request
    tells an earlier answered application of the same content (:func:`narrated_repeat`; no office history given).
    ``told_procedure``: a restatement's account of what became of the application (a 补正 or fee notice, reasons
    asked for, a withdrawal; :mod:`reviewer.decide.told_procedure`) when the office gave no procedure of its own.
    ``answered_correction``: the applicant's letter says it answers the organ's 补正 notice
    (:func:`~reviewer.decide.told_procedure.answers_correction`); a description still missing is then 无法提供
    (申请内容不明确), not a second 补正.  ``item_repeats``: some listed items were told as asked before and answered; they
    are answered as repeats and the rest as they are, so 重复申请 does not decide the whole letter."""
    scores = _mean([d.scores for d in decisions])
    # a complaint or a question asks for no information: no description of it is missing (第二十九条第二款第（二）项)
    asks_nothing = bool(decisions) and all(d.code in ("no_action.petition", "other.consultation") for d in decisions)
    if missing and not (asks_nothing and missing == [DESCRIPTION_ELEMENT]):
        scores["other.correction"] = max(scores.get("other.correction", 0.0), 0.55 + 0.1 * len(missing))
    else:
        # 补正 needs a named missing element (第三十条): a vague-sounding text alone is not one.
        scores.pop("other.correction", None)
    if history:
        for code, p in history.get("candidates", {}).items():
            scores[code] = max(scores.get(code, 0.0), p)
    elif repeat is not None:
        scores[repeat.outcome] = max(scores.get(repeat.outcome, 0.0), repeat.weight + NARRATED_REPEAT_SHARE)
    if procedure == "corrected" and "other.correction" in scores:
        # 补正 is one-time (第三十条, pitfall 8): after a 补正 round an unclear request is 无法提供.
        scores["unavailable.unclear"] = scores.pop("other.correction")
    elif procedure == "corrected" and any(c == "other.correction" for c in triage_result.probabilities
                                           if triage_result.rule_scores.get(c, 0) > 0):
        scores["unavailable.unclear"] = max(scores.values(), default=0.0) + 0.5
    answered_unclear = answered_correction and "other.correction" in scores and DESCRIPTION_ELEMENT in missing
    if answered_unclear:  # the applicant's own 补正 answer still names nothing a search could find
        scores["unavailable.unclear"] = scores.pop("other.correction")
    if told_procedure is not None and told_procedure.items and not procedure and len(decisions) > 1:
        # the step concerns some numbered items only ("就第二项发出《补正告知书》"): those items take its code, the others
        # are answered as they are (第三十条 and 第四十二条 apply to what the notice asked for)
        indexes = {d.item.index for d in decisions if d.item is not None}
        if set(told_procedure.items) <= indexes and len(set(told_procedure.items)) < len(indexes):
            for d in decisions:
                if d.item is not None and d.item.index in told_procedure.items:
                    d.code, d.pending, d.letter_reasons, d.record_correction = told_procedure.code, False, [], False
                    d.staff_reasons.insert(0, told_procedure.note())
            told_procedure = None
    if procedure in PROCEDURE_CODES:
        scores[PROCEDURE_CODES[procedure]] = max(scores.values(), default=0.0) + 1.0
    elif told_procedure is not None:  # a restatement's account of the procedure: leads, the rest stay ranked below it
        scores[told_procedure.code] = max(scores.values(), default=0.0) + TOLD_PROCEDURE_LEAD
    item_codes = [d.code for d in decisions]
    # A procedure's code decides the whole request only when that procedure was given: 其他处理 is also an item's
    # answer to a request to correct the applicant's own record (第四十一条), answered item by item.
    overrides = {"other.correction", "unavailable.unclear", *(() if item_repeats else ("no_action.duplicate",)),
                 *([PROCEDURE_CODES[procedure]] if procedure in PROCEDURE_CODES else []),
                 *([told_procedure.code] if told_procedure is not None else [])}
    top = max(scores, key=scores.get) if scores else item_codes[0]
    if top in overrides and scores.get(top, 0) >= max((s for c, s in scores.items() if c not in overrides),
                                                         default=0.0):
        code = top
        item_codes = [code] * len(item_codes)
        for d in decisions:  # the procedure decides the whole request
            d.code, d.pending, d.letter_reasons, d.record_correction = code, False, [], False
    else:
        _fold_into_complaint(decisions)
        item_codes = [d.code for d in decisions]
        code = reply_code(item_codes)
    total = sum(scores.values()) or 1.0
    ranked = _ensure_three(sorted(((c, p / total) for c, p in scores.items()), key=lambda kv: -kv[1]), code)
    reasons, actions, warnings = _staff_notes(request, triage_result, views, decisions, code, missing, history, repeat)
    if told_procedure is not None and code == told_procedure.code:
        reasons.insert(0, told_procedure.note())
    if answered_unclear and code == "unavailable.unclear":
        reasons.insert(0, ANSWERED_CORRECTION_NOTE)
    if questions and code not in ("other.correction", "no_action.petition", "other.consultation"):
        actions.append("申请中还有提问，未列为申请事项：" + "、".join(f"“{q}”" for q in questions) +
                       "。不属于申请获取政府信息（第二条），可另行解答或告知咨询渠道；如某一提问实为要求提供某项记录，请列为事项答复。")
    reasons += _runner_up_evidence(triage_result, ranked, code)
    extra_articles = []
    for d in decisions:
        if d.code == "partial" or (code == "partial" and d.code.startswith("withhold.")):
            for article in d.citations:
                if article not in extra_articles:
                    extra_articles.append(article)
    third_party = any(d.third_party for d in decisions) and code not in overrides
    other_agency = next((d.organ.agency for d in decisions if d.code == "unavailable.other_agency"), None)
    letter_reasons = [r for d in decisions if d.code == code for r in d.letter_reasons]
    if code == "other.correction":
        letter_reasons = list(missing)
    return Decision(
        code, ranked, reasons, actions, extra_articles, views, _grounds(views), third_party,
        other_agency, catalog_matches, item_codes,
        warnings, letter_reasons, [d.letter_reasons for d in decisions], [d.item for d in decisions if d.item],
        decisions, missing)


# The application form a restatement names ("某申请人填写《政府信息公开申请表》") is no record asked for.
# The form and its fields as a restatement names them ("《政府信息公开申请表》", "“申请公开的信息”栏填写：").
_APPLICATION_FORM_RE = lazy_re.compile(r"《?政府信息公开申请(?:表|书)》?|申请表(?=[“\"「]|中|内|上)|"
                                  r"[“\"「]?(?:申请公开的?|所需的?)(?:政府)?信息(?:的)?(?:内容)?(?:描述|名称)?[”\"」]?"
                                  r"(?:一)?栏(?:内|中)?(?:填写|写明|写道|载明|填|写)?(?:的是|为)?[：:]?[“\"「]?")


# The law a letter invokes or an article it asks about, and the letter itself ("现依据…之规定致函贵委", "根据有关规定",
# "《某市物业管理条例》第三十条所称…是否包括…"): no record asked for.
_LAW_CITED_RE = lazy_re.compile(r"(?:依据|根据|按照|依照)(?:《[^》]{2,40}》)?[^。；，《]{0,30}?(?:之|的|有关)?规定|"
                           r"(?:依据|根据|按照|依照)《[^》]{2,40}》|《[^》]{2,40}》第[一二三四五六七八九十百零〇\d]{1,6}条|致函|来函")


# Words that name something kept, however hedged ("该项目的招标文件", "信用评价结果", "噪声监测数据").
_KEPT_WORDS_RE = lazy_re.compile(r"文件|材料|资料|数据|结果|信息|情况|依据|记录|内容|文本|全文|复印件")


def _names_no_record(text: str) -> bool:
    """Whether ``text`` names nothing a search could find: no title, 文号, kind of document (hedged or not), matter or
    word for something kept."""
    from reviewer.decide.description import DOCUMENT_KIND_RE, has_characteristic, names_matter
    from reviewer.decide.leanings import _RECORD_WORDS_RE

    text = _LAW_CITED_RE.sub("", _APPLICATION_FORM_RE.sub("", text or "")).replace("信息内容", "")
    return not (has_characteristic(text) or names_matter(text) or _RECORD_WORDS_RE.search(text)
                or DOCUMENT_KIND_RE.search(text) or _KEPT_WORDS_RE.search(text))


def _fold_into_complaint(decisions: list[ItemDecision]) -> None:
    """A letter with a complaint item whose other "items" name no record — the facts complained of ("举报邻村村民刘某
    擅自采伐杉木约30株"), a restatement's frame — is one complaint (第三十九条第一款): those items take the complaint's
    code, so no record is drafted as given that nobody asked for.  So with a question: the story told before it
    ("…栏填写：“退休后随子女到外省异地安置，在居住地住院的医保报销比例是按…还是按…？”") is part of the question."""
    lead = next((code for code in ("no_action.petition", "other.consultation")
                 if any(d.code == code for d in decisions)), None)
    if lead is None:
        return
    for d in decisions:
        if d.code in RELEASED and d.item is not None and not d.views and _names_no_record(d.item.text):
            d.code = lead


def reply_code(item_codes: list[str]) -> str:
    """One code for the whole reply (annual report): partial when some items are given and others withheld.  An item
    asked about in the 补正 notice does not decide the reply to the items answered."""
    if len(set(item_codes)) == 1:
        return item_codes[0]
    item_codes = [c for c in item_codes if c != "other.correction"] or item_codes
    if len(set(item_codes)) == 1:
        return item_codes[0]
    withheld = [c for c in item_codes if c.startswith("withhold.") or c == "partial"]
    released = [c for c in item_codes if c in RELEASED]
    if withheld and released:
        return "partial"
    if "partial" in item_codes:
        return "partial"
    for preferred in ("disclose", "disclose.published"):
        if preferred in item_codes:
            return preferred
    if "no_action.petition" in item_codes and set(item_codes) <= _PETITION_LEADS:
        # a complaint with a question or a party record beside it ("…到底收了人家多少好处？要求立即关停这家厂"): the letter is
        # a complaint in the form of an application (第三十九条第一款), answered and counted as one
        return "no_action.petition"
    return item_codes[0]


# The item codes a complaint leads when no item asks for a record to give or withhold.
_PETITION_LEADS = frozenset({"no_action.petition", "other.consultation", "other.not_gov_info"})


def _staff_notes(request, triage_result, views, decisions: list[ItemDecision], code, missing, history, repeat=None):
    """Staff-facing reasons (may name files, rules and probabilities), actions and warnings."""
    reasons: list[str] = []
    actions: list[str] = []
    warnings: list[str] = []
    if code == "other.correction":
        for m in missing:
            reasons.append(f"申请缺少：{m}（第二十九条第二款）。")
        actions.append("自收到申请之日起 7 个工作日内一次性发出补正告知书（第三十条），答复期限自收到补正之日起计算。")
    elif request.missing and not all(d.record_correction for d in decisions):
        warnings.append("申请未写明获取信息的方式、途径：不需补正，可按第四十条根据申请人的要求和本机关保存信息的实际情况确定提供形式。")
    if triage_result.top == "other.correction" and code != "other.correction":
        reasons.append("申请分流倾向“补正”（申请内容可能不明确），但申请未缺少第二十九条第二款规定的内容；补正须一次性写明"
                       "需要补正的事项（第三十条），因此未采用，按申请的实际内容处理。如确实无法确定所指信息，请写明需补正的具体内容。")
    own = any(d.own_matter for d in decisions)
    for hit in triage_result.hits:
        if hit.outcome == code and (own or "privacy" not in hit.against):
            # (the own-information cue's "申请的是申请人本人或本户的信息" only where an item is the applicant's own matter:
            # "我家房子被邻居违建挡光" names 我家 but asks about the neighbour's building)
            reasons.append(f"{hit.message}（线索 {hit.cue}：“{hit.text}”）")
    multi = len(decisions) > 1
    for d in decisions:
        prefix = f"事项{d.item.index}：" if multi and d.item else ""
        reasons += [prefix + r for r in d.staff_reasons]
        actions += [a for a in d.actions if a not in actions]
        if d.existence == NOT_SEARCHED and d.item is not None and d.pending:
            actions.append(search_plan(d.item))
        if d.existence == UNREADABLE:
            warnings.append(f"{prefix}候选文件未能读取（如扫描件）：不能据此答复“信息不存在”，请人工阅读原件后再审查。")
    if code == "unavailable.unclear":
        reasons.append("申请人已补正一次，申请内容仍不明确；补正只能一次性告知，不再重复补正（第三十条）。")
    if code == "other.correction_lapsed":
        reasons.append("申请人无正当理由逾期不补正，视为放弃申请，本机关不再处理（第三十条）。")
    if code == "other.fee_unpaid":
        reasons.append("申请人逾期未按收费通知缴纳信息处理费，本机关不再处理（第四十二条）。")
    if code == "no_action.excessive":
        reasons.append("已要求申请人说明理由，经审核理由不合理，按第三十五条不予处理。")
        actions.append("核对说明理由告知书的送达记录和申请人的回复，留存备查（第三十五条）。")
    if repeat is not None:
        reasons.append(f"申请写明此前已就相同内容申请并获答复，此次又以相同内容申请（线索 {repeat.cue}：“{repeat.text[-40:]}”）："
                       "请查询本机关的答复记录（决定库），核实此前答复的日期和文号；确已就相同信息作出答复的，依第三十六条第（六）项"
                       "告知不予重复处理，答复书写明此前答复的日期和文号；内容有变化或此前未实际答复的，按新申请处理。")
    elif not history and REPEAT_CLAIM_RE.search(request.text or ""):
        actions.append("申请中提到此前已申请过：请查询本机关的答复记录（决定库）；已就相同信息作出答复的，可按第三十六条第（六）项告知"
                       "不予重复处理，并写明此前答复的日期和文号。")
    if history:
        for line in history.get("evidence", []):
            (reasons if code == "no_action.duplicate" else actions).append(line)
    if code == "other.other" and not any(d.record_correction for d in decisions):
        reasons.append("其他处理（如申请人撤回申请）：请在答复书中写明具体情况。")
    if any(v.markings for v in views):
        actions.append("文件标注“工作秘密/内部资料/注意保存”等：标注本身不是不予公开的法定理由，须对应到第十四、十五或十六条，否则不能据此不公开。")
    for v in views:
        if not v.readable:
            warnings.append(f"候选文件《{v.name}》未能审查：{v.error}")
    linked = {id(v) for d in decisions for v in d.views}
    for v in views:
        if v.readable and id(v) not in linked:
            warnings.append(f"候选文件《{v.name}》与各申请事项均不对应，未用于答复；如确属某一事项，请单独审查该事项。")
    if not reasons:
        reasons.append("见各事项的答复。")
    return reasons, actions, warnings


def _runner_up_evidence(triage_result, ranked: list[tuple[str, float]], code: str) -> list[str]:
    """Staff view: the cues behind the other request-level candidates among the first three."""
    from reviewer.decide.outcome import CUE_ONLY_NAMES
    from reviewer.vocab import TRIAGE_NAMES_ZH

    names = {**CUE_ONLY_NAMES, **TRIAGE_NAMES_ZH}
    lines = []
    for other, _p in ranked[1:3]:
        for hit in triage_result.hits:
            if hit.outcome == other != code and other in names \
                    and not (getattr(hit, "ground", None) or getattr(hit, "against", None)):
                lines.append(f"备选“{names[other]}”：{hit.message}（线索 {hit.cue}：“{hit.text}”）")
    return lines


def _mean(dists: list[dict[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for d in dists:
        for k, v in d.items():
            out[k] = out.get(k, 0.0) + v / len(dists)
    return out


def _ensure_three(ranked: list[tuple[str, float]], code: str) -> list[tuple[str, float]]:
    """The chosen code first, then the others by probability; at least three candidates."""
    probs = dict(ranked)
    result = [(code, probs.pop(code, 0.0))]
    result += sorted(probs.items(), key=lambda kv: -kv[1])
    for filler in ("disclose", "unavailable.not_held", "partial", "other.correction"):
        if len(result) >= 3:
            break
        if filler not in dict(result):
            result.append((filler, 0.0))
    return result


def _grounds(views: list[DocumentView]) -> dict[str, dict]:
    grounds: dict[str, dict] = {}
    for v in views:
        for ground, p in {**v.document_grounds, **v.span_grounds}.items():
            entry = grounds.setdefault(ground, {"label": CATEGORY_LABELS[ground], "probability": 0.0,
                                                "article": GROUND_ARTICLE[ground], "evidence": []})
            entry["probability"] = round(max(entry["probability"], p), 3)
    return grounds
