"""Printable PDFs of the built book, made with headless Chromium (no LaTeX).

`python -m missions_book.pdf` (run by `make pdf`, part of `make book`) prints each edition from its
built pages, English from `_build/html` into `_build/html/downloads/pdf/`, Dutch from `_build/html/nl`
into `_build/html/nl/downloads/pdf/` (titles and page footers in the edition's language):
- one PDF per page of the table of contents (the pages' print styles are in book/_static/custom.css);
- the whole book (every part but the teacher guide) and the teacher guide, joined with pypdf, with
  a bookmark per page;
- the answer sheet and answer key of every quiz (written as HTML by the build, missions_book/handouts.py)
  and the other printables: timeline, source packs, cases, paper notebooks, kits (missions_book/printables.py).
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from missions import paths
from missions.text import t

from .downloads import BOOK_PDF, FOLDER, GUIDE_PDF, page_pdf
from .editions import DEFAULT, OTHERS
from .toc import GUIDE_PART, book_pages

HTML_DIR = paths.html_dir()
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = (
    "Install Debian's Chromium: 'sudo apt-get install chromium' "
    "(as root: 'apt-get update && apt-get install -y chromium')."
)


def footer(lang: str) -> str:
    """Chromium's footer template: the page's title, and "page N of M" in the edition's language."""
    pages = t("pdf.page_of", lang, page='<span class="pageNumber"></span>', total='<span class="totalPages"></span>')
    return (
        '<div style="font: 8px sans-serif; width: 100%; padding: 0 12mm; display: flex; justify-content: space-between;">'
        f'<span class="title"></span><span>{pages}</span></div>'
    )


# Links between pages of the book mean nothing on paper: keep links to the web and within the page.
UNLINK_INTERNAL = """() => document.querySelectorAll('a[href]').forEach(a => {
  const href = a.getAttribute('href');
  if (!/^(https?:|mailto:|#)/.test(href)) a.removeAttribute('href');
})"""

# Charts load lazily on screen; paper needs every one of them before printing starts.
LOAD_ALL_IMAGES = """() => Promise.all([...document.images].map(img => {
  img.loading = 'eager';
  return img.complete ? null : new Promise(done => { img.onload = img.onerror = done; });
}))"""


def find_chromium() -> str | None:
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


def print_pdf(page, html_file: Path, pdf_file: Path, lang: str = "en") -> None:
    page.goto(html_file.resolve().as_uri(), wait_until="load")
    page.evaluate(UNLINK_INTERNAL)
    page.evaluate(LOAD_ALL_IMAGES)
    pdf_file.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(
        path=str(pdf_file),
        format="A4",
        print_background=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=footer(lang),
        margin={"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
    )


def join(pdf_files: list[tuple[str, Path]], out: Path, title: str) -> int:
    """Join PDFs into one with a bookmark per part; returns the page count."""
    writer = PdfWriter()
    for part_title, path in pdf_files:
        start = len(writer.pages)
        writer.append(str(path))
        writer.add_outline_item(title=part_title, page_number=start)
    writer.add_metadata({"/Title": title})
    with out.open("wb") as handle:
        writer.write(handle)
    return len(writer.pages)


def _is_current(pdf_file: Path, *sources: Path) -> bool:
    """A PDF newer than its page and the book's stylesheet need not be printed again."""
    return pdf_file.exists() and all(pdf_file.stat().st_mtime >= source.stat().st_mtime for source in sources)


def _print_if_changed(page, html_file: Path, pdf_file: Path, style: Path, lang: str) -> str:
    """Print when the page or the style changed; returns the page's title ("<page> — <book>")."""
    if _is_current(pdf_file, html_file, style):
        title = PdfReader(pdf_file).metadata.title or ""
    else:
        print_pdf(page, html_file, pdf_file, lang)
        title = page.title()
    return title.split(" — ")[0]


def make_pdfs(html_dir: Path = HTML_DIR, lang: str = "en") -> dict[str, int]:
    """Print every page of one edition, its two books and its quiz handouts (those that changed since
    they were last printed); returns the page counts of the books."""
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if chromium is None:
        raise SystemExit(f"make pdf: no Chromium found. {INSTALL_HINT}")
    if not (html_dir / "index.html").exists():
        raise SystemExit(f"make pdf: no built book in {html_dir}; run 'make html' first.")
    out = html_dir / FOLDER
    style = html_dir / "_static" / "custom.css"
    book, guide = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        for docname, part in book_pages():
            pdf_file = out / page_pdf(docname)
            title = _print_if_changed(page, html_dir / f"{docname}.html", pdf_file, style, lang)
            (guide if part == GUIDE_PART else book).append((title, pdf_file))
        for handout in sorted([*(out / "quizzes").glob("*.html"), *(out / "print").glob("*.html")]):
            _print_if_changed(page, handout, out / "pdf" / f"{handout.stem}.pdf", style, lang)
        browser.close()
    return {
        "whole book": join(book, out / BOOK_PDF, t("pdf.book_title", lang)),
        "teacher guide": join(guide, out / GUIDE_PDF, t("pdf.guide_title", lang)),
    }


def edition_dirs() -> list[tuple[str, Path]]:
    """The built editions: English in _build/html, each other one in _build/html/<lang>."""
    dirs = [(DEFAULT, HTML_DIR), *((lang, HTML_DIR / lang) for lang in OTHERS)]
    return [(lang, folder) for lang, folder in dirs if lang == DEFAULT or (folder / "index.html").exists()]


def main() -> int:
    for lang, html_dir in edition_dirs():
        started = time.perf_counter()
        pages = make_pdfs(html_dir, lang)
        files = len(list((html_dir / FOLDER / "pdf").glob("*.pdf")))
        print(
            f"make pdf ({lang}): {files} PDFs in {html_dir / FOLDER / 'pdf'} (whole book {pages['whole book']} pages, "
            f"teacher guide {pages['teacher guide']} pages) in {time.perf_counter() - started:.0f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
