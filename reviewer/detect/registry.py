"""One registry for every rule kind: screening rules (``rules/<category>.yaml``) and triage cues
(``rules/triage.yaml``).

Both kinds share one core schema — ``code`` (three capitals + three digits), ``name`` (kebab-case),
``keywords`` and/or ``patterns``, ``message``, ``doc``, ``status`` and ``examples`` (``match`` and
``no_match``, both non-empty) — and one example checker, :func:`example_problems`, used by
``reviewer rules check`` and by the parametrised test over every entry.  Screening rules add
``category``/``basis``/``kind``/``score``/``severity`` (see rulebook.py); triage cues add ``outcome``
(a reply-type code or ``ordinary``) and ``weight`` (0–1), and — for cues that name a kind of information
rather than a request-level outcome — ``ground`` (the withholding ground that kind usually raises) or
``against`` (grounds it argues against, e.g. the applicant's own record against 个人隐私).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from reviewer.detect.rulebook import (
    CODE_RE,
    NAME_RE,
    STATUSES,
    Problem,
    Rule,
    check_rule_files,
    fast_safe_load,
    rule_files,
)
from reviewer.paths import RULES_DIR

TRIAGE_FILE = "triage.yaml"
CUE_FIELDS = {"code", "name", "outcome", "weight", "keywords", "patterns", "message", "doc", "status", "examples",
              "ground", "against", "letter_reason"}
TRIAGE_CATEGORY = "triage"
TRIAGE_LABEL = "申请分流线索"


@dataclass
class Cue:
    """A triage cue: evidence in a request's own text pointing to a request-level outcome."""

    code: str
    name: str
    outcome: str
    weight: float
    message: str
    doc: str
    keywords: list[str]
    patterns: list  # ``regex`` patterns (compiled, or LazyPattern compiled on first use)
    examples_match: list[str] = field(default_factory=list)
    examples_no_match: list[str] = field(default_factory=list)
    status: str = "stable"
    file: str = ""
    category: str = TRIAGE_CATEGORY
    ground: str | None = None  # the withholding ground this kind of information usually raises
    against: list[str] = field(default_factory=list)  # grounds this kind of information argues against
    # the applicant-facing reason a reply letter gives when this cue decides the item, read after the item's name
    # ("您申请获取的“…”系…的信息，…"; e.g. why the information
    # is not government information, 第二条); empty: the letter leaves 【待填写：具体理由】 for staff
    letter_reason: str = ""
    # per pattern, the literal strings every match holds (reviewer/detect/prefilter.py), or None: a pattern is
    # skipped (and never compiled) on a text holding none of them — speed only, never a change of the hits
    needs: list = field(default_factory=list)

    @property
    def id(self) -> str:  # the name triage.py has always used
        return self.code

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every hit in (already normalised) ``text`` as (start, end, matched text), sorted."""
        hits = []
        for keyword in self.keywords:
            start = text.find(keyword)
            while start != -1:
                hits.append((start, start + len(keyword), keyword))
                start = text.find(keyword, start + 1)
        for index, pattern in enumerate(self.patterns):
            needs = self.needs[index] if index < len(self.needs) else None
            if needs and not any(word in text for word in needs):
                continue
            for m in pattern.finditer(text, timeout=1.0):
                if m.end() > m.start():
                    hits.append((m.start(), m.end(), m.group(0)))
        return sorted(hits)

    def to_dict(self) -> dict:
        return {
            "code": self.code, "name": self.name, "kind": TRIAGE_CATEGORY, "outcome": self.outcome,
            "weight": self.weight, "message": self.message, "doc": self.doc, "status": self.status,
            "ground": self.ground, "against": self.against, "letter_reason": self.letter_reason,
            "keywords": self.keywords, "patterns": [p.pattern for p in self.patterns],
            "examples": {"match": self.examples_match, "no_match": self.examples_no_match},
            "file": Path(self.file).name,
        }


def _outcome_codes(rules_dir: Path) -> set[str]:
    """Reply-type codes (rules/reply_types.yaml) plus ``ordinary``: read as data, no upward import."""
    path = rules_dir / "reply_types.yaml"
    if not path.is_file():
        path = RULES_DIR / "reply_types.yaml"
    data = fast_safe_load(path.read_text(encoding="utf-8")) or {}
    return {"ordinary", *(data.get("types") or {})}


def check_cue_file(path: Path | str, compile_now: bool = True) -> tuple[list[Cue], list[Problem]]:
    """Parse and validate a triage cue file; return the cues and every problem found.

    ``compile_now=False`` (the loader, for a file whose patterns all compiled before — see
    :func:`_checked_stamp`) checks the schema only and leaves each pattern to compile on first use."""
    import regex

    from reviewer.detect.prefilter import plans
    from reviewer.text.lazy_re import LazyPattern

    path = Path(path)
    file = str(path)
    try:
        data = fast_safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return [], [Problem(file, None, None, "文件不是 UTF-8 编码")]
    except (OSError, yaml.YAMLError) as exc:
        return [], [Problem(file, None, None, f"无法读取申请分流线索（{str(exc).splitlines()[0]}）")]
    if not isinstance(data, dict) or not isinstance(data.get("cues"), list):
        return [], [Problem(file, None, "cues", "缺少线索列表（顶层应有 cues: [...]）")]
    outcomes = _outcome_codes(path.parent)
    cues: list[Cue] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, raw in enumerate(data["cues"]):
        if not isinstance(raw, dict):
            problems.append(Problem(file, None, None, f"第 {index + 1} 条线索不是映射"))
            continue
        code = raw.get("code")
        label = code if isinstance(code, str) else f"#{index + 1}"
        mine: list[Problem] = []

        def bad(field_name: str, message: str, mine=mine, label=label) -> None:
            mine.append(Problem(file, label, field_name, message))

        for key in raw:
            if key not in CUE_FIELDS:
                bad(key, "未知字段")
        _check_common(raw, bad)
        if code in seen:
            bad("code", "代码重复")
        seen.add(code)
        if raw.get("outcome") not in outcomes:
            bad("outcome", f"未知的答复类型 {raw.get('outcome')!r}")
        weight = raw.get("weight")
        if not isinstance(weight, (int, float)) or not 0 < weight <= 1:
            bad("weight", "应为 0 到 1 之间的数")
        from reviewer.vocab import MODEL_GROUNDS

        if raw.get("ground") is not None and raw.get("ground") not in MODEL_GROUNDS:
            bad("ground", f"未知的不予公开理由 {raw.get('ground')!r}")
        against = raw.get("against") or []
        if not isinstance(against, list) or not all(g in MODEL_GROUNDS for g in against):
            bad("against", f"应为不予公开理由的列表（{', '.join(MODEL_GROUNDS)}）")
        letter_reason = raw.get("letter_reason", "")
        if not isinstance(letter_reason, str):
            bad("letter_reason", "答复书理由应为一句话（字符串）")
        compiled = []
        for pattern in raw.get("patterns") or []:
            if not compile_now and isinstance(pattern, str):
                compiled.append(LazyPattern(pattern, 0, regex.compile))
                continue
            try:
                compiled.append(regex.compile(pattern))
            except (regex.error, TypeError) as exc:
                bad("patterns", f"正则表达式无法编译：{pattern!r}（{exc}）")
        problems.extend(mine)
        if mine:
            continue
        examples = raw["examples"]
        cues.append(Cue(code, raw["name"], raw["outcome"], float(weight), raw["message"].strip(), raw["doc"].strip(),
                        list(raw.get("keywords") or []), compiled, list(examples["match"]),
                        list(examples["no_match"]), raw.get("status", "stable"), file,
                        ground=raw.get("ground"), against=list(against),
                        letter_reason=letter_reason.strip().rstrip("。")))
    planned = iter(plans([p.pattern for cue in cues for p in cue.patterns]))
    for cue in cues:
        cue.needs = [_needs(next(planned)) for _ in cue.patterns]
    return cues, problems


def _needs(plan) -> frozenset[str] | None:
    """The literals a prefilter plan says every match holds; None when there is no such set."""
    if plan is None or not plan.literals:
        return None
    return plan.literals


def _check_common(raw: dict, bad) -> None:
    """The core schema every rule kind shares."""
    code = raw.get("code")
    if not isinstance(code, str) or not CODE_RE.match(code):
        bad("code", "代码应为三个大写字母加三位数字，如 PRV001")
    name = raw.get("name")
    if not isinstance(name, str) or not NAME_RE.match(name):
        bad("name", "名称应为小写连字符形式（kebab-case）")
    keywords = raw.get("keywords") or []
    patterns = raw.get("patterns") or []
    if not isinstance(keywords, list) or not all(isinstance(k, str) and k for k in keywords):
        bad("keywords", "关键词应为非空字符串列表")
    if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
        bad("patterns", "正则表达式应为非空字符串列表")
    if not keywords and not patterns:
        bad("keywords", "至少需要 keywords 或 patterns")
    for field_name in ("message", "doc"):
        value = raw.get(field_name)
        if not isinstance(value, str) or not value.strip():
            bad(field_name, "缺少一句话说明（message）" if field_name == "message" else "缺少说明文档（doc）")
    if raw.get("status", "stable") not in STATUSES:
        bad("status", f"状态应为 {', '.join(STATUSES)} 之一")
    examples = raw.get("examples")
    if not isinstance(examples, dict):
        bad("examples", "缺少示例（examples.match 与 examples.no_match）")
        return
    for key, what in (("match", "应当命中"), ("no_match", "不应命中")):
        values = examples.get(key)
        if not isinstance(values, list) or not values or not all(isinstance(x, str) for x in values):
            bad(f"examples.{key}", f"至少需要一个{what}的示例")


def cue_file(rules_dir: Path | str | None = None) -> Path | None:
    base = Path(rules_dir) if rules_dir else RULES_DIR
    if base.is_file():
        return base if base.name == TRIAGE_FILE else None
    path = base / TRIAGE_FILE
    return path if path.is_file() else None


def load_cues(path: Path | str | None = None) -> list[Cue]:
    """Load and validate the triage cues (cached per file version); raise RuleFileError on any problem."""
    from reviewer.detect.rulebook import RuleFileError

    path = Path(path) if path else RULES_DIR / TRIAGE_FILE
    if not path.is_file():
        raise RuleFileError([Problem(str(path), None, None, "找不到申请分流线索文件")])
    stat = path.stat()
    cues, problems = _load_cues_cached(str(path), stat.st_size, stat.st_mtime_ns)
    if problems:
        raise RuleFileError(problems)
    return list(cues)


@functools.lru_cache(maxsize=8)
def _load_cues_cached(path: str, size: int, mtime_ns: int):
    stamp = _checked_stamp(path)
    checked = stamp is not None and stamp.is_file()
    cues, problems = check_cue_file(path, compile_now=not checked)
    if not problems and stamp is not None and not checked:
        try:
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.write_text("{}", encoding="utf-8")
        except OSError:
            pass  # best effort: an unwritable cache only costs time
    return tuple(cues), tuple(problems)


def _checked_stamp(path: str) -> Path | None:
    """An empty file in the user cache whose name hashes the cue file's bytes, this module and the ``regex``
    version: present when every pattern of exactly this file compiled in an earlier process, so a new
    process compiles each pattern only when a request first needs it (about a third of a second saved)."""
    import hashlib

    import regex

    from reviewer.paths import cache_dir

    try:
        digest = hashlib.sha256(Path(path).read_bytes() + b"|" + Path(__file__).read_bytes() + b"|"
                                + str(getattr(regex, "__version__", "")).encode()).hexdigest()[:24]
        return cache_dir() / f"triage-checked-{digest}"
    except OSError:
        return None


def check_registry(rules_dir: Path | str | None = None) -> tuple[list, list[Problem], int]:
    """Every entry (rules and cues) under ``rules_dir`` (or one file), every schema problem, number of files."""
    entries: list = []
    problems: list[Problem] = []
    files = rule_files(rules_dir)
    if files:
        rules, rule_problems = check_rule_files(files)
        entries.extend(rules)
        problems.extend(rule_problems)
    cues_path = cue_file(rules_dir)
    if cues_path is not None:
        cues, cue_problems = check_cue_file(cues_path)
        entries.extend(cues)
        problems.extend(cue_problems)
        files = [*files, cues_path]
    return entries, problems, len(files)


def load_registry(rules_dir: Path | str | None = None) -> list:
    """Every valid rule and cue (screening rules first); raises RuleFileError when any file is invalid."""
    from reviewer.detect.rulebook import load_rules

    entries: list = list(load_rules(rules_dir)) if rule_files(rules_dir) else []
    path = cue_file(rules_dir)
    if path is not None:
        entries.extend(load_cues(path))
    return entries


def entry_hits(entry, text: str) -> list[str]:
    """The matched texts of one rule or cue on ``text`` (normalised the way the pipeline does)."""
    if isinstance(entry, Rule):
        from reviewer.detect.recognizers import hits_for

        return [f.text for f in hits_for(entry, text)]
    from reviewer.text.normalize import normalize

    return [hit[2] for hit in entry.find(normalize(text).text)]


def _one_line(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def example_problems(entry) -> list[Problem]:
    """Run a rule or cue on its own examples; each misbehaving example becomes a Problem naming the field."""
    problems = []
    try:
        for example in entry.examples_match:
            if not entry_hits(entry, example):
                problems.append(Problem(entry.file, entry.code, "examples.match", f"应命中但未命中：{_one_line(example)}"))
        for example in entry.examples_no_match:
            found = entry_hits(entry, example)
            if found:
                problems.append(Problem(entry.file, entry.code, "examples.no_match",
                                        f"不应命中却命中“{found[0]}”：{_one_line(example)}"))
    except Exception as exc:  # noqa: BLE001 - a rule that crashes the detector is itself a problem
        problems.append(Problem(entry.file, entry.code, None, f"运行示例时出错：{type(exc).__name__}: {exc}"))
    return problems
