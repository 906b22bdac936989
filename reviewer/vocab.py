"""One definition of each vocabulary: ground categories, severities, verdicts, statuses, reply groups.

This module sits at the lowest layer (beside ``reviewer.paths``) and imports nothing from the
project, so every stage, the tests and the benchmarks take their names from here.  The reply
types themselves (codes, labels, articles) live in ``rules/reply_types.yaml`` and are read by
``reviewer.decide.replytypes``; only the codes that code branches on are named here.
"""

from __future__ import annotations

# --- withholding grounds (Finding.category) --------------------------------------------------
CATEGORIES: tuple[str, ...] = (
    "state_secret",
    "law_prohibited",
    "security_stability",
    "trade_secret",
    "privacy",
    "internal_affairs",
    "process_info",
    "enforcement_file",
)
CATEGORY_LABELS: dict[str, str] = {
    "state_secret": "国家秘密",
    "law_prohibited": "法律行政法规禁止公开",
    "security_stability": "危及“三安全一稳定”",
    "trade_secret": "商业秘密",
    "privacy": "个人隐私",
    "internal_affairs": "内部事务信息",
    "process_info": "过程性信息",
    "enforcement_file": "行政执法案卷",
}
# The grounds the passage classifier is trained on (corpora/passages labels): every category but
# law_prohibited, which depends on a named statute and is left to rules.
MODEL_GROUNDS: tuple[str, ...] = (
    "state_secret",
    "trade_secret",
    "privacy",
    "process_info",
    "internal_affairs",
    "enforcement_file",
    "security_stability",
)
# Short Chinese names of the model grounds (reports, evaluation tables).
GROUND_NAMES_ZH: dict[str, str] = {
    "state_secret": "国家秘密",
    "trade_secret": "商业秘密",
    "privacy": "个人隐私",
    "process_info": "过程性信息",
    "internal_affairs": "内部事务信息",
    "enforcement_file": "行政执法案卷",
    "security_stability": "三安全一稳定",
}
# Categories a development-case document snippet may be labelled with (besides ``clean``).
DEV_DOC_CATEGORIES: tuple[str, ...] = tuple(g for g in MODEL_GROUNDS if g != "security_stability")

# --- severities and verdicts -----------------------------------------------------------------
SEVERITIES: tuple[str, ...] = ("info", "review", "withhold")
SEVERITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(SEVERITIES)}
SEVERITY_LABELS: dict[str, str] = {"info": "提示", "review": "需人工审核", "withhold": "建议不予公开"}

VERDICTS: tuple[str, ...] = ("clean", "review", "withhold")
VERDICT_RANK: dict[str, int] = {name: rank for rank, name in enumerate(VERDICTS)}
VERDICT_LABELS: dict[str, str] = {"clean": "未发现问题", "review": "需人工审核", "withhold": "建议不予公开或区分处理"}
FAIL_ON: tuple[str, ...] = ("review", "withhold")

# --- statuses --------------------------------------------------------------------------------
# A screened file (reviewer.screen); the batch adds its own two.
SCREEN_STATUS_LABELS: dict[str, str] = {
    "ok": "已审查",
    "unreadable": "无法读取",
    "empty": "空文件",
    "unsupported": "不支持的类型",
    "no_text": "无文本层",
    "too_large": "文件过大",
}
BATCH_STATUS_LABELS: dict[str, str] = {**SCREEN_STATUS_LABELS, "timeout": "处理超时", "error": "处理出错"}
# A request in the decision store.
REQUEST_STATUS_LABELS: dict[str, str] = {"open": "待决定", "correction": "等待补正", "decided": "已决定", "closed": "已办结"}
# A rule in rules/*.yaml.
RULE_STATUSES: tuple[str, ...] = ("stable", "preview", "deprecated")

# --- reply codes the code branches on ----------------------------------------------------------
REPLY_GROUPS: tuple[str, ...] = ("disclose", "partial", "withhold", "unavailable", "no_action", "other")
# Outcomes the request triage can read from the request text alone ("ordinary" = needs documents).
TRIAGE_LABELS: tuple[str, ...] = (
    "ordinary",
    "no_action.petition",
    "other.consultation",
    "unavailable.needs_creation",
    "no_action.publication",
    "other.special_procedure",
    "other.not_gov_info",
    "no_action.confirm",
    "other.correction",
)
TRIAGE_NAMES_ZH: dict[str, str] = {
    "ordinary": "普通申请",
    "no_action.petition": "信访举报投诉",
    "other.consultation": "咨询",
    "unavailable.needs_creation": "需加工分析",
    "no_action.publication": "公开出版物",
    "other.special_procedure": "特别规定办理",
    "other.not_gov_info": "非政府信息",
    "no_action.confirm": "确认/重新出具",
    "other.correction": "需补正",
}
# Procedural progress of a request (``reviewer review --procedure``) → the reply code it leads to.
PROCEDURE_CODES: dict[str, str] = {
    "correction_lapsed": "other.correction_lapsed",  # 第三十条: 逾期不补正
    "fee_unpaid": "other.fee_unpaid",  # 第四十二条: 逾期未缴费
    "reasons_unreasonable": "no_action.excessive",  # 第三十五条: 说明理由后理由不合理
    "withdrawn": "other.other",  # 申请人撤回申请
}
PROCEDURES: tuple[str, ...] = ("corrected", *PROCEDURE_CODES)

# --- request facts -----------------------------------------------------------------------------
CHANNELS: tuple[str, ...] = ("当面", "邮寄", "网络", "传真")
DECISION_STAGES: tuple[str, ...] = ("pending", "decided")  # process information: 尚在讨论 / 已作出决定
# The third party's answer to the written consultation (第三十二条): 同意 / 不同意（有理由） / 逾期未答复.
THIRD_PARTY_OPINIONS: tuple[str, ...] = ("agree", "object", "none")


# --- spreadsheets ------------------------------------------------------------------------------
# A CSV/XLSX cell starting with one of these runs as a formula in a spreadsheet: exports prefix it with "'"
# (reviewer.screen.output.csv_safe) and imports take that prefix off again.
FORMULA_START: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
