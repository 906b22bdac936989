"""Safe persistence of model versions: ``model-vNNN/`` with skops files and ``card.json``.

Layout of a model directory::

    model-v001/
      card.json            version, labels, training data hash and counts, metrics, library versions,
                           created date, seed, and for every file its SHA-256 (+ trusted types)
      triage.skops         TriageModel state (FeatureUnion + CalibratedClassifierCV)
      grounds.skops        GroundsModel state (FeatureUnion + one CalibratedClassifierCV per ground)
      training_data.jsonl  the texts and labels the models were trained on (for cross-validation)

Nothing is ever unpickled.  Before :func:`skops.io.load` runs, a file must (1) be listed in the card
with a matching SHA-256, (2) come from a compatible card format and scikit-learn major version, and
(3) contain only types on the allow-list in this module: scikit-learn / NumPy / SciPy classes, plain
containers, and the one function :func:`reviewer.text.segment.tokenize`.  Any failure raises
:class:`ModelError` with a Chinese message naming the file.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import platform
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.model.errors import ModelError

FORMAT_VERSION = 1
CARD_NAME = "card.json"
MODEL_FILES = {"triage": "triage.skops", "grounds": "grounds.skops"}
# Models a directory holds only when they were trained (request grounds need requests labelled with grounds).
OPTIONAL_MODEL_FILES = {"request_grounds": "request_grounds.skops"}
DATA_NAME = "training_data.jsonl"

# --- allow-list --------------------------------------------------------------
ALLOWED_FUNCTIONS = frozenset({"reviewer.text.segment.tokenize"})
ALLOWED_MODULE_ROOTS = ("sklearn", "numpy", "scipy")
ALLOWED_BUILTINS = frozenset(
    {"dict", "list", "tuple", "set", "frozenset", "str", "int", "float", "bool", "NoneType", "bytes", "slice", "complex"}
)
# skops node kinds that load a class or data (checked by module); anything that loads a callable
# (FunctionNode, MethodNode, PartialNode, …) must name an entry of ALLOWED_FUNCTIONS.
_DATA_LOADERS = frozenset(
    {
        "DictNode", "ListNode", "TupleNode", "SetNode", "JsonNode", "TypeNode", "ObjectNode",
        "NdArrayNode", "MaskedArrayNode", "DTypeNode", "SparseMatrixNode", "RandomStateNode",
        "RandomGeneratorNode", "BytesNode", "BytearrayNode", "SliceNode", "ReduceNode", "TreeNode",
        "LossNode",
    }
)


def _allowed_type(module: str, name: str, loader: str | None) -> bool:
    full = f"{module}.{name}"
    if loader is not None and loader not in _DATA_LOADERS:
        return full in ALLOWED_FUNCTIONS
    if module == "builtins":
        return name in ALLOWED_BUILTINS
    root = module.split(".", 1)[0]
    return root in ALLOWED_MODULE_ROOTS and _is_class(module, name)


_class_cache: dict[tuple[str, str], bool] = {}


def _is_class(module: str, name: str) -> bool:
    """True when ``module.name`` is a class (not a function smuggled in as a "type").

    Only modules under the allowed roots (installed scikit-learn / NumPy / SciPy) are imported.
    """
    import importlib

    key = (module, name)
    if key not in _class_cache:
        try:
            obj = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError, ValueError):
            obj = None
        _class_cache[key] = isinstance(obj, type)
    return _class_cache[key]


def is_allowed(type_name: str) -> bool:
    """Whether a fully qualified name (as returned by ``skops.io.get_untrusted_types``) may be trusted."""
    if type_name in ALLOWED_FUNCTIONS:
        return True
    module, _, name = type_name.rpartition(".")
    if module == "builtins":
        return name in ALLOWED_BUILTINS
    return module.split(".", 1)[0] in ALLOWED_MODULE_ROOTS and _is_class(module, name)


def schema_types(data: bytes, label: str) -> set[tuple[str, str, str | None]]:
    """Every (module, class, loader) named anywhere in a skops file's schema."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            schema = json.loads(zf.read("schema.json"))
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelError(f"模型文件 {label} 不是有效的 skops 文件（{exc}），已拒绝加载。") from exc
    found: set[tuple[str, str, str | None]] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "__class__" in node and "__module__" in node:
                found.add((str(node["__module__"]), str(node["__class__"]), node.get("__loader__")))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def check_types(data: bytes, label: str) -> list[str]:
    """Refuse a skops payload naming a type outside the allow-list; return the types to trust."""
    import skops.io as sio

    bad = sorted(
        f"{module}.{name}" for module, name, loader in schema_types(data, label)
        if not _allowed_type(module, name, loader)
    )
    untrusted = sorted(sio.get_untrusted_types(data=data))
    bad += [t for t in untrusted if not is_allowed(t) and t not in bad]
    if bad:
        raise ModelError(
            f"模型文件 {label} 含有不在允许清单中的类型：{'、'.join(bad)}。为安全起见已拒绝加载；"
            "请只使用本程序训练生成的模型。"
        )
    return untrusted


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
    import jieba
    import numpy
    import scipy
    import sklearn
    import skops

    return {
        "python": platform.python_version(),
        "scikit-learn": sklearn.__version__,
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
        "jieba": getattr(jieba, "__version__", "unknown"),
        "skops": skops.__version__,
    }


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
    target: Path, triage, grounds, card: dict, training_data: bytes, extras: dict[str, bytes] | None = None,
    models: dict | None = None,
) -> Path:
    """Write a complete model directory at ``target`` (which must not exist) and return it.

    ``extras`` are further (non-model) files, e.g. a report of unusable decision rows; they are
    hashed in the card like the rest.  ``models`` are further named models (keys of ``MODEL_FILES``,
    e.g. ``request_grounds``); a None value is skipped.

    The directory is assembled under a temporary name and renamed at the end, so a version
    directory is either complete or absent.
    """
    import skops.io as sio

    target = Path(target)
    if target.exists():
        raise ModelError(f"模型目录 {target} 已存在，不会覆盖已有版本。")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.tmp-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    try:
        files: dict[str, dict] = {}
        named = [("triage", triage), ("grounds", grounds)]
        named += [(k, m) for k, m in (models or {}).items() if m is not None]
        for key, model in named:
            name = MODEL_FILES.get(key) or OPTIONAL_MODEL_FILES[key]
            data = sio.dumps(model.to_state())
            trusted = check_types(data, name)
            (tmp / name).write_bytes(data)
            files[name] = {"sha256": sha256_bytes(data), "bytes": len(data), "trusted_types": trusted}
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
    """Both models of one directory, with their card."""

    path: Path
    card: dict
    triage: object
    grounds: object
    warnings: list[str] = field(default_factory=list)
    request_grounds: object | None = None  # request-level grounds (a GroundsModel), when trained

    @property
    def version(self) -> str:
        return str(self.card.get("version", self.path.name))


def read_card(model_dir: Path) -> dict:
    """Parse and check ``card.json`` (format and scikit-learn major version)."""
    import sklearn

    card_path = Path(model_dir) / CARD_NAME
    if not card_path.is_file():
        raise ModelError(f"模型目录 {model_dir} 中没有模型卡 {CARD_NAME}，无法确认模型来源，已拒绝加载。")
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelError(f"模型卡 {card_path} 不是有效的 JSON（{exc}）。") from exc
    if not isinstance(card, dict):
        raise ModelError(f"模型卡 {card_path} 格式不正确。")
    if card.get("format") != FORMAT_VERSION:
        raise ModelError(
            f"模型卡 {card_path} 的格式版本为 {card.get('format')!r}，本程序只支持 {FORMAT_VERSION}；"
            "请用 reviewer train 重新训练。"
        )
    trained_with = str(card.get("libraries", {}).get("scikit-learn", ""))
    if trained_with.split(".")[0] != sklearn.__version__.split(".")[0]:
        raise ModelError(
            f"模型卡 {card_path} 记录的 scikit-learn 版本为 {trained_with or '未知'}，与当前的 "
            f"{sklearn.__version__} 主版本不兼容；请用 reviewer train 重新训练。"
        )
    if not isinstance(card.get("files"), dict):
        raise ModelError(f"模型卡 {card_path} 缺少文件清单（files）。")
    return card


def verify_file(model_dir: Path, card: dict, name: str) -> bytes:
    """Read a file listed in the card and check its SHA-256; return its bytes."""
    entry = card["files"].get(name)
    if not isinstance(entry, dict) or "sha256" not in entry:
        raise ModelError(f"模型卡没有登记文件 {name} 的 SHA-256，已拒绝加载。")
    if Path(name).name != name:
        raise ModelError(f"模型卡中的文件名 {name!r} 不合法。")
    path = Path(model_dir) / name
    if not path.is_file():
        raise ModelError(f"模型文件 {path} 不存在。")
    data = path.read_bytes()
    if sha256_bytes(data) != entry["sha256"]:
        raise ModelError(
            f"模型文件 {path} 的 SHA-256 与模型卡记录不一致，文件可能被篡改或损坏，已拒绝加载。"
        )
    return data


def load_model_file(model_dir: Path, card: dict, key: str):
    """Verified, allow-listed load of one model state (``key`` = triage | grounds)."""
    import skops.io as sio

    from reviewer.model.classifiers import GroundsModel, TriageModel

    name = MODEL_FILES.get(key) or OPTIONAL_MODEL_FILES[key]
    data = verify_file(model_dir, card, name)
    label = str(Path(model_dir) / name)
    trusted = check_types(data, label)
    recorded = set(card["files"][name].get("trusted_types", []))
    extra = sorted(set(trusted) - recorded)
    if extra:
        raise ModelError(f"模型文件 {label} 含有模型卡未登记的类型：{'、'.join(extra)}，已拒绝加载。")
    try:
        state = sio.loads(data, trusted=trusted)
    except Exception as exc:  # skops raises many kinds of errors for bad payloads
        raise ModelError(f"无法读取模型文件 {label}（{type(exc).__name__}: {exc}）。") from exc
    cls = TriageModel if key == "triage" else GroundsModel
    try:
        return cls.from_state(state)
    except (TypeError, KeyError, ValueError) as exc:
        raise ModelError(f"模型文件 {label} 的内容与本程序不兼容（{exc}）。") from exc


def load_model_dir(model_dir: Path) -> LoadedModels:
    """Load both models of ``model_dir`` after all safety checks."""
    import sklearn

    model_dir = Path(model_dir)
    if not model_dir.is_dir():
        raise ModelError(f"模型目录 {model_dir} 不存在。")
    card = read_card(model_dir)
    triage = load_model_file(model_dir, card, "triage")
    grounds = load_model_file(model_dir, card, "grounds")
    request_grounds = (load_model_file(model_dir, card, "request_grounds")
                       if OPTIONAL_MODEL_FILES["request_grounds"] in card["files"] else None)
    warnings: list[str] = []
    trained_with = str(card.get("libraries", {}).get("scikit-learn", ""))
    if trained_with != sklearn.__version__:
        warnings.append(
            f"模型用 scikit-learn {trained_with} 训练，当前为 {sklearn.__version__}；结果可能略有差异，建议重新训练。"
        )
    return LoadedModels(path=model_dir, card=card, triage=triage, grounds=grounds, warnings=warnings,
                        request_grounds=request_grounds)


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
