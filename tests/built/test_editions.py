"""Both editions are built, every page of each declares its language and links to the same page in
the other edition, and the link works by keyboard from a folder (file://), with no server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from missions.text import template
from missions_book.editions import NAMES

from .conftest import HTML_DIR, PAGES

EDITIONS = {"en": HTML_DIR, "nl": HTML_DIR / "nl"}


def _switch(html: str) -> dict[str, str]:
    match = re.search(r'<a class="btn edition-switch"([^>]*)>', html)
    assert match, "no language switch (a.edition-switch) on the page"
    return dict(re.findall(r'\s([\w-]+)="([^"]*)"', match.group(1)))


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("page", PAGES)
def test_page_declares_its_language_and_links_to_the_other_edition(lang, page):
    path = EDITIONS[lang] / f"{page}.html"
    assert path.exists(), f"{path}: page missing from the {NAMES[lang]} edition"
    html = path.read_text(encoding="utf-8")
    assert re.search(rf'<html[^>]*\slang="{lang}"', html), f"{path}: <html> does not declare lang={lang!r}"
    switch = _switch(html)
    other = "nl" if lang == "en" else "en"
    target = (path.parent / switch["href"]).resolve()
    assert target == (EDITIONS[other] / f"{page}.html").resolve(), f"{path}: switch leads to {target}"
    assert switch["hreflang"] == other and switch["lang"] == other, f"{path}: switch {switch}"
    assert switch["aria-label"], f"{path}: switch has no accessible name"


def _tab_to(page, selector: str, limit: int = 8) -> bool:
    """Whether a few presses of Tab, after the skip link to the page's content, reach `selector`."""
    page.keyboard.press("Tab")
    skip_link = "document.activeElement.getAttribute('href') === '#main-content'"
    assert page.evaluate(skip_link), "the first Tab is not the skip link to the page's content"
    page.keyboard.press("Enter")
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return True
    return False


def test_switch_works_by_keyboard_from_a_folder(browser):
    page = browser.new_page()
    try:
        page.goto(Path(EDITIONS["en"] / "book" / "iraq.html").as_uri())
        assert _tab_to(page, "a.edition-switch"), "the language switch is not reachable with Tab"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == (EDITIONS["nl"] / "book" / "iraq.html").as_uri()
        assert page.evaluate("document.documentElement.lang") == "nl"
        assert _tab_to(page, "a.edition-switch")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == (EDITIONS["en"] / "book" / "iraq.html").as_uri()
    finally:
        page.close()


ENGLISH_LABELS = [
    template("downloads." + key, "en").split("{")[0]
    for key in ("page_pdf", "book_pdf", "notebook", "source", "quiz_sheet", "quiz_key")
]


@pytest.mark.parametrize("page", PAGES)
def test_dutch_downloads_box_is_in_dutch(page):
    html = (EDITIONS["nl"] / f"{page}.html").read_text(encoding="utf-8")
    box = re.search(r'<aside class="page-downloads".*?</aside>', html, re.S)
    assert box, f"nl/{page}.html: no Downloads box"
    english = [label for label in ENGLISH_LABELS if label in box.group(0)]
    assert not english, f"nl/{page}.html: the Downloads box is in English: {english}"
    tooltip = template("downloads.pdf_tooltip", "en")
    assert f'title="{tooltip}"' not in html, f"nl/{page}.html: the PDF button says {tooltip!r}"
