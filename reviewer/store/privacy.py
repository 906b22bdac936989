"""What the decision store keeps of personal data: no more than the law requires.

* Request texts are stored with identity numbers, phone numbers, bank cards, e-mail addresses,
  passports, licence plates and street addresses masked (:func:`mask_personal`, the same privacy rules
  screening uses), so nothing the store prints or exports — ``history``, ``decisions export``, the
  search index — can show them in full.  Names stay: an office needs to know who asked.
* Identity numbers are kept only as a keyed hash (HMAC-SHA256 with a per-installation secret in the
  user data folder, :func:`keyed_id_hash`), for recognising the same applicant; a plain SHA-256 of an
  18-digit number can be reversed by trying every birth date and sequence number.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from reviewer.screen.masking import MASKED_ENTITIES, mask_personal  # noqa: F401 - re-exported

__all__ = ["MASKED_ENTITIES", "installation_secret", "keyed_id_hash", "legacy_id_hash", "mask_personal"]

SECRET_NAME = "installation.key"


def installation_secret(folder: Path | None = None) -> bytes:
    """The per-installation secret (32 random bytes), created once with owner-only permissions."""
    from reviewer.paths import data_dir

    path = Path(folder or data_dir()) / SECRET_NAME
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        pass
    except ValueError as exc:
        raise ValueError(f"安装密钥文件 {path} 已损坏，无法识别申请人身份证号的散列；请从备份恢复该文件。") from exc
    value = secrets.token_bytes(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:  # created by another process meanwhile
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(value.hex() + "\n")
    return value


def _normal(number: str) -> bytes:
    return "".join(str(number).split()).upper().encode("utf-8")


def keyed_id_hash(number: str) -> str:
    """HMAC-SHA256 (hex) of a normalised identity number under the installation secret."""
    return hmac.new(installation_secret(), _normal(number), hashlib.sha256).hexdigest()


def legacy_id_hash(number: str) -> str:
    """The plain SHA-256 earlier versions stored (only used to recognise those rows)."""
    return hashlib.sha256(_normal(number)).hexdigest()
