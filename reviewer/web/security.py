"""Users file (argon2 hashes), loopback check, CSRF tokens."""

from __future__ import annotations

import hmac
import ipaddress
import json
import os
import re
import secrets
from pathlib import Path

NAME_RE = re.compile(r"^[\w\u4e00-\u9fff.@-]{1,40}$")
MIN_PASSWORD = 8


class UsersError(ValueError):
    """Chinese message about the users file."""


def default_users_path() -> Path:
    from reviewer.paths import data_dir

    return data_dir() / "web-users.json"


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_users(path: Path) -> dict[str, str]:
    """``{name: argon2 hash}``; an empty dict when the file does not exist."""
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsersError(f"用户文件 {path} 无法读取：{exc}") from None
    users = data.get("users") if isinstance(data, dict) else None
    if not isinstance(users, dict) or not all(isinstance(v, str) and v.startswith("$argon2") for v in users.values()):
        raise UsersError(f"用户文件 {path} 格式错误（应由 reviewer users add 生成）")
    return users


def add_user(path: Path, name: str, password: str) -> bool:
    """Add or replace a user; returns True when the user is new."""
    from argon2 import PasswordHasher

    if not NAME_RE.match(name):
        raise UsersError(f"用户名“{name}”不合规（1–40 个汉字、字母、数字或 . _ @ -）")
    if len(password) < MIN_PASSWORD:
        raise UsersError(f"密码至少 {MIN_PASSWORD} 个字符")
    users = load_users(path)
    new = name not in users
    users[name] = PasswordHasher().hash(password)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"users": users}, ensure_ascii=False, indent=1), encoding="utf-8")
    os.chmod(tmp, 0o600)
    tmp.replace(path)
    return new


def remove_user(path: Path, name: str) -> bool:
    users = load_users(path)
    if name not in users:
        return False
    del users[name]
    path.write_text(json.dumps({"users": users}, ensure_ascii=False, indent=1), encoding="utf-8")
    return True


def check_password(users: dict[str, str], name: str, password: str) -> bool:
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    stored = users.get(name)
    hasher = PasswordHasher()
    if stored is None:
        # Same work for unknown names: no timing hint about which names exist.
        try:
            hasher.verify(hasher.hash("x" * MIN_PASSWORD), password + "!")
        except VerificationError:
            pass
        return False
    try:
        return hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def same_token(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))
