"""Where the book's content lives: the one place that knows the folders.

The content (data tables, quizzes, chapters, notebooks) sits at the root of a checkout. An installed
wheel carries the data tables and quizzes under `<prefix>/share/nl-on-mission/` instead (under
`DIR/share/nl-on-mission/` after `pip install --target DIR`). The environment variable
NL_ON_MISSION_ROOT points at another copy (a school server, a test fixture).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

SHARE_NAME = "nl-on-mission"
ROOT_VARIABLE = "NL_ON_MISSION_ROOT"
MARKER = Path("data") / "datapackage.json"


def _candidates() -> list[Path]:
    package = Path(__file__).resolve().parent
    # <prefix>/lib/pythonX.Y/site-packages/missions -> <prefix>; the wheel's data files sit under it
    prefixes = [package.parents[3], Path(sys.prefix)] if len(package.parents) > 3 else [Path(sys.prefix)]
    # `pip install --target DIR` puts the package in DIR and the data files in DIR/share
    shares = [package.parent / "share" / SHARE_NAME, *(prefix / "share" / SHARE_NAME for prefix in prefixes)]
    return list(dict.fromkeys([package.parent, *shares]))


@cache
def root() -> Path:
    """The folder holding data/, book/ and notebooks/."""
    if os.environ.get(ROOT_VARIABLE):
        return Path(os.environ[ROOT_VARIABLE]).resolve()
    for candidate in _candidates():
        if (candidate / MARKER).exists():
            return candidate
    looked = ", ".join(str(c) for c in _candidates())
    raise FileNotFoundError(f"no book content ({MARKER}) found in {looked}; set {ROOT_VARIABLE}")


def data_dir() -> Path:
    return root() / "data"


def quiz_dir() -> Path:
    return root() / "book" / "quizzes"


def lesson_plan_dir() -> Path:
    return root() / "book" / "lesson-plans"


def notebooks_dir() -> Path:
    return root() / "notebooks"


def toc_file() -> Path:
    return root() / "_toc.yml"


def build_dir() -> Path:
    return root() / "_build"


def html_dir() -> Path:
    return build_dir() / "html"


def cache_dir() -> Path:
    """Per-user cache (validation stamps); never inside the content, which may be read-only."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / SHARE_NAME
