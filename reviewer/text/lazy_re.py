"""Regular expressions compiled on first use — a start-up device, never a change of what matches.

The decision modules define several hundred module-level patterns; a ``reviewer review`` process uses
fewer than half of them on a typical request, and compiling the rest (Python's compiler builds a 64K-entry
bitmap for every class that holds a CJK character) cost about a third of a second per process.  A
:class:`LazyPattern` holds the source and flags, answers ``.pattern`` without compiling (patterns are built
from other patterns' sources), and compiles through :func:`re.compile` the first time anything else is
asked of it; every method and attribute is then the compiled pattern's own.

``tests/test_lazy_re.py`` checks that the lazy and eager patterns give the same results.
"""

from __future__ import annotations

import re


class LazyPattern:
    """A ``re.Pattern`` (or ``regex.Pattern``) made on first use."""

    __slots__ = ("pattern", "_flags", "_compiled", "_compiler")

    def __init__(self, pattern: str, flags: int = 0, compiler=re.compile) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiler = compiler  # re.compile, or regex.compile for the triage cues
        self._compiled = None

    def compiled(self):
        found = self._compiled
        if found is None:
            # two threads may both compile: harmless, the result is the same
            found = self._compiled = self._compiler(self.pattern, self._flags)
        return found

    # the methods the decision code calls, without __getattr__'s extra lookup
    def search(self, *args, **kwargs):
        return self.compiled().search(*args, **kwargs)

    def match(self, *args, **kwargs):
        return self.compiled().match(*args, **kwargs)

    def fullmatch(self, *args, **kwargs):
        return self.compiled().fullmatch(*args, **kwargs)

    def finditer(self, *args, **kwargs):
        return self.compiled().finditer(*args, **kwargs)

    def findall(self, *args, **kwargs):
        return self.compiled().findall(*args, **kwargs)

    def sub(self, *args, **kwargs):
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args, **kwargs):
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args, **kwargs):
        return self.compiled().split(*args, **kwargs)

    def __getattr__(self, name: str):  # flags, groups, groupindex …
        if name.startswith("__") or name in LazyPattern.__slots__:
            # pickle and copy look up protocol methods on an instance not yet initialised: never compile for them
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self):  # pickled as its source (a worker compiles it again on first use)
        return (LazyPattern, (self.pattern, self._flags, self._compiler))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def compile(pattern: str, flags: int = 0) -> LazyPattern:  # noqa: A001 - mirrors re.compile
    """``re.compile`` deferred to first use; a bad pattern raises ``re.error`` then (tests compile them all)."""
    return LazyPattern(pattern, flags)
