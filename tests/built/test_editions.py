"""Both editions are built, every page of each declares its language and links to the same page in
the other edition, and the link works by keyboard from a folder (file://), with no server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from missions.text import template
from missions_book.editions import NAMES

from .conftest import HTML_DIR, PAGES, ROOT

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


ENGLISH_LABELS = [  # the first text of each label outside its {fields}
    next(part for part in re.split(r"\{[^}]*\}", template("downloads." + key, "en")) if part.strip())
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


@pytest.mark.parametrize("page", PAGES)
def test_every_dutch_download_is_there(page):
    """Each link of a Dutch page's Downloads box leads to a file of the Dutch edition (its PDFs too)."""
    path = EDITIONS["nl"] / f"{page}.html"
    box = re.search(r'<aside class="page-downloads".*?</aside>', path.read_text(encoding="utf-8"), re.S)
    assert box, f"nl/{page}.html: no Downloads box"
    for href in re.findall(r'href="([^"]+)"', box.group(0)):
        target = (path.parent / href).resolve()
        assert target.exists(), f"nl/{page}.html: the download {href} is missing"
        assert target.is_relative_to(EDITIONS["nl"].resolve()), f"nl/{page}.html: {href} leaves the Dutch edition"


def test_dutch_books_are_titled_in_dutch():
    from pypdf import PdfReader

    from missions_book.downloads import BOOK_PDF, FOLDER, GUIDE_PDF

    for pdf, title in ((BOOK_PDF, "pdf.book_title"), (GUIDE_PDF, "pdf.guide_title")):
        reader = PdfReader(EDITIONS["nl"] / FOLDER / pdf)
        assert reader.metadata.title == template(title, "nl"), f"nl/{FOLDER}/{pdf}: title {reader.metadata.title!r}"
        assert template("pdf.page_of", "nl").split(" ")[0] in reader.pages[0].extract_text(), "footer not in Dutch"


def test_dutch_notebooks_to_download_speak_dutch():
    import json

    from missions import paths
    from missions.translation import text_in
    from missions_book.downloads import FOLDER
    from missions_book.edition_notebooks import LANGUAGE_CELL

    notebooks = sorted(paths.notebooks_dir().glob("*.ipynb"))
    for source in notebooks:
        path = EDITIONS["nl"] / FOLDER / "notebooks" / f"notebooks-{source.stem}.ipynb"
        assert path.exists(), f"{path}: no Dutch notebook to download"
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        assert any(cell["source"] == LANGUAGE_CELL["nl"] for cell in cells), f"{path}: no cell setting the language"
        title = "".join(json.loads(source.read_text(encoding="utf-8"))["cells"][0]["source"]).split("\n")[0]
        dutch_title = "# " + text_in(source, title.lstrip("# "), "nl")
        assert "".join(cells[0]["source"]).startswith(dutch_title), f"{path}: title not translated"


def _keyboard_to_first_answer(page, question):
    first_radio = question.locator("input[type=radio]").first
    page.locator("body").focus()
    for _ in range(400):
        page.keyboard.press("Tab")
        if first_radio.evaluate("el => el === document.activeElement"):
            return first_radio
    raise AssertionError("Tab never reached the first answer of the quiz")


def test_a_dutch_quiz_works_by_keyboard_and_answers_in_dutch(offline_page, book_url):
    page = offline_page
    page.goto(f"{book_url}/nl/book/lithuania.html", wait_until="networkidle")
    question = page.locator('[data-quiz] .quiz-question[data-kind="single"]').first
    first_radio = _keyboard_to_first_answer(page, question)
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    feedback = question.locator(".quiz-feedback").inner_text()
    right = first_radio.get_attribute("data-correct") == "true"
    assert template("quiz.correct" if right else "quiz.incorrect", "nl") in feedback
    assert first_radio.get_attribute("data-feedback") in feedback
    from missions.quiz import load_quiz

    legend = question.locator("legend").inner_text()
    assert not any(q["text"] in legend for q in load_quiz("lithuania")["questions"]), f"in English: {legend}"
    score = page.locator("[data-quiz] .quiz-score").first.inner_text()
    assert score.startswith("Score: ") and " van " in score, score


def test_a_dutch_number_is_read_the_dutch_way(offline_page, book_url):
    page = offline_page
    page.goto(f"{book_url}/nl/notebooks/01-un-peacekeepers.html", wait_until="networkidle")
    numeric = page.locator('.quiz-question[data-kind="numeric"]').first
    field = numeric.locator("input[type=text]")
    answer = float(field.get_attribute("data-answer"))
    field.focus()
    page.keyboard.type(f"{answer:,.0f}".replace(",", "."))  # 2759 typed as 2.759
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert template("quiz.correct", "nl") in numeric.locator(".quiz-feedback").inner_text()


def _page_text(path: Path) -> str:
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def _sentences(message: str) -> list[str]:
    """The parts of a code message between its {fields} that are three words or more."""
    from missions_book.notebook_code import fields

    for field in fields(message):
        message = message.replace(field, "\0")
    return [part.strip() for part in message.split("\0") if len(part.split()) >= 3]


@pytest.mark.parametrize("notebook", sorted(path.stem for path in (ROOT / "notebooks").glob("*.ipynb")))
def test_dutch_notebook_pages_show_and_run_dutch_code(notebook):
    """The Dutch page shows the code with its comments and sentences in Dutch, and what that code
    printed is Dutch too: no English sentence of the code is left on the page."""
    from missions import paths
    from missions.translation import messages
    from missions_book.notebook_code import code_catalog_path

    source = paths.root() / "notebooks" / f"{notebook}.ipynb"
    changed = {en: nl for en, nl in messages(code_catalog_path(source, "nl")).items() if en != nl}
    text = _page_text(EDITIONS["nl"] / "notebooks" / f"{notebook}.html")
    assert changed, f"{notebook}: its code catalog translates nothing"
    missing = [dutch for dutch in changed.values() if dutch not in text]
    assert missing == [], f"nl/notebooks/{notebook}.html: Dutch code not shown"
    english = {part for en in changed for part in _sentences(en)}
    assert sorted(part for part in english if part in text) == [], f"nl/notebooks/{notebook}.html: English left"
    assert "Show code cell" not in text, f"nl/notebooks/{notebook}.html: myst-nb's button for a hidden cell in English"
    raw = (EDITIONS["nl"] / "notebooks" / f"{notebook}.html").read_text(encoding="utf-8")
    # read aloud: the theme's launch button, a hidden cell's summary, a heading's link
    for english in ("Launch interactive content", "Launch on", "Toggle hidden content", "Link to this heading"):
        assert english not in raw, f"nl/notebooks/{notebook}.html: the launch button says {english!r}"


def test_the_dutch_data_page_describes_the_tables_in_dutch():
    """The data page is generated from data/datapackage.json: in Dutch its headings, counts, field
    types and rules come from missions.text, and the tables' and fields' descriptions from the
    descriptor's catalog (locales/nl/LC_MESSAGES/data/datapackage.po)."""
    from missions import paths
    from missions.data import load_table
    from missions.text import format_number
    from missions.translation import messages

    text = _page_text(EDITIONS["nl"] / "book" / "data-and-sources.html")
    rows = f"{format_number(len(load_table('sources')), 'nl')} rijen."
    for dutch in ("Veld", "Soort", "Betekenis en eenheid", "Regels", rows, "verplicht; uniek", "geheel getal"):
        assert dutch in text, f"nl/book/data-and-sources.html: no {dutch!r}"
    for english in ("Meaning and unit", " rows. ", "required; unique", "depending on the source", "whole number"):
        assert english not in text, f"nl/book/data-and-sources.html: English {english!r} left"
    catalog = messages(paths.root() / "locales" / "nl" / "LC_MESSAGES" / "data" / "datapackage.po")
    shown = [dutch for english, dutch in catalog.items() if english != dutch and dutch in text]
    assert len(shown) > 40, f"only {len(shown)} of the descriptor's Dutch descriptions are on the page"


def test_the_dutch_copy_button_speaks_dutch(offline_page, book_url):
    """sphinx-copybutton has no Dutch of its own: the Dutch edition adds it, so the button of a code
    cell is read aloud and titled in Dutch."""
    from missions_book.editions import COPY_BUTTON

    page = offline_page
    page.goto(f"{book_url}/nl/notebooks/01-un-peacekeepers.html", wait_until="networkidle")
    button = page.locator("button.copybtn").first
    assert button.get_attribute("data-tooltip") == COPY_BUTTON["nl"]["copy"]
    assert COPY_BUTTON["nl"]["copy_to_clipboard"] in button.inner_html()
