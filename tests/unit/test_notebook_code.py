"""The notebooks' code in the Dutch edition: which parts are messages, how they are put back, and what
the catalog check refuses (a lost {field}, a translation that ends a string, a translated name
the code compares)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from missions import paths
from missions.data import load_table
from missions.translation import messages
from missions_book import catalogs
from missions_book.notebook_code import (
    code_catalog_path,
    code_messages,
    code_problems,
    fields,
    translated_code,
    translated_notebook_text,
)

CELL = """ms = missions.load_missions()  # the table of missions
nato = ms[ms["organisation"] == "NATO"]
print(f"{len(nato)} contributions were to NATO-led missions.")
ax.set_title("Dutch contributions per region")
# ax.set_xlabel("Year")
raw = b"bytes are not text"
"""
DUTCH = {
    "the table of missions": "de tabel met missies",
    "{len(nato)} contributions were to NATO-led missions.": "{len(nato)} bijdragen waren aan missies onder leiding van de NAVO.",
    "Dutch contributions per region": "Nederlandse bijdragen per regio",
    'ax.set_xlabel("Year")': 'ax.set_xlabel("Jaar")',
}


def test_comments_and_sentences_are_messages_and_names_are_not():
    assert code_messages(CELL) == list(DUTCH)


def test_a_translation_changes_only_its_own_text():
    dutch = translated_code(CELL, DUTCH)
    assert dutch.splitlines() == [
        "ms = missions.load_missions()  # de tabel met missies",
        'nato = ms[ms["organisation"] == "NATO"]',
        'print(f"{len(nato)} bijdragen waren aan missies onder leiding van de NAVO.")',
        'ax.set_title("Nederlandse bijdragen per regio")',
        '# ax.set_xlabel("Jaar")',
        'raw = b"bytes are not text"',
    ]
    assert translated_code(CELL, {}) == CELL


def test_two_messages_on_one_line_and_strings_over_lines():
    cell = 'print(\n    f"{a} of {b} "\n    f"in {year}"  # two parts\n)\nlabel = "At least " if x else "Exactly "'
    table = {"{a} of {b} ": "{a} van {b} ", "two parts": "twee delen", "At least ": "Minstens ", "Exactly ": "Precies "}
    assert translated_code(cell, table) == (
        'print(\n    f"{a} van {b} "\n    f"in {year}"  # twee delen\n)\nlabel = "Minstens " if x else "Precies "'
    )


def test_a_cell_that_is_not_python_has_no_messages():
    assert code_messages("%env MISSIONS_LANG=nl\n!ls 'a b'") == []
    assert code_messages('print("unclosed') == []


def test_fields_are_the_values_a_sentence_shows():
    assert fields("{{literal}} {a:,} and {', '.join(x[{'k': 1}['k']])}") == {
        "{a:,}": 1,
        "{', '.join(x[{'k': 1}['k']])}": 1,
    }


@pytest.fixture
def notebook(tmp_path):
    path = tmp_path / "nb.ipynb"
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": CELL}]
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    return path


def test_a_good_translation_has_no_problems(notebook):
    assert code_problems(notebook, DUTCH) == []


def test_a_lost_or_added_field_is_a_problem(notebook):
    table = {"{len(nato)} contributions were to NATO-led missions.": "{len(ms)} bijdragen aan de NAVO."}
    (problem,) = code_problems(notebook, table)
    assert "the {fields} differ: lost ['{len(nato)}'], added ['{len(ms)}']" in problem


def test_a_quotation_mark_that_ends_the_string_is_a_problem(notebook):
    table = {"Dutch contributions per region": 'Nederlandse "bijdragen" per regio'}
    (problem,) = code_problems(notebook, table)
    assert problem.startswith("cell 1 of nb.ipynb is no longer Python once translated: line 4")


def test_a_translation_that_adds_code_is_a_problem(notebook):
    # Both still parse, but the first ends its comment and adds a statement, the second joins strings.
    for table in (
        {"the table of missions": "de tabel\nms = None"},
        {"Dutch contributions per region": 'Nederlandse" + "bijdragen'},
    ):
        (problem,) = code_problems(notebook, table)
        assert problem == "cell 1 of nb.ipynb: a translation changes its code, not only its text"


def test_a_line_separator_inside_a_string_keeps_the_places_right():
    cell = 'a = "one\u2028two"  # the first one\nprint("second one")\n'
    dutch = translated_code(cell, {"the first one": "de eerste", "second one": "de tweede"})
    assert dutch == 'a = "one\u2028two"  # de eerste\nprint("de tweede")\n'


def test_the_same_message_twice_in_a_cell_is_translated_twice():
    cell = 'print("per year here")\nprint("per year here")\n'
    assert translated_code(cell, {"per year here": "per jaar"}) == 'print("per jaar")\nprint("per jaar")\n'


@pytest.fixture
def code_catalog(tmp_path, monkeypatch):
    """write(notebook, entries): a code catalog of one notebook in a folder of catalogs of its own."""
    monkeypatch.setattr(catalogs, "locale_dir", lambda lang="nl": tmp_path)
    monkeypatch.setattr(catalogs, "glossary_terms", lambda lang="nl": frozenset())  # not the real glossary's cache
    (tmp_path / "notebooks").mkdir()
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'

    def write(notebook: str, entries: str) -> Path:
        po = tmp_path / "notebooks" / f"{notebook}.code.po"
        po.write_text(header + entries, encoding="utf-8")
        return po

    return write


def test_the_catalog_check_names_the_file_and_the_broken_cell(code_catalog):
    po = code_catalog("01-un-peacekeepers", 'msgid "Personnel (people)"\nmsgstr "Personeel (mensen)"\n')
    assert catalogs.check(po) == []
    # In the catalog \" is a quotation mark, which in the code would end the string.
    po = code_catalog("01-un-peacekeepers", 'msgid "Personnel (people)"\nmsgstr "Personeel \\"mensen\\""\n')
    (problem,) = catalogs.check(po)
    assert problem.startswith(f"{po}: cell ") and "of 01-un-peacekeepers.ipynb is no longer Python" in problem


def test_english_reads_the_notebook_as_it_is():
    page = paths.root() / "notebooks" / "01-un-peacekeepers.ipynb"
    text = page.read_text(encoding="utf-8")
    assert translated_notebook_text(text, page, "en") is text


@pytest.mark.parametrize("english", ["renamed|moved to", "ISAF final evaluation"], ids=["series-breaks", "isaf-share"])
def test_notebook_08_finds_the_same_notes_in_dutch(english):
    """Notebook 08 searches the spending notes; its Dutch code must find the same rows in the Dutch notes."""
    dutch = messages(code_catalog_path(paths.root() / "notebooks" / "08-money.ipynb", "nl"))[english]
    found_en = load_table("spending", lang="en")["note"].str.contains(english, case=False, na=False)
    found_nl = load_table("spending", lang="nl")["note"].str.contains(dutch, case=False, na=False)
    assert found_en.any()
    assert found_nl[found_nl].index.tolist() == found_en[found_en].index.tolist()


def test_a_name_the_code_compares_must_keep_its_english(code_catalog):
    """Notebook 05 selects the rows whose region is "Middle East": in Dutch the code would find none."""
    po = code_catalog("05-where-in-the-world", 'msgid "Middle East"\nmsgstr "Middle East"\n')
    assert catalogs.check(po) == []
    po = code_catalog("05-where-in-the-world", 'msgid "Middle East"\nmsgstr "Midden-Oosten"\n')
    problem = catalogs.check(po)[0]  # (the cells whose code it changes follow)
    assert problem.startswith(f"{po}: msgid 'Middle East' is a name in ") and "that the code compares" in problem
