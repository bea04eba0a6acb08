"""The built book as a reader meets it: every page in Chromium, offline, accessible, by keyboard."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import PAGES, SCREENSHOT_DIR

SERIOUS = {"serious", "critical"}


@pytest.mark.parametrize("page_path", PAGES)
def test_page_loads_offline_without_errors(offline_page, book_url, page_path):
    page = offline_page
    response = page.goto(f"{book_url}/{page_path}.html", wait_until="networkidle")
    assert response is not None and response.ok, f"{page_path}.html answered {response and response.status}"
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"{page_path.replace('/', '__')}.png"), full_page=True)
    assert page.external_requests == [], f"{page_path}: requests to other hosts: {page.external_requests}"
    assert page.console_errors == [], f"{page_path}: console errors: {page.console_errors}"
    assert page.locator("h1").count() >= 1, f"{page_path}: no heading"


@pytest.mark.parametrize("page_path", PAGES)
def test_page_has_no_serious_accessibility_violations(offline_page, book_url, page_path):
    page = offline_page
    page.goto(f"{book_url}/{page_path}.html", wait_until="networkidle")
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in SERIOUS
    ]
    assert serious == [], f"{page_path}: " + "; ".join(serious)


def _pages_with_pickers(book_url, page):
    found = []
    for page_path in PAGES:
        page.goto(f"{book_url}/{page_path}.html")
        if page.locator("[data-chart-picker]").count():
            found.append(page_path)
    return found


def test_chart_picker_works_by_keyboard_without_kernel(offline_page, book_url):
    page = offline_page
    pickers = _pages_with_pickers(book_url, page)
    assert pickers, "no page has a chart picker; the first notebook should have one"
    page.goto(f"{book_url}/{pickers[0]}.html", wait_until="networkidle")
    picker = page.locator("[data-chart-picker]").first
    figures = picker.locator(".chart-picker-panels > figure")
    assert figures.count() >= 2
    visible_alt_before = picker.locator(".chart-picker-panels > figure:visible img").get_attribute("alt")

    select = picker.locator("select")
    select.focus()
    assert page.evaluate("document.activeElement.tagName") == "SELECT"
    page.keyboard.press("ArrowDown")
    visible = picker.locator(".chart-picker-panels > figure:visible")
    assert visible.count() == 1, "exactly one chart is shown after a keyboard choice"
    assert visible.locator("img").get_attribute("alt") != visible_alt_before, "the chart did not change"
    label_for = picker.locator("label").get_attribute("for")
    assert label_for == select.get_attribute("id"), "the select has a visible label"
