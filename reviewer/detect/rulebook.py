"""Rule files: loading, schema check and the Rule model.

A rule file is ``rules/<category>.yaml`` (see docs/ARCHITECTURE.md).  :func:`check_rule_files`
returns every problem it finds, each naming the file, the rule code and the field;
:func:`load_rulebook` raises :class:`RuleFileError` when there is any.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.detect.findings import CATEGORIES, SEVERITIES, SEVERITY_RANK
from reviewer.paths import RULES_DIR

KINDS = ("keywords", "regex", "validated", "context")
from reviewer.vocab import RULE_STATUSES as STATUSES  # noqa: E402

CODE_RE = re.compile(r"^[A-Z]{3}\d{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Files in rules/ that are tables, not rule lists.
NON_RULE_FILES = {"reply_types.yaml", "holidays.yaml", "outcome_labels.yaml", "triage.yaml", "competence.yaml"}

RULE_FIELDS = {
    "code", "name", "category", "basis", "kind", "keywords", "patterns", "validator", "entity",
    "boundary", "context", "exclude", "demote", "position", "score", "severity", "status", "message", "doc",
    "examples", "marking", "anchor", "after",
}


@dataclass
class Problem:
    file: str
    code: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = Path(self.file).name
        if self.code:
            where += f" 规则 {self.code}"
        if self.field:
            where += f" 字段 {self.field}"
        return f"{where}：{self.message}"


class RuleFileError(Exception):
    """Raised when rule files are invalid; ``problems`` lists each problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("规则文件有误：\n" + "\n".join(f"  - {p}" for p in problems))


@dataclass
class Window:
    words: list[str] = field(default_factory=list)
    window: int = 20
    boost: float = 0.0
    required: bool = False
    severity: str | None = None
    # exclude only: words that drop every hit when the document's heading (its first lines) shows one of them —
    # a document that calls itself the public version (会议纪要（公开版）) is not the internal one
    heading: list[str] = field(default_factory=list)


@dataclass
class Rule:
    code: str
    name: str
    category: str
    basis: str
    kind: str
    score: float
    severity: str
    status: str
    message: str
    doc: str
    keywords: list[str] = field(default_factory=list)
    patterns: list[str] = field(default_factory=list)
    validator: str | None = None
    entity: str | None = None
    boundary: str = "none"
    context: Window | None = None
    exclude: Window | None = None
    # words near a hit that make it a lesser matter (an agency's 联系人 beside a phone number): its severity
    # drops to ``demote.severity`` — the hit stays, for the officer to judge
    demote: Window | None = None
    head_lines: int | None = None
    outside_score: float | None = None
    examples_match: list[str] = field(default_factory=list)
    examples_no_match: list[str] = field(default_factory=list)
    marking: bool = False  # a mark such as 工作秘密/内部资料: needs a real ground, is not one (ogi-law.md §4.3)
    # Speed only: the patterns run just around matches of ``anchor`` (regex), ``before``/``after`` characters
    # either side; every hit of a pattern must contain an anchor match within that reach.
    anchor: tuple[str, int, int] | None = None
    # A hit counts only when ``after[0]`` (a regex) matches within ``after[1]`` characters before it — e.g. a
    # table's header line above the row (PRV020): part of what the rule means, unlike ``anchor``.
    after: tuple[str, int] | None = None
    file: str = ""

    def to_dict(self) -> dict:
        return {
            "code": self.code, "name": self.name, "category": self.category, "basis": self.basis,
            "kind": self.kind, "score": self.score, "severity": self.severity, "status": self.status,
            "message": self.message, "doc": self.doc, "keywords": self.keywords, "patterns": self.patterns,
            "validator": self.validator, "entity": self.entity, "boundary": self.boundary,
            "context": vars(self.context) if self.context else None,
            "exclude": vars(self.exclude) if self.exclude else None,
            "demote": vars(self.demote) if self.demote else None,
            "position": {"head_lines": self.head_lines, "outside_score": self.outside_score}
            if self.head_lines else None,
            "examples": {"match": self.examples_match, "no_match": self.examples_no_match},
            "marking": self.marking,
            "after": {"pattern": self.after[0], "window": self.after[1]} if self.after else None,
            "file": Path(self.file).name,
        }


def rule_files(rules_dir: Path | str | None = None) -> list[Path]:
    base = Path(rules_dir) if rules_dir else RULES_DIR
    if base.is_file():
        return [base]
    return sorted(p for p in base.glob("*.yaml") if p.name not in NON_RULE_FILES)


def check_rule_files(paths: list[Path]) -> tuple[list[Rule], list[Problem]]:
    """Parse and validate rule files; return the rules and every problem found."""
    import yaml

    from reviewer.detect.validators import VALIDATORS

    rules: list[Rule] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in paths:
        file = str(path)
        try:
            data = _parse_yaml(path)
        except UnicodeDecodeError:
            problems.append(Problem(file, None, None, "文件不是 UTF-8 编码"))
            continue
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"第 {mark.line + 1} 行" if mark else ""
            problems.append(Problem(file, None, None, f"YAML 格式错误{where}：{getattr(exc, 'problem', exc)}"))
            continue
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            problems.append(Problem(file, None, "rules", "缺少规则列表（顶层应有 rules: [...]）"))
            continue
        file_category = data.get("category")
        file_basis = data.get("basis")
        if file_category is not None and file_category not in CATEGORIES:
            problems.append(Problem(file, None, "category", f"未知类别 {file_category!r}"))
        for index, raw in enumerate(data["rules"]):
            rule, rule_problems = _parse_rule(raw, index, file, file_category, file_basis, VALIDATORS)
            problems.extend(rule_problems)
            if rule is None:
                continue
            if rule.code in seen:
                problems.append(Problem(file, rule.code, "code", f"规则代码重复（已在 {Path(seen[rule.code]).name} 中定义）"))
                continue
            seen[rule.code] = file
            if not rule_problems:
                rules.append(rule)
    return rules, problems


def fast_safe_load(text: str):
    """``yaml.safe_load`` with libyaml's C loader when PyYAML has it (same result, several times faster)."""
    import yaml  # (imported here: a process that reads checked rules from the cache never needs it)

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe loader


def _parse_yaml(path: Path):
    """Parse one YAML file with the C loader when available; cached by (path, size, mtime)."""
    stat = path.stat()
    return _parse_yaml_cached(str(path), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _parse_yaml_cached(path: str, size: int, mtime_ns: int):
    return fast_safe_load(Path(path).read_text(encoding="utf-8"))


def _parse_rule(raw, index, file, file_category, file_basis, validators) -> tuple[Rule | None, list[Problem]]:
    problems: list[Problem] = []
    if not isinstance(raw, dict):
        return None, [Problem(file, None, None, f"第 {index + 1} 条规则不是映射")]
    code = raw.get("code")
    label = code if isinstance(code, str) else f"#{index + 1}"

    def bad(field_name: str, message: str) -> None:
        problems.append(Problem(file, label, field_name, message))

    for key in raw:
        if key not in RULE_FIELDS:
            bad(key, "未知字段")
    if not isinstance(code, str) or not CODE_RE.match(code):
        bad("code", "代码应为三个大写字母加三位数字，如 PRV001")
    name = raw.get("name")
    if not isinstance(name, str) or not NAME_RE.match(name):
        bad("name", "名称应为小写连字符形式（kebab-case）")
    category = raw.get("category", file_category)
    if category not in CATEGORIES:
        bad("category", f"未知类别 {category!r}，应为 {', '.join(CATEGORIES)} 之一")
    basis = raw.get("basis", file_basis)
    if not isinstance(basis, str) or "第" not in basis or "条" not in basis:
        bad("basis", "缺少法律依据（应写明条款，如“《中华人民共和国政府信息公开条例》第十五条”）")
    kind = raw.get("kind")
    if kind not in KINDS:
        bad("kind", f"类型应为 {', '.join(KINDS)} 之一")
    keywords = raw.get("keywords") or []
    patterns = raw.get("patterns") or []
    if not isinstance(keywords, list) or not all(isinstance(k, str) and k for k in keywords):
        bad("keywords", "关键词应为非空字符串列表")
        keywords = []
    if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
        bad("patterns", "正则表达式应为非空字符串列表")
        patterns = []
    if kind == "keywords" and not keywords:
        bad("keywords", "keywords 类型的规则必须有关键词")
    if kind in ("regex", "validated") and not patterns:
        bad("patterns", f"{kind} 类型的规则必须有正则表达式")
    if kind == "context" and not (keywords or patterns):
        bad("keywords", "context 类型的规则必须有关键词或正则表达式")
    for pattern in patterns:
        error = _regex_error(pattern)
        if error:
            bad("patterns", f"正则表达式无法编译：{pattern!r}（{error}）")
    validator = raw.get("validator")
    if kind == "validated" and validator not in validators:
        bad("validator", f"未知校验器 {validator!r}，可用：{', '.join(sorted(validators))}")
    score = raw.get("score")
    if not isinstance(score, (int, float)) or not 0 < score <= 1:
        bad("score", "分值应为 0 到 1 之间的数")
    severity = raw.get("severity")
    if severity not in SEVERITIES:
        bad("severity", f"严重程度应为 {', '.join(SEVERITIES)} 之一")
    status = raw.get("status", "stable")
    if status not in STATUSES:
        bad("status", f"状态应为 {', '.join(STATUSES)} 之一")
    message = raw.get("message")
    if not isinstance(message, str) or not message.strip():
        bad("message", "缺少一句话说明（message）")
    doc = raw.get("doc")
    if not isinstance(doc, str) or not doc.strip():
        bad("doc", "缺少说明文档（doc）")
    boundary = raw.get("boundary", "none")
    if boundary not in ("none", "token"):
        bad("boundary", "boundary 应为 none 或 token")
    context = _parse_window(raw.get("context"), "context", bad)
    exclude = _parse_window(raw.get("exclude"), "exclude", bad)
    demote = _parse_window(raw.get("demote"), "demote", bad)
    if demote is not None and (not demote.words or demote.severity is None
                               or SEVERITY_RANK.get(demote.severity, 99) >= SEVERITY_RANK.get(severity, -1)):
        bad("demote", "demote 须给出 words 和比规则本身更低的 severity")
    if kind == "context" and (context is None or not context.words):
        bad("context", "context 类型的规则必须给出上下文词（context.words）")
    head_lines = outside_score = None
    position = raw.get("position")
    if position is not None:
        if not isinstance(position, dict) or not isinstance(position.get("head_lines"), int):
            bad("position", "position 应含整数 head_lines")
        else:
            head_lines = position["head_lines"]
            outside_score = position.get("outside_score", 0.3)
            if not isinstance(outside_score, (int, float)) or not 0 < outside_score <= 1:
                bad("position", "outside_score 应为 0 到 1 之间的数")
    examples = raw.get("examples")
    match: list[str] = []
    no_match: list[str] = []
    if not isinstance(examples, dict):
        bad("examples", "缺少示例（examples.match 与 examples.no_match）")
    else:
        match = examples.get("match") or []
        no_match = examples.get("no_match") or []
        if not isinstance(match, list) or not match or not all(isinstance(x, str) for x in match):
            bad("examples.match", "至少需要一个应当命中的示例")
            match = []
        if not isinstance(no_match, list) or not no_match or not all(isinstance(x, str) for x in no_match):
            bad("examples.no_match", "至少需要一个不应命中的示例")
            no_match = []
    marking = raw.get("marking", False)
    if not isinstance(marking, bool):
        bad("marking", "marking 应为 true 或 false")
    anchor = None
    if raw.get("anchor") is not None:
        spec = raw["anchor"]
        if (not isinstance(spec, dict) or not isinstance(spec.get("pattern"), str) or _regex_error(spec["pattern"])
                or not all(isinstance(spec.get(k), int) and spec[k] >= 0 for k in ("before", "after"))):
            bad("anchor", "anchor 应含可编译的 pattern 和非负整数 before、after")
        else:
            anchor = (spec["pattern"], spec["before"], spec["after"])
    after = None
    if raw.get("after") is not None:
        spec = raw["after"]
        if (not isinstance(spec, dict) or not isinstance(spec.get("pattern"), str) or _regex_error(spec["pattern"])
                or not isinstance(spec.get("window"), int) or spec["window"] <= 0 or set(spec) - {"pattern", "window"}):
            bad("after", "after 应含可编译的 pattern 和正整数 window（字符数）")
        else:
            after = (spec["pattern"], spec["window"])
    if problems:
        return (Rule(code=label, name="", category="", basis="", kind="", score=0, severity="info",
                     status="stable", message="", doc="", file=file) if isinstance(code, str) else None), problems
    rule = Rule(
        code=code, name=name, category=category, basis=basis, kind=kind, score=float(score),
        severity=severity, status=status, message=message.strip(), doc=doc.strip(),
        keywords=list(keywords), patterns=list(patterns), validator=validator,
        entity=raw.get("entity"), boundary=boundary, context=context, exclude=exclude, demote=demote,
        head_lines=head_lines, outside_score=outside_score, examples_match=match,
        examples_no_match=no_match, marking=marking, anchor=anchor, after=after, file=file,
    )
    return rule, problems


def _parse_window(raw, field_name, bad) -> Window | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        bad(field_name, "应为映射（words, window, …）")
        return None
    words = raw.get("words") or []
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        bad(f"{field_name}.words", "应为非空字符串列表")
        words = []
    window = raw.get("window", 20)
    if not isinstance(window, int) or window <= 0:
        bad(f"{field_name}.window", "窗口应为正整数（字符数）")
        window = 20
    boost = raw.get("boost", 0.0)
    if not isinstance(boost, (int, float)) or not 0 <= boost <= 1:
        bad(f"{field_name}.boost", "加分应为 0 到 1 之间的数")
        boost = 0.0
    severity = raw.get("severity")
    if severity is not None and severity not in SEVERITIES:
        bad(f"{field_name}.severity", f"严重程度应为 {', '.join(SEVERITIES)} 之一")
    heading = raw.get("heading") or []
    if not isinstance(heading, list) or not all(isinstance(w, str) and w for w in heading):
        bad(f"{field_name}.heading", "应为非空字符串列表")
        heading = []
    elif heading and field_name != "exclude":
        bad(f"{field_name}.heading", "heading 只用于 exclude")
        heading = []
    return Window(words=list(words), window=window, boost=float(boost), required=bool(raw.get("required", False)),
                  severity=severity, heading=list(heading))


def _regex_error(pattern: str) -> str | None:
    import regex

    try:
        regex.compile(pattern)
    except regex.error as exc:
        return str(exc)
    return None


def load_rules(rules_dir: Path | str | None = None) -> list[Rule]:
    """Load and validate the rule files (cached per set of file versions; callers get their own copy)."""
    files = rule_files(rules_dir)
    key = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)
    return copy.deepcopy(_load_rules_cached(key))


@functools.lru_cache(maxsize=8)
def _load_rules_cached(key) -> list[Rule]:
    paths = [Path(entry[0]) for entry in key]
    cache = _checked_cache_path(paths)
    rules = _read_checked(cache) if cache is not None else None
    if rules is not None:
        return rules
    rules, problems = check_rule_files(paths)
    if problems:
        raise RuleFileError(problems)
    if cache is not None:
        _write_checked(cache, rules)
    return rules


# Rule files that passed check_rule_files are kept in the user cache directory as JSON (data only: the
# rules' fields, never code), so a new process skips the YAML parsing and the trial compilation of every
# pattern (the detector then compiles a pattern only when a text may match it).  The file's name is a hash of
# the rule files' paths and bytes, of the checking code (this module, the validators and the vocabulary) and
# of the regex module's version: any change to one of them is a different file.  ``reviewer rules check``
# always checks in full.
_CHECKED_FORMAT = 2


def _checked_cache_path(paths: list[Path]) -> Path | None:
    import regex

    from reviewer.paths import PACKAGE_DIR, cache_dir

    digest = hashlib.sha256(f"{_CHECKED_FORMAT}|{regex.__version__}".encode())
    try:
        for source in (Path(__file__), PACKAGE_DIR / "detect" / "validators.py", PACKAGE_DIR / "vocab.py",
                       PACKAGE_DIR / "detect" / "findings.py"):
            digest.update(source.read_bytes())
        for path in paths:
            data = path.read_bytes()
            digest.update(f"|{path}|{len(data)}|".encode())
            digest.update(data)
        return cache_dir() / f"rules-checked-{digest.hexdigest()[:24]}.json"
    except OSError:
        return None


def _read_checked(path: Path) -> list[Rule] | None:
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != _CHECKED_FORMAT:
            return None
        rules = []
        for raw in data["rules"]:
            raw = dict(raw)
            for name in ("context", "exclude", "demote"):
                if raw.get(name) is not None:
                    raw[name] = Window(**raw[name])
            for name in ("anchor", "after"):
                if raw.get(name) is not None:
                    raw[name] = tuple(raw[name])
            rules.append(Rule(**raw))
        return rules
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # missing, unreadable or from another version: check the files again


def _write_checked(path: Path, rules: list[Rule]) -> None:
    import json
    import os
    from dataclasses import asdict

    try:
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"format": _CHECKED_FORMAT, "rules": [asdict(r) for r in rules]},
                                  ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # best effort: an unwritable cache only costs time


def ruleset_version(rules_dir: Path | str | None = None) -> str:
    """A short hash of the rule files' bytes: identifies the rule set in ledgers and stores."""
    digest = hashlib.sha256()
    for path in rule_files(rules_dir):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
