"""Every test run starts with an empty validation cache, so every table is checked in full once."""

from __future__ import annotations

import os
import tempfile

os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="nl-on-mission-test-cache-")
os.environ.pop("NL_ON_MISSION_BOOK", None)  # tests see what a student's kernel sees unless they say otherwise
