"""Plain text (.txt/.md/.csv): encoding detection (BOM, UTF-8, UTF-16 without BOM, GB18030, guess)."""

from __future__ import annotations

import codecs

from reviewer.load.common import (
    _BINARY_CONTROL_SHARE,
    _BOMS,
    _GB_FAMILY,
    _cjk_share,
    _control_share,
    _Extracted,
    _Failure,
    _gb2312_share,
    _plausible_share,
)


def decode_text(data: bytes) -> tuple[str, str, str]:
    """Decode raw text bytes; returns ``(text, encoding, Chinese note)``.

    Order: BOM (UTF-32, UTF-8, UTF-16) → UTF-16 without BOM when NUL bytes show its pattern → strict
    UTF-8 → UTF-16 without BOM for text that is almost all Chinese → strict GB18030 (covers GBK/GB2312)
    → charset-normalizer.  Raises :class:`_Failure` ("unreadable") when the bytes look binary or no
    decoder succeeds cleanly.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, f"编码检测为 {label}（带 BOM）"
            except UnicodeDecodeError:
                raise _Failure("unreadable", f"文件带有 {label} 标记（BOM），但内容无法按 {label} 解码") from None

    if b"\x00" in data:
        decoded = _try_utf16_without_bom(data)
        if decoded is None:
            raise _Failure("unreadable", "疑似二进制文件（含有空字节），不是文本文件")
        return decoded

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None:
        decoded = _try_utf16_without_bom(data)
        if decoded is not None:
            return decoded
    if _control_share(data) > _BINARY_CONTROL_SHARE:
        raise _Failure("unreadable", "疑似二进制文件（控制字符过多），不是文本文件")
    if text is not None:
        return text, "utf-8", "编码检测为 UTF-8"

    gb_text: str | None
    try:
        gb_text = data.decode("gb18030")
    except UnicodeDecodeError:
        gb_text = None
    if gb_text is not None and _plausible_share(gb_text) >= 0.98 and _gb2312_share(gb_text) >= 0.8:
        return gb_text, "gb18030", "编码检测为 GB18030（无 BOM）"
    if gb_text is None and len(data) > 1 and data[-1] >= 0x81:
        # Cut in the middle of a character (a truncated file or excerpt): GB18030 without the last byte,
        # before any guesser reads a short Chinese text as Shift-JIS.
        try:
            cut = data[:-1].decode("gb18030")
        except UnicodeDecodeError:
            cut = None
        if cut is not None and cut.strip() and _plausible_share(cut) >= 0.98 and _gb2312_share(cut) >= 0.9:
            return cut, "gb18030", "编码检测为 GB18030（无 BOM）；文件末尾有不完整的字符，已忽略"

    guess = _charset_normalizer_guess(data)
    if guess is not None:
        text, encoding = guess
        if encoding in _GB_FAMILY and gb_text is not None:
            return gb_text, "gb18030", "编码检测为 GB18030（无 BOM）"
        if encoding not in _GB_FAMILY:
            note = f"编码推测为 {encoding.upper()}（不是 UTF-8 或 GB18030，由 charset-normalizer 推测，请核对）"
            return text, encoding, note
    if gb_text is not None and _plausible_share(gb_text) >= 0.9:
        note = "编码检测为 GB18030（无 BOM）；含较多生僻字，编码可能识别有误，请核对"
        return gb_text, "gb18030", note
    raise _Failure("unreadable", "无法识别文件编码（不是 UTF-8、UTF-16 或 GB18030），未审查")


def _try_utf16_without_bom(data: bytes) -> tuple[str, str, str] | None:
    """UTF-16 without BOM.

    Accepted when the strict decoding reads as ordinary text and either the NUL bytes sit consistently
    on one side of each byte pair (ASCII characters: high byte 0) or the text is mostly Chinese
    characters (Chinese-only UTF-16 has almost no NUL bytes).
    """
    if len(data) % 2 or not data:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    total = even_nuls + odd_nuls
    candidates = (("le", odd_nuls), ("be", even_nuls))
    if even_nuls > odd_nuls:
        candidates = candidates[::-1]
    for endian, side_nuls in candidates:
        codec = f"utf-16-{endian}"
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or _plausible_share(text) < 0.95:
            continue
        nul_pattern = total > 0 and side_nuls >= 0.9 * total
        if not nul_pattern and _cjk_share(text) < 0.6:
            continue
        return text, codec, f"编码检测为 UTF-16 {endian.upper()}（无 BOM）"
    return None


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    """Last resort: charset-normalizer's best guess, kept only if it decodes strictly and reads as text."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        return None
    try:
        best = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - third-party guesser; treat any failure as "no guess"
        return None
    if best is None or not best.encoding or best.chaos > 0.3:
        return None
    encoding = codecs.lookup(best.encoding).name
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if _plausible_share(text) < 0.9:
        return None
    return text, encoding


def _extract_txt(data: bytes) -> _Extracted:
    if not data:
        raise _Failure("empty", "文件为空（0 字节）")
    text, encoding, note = decode_text(data)
    return _Extracted(text, encoding, [note])


