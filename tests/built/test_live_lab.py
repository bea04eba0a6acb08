"""The live option a classroom can rely on offline: JupyterLab from the book's .venv (`make lab`).

Starts JupyterLab on a copy of the first notebook (so the repository's notebook is never saved over),
runs every cell from the Run menu in Chromium, and changes the live chart picker: the English notebook,
and the Dutch edition's download of it, which must run and redraw in Dutch.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from missions_book.downloads import FOLDER

from .conftest import HTML_DIR, ROOT

NOTEBOOK = "01-un-peacekeepers.ipynb"
# Per edition: the notebook a student opens, and the dropdown's choice and a word of the chart it draws.
EDITIONS = {
    "en": (ROOT / "notebooks" / NOTEBOOK, "Police", "police"),
    "nl": (HTML_DIR / "nl" / FOLDER / "notebooks" / f"notebooks-{NOTEBOOK}", "Politie", "politiemensen"),
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(params=sorted(EDITIONS))
def lab(request, tmp_path):
    shutil.copy(EDITIONS[request.param][0], tmp_path / NOTEBOOK)
    port, token = _free_port(), secrets.token_hex(8)
    command = [
        str(Path(sys.executable).parent / "jupyter"),
        "lab",
        str(tmp_path),
        "--no-browser",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        "--LabApp.news_url=None",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")  # as in `make lab`
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / ".config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / ".runtime"),
    }
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    for _ in range(60):
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("JupyterLab did not start within 30 s")
    yield request.param, f"{url}/lab/tree/{NOTEBOOK}?token={token}"
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture
def lab_page(browser):
    """The browser page for JupyterLab (a fixture, so that a failure keeps a screenshot of it)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    yield page
    page.close()


def test_notebook_runs_live_in_jupyterlab(lab, lab_page):
    lang, url = lab
    _, choice, word = EDITIONS[lang]
    page = lab_page
    page.goto(url)
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_selector("#jp-main-statusbar:has-text('Idle')", timeout=60_000)
    page.click("div.lm-MenuBar-itemLabel:text-is('Run')")
    page.click("li.lm-Menu-item:has-text('Run All Cells')")
    # every code cell gets a number in its prompt when it has run (a collapsed solution cell shows no prompt,
    # so count the prompts there are); a kernel error would stop the run with an error output
    prompts = page.locator(".jp-CodeCell .jp-InputArea-prompt").count()
    assert prompts >= page.locator(".jp-CodeCell").count() // 2, "JupyterLab shows too few code cells"
    page.wait_for_function(
        "n => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]"
        ".filter(p => /\\[\\d+\\]/.test(p.textContent)).length === n",
        arg=prompts,
        timeout=120_000,
    )
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']").all_inner_texts()
    assert errors == [], f"errors when running {NOTEBOOK} in JupyterLab: {errors}"

    # The chart picker is a live ipywidget here (not the book's pre-drawn HTML): changing it redraws.
    widget = page.locator(".jp-OutputArea-output .widget-vbox:has(.widget-dropdown)").first
    picker, chart = widget.locator("select"), widget.locator(".widget-html img")
    picker.scroll_into_view_if_needed()
    before = chart.get_attribute("src")
    picker.select_option(label=choice)
    for _ in range(60):  # the kernel redraws and the HTML widget replaces its image
        if chart.get_attribute("src") != before:
            break
        page.wait_for_timeout(500)
    assert chart.get_attribute("src") != before, "the live chart picker did not redraw the chart"
    assert word in chart.get_attribute("alt").lower(), f"the {lang} chart's alt text: {chart.get_attribute('alt')}"
