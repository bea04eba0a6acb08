"""The book's Sphinx roles on a tiny project: facts and citations render, unknown ones fail the build."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout

import pytest
from sphinx.cmd.build import build_main

from missions.facts import all_facts, format_value


def build(tmp_path, page: str) -> tuple[int, str, str]:
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text('extensions = ["myst_parser", "missions_book"]\n')
    (source / "index.md").write_text(page, encoding="utf-8")
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        status = build_main(["-W", "-q", "-b", "html", str(source), str(tmp_path / "html")])
    html = (tmp_path / "html" / "index.html").read_text() if status == 0 else ""
    return status, out.getvalue(), html


def test_fact_and_cite_render(tmp_path):
    expected = format_value(all_facts()["unifil.total_personnel_high"])
    status, log, html = build(
        tmp_path,
        "# Page\n\nUNIFIL: {fact}`unifil.total_personnel_high` soldiers {cite}`rijksoverheid-missies-2019`.\n\n"
        "## Sources\n\n```{sources-list}\n```\n",
    )
    assert status == 0, log
    assert f'<span class="data-fact">{expected}</span>' in html
    assert "Rijksoverheid, n.d." in html
    assert 'id="source-rijksoverheid-missies-2019"' in html


@pytest.mark.parametrize(
    "markup, message",
    [
        ("{fact}`unifil.no_such_field`", "unknown fact 'unifil.no_such_field'"),
        ("{cite}`no-such-source`", "unknown source id(s) ['no-such-source']"),
    ],
)
def test_unknown_fact_or_source_fails_the_build(tmp_path, markup, message):
    status, log, _ = build(tmp_path, f"# Page\n\nText {markup}.\n")
    assert status != 0
    assert message in log and "index.md" in log


def test_unknown_table_in_front_matter_fails_the_build(tmp_path):
    status, log, _ = build(tmp_path, "---\ndata: [personnel, budgets]\n---\n# Page\n\nText.\n")
    assert status != 0
    assert "index.md" in log and "front matter field 'data': no table 'budgets'" in log


def test_known_tables_in_front_matter_build(tmp_path):
    status, log, _ = build(tmp_path, "---\ndata: [personnel, missions]\n---\n# Page\n\nText.\n")
    assert status == 0, log


def test_the_book_package_does_not_load_the_students_drawing_stack():
    """The book build needs the lesson package's data and quizzes, not matplotlib or ipywidgets
    (those run in the kernels that execute the pages)."""
    import subprocess
    import sys

    code = "import sys, missions_book; print(' '.join(m for m in ('matplotlib', 'ipywidgets') if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "", f"import missions_book loaded {loaded}"
