"""What an item's own text points to: the request-level outcome its cues name (:func:`item_nature`), the grounds its
kind-of-information cues name, and whether it is the applicant's own matter (:func:`own_matter`)."""

from __future__ import annotations

from reviewer.decide.triage import Cue, rule_scores
from reviewer.text import lazy_re

# Request-level outcomes an item's own text can point to (besides an ordinary request for information).
ITEM_NATURE_MIN = 0.3
# The cue that reads the applicant's own (household's) information (rules/triage.yaml): one definition, used by the
# triage and by :func:`own_matter`.
OWN_INFORMATION_CUE = "own-information"
# Another person named beside the applicant's own matter ("我家隔壁老鲍家的补偿协议", "对方驾驶人的询问笔录", "同科室蔺某某的
# 病假记录"): broad on purpose — a false hit only keeps the redactions an own matter would lift.
_OTHER_PERSON_RE = lazy_re.compile(
    r"邻居|隔壁|他人|别人|别家|(?<![请告诉证])人家(?!庭)|其[他它余](?:人|户|家|村民|住户|被征收户|职工|人员|医生|考生|申请人|当事人|[一二三四五六七八九两几\d]+[人户家名])|"
    r"对方|另外[一二三四五六七八九两几\d]+(?:个|名)?(?:人|户|家)|同(?:批次?|科室|单位|期|事)|"
    r"[某×][某×]?(?:家|户)|(?<![某×])[某×]某?(?![某×]|[市县区镇乡村街道路组小区社区公司局厂院校所站队处委办年月日号次项份批])|"
    r"姓[\u4e00-\u9fa5](?:的|家)|老[\u4e00-\u9fa5]家|生父母|前妻|前夫|再婚对象|各户|每户|全体|别的|"
    # a complaint or report about the applicant has a complainant ("对我店被投诉一事的处理情况报告")
    r"投诉人|举报人|信访人|被(?:投诉|举报|检举|控告)")

_PRINCIPAL_RE = lazy_re.compile(r"委托人[\u4e00-\u9fa5]{0,3}(?:某某?|××?|\*{1,2})?(?:户|家|本人)?")


def item_nature(text: str, cues: list[Cue]) -> tuple[str, float]:
    """The request-level outcome an item's text points to, or ("ordinary", p)."""
    scores, _ = rule_scores(text, cues)
    best = max(((c, p) for c, p in scores.items() if c not in ("ordinary", "other.correction")),
               key=lambda kv: kv[1], default=("ordinary", 0.0))
    if best[1] >= ITEM_NATURE_MIN:
        return best
    return "ordinary", 1.0 - best[1]

QUESTION_OR_COMPLAINT = ("other.consultation", "no_action.petition")
# Parts split off the information asked for in the same sentence: a question, a complaint, or a request to
# correct the applicant's own record (其他处理, 第四十一条; only the record-correction cue proposes it).
SPLIT_OFF = (*QUESTION_OR_COMPLAINT, "other.other")

# Below this a head's petition score is a word (举报、投诉 named as the matter the records are about, TRI002 alone),
# not a demand to act (the demand cues weigh 0.5 and more).
WEAK_PETITION_MAX = 0.5  # (outcome.demand_made draws the same line for the letter)

def _ground_cues(text: str, cues: list[Cue]) -> set[str]:
    """The withholding grounds the kind-of-information cues name in ``text``."""
    return {h.ground for h in rule_scores(text, cues)[1] if h.ground}

def own_matter(text: str, cues: list[Cue] | None = None) -> bool:
    """The item concerns the applicant's own (or own household's) matter: the own-information cue fires (本人的、我家、
    其本人 … — not "本人申请公开", where 本人 is only the one who applies) and no cue names another person's
    information (邻居、他人、某某户 …: "本人申请公开邻居家的补偿协议", "我的邻居王某的病历" are a third party's).
    An own matter lifts the third-party privacy redactions of its documents (outcome._apply_hard_rules), so both
    conditions must hold."""
    if cues is None:
        from reviewer.decide.triage import load_cues

        cues = load_cues()
    names = {cue.id: getattr(cue, "name", "") for cue in cues}
    _scores, hits = rule_scores(text, cues)
    own = any(names.get(hit.cue) == OWN_INFORMATION_CUE for hit in hits)
    # a lawyer's client ("委托人王某某户的评估报告") is the applicant in substance, not another person
    other = any(hit.ground == "privacy" for hit in hits) or _OTHER_PERSON_RE.search(_PRINCIPAL_RE.sub("", text)) is not None
    return own and not other
