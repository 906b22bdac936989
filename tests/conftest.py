"""Test-wide setup: an empty per-user config folder, so an office profile written by ``reviewer init``
on this machine never changes what the tests see (the bundled example profile is the default)."""

from __future__ import annotations

import os
import tempfile

os.environ["REVIEWER_CONFIG_DIR"] = tempfile.mkdtemp(prefix="reviewer-test-config-")
