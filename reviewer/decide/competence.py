"""Step 谁负责 from the law's allocation of powers: which kind of organ makes a record of a given kind
(``rules/competence.yaml``, 第十条).

A 建设工程规划许可证 asked of the 教育局 was made by the 自然资源和规划 department; the organ asked answers
非本机关负责公开 and names the organ that made it (第三十六条第（五）项).  The table is data: each entry has a code, the
record's regex, the words of the makers' names, how a letter names the maker when its exact name is unknown, the
law it rests on, and examples run as tests.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import regex
import yaml

from reviewer.paths import RULES_DIR

COMPETENCE_FILE = "competence.yaml"


class CompetenceError(ValueError):
    """The competence table cannot be read (message in Chinese, naming the file)."""


@dataclass(frozen=True)
class Competence:
    code: str
    record: regex.Pattern
    makers: tuple[str, ...]
    organ: str
    doc: str
    other_examples: tuple[tuple[str, str], ...] = field(default=())
    own_examples: tuple[tuple[str, str], ...] = field(default=())
    project_record: bool = False  # a project's own approval or permit, which the project's owner holds too
    by_number: bool = False  # reads a 文号's 机关代字: the issuing organ, the lead of a joint document (第十条第三款)


# A bracket that lists what something contains ("（包括公司营业执照、财务审计报告…）", "（含…）").
_CONTENTS_RE = regex.compile(r"[（(](?:包括|含|包含|如|例如|附)[^）)]*[）)]")


@dataclass(frozen=True)
class CompetenceTable:
    always_own: tuple[str, ...]
    records: tuple[Competence, ...]
    project_owners: tuple[str, ...] = ()  # organs that own projects (街道办事处): they hold the projects' own records

    def maker_of(self, item_text: str, own_name: str | None) -> Competence | None:
        """The entry whose record the item asks for when ``own_name`` is not among its makers; None when this organ
        may have made it (its name carries a maker's word, or it is a general government or 行政审批局)."""
        if not own_name or any(word in own_name for word in self.always_own):
            return None
        # the contents of something submitted ("报批时提交的全部材料（包括公司营业执照、…）") are not records asked of
        # their makers
        text = _CONTENTS_RE.sub("", item_text)
        found = [entry for entry in self.records if entry.record.search(text)]
        if any(any(word in own_name for word in entry.makers) for entry in found):
            return None  # the item also names this organ's own kind of record: it is answered here
        if any(word in own_name for word in self.project_owners) and any(entry.project_record for entry in found):
            return None  # a project's permits, which the project's owner (a 街道 running a 老旧小区改造) holds
        return found[0] if found else None


    def lead_of(self, item_text: str, own_name: str | None) -> Competence | None:
        """The issuing organ's kind a 文号 in ``item_text`` names (a joint document's lead, 第十条第三款) when it is not
        this organ's kind; None otherwise.  Unlike :meth:`maker_of`, a general government is not exempt: of a joint
        document, only the lead answers."""
        if not own_name:
            return None
        found = [entry for entry in self.records if entry.by_number and entry.record.search(item_text)]
        if not found or any(any(word in own_name for word in entry.makers) for entry in found):
            return None
        return found[0]


def _pairs(raw, path: Path, code: str) -> tuple[tuple[str, str], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
                                            for p in raw):
        raise CompetenceError(f"{path}：{code} 的示例应为 [机关名称, 申请事项] 的列表")
    return tuple((a, b) for a, b in raw)


def read_table(path: Path) -> CompetenceTable:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CompetenceError(f"{path}：无法读取职权表（{exc}）") from exc
    if not isinstance(data, dict) or not isinstance(data.get("records"), list):
        raise CompetenceError(f"{path}：职权表应有 records 列表")
    records = []
    for n, raw in enumerate(data["records"], start=1):
        if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) and raw.get(k) for k in ("code", "record", "organ")) \
                or not isinstance(raw.get("makers"), list) or not raw["makers"]:
            raise CompetenceError(f"{path}：第 {n} 条应有 code、record、makers、organ")
        try:
            pattern = regex.compile(raw["record"])
        except regex.error as exc:
            raise CompetenceError(f"{path}：{raw['code']} 的 record 正则表达式有误（{exc}）") from exc
        examples = raw.get("examples") or {}
        records.append(Competence(raw["code"], pattern, tuple(str(m) for m in raw["makers"]), raw["organ"],
                                  str(raw.get("doc") or ""), _pairs(examples.get("other"), path, raw["code"]),
                                  _pairs(examples.get("own"), path, raw["code"]), bool(raw.get("project_record")),
                                  bool(raw.get("by_number"))))
    return CompetenceTable(tuple(str(w) for w in data.get("always_own") or ()), tuple(records),
                           tuple(str(w) for w in data.get("project_owners") or ()))


@functools.lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> CompetenceTable:
    return read_table(Path(path))


def load_table(path: Path | None = None) -> CompetenceTable | None:
    """The competence table (None when the rules folder has none)."""
    path = path or RULES_DIR / COMPETENCE_FILE
    if not path.is_file():
        return None
    return _cached(str(path), path.stat().st_mtime)


def example_problems(table: CompetenceTable, path: Path) -> list[str]:
    """Each example of the table that does not come out as it says (Chinese, naming the file and the entry)."""
    out = []
    for entry in table.records:
        for organ, item in entry.other_examples:
            found = table.maker_of(item, organ)
            if found is None or found.code != entry.code:
                out.append(f"{path.name} {entry.code} 示例（应判为非本机关）未按预期：{organ}｜{item}")
        for organ, item in entry.own_examples:
            if table.maker_of(item, organ) is not None:
                out.append(f"{path.name} {entry.code} 示例（应判为本机关）未按预期：{organ}｜{item}")
    return out
