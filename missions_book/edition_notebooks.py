"""The notebooks a reader of another edition downloads: Markdown and code in the edition's language
(missions_book.notebook_code), no stored outputs, and a first code cell that makes the code speak that
language when the notebook runs.

The Markdown is translated block by block through the page's catalog, as Sphinx's gettext builder
cut it into messages (headings, paragraphs, list items, table cells; a paragraph's lines joined by
spaces). A block the catalog lacks stays English, as on the page.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from markdown_it import MarkdownIt

from missions.translation import catalog_path, messages

from .notebook_code import code_table, translated_cells

LANGUAGE_CELL = {
    "nl": "# Zo geeft de code van dit notebook Nederlandse tekst (grafieken, knoppen, quizzen).\n%env MISSIONS_LANG=nl",
}
_CELL_PARENTS = ("th_open", "td_open")


def translated_markdown(source: str, table: dict[str, str]) -> str:
    """Markdown `source` with each block that `table` translates (English message -> translation) replaced."""
    lines: list[str | None] = source.split("\n")
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    searched_from: dict[int, int] = {}  # table rows: where the next cell's text is looked for
    for i, token in enumerate(tokens):
        if token.type != "inline" or not token.map:
            continue
        translation = table.get(" ".join(token.content.split("\n")).strip())
        if not translation:
            continue
        start, end = token.map
        if tokens[i - 1].type in _CELL_PARENTS:
            line = lines[start]
            at = line.find(token.content, searched_from.get(start, 0))
            lines[start] = line[:at] + translation + line[at + len(token.content) :]
            searched_from[start] = at + len(translation)
            continue
        first = lines[start]
        at = first.find(token.content.split("\n")[0])
        lines[start] = first[:at] + translation
        for j in range(start + 1, end):
            lines[j] = None
    return "\n".join(line for line in lines if line is not None)


def edition_notebook(notebook: dict, table: dict[str, str], lang: str, code: dict[str, str] | None = None) -> dict:
    """A copy of `notebook` (nbformat 4 as JSON) for the edition `lang`: its Markdown through `table`,
    its code through `code` (the translations of the notebook's code catalog)."""
    result = translated_cells(copy.deepcopy(notebook), code or {})
    for cell in result["cells"]:
        if cell["cell_type"] == "markdown":
            cell["source"] = translated_markdown("".join(cell["source"]), table)
        else:
            # No stored outputs: the student's first run draws every chart and widget in the edition's
            # language (the sources' outputs are the English run).
            cell["outputs"], cell["execution_count"] = [], None
    if lang in LANGUAGE_CELL:
        first_code = next((n for n, cell in enumerate(result["cells"]) if cell["cell_type"] == "code"), 0)
        cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": []}
        result["cells"].insert(first_code, {**cell, "source": LANGUAGE_CELL[lang], "id": f"missions-lang-{lang}"})
    return result


def write_edition_notebook(notebook_file: Path, page: Path, target: Path, lang: str) -> Path:
    """Write the notebook of `page` (its source file), read from `notebook_file` (the page itself, or
    for a Markdown page the notebook myst-nb made of it), for the edition `lang` to `target`."""
    po = catalog_path(page, lang)
    table = messages(po) if po.exists() else {}
    notebook = json.loads(notebook_file.read_text(encoding="utf-8"))
    edition = edition_notebook(notebook, table, lang, code_table(page, lang))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(edition, ensure_ascii=False, indent=1) + "\n")
    return target
