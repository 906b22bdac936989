"""The detection engine: run the rule lists over one normalised, segmented text.

* keyword rules share one Aho-Corasick automaton (pyahocorasick) — no giant regex;
* keyword prefilter: a regex rule with required context words runs only on texts holding one of them
  (one automaton pass per text finds them all);
* regex rules use the ``regex`` module with a per-text timeout, so a pathological pattern can
  not stall a batch (a timed-out rule is reported as a warning, never silently passed);
* validators (checksums) confirm, drop or down-score a hit; context words boost it;
  exclude words drop it; ``position`` lowers the score of a 密级 mark outside the document head.

All spans are found on the normalised text and mapped back to the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reviewer.detect.findings import (
    SEVERITY_LABELS,
    SEVERITY_RANK,
    Explanation,
    Finding,
    ValidatorResult,
    merge_findings,
)
from reviewer.detect.rulebook import Rule, Window
from reviewer.detect.validators import VALIDATORS

REGEX_TIMEOUT_SECONDS = 2.0
DIGIT_RUN_FILTER = 5  # a pattern needing a run of this many digits or more runs only near such runs


@dataclass
class Detection:
    findings: list[Finding]
    warnings: list[str] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)  # codes of rules not applied (regex time limit)


class Detector:
    """Compiled rule set; build once per process and reuse for every text."""

    def __init__(self, rules: list[Rule]):
        import ahocorasick
        import regex

        from reviewer.detect.prefilter import plans
        from reviewer.text.normalize import normalize

        self.rules = [r for r in rules if r.status != "deprecated"]
        keyword_rules: dict[str, list[tuple[int, str]]] = {}
        for index, rule in enumerate(self.rules):
            for keyword in rule.keywords:
                key = normalize(keyword).text
                keyword_rules.setdefault(key, []).append((index, keyword))
        # (rule index, pattern); a pattern is compiled when a text first needs it (see _compile): most patterns
        # never pass the prefilter in a run, and compiling one costs a few milliseconds
        self._patterns: list[tuple[int, str]] = []
        self._anchors: dict[int, tuple[str, int, int]] = {}
        self._compiled: dict[str, object] = {}
        # Keyword prefilter, speed only (see reviewer/detect/prefilter.py): a pattern whose every match holds
        # one of a few literal strings is skipped on a text holding none of them, and run only in windows
        # around them when its reach is bounded.
        self._plans: list = []
        self._digit_runs = regex.compile(rf"\d{{{DIGIT_RUN_FILTER},}}")
        planned = iter(plans([pattern for rule in self.rules for pattern in rule.patterns]))
        for index, rule in enumerate(self.rules):
            for pattern in rule.patterns:
                self._patterns.append((index, pattern))
                found = next(planned)
                if found is not None and any(len(w) == 1 and (w.isdigit() or w.isspace()) for w in found.literals):
                    found = replace(found, literals=frozenset())  # a lone digit or space: in nearly every text
                if found is not None and found.digits < DIGIT_RUN_FILTER:
                    found = replace(found, digits=0)  # short digit runs: in nearly every text
                if found is not None and not found.literals and not found.digits:
                    found = None
                self._plans.append(found)
            if rule.anchor is not None:
                self._anchors[index] = rule.anchor
        # A regex rule whose context words are required cannot fire on a text that holds none of them.
        self._required: dict[int, frozenset[str]] = {}
        for index, rule in enumerate(self.rules):
            if rule.patterns and rule.context and rule.context.required and rule.context.words:
                self._required[index] = frozenset({*rule.context.words, *(normalize(w).text for w in rule.context.words)})
        marks = set().union(*self._required.values()) if self._required else set()
        for found in self._plans:
            if found is not None:
                marks |= found.literals
        self._located = frozenset(w for found in self._plans if found is not None and found.reach is not None
                                  for w in found.literals)
        # One automaton, one pass per text: keyword rules' words and the prefilter's words together, over the
        # text's UTF-8 bytes (see scan_form).  value: (length in characters, keyword owners, the word when the
        # prefilter needs it, whether its places are kept)
        self._automaton = None
        if keyword_rules or marks:
            automaton = ahocorasick.Automaton()
            for key in {*keyword_rules, *marks}:
                automaton.add_word(scan_form(key), (len(key), tuple(keyword_rules.get(key, ())),
                                                    key if key in marks else None, key in self._located))
            automaton.make_automaton()
            self._automaton = automaton

    def detect(self, original: str, norm, tokens, heading: str | None = None,
               published: bool | None = None) -> Detection:
        """Find every rule hit in ``original`` (already normalised as ``norm`` and segmented as ``tokens``).
        ``heading`` and ``published``: the document's own heading and whether the document carries a publication
        mark, when ``original`` is a window of a longer text (its first lines are then no heading)."""
        text = norm.text
        hits: list[tuple[int, int, int, str]] = []  # (rule index, start, end, pattern or keyword)
        warnings: list[str] = []
        unchecked: list[str] = []
        present: set[str] = set()
        places: dict[str, list[int]] = {}
        anchor_windows: dict[int, list[tuple[int, int]]] = {}
        digit_runs: list[tuple[int, int]] | None = None  # maximal runs of DIGIT_RUN_FILTER+ digits
        if self._automaton is not None and text:
            raw = text.encode("utf-8", "surrogatepass")
            ascii_only = len(raw) == len(text)
            done_bytes = done_chars = 0  # byte offset → character offset, counted as the matches arrive in order
            for end_index, (length, owners, word, located) in self._automaton.iter(raw.decode("latin-1")):
                if word is not None:
                    present.add(word)
                if not (owners or located):
                    continue
                end = end_index + 1
                if not ascii_only:  # a match starts and ends on character boundaries (UTF-8 is self-synchronising)
                    done_chars += len(raw[done_bytes:end].decode("utf-8", "surrogatepass"))
                    done_bytes, end = end, done_chars
                start = end - length
                for rule_index, keyword in owners:
                    hits.append((rule_index, start, end, keyword))
                if located:
                    places.setdefault(word, []).append(start)
        for pattern_index, (rule_index, pattern) in enumerate(self._patterns):
            required = self._required.get(rule_index)
            if required is not None and required.isdisjoint(present):
                continue
            found = self._plans[pattern_index]
            long_runs = None
            if found is not None:
                if found.literals and found.literals.isdisjoint(present):
                    continue
                if found.digits:
                    if digit_runs is None:
                        digit_runs = [m.span() for m in self._digit_runs.finditer(text)]
                    long_runs = [(s, e) for s, e in digit_runs if e - s >= found.digits]
                    if not long_runs:
                        continue
            if rule_index in self._anchors:  # the same windows for every pattern of the rule
                windows = anchor_windows.get(rule_index)
                if windows is None:
                    windows = anchor_windows[rule_index] = self._windows(rule_index, text)
            elif found is None or found.reach is None:
                windows = [(0, len(text))]
            elif long_runs is not None:
                windows = _windows_around(long_runs, found.reach, len(text))
            elif found.literals:
                windows = _windows_around(sorted((s, s + len(w)) for w in found.literals for s in places.get(w, ())),
                                          found.reach, len(text))
            else:
                windows = [(0, len(text))]
            compiled = self._compile(pattern)
            try:
                seen: set[tuple[int, int]] = set()
                for pos, endpos in windows:
                    for match in compiled.finditer(text, pos, endpos, timeout=REGEX_TIMEOUT_SECONDS):
                        if "v" in compiled.groupindex and match.group("v") is not None:
                            start, end = match.span("v")
                        else:
                            start, end = match.span()
                        if end > start and (start, end) not in seen:
                            seen.add((start, end))
                            hits.append((rule_index, start, end, pattern))
            except TimeoutError:
                rule = self.rules[rule_index]
                unchecked.append(rule.code)
                warnings.append(f"规则 {rule.code} 的正则表达式超时（>{REGEX_TIMEOUT_SECONDS:g} 秒），本文件未应用该规则")
        head_cache: dict = {}  # per text: head ends by line count, ("after", pattern) → match ends
        if heading is not None:  # a window of a longer text: the document's heading, not the window's first lines
            head_cache["heading"] = re.sub(r"[ \t\u3000]+", "", heading)
        if published is not None:
            head_cache["published"] = published
        findings = []
        for rule_index, start, end, pattern in hits:
            finding = self._judge(self.rules[rule_index], start, end, pattern, original, norm, tokens, head_cache)
            if finding is not None:
                findings.append(finding)
        return Detection(merge_findings(findings), warnings, list(dict.fromkeys(unchecked)))

    def _compile(self, pattern: str):
        """The compiled ``pattern``, compiled on first use (the rule files were checked: it compiles)."""
        compiled = self._compiled.get(pattern)
        if compiled is None:
            import regex

            compiled = self._compiled[pattern] = regex.compile(pattern)
        return compiled

    def _windows(self, rule_index: int, text: str) -> list[tuple[int, int]]:
        """Where a rule's patterns run: the whole text, or (a rule with an ``anchor``) merged windows around
        the anchor's matches — a costly pattern then scans a few hundred characters instead of the file."""
        anchor = self._anchors.get(rule_index)
        if anchor is None:
            return [(0, len(text))]
        pattern, before, after = anchor
        compiled = self._compile(pattern)
        windows: list[tuple[int, int]] = []
        for match in compiled.finditer(text):
            pos, endpos = max(0, match.start() - before), min(len(text), match.end() + after)
            if windows and pos <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], endpos))
            else:
                windows.append((pos, endpos))
        return windows

    def _after(self, after: tuple[str, int], start: int, text: str, cache: dict) -> bool:
        """Whether ``after``'s pattern matches within its window before ``start`` (match ends found once per text)."""
        from bisect import bisect_right

        pattern, window = after
        ends = cache.get(("after", pattern))
        if ends is None:
            ends = cache[("after", pattern)] = [m.end() for m in self._compile(pattern).finditer(text)]
        i = bisect_right(ends, start)
        return i > 0 and start - ends[i - 1] <= window

    def _judge(self, rule: Rule, start, end, pattern, original, norm, tokens, head_cache) -> Finding | None:
        text = norm.text
        explanation = Explanation(pattern=pattern, message=rule.message, original_score=rule.score,
                                  marking=rule.marking)
        if rule.boundary == "token" and not tokens.is_boundary(start, end):
            return None
        if rule.exclude and _words_near(text, start, end, rule.exclude):
            return None
        if rule.after and not self._after(rule.after, start, text, head_cache):
            return None  # no table header (or whatever the rule needs) above the hit
        if rule.exclude and rule.exclude.heading:
            heading = head_cache.get("heading")
            if heading is None:  # the title and the line under it, spaces out ("行 政 判 决 书", "答 记 者 问")
                heading = head_cache["heading"] = re.sub(r"[ \t\u3000]+", "", text[:_head_end(text, HEADING_LINES)])
            if any(w in heading for w in rule.exclude.heading):
                return None  # "……会议纪要（公开版）": the document says it is the version meant for the public
        if rule.category in RECORD_KIND_GROUNDS and _marked_for_publication(text, head_cache):
            return None  # "（此件公开发布）", "公开方式：主动公开": the office already chose to publish this record
        if (rule.kind in ("keywords", "context") and rule.category != "privacy"
                or rule.kind == "regex" and rule.category in RECORD_KIND_GROUNDS) \
                and names_kind(text, start, end, back_reference=rule.category in RECORD_KIND_GROUNDS):
            return None  # "申请公开的“…会议记录”", "询问笔录、检查笔录等执法案卷": the kind named, not its content
        score = rule.score
        severity = rule.severity
        if rule.head_lines:
            head_end = head_cache.get(rule.head_lines)
            if head_end is None:
                head_end = head_cache[rule.head_lines] = _head_end(text, rule.head_lines)
            if start >= head_end:
                score = rule.outside_score or score
                explanation.position = f"不在文首前 {rule.head_lines} 行（分值降为 {score:g}）"
            else:
                explanation.position = f"位于文首前 {rule.head_lines} 行"
        if rule.validator:
            result = VALIDATORS[rule.validator](text[start:end])
            explanation.validator = ValidatorResult(rule.validator, result.valid, result.note)
            if result.valid is False:
                return None
            if result.valid is True:
                score = result.score if result.score is not None else 1.0
        if rule.context:
            seen = _words_near(text, start, end, rule.context)
            if rule.context.required and not seen:
                return None
            if seen:
                explanation.context = seen
                boosted = min(1.0, score + rule.context.boost)
                explanation.context_boost = round(boosted - score, 4)
                score = boosted
                if rule.context.severity:
                    severity = rule.context.severity
        if rule.demote:
            lowering = _words_near(text, start, end, rule.demote)
            if lowering and SEVERITY_RANK[rule.demote.severity] < SEVERITY_RANK[severity]:
                explanation.demoted_by = lowering
                severity = rule.demote.severity
        ostart, oend = norm.orig_span(start, end)
        explanation.summary = _summary(rule, explanation)
        return Finding(
            rule=rule.code,
            name=rule.name,
            category=rule.category,
            basis=rule.basis,
            start=ostart,
            end=oend,
            text=original[ostart:oend],
            score=round(score, 4),
            severity=severity,
            entity=rule.entity,
            explanation=explanation,
            source="rule",
        )


def scan_form(text: str) -> str:
    """The form the keyword automaton reads: the UTF-8 bytes of ``text``, one character per byte (latin-1).

    Matching bytes finds exactly the same words (a word's first byte is never the middle of a character), and
    is several times faster: pyahocorasick looks a character up among a node's children one by one, and the
    root holds the first character of every word (hundreds of Chinese characters) but only a few distinct
    first bytes."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


def _windows_around(spans: list[tuple[int, int]], reach: int, n: int) -> list[tuple[int, int]]:
    """Merged windows ``[start - reach, end + reach + 1)`` around sorted ``spans`` (the places of a plan's
    literals, or its long digit runs; see reviewer/detect/prefilter.py); the whole text when they would
    cover most of it anyway."""
    windows: list[tuple[int, int]] = []
    covered = 0
    for start, end in spans:
        pos, endpos = max(0, start - reach), min(n, end + reach + 1)
        if windows and pos <= windows[-1][1]:
            if endpos > windows[-1][1]:
                covered += endpos - windows[-1][1]
                windows[-1] = (windows[-1][0], endpos)
        else:
            windows.append((pos, endpos))
            covered += endpos - pos
    return [(0, n)] if covered * 2 > n else windows


# Single-character context words that also occur inside common words where they say nothing about a person:
# "其" in 其中/其他 (not the pronoun), "女" in 妇女/子女, "男" in 男女.  An occurrence inside one of these
# compounds does not count as the context word.
NOT_CONTEXT = {
    "其": ("其中", "其他", "其它", "其余", "其实", "其次", "其后", "其间", "尤其", "及其", "与其", "极其", "其所"),
    "女": ("妇女", "子女", "男女"),
    "男": ("男女",),
    # a duty stated to the party inside a record (询问笔录: "你应当如实回答") is not a rule text's "应当"
    "应当": ("你应当", "您应当", "你单位应当", "你公司应当"),
    # a 培训学校/培训机构 is a party of a case (校外培训 enforcement), not a training course about case files
    "培训": ("培训学校", "培训机构", "培训公司", "培训中心"),
}


def _has_word(segment: str, word: str) -> bool:
    """Whether ``word`` occurs in ``segment`` other than inside one of its :data:`NOT_CONTEXT` compounds."""
    compounds = NOT_CONTEXT.get(word)
    if compounds is None:
        return word in segment
    pos = segment.find(word)
    while pos >= 0:
        if not any(segment.startswith(c, pos - c.index(word)) for c in compounds if pos >= c.index(word)):
            return True
        pos = segment.find(word, pos + 1)
    return False


# A document kind named as what somebody asked for ("申请公开的“…会议记录”", "要求公开……投标文件中的分项报价")
# is a reference to the document, not the document: replies, review decisions and judgments name the requested
# information all the time.  Personal data rules are not affected (a name stays a name).
REQUEST_VERBS = ("申请公开", "要求公开", "请求公开", "申请获取", "申请查阅", "申请提供", "要求提供", "公开申请")
CLAUSE_END = "，。；：！？\n,;:!?"
REFERENCE_REACH = 40  # characters looked back from a hit for the request verb of its clause


def names_requested(text: str, start: int) -> bool:
    """Whether the hit at ``start`` is inside the object of a request verb: in the same clause after
    申请公开/要求公开/…, or inside quotes (“…”, 《…》) opened right after one."""
    lo = max(0, start - REFERENCE_REACH)
    before = text[lo:start]
    cut = max(before.rfind(c) for c in CLAUSE_END)
    quote = max(before.rfind("“"), before.rfind("《"), before.rfind('"'))
    if quote > cut and max(before.rfind("”"), before.rfind("》")) < quote:
        # inside quotes: the verb may sit just before the opening quote, past a clause mark of its own
        lead = text[max(0, lo + quote - 14):lo + quote]
        if any(v in lead for v in REQUEST_VERBS):
            return True
    clause = before[cut + 1:]
    for _ in range(2):
        # "申请公开该案的全部案卷材料，包括询问笔录……": a clause that spells out the object continues the one before
        if cut < 0 or not _OBJECT_CONTINUES.match(clause) or before[cut] in SENTENCE_END:
            break
        prev = before[:cut]
        cut = max(prev.rfind(c) for c in CLAUSE_END)
        clause = before[cut + 1:]
    return any(v in clause for v in REQUEST_VERBS) or bool(_REQUEST_VIA.search(clause))


# A clause that only lists what the clause before asked for ("，包括……", "，即……", "，具体为……").
_OBJECT_CONTINUES = re.compile(r"\s*(?:包括|包含|含|即|具体(?:包括|为|是)|其中包括|例如|如)")


# "要求被申请人公开其……", "请求被告提供……": the same request verbs with the body asked between the two halves
# (提供/查阅 only after a party of the dispute: "要求当事人提供进货台账" is an investigation, not a request).
_REQUEST_VIA = re.compile(r"(?<!被)(?:申请|要求|请求)(?!人)(?:[^，。；：\n]{1,8}?公开"
                          r"|(?:被申请人|被告|被上诉人|本机关|贵(?:单位|机关|局))(?:向其|向原告|向申请人)?(?:提供|查阅))")


# "询问笔录、现场检查笔录等执法案卷材料", "讨论记录、过程稿、请示报告等过程性信息": a list of document kinds closed by
# 等 + a class noun is how laws, replies and judgments define a class, not a document of that kind.
_KIND_LIST_END = re.compile(r"^[^。；;！？!?\n]{0,30}?等(?:[^。；;，,！？!?\n]{0,8}?)(?:信息|材料|文书|文件|资料|案卷|记录)")
# "证据三，询问笔录两份；证据四，…": a judgment's or decision's list of evidence names the documents only.
_EVIDENCE_ITEM = re.compile(r"证据[一二三四五六七八九十\d]{1,3}[，,、：:．.]|提交(?:了)?(?:以下|下列)?证据|举示")
SENTENCE_END = "。！？!?\n"


def names_kind(text: str, start: int, end: int, back_reference: bool = True) -> bool:
    """Whether the hit at ``[start, end)`` names a kind of document rather than showing one: the requested
    information (:func:`names_requested`), an item of a "…、…等…信息/材料" class list, an item of a list of
    evidence, or (``back_reference``, for the record-kind grounds) a kind referring back: "该会议纪要", "上述笔录"."""
    if names_requested(text, start):
        return True
    before = text[max(0, start - REFERENCE_REACH):start]
    after = text[end:end + 40]
    if ("、" in before[-12:] or after[:12].find("、") >= 0) and _KIND_LIST_END.match(after):
        return True
    if _CLASSIFIED.match(after):
        return True
    if back_reference and _BACK_REFERENCE.search(before[-6:]):
        return True  # record kinds only: "上述工艺参数" next to the parameters still shows them
    sentence = before[max(before.rfind(c) for c in SENTENCE_END) + 1:]
    if _EVIDENCE_ITEM.search(sentence):
        return True
    return _is_tally(sentence, after)


# "该会议纪要记载的……", "上述询问笔录", "案涉请示": a kind referring back to a document named before — judgments, replies
# and office documents discuss it; the document itself does not call itself 该纪要 (it says 本纪要).
_BACK_REFERENCE = re.compile(r"(?:该|上述|前述|所述|案涉|所涉|涉诉|此|这份|那份|该份)(?:份|次|两份|几份)?$")
# "处警记录系……形成，不属于政府信息": a statement of what a kind of document is, made in a reply or a decision.
_CLASSIFIED = re.compile(r"(?:[”》\"])?(?:均|都|也|是否)?(?:系(?![统列])|属于|不属于)(?![^，。；\n]{0,12}(?:签名|签字|盖章|捺印))"
                         r"(?=[^，。；\n]{0,30}?(?:信息|形成|制作|范围|范畴|材料|文书|案卷))")
# "下达限期改正指令书47份" in a sentence that counts other things too (检查用人单位1,326户 …): a work report's
# statistics count documents issued, they are not one.
_DOC_COUNT = re.compile(r"\s*(?:共|计)?\s*\d[\d,，]*\s*(?:余|多)?\s*(?:份|件)")
_OTHER_COUNT = re.compile(r"共|累计|全年|全市|全区|全县|全省|以来|\d[\d,，.]*\s*(?:余|多)?\s*(?:户|家|名|人|起|次|个|万元|元|宗)")


def _is_tally(sentence: str, after: str) -> bool:
    """Whether the hit is immediately counted (…47份) in a sentence that counts other things too."""
    return bool(_DOC_COUNT.match(after)) and bool(_OTHER_COUNT.search(sentence))


# Grounds that attach to the kind of record (第十六条: 会议纪要, 请示, 案卷 …) rather than to what it says: their
# pattern rules, like the keyword rules, do not fire on a kind that is only named ("…、请示报告等过程性信息").
# The content grounds (第十四条, 第十五条) keep their pattern hits: a judgment quoting a secret still shows it.
RECORD_KIND_GROUNDS = frozenset({"process_info", "internal_affairs", "enforcement_file"})
HEADING_LINES = 2  # a document's heading for ``exclude.heading``: its title and the line under it

# The publication mark a drafter puts on a document meant to be published ("（此件公开发布）", "（此件主动公开）",
# "公开方式：主动公开"): the 第十六条 grounds are discretionary (可以不予公开), and the office has already exercised that
# discretion for this record, so the record-kind grounds do not fire on it.  The content grounds (第十四条, 第十五条) still
# do: a document marked for publication can still carry a secret or a third party's data by mistake.
# A web page's own header ("发布时间：2024-09-12    来源：某县纪委监委") marks a record already published on a website.
_PUBLICATION_MARK_RE = re.compile(r"[（(]\s*此件(?:予以)?(?:公开发布|主动公开|公开)\s*[)）]|公开(?:方式|属性)\s*[：:]\s*主动公开|"
                                  r"(?:发布|发表)(?:时间|日期)\s*[：:]\s*(?:19|20)\d{2}[-年./][^\n]{0,40}?来源\s*[：:]|"
                                  r"来源\s*[：:][^\n]{1,40}?(?:发布|发表)(?:时间|日期)\s*[：:]\s*(?:19|20)\d{2}[-年./]")


def marked_for_publication(text: str) -> bool:
    """Whether ``text`` carries a publication mark or a published web page's header (:data:`_PUBLICATION_MARK_RE`)."""
    return _PUBLICATION_MARK_RE.search(text) is not None


def _marked_for_publication(text: str, cache: dict) -> bool:
    """Whether ``text`` carries a publication mark (:data:`_PUBLICATION_MARK_RE`), found once per text."""
    marked = cache.get("published")
    if marked is None:
        marked = cache["published"] = _PUBLICATION_MARK_RE.search(text) is not None
    return marked


def _words_near(text: str, start: int, end: int, window: Window) -> list[str]:
    """The window's words within ``window.window`` characters of the hit, either side; a word that overlaps the hit and
    runs past either end counts too ("原密级：秘密" — the hit is "密级：秘密", the word "原密级"; "公务接待费" — the hit is
    "公务接待")."""
    left = text[max(0, start - window.window):start]
    right = text[end:end + window.window]
    lo = max(0, start - window.window)
    return [w for w in window.words if _has_word(left, w) or _has_word(right, w)
            or any(text.startswith(w, k) and (k < start or k + len(w) > end)
                   for k in range(max(lo, start - len(w) + 1), end))]


def _head_end(text: str, lines: int) -> int:
    """Offset just past the ``lines``-th non-empty line."""
    count = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        if line.strip():
            count += 1
            if count >= lines:
                return pos
    return pos


def _summary(rule: Rule, explanation: Explanation) -> str:
    parts = [rule.message]
    if explanation.validator:
        parts.append(f"校验：{explanation.validator.note}。")
    if explanation.context:
        parts.append(f"附近出现“{'、'.join(explanation.context)}”。")
    if explanation.position and "不在" in explanation.position:
        parts.append(explanation.position + "。")
    if explanation.demoted_by:
        parts.append(f"附近出现“{'、'.join(explanation.demoted_by)}”，降为“{SEVERITY_LABELS[rule.demote.severity]}”。")
    return "".join(parts)


def hits_for(rule: Rule, text: str) -> list[Finding]:
    """Run a single rule on ``text`` (used to check a rule's own examples)."""
    from reviewer.text.normalize import normalize
    from reviewer.text.segment import segment

    norm = normalize(text)
    return Detector([rule]).detect(text, norm, segment(norm.text)).findings

