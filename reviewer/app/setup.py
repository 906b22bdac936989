"""Write the office's agency profile (``reviewer init``) into the user config folder.

After that, every command uses it when ``--profile`` is not given, and drafts lose the
"示例机关——未配置" mark.  The values are validated exactly like a hand-written profile.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from reviewer.app.options import OptionError

# Asked for when not given as an option, in this order: (field, Chinese prompt).
REQUIRED_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "机关全称（如 示例市自然资源和规划局）"),
    ("short_name", "机关简称"),
    ("doc_prefix", "文号机关代字（如 示例规资信复）"),
    ("address", "通信地址"),
    ("contact_person", "联系人（可填科室名称）"),
    ("contact_phone", "联系电话"),
    ("agency_type", "机关类型（department、government、vertical、state_council_dept）"),
    ("review_body", "行政复议机关全称（如 示例市人民政府）"),
)
OPTIONAL_FIELDS = ("postcode", "email", "court", "counting")


def profile_values(given: dict, ask=None) -> dict:
    """The profile mapping from ``given`` options; missing required fields come from ``ask(field, prompt)``
    (None: not asked — then they stay missing and validation names them)."""
    data = {k: v for k, v in given.items() if v not in (None, "")}
    for key, prompt in REQUIRED_FIELDS:
        if key in data:
            continue
        if key == "review_body" and data.get("agency_type") == "state_council_dept":
            continue  # 国务院部门: the department itself (行政复议法 第二十五条)
        if ask is not None:
            value = ask(key, prompt)
            if value not in (None, ""):
                data[key] = value
    return data


def write_profile(data: dict, path: Path | None = None, *, force: bool = False) -> Path:
    """Validate ``data`` as a profile and write it as YAML (default: the user config folder)."""
    from reviewer.decide.profile import profile_from_dict, user_profile_path

    target = Path(path) if path is not None else user_profile_path()
    if target.exists() and not force:
        raise OptionError(f"机关配置文件 {target} 已存在；如需覆盖请加 --force")
    profile_from_dict(data, source=str(target))  # raises ProfileError naming the field
    target.parent.mkdir(parents=True, exist_ok=True)
    header = ("# 本机关的政府信息公开配置（由 reviewer init 生成）。未指定 --profile 时所有命令使用本文件。\n"
              "# 字段含义见 examples/profile.yaml 和 reviewer/decide/profile.py；可直接编辑。\n")
    target.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target
