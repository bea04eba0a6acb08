"""The book's pages in reading order, from _toc.yml as Jupyter Book reads it (sphinx-external-toc)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sphinx_external_toc.parsing import parse_toc_yaml

from missions import paths

GUIDE_PART = "For teachers"


@cache
def book_pages(toc_file: Path | None = None) -> list[tuple[str, str]]:
    """(docname, part caption) of every page in reading order; nested pages follow their parent."""
    site_map = parse_toc_yaml(str(toc_file or paths.toc_file()))
    pages = []

    def visit(docname: str, part: str) -> None:
        pages.append((docname, part))
        for tree in site_map[docname].subtrees:
            for item in tree.items:
                if isinstance(item, str):
                    visit(item, tree.caption or part)

    visit(site_map.root.docname, "")
    return pages
