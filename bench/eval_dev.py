"""Honest evaluation of the classifiers on the real development cases in ``../shared/dev``.

    python bench/eval_dev.py [--model DIR] [--format text|json]

(a) Request triage on ``replies.jsonl``: each case's ``reply_type`` (what the agency replied) is mapped
    to a triage label with ``rules/outcome_labels.yaml`` — the same table used to learn from an office's
    past decisions.  Reply types that are triage labels map to themselves (unavailable.unclear and
    other.correction_lapsed count as other.correction); outcomes decided by what the office holds or by
    the documents' content (disclose, partial, withhold.*, unavailable.not_held / other_agency,
    no_action.duplicate, …) map to ``ordinary``: the request itself is an ordinary one; ``other.other``
    says nothing about the request and is left out, as are cases without a quoted request.
    Reported: accuracy on the request-determinable cases (mapped label ≠ ordinary), accuracy on all
    mapped cases, and a lenient accuracy that also accepts a label of ``alt_reply_types``.
(b) Passage grounds on ``documents.jsonl``: per-ground precision and recall at the model's threshold
    ("clean" = no ground).

Texts are normalised as the screening pipeline does (traditional → simplified, full-width → half-width).
Nothing is tuned on these cases and no text from them is printed or stored: only ids, labels and numbers.
The folder is taken from REVIEWER_DEV_DIR, else ``../shared/dev`` next to the repository; when it is
absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def dev_dir() -> Path:
    return Path(os.environ.get("REVIEWER_DEV_DIR") or REPO.parent / "shared" / "dev")


def normalizer():
    """The project's normaliser if available, else OpenCC t2s (both keep lengths)."""
    try:
        from reviewer.text.normalize import normalize

        return (lambda text: normalize(text).text), "reviewer.text.normalize"
    except Exception:  # the normaliser belongs to another module; fall back gracefully
        import opencc

        conv = opencc.OpenCC("t2s")
        return conv.convert, "OpenCC t2s"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate_triage(model, cases: list[dict], norm) -> dict:
    from reviewer.model.decisions import OutcomeMapper

    mapper = OutcomeMapper()

    def label_of(code: str) -> str | None:
        mapped = mapper.map(code)
        return mapped.request_label if mapped else None

    rows, skipped = [], {"no_request": 0, "unmapped": []}
    for case in cases:
        request = (case.get("request") or "").strip()
        gold = label_of(case["reply_type"])
        if not request:
            skipped["no_request"] += 1
            continue
        if gold is None:
            skipped["unmapped"].append(f"{case['id']}:{case['reply_type']}")
            continue
        alts = {label_of(c) for c in case.get("alt_reply_types") or []} - {None}
        rows.append({"id": case["id"], "reply_type": case["reply_type"], "gold": gold, "alts": alts,
                     "text": norm(request)})
    if not rows:
        return {"n": 0, "skipped": skipped}
    proba = model.predict_proba([r["text"] for r in rows])
    for r, p in zip(rows, proba, strict=True):
        r["pred"] = str(model.classes_[p.argmax()])
        r["p_gold"] = float(p[list(model.classes_).index(r["gold"])]) if r["gold"] in model.classes_ else 0.0

    def acc(subset, lenient=False):
        if not subset:
            return None
        ok = sum(1 for r in subset if r["pred"] == r["gold"] or (lenient and r["pred"] in r["alts"]))
        return round(ok / len(subset), 4)

    determinable = [r for r in rows if r["gold"] != "ordinary"]
    return {
        "n": len(rows),
        "n_determinable": len(determinable),
        "accuracy_determinable": acc(determinable),
        "accuracy_all": acc(rows),
        "accuracy_all_lenient": acc(rows, lenient=True),
        "ordinary_recall": acc([r for r in rows if r["gold"] == "ordinary"]),
        "cases": [{k: r[k] for k in ("id", "reply_type", "gold", "pred")} | {"p_gold": round(r["p_gold"], 3)}
                  for r in rows],
        "skipped": skipped,
    }


def evaluate_grounds(model, docs: list[dict], norm) -> dict:
    from reviewer.model.corpus import GROUNDS
    from reviewer.model.evaluate import grounds_report

    texts = [norm(d["text"]) for d in docs]
    gold = [[lab for lab in d["labels"] if lab in GROUNDS] for d in docs]
    pred = model.predict(texts)
    report = grounds_report(model.binarize(gold), pred)
    report["threshold"] = model.threshold
    report["label_counts"] = {g: sum(1 for labs in gold if g in labs) for g in GROUNDS}
    report["label_counts"]["clean"] = sum(1 for labs in gold if not labs)
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="在 ../shared/dev 的真实案例上评估分类器（不据此调参）。")
    parser.add_argument("--model", type=Path, default=None, help="模型目录（默认：由 corpora/ 构建的默认模型）")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)

    folder = dev_dir()
    if not (folder / "replies.jsonl").is_file() and not (folder / "documents.jsonl").is_file():
        print(f"未找到开发评测数据目录 {folder}（可用 REVIEWER_DEV_DIR 指定），跳过。")
        return 0

    from reviewer.model.default import get_models

    models = get_models(args.model)
    norm, norm_name = normalizer()
    result: dict = {"model": models.version, "model_dir": str(models.path), "dev_dir": str(folder),
                    "normalizer": norm_name}
    if (folder / "replies.jsonl").is_file():
        result["triage"] = evaluate_triage(models.triage, read_jsonl(folder / "replies.jsonl"), norm)
    if (folder / "documents.jsonl").is_file():
        result["grounds"] = evaluate_grounds(models.grounds, read_jsonl(folder / "documents.jsonl"), norm)

    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2, default=sorted))
        return 0
    print_text(result)
    return 0


def print_text(result: dict) -> None:
    from reviewer.model.corpus import GROUND_NAMES_ZH
    from reviewer.model.evaluate import table

    def pct(v):
        return "—" if v is None else f"{v:.1%}"

    print(f"模型：{result['model']}（{result['model_dir']}）")
    print(f"数据：{result['dev_dir']}；文本规范化：{result['normalizer']}")
    t = result.get("triage")
    if t:
        print("\n(a) 申请分类 — replies.jsonl")
        if t["n"]:
            print(f"  可由申请本身判断的案例（答复类型即分诊类别）：{t['n_determinable']} 件，准确率 {pct(t['accuracy_determinable'])}")
            print(f"  全部可映射案例（其余答复类型计为 ordinary）：{t['n']} 件，准确率 {pct(t['accuracy_all'])}，"
                  f"计入备选答复类型时 {pct(t['accuracy_all_lenient'])}")
            print(f"  ordinary 案例的召回率：{pct(t['ordinary_recall'])}")
            rows = [[c["id"], c["reply_type"], c["gold"], c["pred"], f"{c['p_gold']:.2f}",
                     "✓" if c["gold"] == c["pred"] else "✗"] for c in t["cases"]]
            print(table(["案例", "答复类型", "应为", "预测", "P(应为)", ""], rows, right_from=4))
        skipped = t["skipped"]
        print(f"  未计入：无申请原文 {skipped['no_request']} 件；答复类型不能说明申请类别（other.other 等）"
              f"{len(skipped['unmapped'])} 件 {('（' + '、'.join(skipped['unmapped']) + '）') if skipped['unmapped'] else ''}")
    g = result.get("grounds")
    if g:
        print(f"\n(b) 不公开依据 — documents.jsonl：{g['n']} 段，阈值 {g['threshold']}，"
              f"完全一致率 {pct(g['exact_match'])}")
        rows = []
        for ground, m in g["per_class"].items():
            rows.append([GROUND_NAMES_ZH[ground], ground, str(g["label_counts"][ground]), str(m["predicted"]),
                         pct(m["precision"]) if m["predicted"] else "—",
                         pct(m["recall"]) if m["support"] else "—"])
        any_g = g["any_ground"]
        rows.append(["任一依据", "any", str(g["n"] - g["label_counts"]["clean"]), str(any_g["predicted"]),
                     pct(any_g["precision"]) if any_g["predicted"] else "—", pct(any_g["recall"])])
        print(table(["依据", "代码", "标注数", "预测数", "精确率", "召回率"], rows, right_from=2))
        print(f"  （无依据的段落 {g['label_counts']['clean']} 段；“—”表示没有预测或没有标注，无法计算。）")


if __name__ == "__main__":
    raise SystemExit(main())
