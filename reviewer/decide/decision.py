"""Decide the reply type: combine request triage, screening of the candidate documents and the
catalog of published documents into a ranked list of reply codes, with reasons and actions.

The combination is a small explicit probability model, so every number can be explained:

* request-level outcomes (信访, 咨询, 加工分析, 出版物, 特别规定, 非政府信息, 确认, 补正) take their
  triage probability;
* the probability that the request is an ordinary request for information is shared among the
  document-level outcomes (已主动公开, 予以公开, 部分公开, 不予公开 on each ground, 信息不存在,
  非本机关) according to what the documents and the catalog show;
* missing 第二十九条 elements raise 补正 (第三十条).

Rules of the law enforced here (ogi-law.md §5.2): findings only in separable parts → ``partial``
(第三十七条) with the withheld parts listed; third-party 商业秘密/个人隐私 → consultation
(第三十二条) whose time is excluded (第三十三条第三款); a 国家秘密 marking → 保密审查
(第十七条), never auto-disclosed; process information → ask for the decision stage; no
documents → ``unavailable.not_held`` only with a search-log section to fill in (指导案例101号);
another agency's information → ``unavailable.other_agency`` naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.detect.findings import CATEGORY_LABELS, Finding
from reviewer.decide.triage import TriageResult

# Grounds that concern the nature of the whole document vs. separable passages.
DOCUMENT_GROUNDS = ("state_secret", "law_prohibited", "security_stability", "internal_affairs", "process_info",
                    "enforcement_file")
SPAN_GROUNDS = ("privacy", "trade_secret")
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
AGENCY_RE = re.compile(
    r"(?:[\u4e00-\u9fa5]{2,12}?(?:省|市|县|区|镇|乡|街道))?[\u4e00-\u9fa5]{2,14}?"
    r"(?:人民政府|管理局|监督管理局|局|委员会|委|办公室|办|厅|分局|中心|管委会|公司)"
)
OTHER_AGENCY_CUES = re.compile(r"(?:由|系|是)?(?P<agency>" + AGENCY_RE.pattern + r")(?:制作|作出|印发|发布|下发|出具|保存|审批|批复)")
# Outcomes fixed by what happened in the procedure, not by the request text (``--procedure``).
PROCEDURE_CODES = {
    "correction_lapsed": "other.correction_lapsed",  # 第三十条: 逾期不补正
    "fee_unpaid": "other.fee_unpaid",  # 第四十二条: 逾期未缴费
    "reasons_unreasonable": "no_action.excessive",  # 第三十五条: 说明理由后理由不合理
    "withdrawn": "other.other",  # 申请人撤回申请
}
PROCEDURES = ("corrected", *PROCEDURE_CODES)
NO_DOCS_PRIOR = {
    "unavailable.not_held": 0.5,
    "disclose": 0.25,
    "unavailable.other_agency": 0.15,
    "partial": 0.05,
    "withhold.third_party": 0.05,
}


@dataclass
class DocumentView:
    """What one candidate document contributes to the decision."""

    path: str
    status: str
    verdict: str
    document_grounds: dict[str, float]  # ground → probability the whole document is exempt on it
    span_grounds: dict[str, float]  # ground → probability that separable parts must be withheld
    withheld: list[Finding]  # separable spans to withhold (severity withhold, score ≥ threshold)
    markings: list[Finding]  # 工作秘密 / 内部资料 marks: need a real ground
    error: str | None = None
    title: str = ""  # file name and first line, used to link the document to a requested item
    messages: dict[str, list[str]] = field(default_factory=dict)  # ground → rule messages (no personal data)


@dataclass
class Decision:
    code: str
    candidates: list[tuple[str, float]]
    reasons: list[str]
    actions: list[str]
    extra_articles: list[str]
    documents: list[DocumentView]
    grounds: dict[str, dict]
    third_party: bool
    state_secret_marking: bool
    process_stage_needed: bool
    other_agency: str | None
    catalog_matches: list[dict | None]
    item_codes: list[str]
    warnings: list[str] = field(default_factory=list)
    letter_reasons: list[str] = field(default_factory=list)  # applicant-facing: no probabilities
    item_reasons: list[list[str]] = field(default_factory=list)  # applicant-facing, per requested item


def view_document(result, threshold: float = 0.5) -> DocumentView:
    """Reduce a ScreenResult to the grounds that matter for the decision."""
    name = result.path.rsplit("/", 1)[-1]
    if result.status != "ok":
        return DocumentView(result.path, result.status, result.verdict, {}, {}, [], [], result.error, name)
    document_grounds: dict[str, float] = {}
    span_grounds: dict[str, float] = {}
    markings = [f for f in result.findings if f.explanation.get("marking")]
    for category, score in result.categories.items():
        p = score.score
        if category == "state_secret":
            # Only a 密级 marking (severity withhold) or the classifier can make this a state secret;
            # 工作秘密 / 内部资料 marks are not grounds by themselves (ogi-law.md §4.3).
            marked = [f.score for f in result.findings if f.category == "state_secret" and f.severity == "withhold"]
            p = max([*marked, 0.0, (score.classifier or 0.0) * 0.8])
        if p <= 0:
            continue
        if category in DOCUMENT_GROUNDS:
            document_grounds[category] = p
        else:
            span_grounds[category] = p
    withheld = [f for f in result.findings
                if f.category in SPAN_GROUNDS and f.severity == "withhold" and f.score >= threshold]
    messages: dict[str, list[str]] = {}
    for f in result.findings:
        if f.severity != "info":
            text = f.explanation.get("message", "").rstrip("。")
            if text and text not in messages.setdefault(f.category, []):
                messages[f.category].append(text)
    first_line = next((line.strip() for line in result.text.splitlines() if line.strip()), "")[:80]
    return DocumentView(result.path, result.status, result.verdict, document_grounds, span_grounds, withheld,
                        markings, None, f"{name} {first_line}", messages)


def document_distribution(views: list[DocumentView], threshold: float, stage: str | None) -> tuple[dict[str, float], list[str]]:
    """Distribution over document-level reply codes given the screened documents."""
    notes: list[str] = []
    weights: dict[str, float] = {}
    readable = [v for v in views if v.status == "ok"]
    if not readable:
        return dict(NO_DOCS_PRIOR), ["候选文件均无法读取，未能审查内容。"]
    doc_level: dict[str, float] = {}
    for v in readable:
        for ground, p in v.document_grounds.items():
            if ground == "process_info" and stage == "decided":
                p *= 0.5
            doc_level[ground] = max(doc_level.get(ground, 0.0), p)
    span_level = {}
    for v in readable:
        for ground, p in v.span_grounds.items():
            span_level[ground] = max(span_level.get(ground, 0.0), p)
    if stage == "decided" and "process_info" in doc_level:
        notes.append("决定已作出：过程性信息的不公开理由减弱，已降低其权重（ogi-law.md §5.2 第2项）。")
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
    # Some documents exempt as a whole while others are clean → partial too.
    if len(readable) > 1 and doc_level:
        clean_docs = sum(1 for v in readable if not v.document_grounds) / len(readable)
        weights["partial"] += clean_docs * max(doc_level.values()) * 0.8
    weights["disclose"] = clean_share * (1.0 - p_span)
    total = sum(weights.values()) or 1.0
    return {k: v / total for k, v in weights.items() if v > 0}, notes


def decide(request, triage_result: TriageResult, views: list[DocumentView], catalog_matches: list,
           *, threshold: float = 0.5, stage: str | None = None, agency_name: str | None = None,
           history: dict | None = None, procedure: str | None = None,
           request_prior: dict[str, float] | None = None) -> Decision:
    reasons: list[str] = []
    actions: list[str] = []
    warnings: list[str] = []
    probabilities = dict(triage_result.probabilities)
    if views:
        # With documents in hand, what they contain decides the withholding grounds: request-text hints
        # for those grounds fold back into the ordinary-request share.
        for code in list(probabilities):
            if code in WITHHOLD_CODE.values():
                probabilities["ordinary"] = probabilities.get("ordinary", 0.0) + probabilities.pop(code)
    p_ordinary = probabilities.get("ordinary", 0.0)
    other_agency = detect_other_agency(request.text, agency_name)
    links = link_documents(request.items, views)
    item_dists: list[dict[str, float]] = []
    for position, item in enumerate(request.items):
        match = catalog_matches[position] if position < len(catalog_matches) else None
        item_dist, notes = item_distribution(links.get(item.index, []), match, threshold, stage, other_agency,
                                             request_prior)
        item_dists.append(item_dist)
        warnings.extend(n for n in notes if n not in warnings)
    if not item_dists:
        item_dists = [item_distribution(views, None, threshold, stage, other_agency, request_prior)[0]]
    doc_dist = _mean(item_dists)
    item_tops = [max(d, key=d.get) for d in item_dists]
    released = {"disclose", "disclose.published"}
    if any(t in released for t in item_tops) and any(t.startswith("withhold.") or t == "partial" for t in item_tops):
        # Some items are provided and others withheld: one reply that separates them (第三十七条).
        doc_dist["partial"] = doc_dist.get("partial", 0.0) + 0.5
        total = sum(doc_dist.values())
        doc_dist = {k: v / total for k, v in doc_dist.items()}
    matched = [m for m in catalog_matches if m is not None]
    scores: dict[str, float] = {}
    for code, p in probabilities.items():
        if code != "ordinary":
            scores[code] = p
    for code, p in doc_dist.items():
        scores[code] = scores.get(code, 0.0) + p_ordinary * p
    strong_missing = [m for m in request.missing if "形式要求" not in m]
    if strong_missing:
        scores["other.correction"] = max(scores.get("other.correction", 0.0), 0.55 + 0.1 * len(strong_missing))
    elif request.missing:
        warnings.append("申请未写明获取信息的方式、途径；可在答复中按电子或纸质方式提供，或一并补正。")
    if history:
        for code, p in history.get("candidates", {}).items():
            scores[code] = max(scores.get(code, 0.0), p)
    if procedure == "corrected" and "other.correction" in scores:
        # 补正 is one-time (第三十条, pitfall 8): after a 补正 round an unclear request is 无法提供.
        scores["unavailable.unclear"] = scores.pop("other.correction")
    if procedure in PROCEDURE_CODES:
        scores[PROCEDURE_CODES[procedure]] = max(scores.values(), default=0.0) + 1.0
    total = sum(scores.values()) or 1.0
    ranked = sorted(((c, p / total) for c, p in scores.items()), key=lambda kv: -kv[1])
    code = ranked[0][0]
    # Hard rules that override the ranking.
    marked = [v for v in views if v.document_grounds.get("state_secret", 0) >= threshold]
    if marked and code in ("disclose", "partial", "disclose.published"):
        code = "withhold.state_secret"
        warnings.append("候选文件有密级标志：不得自动公开，已改为“属于国家秘密”候选并送保密审查。")
    ranked = _ensure_three(ranked, code)
    grounds = _grounds(views)
    third_party = any(v.span_grounds for v in views if v.status == "ok") and code in (
        "partial", "withhold.third_party", "disclose")
    process_needed = any("process_info" in v.document_grounds for v in views)
    extra_articles: list[str] = []
    # --- reasons and actions -------------------------------------------------------------
    if code == "other.correction":
        for m in request.missing:
            reasons.append(f"申请缺少：{m}（第二十九条第二款）。")
        actions.append("自收到申请之日起 7 个工作日内一次性发出补正告知书（第三十条），答复期限自收到补正之日起计算。")
    for hit in triage_result.hits:
        if hit.outcome == code:
            reasons.append(f"{hit.message}（线索 {hit.cue}：“{hit.text}”）")
    if code.startswith("withhold.") or code == "partial":
        for view in views:
            for ground, p in sorted(view.document_grounds.items(), key=lambda kv: -kv[1]):
                if p >= threshold:
                    reasons.append(f"《{_name(view.path)}》整体可能属于{CATEGORY_LABELS[ground]}（概率 {p:.2f}），"
                                   f"依据第{GROUND_ARTICLE[ground][1:]}。")
                    if GROUND_ARTICLE[ground] not in extra_articles:
                        extra_articles.append(GROUND_ARTICLE[ground])
            for f in view.withheld:
                article = GROUND_ARTICLE[f.category]
                if article not in extra_articles:
                    extra_articles.append(article)
        if code == "partial":
            n = sum(len(v.withheld) for v in views)
            reasons.append(f"不宜公开的内容可以区分处理：共 {n} 处需遮盖，其余内容予以提供（第三十七条）。")
    if code == "unavailable.unclear":
        reasons.append("申请人已补正一次，申请内容仍不明确；补正只能一次性告知，不再重复补正（第三十条）。")
    if code == "other.correction_lapsed":
        reasons.append("申请人无正当理由逾期不补正，视为放弃申请，本机关不再处理（第三十条）。")
    if code == "other.fee_unpaid":
        reasons.append("申请人逾期未按收费通知缴纳信息处理费，本机关不再处理（第四十二条）。")
    if code == "no_action.excessive":
        reasons.append("已要求申请人说明理由，经审核理由不合理，按第三十五条不予处理。")
        actions.append("核对说明理由告知书的送达记录和申请人的回复，留存备查（第三十五条）。")
    if history:
        # Duplicate, mass-request (第三十五条) and publish-it (第四十四条) hints from the decision store.
        for line in history.get("evidence", []):
            (reasons if code == "no_action.duplicate" else actions).append(line)
    if code == "other.other":
        reasons.append("其他处理（如申请人撤回申请），请写明具体情况。")
    if code == "disclose":
        reasons.append("候选文件未发现达到阈值的不予公开情形，可以公开（第三十六条第（二）项）。")
    if code == "disclose.published":
        for m in matched:
            reasons.append(f"所申请信息已主动公开：《{m['title']}》{m.get('doc_number') or ''}（{m['method']}，相似度 {m['score']:.0f}）。")
    if code == "unavailable.not_held":
        reasons.append("未提供候选文件：只有在检索记录完整（检索系统、关键词、期间、检索人）时才能答复“信息不存在”（指导案例101号）。")
        actions.append("填写检索记录：检索的系统/档案、关键词、检索期间、检索人和结果。")
    if code == "unavailable.other_agency":
        if other_agency:
            reasons.append(f"所申请信息可能由{other_agency}制作或保存，不属于本机关负责公开（第三十六条第（五）项、第十条）。")
        else:
            reasons.append("所申请信息可能不属于本机关负责公开；请写明负责公开的机关名称和联系方式（第三十六条第（五）项）。")
    if any(v.document_grounds.get("state_secret", 0) > 0 for v in views):
        actions.append("候选文件有密级标志或涉密内容：送保密审查（第十七条），核对定密依据；不确定的报有关主管部门或保密行政管理部门确定。")
    if process_needed:
        actions.append("过程性信息：请确认决策阶段（尚在讨论 pending / 已作出决定 decided，可用 --stage 指定）；"
                       "决定作出后不公开理由减弱，须说明理由（ogi-law.md §5.2 第2项）。")
    if any(v.markings for v in views):
        actions.append("文件标注“工作秘密/内部资料/注意保存”等：标注本身不是不予公开的法定理由，须对应到第十四、十五或十六条，否则不能据此不公开。")
    if any(v.document_grounds.get("security_stability", 0) >= threshold for v in views):
        actions.append("危及“三安全一稳定”：须书面说明哪一项安全、何种危害、为何可能发生，不能仅凭关键词认定。")
    if third_party:
        actions.append("涉及第三方商业秘密或个人隐私：公开前应书面征求第三方意见（第三十二条，第三方自收到之日起15个工作日内提出意见），"
                       "征求意见所需时间不计算在答复期限内（第三十三条第三款）。")
    unreadable = [v for v in views if v.status != "ok"]
    for v in unreadable:
        warnings.append(f"候选文件《{_name(v.path)}》未能审查：{v.error}")
    request_level = code not in doc_dist and code != "withhold.state_secret"
    item_codes = [code if request_level else top for top in item_tops]
    letter_reasons = []
    if code.startswith("withhold.") or code == "partial":
        letter_reasons = _ground_reasons(views, threshold)
    elif code == "other.correction":
        letter_reasons = [f"缺少{m}" for m in request.missing]
    else:
        letter_reasons = [r for r in reasons if "概率" not in r and "线索" not in r]
    item_reasons = [_ground_reasons(links.get(item.index, []), threshold) for item in request.items]
    return Decision(code, ranked, reasons, actions, extra_articles, views, grounds, third_party,
                    bool(marked), process_needed, other_agency, catalog_matches, item_codes, warnings,
                    letter_reasons, item_reasons)


def _ground_reasons(views: list[DocumentView], threshold: float) -> list[str]:
    """Applicant-facing reasons: what each exempt document is (rule messages, no probabilities)."""
    reasons = []
    for view in views:
        for ground, p in view.document_grounds.items():
            if p >= threshold:
                what = "；".join(view.messages.get(ground, [])[:3])
                reasons.append(f"《{_name(view.path)}》{what}" if what else f"《{_name(view.path)}》属于{CATEGORY_LABELS[ground]}")
    return reasons


def link_documents(items, views: list[DocumentView]) -> dict[int, list[DocumentView]]:
    """Attach each candidate document to the requested item it best matches (shared tokens of the item
    and the document's name and first line); documents matching no item go to every item left without one."""
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
    for index in links:
        if not links[index]:
            links[index] = list(unassigned)
    return links


def item_distribution(views: list[DocumentView], match: dict | None, threshold: float, stage: str | None,
                      other_agency: str | None, request_prior: dict[str, float] | None = None
                      ) -> tuple[dict[str, float], list[str]]:
    """Distribution over document-level codes for one item: its documents, then the catalog match."""
    notes: list[str] = []
    if views:
        dist, notes = document_distribution(views, threshold, stage)
    else:
        # No documents: the request's own signals (reviewer.decide.ranking.document_prior), else the fixed table.
        dist = dict(request_prior) if request_prior else dict(NO_DOCS_PRIOR)
        if other_agency:
            dist["unavailable.other_agency"] = 0.55
            dist["unavailable.not_held"] = 0.25
    if match is not None:
        strength = match["score"] / 100.0
        dist = {k: v * (1.0 - strength) for k, v in dist.items()}
        dist["disclose.published"] = dist.get("disclose.published", 0.0) + strength
    return dist, notes


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


def detect_other_agency(text: str, own_name: str | None) -> str | None:
    """An agency the request says made or keeps the information, if it is not this agency."""
    for m in OTHER_AGENCY_CUES.finditer(text):
        agency = m.group("agency")
        if own_name and (agency in own_name or own_name in agency):
            continue
        return agency
    return None


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]
