"""Printable documents other than the quiz handouts: the timeline, source packs, decision cases, the
paper versions of the notebooks, and the lesson plans' kits.

Each is a small standalone A4 HTML document (no scripts, no external files) written by the build into
`_build/html/downloads/print/`; `make pdf` prints each to `downloads/pdf/<name>.pdf`. A page shows the
same body through a directive, so what a teacher sees on screen is what the printer gives.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from missions.text import language, t

from .handouts import STYLE

FOLDER = "print"
PRINT_STYLE = (
    STYLE
    + """
table.events { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
table.events th, table.events td { border-bottom: 1px solid #999; padding: 0.15rem 0.35rem; text-align: left; vertical-align: top; }
table.events td.date { white-space: nowrap; }
h2.group { margin-top: 1rem; }
.excerpt { break-inside: avoid; border-top: 1px solid #999; padding-top: 0.4rem; margin-top: 0.8rem; }
.excerpt blockquote { margin: 0.3rem 0 0.3rem 0.8rem; padding-left: 0.6rem; border-left: 3px solid #555; }
.write { border-bottom: 1px solid #000; height: 1.6rem; }
.grid { display: grid; gap: 0.5rem; }
.card { border: 1px dashed #000; padding: 0.5rem 0.7rem; break-inside: avoid; }
table.organiser { border-collapse: collapse; width: 100%; }
table.organiser th, table.organiser td { border: 1px solid #000; padding: 0.3rem; vertical-align: top; text-align: left; }
table.organiser td { height: 3.2rem; }
figure { margin: 0.4rem 0; break-inside: avoid; }
figure img { max-width: 100%; }
figcaption { font-size: 9pt; }
.page-break { break-before: page; }
"""
)

# name -> function returning (title, body HTML) of one printable; filled by the modules that own them
_MAKERS: dict[str, Callable[[], tuple[str, str]]] = {}


def printable(name: str):
    def register(make: Callable[[], tuple[str, str]]):
        _MAKERS[name] = make
        return make

    return register


def document(title: str, body: str) -> str:
    """A standalone printable page."""
    return (
        f'<!DOCTYPE html><html lang="{language()}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{PRINT_STYLE}</style></head><body>{body}</body></html>\n"
    )


def source_links(ids) -> str:
    """Sources as "Publisher, year" links, from ids (a list, or a string separated by ';')."""
    from missions.data import load_sources

    sources = load_sources().set_index("id")
    ids = [s.strip() for s in (ids.split(";") if isinstance(ids, str) else ids) if s.strip()]
    links = []
    for source_id in ids:
        row = sources.loc[source_id].fillna("")
        label = html.escape(f"{row['publisher']}{', ' + str(row['date'])[:4] if row['date'] else ''}")
        links.append(f'<a href="{html.escape(row["url"])}">{label}</a>' if row["url"] else label)
    return "; ".join(links)


def name_and_class() -> str:
    """The line a student signs, in the edition's language."""
    return f'<div class="who"><span>{html.escape(t("printable.name"))}</span><span>{html.escape(t("printable.class"))}</span></div>'


def lines(count: int) -> str:
    return '<div class="write"></div>' * count


def pdf_path(name: str) -> str:
    """Path under the book's root of a printable's PDF."""
    return f"downloads/pdf/{name}.pdf"


def write_printables(out_dir: Path, makers: dict | None = None) -> list[Path]:
    """Write every printable as HTML; an unchanged one keeps its file, so `make pdf` skips it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in sorted((makers or all_printables()).items()):
        path = out_dir / f"{name}.html"
        text = document(*make())
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def all_printables() -> dict[str, Callable]:
    from . import activity_pages, decisions, kits, timeline

    timeline.register_printables()
    decisions.register_printables()
    activity_pages.register_printables()
    kits.register_printables()
    return dict(_MAKERS)
