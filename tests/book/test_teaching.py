"""The classroom kit: lesson plans (schema, timing, material that exists) and printable quiz handouts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from missions.paths import lesson_plan_dir
from missions.quiz import display_order
from missions_book.handouts import handout_html
from missions_book.lessons import LessonPlanError, load_plan, plan_names
from missions_book.toc import GUIDE_PART, book_pages

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "quizzes"
# The chapters a teacher teaches: every page of these parts of _toc.yml needs a lesson plan.
TAUGHT_PARTS = {"Why and how the Netherlands goes on mission", "The missions", "A longer view"}


def test_every_taught_chapter_has_a_plan_and_a_guide_page():
    pages = book_pages()
    chapters = [doc for doc, part in pages if part in TAUGHT_PARTS]
    guide = {doc for doc, part in pages if part == GUIDE_PART}
    assert len(chapters) >= 8
    for chapter in chapters:
        name = Path(chapter).name
        assert name in plan_names(), f"no lesson plan book/lesson-plans/{name}.yml for {chapter}"
        assert f"book/teachers/{name}" in guide, f"book/teachers/{name}.md is not in the teacher guide part of _toc.yml"
        page = (ROOT / f"book/teachers/{name}.md").read_text(encoding="utf-8")
        assert f"{{lesson-plan}} {name}" in page


@pytest.mark.parametrize("name", plan_names())
def test_plan_is_valid_and_complete(name):
    plan = load_plan(name)
    assert [lesson["minutes"] for lesson in plan["lessons"]] == [45, 90]
    for lesson in plan["lessons"]:
        assert sum(step["minutes"] for step in lesson["steps"]) == lesson["minutes"]
    assert Path(plan["chapter"]).stem in plan["materials"]["quizzes"] or name == "review"
    assert all(len(item["good_answer"]) >= 2 for item in plan["discussion"])


def test_every_notebook_is_used_by_a_plan():
    used = {notebook for name in plan_names() for notebook in load_plan(name)["materials"].get("notebooks", [])}
    notebooks = {path.stem for path in (ROOT / "notebooks").glob("*.ipynb")}
    assert notebooks - used == set(), "notebooks no lesson plan uses"


def _broken(tmp_path: Path, change) -> Path:
    """A copy of the Iraq plan with one change applied, in a folder of its own."""
    data = yaml.safe_load((lesson_plan_dir() / "iraq.yml").read_text(encoding="utf-8"))
    change(data)
    (tmp_path / "iraq.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


def _set(path: str, value):
    def change(data):
        *parents, last = path.split(".")
        target = data
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        target[int(last) if last.isdigit() else last] = value

    return change


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            _set("lessons.0.steps.0.minutes", 99),
            r"iraq\.yml, field 'lessons\.0\.steps': the steps take \d+ minutes, the lesson 45",
        ),
        (
            _set("materials.notebooks", ["99-nothing"]),
            r"field 'materials\.notebooks\.0': no notebook notebooks/99-nothing\.ipynb",
        ),
        (
            _set("materials.quizzes", ["no-such-quiz"]),
            r"field 'materials\.quizzes\.0': no quiz book/quizzes/no-such-quiz\.yml",
        ),
        (_set("materials.data", ["budgets"]), r"field 'materials\.data\.0': no table 'budgets'"),
        (
            _set("lessons.0.steps.0.uses", "chapter:iraq#no-such-heading"),
            r"'#no-such-heading' is not a heading of book/iraq\.md",
        ),
        (
            _set("lessons.0.steps.0.uses", "quiz:sahel"),
            r"field 'lessons\.0\.steps\.0\.uses': quiz 'sahel' is not listed",
        ),
        (_set("lessons.1.minutes", 45), r"field 'lessons'"),
        (_set("chapter", "book/sahel.md"), r"iraq\.yml, field 'chapter': the file must be named after its chapter"),
        (_set("chapter", "book/nowhere.md"), r"field 'chapter'"),
        (
            _set("assessment.0.levels.0.points", 3),
            r"iraq\.yml, field 'assessment\.0\.levels': the top level gives 3 points, the scheme 2",
        ),
        (
            _set("assessment.3.levels.3.points", 1),
            r"field 'assessment\.3\.levels': points must fall from 8 to 0, are \[8, 5, 2, 1\]",
        ),
        (_set("assessment.3.levels.2.points", 5), r"field 'assessment\.3\.levels': points must fall from 8 to 0"),
        (
            _set("assessment.1.lesson", 45),
            r"field 'assessment': needs one exit ticket per lesson \(45 and 90\), has \[45, 45\]",
        ),
        (_set("assessment.3.objectives", [2, 7]), r"field 'assessment\.3\.objectives': no objective 7: iraq\.md has 4"),
        (lambda data: data["assessment"][3].pop("scheme"), r"field 'assessment\.3': 'scheme' is a required property"),
        (lambda data: data["assessment"][3]["levels"].pop(), r"field 'assessment\.3\.levels': points must fall"),
        (_set("discussion.0.good_answer", ["only one point"]), r"field 'discussion\.0\.good_answer'"),
    ],
)
def test_bad_plan_is_named(tmp_path, change, expected):
    folder = _broken(tmp_path, change)
    with pytest.raises(LessonPlanError, match=expected):
        load_plan("iraq", folder)


def test_broken_yaml_and_missing_plan_are_named(tmp_path):
    (tmp_path / "iraq.yml").write_text("chapter: [unclosed\n", encoding="utf-8")
    with pytest.raises(LessonPlanError, match=r"iraq\.yml: not valid YAML"):
        load_plan("iraq", tmp_path)
    with pytest.raises(LessonPlanError, match="no such lesson plan"):
        load_plan("nothing", tmp_path)


# --- printable quiz handouts --------------------------------------------------------------


def _text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_answer_sheet_has_every_question_and_no_answer():
    quiz = yaml.safe_load((FIXTURES / "good.yml").read_text(encoding="utf-8"))
    sheet = _text(handout_html("good", with_answers=False, quiz_dir=FIXTURES))
    for question in quiz["questions"]:
        assert question["text"] in sheet
        for secret in [question.get("explanation", "")] + [o["feedback"] for o in question.get("options", [])]:
            assert not secret or secret not in sheet
    assert "\u2611" not in handout_html("good", with_answers=False, quiz_dir=FIXTURES)
    assert "Name:" in sheet and "Answer:" in sheet


def test_answer_key_gives_each_right_answer():
    quiz = yaml.safe_load((FIXTURES / "good.yml").read_text(encoding="utf-8"))
    key = handout_html("good", with_answers=True, quiz_dir=FIXTURES, chapter_title="How to use this book")
    text = _text(key)
    by_id = {q["id"]: q for q in quiz["questions"]}
    shown = [by_id["parts"]["options"][i] for i in display_order(by_id["parts"])]  # letters as the sheet prints them
    right = [chr(65 + n) for n, o in enumerate(shown) if o.get("correct")]
    assert f"Answer: {right[0]} and {right[1]}" in text
    assert by_id["keyboard"]["explanation"] in text
    low, high = (
        by_id["number"]["answer"] - by_id["number"]["tolerance"],
        by_id["number"]["answer"] + by_id["number"]["tolerance"],
    )
    assert f"accept {low:,.0f} to {high:,.0f}" in text
    assert key.count("\u2611") + key.count("&#9745;") == sum(
        1
        for q in quiz["questions"]
        if q["kind"] in ("single", "multiple", "true_false")
        for o in (q.get("options") or [{"correct": True}])
        if o.get("correct")
    )
    assert "How to use this book" in text


def test_handout_of_a_broken_quiz_names_it(tmp_path):
    shutil.copy(FIXTURES / "good.yml", tmp_path / "bad.yml")
    text = (tmp_path / "bad.yml").read_text(encoding="utf-8").replace("correct: true", "correct: false")
    (tmp_path / "bad.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.yml, question 1 \('offline'\): no option is marked correct"):
        handout_html("bad", with_answers=True, quiz_dir=tmp_path)


def test_citation_names_the_repository_of_the_book():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert citation["repository-code"] == config["repository"]["url"], (
        "CITATION.cff repository-code differs from repository.url in _config.yml"
    )
    assert citation["preferred-citation"]["type"] == "book"


def test_pdf_without_chromium_says_how_to_install(monkeypatch, tmp_path):
    from missions_book import pdf

    monkeypatch.setattr(pdf, "find_chromium", lambda: None)
    with pytest.raises(SystemExit, match="apt-get install chromium"):
        pdf.make_pdfs(tmp_path)
