r"""Word segmentation behind a small interface: rjieba (jieba-rs) by default, jieba as the reference.

:func:`segment` / :func:`tokenize` use one process-wide ``rjieba.Jieba`` with jieba's own dictionary (the
one jieba-rs ships) plus the project's legal/administrative user dictionary (``corpora/userdict.txt``).  It
was chosen by measurement (``make bench``): 15–20× faster than ``jieba.lcut`` and, after one fix-up, the
same tokens.  The one difference of the raw jieba-rs output is ASCII runs joined by ``- . _ % + # &``:
jieba-rs keeps "2022-09-15" or "trade_secret" as one token where jieba splits them into letter/digit runs
and separators (jieba's ``finalseg`` rule ``[a-zA-Z0-9]+(?:\.\d+)?%?``); :func:`_split_ascii` applies the
same rule, so the two agree (``tests/test_segment.py`` checks it on every corpus and seed text and lists
what remains).  Tokens always concatenate to the input, so offsets stay valid.

:func:`get_tokenizer` is jieba itself (the reference, and the search tokenizer of the decision store),
with a cache file in the per-user cache directory (never a shared /tmp).  Callers segment a text once
with :func:`segment` and share the resulting :class:`Tokens` between detectors and classifiers.
"""

from __future__ import annotations

import bisect
import logging
import re
import threading
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from reviewer.paths import CORPORA_DIR, cache_dir

USERDICT = CORPORA_DIR / "userdict.txt"

SEGMENTER = "rjieba+ascii-split/1"  # recorded in the default model's cache key

_lock = threading.Lock()
_tokenizer = None
_segmenter = None
_ASCII_SEP = re.compile(r"[-._%+#&]")
_ASCII_RUNS = re.compile(r"[A-Za-z0-9+#&._%-]{2,}")  # linear: no backtracking on long runs
_ASCII_RUN = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")  # jieba.finalseg's re_skip
_RUN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+#&._%-")
_RUN_REST = re.compile(r"[A-Za-z0-9+#&._%-]*")
# A separator next to another run character (written separator-first, so a search skips to the separators):
# exactly the runs of two or more characters that hold a separator have one.
_SEP_IN_RUN = re.compile(r"[-._%+#&](?:(?<=[A-Za-z0-9+#&._%-][-._%+#&])|(?=[A-Za-z0-9+#&._%-]))")


def _separator_runs(text: str) -> list[tuple[int, int]]:
    """Spans of the maximal ASCII runs (``_ASCII_RUNS``) of ``text`` that hold a separator, in order."""
    runs: list[tuple[int, int]] = []
    done = 0
    for match in _SEP_IN_RUN.finditer(text):
        pos = match.start()
        if pos < done:
            continue  # another separator of the run found last
        start = pos
        while start > done and text[start - 1] in _RUN_CHARS:
            start -= 1
        done = _RUN_REST.match(text, pos).end()
        runs.append((start, done))
    return runs


def get_segmenter():
    """Return the shared rjieba segmenter: jieba's dictionary plus the project's user dictionary."""
    global _segmenter
    if _segmenter is None:
        with _lock:
            if _segmenter is None:
                import rjieba

                # importing rjieba already builds one dictionary (its module-level default): use that one
                # instead of building a second (0.2 s, ~40 MB); this process owns it
                seg = getattr(rjieba, "_DEFAULT_JIEBA", None) or rjieba.Jieba()
                if USERDICT.exists():
                    for line in USERDICT.read_text(encoding="utf-8-sig").splitlines():
                        parts = line.split()
                        if not parts:
                            continue
                        word = parts[0]
                        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
                        tag = parts[2] if len(parts) > 2 else (parts[1] if len(parts) > 1 and freq is None else "")
                        seg.add_word(word, freq, tag or None)  # no frequency: jieba-rs suggests one, as jieba
                _segmenter = seg
    return _segmenter


def _split_ascii(words: list[str], seg, text: str, ends: list[int] | None = None) -> list[str]:
    """jieba's split of ASCII runs: letter/digit runs (a decimal, a %) and single separators; a dictionary
    word (C++, AT&T …) stays whole.  Only the tokens inside ASCII runs of ``text`` that hold a separator
    are looked at.  ``ends``: the words' end offsets, when known.  Returns ``words`` itself when nothing
    changes."""
    runs = _separator_runs(text)
    if not runs:
        return words
    if ends is None:
        ends = list(accumulate(map(len, words)))
    fix: list[int] = []
    for start, end in runs:
        i = bisect.bisect_right(ends, start)
        while i < len(words) and ends[i] - len(words[i]) < end:
            w = words[i]
            if (len(w) > 1 and w.isascii() and _ASCII_SEP.search(w) and not _ASCII_RUN.fullmatch(w)
                    and not seg.has_word(w)):
                fix.append(i)
            i += 1
    if not fix:
        return words
    out: list[str] = []
    prev = 0
    for i in sorted(set(fix)):
        out.extend(words[prev:i])
        out.extend(x for x in _ASCII_RUN.split(words[i]) if x)
        prev = i + 1
    out.extend(words[prev:])
    return out


def cut(text: str) -> list[str]:
    """Words of ``text`` (precise mode, HMM on), as ``jieba.lcut`` would give them."""
    seg = get_segmenter()
    return _split_ascii(seg.cut(text, True), seg, text)


_frequencies: _FrequencyTable | None = None
_FREQ_LINE = re.compile(r"^(\S+)[ \t]+(\d+)", re.M)
_BARE_WORD_LINE = re.compile(r"^(\S+)[ \t]*$", re.M)
_FREQ_CACHE_FORMAT = 3


class _FrequencyTable:
    """Word → frequency for the sorted dictionary words, kept as ONE string (the words joined by line feeds),
    their start offsets and a parallel frequency array; looked up by bisection.  Built once from the
    dictionary files and kept in the cache directory: loading it takes a few milliseconds (no Python string
    per word), where parsing jieba's 5 MB dict.txt takes about half a second."""

    def __init__(self, joined: str, starts, freqs) -> None:
        self.joined = joined  # sorted words, each followed by "\n"
        self.starts = starts  # array('i'): where each word starts in ``joined``, then len(joined)
        self.freqs = freqs  # array('i'), one per word
        self._memo: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.freqs)

    def _word(self, i: int) -> str:
        return self.joined[self.starts[i]:self.starts[i + 1] - 1]

    def get(self, word: str, default: int = 0) -> int:
        found = self._memo.get(word)
        if found is None:
            found = self._find(word)
            if len(self._memo) < 100_000:
                self._memo[word] = found
        return default if found < 0 else found

    def _find(self, word: str) -> int:
        """The word's frequency, -1 when absent."""
        lo, hi = 0, len(self.freqs)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._word(mid) < word:
                lo = mid + 1
            else:
                hi = mid
        return self.freqs[lo] if lo < len(self.freqs) and self._word(lo) == word else -1

    @classmethod
    def from_dict(cls, freq: dict[str, int]) -> _FrequencyTable:
        from array import array
        from itertools import accumulate

        words = sorted(freq)
        starts = array("i", accumulate((len(w) + 1 for w in words), initial=0))
        return cls("".join(w + "\n" for w in words), starts, array("i", (freq[w] for w in words)))


def _frequency_sources() -> list[Path]:
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    folders = list(spec.submodule_search_locations or []) if spec else []
    return [Path(folder) / "dict.txt" for folder in folders[:1]] + [USERDICT]


def _parse_frequencies(sources: list[Path]) -> dict[str, int]:
    freq: dict[str, int] = {}
    for source in sources:
        if not source.exists():
            continue
        content = source.read_text(encoding="utf-8-sig")
        freq.update((w, int(n)) for w, n in _FREQ_LINE.findall(content))
        if source == USERDICT:  # a word without a frequency: jieba suggests one that keeps it whole
            for word in _BARE_WORD_LINE.findall(content):
                freq[word] = max(freq.get(word, 0), 1000)
    return freq


def _load_frequency_table() -> _FrequencyTable:
    """The table from the cache file when it matches the dictionary files (path, size, mtime), else parsed
    from the files and written to the cache (best effort: an unwritable cache only costs time)."""
    import hashlib
    import marshal
    import os
    from array import array

    sources = _frequency_sources()
    stamp = repr([(str(p), *((p.stat().st_size, p.stat().st_mtime_ns) if p.exists() else ())) for p in sources])
    key = hashlib.sha256(f"{_FREQ_CACHE_FORMAT}|{stamp}".encode()).hexdigest()[:16]
    try:
        path = cache_dir() / f"wordfreq-{key}.bin"
    except OSError:
        path = None
    if path is not None:
        try:
            fmt, joined, raw_starts, raw_freqs = marshal.loads(path.read_bytes())
            if fmt == _FREQ_CACHE_FORMAT and isinstance(joined, str):
                starts, freqs = array("i"), array("i")
                starts.frombytes(raw_starts)
                freqs.frombytes(raw_freqs)
                if len(starts) == len(freqs) + 1 and starts[0] == 0 and starts[-1] == len(joined):
                    return _FrequencyTable(joined, starts, freqs)
        except (OSError, ValueError, EOFError, TypeError):
            pass
    table = _FrequencyTable.from_dict(_parse_frequencies(sources))
    if path is not None:
        try:
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps((_FREQ_CACHE_FORMAT, table.joined, table.starts.tobytes(),
                                           table.freqs.tobytes())))
            os.replace(tmp, path)
        except OSError:
            pass
    return table


def word_frequency(word: str) -> int:
    """How often the segmenter's dictionary (jieba's dict.txt plus the user dictionary) rates ``word``
    (0 when absent).  Read from the dictionary files once (then from a cache file), without loading the
    jieba module."""
    global _frequencies
    if _frequencies is None:
        with _lock:
            if _frequencies is None:
                _frequencies = _load_frequency_table()
    return _frequencies.get(word, 0)


def get_tokenizer():
    """Return the shared jieba tokenizer (the reference), loading dictionary and user dictionary once."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                tok.tmp_dir = str(cache_dir())
                tok.cache_file = "jieba.cache"
                tok.initialize()
                if USERDICT.exists():
                    tok.load_userdict(str(USERDICT))
                _tokenizer = tok
    return _tokenizer


@dataclass
class Tokens:
    """Segmentation of one text: words with their character offsets."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int] = field(default_factory=list)
    _start_set: frozenset[int] | None = None
    _end_set: frozenset[int] | None = None

    def is_boundary(self, start: int, end: int) -> bool:
        """True when [start, end) begins and ends on token boundaries."""
        if self._start_set is None:
            self._start_set = frozenset(self.starts) | {len(self.text)}
            self._end_set = frozenset(self.ends) | {0}
        return start in self._start_set and end in self._end_set

    def token_at(self, offset: int) -> int:
        """Index of the token containing character ``offset``."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def __len__(self) -> int:
        return len(self.words)


def segment(text: str) -> Tokens:
    """Segment ``text`` (precise mode, HMM on) and return words with offsets."""
    seg = get_segmenter()
    raw = seg.cut(text, True)
    ends = list(accumulate(map(len, raw)))
    words = _split_ascii(raw, seg, text, ends)
    if words is not raw:
        ends = list(accumulate(map(len, words)))
    starts = [0, *ends[:-1]] if ends else []
    return Tokens(text=text, words=words, starts=starts, ends=ends)


def tokenize(text: str) -> list[str]:
    """Module-level tokenizer for scikit-learn vectorizers: words without pure whitespace/punctuation."""
    return [w for w in cut(text) if keep_token(w)]


def keep_token(word: str) -> bool:
    """Whether a segmented word is a feature token (not whitespace or punctuation)."""
    keep = _KEEP.get(word)
    if keep is None:
        keep = bool(word.strip()) and not _is_punct(word)
        if len(_KEEP) < 200_000:  # words repeat: remember the answer (bounded)
            _KEEP[word] = keep
    return keep


def keep_mask(words: list[str]) -> list[bool]:
    """:func:`keep_token` of every word (one dict lookup per word once seen)."""
    get = _KEEP.get
    return [k if (k := get(w)) is not None else keep_token(w) for w in words]


_KEEP: dict[str, bool] = {}


_PUNCT = set("，。、；：？！“”‘’（）《》〔〕【】—…·,.;:?!\"'()[]{}<>-_/\\|@#$%^&*+=~`　 \t\r\n")


def _is_punct(word: str) -> bool:
    return all(ch in _PUNCT for ch in word)
