"""Word segmentation with jieba behind a small interface.

One process-wide ``jieba.Tokenizer`` is built lazily with the project's legal/administrative
user dictionary (``corpora/userdict.txt``) and a cache file in the per-user cache directory
(never a shared /tmp).  Callers segment a text once with :func:`segment` and share the
resulting :class:`Tokens` between detectors and classifiers.
"""

from __future__ import annotations

import bisect
import logging
import threading
from dataclasses import dataclass, field

from reviewer.paths import CORPORA_DIR, cache_dir

USERDICT = CORPORA_DIR / "userdict.txt"

_lock = threading.Lock()
_tokenizer = None


def get_tokenizer():
    """Return the shared jieba tokenizer, loading dictionary and user dictionary once."""
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
    words = get_tokenizer().lcut(text, HMM=True)
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for w in words:
        starts.append(pos)
        pos += len(w)
        ends.append(pos)
    return Tokens(text=text, words=words, starts=starts, ends=ends)


def tokenize(text: str) -> list[str]:
    """Module-level tokenizer for scikit-learn vectorizers: words without pure whitespace/punctuation."""
    return [w for w in get_tokenizer().lcut(text, HMM=True) if keep_token(w)]


def keep_token(word: str) -> bool:
    """Whether a segmented word is a feature token (not whitespace or punctuation)."""
    return bool(word.strip()) and not _is_punct(word)


_PUNCT = set("，。、；：？！“”‘’（）《》〔〕【】—…·,.;:?!\"'()[]{}<>-_/\\|@#$%^&*+=~`　 \t\r\n")


def _is_punct(word: str) -> bool:
    return all(ch in _PUNCT for ch in word)
