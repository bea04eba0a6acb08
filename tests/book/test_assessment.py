"""Quizzes measure understanding (issue 13): skills per chapter quiz, every objective assessed, what a
question shows to work from, the review drawn from the whole bank, and the parallel version B."""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest
import yaml

import missions_book.assessment as assessment
from missions.quiz import QuizError, draw_counts, load_quiz
from missions_book.assessment import assessed_by, is_chapter_quiz, pages_with_objectives, rule_problems
from missions_book.handouts import VERSIONS, _options, handout_html, has_versions, question_order, quiz_names
from tests.book.test_teaching import FIXTURES, ROOT


@pytest.mark.parametrize("page", pages_with_objectives())
def test_every_objective_of_every_chapter_and_notebook_is_assessed(page):
    missing = [number for number, what in assessed_by(page).items() if not what]
    assert not missing, f"{page}: no quiz question or lesson-plan task assesses objective(s) {missing}"


def test_an_objective_nothing_assesses_is_found(monkeypatch):
    """The map sees a gap: with every Iraq question moved to objective 1 and the plan's tasks gone,
    objectives 2-4 of book/iraq.md are assessed by nothing."""
    real_quiz, real_plan = assessment.load_quiz, assessment.load_plan

    def one_objective(name):
        data = real_quiz(name)
        return {**data, "questions": [{**q, "objectives": [1]} for q in data.get("questions", [])]}

    monkeypatch.setattr(assessment, "load_quiz", one_objective)
    monkeypatch.setattr(assessment, "load_plan", lambda name: {**real_plan(name), "assessment": []})
    found = assessed_by("book/iraq.md")
    assert [n for n, what in found.items() if not what] == [2, 3, 4]


@pytest.mark.parametrize("name", [n for n in quiz_names() if is_chapter_quiz(load_quiz(n))])
def test_chapter_quiz_asks_for_understanding(name):
    assert rule_problems(name, load_quiz(name)) == []


def test_a_recall_quiz_breaks_the_rules_by_name():
    data = {"chapter": "book/iraq.md", "questions": [{"skill": "recall-number"}] * 2 + [{"skill": "apply"}]}
    problems = rule_problems("iraq", data)
    assert problems == [
        "iraq.yml: 1 'apply' questions, needs at least 2",
        "iraq.yml: 0 'source' questions, needs at least 2",
        "iraq.yml: 2 'recall-number' questions, at most 1 allowed",
    ]


def _write(tmp_path, change) -> None:
    data = yaml.safe_load((FIXTURES / "good.yml").read_text(encoding="utf-8"))
    change(data["questions"][0])
    (tmp_path / "bad.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


QUOTE = {"quote": "Nothing is sent anywhere.", "source": ["rijksoverheid-missies-2019"]}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda q: q.update(skill="source"), r"question 1 \('offline'\): 'stimulus' is a required property"),
        (lambda q: q.pop("skill"), r"question 1 \('offline'\): 'skill' is a required property"),
        (lambda q: q.update(objectives=[]), r"question 1 \('offline'\), field 'objectives'"),
        (
            lambda q: q.update(stimulus={**QUOTE, "source": ["no-such-source"]}),
            r"question 1 \('offline'\), field 'stimulus\.source': no source 'no-such-source' in data/sources\.csv",
        ),
        (
            lambda q: q.update(stimulus={"columns": ["a", "b"], "rows": [["1"]], "source": QUOTE["source"]}),
            r"question 1 \('offline'\), field 'stimulus\.rows\.0': 1 cells for 2 columns",
        ),
        (
            lambda q: q.update(
                stimulus={"columns": ["a", "b"], "rows": [["x", {"fact": "no.such"}]], "source": QUOTE["source"]}
            ),
            r"question 1 \('offline'\), field 'stimulus\.rows\.0\.1': unknown fact 'no\.such'",
        ),
        (lambda q: q.update(stimulus={**QUOTE, "columns": ["a", "b"]}), r"question 1 \('offline'\), field 'stimulus'"),
    ],
)
def test_bad_question_tags_and_stimulus_are_named(tmp_path, change, expected):
    _write(tmp_path, change)
    with pytest.raises(QuizError, match=r"bad\.yml, " + expected):
        load_quiz("bad", tmp_path)


def test_what_a_question_shows_is_on_the_page_the_sheet_and_in_the_widget(tmp_path):
    from missions.quiz import quiz
    from missions_book.quiz_html import quiz_html

    _write(tmp_path, lambda q: q.update(skill="source", stimulus={**QUOTE, "lang": "nl", "gloss": "In English."}))
    shown = quiz("bad", tmp_path)
    widget = shown.widget().children[1].children[0].value
    for text in (quiz_html(shown), handout_html("bad", False, tmp_path), widget):
        assert '<blockquote lang="nl"><p>Nothing is sent anywhere.</p></blockquote>' in text
        assert "In English: In English." in text and "Rijksoverheid" in text


def test_numeric_questions_are_not_tagged_as_reasoning_they_are_not():
    for name in quiz_names():
        for question in load_quiz(name)["questions"]:
            if question["kind"] == "numeric":
                assert question["skill"] in ("recall-number", "compute", "source"), f"{name}: {question['id']}"


def test_draw_shares_the_total_in_proportion():
    assert draw_counts({"a": 10, "b": 10, "c": 20}, 8) == {"a": 2, "b": 2, "c": 4}
    assert draw_counts({"a": 9, "b": 8, "c": 7}, 6) == {"a": 2, "b": 2, "c": 2}
    counts = draw_counts({"a": 1, "b": 1, "c": 1}, 2)
    assert counts == {"a": 1, "b": 1, "c": 0}, "ties go to the quiz listed first"


def test_review_quiz_is_drawn_from_the_whole_bank_in_proportion():
    spec = yaml.safe_load((ROOT / "book" / "quizzes" / "review.yml").read_text(encoding="utf-8"))["draw"]
    bank = {name for name in quiz_names() if "draw" not in load_quiz(name)}
    assert set(spec["from"]) == bank, "the review must draw from every other quiz"
    review = load_quiz("review")["questions"]
    sizes = {name: len(load_quiz(name)["questions"]) for name in spec["from"]}
    drawn = Counter(next(n for n in spec["from"] if q["id"].startswith(n + "-")) for q in review)
    total = spec["total"]
    for name, size in sizes.items():
        share = total * size / sum(sizes.values())
        assert abs(drawn[name] - share) < 1, f"{name}: {drawn[name]} questions drawn, its share is {share:.2f}"
    assert len(review) == total and len({q["id"] for q in review}) == total
    for question in review:
        home = next(n for n in spec["from"] if question["id"].startswith(n + "-"))
        assert question["chapter"] == load_quiz(home)["chapter"]


def test_a_draw_larger_than_the_bank_or_from_a_drawn_quiz_is_named(tmp_path):
    (tmp_path / "good.yml").write_text((FIXTURES / "good.yml").read_text(encoding="utf-8"), encoding="utf-8")
    base = {"title": "R", "chapter": "book/review.md"}
    cases = {
        "big": ({"total": 11, "from": ["good", "other"]}, r"field 'draw\.total': 11 questions asked, the bank has 10"),
        "twice": ({"total": 2, "from": ["good", "good"]}, r"field 'draw\.from': a quiz is listed twice"),
        "nested": ({"total": 2, "from": ["good", "big"]}, r"field 'draw\.from': 'big' is itself drawn"),
    }
    (tmp_path / "other.yml").write_text((FIXTURES / "good.yml").read_text(encoding="utf-8"), encoding="utf-8")
    for name, (draw, _) in cases.items():
        (tmp_path / f"{name}.yml").write_text(yaml.safe_dump({**base, "draw": draw}), encoding="utf-8")
    for name, (_, expected) in cases.items():
        with pytest.raises(QuizError, match=rf"{name}\.yml, " + expected):
            load_quiz(name, tmp_path)


@pytest.mark.parametrize("name", [n for n in quiz_names() if has_versions(load_quiz(n))])
def test_parallel_version_b_has_the_same_questions_in_another_order(name):
    questions = load_quiz(name)["questions"]
    a, b = (question_order(questions, name, version) for version in VERSIONS)
    assert [q["id"] for q in a] == [q["id"] for q in questions]
    assert sorted(q["id"] for q in b) == sorted(q["id"] for q in a) and b != a
    for question in questions:
        if question["kind"] in ("single", "multiple"):
            texts = {version: [o["text"] for o in _options(question, version)] for version in VERSIONS}
            assert texts["A"] != texts["B"], f"{name}: {question['id']} has its options in the same order in A and B"


def test_version_b_key_matches_its_sheet():
    """The first answer of the B key is that of the first question B shows, in B's letters."""
    questions = load_quiz("iraq")["questions"]
    first = question_order(questions, "iraq", "B")[0]
    sheet, key = handout_html("iraq", False, version="B"), handout_html("iraq", True, version="B")
    assert sheet.index(html.escape(first["text"])) < sheet.index(
        html.escape(question_order(questions, "iraq", "B")[1]["text"])
    )
    if first["kind"] in ("single", "multiple"):
        letters = [chr(65 + i) for i, o in enumerate(_options(first, "B")) if o.get("correct")]
        answer = re.search(r"<strong>Answer:</strong> ([^<]+)</p>", key).group(1)
        assert answer.replace(" and ", ", ").split(", ") == letters
    assert "version B" in sheet and "version B" in key


def test_chapter_key_prints_the_marking_schemes():
    from missions_book.lessons import load_plan

    key = handout_html("iraq", True)
    assert "Written tasks: marking schemes" in key
    tasks = [task for task in load_plan("iraq")["assessment"] if "levels" in task]
    assert len(tasks) >= 3
    for task in tasks:
        assert html.escape(task["task"]) in key
        for level in task["levels"]:
            assert html.escape(level["example"]) in key
