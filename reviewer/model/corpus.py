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

    def add(self, text: str, label, weight: float = 1.0, source: str = "seed") -> None:
        self.texts.append(text)
        self.labels.append(label)
        self.weights.append(float(weight))
        self.sources.append(source)

    def extend(self, other: Dataset) -> None:
        if other.task != self.task:
            raise ValueError(f"cannot merge {other.task} into {self.task}")
        self.texts += other.texts
        self.labels += other.labels
        self.weights += other.weights
        self.sources += other.sources

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


@dataclass
class Corpus:
    """Both seed datasets plus the problems met while reading them."""

    requests: Dataset
    passages: Dataset
    problems: list[str] = field(default_factory=list)
    sha256: str = ""
    files: list[str] = field(default_factory=list)
    # Request-level grounds: request rows that carry a "grounds" list (the authored request corpus).
    request_grounds: Dataset = field(default_factory=lambda: Dataset("grounds"))


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


def load_corpus(corpus_dir: Path, weight: float = 1.0) -> Corpus:
    """Read ``requests/*.jsonl`` and ``passages/*.jsonl`` under ``corpus_dir``.

    Malformed lines and unknown labels are skipped and listed in ``Corpus.problems``
    (Chinese, with file and line number).  Request rows that carry a ``grounds`` list are also
    kept in ``Corpus.request_grounds`` (request text -> grounds it implicates).
    """
    corpus_dir = Path(corpus_dir)
    requests = Dataset("triage")
    passages = Dataset("grounds")
    request_grounds = Dataset("grounds")
    problems: list[str] = []
    files = corpus_files(corpus_dir)
    for path in files:
        kind = path.parent.name
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
                    requests.add(text, label, weight, "seed")
                    if "grounds" in row:
                        grounds = row["grounds"]
                        if not isinstance(grounds, list) or any(g not in GROUNDS for g in grounds):
                            problems.append(f"{where}：grounds 含未知依据 {grounds!r}")
                        else:
                            request_grounds.add(text, sorted(set(grounds), key=GROUNDS.index), weight, "seed")
                else:
                    labels = row.get("labels")
                    if not isinstance(labels, list) or any(lab not in GROUNDS for lab in labels):
                        problems.append(f"{where}：labels 含未知依据 {labels!r}")
                        continue
                    passages.add(text, sorted(set(labels), key=GROUNDS.index), weight, "seed")
    return Corpus(
        requests=requests,
        passages=passages,
        problems=problems,
        sha256=corpus_hash(corpus_dir),
        files=[p.relative_to(corpus_dir).as_posix() for p in files],
        request_grounds=request_grounds,
    )


def dataset_sha256(data: Dataset) -> str:
    """Stable hash of a dataset's texts, labels and weights."""
    h = hashlib.sha256()
    for text, label, weight in zip(data.texts, data.labels, data.weights, strict=False):
        h.update(json.dumps([text, label, round(weight, 6)], ensure_ascii=False).encode())
        h.update(b"\n")
    return h.hexdigest()
