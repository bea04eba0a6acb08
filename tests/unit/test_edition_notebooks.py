"""The Dutch notebooks to download: their Markdown through the page's catalog, their code in Dutch."""

from __future__ import annotations

import json

from missions import paths
from missions_book.edition_notebooks import edition_notebook, translated_markdown, write_edition_notebook

MARKDOWN = """## Prerequisites
| Concept | Importance |
| --- | --- |
| Running a cell | Necessary |

You will learn to:

1. load a table from the book's data
   with one line of Python;
2. read a **line chart**.

A caveat: these are only the people
the UN counts."""

TABLE = {
    "Prerequisites": "Voorkennis",
    "Concept": "Begrip",
    "Necessary": "Nodig",
    "load a table from the book's data with one line of Python;": "een tabel uit de gegevens van het boek laden met één regel Python;",
    "read a **line chart**.": "een **lijngrafiek** lezen.",
    "A caveat: these are only the people the UN counts.": "Let op: dit zijn alleen de mensen die de VN telt.",
}


def test_each_block_is_translated_as_gettext_cut_it():
    dutch = translated_markdown(MARKDOWN, TABLE)
    assert dutch.splitlines() == [
        "## Voorkennis",
        "| Begrip | Importance |",
        "| --- | --- |",
        "| Running a cell | Nodig |",
        "",
        "You will learn to:",
        "",
        "1. een tabel uit de gegevens van het boek laden met één regel Python;",
        "2. een **lijngrafiek** lezen.",
        "",
        "Let op: dit zijn alleen de mensen die de VN telt.",
    ]


def test_a_cell_text_found_twice_in_a_row_is_replaced_once_each():
    assert (
        translated_markdown("| Yes | Yes |\n| --- | --- |", {"Yes": "Ja, Yes"})
        == "| Ja, Yes | Ja, Yes |\n| --- | --- |"
    )


def test_the_notebook_sets_the_language_before_its_first_code(tmp_path):
    notebook = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["## Prerequisites"]},
            {
                "cell_type": "code",
                "metadata": {},
                "source": "import missions",
                "outputs": [{"output_type": "stream", "name": "stdout", "text": "an English run\n"}],
                "execution_count": 1,
            },
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    dutch = edition_notebook(notebook, TABLE, "nl")
    assert [cell["cell_type"] for cell in dutch["cells"]] == ["markdown", "code", "code"]
    assert dutch["cells"][0]["source"] == "## Voorkennis"
    assert "%env MISSIONS_LANG=nl" in dutch["cells"][1]["source"]
    # The build's stored outputs are an English run: the download leaves them out.
    assert all(cell["outputs"] == [] and cell["execution_count"] is None for cell in dutch["cells"][1:])
    assert notebook["cells"][0]["source"] == ["## Prerequisites"]  # the English notebook is untouched
    executed = tmp_path / "executed.ipynb"
    executed.write_text(json.dumps(notebook))
    page = paths.root() / "notebooks" / "not-a-notebook-of-the-book.ipynb"
    written = write_edition_notebook(executed, page, tmp_path / "nl.ipynb", "nl")
    assert json.loads(written.read_text())["cells"][0]["source"] == "## Prerequisites"  # no catalog: English


def test_the_download_holds_the_notebooks_code_in_dutch(tmp_path):
    from missions.translation import messages
    from missions_book.notebook_code import code_catalog_path

    page = paths.root() / "notebooks" / "01-un-peacekeepers.ipynb"
    written = json.loads(write_edition_notebook(page, page, tmp_path / "nl.ipynb", "nl").read_text())
    code = "\n".join("".join(cell["source"]) for cell in written["cells"] if cell["cell_type"] == "code")
    changed = {english: dutch for english, dutch in messages(code_catalog_path(page, "nl")).items() if english != dutch}
    assert len(changed) > 10, "the code catalog of notebook 01 translates almost nothing"
    assert [english for english in changed if english in code] == [], "English comments or sentences left"
    assert all(dutch in code for dutch in changed.values())
