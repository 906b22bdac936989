"""Review one request end to end: parse → triage → catalog → screen documents → decide →
deadline → letters (and redacted copies for partial disclosure).

``run_review`` returns a :class:`ReviewOutcome` whose ``to_dict()`` is the JSON output of
``reviewer review`` (keys ``request``, ``reply``, ``candidates``, ``grounds``, ``findings``,
``deadline``, ``letter`` …).  Nothing here decides alone: the output is a draft for staff.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ReviewOptions:
    docs: list[Path] = field(default_factory=list)
    catalog: Path | None = None
    profile: Path | None = None
    received: dt.date | None = None
    channel: str | None = None
    stage: str | None = None  # pending | decided (process information)
    threshold: float = 0.5
    use_model: bool = True
    model_dir: Path | None = None
    today: dt.date | None = None
    show_values: bool = False
    history: dict | None = None
    applicant_on_file: bool = False  # applicant data captured by the online form: do not ask for it again
    procedure: str | None = None  # corrected | correction_lapsed | fee_unpaid | reasons_unreasonable | withdrawn
    search_record: str | None = None  # how the office searched (--searched): needed before 信息不存在
    third_party: str | None = None  # the third party's answer to the 第三十二条 consultation: agree | object | none


@dataclass
class ReviewOutcome:
    request: object
    triage: object
    decision: object
    reply_type: object
    citations: str
    screen_results: list
    deadline: object | None
    letters: list  # Letter objects: the main one first
    profile: object
    catalog_matches: list
    warnings: list[str]
    ruleset_version: str
    model_version: str | None
    request_grounds: list = field(default_factory=list)  # RequestGround: grounds from the request text alone

    @property
    def letter(self):
        return self.letters[0] if self.letters else None

    def to_dict(self, show_values: bool = False) -> dict:
        from reviewer.decide.replytypes import load_reply_types

        types = load_reply_types()
        d = self.decision
        request = self.request.to_dict(show_values)
        items = []
        answered = d.items or self.request.items
        for item, code in zip(answered, d.item_codes or [d.code] * len(answered)):
            position = item.index - 1
            match = self.catalog_matches[position] if position < len(self.catalog_matches) else None
            items.append({"index": item.index, "text": item.text, "code": code, "label": types[code].label,
                          "catalog_match": match, **_item_steps(d, item)})
        request["items"] = items
        grounds = {}
        for ground, info in d.grounds.items():
            evidence = []
            for result in self.screen_results:
                for f in result.findings:
                    if f.category == ground and f.severity != "info":
                        evidence.append({"path": result.path, "rule": f.rule, "start": f.start, "end": f.end,
                                         "text": f.to_dict(show_values)["text"], "score": round(f.score, 3)})
            grounds[ground] = {**info, "evidence": evidence[:20]}
        pending = any(getattr(item, "pending", False) for item in d.item_decisions)
        searching = any(getattr(item, "pending", False) and not item.hold for item in d.item_decisions)
        holds = sorted({item.hold for item in d.item_decisions if getattr(item, "pending", False) and item.hold})
        return {
            "request": request,
            "triage": dict(self.triage.to_dict(), adopted=adopted_request_outcome(d.code)),
            "request_grounds": [g.to_dict() for g in self.request_grounds],
            "reply": {
                "code": d.code,
                "label": types[d.code].label,
                "citations": self.citations,
                "reasons": d.reasons,
                "report_row": self.profile.report_row(d.code, types),
                # Provisional until the office has searched: an item without documents or a search record.
                "pending": pending,
                # What a pending reply waits for besides the search ("declassification": the 定密机关's answer).
                "holds": holds,
            },
            "candidates": [{"code": c, "label": types[c].label, "probability": round(p, 3),
                            "note": _candidate_note(c, searching)} for c, p in d.candidates],
            "grounds": grounds,
            "actions": d.actions,
            "documents": [r.to_dict(show_values) for r in self.screen_results],
            "findings": [dict(f.to_dict(show_values), path=r.path) for r in self.screen_results for f in r.findings],
            "deadline": self.deadline.to_dict() if self.deadline is not None else None,
            "letter": _letter_dict(self.letter),
            "other_letters": [_letter_dict(letter) for letter in self.letters[1:]],
            "warnings": self.warnings,
            "versions": {"rules": self.ruleset_version, "model": self.model_version},
        }


def _item_steps(decision, item) -> dict:
    """Staff view of one item's steps: who answers (第十条), searched or not, its documents."""
    for step in getattr(decision, "item_decisions", None) or []:
        if step.item is item:
            return {"organ": step.organ.responsible, "organ_name": step.organ.agency, "existence": step.existence,
                    "pending_search": step.pending, "documents": [v.path for v in step.views]}
    return {}


def adopted_request_outcome(code: str) -> str:
    """The request-level outcome the review adopted (a triage label), read off its reply code with the table
    used to learn from an office's decisions (rules/outcome_labels.yaml); an answer on the documents is an
    ordinary request."""
    mapped = _outcome_mapper().map(code)
    return mapped.request_label if mapped is not None and mapped.request_label else "ordinary"


@functools.lru_cache(maxsize=1)
def _outcome_mapper():
    """The outcome table, read once per process (a web server reviews many requests)."""
    from reviewer.model.decisions import OutcomeMapper

    return OutcomeMapper()


def _candidate_note(code: str, pending: bool) -> str | None:
    """Why a listed candidate cannot be the reply yet (its probability may still be the highest)."""
    if pending and code == "unavailable.not_held":
        return "须先检索并记录检索情况，才能答复信息不存在（指导案例101号）"
    return None


def _letter_dict(letter) -> dict | None:
    if letter is None:
        return None
    return {"kind": letter.kind, "title": letter.title, "doc_number": letter.doc_number, "text": letter.to_text(),
            "placeholders": letter.collect_placeholders()}


def request_body(text: str) -> str:
    """What the triage and the request grounds read of a request: a form's content field (:func:`form_content`),
    without the applicant's particulars (their own
    name and ID are not a third party's, nor are a restatement's parties' own particulars), conditional threats ("如果不公开，我就去上访" is not a 信访 matter), a
    restatement's frame ("原告向被告某局提交申请表，"), the agency's answer told beside the request
    ("…，被告以属于内部管理信息为由不予公开"), its procedural history ("被告于…作出答复。原告不服，诉至
    本院"), its claims to the court ("诉讼请求：撤销…答复") and the story of earlier complaints ("曾多次上访未果")."""
    from reviewer.decide.mixed import without_past_stories
    from reviewer.decide.request import without_particulars, without_threats
    from reviewer.decide.restatement import (
        with_applicant_named,
        without_answer_clauses,
        without_claims,
        without_office_notes,
        without_party_particulars,
        without_proceedings,
        without_restated_frame,
    )

    text = without_party_particulars(form_content(without_attachments(without_office_notes(with_applicant_named(text)))))
    text = without_answer_clauses(without_proceedings(without_threats(without_particulars(text))))
    return without_past_stories(without_claims(without_restated_frame(text)))


def without_attachments(text: str) -> str:
    """``text`` without the list of attachments a letter or form ends with ("附件：1.营业执照副本复印件；2.法定代表人身份证
    复印件"): what is enclosed is not what is asked for, and an ID copy in it is the applicant's own."""
    from reviewer.decide.request import ATTACHMENTS_LINE_RE

    lines = text.splitlines()
    cut = next((k for k, line in enumerate(lines) if k and ATTACHMENTS_LINE_RE.match(line)), None)
    if cut is None:
        return text
    kept = "\n".join(lines[:cut])
    return kept if kept.strip() else text


def form_content(text: str) -> str:
    """A pasted form without its fields about the applicant and the delivery (证件号码：（略）, 用途, 是否减免费用, 获取
    方式 …), which read as noise or as a vague request; what it asks for (所需信息的名称/内容描述, 特征描述, 文号) stays.
    Any text that is not a form (no content field) is returned as it is."""
    from reviewer.decide.request import CONTENT_FIELD_RE

    lines = text.splitlines()
    if not any(CONTENT_FIELD_RE.match(line) for line in lines):
        return text
    from reviewer.decide.request import EXTRA_CONTENT_FIELD_RE, FIELD_LINE_RE, ITEM_START_RE

    # the value of each field that stays, without its label ("所需信息的内容描述：", "特征描述："), the content field's
    # value running on over the lines after it; free lines outside any field's value (a lawyer's "本所接受某某（身份证号
    # …）的委托…" before the fields, a signature after them) are the letter's frame
    kept: list[str] = []
    in_value = False
    for line in lines:
        if CONTENT_FIELD_RE.match(line):
            in_value = True
            kept.append(CONTENT_FIELD_RE.sub("", line, count=1))
        elif EXTRA_CONTENT_FIELD_RE.match(line):  # "另需信息：…" keeps its label: another item
            in_value = True
            kept.append(line.strip())
        elif FIELD_LINE_RE.match(line) and not ITEM_START_RE.match(line):
            in_value = False
            if not _FORM_NOISE_RE.search(line):
                kept.append(FIELD_LINE_RE.sub("", line, count=1))
        elif in_value and not _FORM_NOISE_RE.search(line):
            kept.append(line)
    rest = "\n".join(k for k in kept if k.strip())
    return rest if len("".join(rest.split())) >= 4 else text


# A form's lines about the applicant, the delivery and the form itself (not about the information asked for).
_FORM_NOISE_RE = re.compile(
    r"证件(?:名称|号码|类型)|^\s*(?:申请人(?:类型|信息|姓名|名称)?|公民|法人或者其他组织|法人|姓名|工作单位|联系电话|电话|手机|"
    r"传真|电子邮箱|邮箱|通信地址|通讯地址|联系地址|邮政编码|邮编|所需(?:政府)?信息(?:的)?用途|用途|"
    r"是否申请减免费用|减免费用|获取(?:信息的)?方式|提供(?:信息的)?方式|信息(?:的)?(?:提供|获取)方式|受理机关|申请日期|"
    r"申请人签名|签名|签章|所需政府信息情况|(?:政府)?信息公开申请(?:表|书)?|"
    # an organisation's particulars and its representatives ("统一社会信用代码：", "委托代理人：钱某某（行政部经理）")
    r"申请单位|单位名称|(?:统一)?社会信用代码|组织机构代码|法定代表人|负责人|(?:委托)?代理人|联系人|经办人|代填人|"
    r"执业证号|律师事务所)(?:[（(][^）)]{0,6}[）)])?\s*(?:[：:]|$)")


def run_review(text: str | None, options: ReviewOptions, *, form_path: Path | None = None) -> ReviewOutcome:
    """One review with the rules, cues, profile and model of ``options``.

    The loaded resources are shared between calls with the same configuration and reloaded when one of
    their files changes; a long-running caller should hold its own :class:`reviewer.app.Reviewer`.
    """
    return review_with(_shared_reviewer(options), text, options, form_path=form_path)


_SHARED: dict[tuple, object] = {}
_SHARED_LOCK = threading.Lock()


def _shared_reviewer(options: ReviewOptions):
    """The façade for ``options``' configuration, keyed by the versions (size, mtime) of the files it reads."""
    from reviewer.app.reviewer import NO_MODEL, Reviewer
    from reviewer.decide.deadline import default_holidays_path
    from reviewer.decide.profile import default_profile_path
    from reviewer.detect.rulebook import rule_files
    from reviewer.paths import RULES_DIR

    model = (options.model_dir if options.model_dir is not None else None) if options.use_model else NO_MODEL
    profile = Path(options.profile) if options.profile is not None else default_profile_path()
    files = [profile, RULES_DIR / "triage.yaml", default_holidays_path(), *rule_files(None)]
    key = (str(model), options.threshold, tuple(_version(f) for f in files))
    with _SHARED_LOCK:
        reviewer = _SHARED.get(key)
        if reviewer is None:
            if len(_SHARED) >= 8:
                _SHARED.clear()
            reviewer = _SHARED[key] = Reviewer(model=model, profile=options.profile, threshold=options.threshold)
    return reviewer


def _version(path: Path) -> tuple:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), None)
    return (str(path), stat.st_size, stat.st_mtime_ns)


def review_with(resources, text: str | None, options: ReviewOptions, *, form_path: Path | None = None) -> ReviewOutcome:
    """Review one request with loaded ``resources`` (a :class:`reviewer.app.Reviewer`): profile, cues,
    models, screener, catalog and calendar come from it; ``options`` carries the request's own facts."""
    from reviewer.decide.catalog import match_item
    from reviewer.decide.decision import decide, view_document
    from reviewer.decide.replytypes import citation_string, load_reply_types
    from reviewer.decide.request import parse_form, parse_request
    from reviewer.decide.triage import triage

    warnings: list[str] = []
    profile = resources.profile
    received_iso = options.received.isoformat() if options.received else None
    if form_path is not None:
        request = parse_form(form_path)
        if options.channel:
            request.channel = options.channel
        if received_iso:
            request.received = received_iso
    else:
        request = parse_request(text or "", channel=options.channel, received=received_iso)
    if options.applicant_on_file:
        from reviewer.decide.completeness import completeness

        request.missing = completeness(request, applicant_on_file=True)
    if request.items and request.items[-1].merged:
        warnings.append(f"申请列出的事项超过 {len(request.items)} 项：最后 {request.items[-1].merged} 项已合并为第 "
                        f"{len(request.items)} 项，请人工拆分核对，逐项答复。")
    if not options.show_values:
        # Items, staff actions and the letter never echo a personal number in full (--show-values shows them).
        from reviewer.screen.masking import ITEM_MASKED_ENTITIES, mask_personal

        for item in request.items:
            item.text = mask_personal(item.text, ITEM_MASKED_ENTITIES)
    models = resources.models
    if resources.model_warning:
        warnings.append(resources.model_warning)
    body = request_body(request.text)
    triage_result = triage(body, resources.cues, models.triage if models else None)
    from reviewer.decide.ranking import request_grounds

    req_grounds = request_grounds(body, triage_result, getattr(models, "request_grounds", None))
    catalog_matches: list = []
    if options.catalog:
        catalog = resources.catalog(options.catalog)
        for item in request.items:
            match = match_item(item.text, catalog)
            catalog_matches.append(match.to_dict() if match else None)
    screener = resources.screener(options.threshold)
    screen_results = [screener.screen_path(p) for p in options.docs]
    views = [view_document(r, options.threshold, options.today) for r in screen_results]
    decision = decide(request, triage_result, views, catalog_matches, threshold=options.threshold,
                      stage=options.stage, agency_name=profile.name, agency_configured=not profile.example,
                      history=options.history,
                      procedure=options.procedure, search_record=options.search_record,
                      third_party=options.third_party, request_grounds=req_grounds, triage_model=models.triage if models else None,
                      grounds_model=getattr(models, "request_grounds", None))
    warnings.extend(decision.warnings)
    reply_type = load_reply_types()[decision.code]
    extra = decision.extra_articles if decision.code == "partial" else []
    citations = citation_string(decision.code, extra)
    deadline = _deadline(request, options, profile, warnings, resources.calendar())
    if deadline is not None and decision.item_decisions \
            and all(getattr(d, "record_correction", False) for d in decision.item_decisions):
        warnings.append("更正申请：《条例》第四十一条未规定办理期限，上列期限按第三十三条计算，仅供参考；请按本机关规定及时核实并告知申请人。")
    letters = _letters(request, decision, screen_results, deadline, profile, options)
    warnings.extend(n for letter in letters[:1] for n in letter.notes if n not in warnings)  # staff view
    if getattr(profile, "example", False):
        for letter in letters:
            mark_unconfigured(letter)
        warnings.append(unconfigured_warning(profile))
    return ReviewOutcome(request, triage_result, decision, reply_type, citations, screen_results, deadline, letters,
                         profile, catalog_matches, warnings, screener.ruleset_version,
                         models.version if models else None,
                         req_grounds if decision.request_grounds is None else decision.request_grounds)


def mark_unconfigured(letter) -> None:
    """Put the visible "示例机关——未配置" mark on a letter drafted with the example profile (once)."""
    from reviewer.decide.profile import UNCONFIGURED_MARK

    mark = f"【{UNCONFIGURED_MARK}】"
    if not letter.title.startswith(mark):
        letter.title = mark + letter.title


def unconfigured_warning(profile) -> str:
    from reviewer.decide.profile import UNCONFIGURED_MARK

    return (f"尚未配置本机关信息：文书落款使用示例机关“{profile.name}”，并标注“{UNCONFIGURED_MARK}”。"
            "请运行 reviewer init 配置本机关，或用 --profile 指定机关配置文件。")


def _deadline(request, options: ReviewOptions, profile, warnings: list[str], calendar=None):
    from reviewer.decide.deadline import compute_deadline

    received = options.received
    if received is None and request.received:
        try:
            received = dt.date.fromisoformat(request.received)
        except ValueError:
            warnings.append(f"收到申请日期“{request.received}”无法识别（应为 YYYY-MM-DD），未计算期限。")
            return None
    if received is None:
        warnings.append("未提供收到申请日期（--received），未计算答复期限。")
        return None
    channel = options.channel or request.channel
    if channel:
        from reviewer.decide.deadline import receipt_date

        try:  # 第三十一条: mail counts from the day the agency signed for it, online from mutual confirmation
            facts = receipt_date(channel, received, signed=received if channel.strip() in ("邮寄", "mail") else None)
        except ValueError as exc:
            warnings.append(f"收到申请日期未按渠道核对：{exc}")
        else:
            received = facts.date
            warnings.extend(facts.notes)
    return compute_deadline(received, calendar=calendar, convention=profile.counting, today=options.today)


def _letters(request, decision, screen_results, deadline, profile, options: ReviewOptions) -> list:
    from reviewer.draft.from_review import draft_for_review

    return draft_for_review(request, decision, deadline, profile, stage=options.stage, today=options.today,
                            history=options.history, search_record=options.search_record,
                            third_party=options.third_party)


def _earlier_reply(L, history: dict | None):
    earlier = (history or {}).get("earlier")
    if not earlier:
        return None
    return L.EarlierReply(doc_number=earlier.get("doc_number"), date=_iso(earlier.get("date")))


def _withheld(decision, result) -> list:
    for view in decision.documents:
        if view.path == result.path:
            return view.withheld
    return []


def _iso(value):
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def write_redacted(outcome: ReviewOutcome, out_dir: Path, style: str = "tag", threshold: float = 0.5) -> list[Path]:
    """Redacted copies of the candidate documents and a redaction log (``redaction_log.csv``).

    Each readable document goes through :func:`reviewer.draft.redact.plan_release`: the copy masks
    every span the letter relies on and every span still needing review (tagged 【待审核…】); a
    document marked 密级, exempt as a whole, or withheld whole by the decision gets a note file
    (``<name>.未生成遮盖副本说明.txt``, reasons only) instead of a copy.  Two documents with the same
    name get distinct copies; nothing is written through a link.  Returns the files written."""
    from reviewer.batch.report_files import REDACTED_NOTE_SUFFIX, atomic_write, csv_safe, safe_join
    from reviewer.draft.redact import (
        PENDING_NOTE,
        ReleasePlan,
        classifier_passages,
        no_copy_note,
        plan_release,
        redact_for_release,
    )
    from reviewer.load.common import hidden_start

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    decision = outcome.decision
    codes = [decision.code, *(decision.item_codes or [])]
    whole_by_decision = decision.code.startswith("withhold.") and "partial" not in codes
    written: list[Path] = []
    used: set[str] = set()

    originals = {Path(r.path).resolve() for r in outcome.screen_results}

    def unique(name: str, suffix: str) -> Path:
        """A name not used by another copy in this run and never an original document's path."""
        stem, n = name, 1
        while (stem + suffix) in used or (out_dir / (stem + suffix)).resolve() in originals:
            n += 1
            stem = f"{name}-{n}"
        used.add(stem + suffix)
        return safe_join(out_dir, stem + suffix)

    rows: list[list] = []
    for result in outcome.screen_results:
        if result.status != "ok":
            continue
        view = next((v for v in decision.documents if v.path == result.path), None)
        whole = [g for g, p in (view.document_grounds if view else {}).items() if p >= threshold]
        plan = plan_release(result.findings, threshold, whole_grounds=whole,
                            passages=classifier_passages(result.categories, threshold), text=result.text)
        if plan.copy and whole_by_decision:
            plan = ReleasePlan(False, reasons=["本次答复拟整份不予公开，不生成可公开的遮盖副本。"])
        name = Path(result.path).name
        if not plan.copy:
            target = unique(Path(result.path).stem, REDACTED_NOTE_SUFFIX)
            with atomic_write(target, base=out_dir) as out:
                out.write(no_copy_note(name, plan))
            written.append(target)
            rows.append([result.path, "", "", "", "", "", "", "", "未生成遮盖副本：" + "".join(plan.reasons)])
            continue
        red = redact_for_release(result.text, plan, style, visible_end=hidden_start(result.text, result.sections))
        target = unique(Path(result.path).stem, ".redacted.txt")
        with atomic_write(target, base=out_dir) as out:
            out.write(red.text)
        written.append(target)
        for entry in red.log:
            status = "待审核，暂予遮盖" if entry.get("pending") else "不予公开，已遮盖"
            rows.append([result.path, entry["start"], entry["end"], entry["chars"], entry["label"], entry["basis"],
                         entry["replacement"], entry["preview"], status])
        if plan.pending:
            rows.append([result.path, "", "", "", "", "", "", "", PENDING_NOTE])
    log_path = safe_join(out_dir, "redaction_log.csv")
    with atomic_write(log_path, encoding="utf-8-sig", newline="", base=out_dir) as handle:
        import csv

        writer = csv.writer(handle)
        writer.writerow(["文件", "起始", "结束", "字数", "理由", "依据", "替换为", "预览（已脱敏）", "处理状态"])
        for row in rows:
            writer.writerow([csv_safe(cell) for cell in row])
    written.append(log_path)
    return written
