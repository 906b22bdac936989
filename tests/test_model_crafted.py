"""A crafted model folder must never run code or write files (issue 15, item 1).

Every payload below would, if deserialised, call ``numpy.memmap(victim, "w+")`` — which truncates or
creates the file.  Model folders hold plain ``.npz`` arrays read with ``allow_pickle=False`` and a JSON
card, so each is refused with a Chinese error and the victim keeps its bytes.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from reviewer.model.errors import ModelError
from reviewer.model.persist import load_model_dir, sha256_bytes

VICTIM_BYTES = "机密数据 secret payload\n".encode() * 60


class _Memmap:
    """Pickles as a call to numpy.memmap(path, uint8, "w+", 0, (1,))."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def __reduce__(self):
        return (np.memmap, (self.path, np.uint8, "w+", 0, (1,)))


def _victims(tmp_path: Path) -> tuple[Path, Path]:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(VICTIM_BYTES)
    return victim, tmp_path / "created-by-payload.bin"


def _card(files: dict[str, bytes], fmt: int = 2) -> dict:
    models = {name.removesuffix(".npz").removesuffix(".skops"): {
        "file": name, "task": "grounds", "kind": "multilabel", "classes": ["privacy"], "n_members": 1}
        for name in files}
    return {"format": fmt, "version": "model-v001", "models": models,
            "files": {name: {"sha256": sha256_bytes(data), "bytes": len(data)} for name, data in files.items()}}


def _folder(tmp_path: Path, files: dict[str, bytes], fmt: int = 2) -> Path:
    folder = tmp_path / "models" / "model-v001"
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "card.json").write_text(json.dumps(_card(files, fmt)), encoding="utf-8")
    return folder


def _pickle_in_npz(victim: Path, created: Path) -> bytes:
    """Every array the loader expects, with the vocabulary an object array pickling the payload."""
    from reviewer.model.linear import ARRAYS

    sample = {"U": np.array(["词"]), "f": np.zeros(1), "i": np.zeros(1, dtype=np.int64), "b": np.ones(1, dtype=bool)}
    arrays = {key: sample[kind].reshape((1,) * ndim) for key, (kind, ndim) in ARRAYS.items()}
    arrays["word_terms"] = np.array([_Memmap(victim), _Memmap(created)], dtype=object)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def _raw_pickle(victim: Path) -> bytes:
    import pickle

    return pickle.dumps({"model": _Memmap(victim)})


def _npy_pickle(victim: Path) -> bytes:
    buf = io.BytesIO()
    np.save(buf, np.array([_Memmap(victim)], dtype=object), allow_pickle=True)
    return buf.getvalue()


def _skops_like(victim: Path) -> bytes:
    """A format-1 (skops) file whose schema asks for numpy.memmap(victim, 'w+') — never even opened now."""
    schema = {"__class__": "memmap", "__module__": "numpy", "__loader__": "ObjectNode", "__id__": 1,
              "content": {"__class__": "dict", "__module__": "builtins", "__loader__": "DictNode",
                          "content": {"filename": {"__class__": "str", "__module__": "builtins",
                                                   "__loader__": "JsonNode", "content": json.dumps(str(victim))},
                                      "mode": {"__class__": "str", "__module__": "builtins",
                                               "__loader__": "JsonNode", "content": "\"w+\""}}},
              "protocol": 2, "_skops_version": "0.10"}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("schema.json", json.dumps(schema))
    return buf.getvalue()


PAYLOADS = {
    "object array in npz": lambda v, c: ({"grounds.npz": _pickle_in_npz(v, c)}, 2),
    "raw pickle named .npz": lambda v, c: ({"grounds.npz": _raw_pickle(v)}, 2),
    "pickled .npy named .npz": lambda v, c: ({"grounds.npz": _npy_pickle(v)}, 2),
    "legacy skops folder": lambda v, c: ({"grounds.skops": _skops_like(v)}, 1),
}


@pytest.mark.parametrize("kind", sorted(PAYLOADS))
def test_crafted_model_folder_is_refused_and_writes_nothing(tmp_path, kind):
    victim, created = _victims(tmp_path)
    files, fmt = PAYLOADS[kind](victim, created)
    folder = _folder(tmp_path, files, fmt)
    with pytest.raises(ModelError) as err:
        load_model_dir(folder)
    message = str(err.value)
    assert "拒绝" in message or "不再加载" in message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)
    assert victim.read_bytes() == VICTIM_BYTES
    assert not created.exists()


def test_crafted_model_in_user_data_folder_is_not_used(tmp_path, monkeypatch):
    """Models found automatically (the office's newest under the data folder) go through the same loader."""
    from reviewer.model import default, loader

    victim, created = _victims(tmp_path)
    data_dir = tmp_path / "data"
    files = {"grounds.npz": _pickle_in_npz(victim, created)}
    folder = data_dir / "models" / "model-v007"
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "card.json").write_text(json.dumps(_card(files)), encoding="utf-8")
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(data_dir))
    monkeypatch.setattr(loader, "_cache", {})
    default.clear_loaded()
    models, warning = loader.load_models()
    assert models is None and "仅使用规则审查" in warning and "拒绝" in warning
    assert victim.read_bytes() == VICTIM_BYTES and not created.exists()


@pytest.mark.parametrize("command", ["screen", "review", "screen --out"])
def test_refused_model_option_stops_the_command_with_exit_code_2(tmp_path, command):
    victim, created = _victims(tmp_path)
    folder = _folder(tmp_path, {"grounds.npz": _pickle_in_npz(victim, created)})
    doc = tmp_path / "公告.txt"
    doc.write_text("关于开展安全生产检查的通知。各单位要认真落实。申请公开会议纪要。", encoding="utf-8")
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    extra = ["--out", str(tmp_path / "报告"), "--jobs", "2"] if command == "screen --out" else []
    proc = subprocess.run([sys.executable, "-m", "reviewer.cli.app", command.split()[0], str(doc), "--model",
                           str(folder), *extra], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert "错误" in proc.stderr and "拒绝" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert victim.read_bytes() == VICTIM_BYTES and not created.exists()
