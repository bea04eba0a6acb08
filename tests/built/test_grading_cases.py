"""The browser grader (book/_static/quiz.js) against the one table of answer cases; the Python grader
meets the same table in tests/unit/test_grading_cases.py."""

from __future__ import annotations

import shutil

import pytest

from missions.quiz import quiz
from missions_book.quiz_html import quiz_html
from tests.grading_cases import QUIZ, QUIZ_DIR, case_id, cases

from .conftest import ROOT

STATUS = {"\u2713": "right", "\u2717": "wrong"}


@pytest.fixture(scope="module")
def quiz_pages(tmp_path_factory, monkeypatch_module):
    """The fixture quiz as the static book renders it, once per language, beside a copy of quiz.js."""
    folder = tmp_path_factory.mktemp("grading")
    shutil.copy(ROOT / "book" / "_static" / "quiz.js", folder / "quiz.js")
    pages = {}
    for lang in ("en", "nl"):
        monkeypatch_module.setenv("MISSIONS_LANG", lang)
        body = quiz_html(quiz(QUIZ, QUIZ_DIR))
        page = folder / f"{lang}.html"
        page.write_text(
            f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>cases</title>'
            f'<script src="quiz.js"></script></head><body>{body}</body></html>',
            encoding="utf-8",
        )
        pages[lang] = page.as_uri()
    return pages


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.fixture(scope="module")
def tab(browser):
    page = browser.new_page()
    yield page
    page.close()


def _answer(question, kind: str, answer) -> None:
    """Do what the case says, as a student would: click labels, type, pick places."""
    if kind in ("single", "multiple", "true_false"):
        texts = [] if answer is None else answer if kind == "multiple" else [answer]
        names = {
            True: question.locator("label").nth(0).inner_text(),
            False: question.locator("label").nth(1).inner_text(),
        }
        for text in texts:
            label = names[text] if kind == "true_false" else text
            question.get_by_label(label, exact=True).check()
    elif kind == "numeric":
        question.locator("input").fill(answer)
    else:
        for place, text in enumerate(answer, 1):
            question.get_by_label(text, exact=True).select_option(str(place))


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_browser_grader_gives_the_verdict_and_feedback_of_the_table(case, quiz_pages, tab):
    tab.goto(quiz_pages[case.get("lang", "en")])
    questions = {q["id"]: (n, q["kind"]) for n, q in enumerate(quiz(QUIZ, QUIZ_DIR).questions)}
    n, kind = questions[case["question"]]
    question = tab.locator(".quiz-question").nth(n)
    _answer(question, kind, case["answer"])
    question.locator(".quiz-check").click()
    status = question.locator(".quiz-feedback strong").inner_text()
    lines = question.locator(".quiz-feedback li").all_inner_texts()
    verdict = STATUS.get(status[:1], "unanswered")
    shown = lines if verdict != "unanswered" else [status]
    assert (verdict, shown) == (case["verdict"], case["feedback"])
    assert (question.get_attribute("data-result") is None) == (verdict == "unanswered")
