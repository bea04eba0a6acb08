"""The chapters: each has the parts of a lesson, and numbers that live in data/ come from data/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

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


ATTRIBUTED = re.compile(r"\d[\d,]*\s+\{cite\}")  # "23 {cite}`nos-...`": one source's own figure, set beside others
QUOTED = re.compile(r'"[^"\n]*"')  # words in quotation marks are the source's, verbatim


MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DAY_OF_MONTH = re.compile(rf"\b\d{{1,2}}\s+(?={MONTHS})|\b({MONTHS})\s+\d{{1,2}}\b")
NOT_FROM_DATA = re.compile(r"^%\s*not-from-data:\s*(.+)$", re.M)  # a MyST comment naming a coincidence


def prose(text: str) -> str:
    text = ATTRIBUTED.sub("{cite}", CODE.sub(" ", FRONT.sub("", text)))
    return DAY_OF_MONTH.sub(lambda m: m.group(1) or " ", ROLE.sub(" ", QUOTED.sub(" ", text)))


def test_every_chapter_is_in_the_table_of_contents():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for name in CHAPTERS:
        assert f"file: book/{name}" in toc, f"book/{name}.md is not in _toc.yml"


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_has_the_parts_of_a_lesson(name):
    text = chapter_text(name)
    assert "{admonition} Learning objectives" in text, f"{name}: no learning objectives"
    assert re.search(r"^## Discussion questions", text, re.M), f"{name}: no discussion questions"
    quiz = re.search(r"^## Quiz\n(.*?)^## ", text, re.M | re.S)
    assert quiz, f"{name}: no quiz section before the sources"
    assert f'missions.quiz("{name}")' in quiz.group(1), f"{name}: the quiz section does not show quiz('{name}')"
    assert (ROOT / "book" / "quizzes" / f"{name}.yml").exists(), f"book/quizzes/{name}.yml is missing"
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
        assert not re.search(r"\b(currently|nowadays|at present)\b", line, re.I), (
            f"book/{name}.md:{lineno}: give a date"
        )


def _mission_numbers() -> dict[str, tuple[re.Pattern, set[str]]]:
    """Per mission: a pattern for its name in prose, and its numbers of 10 or more in data/ as prose writes them."""
    from missions import load_missions

    facts = all_facts()
    result = {}
    for row in load_missions().itertuples(index=False):
        short = row.name.split(" (")[0]
        names = {re.escape(short), re.escape(row.id)} | ({re.escape(row.id.upper())} if len(row.id) > 3 else set())
        numbers = set()
        for key, value in facts.items():
            if key.startswith(f"{row.id}.") or key.startswith(f"personnel.{row.id}."):
                if (isinstance(value, (int, float)) and not isinstance(value, bool)) or hasattr(value, "__index__"):
                    try:
                        number = int(value)
                    except (TypeError, ValueError):
                        continue
                    if number >= 10 and not 1900 <= number <= 2100:
                        numbers |= {str(number), f"{number:,}"}
        result[row.id] = (re.compile(r"\b(" + "|".join(sorted(names, key=len, reverse=True)) + r")\b", re.I), numbers)
    return result


NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d{2,}(?![\w,])")


@pytest.mark.parametrize("name", CHAPTERS)
def test_numbers_from_data_are_not_typed_by_hand(name):
    """A number that data/ holds for a mission the paragraph names must come in with {fact}, so text and
    data cannot drift apart. (Numbers for other things, such as euros or other countries, are not flagged.)"""
    missions = _mission_numbers()
    typed = []
    for raw in re.split(r"\n\s*\n", chapter_text(name)):
        paragraph = prose(NOT_FROM_DATA.sub("", raw))
        named = [numbers for pattern, numbers in missions.values() if pattern.search(paragraph)]
        data_numbers = set().union(*named) if named else set()
        allowed = {n.strip() for line in NOT_FROM_DATA.findall(raw) for n in re.findall(r"[\d,]+", line.split("(")[0])}
        typed += [n for n in NUMBER.findall(paragraph) if n in data_numbers and n not in allowed]
    assert typed == [], f"book/{name}.md types numbers that data/ holds; use {{fact}}: {sorted(set(typed))}"


@pytest.mark.parametrize("notebook", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.stem)
def test_notebook_ends_with_its_quiz_and_is_in_the_toc(notebook):
    import json

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    last = "".join(cells[-1]["source"])
    assert cells[-1]["cell_type"] == "code" and "missions.quiz(" in last, f"{notebook.name} does not end with its quiz"
    name = re.search(r'missions\.quiz\("([^"]+)"\)', last).group(1)
    assert (ROOT / "book" / "quizzes" / f"{name}.yml").exists(), f"{notebook.name}: quiz file {name}.yml is missing"
    assert f"file: notebooks/{notebook.stem}" in (ROOT / "_toc.yml").read_text(), f"{notebook.name} is not in _toc.yml"


def test_every_quiz_is_valid_and_has_enough_questions():
    from missions.quiz import load_quiz

    for path in sorted((ROOT / "book" / "quizzes").glob("*.yml")):
        questions = load_quiz(path.stem)["questions"]
        minimum = 15 if path.stem == "review" else 6
        assert len(questions) >= minimum, f"{path.name} has {len(questions)} questions; needs {minimum}"


# Reading aids and the book's voice --------------------------------------------------------------

IN_BRIEF = re.compile(r"^:::\{admonition\} In brief\n(?::class:[^\n]*\n)?(.*?)^:::", re.M | re.S)
FURTHER_READING = re.compile(r"^## Further reading\n(.*?)(?=^## )", re.M | re.S)
MAKING_OF = re.compile(
    r"stored (?:source|cop|page|version)|sources? (?:used|found) (?:for|in) this|found for this|"
    r"(?:for|in) this book'?s? (?:research|sources)|the sources (?:used )?here do not|this book could not find",
    re.I,
)


def _words(text: str) -> int:
    return len(re.findall(r"[A-Za-z\u00C0-\u024F0-9][\w'’-]*", ROLE.sub(" x ", text)))


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_opens_with_in_brief_and_key_terms(name):
    text = FRONT.sub("", chapter_text(name))
    brief = IN_BRIEF.search(text)
    assert brief, f"book/{name}.md: no ':::{{admonition}} In brief' box"
    first_box = re.search(r"^:::\{admonition\} (.*)$", text, re.M).group(1)
    assert first_box == "In brief", f"book/{name}.md: the In brief box must come first, before '{first_box}'"
    body, _, terms = brief.group(1).partition("**Key terms:**")
    assert _words(body) <= 150, f"book/{name}.md: In brief has {_words(body)} words; at most 150"
    assert len(re.findall(r"\{term\}`", terms)) >= 3, (
        f"book/{name}.md: In brief needs '**Key terms:**' with 3+ {{term}}s"
    )


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_has_further_reading_that_exists(name):
    from missions import load_sources

    section = FURTHER_READING.search(chapter_text(name))
    assert section, f"book/{name}.md: no '## Further reading' section before the quiz"
    items = re.findall(r"^- (.+)$", section.group(1), re.M)
    assert 3 <= len(items) <= 6, f"book/{name}.md: Further reading has {len(items)} works; give 3 to 6"
    kinds = dict(load_sources()[["id", "kind"]].astype(str).itertuples(index=False))
    for item in items:
        ids = re.findall(r"\{cite\}`([^`]+)`", item)
        assert ids, f"book/{name}.md: further-reading entry without {{cite}} (so its URL is recorded): {item[:60]}"
        for source_id in ids[0].split(";"):
            assert kinds.get(source_id.strip()) in {"academic", "evaluation", "parliament", "government"}, (
                f"book/{name}.md: further reading '{source_id}' must be an academic work, report or evaluation"
            )


TEXT_FILES = sorted(
    [*(ROOT / "book").rglob("*.md"), *(ROOT / "book").rglob("*.yml"), *(ROOT / "notebooks").glob("*.ipynb")]
)


@pytest.mark.parametrize("page", TEXT_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_text_speaks_about_the_world_not_the_making_of_the_book(page):
    for lineno, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        found = MAKING_OF.search(line)
        assert not found, f"{page.relative_to(ROOT)}:{lineno}: '{found.group(0)}' speaks about how the book was made"


def _glossary_terms() -> set[str]:
    text = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8")
    block = re.search(r"^```\{glossary\}\n(.*?)^```", text, re.M | re.S).group(1)
    return {line.strip() for line in block.splitlines() if line.strip() and not line.startswith((" ", "\t", ":"))}


@pytest.mark.parametrize("page", [p for p in TEXT_FILES if p.suffix == ".md"], ids=lambda p: str(p.relative_to(ROOT)))
def test_every_cited_source_and_linked_term_exists(page):
    """The build fails on these too; this says it in a second, without a build."""
    from missions import load_sources

    known = set(load_sources()["id"].astype(str))
    terms = {t.lower() for t in _glossary_terms()}
    text = page.read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), 1):
        for ids in re.findall(r"\{cite\}`([^`]*)`", line):
            unknown = [i.strip() for i in ids.split(";") if i.strip() not in known]
            assert not unknown, f"{page.relative_to(ROOT)}:{lineno}: unknown source id(s) {unknown}"
        for term in re.findall(r"\{term\}`([^`]*)`", line):
            target = re.sub(r"^.*<([^>]*)>$", r"\1", term).strip().lower()
            assert target in terms, f"{page.relative_to(ROOT)}:{lineno}: '{target}' is not in book/glossary.md"
