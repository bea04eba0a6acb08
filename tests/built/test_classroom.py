"""The classroom kit in the built book: PDFs, the Downloads box, the teacher guide, a real download."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from pypdf import PdfReader

from missions.quiz import load_quiz
from missions_book.downloads import BOOK_PDF, FOLDER, GUIDE_PDF, page_pdf
from missions_book.handouts import quiz_names
from missions_book.lessons import plan_names
from missions_book.toc import GUIDE_PART, book_pages

from .conftest import HTML_DIR, PAGES, ROOT

PDF_DIR = HTML_DIR / FOLDER / "pdf"


class _Page(HTMLParser):
    """The h1 text and the links of the Downloads box of a built page."""

    def __init__(self):
        super().__init__()
        self.h1, self.downloads = "", []
        self._in_h1 = self._in_box = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1" and not self.h1:
            self._in_h1 = True
        if tag == "aside" and "page-downloads" in (attrs.get("class") or ""):
            self._in_box = True
        if self._in_box and tag == "a":
            self.downloads.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False
        if tag == "aside":
            self._in_box = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


def _page(page_path: str) -> _Page:
    parser = _Page()
    parser.feed((HTML_DIR / f"{page_path}.html").read_text(encoding="utf-8"))
    parser.h1 = parser.h1.replace("#", "").strip()
    return parser


def _pdf_text(path: Path) -> str:
    assert path.exists(), f"{path.relative_to(HTML_DIR)} was not made: run 'make pdf'"
    reader = PdfReader(str(path))
    assert len(reader.pages) >= 1, f"{path.name} has no pages"
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))  # NFKC: the "fi" ligature back to "fi"


@pytest.mark.parametrize("page_path", PAGES)
def test_every_page_has_a_pdf_with_its_title(page_path):
    title = _page(page_path).h1
    assert title, f"{page_path}: no h1"
    assert title in _pdf_text(PDF_DIR / Path(page_pdf(page_path)).name)


def test_whole_book_and_guide_pdfs_hold_their_pages_in_order():
    for pdf, in_guide in ((BOOK_PDF, False), (GUIDE_PDF, True)):
        reader = PdfReader(str(HTML_DIR / FOLDER / pdf))
        titles = [_page(doc).h1 for doc, part in book_pages() if (part == GUIDE_PART) == in_guide]
        bookmarks = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
        assert [title for title, _ in bookmarks] == titles, f"{pdf}: one bookmark per page, in reading order"
        for title, number in bookmarks:
            first_page = unicodedata.normalize("NFKC", reader.pages[number].extract_text())
            assert title in re.sub(r"\s+", " ", first_page), f"{pdf}: bookmark '{title}' points at the wrong page"


def test_chapter_pdf_keeps_figures_and_sources():
    reader = PdfReader(str(PDF_DIR / Path(page_pdf("book/iraq")).name))
    images = sum(len(page.images) for page in reader.pages)
    assert images >= 1, "the Iraq chapter PDF has no figure"
    text = _pdf_text(PDF_DIR / Path(page_pdf("book/iraq")).name)
    assert "Sources" in text and "https://" in text, "the sources list with its addresses is missing from the PDF"
    assert "This page as PDF" not in text and "Start again" not in text, "screen-only controls were printed"


@pytest.mark.parametrize("name", quiz_names())
def test_quiz_handouts_are_printed(name):
    quiz = load_quiz(name)
    sheet = _pdf_text(PDF_DIR / f"{name}-answer-sheet.pdf")
    key = _pdf_text(PDF_DIR / f"{name}-answer-key.pdf")
    first = quiz["questions"][0]
    assert first["text"][:40] in sheet and first["text"][:40] in key
    secret = first.get("explanation") or next(o["feedback"] for o in first["options"] if o.get("correct"))
    assert secret[:40] not in sheet, f"{name}: the answer sheet gives away an answer"
    assert secret[:40] in key, f"{name}: the answer key lacks the explanation"


@pytest.mark.parametrize("page_path", PAGES)
def test_downloads_box_links_resolve(page_path):
    links = _page(page_path).downloads
    assert len(links) >= 3, f"{page_path}: Downloads box missing or nearly empty"
    base = f"file://{HTML_DIR}/{page_path}.html"
    for href in links:
        target = Path(unquote(urljoin(base, href)[len("file://") :]))
        assert target.is_file(), f"{page_path}: download link {href} leads nowhere"


def test_pages_offer_their_data_and_quiz():
    iraq = _page("book/iraq").downloads
    assert "../downloads/data/personnel.csv" in iraq
    assert "../downloads/pdf/iraq-answer-sheet.pdf" in iraq and "../downloads/pdf/iraq-answer-key.pdf" in iraq
    notebook = _page("notebooks/08-money").downloads
    assert "../_sources/notebooks/08-money.ipynb" in notebook and "../downloads/data/spending.csv" in notebook
    served = (HTML_DIR / FOLDER / "data" / "personnel.csv").read_bytes()
    assert served == (ROOT / "data" / "personnel.csv").read_bytes(), "the CSV offered is not the book's data"


def test_teacher_guide_covers_every_plan():
    overview = (HTML_DIR / "book/teachers/index.html").read_text(encoding="utf-8")
    for name in plan_names():
        assert f'href="{name}.html"' in overview, f"overview table has no row for {name}"
        page = (HTML_DIR / f"book/teachers/{name}.html").read_text(encoding="utf-8")
        for heading in (
            "Objectives",
            "Before the lesson",
            "The 45-minute lesson",
            "The 90-minute lesson",
            "Discussion prompts",
            "Common misconceptions",
            "Assessment",
        ):
            assert f">{heading}<" in page, f"teacher page {name}: no section '{heading}'"


def test_download_link_downloads_the_file(offline_page, book_url):
    """A reader clicks (by keyboard) the CSV link in the Downloads box and gets the book's table."""
    page = offline_page
    page.goto(f"{book_url}/book/iraq.html", wait_until="networkidle")
    link = page.locator("aside.page-downloads a", has_text="personnel.csv")
    link.focus()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "personnel.csv"
    assert Path(download.path()).read_bytes() == (ROOT / "data" / "personnel.csv").read_bytes()

    link = page.locator("aside.page-downloads a", has_text="answer sheet")
    with page.expect_download() as info:
        link.click()
    assert Path(info.value.path()).read_bytes()[:5] == b"%PDF-"


def test_overview_follows_the_reading_order():
    overview = (HTML_DIR / "book/teachers/index.html").read_text(encoding="utf-8")
    taught = [
        Path(doc).name
        for doc, _ in book_pages()
        if Path(doc).name in plan_names() and doc.startswith("book/") and "/teachers/" not in doc
    ]
    positions = [overview.find(f'href="{name}.html"') for name in taught]
    assert positions == sorted(positions), "the overview table is not in the order of the book"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_lesson_plan_maps_each_objective_of_its_chapter(lang):
    """The first column of a plan's assessment map states the chapter's objectives, in order."""
    import html

    from missions import paths
    from missions_book.objectives import objectives

    folder = HTML_DIR if lang == "en" else HTML_DIR / lang
    page = (folder / "book" / "teachers" / "iraq.html").read_text(encoding="utf-8")
    table = re.search(r'<table class="[^"]*lesson-assessment-map.*?</table>', page, re.S)
    assert table, "book/teachers/iraq.html: no assessment map"
    rows = re.findall(r"<tr[^>]*>\s*<td[^>]*>(.*?)</td>", table.group(0), re.S)
    shown = [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in rows]
    stated = objectives(paths.root() / "book" / "iraq.md", lang)
    assert shown == [f"{n}. {text}" for n, text in enumerate(stated, 1)]
