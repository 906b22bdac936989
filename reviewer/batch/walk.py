"""Walking the inputs of a batch run: files in a deterministic order, the output folder kept out of them."""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from reviewer.batch.filework import FileTask


def _skip_name(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")


def _root_labels(inputs: list[Path]) -> list[str]:
    labels: list[str] = []
    used: Counter[str] = Counter()
    for p in inputs:
        # The folder's real name: an input given as ".." or "." must not put ".." into a relative path.
        base = Path(os.path.abspath(p)).name or "根目录"
        used[base] += 1
        labels.append(base if used[base] == 1 else f"{base}-{used[base]}")
    return labels


def iter_files(inputs: list[Path], out_dir: Path, skipped: Counter | None = None) -> Iterator[FileTask]:
    """The files under ``inputs`` in a deterministic order (sorted names, depth first).

    Hidden entries (name starting with "."), Office lock files ("~$…"), symlinked folders and the
    report folder are skipped.  A missing input is yielded as it is (the loader reports it)."""
    out_resolved = out_dir.resolve()
    several = len(inputs) > 1
    for given, label in zip(inputs, _root_labels(inputs), strict=True):
        root = Path(os.path.abspath(given))
        if not root.is_dir():
            yield FileTask(str(root), label if several else root.name, str(root.parent))
            continue
        if root.resolve() == out_resolved:
            continue
        stack: list[Path] = [root]
        while stack:
            folder = stack.pop()
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError:
                # Never skipped silently: the folder itself is recorded as not screened.
                rel = folder.relative_to(root).as_posix()
                rel = label if rel == "." else (f"{label}/{rel}" if several else rel)
                yield FileTask(str(folder), rel, str(root))
                continue
            subdirs: list[Path] = []
            for entry in entries:
                if _skip_name(entry.name):
                    if skipped is not None:
                        skipped["lock" if entry.name.startswith("~$") else "hidden"] += 1
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):
                        sub = Path(entry.path)
                        if sub.resolve() != out_resolved:
                            subdirs.append(sub)
                        continue
                    if entry.is_symlink() and not entry.is_file():
                        if skipped is not None:
                            skipped["link"] += 1
                        continue
                except OSError:
                    pass
                rel = Path(entry.path).relative_to(root).as_posix()
                yield FileTask(entry.path, f"{label}/{rel}" if several else rel, str(root))
            stack.extend(reversed(subdirs))


def check_output_dir(inputs: list[Path], out_dir: Path) -> None:
    """Refuse (ValueError, Chinese) an output folder that is an input folder or lies inside one: reports
    and redacted copies are never written into the tree being screened."""
    out_resolved = Path(out_dir).resolve()
    for given in inputs:
        root = Path(given).resolve()
        if root.is_dir() and (out_resolved == root or root in out_resolved.parents):
            raise ValueError(f"输出目录“{out_dir}”位于要审查的文件夹“{given}”之内（或就是该文件夹）："
                             "报告和遮盖副本不能写进被审查的文件夹，请指定其他输出目录。")


def count_files(inputs: list[Path], out_dir: Path) -> int:
    return sum(1 for _ in iter_files(inputs, out_dir))


def _stat(path: str) -> tuple[int | None, float | None]:
    try:
        info = os.stat(path)
    except OSError:
        return None, None
    if not stat.S_ISREG(info.st_mode):
        return None, None
    return info.st_size, info.st_mtime
