"""Manifest files: the list of files a batch screens instead of walking folders (for clusters whose
workers see the files under other roots, or object stores later)."""

from __future__ import annotations

import os
from pathlib import Path

from reviewer.batch.filework import FileTask


def iter_manifest(manifest: Path) -> list[FileTask]:
    """Files listed in a manifest: CSV with a ``path`` column (or one path per line) or JSONL objects
    with a ``path`` key.  Relative paths are relative to the manifest's folder."""
    import csv
    import json

    manifest = Path(manifest)
    base = manifest.parent.resolve()
    try:
        raw = manifest.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"清单文件 {manifest.name} 无法读取（{type(exc).__name__}）。") from exc
    paths: list[str] = []
    if manifest.suffix.lower() == ".jsonl":
        for number, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"清单文件 {manifest.name} 第 {number} 行不是有效的 JSON。") from exc
            if not isinstance(obj, dict) or not isinstance(obj.get("path"), str):
                raise ValueError(f"清单文件 {manifest.name} 第 {number} 行缺少 path。")
            paths.append(obj["path"])
    else:
        rows = list(csv.reader(raw.splitlines()))
        if rows and "path" in [c.strip().lower() for c in rows[0]]:
            column = [c.strip().lower() for c in rows[0]].index("path")
            rows = rows[1:]
        else:
            column = 0
        paths = [row[column] for row in rows if len(row) > column and row[column].strip()]
    tasks = []
    for given in paths:
        path = Path(given) if os.path.isabs(given) else base / given
        path = Path(os.path.abspath(path))
        try:
            rel = path.relative_to(base).as_posix()
        except ValueError:
            rel = path.as_posix().lstrip("/")
        tasks.append(FileTask(str(path), rel, str(base)))
    return tasks
