"""Steps 给不给 and 怎么给 for one requested item: its grounds, its outcome, its own reasons and citations.

Each item is decided from ITS documents only (nothing leaks between items).  Without a readable document
the ranking comes from the request itself (:func:`request_prior`) and 信息不存在 is never chosen until a
search record is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.decide.documents import DocumentView
from reviewer.decide.existence import FOUND, NOT_SEARCHED, SEARCHED_NONE, UNREADABLE
from reviewer.decide.organ import OrganCheck
from reviewer.detect.findings import CATEGORY_LABELS
from reviewer.text import lazy_re

WITHHOLD_CODE = {
    "state_secret": "withhold.state_secret",
    "law_prohibited": "withhold.law_prohibited",
    "security_stability": "withhold.security_stability",
    "internal_affairs": "withhold.internal_affairs",
    "process_info": "withhold.process_info",
    "enforcement_file": "withhold.enforcement_file",
    "privacy": "withhold.third_party",
    "trade_secret": "withhold.third_party",
}
GROUND_ARTICLE = {
    "state_secret": "第十四条",
    "law_prohibited": "第十四条",
    "security_stability": "第十四条",
    "privacy": "第十五条",
    "trade_secret": "第十五条",
    "internal_affairs": "第十六条第一款",
    "process_info": "第十六条第二款",
    "enforcement_file": "第十六条第二款",
}
# Applicant-facing reason per ground: legal language, never the content, a file name or a rule.
GROUND_LETTER_REASON = {
    "state_secret": "该信息载体标有国家秘密标志，属于依法确定的国家秘密",
    "law_prohibited": "法律、行政法规规定该类信息不得公开",
    "security_stability": "该信息涉及安全防范工作的具体部署，公开后可能危及公共安全和社会稳定",
    "internal_affairs": "该信息系本机关内部管理中形成的信息，不对外产生直接约束力",
    "process_info": "该信息系研究讨论过程中形成的记录，不是正式作出的决定",
    "enforcement_file": "该信息系行政执法过程中形成的案卷材料",
    "privacy": "该信息涉及第三方的个人隐私，公开会对第三方合法权益造成损害",
    "trade_secret": "该信息涉及第三方的商业秘密，公开会对第三方合法权益造成损害",
}
# A request to correct a record about the applicant (第四十一条): no reply type of its own, answered as 其他处理.
RECORD_CORRECTION = "other.other"
# Applicant-facing reasons for outcomes read from the request itself.
REQUEST_LETTER_REASON = {
    "no_action.petition": "申请内容系要求行政机关查处、处理、追究责任或者赔偿等诉求",
    "unavailable.needs_creation": "申请内容需要对现有信息进行统计、汇总、分析后方能形成",
    "withhold.third_party": "申请获取的是他人的个人信息",
    "withhold.query_matter": "申请查询的是本人的个人记录",
    RECORD_CORRECTION: "您认为本机关提供的与您自身相关的政府信息记录不准确并要求予以更正，该申请不属于申请获取政府信息，"
                       "依照《中华人民共和国政府信息公开条例》第四十一条办理",
}
# A complaint told without a demand to act (no demand cue — 查处、追责、赔偿、给个说法 … — fired, only words such as 投诉、举报):
# the letter says what the request is, not a demand it does not make.
PETITION_WORDS_REASON = "申请内容系投诉、举报或者反映问题"
def demand_made(triage_result) -> bool:
    """Whether a petition cue that demands action (查处、追责、赔偿、给个说法 …) fired in the triaged text: one at least
    as strong as :data:`~reviewer.decide.nature.WEAK_PETITION_MAX` (below it, a word such as 投诉、举报)."""
    from reviewer.decide.nature import WEAK_PETITION_MAX

    return any(h.outcome == "no_action.petition" and h.weight >= WEAK_PETITION_MAX
               for h in (getattr(triage_result, "hits", None) or []))


# Request-level outcomes: decided by what the request asks, whatever the documents hold.  ``other.other`` is
# only ever proposed by the record-correction cue (TRI039): a request to correct the applicant's own record.
REQUEST_LEVEL = ("no_action.petition", "other.consultation", "no_action.publication", "other.special_procedure",
                 "other.not_gov_info", "no_action.confirm", "withhold.query_matter", "other.correction",
                 RECORD_CORRECTION)
# Names of the request-level outcomes that have no triage label (proposed by cues only), for staff notes.
CUE_ONLY_NAMES = {"withhold.query_matter": "行政查询事项", RECORD_CORRECTION: "更正本人信息记录（第四十一条）"}
# Outcomes a request's text may point to that the documents decide once they are in hand.
DOCUMENT_DECIDED = ("unavailable.needs_creation", *WITHHOLD_CODE.values())
def request_prior(request_text: str, triage_result=None, request_grounds=None, beside_text: str | None = None,
                  redaction: bool = False) -> dict[str, float]:
    """Ranking of document-level reply codes from the request alone (no document in hand).

    The one place where the request's own signals replace a fixed table: the grounds the request text
    implicates (``request_grounds``: the request-grounds model and cues, :mod:`reviewer.decide.ranking`;
    or withholding codes hinted by the triage cues) spread the ordinary share over the outcomes.  ``beside_text``: where
    to look for public records listed beside a withheld one (:func:`~reviewer.decide.public_beside.lists_public_beside`),
    when not ``request_text`` — a one-item request's item with the sentences after it that say what the record holds ("…的审计报告。据申请人了解，该报告附件一列有借款人姓名和身份证号码").
    ``redaction``: the applicant offers to take the record without the personal data (read by the caller on the
    whole request, :func:`~reviewer.decide.public_beside.redaction_offered`) — 部分公开 as for a public record beside."""
    from reviewer.decide.public_beside import lists_public_beside
    from reviewer.decide.ranking import GROUND_CODE, document_prior
    from reviewer.decide.roster import lists_people

    if request_grounds and isinstance(request_grounds, dict) and all(k in GROUND_CODE.values()
                                                                      for k in request_grounds):
        by_code = {code: ground for ground, code in GROUND_CODE.items() if ground != "trade_secret"}
        request_grounds = {by_code[code]: p for code, p in request_grounds.items() if code in by_code}
    from reviewer.decide.public_beside import holds_personal_in_brackets

    if holds_personal_in_brackets(beside_text or request_text):
        # a public record with the personal data it holds told beside it ("处罚决定书（决定书上写有他的身份证号）"): those
        # data are the privacy to weigh even when no cue or classifier named it — 部分公开 (第三十七条)
        if not isinstance(request_grounds, dict):
            request_grounds = {r.ground: r.probability for r in request_grounds or []}
        request_grounds = {**request_grounds, "privacy": max(request_grounds.get("privacy", 0.0), TOLD_FIELDS_PRIVACY)}
    return document_prior(request_grounds, roster=lists_people(request_text),
                          beside=redaction or lists_public_beside(beside_text or request_text, triage_result))


TOLD_FIELDS_PRIVACY = 0.6  # the privacy a told personal field implies at least (see request_prior)


@dataclass
class ItemDecision:
    """The outcome of one item, with its own documents, reasons and citations."""

    item: object | None
    code: str
    scores: dict[str, float]
    views: list[DocumentView]
    organ: OrganCheck
    existence: str
    catalog_match: dict | None = None
    letter_reasons: list[str] = field(default_factory=list)  # applicant-facing
    staff_reasons: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)  # ground articles of this item only
    withheld: list = field(default_factory=list)  # separable findings to withhold (partial)
    third_party: bool = False
    pending: bool = False  # not yet searched / unreadable: the outcome is only a ranking
    hold: str | None = None  # why a pending outcome waits (HOLD_*): None = the search
    own_matter: bool = False
    record_correction: bool = False  # a request to correct the applicant's own record (第四十一条)
    demand_made: bool = False  # a demand cue fired (查处、追责、赔偿 …): a complaint's letter may say so


# A pending outcome that waits for the 定密机关 to confirm a 密级 marking's expiry (not for a search).
HOLD_DECLASSIFICATION = "declassification"


def document_distribution(views: list[DocumentView], threshold: float, stage: str | None) -> dict[str, float]:
    """Distribution over document-level reply codes given an item's readable documents (step 给不给)."""
    weights: dict[str, float] = {}
    readable = [v for v in views if v.readable]
    doc_level: dict[str, float] = {}
    for v in readable:
        for ground, p in v.document_grounds.items():
            if ground == "process_info" and stage == "decided":
                p *= 0.5
            doc_level[ground] = max(doc_level.get(ground, 0.0), p)
    span_level: dict[str, float] = {}
    for v in readable:
        for ground, p in v.span_grounds.items():
            span_level[ground] = max(span_level.get(ground, 0.0), p)
    clean_share = 1.0
    for p in doc_level.values():
        clean_share *= 1.0 - p
    for ground, p in doc_level.items():
        code = WITHHOLD_CODE[ground]
        weights[code] = max(weights.get(code, 0.0), p)
    p_span = max(span_level.values(), default=0.0)
    # Exempt parts that can be separated → partial; only rarely is the whole document third-party data.
    weights["partial"] = p_span * clean_share * 0.9
    weights["withhold.third_party"] = max(weights.get("withhold.third_party", 0.0), p_span * clean_share * 0.15)
    if len(readable) > 1 and doc_level:
        clean_docs = sum(1 for v in readable if not v.document_grounds) / len(readable)
        weights["partial"] += clean_docs * max(doc_level.values()) * 0.8
    weights["disclose"] = clean_share * (1.0 - p_span)
    total = sum(weights.values()) or 1.0
    return {k: v / total for k, v in weights.items() if v > 0}


def link_documents(items, views: list[DocumentView]) -> dict[int, list[DocumentView]]:
    """Attach each candidate document to the item it best matches (shared tokens of the item and the
    document's name and first lines).  A document matching no item stays unattached: it never answers an
    item it does not match (the staff view says so)."""
    from reviewer.decide.catalog import _title_tokens

    links: dict[int, list[DocumentView]] = {item.index: [] for item in items}
    if len(items) <= 1 or not views:
        for item in items:
            links[item.index] = list(views)
        return links
    item_tokens = {item.index: _title_tokens(item.text) for item in items}
    unassigned = []
    for view in views:
        doc_tokens = _title_tokens(view.title)
        best, best_index = 0.0, None
        for index, tokens in item_tokens.items():
            if tokens:
                overlap = len(tokens & doc_tokens) / len(tokens)
                if overlap > best:
                    best, best_index = overlap, index
        if best_index is not None and best >= 0.25:
            links[best_index].append(view)
        else:
            unassigned.append(view)
    return links


# The share 信息不存在 takes when a search record (the office's, or one a restatement tells) found nothing.
SEARCHED_NONE_WEIGHT = 0.6


# The share a restatement's account of the record (archived, to be compiled, a running procedure's file) takes from the
# request's own signals: above any one cue, as the organ's own finding told in the text.
TOLD_OUTCOME_WEIGHT = 0.6


def decide_item(item, nature, probabilities: dict[str, float], views: list[DocumentView], organ: OrganCheck,
                existence: str, match: dict | None, *, threshold: float, stage: str | None,
                own: bool, request_text: str = "", triage_result=None, request_grounds=None,
                third_party: str | None = None, told_published: str | None = None,
                told_classified: str | None = None, told_outcome: tuple[str, str] | None = None,
                told_absent: str | None = None, told_security: str | None = None) -> ItemDecision:
    """Steps 给不给 and 怎么给 for one item.  ``third_party``: the third party's answer to the written
    consultation (第三十二条: agree / object / none, or "partly" when a restatement tells it objected to part only),
    once the office has it.  ``told_published``: a restatement's words that the record is already published;
    ``told_classified``: its words that the organ found the record classified; ``told_outcome``: (code, sentence) of
    its account that fixes the answer (:func:`reviewer.decide.narrated.narrated_outcome`); ``told_absent``: the
    request's own words that the record was never made (:func:`reviewer.decide.narrated.told_absent`);
    ``told_security``: a restatement's account of the organ's stated security harm, upheld by the court or review body
    (:func:`reviewer.decide.narrated.narrated_security_upheld`)."""
    probabilities = dict(probabilities)
    if told_outcome and not any(v.readable for v in views):
        told_code = told_outcome[0]
        probabilities = {c: p * (1.0 - TOLD_OUTCOME_WEIGHT) for c, p in probabilities.items()}
        probabilities[told_code] = probabilities.get(told_code, 0.0) + TOLD_OUTCOME_WEIGHT
    readable = [v for v in views if v.readable]
    from reviewer.decide.public_beside import redaction_offered

    # the applicant takes the record with the personal data left out ("身份证号码、银行账号可以隐去"): 部分公开 (第三十七条)
    offered = not readable and redaction_offered(request_text or (item.text if item else ""))
    if offered and "withhold.third_party" in probabilities:
        probabilities["partial"] = probabilities.get("partial", 0.0) + probabilities.pop("withhold.third_party")
    if existence == FOUND:
        # With documents in hand, what they contain decides the grounds (and whether the information
        # exists ready-made, 第三十八条): request-text hints for those fold back into the ordinary share.
        for code in list(probabilities):
            if code in DOCUMENT_DECIDED:
                probabilities["ordinary"] = probabilities.get("ordinary", 0.0) + probabilities.pop(code)
        dist = document_distribution(readable, threshold, stage)
    else:
        text = item.text if item else request_text
        if request_grounds is None and triage_result is not None:
            # An item of a multi-item request: the cues of its own text name its grounds.
            from reviewer.decide.ranking import request_grounds as grounds_of

            request_grounds = grounds_of(text, triage_result, None)
        from reviewer.decide.public_beside import with_continuation

        hinted = {c: p for c, p in probabilities.items() if c in DOCUMENT_DECIDED}
        # a one-item request (its grounds read from the whole request) looks for public records in the item and in the
        # sentences after it that go on about the record
        whole = with_continuation(text, request_text) if request_grounds is not None and request_text else None
        dist = request_prior(text, triage_result, request_grounds if request_grounds else hinted, beside_text=whole,
                             redaction=offered)
    if existence == SEARCHED_NONE and not readable:
        # 有没有 before 给不给: a search that found nothing leaves nothing to withhold or give — 信息不存在 leads unless
        # another organ made the record (below) or a request-level outcome applies
        dist = {k: v * (1.0 - SEARCHED_NONE_WEIGHT) for k, v in dist.items()}
        dist["unavailable.not_held"] = dist.get("unavailable.not_held", 0.0) + SEARCHED_NONE_WEIGHT
    if organ.responsible == "other" or organ.unverified_maker:
        if organ.responsible == "other":
            strength = 0.9 if organ.evidence == "document" else 0.55
        else:
            strength = UNVERIFIED_MAKER_WEIGHT
        dist = {k: v * (1.0 - strength) for k, v in dist.items()}
        dist["unavailable.other_agency"] = dist.get("unavailable.other_agency", 0.0) + strength
    if match is not None:
        strength = match["score"] / 100.0
        dist = {k: v * (1.0 - strength) for k, v in dist.items()}
        dist["disclose.published"] = dist.get("disclose.published", 0.0) + strength
    claimed = None if match is not None or existence == FOUND else \
        published_claim(item.text if item else request_text) or told_published
    if claimed:
        # the applicant says where it was published (第三十六条第（一）项): to verify, then point to it
        dist = _leaning_to(dist, "disclose.published", PUBLISHED_CLAIM_WEIGHT)
    absent = told_absent if existence == NOT_SEARCHED and not claimed and match is None else None
    if absent:
        # 有没有: the request says the record was never made — a lean to 信息不存在 that only the search can confirm
        dist = _leaning_to(dist, "unavailable.not_held", ABSENT_CLAIM_WEIGHT)
    by_kind = 0.0 if absent or claimed or match is not None or existence == FOUND else published_by_kind(item.text if item else "")
    if by_kind:
        dist = _leaning_to(dist, "disclose.published", by_kind)
    p_ordinary = probabilities.pop("ordinary", 0.0)
    scores = {c: p for c, p in probabilities.items()}
    for code, p in dist.items():
        scores[code] = scores.get(code, 0.0) + p_ordinary * p
    if organ.responsible == "other":
        # 谁负责 comes before 给不给: whether another organ's information is withheld is that organ's
        # decision (第十条), so this office's withholding outcomes give way to 非本机关负责公开.
        moved = sum(scores.pop(c) for c in list(scores) if c.startswith("withhold.") or c == "partial")
        scores["unavailable.other_agency"] = scores.get("unavailable.other_agency", 0.0) + moved
    named: list = []
    # (有没有 before 给不给: a search that found nothing leaves no ground to weigh, so none is raised above 信息不存在)
    if existence not in (FOUND, SEARCHED_NONE) and organ.responsible != "other" and match is None \
            and isinstance(request_grounds, list):
        from reviewer.decide.ranking import keep_named_in_top_three, named_codes

        named = [g for g in request_grounds if g.named]  # at the request-grounds model's own threshold
        scores = keep_named_in_top_three(scores, named_codes(named))
    # a maker named while this organ's name is unknown: 非本机关负责公开 is a candidate to verify, not the draft
    held_back = ("unavailable.other_agency",) if organ.unverified_maker else ()
    if not readable and not told_security:
        # 第十四条's 三安全一稳定 needs a written statement of which safety, what harm and why it is likely
        # (ogi-law.md §4.7): the request's words alone never draft it — a candidate to check after the search.
        # A restatement telling that statement, upheld, is more than the request's words.
        held_back += (SECURITY_CODE,)
    if not readable:
        # 国家秘密 is what was 依法确定 (第十四条): a classifier's reading of the request ("测速点位置清单") never drafts it;
        # the request's own mention of a marking, a 密级 or a classified kind (TRI021) still does
        if not _state_secret_cue(triage_result) and not told_classified:
            held_back += (STATE_SECRET_CODE,)
    code, set_aside = _choose(probabilities, p_ordinary, scores, existence, held_back)
    third_share = scores.get("withhold.third_party", 0.0) / (sum(scores.values()) or 1.0)
    if not readable and third_party in ("object", "partly") and code not in TRIAGE_LEVEL \
            and organ.responsible != "other" and code not in ("disclose.published",) \
            and (code in ("withhold.third_party", "partial") or third_share >= THIRD_PARTY_ITEM_SHARE):
        # the third party answered the written consultation (第三十二条): its objection is the matter to weigh — the
        # draft withholds what it objects to (all, or the part), staff review its reasons; a record whose objected
        # parts the request (or the court) says can be left out is given without them (第三十七条)
        code = "withhold.third_party" if third_party == "object" and not offered else "partial"
    decision = ItemDecision(item, code, scores, views, organ, existence, match, own_matter=own,
                            demand_made=demand_made(triage_result))
    if set_aside:
        decision.staff_reasons.append(set_aside)
    if by_kind and code == "disclose.published":
        decision.staff_reasons.append("所申请信息属于依法主动公开或本身即公开发布的文种（公告、公报、办事指南、规范性文件、预决算等）："
                                      "请先在本机关公开目录和网站核实已公开的日期、载体和网址，按第三十六条第（一）项告知获取的方式和途径；"
                                      "核实未公开的，按一般申请答复。")
    if absent and code not in TRIAGE_LEVEL:
        told = absent if len(absent) <= 80 else absent[:80] + "…"
        decision.staff_reasons.append(f"申请材料称该信息可能并未制作（“{told}”）：这是申请人的说法。请按本机关实际检索的系统、关键词和期间"
                                      "检索并记录；确未制作、获取的，按第三十六条第（四）项告知信息不存在并说明检索情况；检索到的，按一般申请答复。")
    if claimed and code == "disclose.published":
        decision.staff_reasons.append(f"申请写明该信息“{claimed}”：请核实确已主动公开，记录公开的日期、载体和网址后按第三十六条第（一）项"
                                      "告知获取的方式和途径；核实未公开的，按一般申请处理。")
    if not readable:
        # Which evidence drove the request-level grounds (classifier, cues, counter-cues).
        decision.staff_reasons += [g.describe() for g in named]
        if code != SECURITY_CODE and scores.get(SECURITY_CODE, 0.0) > scores.get(code, 0.0):
            decision.staff_reasons.append(SECURITY_HELD_NOTE)
            decision.actions.append(SECURITY_HARM_ACTION)
        if STATE_SECRET_CODE in held_back and code != STATE_SECRET_CODE \
                and scores.get(STATE_SECRET_CODE, 0.0) > scores.get(code, 0.0):
            decision.staff_reasons.append(STATE_SECRET_HELD_NOTE)
            decision.actions.append(STATE_SECRET_ACTION)
    _apply_hard_rules(decision, readable, threshold)
    _apply_third_party_opinion(decision, readable, third_party)
    if decision.code != code:  # a hard rule moved the outcome: its probability mass moves with it
        scores[decision.code] = scores.get(decision.code, 0.0) + scores.pop(code, 0.0)
    # A third party's information is not refused on the request alone: the records must be found and the third
    # party consulted in writing first (第三十二条: a procedure, not a veto; the office still judges, and 区分处理
    # or the public-interest override may lead to disclosure) — the ranking keeps 第三方 and 部分公开 first.
    decision.pending = existence in (NOT_SEARCHED, UNREADABLE) and decision.code not in REQUEST_LEVEL \
        and match is None \
        and organ.responsible != "other" and decision.code != "unavailable.needs_creation" \
        and not (decision.code == "withhold.third_party" and third_party == "object")
    _explain(decision, readable, threshold, stage)
    if not readable:
        _add_cue_letter_reason(decision, triage_result)
    return decision


# An item touches a third party's rights when 第三方 holds at least this share of its candidates (a privacy or trade-secret
# ground read from its text): only such an item is withheld on the third party's objection.
THIRD_PARTY_ITEM_SHARE = 0.05
SECURITY_CODE = WITHHOLD_CODE["security_stability"]
SECURITY_HELD_NOTE = ("申请内容可能涉及“三安全一稳定”，候选答复类型中它排在前面；但第十四条的这一理由不能仅凭申请用语认定，"
                      "草稿暂按其后的答复类型拟定，检索到文件并审查后再定。")
SECURITY_HARM_ACTION = "危及“三安全一稳定”：须书面说明哪一项安全、何种危害、为何可能发生，不能仅凭关键词认定。"
STATE_SECRET_CODE = WITHHOLD_CODE["state_secret"]
STATE_SECRET_HELD_NOTE = ("申请内容可能涉及国家秘密，候选答复类型中它排在前面；但第十四条只适用于依法确定为国家秘密的信息，申请中没有写明密级"
                          "标志或涉密事项，不能仅凭申请用语认定，草稿暂按其后的答复类型拟定，检索到文件并审查后再定。")
STATE_SECRET_ACTION = "国家秘密：检索到文件后核对密级标志和定密依据（第十七条）；不能确定的，报有关主管部门或者保密行政管理部门确定。"


def _state_secret_cue(triage_result) -> bool:
    """Whether a cue that names 国家秘密 (a marking, a 密级, a classified kind: TRI021) fired on the triaged text."""
    return any(getattr(h, "ground", None) == "state_secret" for h in (getattr(triage_result, "hits", None) or []))


def _add_cue_letter_reason(d: ItemDecision, triage_result) -> None:
    """A request-level outcome decided by a cue that states its reason (rules/triage.yaml ``letter_reason``: why
    村务、党务、法院的材料 are not government information, 第二条): the letter gives that reason instead of
    【待填写：具体理由】, and staff are told which cue it came from and what to verify before it goes out."""
    hits = [h for h in getattr(triage_result, "hits", None) or []
            if h.outcome == d.code and getattr(h, "letter_reason", "")]
    if not hits or d.letter_reasons:
        return
    best = max(hits, key=lambda h: h.weight)
    d.letter_reasons.append(best.letter_reason)
    d.staff_reasons.append(f"答复书的理由取自线索 {best.cue}（“{best.text}”）：该信息“{best.letter_reason}”。请核实本机关没有在履行"
                           "行政管理职能中制作或者获取该信息（如审计、检查、拨付中取得的材料）后再发出；如有，按一般申请检索答复。"
                           if d.code == "other.not_gov_info" else
                           f"答复书的理由取自线索 {best.cue}（“{best.text}”）：该信息“{best.letter_reason}”。请核实后再发出。")


# Outcomes decided on the request itself, before any search: 是不是 (petition, consultation, not government
# information …) and 有没有's 需要另行制作 — the request-level labels of the triage.
# "你局网站上已经公布的…", "已在政府公报刊登的…": the applicant says the information was published (第三十六条第（一）项).
PUBLISHED_CLAIM_RE = lazy_re.compile(
    r"(?:已经?|早已)[^。；，）)]{0,12}?(?:公开发布|正式发布|对外公布|向社会公布|向社会公开|主动公开|"
    r"在[^。；，）)]{0,12}?(?:网站|网上|公报|政务公开栏|公开栏)(?:上)?(?:公开|公布|发布|刊登|公示))|"
    r"(?:网站|网上|公报|政务公开栏)(?:上)?(?:已经?)(?:公开|公布|发布|刊登|公示)|"
    # "据查该纪要曾刊载于贵府门户网站“会议纪要”栏目"
    r"(?:曾|已经?|早已)[^。；，）)]{0,14}?(?:刊载|刊登|发布|公布|公开)(?:于|在)[^。；，）)]{0,16}?(?:网站|官网|公报|栏目|政务公开栏)|"
    # "（已于2024年3月1日在区政府网站“通知公告”栏发布）", "该文件2024年1月5日已在市医保局官网发布", "已于…在国家企业信用信息
    # 公示系统公示", "已于…在某某省土地市场网发布", "已在全国排污许可证管理信息平台公开", "…在贵局网站“环评公示”栏目受理公示"
    r"(?:已|已经|早已)(?:于[^。；，（）()]{0,14}?)?(?:在|通过)[^。；（）()]{0,40}?(?:网站|官网|网|平台|系统|公报|栏目|专栏|公开栏|栏)"
    r"[^。；，（）()]{0,10}?(?:公开|公布|发布|刊登|刊载|公示|公告|挂网)|"
    # "（贵局网站2023年12月20日已公告）", "（区民政局网站2024年5月10日已公开）"
    r"(?:网站|官网|平台|系统)[^。；，（）()]{0,16}?(?:已|已经)(?:于[^。；，（）()]{0,12}?)?(?:公开|公布|发布|公示|公告|挂网|登载|刊登|刊载)|"
    # "我在教育局网站“通知公告”里看到发过", "贵局网站“规划公示”里已经有了", "网站上登过的"
    r"(?:网站|官网)[^。；，（）()]{0,16}?(?:里|中|上)?看到(?:发|登|公布|公示|挂)过|"
    r"(?:网站|官网)[^。；，（）()]{0,16}?(?:里|中|上)(?:已经|已|都|早就)有(?:了)?|"
    r"(?:网站|官网)(?:上)?(?:都|也|早就)?(?:登|发|挂|公布|公示)过|"
    # "（镇政府网站今年5月发过）", "你们网站“价格管理”栏目里挂着的那个", "（贵局网站“政策法规”栏目已转载公布）", "（在贵局网站上），
    # 请告知网页位置"
    r"(?:网站|官网|公众号)[^。；，（）()]{0,16}?(?:发|登|挂|公布|公示|公开)过|(?:网站|官网)[^。；，（）()]{0,16}?(?:里|中|上)挂着|"
    r"(?:网站|官网)[^。；，（）()]{0,16}?(?:栏目|专栏|栏)(?:已|已经)(?:转载|全文|正式)(?:公开|公布|发布|刊登|登载)|"
    r"[（(]在[^（）()。；]{0,12}?(?:网站|官网)(?:上)?[）)](?=[^。；]{0,8}?(?:网页|网址|链接|位置|栏目))|"
    # "（县统计局已于网站发布）": the site named right after 已于
    r"(?:已|已经)于(?:[^。；，（）()]{0,14}?)?(?:网站|官网|公报|平台)(?:上)?(?:公开|公布|发布|刊登|刊载|登载|公示|公告)|"
    # "被告2022年12月在镇政务公开栏和县政府网站公开的全镇宅基地审批结果公示" (the record asked, described as published)
    r"在[^。；，（）()]{0,30}?(?:网站|官网|政务公开栏|公开栏|平台)(?:上)?(?:公开|公布|发布|公示)的|"
    # "县人社局官网公布的2024年最低工资标准调整通知"
    r"(?:网站|官网)(?:上)?(?:已)?(?:公开|公布|发布|公示|刊登)的(?!(?:信息|内容)?(?:不全|有误|不一致|不完整))|"
    # "县政府网站2024年3月28日发布了《…统计公报》", "2021年6月区政府网站“统计信息”栏目发布的《…公报》": the site, then the
    # published title; "报告全文1月份已经登在县政府网站上了"
    r"(?:网站|官网)(?:上)?[^。；，]{0,24}?(?:发布|公布|刊登|刊载)(?:了|的)《|"
    r"(?:已|已经)[^。；，]{0,4}?(?:登|挂|放|贴|发)在[^。；，]{0,16}?(?:网站|官网|公众号|公开栏|公告栏)|"
    # "区政府网站“人事任免”栏目今年3月发布了《…通知》", "县政府网站“常务会议”栏目2024年5月8日发布了《…纪要》"
    r"(?:网站|官网)[^。；，]{0,16}?(?:栏目|专栏)[^。；，]{0,12}?(?:发布|公布|公开|刊登|公示)了|"
    # "这份计划我在区政府门户网站“…”栏目里见过", "在“信用中国”网站的行政处罚公示栏里查到", "公众号…推送了《…》，并注明同步在贵局网站发布"
    r"(?:网站|官网|公众号)[^。；，（）()]{0,30}?(?:栏目|专栏|栏)(?:里|中|上)(?:见过|看到过|看过|查到)|"
    r"公众号[^。；，]{0,20}?推送了?《|同步在[^。；，]{0,12}?(?:网站|官网)(?:上)?(?:发布|公布|公开)|"
    # "贵局已于2023年8月在门户网站“财政资金”栏目公布了2022年度部门决算" (the column named between site and verb)
    r"(?:已经?|早已)于[^。；，）)]{0,12}?在[^。；，）)]{0,12}?(?:网站|官网)[^。；，）)]{0,12}?(?:栏目|专栏)(?:上|中|内)?"
    r"(?:公开|公布|发布|刊登|公示)|"
    r"(?:网上|网站上|官网上?)(?:都|也|就)?(?:能|可以)(?:查|找|搜|下载)(?:得)?(?:到)?(?![^。；，]{0,3}吗)|"
    # "我在区政府网站上看过这个通知", "在市政府网站上看到过，但找不到了" (not "网上看到新闻说…", "看到有人说…")
    r"(?:网站|网上|公报|政务公开栏|公开栏)上?(?:看到|看见|见到|查到|看)过(?![^。；，]{0,3}(?:新闻|报道|消息|帖子|文章|视频|有人|说|吗))|"
    # "贵厅官网“公示公告”栏目中刊有上述文件", "在贵局门户网站“事故调查报告”专栏查到该报告标题，但链接无法打开"
    r"(?:网站|官网|网页)[^。；]{0,24}?(?:栏目|专栏|页面)(?:中|内|里|上)?(?:刊有|载有|登有|挂有|列有|查到(?:了)?(?:该|此|这个|这份|上述)"
    r"[^。；，]{0,8}?(?:标题|链接|文件|报告|通知|公告))|"
    # "我在区教育局官方网站“通知公告”栏目看到，《…实施方案》已于2025年4月18日发布", "在市人社局官网“政策文件”栏目里查到了
    # 贵局印发的《…》"
    r"(?:网站|官网|公众号)[^。；]{0,24}?(?:栏目|专栏|页面)(?:中|内|里|上)?(?:看到|查到|找到|见到)(?:了)?[，,]?"
    r"(?:[^。；]{0,60}?(?:已于|已经|已)[^。；，]{0,14}?(?:发布|公布|公开|印发)|[^。；]{0,16}?(?:印发|发布|制定)的《)|"
    r"(?:网站|网上|公报|政务公开栏|公开栏)上?(?:看到|看见|见到|查到)(?:了)?(?:这个|这份|该|此|那个|那份)"
    r"(?:通知|文件|公告|通告|报告|方案|规划|意见|办法|规定|决定|批复|名单|目录)")
ABSENT_CLAIM_WEIGHT = 0.5  # the request's word that the record was never made: a lean, confirmed only by the search
PUBLISHED_CLAIM_WEIGHT = 0.5  # a claim to verify, below a catalog match's score (reviewer.decide.catalog)

# 怎么给: a record whose kind is published by nature (a 公告, 通告, 公报, an annual report) or that 第二十条 lists for
# proactive publication (办事指南, 规范性文件, 预算决算): 已主动公开 is likely — a candidate to check in the office's own
# catalog first, never a claim.  The kind must be what the item asks for (the end of its object), not a word inside
# it ("征收公告的审批材料" asks for 审批材料).
_PUBLIC_BY_NATURE_RE = lazy_re.compile(r"(?<![拟草])(?:公告|通告|公报|年度报告|白皮书|政府工作报告)(?:全文|原文|文本|正文)?$")
_PUBLIC_BY_LAW_RE = lazy_re.compile(r"(?:办事指南|服务指南|规范性文件|政策文件|部门预算|部门决算|预算报告|决算报告|权责清单|权力清单|"
                               r"收费目录清单|收费标准)(?:全文|原文|文本|正文)?$")
_NOT_FINAL_RE = lazy_re.compile(r"草稿|草案|征求意见|送审|讨论稿|底稿|内部|审批|请示|附件材料|申报材料|依据")
PUBLIC_BY_NATURE_WEIGHT = 0.35
PUBLIC_BY_LAW_WEIGHT = 0.15


NOT_SEARCHED_NOTE = "尚未提供候选文件或检索记录：答复类型仅按申请内容排序，检索前不能答复“信息不存在”。"


def _leaning_to(dist: dict[str, float], code: str, weight: float) -> dict[str, float]:
    """``dist`` with ``weight`` of its mass moved to ``code`` (the rest scaled down in proportion)."""
    out = {k: v * (1.0 - weight) for k, v in dist.items()}
    out[code] = out.get(code, 0.0) + weight
    return out


def published_by_kind(text: str) -> float:
    """The weight of 已主动公开 from the kind of record the item asks for (0 when its kind says nothing)."""
    from reviewer.decide.request import requested_object

    obj = re.sub(r"[\s。；;，,、！!]+$", "", requested_object(text or ""))
    if not obj or _NOT_FINAL_RE.search(obj):
        return 0.0
    if _PUBLIC_BY_NATURE_RE.search(obj):
        return PUBLIC_BY_NATURE_WEIGHT
    return PUBLIC_BY_LAW_WEIGHT if _PUBLIC_BY_LAW_RE.search(obj) else 0.0


# Any record a request may name besides the kinds of narrated._KIND_RE.
_ANY_RECORD_RE = lazy_re.compile(r"案卷|卷宗|材料|资料|档案|台账|明细|清单|表|证|书|文本|全文|信息")
# News of a record is not the record ("会议新闻已在网站发布" beside a request for the 会议纪要).
_NEWS_KIND_RE = lazy_re.compile(r"新闻稿?|通稿|报道|消息|简报")


# ... nor one told as not published ("已于2021年12月通过竣工验收，…未在网站公开")
_NOT_PUBLISHED_RE = lazy_re.compile(r"(?:未|没有|没|尚未|并未|从未|从来没有?|不)(?:在|于|通过|向社会)?[^。；，]{0,12}?"
                               r"(?:公开|公布|发布|公示|刊登|挂网|发|登|挂)过?$")
_FOR_COMMENT_RE = lazy_re.compile(r"\s*(?:向社会)?(?:公开)?(?:征求|征集|听取)(?:[^。；，]{0,8}?)意见")


def published_claim(text: str) -> str | None:
    """The applicant's statement that the information is already published, if the item makes one — and makes it of
    the record asked for: "听说处罚决定书已在网站公开" beside a request for the 行政处罚案卷 tells of another record
    (a kind of record named in the claim's sentence, no pointer such as 该/此/这个, and not named elsewhere)."""
    from reviewer.decide.narrated import _KIND_RE, _POINTER_RE

    text = text or ""
    # a draft published for comment ("…已于1月在市政府网站公开征求意见") is not the record published (第三十六条第（一）项)
    m = next((m for m in PUBLISHED_CLAIM_RE.finditer(text) if not _FOR_COMMENT_RE.match(text, m.end())
              and not _NOT_PUBLISHED_RE.search(m.group(0))), None)
    if not m:
        return None
    start = max(text.rfind(c, 0, m.start()) for c in "。！？!?；;\n") + 1
    # "补偿方案已在网站上公布，但我要的是评估报告": the clause after 但 is the request
    ends = [i for i in (text.find(c, m.end()) for c in ("。", "！", "？", "!", "?", "；", ";", "\n", "，但", ",但")) if i >= 0]
    end = min(ends) if ends else len(text)
    around = text[start:m.start()] + text[m.end():end]
    kinds = set(_KIND_RE.findall(around)) | set(_NEWS_KIND_RE.findall(around))
    rest = text[:start] + text[end:]
    # the pointer must sit in the claim's own clause: "上述材料属于…不予公开，并告知…处罚结果已在信用网站公示" points elsewhere
    clause = text[max(text.rfind(c, start, m.start()) for c in "，,：:") + 1:end]
    # (… unless the rest points back to the record the claim names: "…通知》，…已经在…栏目发布了。请把这个文件的网址…寄给他们")
    points_back = re.search(r"(?:这|那)(?:个|份|些)(?:文件|通知|公告|方案|办法|名单|报告|规定|决定)", rest) or \
        not (_KIND_RE.search(rest) or _ANY_RECORD_RE.search(rest))  # the rest names no record of its own ("请告诉我怎么找到")
    if kinds and rest.strip(" 。！？!?；;\n") and not _POINTER_RE.search(clause) and not points_back \
            and not re.search(r"(?:这|那)(?:个|份|些)|此", clause) and not any(k in rest for k in kinds):
        return None
    return m.group(0)


# The share of 非本机关负责公开 when the request names a maker but this organ's name is unknown (see
# reviewer.decide.organ.OrganCheck.unverified_maker): listed as a candidate, not drafted.
UNVERIFIED_MAKER_WEIGHT = 0.2
TRIAGE_LEVEL = frozenset(set(REQUEST_LEVEL) | {"unavailable.needs_creation"})


def _choose(probabilities: dict[str, float], p_ordinary: float, scores: dict[str, float], existence: str,
            held_back: tuple[str, ...] = ()):
    """The item's reply code, in the order of the steps: first whether the request is an ordinary request at
    all — each request-level outcome against the whole ordinary share, not against the pieces the ordinary share
    is split into (a request-level outcome would otherwise win whenever it beats the largest piece) — then, for an
    ordinary request, the most probable document-level outcome.  Returns (code, a staff note when a
    request-level outcome listed higher was set aside)."""
    from reviewer.vocab import TRIAGE_NAMES_ZH

    # 补正 is decided on the request's missing elements (decision.combine, 第三十条), never here.
    request_level = {c: p for c, p in probabilities.items() if c in TRIAGE_LEVEL and c != "other.correction"}
    ordinary = p_ordinary + sum(p for c, p in probabilities.items() if c not in request_level)
    best = max(request_level, key=request_level.get) if request_level else None
    if best is not None and request_level[best] > ordinary:
        return best, None
    eligible = {c: p for c, p in scores.items() if c not in TRIAGE_LEVEL}
    if existence != SEARCHED_NONE:
        eligible.pop("unavailable.not_held", None)  # 指导案例101号: no search record, no 信息不存在
    for held in held_back:
        eligible.pop(held, None)
    code = max(eligible, key=eligible.get) if eligible else "disclose"
    note = None
    if best is not None and scores.get(best, 0.0) > scores.get(code, 0.0):
        name = TRIAGE_NAMES_ZH.get(best) or CUE_ONLY_NAMES.get(best, best)
        note = (f"“{name}”的概率（{request_level[best]:.2f}）低于按一般申请处理的概率（{ordinary:.2f}），先按一般申请"
                f"检索答复；候选答复类型中它排在前面，是因为一般申请的概率分散在多种答复结果上。如核实确属“{name}”，改用该答复类型。")
    return code, note


# Identifiers that belong to one person each: two different values of one of them among a document's withheld spans
# mean the document concerns several people, so an own matter covers at most part of it.
ONE_PERSON_ENTITIES = ("cn_resident_id", "cn_mobile", "passport")


def several_people(readable: list[DocumentView]) -> bool:
    """Whether the documents' withheld personal data belong to more than one person (two distinct ID numbers,
    mobile numbers or passports of the same kind)."""
    for entity in ONE_PERSON_ENTITIES:
        values = {"".join(f.text.split()) for v in readable for f in v.withheld if f.entity == entity}
        if len(values) > 1:
            return True
    return False


def _apply_hard_rules(d: ItemDecision, readable: list[DocumentView], threshold: float) -> None:
    marked = [v for v in readable if v.document_grounds.get("state_secret", 0) >= threshold]
    if marked and d.code in ("disclose", "partial", "disclose.published", "unavailable.other_agency") \
            and d.organ.responsible != "other":
        d.code = "withhold.state_secret"
    spans_only = readable and all(not v.document_grounds for v in readable) \
        and all(set(v.span_grounds) <= {"privacy"} for v in readable)
    if d.own_matter and spans_only and d.code in ("partial", "withhold.third_party"):
        if several_people(readable):
            # A roster (花名册、发放表): the applicant's household is at most one of the people in it.
            d.staff_reasons.append("本项系申请人本人（本户）的事项，但候选文件载有多人的个人信息（不同的身份证号码或手机号码，"
                                   "如花名册、发放表）：提供申请人本户的部分，其他人的个人信息遮盖后提供（第十五条、第三十七条）；"
                                   "核实申请人身份后，本户的内容可不遮盖。")
        else:
            # The applicant's own (household's) matter: personal data of the applicant's household are not a
            # third party's privacy towards the applicant; verify the relationship and provide.
            d.code = "disclose"


def _apply_third_party_opinion(d: ItemDecision, readable: list[DocumentView], opinion: str | None) -> None:
    """The third party's answer (第三十二条) on an item withheld, wholly or in part, for its rights only."""
    if opinion is None or d.code not in ("withhold.third_party", "partial"):
        return
    only_third_party = all(not v.document_grounds and set(v.span_grounds) <= {"privacy", "trade_secret"}
                           for v in readable)
    if opinion == "agree" and only_third_party:
        d.code = "disclose"
        d.staff_reasons.append("第三方书面同意公开（第三十二条）：涉及其商业秘密、个人隐私的内容可以提供；"
                               "请核对同意的范围与所申请信息一致，并将书面意见归档。")
    elif opinion == "object":
        d.staff_reasons.append("第三方不同意公开：须审查其理由是否合理（第三十二条）；理由不合理，或不公开可能对公共利益造成重大影响的，"
                               "可以决定公开，并将决定公开的内容和理由书面告知第三方。能区分处理的，遮盖后提供其余内容（第三十七条）。")
    elif opinion == "partly":
        d.staff_reasons.append("第三方只对部分内容不同意公开：对其不同意的部分审查理由是否合理（第三十二条），其余内容提供；"
                               "区分处理，在答复书中写明不予公开的部分和理由（第三十七条）。")
    elif opinion == "none":
        d.staff_reasons.append("第三方逾期未提出意见：由本机关依照《条例》的规定决定是否公开（第三十二条），不视为同意，也不视为反对。")


def _number_entry(code: str | None):
    """The competence-table entry ``code`` when it reads a 文号's 机关代字 (by_number), else None."""
    if not code:
        return None
    from reviewer.decide.competence import load_table

    table = load_table()
    return next((e for e in table.records if e.code == code and e.by_number), None) if table is not None else None


def _explain(d: ItemDecision, readable: list[DocumentView], threshold: float, stage: str | None) -> None:
    code = d.code
    if code.startswith("withhold.") or code == "partial":
        for view in readable:
            for ground, p in sorted(view.document_grounds.items(), key=lambda kv: -kv[1]):
                if p >= threshold:
                    d.staff_reasons.append(f"《{view.name}》整体可能属于{CATEGORY_LABELS[ground]}（概率 {p:.2f}），"
                                           f"依据第{GROUND_ARTICLE[ground][1:]}。")
                    if GROUND_ARTICLE[ground] not in d.citations:
                        d.citations.append(GROUND_ARTICLE[ground])
                    reason = GROUND_LETTER_REASON[ground]
                    if code.startswith("withhold.") and reason not in d.letter_reasons \
                            and WITHHOLD_CODE[ground] == code:
                        d.letter_reasons.append(reason)
        separable: dict[str, float] = {}  # separable grounds the documents carry (classifier or rules)
        if code == "partial" or code == "withhold.third_party":
            d.withheld = [f for v in readable for f in v.withheld]
            for view in readable:
                for ground, p in view.span_grounds.items():
                    if p >= threshold:
                        separable[ground] = max(separable.get(ground, 0.0), p)
            for article in [GROUND_ARTICLE[f.category] for f in d.withheld] + [GROUND_ARTICLE[g] for g in separable]:
                if article not in d.citations:
                    d.citations.append(article)
        if code == "partial" and d.withheld:
            pending = sum(len(v.pending) for v in readable)
            also = f"；另有 {pending} 处待审核，已在遮盖件中暂予遮盖，答复书中留有【待填写】" if pending else ""
            d.staff_reasons.append(f"不宜公开的内容可以区分处理：共 {len(d.withheld)} 处需遮盖{also}，其余内容予以提供（第三十七条）。")
        elif code == "partial" and not readable:
            d.staff_reasons.append("申请的信息可能部分不宜公开：检索到文件后逐处审查，能区分处理的遮盖不宜公开的部分后提供"
                                   "其余内容，并在答复书中写明不予公开的部分和理由（第三十七条）。")
        elif code == "partial":
            # the classifier (or review-level cues) sees a third party's data, but no span is sure enough to mask
            what = "、".join(f"{CATEGORY_LABELS[g]}（概率 {p:.2f}）" for g, p in separable.items()) or "不宜公开的内容"
            d.staff_reasons.append(f"候选文件可能含有{what}，但没有可以确定遮盖的具体位置：请工作人员逐处标出需遮盖的内容后再提供，"
                                   "并在答复书中写明不予公开的部分；遮盖件中待审核的内容已暂予遮盖（第三十七条）。")
        if code == "withhold.third_party" and readable and not d.letter_reasons:
            d.letter_reasons.append(GROUND_LETTER_REASON["privacy"])
    if code == RECORD_CORRECTION:
        _explain_record_correction(d)
    elif not readable and code == "no_action.petition" and not d.demand_made:
        d.letter_reasons.append(PETITION_WORDS_REASON)  # no 查处/追责/赔偿 asked: the letter must not say there was
    elif not readable and code in REQUEST_LETTER_REASON:
        d.letter_reasons.append(REQUEST_LETTER_REASON[code])
    if code == "unavailable.needs_creation" and REQUEST_LETTER_REASON[code] not in d.letter_reasons:
        d.letter_reasons.append(REQUEST_LETTER_REASON[code])
    if code == "disclose" and readable:
        d.staff_reasons.append("候选文件未发现达到阈值的不予公开情形，可以公开（第三十六条第（二）项）。")
    if code == "disclose.published" and d.catalog_match:
        m = d.catalog_match
        d.staff_reasons.append(f"所申请信息已主动公开：《{m['title']}》{m.get('doc_number') or ''}"
                               f"（{m['method']}，相似度 {m['score']:.0f}）。")
    if code == "unavailable.not_held":
        d.staff_reasons.append("已提供检索记录：经检索未找到所申请信息，按第三十六条第（四）项答复，检索情况写入答复书（指导案例101号）。")
    if code == "unavailable.other_agency":
        if d.organ.reason:
            d.letter_reasons.append(d.organ.reason)
        number = _number_entry(d.organ.competence) if d.organ.evidence == "competence" else None
        if number is not None:
            d.staff_reasons.append(f"文号的机关代字（rules/competence.yaml {number.code}）表明所申请文件由{d.organ.agency}印发"
                                   "（联合发文的，文号是牵头机关的），由该机关负责公开（第十条），不属于本机关负责公开（第三十六条第（五）项）。"
                                   "各地代字写法不一：请核对发文机关；如该文件确由本机关制作或牵头，按一般申请答复。")
        elif d.organ.evidence == "competence":
            d.staff_reasons.append(f"按职权分工（rules/competence.yaml {d.organ.competence}），所申请信息由{d.organ.agency}制作"
                                   "（第十条），不属于本机关负责公开（第三十六条第（五）项）；本机关持有的副本也由制作机关负责公开。"
                                   "如本地职权另有规定或该信息确由本机关制作，按一般申请答复。")
        else:
            where = "候选文件表明" if d.organ.evidence == "document" else "申请内容表明"
            d.staff_reasons.append(f"{where}所申请信息由{d.organ.agency or '其他行政机关'}制作（第十条），不属于本机关负责公开"
                                   "（第三十六条第（五）项）。")
        d.actions.append(f"第十条：核实{d.organ.agency or '制作机关'}的名称和联系方式并写入答复书；如该信息系本机关牵头与其共同制作，"
                         "改为由本机关答复并按第三十四条征求其意见。")
    if d.organ.unverified_maker and code != "unavailable.other_agency":
        said = "候选文件表明" if d.organ.evidence == "document" else "申请写明"
        d.staff_reasons.append(f"{said}所申请信息由{d.organ.unverified_maker}制作或保存；未配置本机关名称（reviewer init 或 "
                               "--profile），无法判断是否为本机关。")
        d.actions.append(f"第十条：如{d.organ.unverified_maker}不是本机关，且本机关未保存该信息，改答“非本机关负责公开”"
                         "（第三十六条第（五）项），告知申请人该机关的名称和联系方式。")
    if d.organ.responsible == "joint" and d.organ.evidence == "request-co":
        co = "、".join(d.organ.co_organs)
        d.actions.append(f"第十条、第三十四条：申请称该信息由本机关与{co}等共同制作，未写明牵头机关。请核实：本机关牵头的，由本机关答复，"
                         f"可向{co}征求意见；其他机关牵头的，改答“非本机关负责公开”（第三十六条第（五）项），告知牵头机关的名称和联系方式。")
    elif d.organ.responsible == "joint":
        co = "、".join(d.organ.co_organs)
        d.actions.append(f"第三十四条：该信息由本机关与{co}共同制作，本机关牵头答复；可向{co}发出征求意见书，"
                         "对方自收到之日起15个工作日内提出意见，逾期未提出意见的视为同意公开。")
    if d.pending:
        d.staff_reasons.append(NOT_SEARCHED_NOTE)
    if d.pending and code in ("withhold.third_party", "partial"):
        d.actions.append("申请涉及第三方的信息：检索到文件后，能区分处理的遮盖第三方个人信息或商业秘密后提供（第三十七条）；"
                         "公开会损害第三方合法权益的，书面征求第三方意见（第三十二条，15个工作日，不计入答复期限，第三十三条第三款）。"
                         "第三方不同意公开须有合理理由，本机关仍须审查；不公开可能对公共利益造成重大影响的，可以决定公开并书面告知第三方。")
    if any(v.secret_expired for v in readable):
        marks = "、".join(sorted({v.secret_mark or "密级标志" for v in readable if v.secret_expired}))
        d.actions.append(f"文件标有“{marks}”，按标注的保密期限计算可能已届满（保守国家秘密法：保密期限已满的，自行解密）："
                         "保密期限可能已届满，送定密机关确认；确认解密前不对外提供，确认后不得再以国家秘密为由不予公开。")
        if code not in REQUEST_LEVEL and not code.startswith("withhold.") and code != "unavailable.other_agency":
            # The period is counted from the latest date found in the text, and it may have been extended before
            # it ran out (保守国家秘密法): a release waits for the 定密机关's answer; the letter asserts no outcome.
            d.pending, d.hold = True, HOLD_DECLASSIFICATION
            d.staff_reasons.append(f"候选文件标有“{marks}”，保密期限可能已届满：经原定密机关（或其上级机关）确认已解密前，答复类型"
                                   "只是暂定，不得对外提供；确认解密后按暂定的答复类型办理，确认仍属国家秘密的依第十四条不予公开。")
    if any(v.document_grounds.get("state_secret", 0) > 0 for v in readable):
        d.actions.append("候选文件有密级标志或涉密内容：送保密审查（第十七条），核对定密依据；不确定的报有关主管部门或保密行政管理部门确定。")
    if any("process_info" in v.document_grounds for v in readable) and code == "withhold.process_info":
        d.actions.append("过程性信息：请确认决策阶段（尚在讨论 pending / 已作出决定 decided，可用 --stage 指定）；"
                         "决定作出后不公开理由减弱，须说明理由（ogi-law.md §5.2 第2项）。")
    if any(v.document_grounds.get("security_stability", 0) >= threshold for v in readable):
        d.actions.append(SECURITY_HARM_ACTION)
    d.third_party = bool(readable) and any(v.span_grounds for v in readable) and not d.own_matter \
        and code in ("partial", "withhold.third_party", "disclose")
    if d.third_party:
        d.actions.append("涉及第三方商业秘密或个人隐私：公开前应书面征求第三方意见（第三十二条，第三方自收到之日起15个工作日内提出意见），"
                         "征求意见所需时间不计算在答复期限内（第三十三条第三款）。")
    if d.own_matter and readable and any(v.span_grounds for v in readable):
        d.actions.append("本项系申请人本人（本户）的事项：提供前核实申请人与该户的关系（身份证件、户口簿等）；"
                         "涉及其他家庭成员的医疗健康、金融账户等敏感个人信息，须经其本人同意或作遮盖处理（个人信息保护法第二十八条）。")


def _explain_record_correction(d: ItemDecision) -> None:
    """A request to correct a record about the applicant (第四十一条): not a request for information; the office
    with power to correct verifies it against the applicant's evidence, corrects it and tells the applicant, or
    transfers it to the organ with that power (or tells the applicant to apply there)."""
    d.record_correction = True
    d.letter_reasons.append(REQUEST_LETTER_REASON[RECORD_CORRECTION])
    d.staff_reasons.append("要求更正本人信息记录，按第四十一条办理（不是申请获取政府信息）；答复类型表没有“更正”一类，"
                           "按“其他处理”答复，年度报告计入“（六）3.其他”。")
    d.actions += [
        "第四十一条：核对申请人提供的证据材料（如身份证件、原始登记或办理材料），逐项核实所指记录是否确有不准确之处；"
        "申请人未提供证据的，告知其提供。",
        "核实更正该记录是否属于本机关职能范围：属于的，审核属实后予以更正并告知申请人；不属于的，转送有权更正的行政机关"
        "处理并告知申请人，或者告知申请人向该机关提出（第四十一条）。",
        "记录核实结果（记录是否准确、更正的内容和日期，或转送的机关和日期），填入告知书的【待填写】处并留存备查。",
    ]
