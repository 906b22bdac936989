"""Generate the README's evaluation section from ``bench/results/eval.json`` (written by ``make eval``).

    python bench/readme_tables.py [--eval bench/results/eval.json] [--readme README.md] [--check] [--print]

Replaces what stands between ``<!-- eval:begin -->`` and ``<!-- eval:end -->`` in README.md; ``--check``
exits 1 when the README is not what the file gives (nothing is written), ``--print`` only prints.
Every figure is printed beside its baseline; a model that does not beat its baseline says so (未超过基线).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
BEGIN, END = "<!-- eval:begin -->", "<!-- eval:end -->"
NOT_ABOVE = "未超过基线"
ABOVE = "高于基线"

TRIAGE_ZH = {
    "ordinary": "普通申请", "no_action.petition": "信访举报投诉", "other.consultation": "咨询",
    "unavailable.needs_creation": "需加工分析", "no_action.publication": "公开出版物",
    "other.special_procedure": "特别规定办理", "other.not_gov_info": "非政府信息", "no_action.confirm": "确认/重新出具",
    "other.correction": "需补正",
}
GROUND_ZH = {
    "state_secret": "国家秘密", "trade_secret": "商业秘密", "privacy": "个人隐私", "process_info": "过程性信息",
    "internal_affairs": "内部事务信息", "enforcement_file": "行政执法案卷", "security_stability": "三安全一稳定",
}


def prop(p: dict | None) -> str:
    """0.412 (14/34, 0.26–0.58)."""
    if not p or p.get("value") is None:
        return "—"
    ci = p.get("ci95") or [0, 0]
    return f"{p['value']:.3f}（{p['k']}/{p['n']}，{ci[0]:.2f}–{ci[1]:.2f}）"


def num(v) -> str:
    return "—" if v is None else f"{v:.3f}"


def ece(c: dict | None) -> str:
    """0.130（n=32，0.07–0.25；偏高 0.05）: ECE, its bootstrap interval and the mean gap (confidence − accuracy)."""
    if not c or c.get("ece") is None:
        return "—"
    out = f"{c['ece']:.3f}（n={c['n']}"
    if c.get("low") is not None:
        out += f"，{c['low']:.2f}–{c['high']:.2f}"
    gap = c.get("gap")
    if gap is not None:
        out += f"；概率平均{'偏高' if gap > 0 else '偏低'} {abs(gap):.2f}" if abs(gap) >= 0.005 else "；概率平均无偏"
    return out + "）"


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else (ABOVE if ok else NOT_ABOVE)


def _labels(labels: list[str]) -> str:
    return "、".join(TRIAGE_ZH.get(x) or GROUND_ZH.get(x) or x for x in labels)


def _grounds_rows(per_class: dict, baseline: dict, beats: dict) -> list[str]:
    rows = []
    for g, m in per_class.items():
        if not m.get("support"):
            continue
        rows.append(f"| {GROUND_ZH.get(g, g)} | {m['support']} | {num(m['precision'])} | {num(m['recall'])} | "
                    f"{num(m['f2'])} | {num(baseline.get(g))} | {verdict(beats.get(g))} |")
    return rows


def corpus_tables(cv: dict) -> str:
    out = [f"**训练语料分组交叉验证**（`bench/eval_grouped_cv.py`，{cv['folds']} 折；同一模板 / 文书种类 / 编写批次"
           "的样本不跨折。模板语料的申请只能按文体分组，同一申请内容仍可能出现在不同文体中，数字仍偏高。）", ""]
    t = cv.get("triage") or {}
    if "top1" in t:
        out += ["| 申请分类 | 模型 | 基线 | 结论 |", "|---|---|---|---|",
                f"| 首位准确率（{t['n']} 件，{t['groups']} 组） | {prop(t['top1'])} | "
                f"{prop(t['baseline_majority'])}（总答“{_labels([t['baseline_majority']['label']])}”） | "
                f"{verdict(t['beats_baseline']['top1'])} |",
                f"| 前三命中率 | {prop(t['top3'])} | {prop(t['baseline_top3'])}（固定前三："
                f"{_labels(t['baseline_top3']['labels'])}） | {verdict(t['beats_baseline']['top3'])} |",
                f"| 概率校准误差 ECE（首位概率） | {ece(t['calibration'])} | — | — |", ""]
    gate = cv.get("correction_gate") or {}
    if "found_after" in gate:
        out += ["补不补：申请是否缺少“名称、文号或者便于查询的其他特征性描述”（第二十九条第二款第（二）项），分类器概率取自"
                "留出该条的折；“只查泛称”为旧做法（去掉泛称后几乎无字），“加分流门槛”为现做法（分类器认为不明确且各项都没有"
                "可检索的名称、文号或文件种类）：", "",
                "| | 只查泛称 | 加分流门槛 |", "|---|---|---|",
                f"| 标注为补正的申请被判缺少描述（{gate['n_correction']} 件） | {prop(gate['found_before'])} | "
                f"{prop(gate['found_after'])} |",
                f"| 其他申请被误判缺少描述（{gate['n_other']} 件） | {prop(gate['false_before'])} | "
                f"{prop(gate['false_after'])} |", ""]
    for key, title in (("grounds", "文件段落不公开依据"), ("request_grounds", "申请层面依据")):
        g = cv.get(key) or {}
        if "error" in g:
            out += [f"{title}：{g['error']}", ""]
            continue
        if "per_class" not in g:
            continue
        out += [f"{title}（{g['n']} 条，{g['groups']} 组，阈值 {g['threshold']}）：", "",
                "| 依据 | 样本数 | 精确率 | 召回率 | F2 | 基线 F2（全部标记） | 结论 |", "|---|---|---|---|---|---|---|"]
        out += _grounds_rows(g["per_class"], g["baseline_f2"], g["beats_baseline"])
        out += ["", f"无依据样本被误标记：{prop(g['clean_flagged'])}；各依据概率的 ECE {ece(g['calibration'])}。", ""]
    return "\n".join(out)


def dev_tables(dev: dict | None) -> str:
    if not dev:
        return "**开发用例**：`../shared/dev` 不存在，未评估。\n"
    out = [f"**真实开发用例**（`bench/eval_baselines_dev.py`，`../shared/dev`，{dev.get('n_cases', 0)} 件有申请原文的答复案例；"
           "只用于误差分析和报告。括号内为计数与 95% Wilson 区间。）", ""]
    if "triage" in dev:
        t = dev["triage"]
        out += ["| 指标 | 本项目 | 基线 | 结论 |", "|---|---|---|---|",
                f"| 申请分流准确率 | {prop(t['accuracy'])} | {prop(t['baseline_majority'])}（总答“"
                f"{_labels([t['baseline_majority']['label']])}”） | {verdict(t['beats_baseline'])} |"]
        tr = dev.get("triage_review")
        if tr:
            out.append(f"| 申请分流 — reviewer review 采用的（经决定规则，如补正须写明缺少的要素） | {prop(tr['accuracy'])} | "
                       f"{prop(tr['baseline_majority'])} | {verdict(tr['beats_baseline'])} |")
        for key, name in (("reply_review", "reviewer review（无候选文件，--applicant-on-file）"),
                          ("reply_request_ranking", "仅凭申请信号排序（ranking.py）")):
            r = dev.get(key) or {}
            for subset, sname in (("all", "全部"), ("determinable", "可由申请判断的")):
                s = r.get(subset)
                if not s:
                    continue
                out.append(f"| 答复类型首位 — {name}，{sname} | {prop(s['top1'])} | {prop(s['baseline_top1'])}"
                           f"（固定答“{_labels(s['baseline_top1']['labels'])}”） | {verdict(s['beats_baseline']['top1'])} |")
                out.append(f"| 答复类型前三 — {name}，{sname} | {prop(s['top3'])} | {prop(s['baseline_top3'])}"
                           f"（固定前三：{_labels(s['baseline_top3']['labels'])}） | {verdict(s['beats_baseline']['top3'])} |")
        g = dev.get("request_grounds") or {}
        if g:
            out.append(f"| 案件取决于某一依据时，仅凭申请说出该依据 | {prop(g['named'])} | {prop(g['baseline_constant'])}"
                       f"（总说“{_labels(g['baseline_constant']['labels'])}”） | {verdict(g['beats_baseline'])} |")
            out.append(f"| 不涉及依据的案件被说出依据 | {prop(g['named_without_ground'])} | — | — |")
            if g.get("calibration"):
                out.append(f"| 申请层面依据所印概率的 ECE（每件 × 每项依据） | {ece(g['calibration'])} | — | — |")
        out.append(f"| 申请分流首位概率的 ECE | {ece(t['calibration'])} | — | — |")
        if dev.get("reply_calibration"):
            out.append(f"| 建议答复类型所印概率的 ECE | {ece(dev['reply_calibration'])} | — | — |")
        out += ["", "ECE 括号内依次为：件数、自助法 95% 区间（固定种子 1000 次重抽）、所印概率平均高于或低于实际命中率多少。"
                    "几十件上一件就能让 ECE 变动几个百分点，请连区间一起读。"]
        out.append("")
    d = dev.get("documents")
    if d:
        out += [f"文件片段（{d['n']} 段，规则 + 分类器，类别分值 ≥ {d['threshold']}）：", "",
                "| 依据 | 标注数 | 精确率 | 召回率 | F2 | 基线 F2（全部标记） | 结论 |", "|---|---|---|---|---|---|---|"]
        base = {g: m["baseline_f2"] for g, m in d["per_ground"].items()}
        beats = {g: m["beats_baseline"] for g, m in d["per_ground"].items()}
        out += _grounds_rows(d["per_ground"], base, beats)
        out += ["", f"干净片段被标记（verdict 不是“未发现问题”）：{prop(d['clean_flagged'])}，目标 ≤ "
                    f"{d['clean_flagged_target']:.2f}；最差依据 F2 {num(d['worst_f2'])}。", ""]
    return "\n".join(out)


def _auc_cells(row: dict, key: str) -> str:
    auc = (row.get(key) or {}).get("auc")
    flag = f"{key}_pass"
    ok = "—" if flag not in row else ("达标" if row[flag] else "未达标")
    return f"{num(auc)} | {ok}"


def _ngrams(entries: list[dict], k: int = 10) -> str:
    return "、".join(f"`{e['ngram']}`（{e['corpus_share']:.0%}/{e['real_share']:.0%}）" for e in entries[:k]) or "—"


def realism_table(realism: dict | None) -> str:
    if not realism:
        return ""
    th = realism["thresholds"]
    out = [f"**语料真实度**（`bench/eval_realism.py`；区分 AUC：字符 1–3 元组逻辑回归区分语料与 `../shared/dev` 真实文本，"
           f"分组交叉验证，目标 ≤ {th['domain_auc_max']}。“原文”为未经处理的文本；“归一化后”为两侧都先经过本项目的 "
           "`reviewer.text.normalize`（全角转半角、空白、繁转简……），即模型实际看到的文本；“诊断”列另把其余"
           "半角 ,:;()!?（归一化器只把紧邻汉字的 ,;:!? 和中文里的成对括号转为全角）与全角标点统一，只用来看标点宽度占多少，不作达标判断。近重复率：与另一条记录的 "
           f"{th['shingle']} 字元组 Jaccard ≥ {th['jaccard']} 的记录比例，目标 ≤ {th['near_duplicates_max']:.0%}）", "",
           "| 语料 | 条数 | 区分 AUC（原文） | 达标 | 区分 AUC（归一化后） | 达标 | 诊断：另统一标点全半角 | 近重复率 | 达标 |",
           "|---|---|---|---|---|---|---|---|---|"]
    for row in realism["parts"]:
        dup = row["near_duplicates"]
        out.append(f"| {row['part']} | {row['n']} | {_auc_cells(row, 'domain_auc')} | "
                   f"{_auc_cells(row, 'domain_auc_normalised')} | "
                   f"{num((row.get('domain_auc_punctuation_folded') or {}).get('auc'))} | "
                   f"{dup['value']:.1%}（{dup['k']}/{dup['n']}） | {'达标' if row['near_duplicates_pass'] else '未达标'} |")
    if not realism.get("dev_available"):
        out += ["", "（`../shared/dev` 不存在，未计算区分 AUC。）"]
    feats = [(row["part"], row["top_features"]) for row in realism["parts"]
             if row.get("top_features") and row.get("aggregate")]  # per-file n-grams: in the JSON only
    if feats:
        out += ["", "区分分类器最依赖的字元组（归一化后，分类器在全部文本上拟合一次；括号内为含该字元组的语料记录比例 / "
                "真实文本比例；`↵` 换行，`␣` 空格；真实一侧只列出现在至少 3 件真实文本中的字元组；只作报告，不据此编写语料）：", ""]
        for part, tf in feats:
            norm = tf.get("normalised") or tf.get("raw")
            if not norm:
                continue
            out.append(f"- {part} — 像语料：{_ngrams(norm['corpus'])}；像真实文本：{_ngrams(norm['real'])}")
    return "\n".join(out) + "\n"


def _macro_baseline(report: dict) -> float | None:
    values = [report["baseline_f2"].get(g) for g, m in report["per_class"].items() if m.get("support")]
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def _shipped_vs_best(recipes: dict, weights: dict) -> list[str]:
    """A line per model whose shipped template weight is not the weight of the best variant."""
    by_key = {v["key"]: v for v in recipes["variants"]}
    lines = []
    for task, folder, name in (("triage", "requests", "申请"), ("grounds", "passages", "段落")):
        best = by_key.get(recipes[task].get("best")) or {}
        shipped = weights.get(folder)
        if best and shipped is not None and (best.get("weight") or 0.0) != shipped:
            lines.append(f"注意：现行模板{name}权重 {shipped} 与本次比较中最佳方案（{best.get('name')}）不同，"
                         "请复核 reviewer/model/corpus.py 的 TEMPLATE_WEIGHTS。")
    return lines


def recipes_table(recipes: dict | None) -> str:
    """The training-recipe comparison on held-out hand-written files (``eval_grouped_cv.recipes``)."""
    if not recipes or "triage" not in recipes:
        return ""
    t, g = recipes["triage"], recipes["grounds"]
    weights = recipes.get("current_template_weights") or {}
    out = ["**训练方案比较：模板语料值多少**（`bench/eval_grouped_cv.py --recipes`；每次留出一个手写文件——申请的一种文体"
           f"（{len(t['held_out_files'])} 个）或段落的一种文书（{len(g['held_out_files'])} 个）——用其余数据训练，"
           "只在留出的手写文本上测试（归一化后，与审查时相同）；模板记录从不作测试，不用开发用例。"
           f"模板记录：申请 {t['n_templates']} 条（去近重复后 {t['n_templates_dedup']} 条），段落 {g['n_templates']} 条"
           f"（去近重复后 {g['n_templates_dedup']} 条）。现行方案：模板申请权重 {weights.get('requests', '—')}，"
           f"模板段落权重 {weights.get('passages', '—')}，训练文本先归一化。）", "",
           f"| 方案 | 申请分类首位准确率（{t['n_authored']} 件手写） | 前三命中率 | 段落依据宏平均 F2（{g['n_authored']} 条手写） | "
           "无依据段落被误标记 |", "|---|---|---|---|---|"]
    names = {v["key"]: v["name"] for v in recipes["variants"]}
    for key in names:
        rt, rg = t["results"].get(key), g["results"].get(key)
        if not rt or not rg:
            continue
        mark = []
        if key == t.get("best"):
            mark.append("申请最佳")
        if key == g.get("best"):
            mark.append("段落最佳")
        label = names[key] + (f"（{'、'.join(mark)}）" if mark else "")
        out.append(f"| {label} | {prop(rt['top1'])} | {prop(rt['top3'])} | {num(rg['macro']['f2'])} | "
                   f"{prop(rg['clean_flagged'])} |")
    any_t = next(iter(t["results"].values()))
    any_g = next(iter(g["results"].values()))
    out.append(f"| 基线（总答“{_labels([any_t['baseline_majority']['label']])}” / 固定前三 / 每项依据全部标记） | "
               f"{prop(any_t['baseline_majority'])} | {prop(any_t['baseline_top3'])} | {num(_macro_baseline(any_g))} | — |")
    out += ["", f"申请层面依据模型：{recipes.get('request_grounds', {}).get('note', '')}"]
    out += _shipped_vs_best(recipes, weights)
    if recipes.get("generators_unavailable"):
        out.append(f"（生成脚本无法运行：{'、'.join(recipes['generators_unavailable'])}；“全部模板记录”即现存文件。）")
    return "\n".join(out) + "\n"


def render(result: dict) -> str:
    parts = [f"数字由 `make eval` 生成（`bench/results/eval.json`，{result.get('generated', '')[:10]}），"
             "本节由 `python bench/readme_tables.py` 从该文件生成，请勿手工修改。", ""]
    if result.get("corpus_cv"):
        parts.append(corpus_tables(result["corpus_cv"]))
    parts.append(recipes_table(result.get("recipes")))
    parts.append(dev_tables(result.get("dev")))
    parts.append(realism_table(result.get("realism")))
    return "\n".join(p.rstrip() + "\n" for p in parts if p)


def replace_section(readme: str, body: str) -> str:
    if BEGIN not in readme or END not in readme:
        raise SystemExit(f"README 中没有 {BEGIN} … {END} 标记。")
    head, rest = readme.split(BEGIN, 1)
    _old, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{body.rstrip()}\n{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="由 eval.json 生成 README 的评估表。")
    parser.add_argument("--eval", type=Path, default=BENCH / "results" / "eval.json")
    parser.add_argument("--readme", type=Path, default=REPO / "README.md")
    parser.add_argument("--check", action="store_true", help="只检查 README 是否与 eval.json 一致")
    parser.add_argument("--print", dest="show", action="store_true", help="只打印，不写入")
    args = parser.parse_args(argv)
    if not args.eval.is_file():
        print(f"找不到 {args.eval}；请先运行 make eval。", file=sys.stderr)
        return 2
    body = render(json.loads(args.eval.read_text(encoding="utf-8")))
    if args.show:
        print(body)
        return 0
    old = args.readme.read_text(encoding="utf-8")
    new = replace_section(old, body)
    if args.check:
        if new != old:
            print("README 的评估表与 eval.json 不一致；请运行 python bench/readme_tables.py。", file=sys.stderr)
            return 1
        return 0
    args.readme.write_text(new, encoding="utf-8")
    print(f"已更新 {args.readme} 的评估表。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
