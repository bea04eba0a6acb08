"""`make bundle` (tools/bundle.py) as a school without internet uses it: unpack the zip, open
START-HERE.html from the folder (file://, no server, the network cut off), open the book, answer a
quiz by keyboard and find it on "My progress"; run a notebook's code from the unpacked folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from axe_playwright_python.sync_playwright import Axe

from missions import paths
from missions.quiz import load_quiz
from missions.text import t

from .test_teachers_loop import answer_choice, first_single

pytestmark = pytest.mark.xdist_group("bundle")
TOP = "the-netherlands-on-mission"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bundle")
    archive = folder / "bundle.zip"
    subprocess.run([sys.executable, str(paths.root() / "tools/bundle.py"), "--out", str(archive)], check=True)
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        opened.extractall(folder / "stick")
    return names, folder / "stick" / TOP


def test_one_top_folder_with_the_book_notebooks_data_and_lock(bundle):
    names, _ = bundle
    assert {name.split("/", 1)[0] for name in names} == {TOP}
    inside = {name.split("/", 1)[1] for name in names}
    for needed in (
        "START-HERE.html",
        "website/index.html",
        "website/book/progress.html",
        "website/downloads/quizzes/question-bank.qti.zip",
        "data/datapackage.json",
        "book/quizzes/lithuania.yml",
        "missions/__init__.py",
        "requirements.txt",
        "requirements-bootstrap.txt",
        "runtime.txt",
        "LICENSE-TEXT",
    ):
        assert needed in inside, needed
    notebooks = sorted(p.name for p in paths.notebooks_dir().glob("*.ipynb"))
    assert (
        sorted(n.removeprefix("notebooks/") for n in inside if n.startswith("notebooks/") and n.endswith(".ipynb"))
        == notebooks
    )
    junk = [n for n in inside if "__pycache__" in n or n.startswith((".venv", "_build")) or ".doctrees" in n]
    assert junk == []


def test_start_here_opens_the_book_offline_and_a_quiz_is_kept(bundle, browser):
    _, top = bundle
    context = browser.new_context(offline=True)
    outside = []
    context.on("request", lambda request: None if request.url.startswith("file:") else outside.append(request.url))
    failed = []
    context.on("requestfailed", lambda request: failed.append(request.url))
    page = context.new_page()
    page.goto((top / "START-HERE.html").as_uri())
    assert Axe().run(page).response["violations"] == []
    for link in page.locator("a[href]:not([href^='#'])").all():  # every link of the page leads to a file
        target = (top / link.get_attribute("href")).resolve()
        assert target.is_file(), link.get_attribute("href")
    page.locator("#en a.open").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/website/book/index.html")  # website/index.html forwards to the first page
    # the theme's stylesheet applies: the sidebar is laid out as a column beside the article
    page.goto((top / "website/book/lithuania.html").as_uri())
    assert page.locator(".bd-sidebar-primary").evaluate("e => getComputedStyle(e).display") != "none"
    assert page.locator("main h1").first.evaluate("e => getComputedStyle(e).fontFamily") != "Times New Roman"
    n = first_single("lithuania")
    answer_choice(page, "lithuania", n, right=True)
    assert page.locator('[data-quiz="lithuania"] .quiz-question').nth(n).locator(".quiz-feedback").inner_text().strip()
    page.goto((top / "website/book/progress.html").as_uri())
    title = load_quiz("lithuania")["title"]
    row = page.locator(".progress-table tbody tr", has_text=title)
    total = len(load_quiz("lithuania")["questions"])
    assert t("progress.score", "en", right=1, total=total) in row.inner_text()
    context.close()
    assert outside == [] and failed == []


def test_a_notebook_runs_from_the_unpacked_folder(bundle):
    """The notebooks read the bundle's own data and quizzes (missions from the folder, not this checkout)."""
    _, top = bundle
    env = {**os.environ, "PYTHONPATH": str(top)}
    env.pop(paths.ROOT_VARIABLE, None)
    found = subprocess.run(
        [sys.executable, "-c", "import missions.paths as p; print(p.root())"],
        env=env,
        cwd=top / "notebooks",
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(found.stdout.strip()) == top
    out = top / "executed.ipynb"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "jupyter",
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--output",
            str(out),
            "04-people-over-time.ipynb",
        ],
        env=env,
        cwd=top / "notebooks",
        check=True,
        capture_output=True,
    )
    executed = nbformat.read(out, as_version=4)
    errors = [
        o
        for cell in executed.cells
        if cell.cell_type == "code"
        for o in cell.get("outputs", [])
        if o.output_type == "error"
    ]
    assert errors == [] and any(cell.get("outputs") for cell in executed.cells if cell.cell_type == "code")
