"""The batch report: one self-contained HTML5 page (inline CSS and JS, no network resources).

Sections: summary counts by verdict and by ground, the files that could not be screened with their
reasons, a table of all files (sortable; withhold first) and one section per file with findings:
an excerpt around each finding (±60 characters) with the span highlighted (``<mark>`` with a class per
severity), the rule code, ground, basis, score and the explanation.  Personal data is masked in the
excerpts (:func:`make_excerpts` runs where the text is, and only masked excerpts are stored), and
every piece of text is escaped.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable, Iterable
from html import escape
from typing import TextIO

from reviewer.batch.report_files import STATUS_LABELS, VERDICT_LABELS
from reviewer.detect.findings import CATEGORIES, CATEGORY_LABELS, SEVERITY_LABELS, SEVERITY_RANK, mask

EXCERPT_CHARS = 60
MAX_EXCERPTS_PER_FILE = 200
MAX_SECTIONS = 2000  # per-file sections in one page (the table lists every file)

VERDICT_ORDER = ("withhold", "review", "clean")


# --------------------------------------------------------------------------------------------------
# excerpts (computed where the original text is, stored masked)


def mask_same_length(value: str, entity: str | None) -> str:
    """Like :func:`reviewer.detect.findings.mask` but always as long as ``value`` (so offsets stay valid)."""
    masked = mask(value, entity)
    if len(masked) == len(value):
        return masked
    if entity == "email" and "@" in value:
        local, _, domain = value.partition("@")
        return local[:1] + "*" * (len(local) - 1) + "@" + domain
    return "*" * len(value)


def _personal_spans(findings) -> list[tuple[int, int, str]]:
    """Union of the spans of personal-data findings (entity of the longest member kept)."""
    spans = sorted(((f.start, f.end, f.entity) for f in findings if f.entity), key=lambda s: (s[0], -s[1]))
    merged: list[list] = []
    for start, end, entity in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            if end - start > last[1] - last[0]:
                last[2] = entity
            last[1] = max(last[1], end)
        else:
            merged.append([start, end, entity])
    return [(s, e, ent) for s, e, ent in merged]


def make_excerpts(text: str, findings, width: int = EXCERPT_CHARS,
                  limit: int = MAX_EXCERPTS_PER_FILE) -> list[dict]:
    """One excerpt per finding (the first ``limit``): ``{"i", "before", "mark", "after", "cut_before",
    "cut_after"}`` — ``width`` characters either side, every personal-data span masked."""
    personal = _personal_spans(findings)  # sorted, non-overlapping: starts and ends both ascending
    ends = [e for _, e, _ in personal]
    excerpts: list[dict] = []
    for index, f in enumerate(findings[:limit]):
        start, end = max(0, f.start), min(len(text), f.end)
        a, b = max(0, start - width), min(len(text), end + width)
        # Widen the window so no personal span is cut (a cut value could not be masked properly).
        first = bisect.bisect_right(ends, a)
        if first < len(personal) and personal[first][0] < a:
            a = personal[first][0]
        last = bisect.bisect_left(ends, b)
        if last < len(personal) and personal[last][0] < b:
            b = personal[last][1]
        chars = list(text[a:b])
        for s, e, entity in personal[first:last + 1]:
            if e <= a or s >= b:
                continue
            chars[s - a:e - a] = mask_same_length(text[s:e], entity)
        window = "".join(chars)
        excerpts.append({
            "i": index,
            "before": window[: start - a],
            "mark": window[start - a: end - a],
            "after": window[end - a:],
            "cut_before": a > 0,
            "cut_after": b < len(text),
        })
    return excerpts


# --------------------------------------------------------------------------------------------------
# the page

_CSS = """
:root{--withhold:#c62828;--review:#ef6c00;--info:#1565c0;--clean:#2e7d32;--muted:#666}
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif;
 margin:0 auto;max-width:1200px;padding:1em 2em;line-height:1.6;color:#222}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:1.6em}
.meta,.note{color:var(--muted);font-size:.9em}
.cards{display:flex;gap:1em;flex-wrap:wrap;margin:1em 0}
.card{border:1px solid #ddd;border-radius:6px;padding:.6em 1.2em;min-width:9em}
.card b{display:block;font-size:1.8em}
.card.withhold b{color:var(--withhold)}.card.review b{color:var(--review)}.card.clean b{color:var(--clean)}
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.92em}
th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f5f5f5}table.sortable th{cursor:pointer;user-select:none}
table.sortable th::after{content:" ⇅";color:#aaa}
td.num{text-align:right}
.badge{display:inline-block;border-radius:3px;padding:0 .4em;color:#fff;font-size:.85em;white-space:nowrap}
.badge.withhold{background:var(--withhold)}.badge.review{background:var(--review)}
.badge.clean{background:var(--clean)}.badge.info{background:var(--info)}.badge.bad{background:#555}
mark{padding:0 .1em;border-radius:2px}
mark.sev-withhold{background:#ffcdd2;border-bottom:2px solid var(--withhold)}
mark.sev-review{background:#ffe0b2;border-bottom:2px solid var(--review)}
mark.sev-info{background:#bbdefb;border-bottom:2px solid var(--info)}
section.file{border:1px solid #ddd;border-radius:6px;padding:.4em 1em;margin:1em 0}
section.file h3{margin:.3em 0;font-size:1.05em;word-break:break-all}
.finding{border-left:4px solid #ccc;margin:.6em 0;padding:.2em .8em}
.finding.sev-withhold{border-color:var(--withhold)}.finding.sev-review{border-color:var(--review)}
.finding.sev-info{border-color:var(--info)}
.excerpt{white-space:pre-wrap;background:#fafafa;padding:.3em .5em;margin:.3em 0;font-family:inherit}
code{background:#eee;padding:0 .3em;border-radius:3px}
.reasons{margin:.2em 0 .2em 1.2em;padding:0}
footer{margin-top:2em;color:var(--muted);font-size:.85em}
"""

_JS = """
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var asc = th.getAttribute('data-dir') !== 'asc';
      table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('data-dir'); });
      th.setAttribute('data-dir', asc ? 'asc' : 'desc');
      function key(row) {
        var cell = row.cells[col];
        var v = cell.getAttribute('data-sort');
        if (v === null) { v = cell.textContent; }
        var n = parseFloat(v);
        return isNaN(n) ? v : n;
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var r = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y), 'zh');
        return asc ? r : -r;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
"""


def _e(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def _categories_of(row) -> dict[str, int]:
    raw = row["categories"]
    return json.loads(raw) if raw else {}


def _top_rules_text(row) -> str:
    raw = row["top_rules"]
    rules = json.loads(raw) if raw else []
    return "、".join(f"{code}×{n}" for code, n in rules)


def _verdict_badge(verdict: str, status: str) -> str:
    if status != "ok":
        return f'<span class="badge bad">{_e(STATUS_LABELS.get(status, status))}</span>'
    return f'<span class="badge {_e(verdict)}">{_e(VERDICT_LABELS.get(verdict, verdict))}</span>'


def write_report(out: TextIO, meta: dict, rows: Callable[[bool], Iterable]) -> None:
    """Write the page to ``out``.

    ``meta``: title facts (``run_id``, ``generated``, ``inputs``, ``ruleset_version``, ``model_version``,
    ``threshold``, ``notes`` — Chinese sentences, ``interrupted``).  ``rows(detail)`` returns a fresh
    iterable of file rows ordered withhold → review → clean (mapping-like, the ledger's columns;
    with ``detail=True`` they include the ``detail`` JSON).  It is called several times, so nothing
    is held in memory for the whole tree.
    """
    # Pass 1: totals.
    total = 0
    by_verdict = dict.fromkeys(VERDICT_ORDER, 0)
    bad = 0
    ground_files = dict.fromkeys(CATEGORIES, 0)
    ground_hits = dict.fromkeys(CATEGORIES, 0)
    for row in rows(False):
        total += 1
        if row["status"] != "ok":
            bad += 1
        else:
            by_verdict[row["verdict"]] = by_verdict.get(row["verdict"], 0) + 1
        for category, n in _categories_of(row).items():
            if n:
                ground_files[category] = ground_files.get(category, 0) + 1
                ground_hits[category] = ground_hits.get(category, 0) + n

    w = out.write
    w("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
    w('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    w("<title>保密审查报告</title>\n<style>" + _CSS + "</style>\n</head>\n<body>\n")
    w("<h1>保密审查报告</h1>\n")
    w('<p class="meta">')
    w(f"生成时间：{_e(meta.get('generated'))}　运行编号：{_e(meta.get('run_id'))}<br>")
    w(f"规则集版本：{_e(meta.get('ruleset_version'))}　分类器：{_e(meta.get('model_version') or '未使用')}"
      f"　阈值：{_e(meta.get('threshold'))}<br>")
    inputs = meta.get("inputs") or []
    w("审查范围：" + "；".join(_e(i) for i in inputs) + "</p>\n")
    w('<p class="note">本报告由系统自动生成，结论仅供工作人员审核参考，是否公开由机关依法决定（《中华人民共和国政府信息公开条例》第十七条）。'
      "报告中的个人信息已作遮蔽处理。</p>\n")
    if meta.get("interrupted"):
        w('<p class="note"><strong>本次运行被中断，报告只包含已处理的文件；请使用 --resume 继续。</strong></p>\n')
    for note in meta.get("notes") or []:
        w(f'<p class="note">{_e(note)}</p>\n')

    # Summary.
    w('<h2 id="summary">概况</h2>\n<div class="cards">\n')
    w(f'<div class="card"><b>{total}</b>文件总数</div>\n')
    for verdict in VERDICT_ORDER:
        w(f'<div class="card {verdict}"><b>{by_verdict.get(verdict, 0)}</b>{_e(VERDICT_LABELS[verdict])}</div>\n')
    w(f'<div class="card"><b>{bad}</b>未能审查（需人工处理）</div>\n</div>\n')
    w("<h3>按不予公开理由统计</h3>\n")
    if any(ground_files.values()):
        w("<table>\n<thead><tr><th>理由</th><th>涉及文件数</th><th>命中处数</th></tr></thead>\n<tbody>\n")
        for category in CATEGORIES:
            if ground_files.get(category):
                w(f"<tr><td>{_e(CATEGORY_LABELS.get(category, category))}</td>"
                  f'<td class="num">{ground_files[category]}</td><td class="num">{ground_hits[category]}</td></tr>\n')
        w("</tbody>\n</table>\n")
    else:
        w("<p>未发现需审核或建议不予公开的内容。</p>\n")

    # Bad files.
    w(f'<h2 id="bad">未能审查的文件（{bad}）</h2>\n')
    if bad:
        w("<table>\n<thead><tr><th>文件</th><th>状态</th><th>原因</th></tr></thead>\n<tbody>\n")
        for row in rows(False):
            if row["status"] != "ok":
                w(f"<tr><td>{_e(row['rel'])}</td><td>{_e(STATUS_LABELS.get(row['status'], row['status']))}</td>"
                  f"<td>{_e(row['error'])}</td></tr>\n")
        w("</tbody>\n</table>\n")
    else:
        w("<p>所有文件均已读取并审查。</p>\n")

    # Table of all files.
    w('<h2 id="files">文件列表</h2>\n<p class="note">点击表头可排序；默认按结论排序（建议不予公开在前）。</p>\n')
    w('<table class="sortable">\n<thead><tr><th>文件</th><th>结论</th><th>建议不予公开</th><th>需审核</th>'
      "<th>提示</th><th>理由</th><th>主要规则</th></tr></thead>\n<tbody>\n")
    anchors: dict[str, str] = {}
    for index, row in enumerate(rows(False)):
        has_section = row["status"] == "ok" and (row["n_info"] or row["n_review"] or row["n_withhold"])
        rank = row["verdict_rank"] if row["status"] == "ok" else 1.5  # bad files between withhold and review
        name = _e(row["rel"])
        if has_section and len(anchors) < MAX_SECTIONS:
            anchors[row["path"]] = f"f{index}"
            name = f'<a href="#f{index}">{name}</a>'
        grounds = "、".join(CATEGORY_LABELS.get(c, c) for c, n in _categories_of(row).items() if n)
        if row["status"] != "ok":
            grounds = row["error"] or ""
        w(f'<tr><td data-sort="{_e(row["rel"])}">{name}</td>'
          f'<td data-sort="{-rank}">{_verdict_badge(row["verdict"], row["status"])}</td>'
          f'<td class="num">{row["n_withhold"]}</td><td class="num">{row["n_review"]}</td>'
          f'<td class="num">{row["n_info"]}</td><td>{_e(grounds)}</td><td>{_e(_top_rules_text(row))}</td></tr>\n')
    w("</tbody>\n</table>\n")

    # Per-file sections.
    w('<h2 id="details">逐个文件的审查意见</h2>\n')
    if not anchors:
        w("<p>没有需要展示命中内容的文件。</p>\n")
    for row in rows(True):
        anchor = anchors.get(row["path"])
        if anchor is None:
            continue
        _write_file_section(w, row, anchor)
    if len(anchors) >= MAX_SECTIONS:
        w(f'<p class="note">为控制页面大小，仅展示前 {MAX_SECTIONS} 个文件的命中详情；完整结果见 results.jsonl。</p>\n')
    w('<footer>由 reviewer 离线生成；页面不引用任何外部资源。</footer>\n')
    w("<script>" + _JS + "</script>\n</body>\n</html>\n")


def _write_file_section(w, row, anchor: str) -> None:
    detail = json.loads(row["detail"]) if row["detail"] else {}
    result = detail.get("result", {})
    findings = result.get("findings", [])
    excerpts = {x["i"]: x for x in detail.get("excerpts", [])}
    w(f'<section class="file" id="{anchor}">\n<h3>{_verdict_badge(row["verdict"], row["status"])} '
      f"{_e(row['rel'])}</h3>\n")
    reasons = []
    for category, score in (result.get("categories") or {}).items():
        label = score.get("label") or CATEGORY_LABELS.get(category, category)
        reasons.append(f"{_e(label)}：可能性 {float(score.get('score', 0)):.2f}，命中 {score.get('count', 0)} 处"
                       f"（{_e(score.get('method', ''))}）")
    if reasons:
        w('<ul class="reasons">' + "".join(f"<li>{r}</li>" for r in reasons) + "</ul>\n")
    order = sorted(range(len(findings)), key=lambda i: (-SEVERITY_RANK.get(findings[i].get("severity"), 0), i))
    for i in order:
        f = findings[i]
        excerpt = excerpts.get(i)
        severity = f.get("severity", "info")
        explanation = f.get("explanation") or {}
        summary = explanation.get("summary") or explanation.get("message") or ""
        w(f'<div class="finding sev-{_e(severity)}">\n<div>'
          f'<span class="badge {_e(severity)}">{_e(SEVERITY_LABELS.get(severity, severity))}</span> '
          f"<code>{_e(f.get('rule'))}</code> {_e(f.get('category_label') or CATEGORY_LABELS.get(f.get('category'), ''))}"
          f"　依据：{_e(f.get('basis'))}　"
          + ("不计入结论" if severity == "info" else f"分值：{float(f.get('score', 0)):.2f}") + "</div>\n")
        if excerpt is not None:
            before = ("…" if excerpt.get("cut_before") else "") + excerpt["before"]
            after = excerpt["after"] + ("…" if excerpt.get("cut_after") else "")
            w(f'<div class="excerpt">{_e(before)}<mark class="sev-{_e(severity)}">{_e(excerpt["mark"])}</mark>'
              f"{_e(after)}</div>\n")
        else:
            w(f'<div class="excerpt"><mark class="sev-{_e(severity)}">{_e(f.get("text"))}</mark></div>\n')
        if summary:
            w(f"<div>{_e(summary)}</div>\n")
        w("</div>\n")
    if len(findings) > len(excerpts):
        w(f'<p class="note">共 {len(findings)} 处命中，仅前 {len(excerpts)} 处附原文摘录。</p>\n')
    w("</section>\n")
