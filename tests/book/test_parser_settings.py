"""The patch that lets myst-parser reuse docutils' default settings (missions_book.editions): each
document still gets settings of its own, and rendering a message gives the same doctree."""

from __future__ import annotations

from docutils.frontend import get_default_settings
from myst_parser.mdit_to_docutils import base
from myst_parser.parsers.docutils_ import Parser

from missions_book.editions import _reuse_parser_settings


def test_documents_made_after_the_patch_have_settings_of_their_own():
    _reuse_parser_settings()
    _reuse_parser_settings()  # applied once: the second call keeps the first patch
    assert base.make_document.reuses_settings
    first, second = base.make_document(), base.make_document(parser_cls=Parser)
    first.settings.tab_width = 99
    assert second.settings is not first.settings and second.settings.tab_width != 99
    assert base.make_document().settings.tab_width == get_default_settings(base.RSTParser).tab_width
    assert vars(second.settings).keys() == vars(get_default_settings(Parser)).keys()  # the MyST settings too
