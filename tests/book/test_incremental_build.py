"""Incremental builds stay right: a changed number in data/ reaches every page that states it, through
{fact} and through an executed chart, with the normal `make html` and no clean; other pages are left alone.

The book is a small copy (three pages) with the real Makefile, configuration, extension and data, so
the test takes seconds rather than the minutes of the whole book.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from missions import paths

ROOT = paths.root()
VENV = ROOT / ".venv"
FRONT = "---\njupytext:\n  text_representation:\n    format_name: myst\nkernelspec:\n  display_name: Python 3\n  language: python\n  name: python3\n---\n"
PAGES = {
    "book/index.md": "# Small book\n\nThree pages.\n",
    "book/facts.md": "# Facts\n\nRutte visited {fact}`personnel.efp-lithuania.2017-08-09.snapshot` soldiers.\n",
    "book/chart.md": FRONT
    + "# Chart\n\n```{code-cell} ipython3\nimport missions\nmissions.personnel_chart('efp-lithuania')\n```\n",
    "book/static.md": "# Static\n\nNo data here.\n",
}
TOC = (
    "format: jb-book\nroot: book/index\nchapters:\n  - file: book/facts\n  - file: book/chart\n  - file: book/static\n"
)
ROW = re.compile(r"^(efp-lithuania,2017-08-09,)270(,)", re.M)


def _copy_book(target: Path) -> None:
    """The files `make html` needs, with their times kept so make sees .venv and vendor up to date."""
    for path in ROOT.iterdir():  # the Makefile and what its rules depend on (locks, configuration)
        if path.is_file() and not path.name.startswith("."):
            shutil.copy2(path, target / path.name)
    for folder in ("data", "book/_static", "book/_templates", "book/quizzes", "tools/vendor", "_build/.vendor"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("node_modules"))
    # the npm tools the build runs (PurgeCSS), shared rather than copied
    (target / "tools" / "vendor" / "node_modules").symlink_to(ROOT / "tools" / "vendor" / "node_modules")
    (target / "_toc.yml").write_text(TOC, encoding="utf-8")
    for name, text in PAGES.items():
        (target / name).write_text(text, encoding="utf-8")


def _make_html(book: Path) -> str:
    env = {**os.environ, paths.ROOT_VARIABLE: str(book)}
    done = subprocess.run(["make", "html", f"VENV={VENV}"], cwd=book, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout


@pytest.mark.skipif(
    not (ROOT / "_build" / ".vendor" / "offline" / ".stamp").exists() or not (VENV / ".installed").exists(),
    reason="needs `make install vendor` first (make test runs it)",
)
def test_changed_data_reaches_facts_and_charts_without_a_clean_build(tmp_path):
    book = tmp_path / "book-copy"
    book.mkdir()
    _copy_book(book)
    _make_html(book)
    html = book / "_build" / "html" / "book"
    assert ">270<" in (html / "facts.html").read_text(encoding="utf-8")
    assert "highest 9,123" not in (html / "chart.html").read_text(encoding="utf-8")
    static_written = (html / "static.html").stat().st_mtime_ns

    personnel = book / "data" / "personnel.csv"
    text, count = ROW.subn(r"\g<1>9123\g<2>", personnel.read_text(encoding="utf-8"))
    assert count == 1, "the row this test changes is no longer in data/personnel.csv"
    personnel.write_text(text, encoding="utf-8")
    log = _make_html(book)

    assert '<span class="data-fact">9,123</span>' in (html / "facts.html").read_text(encoding="utf-8")
    alts = re.findall(r'<img alt="([^"]*)"', (html / "chart.html").read_text(encoding="utf-8"))
    assert any("highest 9,123" in alt for alt in alts), f"the chart's alt text did not change: {alts}"
    assert (html / "static.html").stat().st_mtime_ns == static_written, "a page with unchanged inputs was rewritten"
    assert "book/static" not in re.findall(r"reading sources\.\.\. .*", log).__str__()
