"""Safe persistence of model versions: ``model-vNNN/`` with NumPy ``.npz`` arrays and ``card.json``.

Layout of a model directory::

    model-v001/
      card.json            format, version, labels, training data hash and counts, metrics, library versions,
                           created date, seed; for every model its kind, classes and parameters; for every
                           file its SHA-256
      triage.npz           arrays of the request-triage model (vocabularies, idf, weights, calibration)
      grounds.npz          arrays of the passage-grounds model
      training_data.jsonl  the texts and labels the models were trained on (for cross-validation)

The models are a dict of named models (``triage``, ``grounds``, …): each is saved as ``<name>.npz`` with
the plain arrays of :meth:`to_arrays` and loaded as a :class:`reviewer.model.linear.LinearTextModel`.

Nothing in a model directory can run code: ``.npz`` files are read with ``allow_pickle=False`` (only
numbers and fixed-width strings; an object array or a pickle is refused), the card is JSON, every array's
name, type and shape is checked, and no class or function is ever looked up by a name from a file.  The
SHA-256 in the card detects a damaged or partly replaced directory.  Older directories saved with skops
(format 1) are refused unopened.  Any failure raises :class:`ModelError` with a Chinese message naming the
file.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import json
import os
import platform
import re
import shutil
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.model.errors import ModelError

FORMAT_VERSION = 2
CARD_NAME = "card.json"
MODEL_SUFFIX = ".npz"
MODEL_FILES = {"triage": "triage.npz", "grounds": "grounds.npz"}
DATA_NAME = "training_data.jsonl"
MAX_ARRAY_BYTES = 1 << 30  # decompressed size of one model file
_MODEL_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")


def model_file(name: str) -> str:
    """File name of the model called ``name`` (lower-case letters, digits, underscores)."""
    if not _MODEL_NAME.fullmatch(name):
        raise ModelError(f"模型名称 {name!r} 不合法。")
    return name + MODEL_SUFFIX


# --- hashing and library versions ----------------------------------------
def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def library_versions() -> dict[str, str]:
    """Versions of what trained the models (training time: scikit-learn is importable then)."""
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for dist in ("scikit-learn", "numpy", "scipy", "jieba", "rjieba"):
        try:
            out[dist] = version(dist)
        except PackageNotFoundError:
            out[dist] = "unknown"
    return out


# --- version directories ----------------------------------------------------
VERSION_PREFIX = "model-v"


def version_number(path: Path) -> int | None:
    name = Path(path).name
    if name.startswith(VERSION_PREFIX) and name[len(VERSION_PREFIX):].isdigit():
        return int(name[len(VERSION_PREFIX):])
    return None


def list_versions(base: Path) -> list[Path]:
    """Version directories under ``base`` (``model-v001`` …), oldest first."""
    base = Path(base)
    if not base.is_dir():
        return []
    found = [p for p in base.iterdir() if p.is_dir() and version_number(p) is not None]
    return sorted(found, key=version_number)


def next_version_dir(base: Path) -> Path:
    versions = list_versions(base)
    n = (version_number(versions[-1]) + 1) if versions else 1
    return Path(base) / f"{VERSION_PREFIX}{n:03d}"


def previous_version_dir(model_dir: Path) -> Path | None:
    """The closest older version next to ``model_dir`` (None if there is none)."""
    n = version_number(model_dir)
    if n is None:
        return None
    older = [p for p in list_versions(Path(model_dir).parent) if version_number(p) < n]
    return older[-1] if older else None


# --- save ---------------------------------------------------------------------
def save_model_dir(
    target: Path, models: Mapping[str, object], card: dict, training_data: bytes,
    extras: dict[str, bytes] | None = None,
) -> Path:
    """Write a complete model directory at ``target`` (which must not exist) and return it.

    ``models`` maps a name (``triage``, ``grounds``, …) to a fitted model with ``to_arrays()``.  ``extras``
    are further (non-model) files, e.g. a report of unusable decision rows; they are hashed in the card
    like the rest.  The directory is assembled under a temporary name and renamed at the end, so a
    version directory is either complete or absent.
    """
    import numpy as np

    target = Path(target)
    if target.exists():
        raise ModelError(f"模型目录 {target} 已存在，不会覆盖已有版本。")
    if not models:
        raise ModelError("没有要保存的模型。")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.tmp-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    try:
        files: dict[str, dict] = {}
        entries: dict[str, dict] = {}
        for key, model in models.items():
            name = model_file(key)
            meta, arrays = model.to_arrays()
            buf = io.BytesIO()
            np.savez(buf, **arrays)
            data = buf.getvalue()
            _parse_arrays(data, name)  # never write what the loader would refuse
            (tmp / name).write_bytes(data)
            files[name] = {"sha256": sha256_bytes(data), "bytes": len(data)}
            entries[key] = dict(meta, file=name)
        (tmp / DATA_NAME).write_bytes(training_data)
        files[DATA_NAME] = {"sha256": sha256_bytes(training_data), "bytes": len(training_data)}
        for name, payload in (extras or {}).items():
            if Path(name).name != name or name in files or name == CARD_NAME:
                raise ModelError(f"附加文件名 {name!r} 不合法。")
            (tmp / name).write_bytes(payload)
            files[name] = {"sha256": sha256_bytes(payload), "bytes": len(payload)}
        full = dict(card)
        full.update(
            format=FORMAT_VERSION,
            version=target.name,
            created=card.get("created") or _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            libraries=library_versions(),
            models=entries,
            files=files,
        )
        (tmp / CARD_NAME).write_text(json.dumps(full, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        try:
            tmp.rename(target)
        except OSError as exc:
            raise ModelError(f"无法创建模型目录 {target}（{exc}）。") from exc
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target


# --- load ---------------------------------------------------------------------
@dataclass
class LoadedModels:
    """The models of one directory (by name), with their card."""

    path: Path
    card: dict
    models: dict[str, object]
    warnings: list[str] = field(default_factory=list)

    @property
    def version(self) -> str:
        return str(self.card.get("version", self.path.name))

    @property
    def triage(self):
        return self.models.get("triage")

    @property
    def grounds(self):
        return self.models.get("grounds")

    @property
    def request_grounds(self):
        """The request-grounds model, when the corpus had requests labelled with grounds."""
        return self.models.get("request_grounds")

    def get(self, name: str):
        return self.models.get(name)


def read_card(model_dir: Path) -> dict:
    """Parse and check ``card.json`` (format, model entries, file list)."""
    card_path = Path(model_dir) / CARD_NAME
    if not card_path.is_file():
        raise ModelError(f"模型目录 {model_dir} 中没有模型卡 {CARD_NAME}，无法确认模型来源，已拒绝加载。")
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise ModelError(f"模型卡 {card_path} 不是有效的 JSON（{exc}）。") from exc
    if not isinstance(card, dict):
        raise ModelError(f"模型卡 {card_path} 格式不正确。")
    if card.get("format") == 1:
        raise ModelError(
            f"模型目录 {model_dir} 是旧格式（skops 文件，可能含有可执行的内容），为安全起见不再加载；"
            "请用 reviewer train 重新训练。"
        )
    if card.get("format") != FORMAT_VERSION:
        raise ModelError(
            f"模型卡 {card_path} 的格式版本为 {card.get('format')!r}，本程序只支持 {FORMAT_VERSION}；"
            "请用 reviewer train 重新训练。"
        )
    if not isinstance(card.get("files"), dict):
        raise ModelError(f"模型卡 {card_path} 缺少文件清单（files）。")
    models = card.get("models")
    if not isinstance(models, dict) or not models or not all(isinstance(v, dict) for v in models.values()):
        raise ModelError(f"模型卡 {card_path} 缺少模型清单（models）。")
    return card


def verify_file(model_dir: Path, card: dict, name: str) -> bytes:
    """Read a file listed in the card and check its SHA-256; return its bytes."""
    entry = card["files"].get(name)
    if not isinstance(entry, dict) or "sha256" not in entry:
        raise ModelError(f"模型卡没有登记文件 {name} 的 SHA-256，已拒绝加载。")
    if Path(name).name != name or name in (".", ".."):
        raise ModelError(f"模型卡中的文件名 {name!r} 不合法。")
    path = Path(model_dir) / name
    if path.is_symlink() or not path.is_file():
        raise ModelError(f"模型文件 {path} 不存在或不是普通文件。")
    data = path.read_bytes()
    if sha256_bytes(data) != entry["sha256"]:
        raise ModelError(
            f"模型文件 {path} 的 SHA-256 与模型卡记录不一致，文件可能被篡改或损坏，已拒绝加载。"
        )
    return data


def _parse_arrays(data: bytes, label: str) -> dict:
    """The arrays of a model file: a zip of ``.npy`` members read with ``allow_pickle=False``, each of the
    expected name, kind and number of dimensions, nothing else."""
    import numpy as np

    from reviewer.model.linear import ARRAYS

    refused = f"模型文件 {label} 不是本程序保存的数组文件"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = sorted(i.filename for i in infos)
            if names != sorted(f"{k}.npy" for k in ARRAYS):
                raise ModelError(f"{refused}（成员 {'、'.join(names[:20]) or '无'} 与预期不符），已拒绝加载。")
            if sum(i.file_size for i in infos) > MAX_ARRAY_BYTES:
                raise ModelError(f"{refused}（解压后过大），已拒绝加载。")
        arrays = {}
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            for key, (kind, ndim) in ARRAYS.items():
                arr = npz[key]
                if arr.dtype.kind != kind or arr.ndim != ndim or arr.dtype.hasobject:
                    raise ModelError(f"{refused}（数组 {key} 的类型或维数不对），已拒绝加载。")
                arrays[key] = arr
        return arrays
    except ModelError:
        raise
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, KeyError, TypeError) as exc:
        raise ModelError(f"{refused}（{type(exc).__name__}: {exc}），已拒绝加载。") from exc


def _check_meta(meta: dict, label: str) -> dict:
    ok = (
        isinstance(meta.get("task"), str)
        and meta.get("kind") in ("multiclass", "multilabel")
        and isinstance(meta.get("classes"), list) and meta["classes"]
        and all(isinstance(c, str) for c in meta["classes"])
        and isinstance(meta.get("n_members"), int) and 1 <= meta["n_members"] <= 1000
        and isinstance(meta.get("threshold", 0.5), (int, float))
        and isinstance(meta.get("params", {}), dict)
        and meta.get("char_ngram_max", 3) in (1, 2, 3)
    )
    if not ok:
        raise ModelError(f"模型卡中 {label} 的模型说明不完整或不正确，已拒绝加载。")
    return meta


def load_model_file(model_dir: Path, card: dict, key: str):
    """Verified load of the model called ``key`` as a NumPy-only :class:`LinearTextModel`."""
    from reviewer.model.linear import LinearTextModel

    meta = card["models"].get(key)
    if not isinstance(meta, dict):
        raise ModelError(f"模型卡没有登记模型 {key}，已拒绝加载。")
    name = model_file(key)
    if meta.get("file") != name:
        raise ModelError(f"模型卡中模型 {key} 的文件名 {meta.get('file')!r} 不合法。")
    label = str(Path(model_dir) / name)
    arrays = _parse_arrays(verify_file(model_dir, card, name), label)
    try:
        return LinearTextModel(_check_meta(meta, label), arrays)
    except ModelError as exc:
        raise ModelError(f"模型文件 {label}：{exc}") from exc
    except (TypeError, KeyError, ValueError, OverflowError) as exc:
        raise ModelError(f"模型文件 {label} 的内容与本程序不兼容（{exc}）。") from exc


def load_model_dir(model_dir: Path, names=None, reuse: dict | None = None) -> LoadedModels:
    """Load the models of ``model_dir`` (all, or only ``names`` — e.g. screening needs only ``grounds``)
    after all safety checks.  ``reuse`` holds models of this same directory loaded before (by name): they
    are taken as they are instead of being read a second time (the card is still read and checked)."""
    model_dir = Path(model_dir)
    if not model_dir.is_dir():
        raise ModelError(f"模型目录 {model_dir} 不存在。")
    card = read_card(model_dir)
    wanted = list(card["models"]) if names is None else [n for n in names if n in card["models"]]
    if names is not None and not wanted:
        raise ModelError(f"模型目录 {model_dir} 中没有所需的模型（{'、'.join(names)}）。")
    reuse = reuse or {}
    models = {key: reuse[key] if key in reuse else load_model_file(model_dir, card, key) for key in wanted}
    return LoadedModels(path=model_dir, card=card, models=models)


def read_training_data(model_dir: Path, card: dict | None = None):
    """The verified training data of a model directory as ``(triage Dataset, grounds Dataset)``."""
    from reviewer.model.corpus import Dataset

    card = card if card is not None else read_card(model_dir)
    data = verify_file(model_dir, card, DATA_NAME)
    triage, grounds = Dataset("triage"), Dataset("grounds")
    for lineno, line in enumerate(data.decode("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            target = triage if row["task"] == "triage" else grounds
            target.add(row["text"], row["label"], row.get("weight", 1.0), row.get("source", "seed"))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ModelError(f"{Path(model_dir) / DATA_NAME} 第 {lineno} 行格式不正确（{exc}）。") from exc
    return triage, grounds


def encode_training_data(triage, grounds) -> bytes:
    """Serialise both datasets as JSONL (one example per line)."""
    lines = []
    for data in (triage, grounds):
        for text, label, weight, source in zip(data.texts, data.labels, data.weights, data.sources, strict=False):
            lines.append(
                json.dumps(
                    {"task": data.task, "text": text, "label": label, "weight": weight, "source": source},
                    ensure_ascii=False,
                )
            )
    return ("\n".join(lines) + "\n").encode("utf-8")
