"""Normalise loaded text for the detectors while keeping a map back to the original offsets.

What changes (see docs/ARCHITECTURE.md, "Normalized"):

* full-width ASCII (U+FF01–U+FF5E) → half-width, except the full-width punctuation that carries meaning
  in Chinese official documents (！（），：；？ — and 。、“”‘’〔〕【】《》★, which are outside that block
  anyway, are left alone);
* ideographic and other odd spaces (U+3000, NBSP, U+2000–U+200A, …) and tabs → ``' '``;
  zero-width characters (U+200B–U+200D, U+2060, U+FEFF, soft hyphen) are removed, so that
  国家 + U+200B + 秘密 still reads ``国家秘密``;
* ``\\r\\n`` / ``\\r`` / form feed / vertical tab / U+2028 / U+2029 / U+0085 → ``\\n``;
* runs of spaces collapse to one space, runs of three or more line breaks (blank lines made only of
  spaces count as empty) collapse to two;
* traditional → simplified Chinese, character by character, with OpenCC's ``TSCharacters`` table
  (first candidate; single characters only, so lengths never change);
* half-width ``, ; : ! ?`` written next to a Chinese character (web forms, OCR, scraped pages:
  "申请公开,并提供") → the full-width ，；：！？ of Chinese official text, one for one, so rules, cues and the
  classifiers see one form of Chinese punctuation; between digits or Latin letters ("1,000", "10:30",
  "http://") they stay half-width.  A pair of half-width parentheses on one line becomes （） when it
  holds or touches a Chinese character ("公开(2019)12号文件", "(一)"); "f(x)" and "(010)" alone stay.
  Likewise a pair of straight double quotes on one line around Chinese text (要求"书面确认…") becomes “”, the
  quotation marks of Chinese text, so a quoted request reads the same however it was typed; "abc" stays.
* pseudonym masks written with Latin letters — a run of ``X``/``x`` (full-width ``Ｘ``/``ｘ`` fold to these
  first) that touches a Chinese character and no Latin letter or digit ("张x", "XX村", "x政发", "x月x日") —
  become ``×`` one for one, the form of 某某/×× masks in published decisions, so a pseudonymiser's choice of
  letter does not change what rules and classifiers see.  "Excel", "3x4", "X-ray" and masked digits
  ("138****1234") stay as they are; ``*`` masks are left alone (``秘密*`` is a secrecy marking).

Texts whose length does not change (rule keywords, titles, and most documents: no ``\r``, no zero-width
character, no run of spaces or of blank lines) take a pure-Python path: ``str.translate`` and an identity
offset map.  The others are vectorised with numpy (imported only then): the text is viewed as an array of
code points, 1:1 changes are one lookup-table gather, and every length-changing edit is a boolean "drop"
mask; the offset map is simply the original index of every kept character (plus ``len(original)`` at the
end).  Throughput is roughly 30–90 MB/s of UTF-8 input (line-break-heavy ASCII is the slow end), so this
can run on every document.
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported on first use (a text whose length changes): not on every start-up
    import numpy as np

__all__ = ["Normalized", "normalize", "translation_table", "KEPT_FULLWIDTH", "CJK_PUNCTUATION_FOLD", "MASK_CHAR"]

#: Full-width punctuation in U+FF01–U+FF5E that is kept as is.
KEPT_FULLWIDTH = frozenset("！（），：；？")

#: Half-width punctuation folded to full width when it touches a Chinese character (see the module docstring).
CJK_PUNCTUATION_FOLD = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A punctuation mark after or before a Han character (written mark-first, so a search skips to the marks).
_FOLD_RE = re.compile(f"[,;:!?](?:(?<=[{_HAN}][,;:!?])|(?=[{_HAN}]))")
_FOLD_TABLE = str.maketrans(CJK_PUNCTUATION_FOLD)
_PAREN_PAIR_RE = re.compile(r"\(([^()\n]{0,60})\)")
_QUOTE_PAIR_RE = re.compile(r'"([^"“”\n]{1,300})"')
_HAN_RE = re.compile(f"[{_HAN}]")
#: Latin-letter pseudonym masks next to Chinese text (see the module docstring): one run of X/x at a time.
MASK_CHAR = "×"
_MASK_RE = re.compile(r"(?<![A-Za-z0-9])[Xx]+(?![A-Za-z0-9])")


def _fold_mask(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    if (start > 0 and _HAN_RE.match(text, start - 1)) or (end < len(text) and _HAN_RE.match(text, end)):
        return MASK_CHAR * (end - start)
    return match.group()


def _fold_paren_pair(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    if (_HAN_RE.search(match.group(1)) or (start > 0 and _HAN_RE.match(text, start - 1))
            or (end < len(text) and _HAN_RE.match(text, end))):
        return "（" + match.group(1) + "）"
    return match.group()


def _fold_quote_pair(match: re.Match) -> str:
    if _HAN_RE.search(match.group(1)):
        return "“" + match.group(1) + "”"
    return match.group()


def _fold_cjk_punctuation(text: str) -> str:
    """Half-width punctuation in Chinese text → full width (one for one: offsets unchanged)."""
    if _FOLD_RE.search(text) is not None:
        text = _FOLD_RE.sub(lambda m: m.group().translate(_FOLD_TABLE), text)
    if "(" in text:
        while True:  # nested pairs: the inner pair first, then the one around it (each pass folds one or stops)
            folded = _PAREN_PAIR_RE.sub(_fold_paren_pair, text)
            if folded == text:
                break
            text = folded
    if '"' in text:
        text = _QUOTE_PAIR_RE.sub(_fold_quote_pair, text)
    if "X" in text or "x" in text:
        text = _MASK_RE.sub(_fold_mask, text)
    return text


#: Characters that become a plain space (one for one).
_SPACE_CHARS = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
#: Characters that become a line feed (one for one); ``\r`` is handled with the drop masks.
_NEWLINE_CHARS = "\f\v\x85\u2028\u2029"
#: Zero-width characters, removed.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

#: Traditional characters left unchanged although OpenCC lists them: they are ordinary simplified
#: characters too (乾坤, 乾隆), and their first candidate (干) would corrupt simplified text.
_T2S_EXCLUDE = frozenset("乾")

_MAX_CODE = 0x110000
# Texts up to this length first try the pure-Python path: translate, and if nothing changes length, the
# offset map is the identity (a longer text goes straight to numpy: translating it twice would cost more).
_PURE_PATH_MAX = 1_000_000
_NEEDS_EDIT_RE = re.compile("[\r" + _ZERO_WIDTH + "]|  |\n ?\n ?\n")
# Character classes (looked up after the 1:1 mapping).
_OTHER, _SPACE, _LF, _CR, _ZW = 0, 1, 2, 3, 4


def _opencc_dictionary_dir() -> Path | None:
    try:
        import opencc  # opencc-python-reimplemented
    except ImportError:  # pragma: no cover - declared dependency
        return None
    path = Path(opencc.__file__).resolve().parent / "dictionary"
    return path if path.is_dir() else None


def _load_t2s() -> dict[int, str]:
    """Single-character traditional → simplified map from OpenCC's ``TSCharacters.txt``."""
    folder = _opencc_dictionary_dir()
    table: dict[int, str] = {}
    if folder is None:  # pragma: no cover - declared dependency
        return table
    with open(folder / "TSCharacters.txt", encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 2:
                continue
            source, candidates = parts[0], parts[1].split(" ")
            target = candidates[0] if candidates else ""
            if len(source) != 1 or len(target) != 1 or source == target or source in _T2S_EXCLUDE:
                continue
            table[ord(source)] = target
    return table


@lru_cache(maxsize=1)
def translation_table() -> dict[int, str]:
    """The 1:1 character map (full-width, odd spaces, line breaks, traditional → simplified).

    Usable with ``str.translate``; :func:`normalize` applies it through a numpy lookup table.
    """
    table: dict[int, str] = dict(_load_t2s())
    for code in range(0xFF01, 0xFF5F):
        char = chr(code)
        if char not in KEPT_FULLWIDTH:
            table[code] = chr(code - 0xFEE0)
    for char in _SPACE_CHARS:
        table[ord(char)] = " "
    for char in _NEWLINE_CHARS:
        table[ord(char)] = "\n"
    # Resolve chains (薴 → 苧 → 苎) so that normalising twice changes nothing.
    for code, target in list(table.items()):
        seen = {code}
        while ord(target) in table and ord(target) not in seen:
            seen.add(ord(target))
            target = table[ord(target)]
        table[code] = target
    return table


_NON_BMP_RE = re.compile("[\U00010000-\U0010FFFF]")


@lru_cache(maxsize=1)
def _translation_string() -> tuple[str, dict[int, str]]:
    """:func:`translation_table` in the form ``str.translate`` reads fastest: a string holding the mapped
    character of every BMP code point (a dict lookup raises and clears a KeyError for every unmapped
    character), and the dict of the few mapped characters outside the BMP."""
    cached = _read_translation_cache()
    if cached is not None:
        return cached
    table = translation_table()
    chars = [chr(code) for code in range(0x10000)]
    for code, target in table.items():
        if code < 0x10000:
            chars[code] = target
    built = "".join(chars), {code: target for code, target in table.items() if code >= 0x10000}
    _write_translation_cache(built)
    return built


# The translation string is kept in the user cache directory (text only, no code), keyed by this module's source
# and OpenCC's table file, so a new process does not read OpenCC's file and build the string again.
def _translation_cache_path() -> Path | None:
    import hashlib

    from reviewer.paths import cache_dir

    try:
        import importlib.util

        digest = hashlib.sha256(Path(__file__).read_bytes())
        spec = importlib.util.find_spec("opencc")  # (found, not imported)
        if spec is not None and spec.origin:
            source = Path(spec.origin).resolve().parent / "dictionary" / "TSCharacters.txt"
            info = source.stat()
            digest.update(f"|{source}|{info.st_size}|{info.st_mtime_ns}".encode())
        return cache_dir() / f"normalize-table-{digest.hexdigest()[:24]}.bin"
    except (OSError, ImportError, ValueError):
        return None


_BMP_BYTES = 0x10000 * 4  # the BMP string as UTF-32-LE (with its lone surrogates), then the rest as JSON


def _read_translation_cache() -> tuple[str, dict[int, str]] | None:
    import json

    path = _translation_cache_path()
    if path is None:
        return None
    try:
        data = path.read_bytes()
        bmp = data[:_BMP_BYTES].decode("utf-32-le", "surrogatepass")
        beyond = json.loads(data[_BMP_BYTES:].decode("ascii"))
        if len(bmp) == 0x10000 and isinstance(beyond, dict):
            return bmp, {int(code): target for code, target in beyond.items()}
    except (OSError, ValueError, TypeError):
        pass
    return None


def _write_translation_cache(built: tuple[str, dict[int, str]]) -> None:
    import json
    import os

    path = _translation_cache_path()
    if path is None:
        return
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(built[0].encode("utf-32-le", "surrogatepass") + json.dumps(built[1]).encode("ascii"))
        os.replace(tmp, path)
    except (OSError, ValueError):
        tmp.unlink(missing_ok=True)  # best effort: an unwritable cache only costs time


def _translate(text: str) -> str:
    """``text.translate(translation_table())``, faster."""
    bmp, beyond = _translation_string()
    translated = text.translate(bmp)  # a character beyond the string's end is left as it is
    # (mapped characters are never mapped again: translation_table resolves chains)
    return translated.translate(beyond) if _NON_BMP_RE.search(text) is not None else translated


@lru_cache(maxsize=1)
def _lookup_tables() -> tuple[np.ndarray, np.ndarray]:
    """Code point → mapped code point, and mapped code point → character class."""
    import numpy as np

    mapping = np.arange(_MAX_CODE, dtype=np.uint32)
    table = translation_table()
    keys = np.fromiter(table.keys(), dtype=np.uint32, count=len(table))
    values = np.fromiter((ord(v) for v in table.values()), dtype=np.uint32, count=len(table))
    mapping[keys] = values
    classes = np.zeros(_MAX_CODE, dtype=np.uint8)
    classes[ord(" ")] = _SPACE
    classes[ord("\n")] = _LF
    classes[ord("\r")] = _CR
    for char in _ZERO_WIDTH:
        classes[ord(char)] = _ZW
    return mapping, classes


class Normalized:
    """Normalised text plus the offset map back to the original.

    ``to_orig[i]`` is the original offset of normalised offset ``i`` (``len(to_orig) == len(text) + 1``);
    ``orig_span(start, end)`` maps a normalised span to the original span it came from.
    """

    __slots__ = ("text", "original", "_index", "_to_orig")

    def __init__(self, text: str, original: str, index: np.ndarray | None) -> None:
        self.text = text
        self.original = original
        self._index = index  # int64, len(text) + 1; None: identity (nothing changed length)
        self._to_orig: array | None = None

    def __repr__(self) -> str:
        more = "…" if len(self.text) > 40 else ""
        return f"Normalized(text={self.text[:40]!r}{more}, len={len(self.text)})"

    def orig_offset(self, index: int) -> int:
        """Original offset of normalised offset ``index`` (0 ≤ index ≤ len(text))."""
        if index < 0 or index > len(self.text):
            raise IndexError(f"offset {index} outside 0..{len(self.text)}")
        return int(index) if self._index is None else int(self._index[index])

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``text[start:end]``.

        A collapsed run (spaces, blank lines, ``\\r\\n``) is covered whole when the span includes its
        normalised character; a removed zero-width character just before ``end`` is included.
        """
        if start > end:
            raise ValueError(f"start {start} > end {end}")
        return self.orig_offset(start), self.orig_offset(end)

    @property
    def to_orig(self) -> array:
        """``array('q')`` of length ``len(text) + 1``: normalised offset → original offset."""
        if self._to_orig is None:
            if self._index is None:
                result = array("q", range(len(self.text) + 1))
            else:
                import numpy as np

                result = array("q")
                result.frombytes(self._index.astype(np.int64, copy=False).tobytes())
            self._to_orig = result
        return self._to_orig


def _blank_line_drops(kinds: np.ndarray) -> np.ndarray | None:
    """Positions to drop so that every run of 3+ line breaks keeps only its first and last break.

    A single space between two line breaks (a blank line holding a space, after space collapsing)
    belongs to the run.  Works on the (few) line-break positions only.
    """
    import numpy as np

    lf_pos = np.flatnonzero(kinds == _LF)
    if len(lf_pos) < 3:
        return None
    gaps = np.diff(lf_pos)
    if not ((gaps == 1) | (gaps == 2)).any():
        return None
    space_pos = lf_pos[:-1][gaps == 2] + 1
    space_pos = space_pos[kinds[space_pos] == _SPACE]
    blank_pos = np.union1d(lf_pos, space_pos)
    is_lf = kinds[blank_pos] == _LF
    new_run = np.ones(len(blank_pos), dtype=bool)
    new_run[1:] = np.diff(blank_pos) != 1
    run_starts = np.flatnonzero(new_run)
    lf_per_run = np.add.reduceat(is_lf.astype(np.int64), run_starts)
    run_id = np.cumsum(new_run) - 1
    is_first = new_run
    is_last = np.ones(len(blank_pos), dtype=bool)
    is_last[:-1] = new_run[1:]
    inner = (lf_per_run[run_id] >= 3) & ~is_first & ~is_last
    return blank_pos[inner] if inner.any() else None


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for detection; see the module docstring for what changes."""
    size = len(text)
    if size <= _PURE_PATH_MAX:
        translated = _translate(text)
        if _NEEDS_EDIT_RE.search(translated) is None:
            return Normalized(_fold_cjk_punctuation(translated), text, None)
    return _normalize_vectorized(text)


def _normalize_vectorized(text: str) -> Normalized:
    """The numpy implementation of :func:`normalize` (any length)."""
    import numpy as np

    size = len(text)
    if size == 0:
        return Normalized("", text, None)
    mapping, classes = _lookup_tables()
    # One extra sentinel slot (class "other", never dropped) stands for the end offset.
    codes = np.zeros(size + 1, dtype=np.uint32)
    np.take(mapping, np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4"), out=codes[:size])
    kinds = classes[codes]
    index: np.ndarray | None = None  # original offset of each slot; None while it is the identity

    # Zero-width characters go first: they may sit inside a run of spaces.
    zero_width = kinds == _ZW
    if zero_width.any():
        keep = ~zero_width
        codes, kinds, index = codes[keep], kinds[keep], np.flatnonzero(keep)

    # "\r\n" keeps the CR (as "\n") and drops the LF; a lone CR becomes "\n"; runs of spaces keep the first.
    is_space = kinds == _SPACE
    drop = np.zeros(len(kinds), dtype=bool)
    drop[1:] = is_space[1:] & is_space[:-1]
    is_cr = kinds == _CR
    if is_cr.any():
        drop[1:] |= is_cr[:-1] & (kinds[1:] == _LF)
        codes[is_cr] = ord("\n")
        kinds[is_cr] = _LF
    if drop.any():
        keep = ~drop
        codes, kinds = codes[keep], kinds[keep]
        index = np.flatnonzero(keep) if index is None else index[keep]

    # Runs of 3+ line breaks keep their first and last break.
    inner = _blank_line_drops(kinds)
    if inner is not None:
        keep = np.ones(len(kinds), dtype=bool)
        keep[inner] = False
        codes = codes[keep]
        index = np.flatnonzero(keep) if index is None else index[keep]

    normalized = codes[:-1].astype("<u4", copy=False).tobytes().decode("utf-32-le", "surrogatepass")
    return Normalized(_fold_cjk_punctuation(normalized), text, index)
