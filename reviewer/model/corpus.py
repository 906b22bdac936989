"""Label sets and loaders for the seed corpora (``corpora/requests`` and ``corpora/passages``).

A *dataset* here is the plain training input of one model: parallel lists of texts, labels
(a string for triage, a list of grounds for passages), sample weights and sources.  Loaders
skip malformed lines but record them, so a half-written corpus never breaks training silently.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.vocab import GROUND_NAMES_ZH, TRIAGE_LABELS, TRIAGE_NAMES_ZH  # noqa: E402, F401
from reviewer.vocab import MODEL_GROUNDS as GROUNDS  # noqa: E402


@dataclass
class Dataset:
    """Training input of one model."""

    task: str                                   # "triage" | "grounds"
    texts: list[str] = field(default_factory=list)
    labels: list = field(default_factory=list)  # str (triage) or list[str] (grounds)
    weights: list[float] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # "seed" | "decisions" | file name
    groups: list[str] = field(default_factory=list)  # evaluation group (template, document kind, batch)

    def add(self, text: str, label, weight: float = 1.0, source: str = "seed", group: str = "") -> None:
        self.texts.append(text)
        self.labels.append(label)
        self.weights.append(float(weight))
        self.sources.append(source)
        self.groups.append(group)

    def group_keys(self) -> list[str]:
        """One group key per example; an example without a group forms its own group."""
        groups = self.groups if len(self.groups) == len(self.texts) else [""] * len(self.texts)
        return [g or f"#{i}" for i, g in enumerate(groups)]

    def subset(self, indices) -> Dataset:
        """A new dataset holding the examples at ``indices`` (in that order)."""
        keys = self.group_keys()
        out = Dataset(self.task)
        for i in indices:
            out.add(self.texts[i], self.labels[i], self.weights[i], self.sources[i], keys[i])
        return out

    def extend(self, other: Dataset) -> None:
        if other.task != self.task:
            raise ValueError(f"cannot merge {other.task} into {self.task}")
        groups = _padded_groups(self) + _padded_groups(other) if (self.groups or other.groups) else []
        self.texts += other.texts
        self.labels += other.labels
        self.weights += other.weights
        self.sources += other.sources
        self.groups = groups

    def __len__(self) -> int:
        return len(self.texts)

    def counts(self) -> dict[str, int]:
        """Examples per class; for grounds also the number of clean passages under ``clean``."""
        out: dict[str, int] = {}
        if self.task == "triage":
            for name in TRIAGE_LABELS:
                out[name] = sum(1 for lab in self.labels if lab == name)
        else:
            for name in GROUNDS:
                out[name] = sum(1 for labs in self.labels if name in labs)
            out["clean"] = sum(1 for labs in self.labels if not labs)
        return out


def _padded_groups(data: Dataset) -> list[str]:
    return list(data.groups) if len(data.groups) == len(data.texts) else [""] * len(data.texts)


@dataclass
class Corpus:
    """Both seed datasets plus the problems met while reading them."""

    requests: Dataset
    passages: Dataset
    problems: list[str] = field(default_factory=list)
    sha256: str = ""
    files: list[str] = field(default_factory=list)
    # Requests that carry a ``grounds`` field (authored corpora): the request-grounds model's data.
    request_grounds: Dataset = field(default_factory=lambda: Dataset("request_grounds"))
    # Which file (``requests/seed.jsonl`` …) each request / passage came from, for per-part figures.
    request_files: list[str] = field(default_factory=list)
    passage_files: list[str] = field(default_factory=list)


def record_group(row: dict, part: str) -> str:
    """Evaluation group of one corpus record.

    Authored records name their batch in ``group``; template records are grouped by what they were
    generated from: the document kind (``doc_type``) of a passage, the register of a request — so that
    grouped cross-validation never tests on a template it trained on.  ``part`` (the file stem) keeps
    the groups of different corpus files apart.
    """
    group = row.get("group")
    if isinstance(group, str) and group.strip():
        return f"{part}:{group.strip()}"
    kind = row.get("doc_type") or row.get("register") or ""
    return f"{part}:{kind}" if kind else f"{part}:{row.get('id', '')}"


# The training recipe's corpus part, chosen by the held-out-authored comparison of
# ``bench/eval_grouped_cv.py --recipes`` (part of ``make eval``; tests are always on hand-written files the
# model did not train on).  Weight of a template (slot-filled) record relative to a hand-written one, per
# corpus folder: template requests add little on held-out registers (and are down-weighted), template
# passages are the only other source of several document kinds (kept at full weight).
TEMPLATE_WEIGHTS = {"requests": 0.25, "passages": 1.0}
# Train on text as ``reviewer.text.normalize`` gives it: prediction (triage, screening) only ever sees
# normalised text, so traditional characters, full-width ASCII and odd spaces are folded in training too.
NORMALISE_TRAINING_TEXT = True
AUTHORED_PREFIX = "authored_"  # hand-written corpus files: requests/authored_*.jsonl, passages/authored_*.jsonl
# Written one by one too, as probe sets by helpers who read only the law (corpora/DATASHEET-probes.md).
PROBES_PREFIX = "probes_"


def is_authored_file(name: str) -> bool:
    """Whether a corpus file (``requests/authored_court.jsonl`` or just its name) holds hand-written records (the
    authored files and the helpers' probe files, ``probes_*.jsonl``)."""
    return Path(name).name.startswith((AUTHORED_PREFIX, PROBES_PREFIX))


def shingles(text: str, n: int = 5) -> set[str]:
    """Character ``n``-grams of a text with all whitespace removed."""
    s = "".join(text.split())
    return {s[i:i + n] for i in range(max(1, len(s) - n + 1))}


def near_duplicate_pairs(texts: list[str], threshold: float = 0.5, n: int = 5):
    """Index pairs (i < j) of texts whose character ``n``-gram Jaccard similarity is ≥ ``threshold``.

    Exact, via sparse co-occurrence counts: returns ``(rows, cols, jaccard)`` numpy arrays.
    """
    import numpy as np
    from scipy import sparse

    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, t in enumerate(texts):
        for sh in shingles(t, n):
            rows.append(i)
            cols.append(vocab.setdefault(sh, len(vocab)))
    size = len(texts)
    X = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(size, max(1, len(vocab))))
    X.data[:] = 1.0  # a shingle repeated within a text was summed
    sizes = np.asarray(X.sum(axis=1)).ravel()
    inter = sparse.triu(X @ X.T, k=1).tocoo()
    r, c, v = inter.row, inter.col, inter.data
    jac = v / (sizes[r] + sizes[c] - v)
    keep = jac >= threshold
    return r[keep], c[keep], jac[keep]


def near_duplicate_keep(texts: list[str], threshold: float = 0.5, n: int = 5) -> list[int]:
    """Indices of the texts to keep so that no two kept texts are near-duplicates.

    Greedy in the given order: a text is dropped when an earlier *kept* text is a near-duplicate of it,
    so the result is deterministic and the first of every cluster survives.
    """
    rows, cols, _jac = near_duplicate_pairs(texts, threshold, n)
    neighbours: dict[int, list[int]] = {}
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        neighbours.setdefault(j, []).append(i)  # i < j: j is dropped if i is kept
    kept: list[int] = []
    dropped: set[int] = set()
    for j in range(len(texts)):
        if any(i not in dropped for i in neighbours.get(j, ())):
            dropped.add(j)
        else:
            kept.append(j)
    return kept


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The JSONL files that make up a corpus directory, in a stable order."""
    corpus_dir = Path(corpus_dir)
    files: list[Path] = []
    for sub in ("requests", "passages"):
        folder = corpus_dir / sub
        if folder.is_dir():
            files += sorted(folder.glob("*.jsonl"))
    return files


def corpus_hash(corpus_dir: Path) -> str:
    """SHA-256 over the names and bytes of the corpus files and the jieba user dictionary."""
    h = hashlib.sha256()
    corpus_dir = Path(corpus_dir)
    extra = [corpus_dir / "userdict.txt"]
    for path in corpus_files(corpus_dir) + [p for p in extra if p.exists()]:
        h.update(path.relative_to(corpus_dir).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def generator_groups(corpus_dir: Path) -> dict[str, str]:
    """Text → template group for the template corpora whose generators record one.

    ``make_passages_a`` names each passage's template (``bank:index``) and ``make_passages_c`` its
    family and document kind.  The generators need Faker (a development dependency); a text is mapped
    only when the generator reproduces it exactly, so a different Faker version simply falls back to
    :func:`record_group`.  Returns {} when the tools are absent or fail.
    """
    import importlib
    import sys

    tools = Path(corpus_dir) / "tools"
    if not tools.is_dir():
        return {}
    out: dict[str, str] = {}
    added = str(tools) not in sys.path
    if added:
        sys.path.insert(0, str(tools))
    try:
        try:
            gen_a = importlib.import_module("make_passages_a")
            for rec, group in gen_a._build_with_groups(gen_a.SEED):
                out[rec["text"]] = f"part_a:{group}"
        except Exception:  # noqa: BLE001 - optional refinement only
            pass
        try:
            gen_c = importlib.import_module("make_passages_c")
            records, groups = gen_c.generate_with_groups()
            for rec in records:
                out[rec["text"]] = f"part_c:{groups[rec['id']]}"
        except Exception:  # noqa: BLE001 - optional refinement only
            pass
    finally:
        if added:
            sys.path.remove(str(tools))
    return out


def load_corpus(corpus_dir: Path, weight: float = 1.0, template_groups: bool = False,
                template_weight: float | None = None) -> Corpus:
    """Read ``requests/*.jsonl`` and ``passages/*.jsonl`` under ``corpus_dir`` (every file, so new
    ``authored_*.jsonl`` files are picked up as they are added).

    Malformed lines and unknown labels are skipped and listed in ``Corpus.problems``
    (Chinese, with file and line number).  With ``template_groups`` the evaluation groups of
    template passages come from their generators where possible (see :func:`generator_groups`).
    Every record weighs ``weight``; a template record (a file not named ``authored_*``) weighs
    ``weight × TEMPLATE_WEIGHTS[folder]``, or ``weight × template_weight`` when that is given.
    """
    corpus_dir = Path(corpus_dir)
    by_text = generator_groups(corpus_dir) if template_groups else {}
    requests = Dataset("triage")
    passages = Dataset("grounds")
    request_grounds = Dataset("request_grounds")
    request_files: list[str] = []
    passage_files: list[str] = []
    problems: list[str] = []
    files = corpus_files(corpus_dir)
    for path in files:
        kind = path.parent.name
        part = path.stem
        rel = path.relative_to(corpus_dir).as_posix()
        file_weight = weight
        if not is_authored_file(path.name):
            file_weight = weight * (TEMPLATE_WEIGHTS.get(kind, 1.0) if template_weight is None else template_weight)
        with path.open(encoding="utf-8-sig") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{path.name} 第 {lineno} 行"
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    problems.append(f"{where}：不是有效的 JSON（{exc.msg}）")
                    continue
                text = row.get("text") if isinstance(row, dict) else None
                if not isinstance(text, str) or not text.strip():
                    problems.append(f"{where}：缺少 text")
                    continue
                if kind == "requests":
                    label = row.get("label")
                    if label not in TRIAGE_LABELS:
                        problems.append(f"{where}：未知的申请类别 {label!r}")
                        continue
                    group = record_group(row, part)
                    grounds = row.get("grounds")
                    if grounds is not None:
                        if not isinstance(grounds, list) or any(g not in GROUNDS for g in grounds):
                            problems.append(f"{where}：grounds 含未知依据 {grounds!r}")  # the triage label still counts
                        else:
                            request_grounds.add(text, sorted(set(grounds), key=GROUNDS.index), file_weight, "seed",
                                                group)
                    requests.add(text, label, file_weight, "seed", group)
                    request_files.append(rel)
                else:
                    labels = row.get("labels")
                    if not isinstance(labels, list) or any(lab not in GROUNDS for lab in labels):
                        problems.append(f"{where}：labels 含未知依据 {labels!r}")
                        continue
                    group = by_text.get(text) if not row.get("group") else None
                    passages.add(text, sorted(set(labels), key=GROUNDS.index), file_weight, "seed",
                                 group or record_group(row, part))
                    passage_files.append(rel)
    return Corpus(
        requests=requests,
        passages=passages,
        problems=problems,
        sha256=corpus_hash(corpus_dir),
        files=[p.relative_to(corpus_dir).as_posix() for p in files],
        request_grounds=request_grounds,
        request_files=request_files,
        passage_files=passage_files,
    )


def normalise_dataset(data: Dataset) -> Dataset:
    """Replace every text by its normalised form (``reviewer.text.normalize``), in place; returns ``data``."""
    from reviewer.text.normalize import normalize

    data.texts = [normalize(t).text for t in data.texts]
    return data


def training_datasets(corpus: Corpus) -> Corpus:
    """Apply the recipe's text step to a corpus about to be trained on (see ``NORMALISE_TRAINING_TEXT``)."""
    if NORMALISE_TRAINING_TEXT:
        for data in (corpus.requests, corpus.passages, corpus.request_grounds):
            normalise_dataset(data)
    return corpus


def dataset_sha256(data: Dataset) -> str:
    """Stable hash of a dataset's texts, labels and weights."""
    h = hashlib.sha256()
    for text, label, weight in zip(data.texts, data.labels, data.weights, strict=False):
        h.update(json.dumps([text, label, round(weight, 6)], ensure_ascii=False).encode())
        h.update(b"\n")
    return h.hexdigest()
