"""What a regular expression needs before it can match: a speed device for the detector, never a change of
what is found.

:func:`plan` reads a pattern (with Python's own regular-expression parser; ``regex``-only classes such as
``\\p{Han}`` are read as "one character") and returns

* ``literals``: a set of strings of which every match holds at least one — so a text holding none of them
  cannot match, and the pattern is skipped (one Aho-Corasick pass per text finds every such string);
* ``reach``: an upper bound on how far a match, with its look-arounds, can extend from one of those strings,
  or ``None`` when unbounded (``\\s*``, ``+`` …).  With a bound, the pattern runs only in merged windows
  ``[start - reach, end + reach + 1)`` around the strings' occurrences: every match lies inside one window
  with all the text its look-aheads and end assertions read, and look-behinds and ``^`` see the text before
  a window's start (``regex`` reads before ``pos``), so each window yields exactly the full scan's matches
  there.

A pattern that cannot be read, or is case-insensitive, gets no plan (it always runs on the whole text).
``tests/test_rule_prefilter.py`` checks on every corpus passage, example, seed text and generated benchmark
document that findings are identical with and without plans.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

try:  # Python ≥ 3.11
    from re import _constants as C
    from re import _parser as P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

MAX_ALTERNATIVES = 64  # literal strings per candidate set
MAX_CLASS = 8  # a character class of at most this many listed characters is a set of literals
MAX_REACH = 400  # beyond this a window is not worth it
_REGEX_ONLY_CLASS = re.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]")
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT) + ((C.POSSESSIVE_REPEAT,) if hasattr(C, "POSSESSIVE_REPEAT") else ())
_UNBOUNDED = None


@dataclass(frozen=True)
class Plan:
    literals: frozenset[str]  # every match holds one of these (empty: no such set)
    reach: int | None
    digits: int = 0  # every match holds a run of at least this many consecutive digits (``\\d``)


@functools.lru_cache(maxsize=1024)
def plan(pattern: str) -> Plan | None:
    """The prefilter plan of ``pattern`` (see the module docstring), or None."""
    if "[[" in pattern or "(?V1" in pattern or "(?r" in pattern:  # regex-only set syntax / versions / reverse
        return None
    readable = _REGEX_ONLY_CLASS.sub(r"\\w", pattern)
    try:
        parsed = P.parse(readable)
    except (re.error, OverflowError, RecursionError, ValueError):
        return None
    if parsed.state.flags & (re.IGNORECASE | re.ASCII | re.LOCALE):
        return None
    try:
        candidates = _needs(list(parsed))
        width = _max_width(list(parsed))
        digits = _digit_run(list(parsed))[0]
    except _Unsupported:
        return None
    candidates = [c for c in candidates if c and "" not in c]
    if not candidates and digits == 0:
        return None
    best = max(candidates, key=lambda c: (min(map(len, c)), -len(c))) if candidates else set()
    reach = width if width is not None and width <= MAX_REACH else None
    return Plan(frozenset(best), reach, digits)


def plans(patterns: list[str]) -> list[Plan | None]:
    """:func:`plan` of each pattern, through a JSON file in the user cache directory (data only: each plan's
    literals, reach and digits), so a new process does not parse every pattern again.  The file's name hashes
    this module's source and the Python version (whose parser reads the patterns); patterns not in it are
    planned and added."""
    import json

    path = _plans_path()
    known: dict[str, list | None] = {}
    if path is not None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                known = data
        except (OSError, ValueError):
            pass
    out: list[Plan | None] = []
    added = False
    for pattern in patterns:
        found = _from_json(known[pattern]) if pattern in known else _MISSING
        if found is _MISSING:
            found = plan(pattern)
            known[pattern] = None if found is None else [sorted(found.literals), found.reach, found.digits]
            added = True
        out.append(found)
    if added and path is not None:
        import os

        try:
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(known, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass  # best effort: an unwritable cache only costs time
    return out


_MISSING = object()


def _from_json(entry) -> Plan | None | object:
    """A plan stored by :func:`plans` (``_MISSING`` when the entry is not one)."""
    if entry is None:
        return None
    try:
        literals, reach, digits = entry
        if (all(isinstance(w, str) for w in literals) and (reach is None or isinstance(reach, int))
                and isinstance(digits, int)):
            return Plan(frozenset(literals), reach, digits)
    except (TypeError, ValueError):
        pass
    return _MISSING


def _plans_path():
    import hashlib
    import sys
    from pathlib import Path

    from reviewer.paths import cache_dir

    try:
        digest = hashlib.sha256(sys.version.encode() + b"|" + Path(__file__).read_bytes()).hexdigest()[:24]
        return cache_dir() / f"prefilter-plans-{digest}.json"
    except OSError:
        return None


class _Unsupported(Exception):
    pass


def _max_width(items) -> int | None:
    """Most characters ``items`` can read, look-arounds counted as if consumed; None when unbounded."""
    total = 0
    for op, av in items:
        if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN, C.CATEGORY):
            w = 1
        elif op is C.AT:
            w = 0
        elif op is C.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                raise _Unsupported
            w = _max_width(list(av[3]))
        elif op is C.BRANCH:
            widths = [_max_width(list(alt)) for alt in av[1]]
            w = None if any(x is None for x in widths) else max(widths, default=0)
        elif op in _REPEATS:
            lo, hi, sub = av
            inner = _max_width(list(sub))
            w = None if hi == C.MAXREPEAT or inner is None else hi * inner
        elif op in (C.ASSERT, C.ASSERT_NOT):
            w = _max_width(list(av[1]))
        elif getattr(C, "ATOMIC_GROUP", None) is not None and op is C.ATOMIC_GROUP:
            w = _max_width(list(av))
        else:  # group references, conditionals …
            w = None
        if w is None:
            return None
        total += w
    return total


def _fixed(op, av) -> set[str] | None:
    """The strings one element always matches exactly one of (a literal, a small class, a group of literal
    alternatives), or None."""
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is C.LITERAL:
                chars.add(chr(value))
            elif kind is C.RANGE and value[1] - value[0] < MAX_CLASS:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None
        return chars if 0 < len(chars) <= MAX_CLASS else None
    if op is C.SUBPATTERN:
        if av[1] & re.IGNORECASE:
            raise _Unsupported
        return _fixed_seq(list(av[3]))
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            strings = _fixed_seq(list(alt))
            if strings is None:
                return None
            out |= strings
            if len(out) > MAX_ALTERNATIVES:
                return None
        return out
    if op in _REPEATS:
        lo, hi, sub = av
        inner = _fixed_seq(list(sub))
        if inner is None or lo != hi or len(inner) ** lo > MAX_ALTERNATIVES:
            return None
        out = {""}
        for _ in range(lo):
            out = {a + b for a in out for b in inner}
        return out
    return None


def _fixed_seq(items) -> set[str] | None:
    out = {""}
    for op, av in items:
        strings = _fixed(op, av)
        if strings is None or len(out) * len(strings) > MAX_ALTERNATIVES:
            return None
        out = {a + b for a in out for b in strings}
    return out


def _needs(items) -> list[set[str]]:
    """Candidate sets for a sequence: every match of ``items`` holds a string of each candidate set."""
    candidates: list[set[str]] = []
    run = {""}
    for op, av in items:
        strings = _fixed(op, av)
        if strings is not None and len(run) * len(strings) <= MAX_ALTERNATIVES:
            run = {a + b for a in run for b in strings}
            continue
        candidates.append(run)
        run = {""}
        if strings is not None:
            run = strings
            continue
        if op is C.SUBPATTERN:
            candidates.extend(_needs(list(av[3])))
        elif op in _REPEATS and av[0] >= 1:
            candidates.extend(_needs(list(av[2])))
        elif getattr(C, "ATOMIC_GROUP", None) is not None and op is C.ATOMIC_GROUP:
            candidates.extend(_needs(list(av)))
        elif op is C.BRANCH:
            union: set[str] = set()
            for alt in av[1]:
                options = [c for c in _needs(list(alt)) if c and "" not in c]
                if not options:
                    union = set()
                    break
                union |= max(options, key=lambda c: (min(map(len, c)), -len(c)))
            if union and len(union) <= MAX_ALTERNATIVES:
                candidates.append(union)
        # look-arounds, anchors, optional parts: nothing required (and the run of fixed text is broken)
    candidates.append(run)
    return candidates


def _digit_only(op, av) -> int | None:
    """Characters an element always reads when each of them is a digit (``\\d``: it matches only digits),
    else None."""
    import unicodedata

    if op is C.LITERAL:
        return 1 if unicodedata.category(chr(av)) == "Nd" else None
    if op is C.IN:
        for kind, value in av:
            if kind is C.LITERAL and unicodedata.category(chr(value)) == "Nd":
                continue
            if kind is C.RANGE and ord("0") <= value[0] <= value[1] <= ord("9"):
                continue
            if kind is C.CATEGORY and value is C.CATEGORY_DIGIT:
                continue
            return None
        return 1 if av else None
    if op is C.SUBPATTERN:
        if av[1] & re.IGNORECASE:
            raise _Unsupported
        return _digit_only_seq(list(av[3]))
    if op is C.BRANCH:
        sizes = [_digit_only_seq(list(alt)) for alt in av[1]]
        return None if any(x is None for x in sizes) else min(sizes, default=0)
    if op in _REPEATS:
        inner = _digit_only_seq(list(av[2]))
        return None if inner is None else av[0] * inner
    return None


def _digit_only_seq(items) -> int | None:
    total = 0
    for op, av in items:
        size = _digit_only(op, av)
        if size is None:
            return None
        total += size
    return total


def _digit_run(items) -> tuple[int, None]:
    """The longest run of consecutive digits every match of ``items`` reads (0: none known)."""
    best = run = 0
    for op, av in items:
        size = _digit_only(op, av)
        if size is not None:
            run += size
            best = max(best, run)
            continue
        run = 0
        if op is C.SUBPATTERN:
            best = max(best, _digit_run(list(av[3]))[0])
        elif op in _REPEATS and av[0] >= 1:
            best = max(best, _digit_run(list(av[2]))[0])
        elif op is C.BRANCH:
            best = max(best, min((_digit_run(list(alt))[0] for alt in av[1]), default=0))
    return best, None
