"""Review one request end to end: parse → triage → catalog → screen documents → decide →
deadline → letters (and redacted copies for partial disclosure).

``run_review`` returns a :class:`ReviewOutcome` whose ``to_dict()`` is the JSON output of
``reviewer review`` (keys ``request``, ``reply``, ``candidates``, ``grounds``, ``findings``,
``deadline``, ``letter`` …).  Nothing here decides alone: the output is a draft for staff.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.detect.findings import CATEGORY_LABELS


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

    @property
    def letter(self):
        return self.letters[0] if self.letters else None

    def to_dict(self, show_values: bool = False) -> dict:
        from reviewer.decide.replytypes import load_reply_types

        types = load_reply_types()
        d = self.decision
        request = self.request.to_dict(show_values)
        items = []
        for item, code in zip(self.request.items, d.item_codes or [d.code] * len(self.request.items)):
            match = self.catalog_matches[item.index - 1] if self.catalog_matches else None
            items.append({"index": item.index, "text": item.text, "code": code, "label": types[code].label,
                          "catalog_match": match})
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
        return {
            "request": request,
            "triage": self.triage.to_dict(),
            "reply": {
                "code": d.code,
                "label": types[d.code].label,
                "citations": self.citations,
                "reasons": d.reasons,
                "report_row": self.profile.report_row(d.code, types),
            },
            "candidates": [{"code": c, "label": types[c].label, "probability": round(p, 3)} for c, p in d.candidates],
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


def _letter_dict(letter) -> dict | None:
    if letter is None:
        return None
    return {"kind": letter.kind, "title": letter.title, "doc_number": letter.doc_number, "text": letter.to_text(),
            "placeholders": letter.collect_placeholders()}


def run_review(text: str | None, options: ReviewOptions, *, form_path: Path | None = None) -> ReviewOutcome:
    from reviewer.decide.catalog import load_catalog, match_item
    from reviewer.decide.decision import decide, view_document
    from reviewer.decide.profile import load_profile
    from reviewer.decide.replytypes import citation_string
    from reviewer.decide.request import parse_form, parse_request
    from reviewer.decide.triage import load_cues, triage
    from reviewer.model.loader import load_models
    from reviewer.screen.screening import Screener

    warnings: list[str] = []
    profile = load_profile(options.profile)
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
        from reviewer.decide.request import completeness

        request.missing = completeness(request, applicant_on_file=True)
    models = None
    if options.use_model:
        models, warning = load_models(options.model_dir)
        if warning:
            warnings.append(warning)
    triage_result = triage(request.text, load_cues(), models.triage if models else None)
    catalog_matches: list = []
    if options.catalog:
        catalog = load_catalog(options.catalog)
        for item in request.items:
            match = match_item(item.text, catalog)
            catalog_matches.append(match.to_dict() if match else None)
    screener = Screener(grounds_model=models.grounds if models else None, threshold=options.threshold)
    screen_results = [screener.screen_path(p) for p in options.docs]
    views = [view_document(r, options.threshold) for r in screen_results]
    decision = decide(request, triage_result, views, catalog_matches, threshold=options.threshold,
                      stage=options.stage, agency_name=profile.name, history=options.history,
                      procedure=options.procedure)
    warnings.extend(decision.warnings)
    from reviewer.decide.replytypes import load_reply_types

    reply_type = load_reply_types()[decision.code]
    extra = decision.extra_articles if decision.code == "partial" else []
    citations = citation_string(decision.code, extra)
    deadline = _deadline(request, options, profile, warnings)
    letters = _letters(request, decision, screen_results, deadline, profile, options)
    return ReviewOutcome(request, triage_result, decision, reply_type, citations, screen_results, deadline, letters,
                         profile, catalog_matches, warnings, screener.ruleset_version,
                         models.version if models else None)


def _deadline(request, options: ReviewOptions, profile, warnings: list[str]):
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
    return compute_deadline(received, convention=profile.counting, today=options.today)


def _letters(request, decision, screen_results, deadline, profile, options: ReviewOptions) -> list:
    from reviewer.draft import letters as L

    types_withheld = []
    for result in screen_results:
        for f in result.findings:
            if f in _withheld(decision, result):
                # A description, never the withheld content itself: it is printed in the letter.
                types_withheld.append(L.WithheldPart(
                    text=f"《{Path(result.path).name}》中的{f.explanation.get('message', '').rstrip('。').replace('发现', '')}",
                    ground=f.category, basis=None, reason=None))
    items = []
    item_codes = decision.item_codes or [decision.code] * len(request.items)
    item_reasons = decision.item_reasons or [[] for _ in request.items]
    for item, code, reasons in zip(request.items, item_codes, item_reasons):
        items.append(L.RequestItem(text=item.text, code=code, reasons=reasons if code.startswith("withhold.") else [],
                                   withheld=types_withheld if code == "partial" else []))
    published = []
    for match in decision.catalog_matches:
        if match:
            published.append(L.PublishedRef(title=match["title"], doc_number=match.get("doc_number"),
                                            url=match.get("url"),
                                            date=_iso(match.get("date"))))
    ctx = L.ReplyContext(
        code=decision.code,
        applicant=request.applicant.display_name,
        received=deadline.received if deadline is not None else None,
        channel=request.channel,
        missing=list(request.missing),
        items=items,
        reasons=list(decision.letter_reasons),
        citations=list(decision.extra_articles) if decision.code == "partial" else [],
        other_agency=L.OtherAgency(name=decision.other_agency) if decision.other_agency else None,
        published=published,
        due=deadline.due if deadline is not None else None,
        delivery="、".join(request.delivery) if request.delivery else None,
        decision_stage=options.stage,
        today=options.today,
        correction_notice_due=getattr(deadline, "correction_notice_due", None),
        earlier_reply=_earlier_reply(L, options.history),
    )
    letters = []
    if decision.code == "other.correction":
        letters.append(L.draft_correction_notice(ctx, profile))
    else:
        letters.append(L.draft_reply(ctx, profile))
    if decision.third_party:
        names = "、".join(sorted({CATEGORY_LABELS[f.category] for r in screen_results for f in _withheld(decision, r)}))
        ctx.third_party = L.ThirdParty(what="、".join(i.text for i in request.items)[:120],
                                       why=names or "商业秘密或个人隐私")
        letters.append(L.draft_third_party_letter(ctx, profile))
    return letters


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
