"""The chapters: each has the parts of a lesson, and numbers that live in data/ come from data/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from missions.facts import all_facts

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = {
    "introduction": False,
    "integrated-approach": False,
    "iraq": True,
    "sahel": True,
    "afghanistan": True,
    "lithuania": True,
    "civilian-mission-pool": True,
    "longer-view": False,
}
ROLE = re.compile(r"\{(?:fact|cite|term|doc|ref|download)\}`[^`]*`")
CODE = re.compile(r"^```.*?^```", re.S | re.M)
FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def chapter_text(name: str) -> str:
    path = ROOT / "book" / f"{name}.md"
    assert path.exists(), f"book/{name}.md is missing"
    return path.read_text(encoding="utf-8")


def prose(text: str) -> str:
    return ROLE.sub(" ", CODE.sub(" ", FRONT.sub("", text)))


def test_every_chapter_is_in_the_table_of_contents():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for name in CHAPTERS:
        assert f"file: book/{name}" in toc, f"book/{name}.md is not in _toc.yml"


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_has_the_parts_of_a_lesson(name):
    text = chapter_text(name)
    assert "{admonition} Learning objectives" in text, f"{name}: no learning objectives"
    assert re.search(r"^## Discussion questions", text, re.M), f"{name}: no discussion questions"
    assert re.search(r"^## Quiz", text, re.M), f"{name}: no place for the quiz"
    assert re.search(r"^## Sources\s+```\{sources-list\}", text, re.M), f"{name}: no generated sources section"
    assert "{cite}`" in text, f"{name}: cites no source"
    assert "{term}`" in text, f"{name}: links no glossary term"
    words = len(re.findall(r"[A-Za-z][\w'-]*", prose(text)))
    assert words >= 1400, f"{name}: only {words} words of prose"


@pytest.mark.parametrize("name", [n for n, mission in CHAPTERS.items() if mission])
def test_mission_chapter_has_box_and_figure_from_data(name):
    text = chapter_text(name)
    assert "The government page said" in text, f"{name}: no 'government page said / what happened since' box"
    cells = re.findall(r"```\{code-cell\}.*?```", text, re.S)
    assert any("missions." in cell and "remove-input" in cell for cell in cells), f"{name}: no figure from data/"


@pytest.mark.parametrize("name", CHAPTERS)
def test_no_undated_now(name):
    for lineno, line in enumerate(chapter_text(name).splitlines(), 1):
        assert not re.search(r"\b(currently|nowadays|at present)\b", line, re.I), f"book/{name}.md:{lineno}: give a date"


def _data_numbers() -> set[str]:
    """Numbers of 100 or more that data/ holds (years excluded), written as prose would write them."""
    numbers = set()
    for value in all_facts().values():
        if isinstance(value, (int,)) or (hasattr(value, "__int__") and not isinstance(value, (str, float))):
            try:
                number = int(value)
            except (TypeError, ValueError):
                continue
            if number >= 100 and not 1900 <= number <= 2100:
                numbers |= {str(number), f"{number:,}"}
    return numbers


@pytest.mark.parametrize("name", CHAPTERS)
def test_numbers_from_data_are_not_typed_by_hand(name):
    """A number that data/ holds must be inserted with {fact}, so text and data cannot drift apart."""
    numbers = _data_numbers()
    typed = [n for n in re.findall(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d{3,}(?![\w,])", prose(chapter_text(name)))
             if n in numbers]
    assert typed == [], f"book/{name}.md types numbers that data/ holds; use {{fact}}: {sorted(set(typed))}"
