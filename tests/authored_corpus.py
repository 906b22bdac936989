"""A small authored-style corpus (requests with ``grounds`` and ``group``, passages with ``group``) for tests."""

from __future__ import annotations

import json
from pathlib import Path

PLACES = ["东城", "西城", "南岗", "北湖", "青山", "白河"]
REQUESTS = {
    ("ordinary", ("privacy",)): "请公开{p}区张某某的征地补偿协议和安置人员名单",
    ("ordinary", ("trade_secret",)): "请公开{p}区某公司提交的投标文件和报价明细",
    ("ordinary", ("process_info",)): "请公开{p}区政府常务会议纪要和向上级报送的请示",
    ("no_action.petition", ()): "{p}区物业乱收费，请你们查处并给个说法",
    ("other.consultation", ()): "{p}区的拆迁补偿标准到底是哪一年定的？是否正当？",
}
PASSAGES = {
    ("privacy",): "{p}区被征收人李某某，身份证号码及家庭住址、联系电话如下",
    ("process_info",): "{p}区关于调整规划方案的请示（送审稿），尚未作出决定",
    (): "{p}区人民政府关于印发老旧小区改造实施方案的通知，现予公布",
}


def _write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def write_small_corpus(root: Path) -> Path:
    rows, n = [], 0
    for (label, grounds), tpl in REQUESTS.items():
        for i, place in enumerate(PLACES):
            n += 1
            rows.append({"id": f"AR{n}", "text": tpl.format(p=place) + f"（第{i}件）", "label": label,
                         "grounds": list(grounds), "register": "colloquial", "group": f"batch{i % 3}",
                         "field": "综合"})
    _write(root / "requests" / "authored_test.jsonl", rows)
    prow = []
    for labels, tpl in PASSAGES.items():
        for i, place in enumerate(PLACES):
            prow.append({"id": f"AP{len(prow)}", "text": tpl.format(p=place) + f"。编号{i}", "labels": list(labels),
                         "doc_type": "测试", "group": f"p{i % 3}", "hard_negative": not labels, "field": "综合"})
    _write(root / "passages" / "authored_test.jsonl", prow)
    return root
