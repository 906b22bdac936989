"""What counts as asking for information: the request verbs, the weaker ones, and wording that names a verb without
asking ("如果不公开…", "不予公开").  Shared by the reading of a request (:mod:`~reviewer.decide.request`) and of a
restatement (:mod:`~reviewer.decide.restatement`)."""

from __future__ import annotations

import re

from reviewer.text import lazy_re

REQUEST_VERBS = ("申请公开", "要求公开", "请求公开", "申请获取", "申请提供", "要求提供", "请求提供", "公开", "提供")
WEAK_REQUEST_VERBS = ("申请", "查阅", "调取", "索取", "复印", "我要", "我想要", "给我", "想看看", "想看一下", "想查看", "看一看")
NOT_ASKING_RE = lazy_re.compile(r"(?:如果|假如|要是|若是?|否则)[^，,。！？!?]*|(?:不|未|没有?|拒绝|不予)(?:公开|提供)|"
                           # "来函没有要求提供任何文件": a demand told as not made
                           r"(?:未|没有?|并未|并没有|不曾|从未)(?:要求|申请|请求)(?:公开|提供|获取)?|"
                           # "想看看能不能办缓考": whether something can be done, not a record to see
                           r"想?看看?(?:能不能|能否|是否|可否|可不可以|有没有|怎么|如何|行不行)")


def asks_any_verb(text: str) -> bool:
    """Whether ``text`` holds a request verb, strong or weak — "申请人", "申请书", "申请表" name a party or a form and do
    not count ("申请人认为，…" asks nothing)."""
    rest = re.sub(r"申请(?:人|书|表)", "", text or "")
    return any(v in rest for v in REQUEST_VERBS + WEAK_REQUEST_VERBS)
