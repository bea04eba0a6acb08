"""Downloads on the pages of the built book, and the files behind them.

Every page of the table of contents ends with a "Downloads" box: the page as PDF, the whole book as
PDF, the page source, the page as a notebook (.ipynb), the data tables it uses (CSV), and for a page
with a quiz the printable answer sheet and answer key. A page names its tables in its front matter
(`data: [personnel, missions]`; in a notebook, the same key in the notebook metadata); its quizzes
are the ones its outputs show (missions_book.renderers). The files go to `_build/html/downloads/`;
the PDFs are printed there by `make pdf` (missions_book/pdf.py), which `make book` runs.
"""

from __future__ import annotations

import html
import json
import posixpath
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from missions import paths
from missions.data import read_package
from missions.quiz import load_quiz
from missions.text import t

from .edition_notebooks import write_edition_notebook
from .handouts import handout_stem, write_handouts
from .inputs import executed_notebook
from .printables import FOLDER as PRINT_FOLDER
from .printables import write_printables
from .renderers import page_quizzes
from .toc import GUIDE_PART, book_pages

FOLDER = "downloads"
SPHINX_SOURCES = "_sources"  # where Sphinx's html builder copies each page's source (html_copy_source)
BOOK_PDF = "pdf/the-netherlands-on-mission.pdf"
GUIDE_PDF = "pdf/teacher-guide.pdf"
logger = logging.getLogger(__name__)


def page_pdf(docname: str) -> str:
    return f"pdf/{docname.replace('/', '-')}.pdf"


def handout_pdf(quiz: str, kind: str, version: str = "A") -> str:
    """Path under the book's root of a quiz's answer sheet or key (kind 'sheet' or 'key') as PDF."""
    return f"{FOLDER}/pdf/{handout_stem(quiz, kind, version)}.pdf"


def data_file(table: str, files: dict[str, str] | None = None) -> str:
    """Path under the book's root of the copy of a data table offered for download."""
    return f"{FOLDER}/data/{(files or tables())[table]}"


def tables() -> dict[str, str]:
    """Table name -> file name in data/."""
    return {resource["name"]: resource["path"] for resource in read_package()["resources"]}


def _declared_tables(env, docname: str) -> list[str]:
    """The `data` field of a page's front matter (myst-parser stores a list as a JSON string)."""
    raw = env.metadata.get(docname, {}).get("data", "[]")
    names = json.loads(raw) if isinstance(raw, str) and raw.startswith("[") else raw
    return names.split() if isinstance(names, str) else list(names)


def check_page_tables(app: Sphinx, env) -> None:
    """A page naming a table that does not exist fails the build (warnings are errors)."""
    known = tables()
    for docname in sorted(env.found_docs):
        for name in _declared_tables(env, docname):
            if name not in known:
                logger.warning(
                    f"front matter field 'data': no table '{name}' in data/datapackage.json "
                    f"(known: {', '.join(known)})",
                    location=docname,
                )


def page_tables(app: Sphinx, docname: str) -> list[str]:
    known = tables()
    return [name for name in _declared_tables(app.env, docname) if name in known]


def notebook_download(docname: str) -> str:
    """The executed notebook of a page to download (another edition's in its language), under the book's root."""
    return f"{FOLDER}/notebooks/{docname.replace('/', '-')}.ipynb"


def page_downloads(app: Sphinx, docname: str, part: str, source: str) -> list[tuple[str, str]]:
    """(label, path under the book's root) of each download of a page whose copied source is `source`."""
    lang = app.config.language
    suffix = Path(app.env.doc2path(docname)).suffix
    items = [(t("downloads.page_pdf", lang), f"{FOLDER}/{page_pdf(docname)}")]
    if part == GUIDE_PART:
        items.append((t("downloads.guide_pdf", lang), f"{FOLDER}/{GUIDE_PDF}"))
    else:
        items.append((t("downloads.book_pdf", lang), f"{FOLDER}/{BOOK_PDF}"))
    if suffix == ".ipynb":
        # Another edition's notebook is written in its language (write_download_files).
        notebook = f"{SPHINX_SOURCES}/{source}" if lang == "en" else notebook_download(docname)
        items.append((t("downloads.notebook", lang), notebook))
    else:
        items.append((t("downloads.source", lang, suffix=suffix), f"{SPHINX_SOURCES}/{source}"))
        if executed_notebook(app, docname):
            items.append((t("downloads.page_notebook", lang), notebook_download(docname)))
    files = tables()
    for name in page_tables(app, docname):
        items.append((t("downloads.data", lang, file=files[name], name=name), data_file(name, files)))
    for name in page_quizzes(app.env, docname):
        title = load_quiz(name)["title"]
        items.append((t("downloads.quiz_sheet", lang, title=title), handout_pdf(name, "sheet")))
        items.append((t("downloads.quiz_key", lang, title=title), handout_pdf(name, "key")))
    return items


def downloads_html(items: list[tuple[str, str]], pagename: str, lang: str = "en") -> str:
    here = posixpath.dirname(pagename)
    links = "".join(
        f'<li><a href="{html.escape(posixpath.relpath(path, here or "."))}" download>{html.escape(label)}</a></li>'
        for label, path in items
    )
    return (
        '<aside class="page-downloads" aria-labelledby="page-downloads-title">'
        f'<h2 id="page-downloads-title">{html.escape(t("downloads.title", lang))}</h2>'
        f"<ul>{links}</ul></aside>"
    )


def add_downloads(app: Sphinx, pagename: str, templatename, context, doctree) -> None:
    """Append the Downloads box to each page of the table of contents; point the theme's print
    button at the real PDF."""
    parts = dict(book_pages())
    if pagename not in parts or "body" not in context:
        return
    items = page_downloads(app, pagename, parts[pagename], context.get("sourcename") or f"{pagename}.txt")
    context["body"] += downloads_html(items, pagename, app.config.language)
    for group in context.get("header_buttons", []):
        if group.get("label") == "download-buttons":
            for button in group["buttons"]:
                if button.get("label") == "download-pdf-button":
                    button.clear()
                    button.update(
                        type="link",
                        url=posixpath.relpath(items[0][1], posixpath.dirname(pagename) or "."),
                        text=".pdf",
                        tooltip=t("downloads.pdf_tooltip", app.config.language),
                        icon="fas fa-file-pdf",
                        label="download-pdf-button",
                    )


def write_download_files(app: Sphinx, exception) -> None:
    """Copy the data tables and executed chapter notebooks; write the quiz handouts and the other printables (HTML)."""
    if exception or app.builder.format != "html":
        return
    out = Path(app.outdir) / FOLDER
    (out / "data").mkdir(parents=True, exist_ok=True)
    for file_name in [*tables().values(), "datapackage.json"]:
        shutil.copy2(paths.data_dir() / file_name, out / "data" / file_name)
    pages = [docname for docname, _ in book_pages() if docname in app.env.found_docs]
    for docname in pages:
        executed = executed_notebook(app, docname)
        if not executed:
            continue
        target = Path(app.outdir) / notebook_download(docname)
        if app.config.language != "en":
            page = Path(app.env.doc2path(docname))
            write_edition_notebook(page if page.suffix == ".ipynb" else executed, page, target, app.config.language)
        elif not docname.startswith("notebooks/"):
            target.parent.mkdir(exist_ok=True)
            shutil.copy2(executed, target)
    titles = {}
    for docname in pages:
        for name in page_quizzes(app.env, docname):
            titles.setdefault(name, str(app.env.titles[docname].astext()))
    write_handouts(out / "quizzes", titles)
    write_printables(out / PRINT_FOLDER)


def setup(app: Sphinx) -> None:
    app.connect("env-check-consistency", check_page_tables)
    app.connect("html-page-context", add_downloads, priority=600)
    app.connect("build-finished", write_download_files)
