"""Assembling article-form documents (internal rules and published 规范性文件) from pieces."""

from __future__ import annotations

from dataclasses import dataclass, field

from .common import MAX_LEN, MIN_LEN, NUMBERING_STYLES, Ctx, Organ, article_label, cn_date, cn_number


@dataclass
class RuleSet:
    """Hand-written articles of one kind of rule document, in document order.

    Pieces may contain ``{slot}`` placeholders filled from :func:`organ_slots` plus ``extra``.
    """

    titles: tuple[str, ...]           # appended to the organ name, e.g. "机关会议制度"
    purpose: tuple[str, ...]          # variants of the opening article
    scope: tuple[str, ...]            # variants of the scope / principle article
    body: tuple[str, ...]             # substantive articles, in order
    closing: tuple[str, ...]          # variants of the final article
    doc_type: str
    chapters: dict[int, str] = field(default_factory=dict)  # body index -> chapter heading


def deputy_of(head: str) -> str:
    return "副" + head


def organ_slots(ctx: Ctx, organ: Organ) -> dict[str, str]:
    """Slot values describing an organ's internal structure."""
    street = organ.short in ("本街道", "本镇", "本乡")
    station = organ.short == "本所"
    office = "党政办公室" if street else ("综合组" if station else ctx.pick(("办公室", "办公室", "综合科")))
    hr = "党建工作办公室" if street else ("综合组" if station else ctx.pick(("人事科", "组织人事科", "政工科")))
    fin = "财政所" if street else ("综合组" if station else ctx.pick(("财务科", "计划财务科", "规划财务科")))
    unit = "组" if station else "科室"
    meeting = {"本局": "局务会议", "本分局": "局务会议", "本委": "委务会议", "本办": "办务会议",
               "本所": "所务会议"}.get(organ.short, "党政联席会议")
    return {
        "org": organ.name,
        "short": organ.short,
        "head": organ.head,
        "deputy": deputy_of(organ.head),
        "office": office,
        "hr": hr,
        "fin": fin,
        "unit": unit,
        "meeting": meeting,
        "sec": ctx.pick(organ.sections),
        "parent": organ.parent,
        "place": organ.place,
    }


def _fill(pieces, slots: dict[str, str]) -> list[str]:
    return [p.format_map(slots) for p in pieces]


def compose(ctx: Ctx, rs: RuleSet, slots: dict[str, str], title_prefix: str) -> str:
    """One passage: the head of the document, an excerpt from the middle, or its tail."""
    style = ctx.pick(NUMBERING_STYLES)
    mode = ctx.pick(("head", "head", "excerpt", "excerpt", "tail"))
    body = _fill(rs.body, slots)
    n_body = len(body)
    if mode == "head":
        first = [ctx.pick(rs.purpose).format_map(slots)]
        if rs.scope and ctx.chance(0.75):
            first.append(ctx.pick(rs.scope).format_map(slots))
        k = ctx.rng.randint(2, min(6, n_body))
        chosen = sorted(ctx.sample(range(n_body), k))
        items = first + [body[i] for i in chosen]
        start = 1
        title = title_prefix + ctx.pick(rs.titles)
        if ctx.chance(0.3):
            title += ctx.pick(("（试行）", f"（{ctx.rng.randint(2019, 2024)}年修订）", "（修订）"))
        header = title + ctx.pick(("\n", "\n", " ", ""))
        if title_prefix != slots["place"] and ctx.chance(0.25):  # internal 印发通知 to the organ's own units
            bare = title[len(title_prefix):]
            header = (f"关于印发《{bare}》的通知\n机关各{slots['unit']}{ctx.pick(('、各直属单位', '', '、各下属单位'))}：\n"
                      f"现将《{bare}》印发给你们，请认真遵照执行。\n{slots['org']}\n{cn_date(ctx.date())}\n")
        if style.startswith("article") and rs.chapters and ctx.chance(0.4):
            header += "第一章　总则" + ctx.pick(("\n", " "))
        closing = None
    else:
        length = ctx.rng.randint(3, min(7, n_body))
        if mode == "tail":
            lo = n_body - length
        else:
            lo = ctx.rng.randint(0, n_body - length)
        items = body[lo:lo + length]
        start = ctx.rng.randint(2, 5) + lo
        header = ""
        chapter = rs.chapters.get(lo)
        if chapter and style.startswith("article"):
            header = f"第{cn_number(ctx.rng.randint(2, 4))}章　{chapter}" + ctx.pick(("\n", " "))
        closing = ctx.pick(rs.closing).format_map(slots) if mode == "tail" else None
    if closing:
        items = items + [closing]
    sep = ctx.pick(("\n", "\n", "\n", " ", ""))

    def render(parts: list[str]) -> str:
        return header + sep.join(article_label(start + i, style) + p for i, p in enumerate(parts))

    text = render(items)
    # keep within bounds: drop middle articles while too long, add leftovers while too short
    while len(text) > MAX_LEN and len(items) > 3:
        del items[len(items) // 2]
        text = render(items)
    spare = [b for b in body if b not in items]
    while len(text) < MIN_LEN and spare:
        items.insert(len(items) - (1 if closing else 0), spare.pop(0))
        text = render(items)
    return text
