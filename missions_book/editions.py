"""The book's editions: English at `_build/html/`, Dutch at `_build/html/nl/` (built by
missions_book.build_edition). Each page links to the same page in the other edition, and the code
that a build runs writes its text in the edition's language (missions.text reads MISSIONS_LANG); a
notebook's own comments and sentences come from its code catalog (missions_book.notebook_code)."""

from __future__ import annotations

import copy
import functools
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from missions import paths

from .notebook_code import code_catalog_path, translated_notebook_text

if TYPE_CHECKING:  # build_edition reads NAMES and OTHERS here without starting Sphinx
    from sphinx.application import Sphinx

DEFAULT = "en"
OTHERS = ("nl",)
NAMES = {"en": "English", "nl": "Nederlands"}
# The switch's text is in the language it leads to, so that a reader who does not know the page's
# language still recognises their own.
SWITCH_LABELS = {"en": "Read this page in English", "nl": "Lees deze pagina in het Nederlands"}
SEARCH_TEXT = {"en": "Search this book...", "nl": "Zoek in dit boek..."}
# sphinx-book-theme's message catalog: its own Dutch lacks the launch button's texts, which ours adds.
THEME_CATALOG = "booktheme"
# sphinx-copybutton (0.5) writes its button's texts from a table in its script that has no Dutch and
# no setting to add it; the edition adds its language to that table.
COPY_BUTTON = {
    "nl": {
        "copy": "Kopiëren",
        "copy_to_clipboard": "Kopieer naar het klembord",
        "copy_success": "Gekopieerd!",
        "copy_failure": "Kopiëren is niet gelukt",
    }
}
COPY_BUTTON_TABLE = "const messages = {"
# myst-nb writes this label on every hidden cell's <summary> itself, in English; a screen reader reads
# it instead of the visible (translated) "Toon code en uitvoer".
HIDDEN_CELL_LABEL = 'aria-label="Toggle hidden content"'
HIDDEN_CELL_LABELS = {"nl": 'aria-label="Verborgen code en uitvoer tonen of verbergen"'}


def _other(lang: str) -> str:
    return DEFAULT if lang != DEFAULT else OTHERS[0]


def edition_href(lang: str, pagename: str, to: str) -> str:
    """The relative URL, from page `pagename` of edition `lang`, of the same page in edition `to`."""
    up = "../" * pagename.count("/")
    home = up if lang == DEFAULT else up + "../"
    return f"{home}{'' if to == DEFAULT else to + '/'}{pagename}.html"


def _configure(app: Sphinx, config) -> None:
    # Code run by the build (and by the notebooks it executes) writes its text in the edition's language.
    os.environ["MISSIONS_LANG"] = config.language
    _add_theme_messages(app, config.language)
    if config.html_theme != "sphinx_book_theme":  # the theme whose header holds the switch
        return
    options = config.html_theme_options
    options["search_bar_text"] = SEARCH_TEXT[config.language]
    options["article_header_end"] = ["edition-switch.html", "article-header-buttons.html"]


def _add_theme_messages(app: Sphinx, lang: str) -> None:
    """Compile locales/<lang>/LC_MESSAGES/booktheme.po into the build folder and add it to the
    theme's catalog, where a text the theme's own translation lacks is looked up (a fallback)."""
    po = paths.root() / "locales" / lang / "LC_MESSAGES" / f"{THEME_CATALOG}.po"
    if lang == DEFAULT or not po.exists():
        return
    from babel.messages.mofile import write_mo

    from missions.translation import read_catalog

    folder = Path(app.doctreedir).parent / "theme-locales"
    mo = folder / lang / "LC_MESSAGES" / f"{THEME_CATALOG}.mo"
    mo.parent.mkdir(parents=True, exist_ok=True)
    with mo.open("wb") as handle:
        write_mo(handle, read_catalog(po))
    app.add_message_catalog(THEME_CATALOG, str(folder))


def _add_copy_button_texts(app: Sphinx, exception) -> None:
    lang = app.config.language
    script = Path(app.outdir) / "_static" / "copybutton.js"
    if exception or lang not in COPY_BUTTON or not script.exists():
        return
    text = script.read_text(encoding="utf-8")
    if COPY_BUTTON_TABLE not in text:
        raise RuntimeError(f"{script}: no {COPY_BUTTON_TABLE!r} to add the {lang} texts to (sphinx-copybutton changed)")
    entry = json.dumps({lang: COPY_BUTTON[lang]}, ensure_ascii=False)[1:-1]
    if entry not in text:
        script.write_text(text.replace(COPY_BUTTON_TABLE, f"{COPY_BUTTON_TABLE}\n  {entry},", 1), encoding="utf-8")


def _edition_code(app: Sphinx, docname: str, source: list[str]) -> None:
    """Another edition runs and shows a notebook's code with its comments and sentences translated."""
    lang = app.config.language
    path = Path(app.env.doc2path(docname))
    if lang == DEFAULT:
        return
    source[0] = translated_notebook_text(source[0], path, lang)
    # Only an existing catalog: a missing dependency would re-read the page on every build (a new
    # catalog comes with `make catalogs`, which a translator runs after changing the notebook anyway).
    catalog = code_catalog_path(path, lang)
    if catalog.exists():
        app.env.note_dependency(str(catalog))


def _add_switch(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    lang = app.config.language
    to = _other(lang)
    href = edition_href(lang, pagename, to)
    context["edition_switch"] = {"href": href, "lang": to, "name": NAMES[to], "label": SWITCH_LABELS[to]}
    context["metatags"] = context.get("metatags", "") + f'\n<link rel="alternate" hreflang="{to}" href="{href}">'


def _label_hidden_cells(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    label = HIDDEN_CELL_LABELS.get(app.config.language)
    if label and "body" in context:
        context["body"] = context["body"].replace(HIDDEN_CELL_LABEL, label)


def _reuse_parser_settings() -> None:
    """myst-parser 3.0 evaluates `options.get("document", make_document())` eagerly, so every message
    Sphinx translates makes a docutils document that is thrown away, each gathering docutils' default
    settings anew (0.76 ms; a copy of settings gathered once takes 0.07 ms). The Dutch pages have
    over 4,000 messages. myst-parser has no setting for this, hence the patch."""
    from docutils.frontend import get_default_settings
    from docutils.utils import new_document
    from myst_parser.mdit_to_docutils import base

    if getattr(base.make_document, "reuses_settings", False):
        return

    @functools.cache
    def default_settings(parser_cls):
        return get_default_settings(parser_cls)

    def make_document(source_path="notset", parser_cls=base.RSTParser):
        return new_document(source_path, settings=copy.deepcopy(default_settings(parser_cls)))

    make_document.reuses_settings = True
    base.make_document = make_document


def setup(app: Sphinx) -> None:
    _reuse_parser_settings()
    app.connect("config-inited", _configure)
    app.connect("html-page-context", _add_switch)
    app.connect("html-page-context", _label_hidden_cells)
    app.connect("source-read", _edition_code)
    app.connect("build-finished", _add_copy_button_texts, priority=400)  # before page_weight reads the scripts
