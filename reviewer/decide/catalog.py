"""The office's catalog of proactively published documents and matching requested items against it.

A catalog is CSV or JSONL with the columns ``title``, ``doc_number`` (文号), ``date`` and ``url``
(Chinese headers 标题/文号/日期/网址 are accepted).  An item matches a document when its 文号 is
the same (exact, after normalising brackets) or when the segmented, normalised titles are close
(rapidfuzz token-set ratio over jieba tokens, stop words removed).  A match makes
``disclose.published`` (第三十六条第（一）项) a candidate, with the document and score as evidence.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

from reviewer.decide.docnumber import find_doc_numbers, normalise_doc_number

MATCH_THRESHOLD = 80.0
STOP_WORDS = {"关于", "的", "申请", "公开", "提供", "获取", "要求", "请求", "贵局", "你局", "文件", "全文", "一份", "本人",
              "我", "和", "及", "与", "等", "信息", "政府", "有关", "相关", "印发", "通知", "("}
FIELDS = {
    "title": ("title", "标题", "名称", "文件名称"),
    "doc_number": ("doc_number", "文号", "发文字号"),
    "date": ("date", "日期", "发布日期", "成文日期"),
    "url": ("url", "网址", "链接", "公开网址", "获取途径"),
}


class CatalogError(ValueError):
    """The catalog could not be read; the Chinese message names the file, row and field."""


@dataclass
class CatalogEntry:
    title: str
    doc_number: str | None
    date: str | None
    url: str | None
    tokens: frozenset[str] = frozenset()


@dataclass
class CatalogMatch:
    entry: CatalogEntry
    score: float
    method: str  # "文号完全一致" | "标题相似"

    def to_dict(self) -> dict:
        return {"title": self.entry.title, "doc_number": self.entry.doc_number, "date": self.entry.date,
                "url": self.entry.url, "score": round(self.score, 1), "method": self.method}


def _title_tokens(title: str) -> frozenset[str]:
    from reviewer.text.normalize import normalize
    from reviewer.text.segment import tokenize

    clean = re.sub(r"[《》〈〉“”\"'（）()〔〕\[\]【】,，。、:：;；\s]", " ", normalize(title).text)
    return frozenset(t for t in tokenize(clean) if t not in STOP_WORDS and not t.isspace())


def load_catalog(path: Path) -> list[CatalogEntry]:
    path = Path(path)
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogError(f"{name}：无法读取公开目录（{exc.strerror}）") from None
    text = None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise CatalogError(f"{name}：公开目录编码无法识别（应为 UTF-8 或 GB18030）")
    rows: list[dict] = []
    if path.suffix.lower() in (".jsonl", ".json"):
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CatalogError(f"{name} 第 {number} 行：JSON 格式错误（{exc.msg}）") from None
            if not isinstance(row, dict):
                raise CatalogError(f"{name} 第 {number} 行：应为 JSON 对象")
            rows.append(row)
    elif path.suffix.lower() == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
    else:
        raise CatalogError(f"{name}：公开目录应为 .csv 或 .jsonl 文件")
    entries: list[CatalogEntry] = []
    for number, row in enumerate(rows, 2 if path.suffix.lower() == ".csv" else 1):
        values = {key: _get(row, names) for key, names in FIELDS.items()}
        if not values["title"]:
            where = f"第 {number} 行" if path.suffix.lower() == ".csv" else f"第 {number} 条"
            raise CatalogError(f"{name} {where}：缺少字段“标题”（title）")
        doc_number = normalise_doc_number(values["doc_number"]) if values["doc_number"] else None
        entries.append(CatalogEntry(values["title"], doc_number, values["date"], values["url"],
                                    _title_tokens(values["title"])))
    return entries


def _get(row: dict, names) -> str | None:
    for n in names:
        value = row.get(n)
        if value not in (None, ""):
            return str(value).strip()
    return None


def match_item(item_text: str, catalog: list[CatalogEntry], threshold: float = MATCH_THRESHOLD) -> CatalogMatch | None:
    """Best catalog match for one requested item, or None below the threshold."""
    from rapidfuzz import fuzz

    numbers = set(find_doc_numbers(item_text))
    for entry in catalog:
        if entry.doc_number and entry.doc_number in numbers:
            return CatalogMatch(entry, 100.0, "文号完全一致")
    titles = re.findall(r"《([^》]{2,80})》", item_text)
    tokens = _title_tokens(" ".join(titles) if titles else item_text)
    if not tokens:
        return None
    query = " ".join(sorted(tokens))
    best: CatalogMatch | None = None
    for entry in catalog:
        if not entry.tokens:
            continue
        overlap = len(tokens & entry.tokens) / len(entry.tokens)
        score = min(fuzz.token_set_ratio(query, " ".join(sorted(entry.tokens))), 100.0 * overlap + 10)
        if best is None or score > best.score:
            best = CatalogMatch(entry, float(score), "标题相似")
    if best and best.score >= threshold:
        return best
    return None
