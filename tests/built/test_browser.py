"""The built book as a reader meets it: every page in Chromium, offline, accessible, by keyboard.

Every page is loaded once (the page_visit fixture): the offline check and the accessibility check
are two tests of that one visit. The keyboard tests open the one page they need; which page that
is, the built HTML tells (quizzes and chart pickers are written into it by the build).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from html.parser import HTMLParser

from .conftest import HTML_DIR, PAGES

SERIOUS = {"serious", "critical"}


def test_page_loads_offline_without_errors(page_visit):
    visit, page_path = page_visit, page_visit.page_path
    assert visit.ok, f"{page_path}.html answered {visit.status}"
    assert visit.external_requests == [], f"{page_path}: requests to other hosts: {visit.external_requests}"
    assert visit.failed_requests == [], f"{page_path}: local requests that failed: {visit.failed_requests}"
    assert visit.console_errors == [], f"{page_path}: console errors: {visit.console_errors}"
    assert visit.page.locator("h1").count() >= 1, f"{page_path}: no heading"


def test_page_has_no_serious_accessibility_violations(page_visit):
    visit, page_path = page_visit, page_visit.page_path
    assert visit.ok, f"{page_path}.html answered {visit.status}: no page to check"
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in visit.axe_violations()
        if v["impact"] in SERIOUS
    ]
    assert serious == [], f"{page_path}: " + "; ".join(serious)


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[dict] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append(dict(attrs))


@functools.cache
def _elements(page_path: str) -> list[dict]:
    """The attributes of every element of a built page."""
    parser = _Elements()
    parser.feed((HTML_DIR / f"{page_path}.html").read_text(encoding="utf-8"))
    return parser.elements


def _classes(attrs: dict) -> list[str]:
    return (attrs.get("class") or "").split()


def _pages_with(has: Callable[[dict], bool]) -> list[str]:
    """The pages, in reading order, with an element whose attributes satisfy `has`."""
    return [page_path for page_path in PAGES if any(has(attrs) for attrs in _elements(page_path))]


def _is_chart_picker(attrs):
    return "chart-picker" in _classes(attrs)


def _is_quiz(attrs):
    return "data-quiz" in attrs


def _is_numeric_question(attrs):
    return "quiz-question" in _classes(attrs) and attrs.get("data-kind") == "numeric"


def test_chart_picker_works_by_keyboard_without_kernel(offline_page, book_url):
    page = offline_page
    pickers = _pages_with(_is_chart_picker)
    assert pickers, "no page has a chart picker; the first notebook should have one"
    page.goto(f"{book_url}/{pickers[0]}.html", wait_until="networkidle")
    picker = page.locator(".chart-picker").first
    figures = picker.locator(".chart-picker-panels > figure")
    assert figures.count() >= 2
    visible_alt_before = picker.locator(".chart-picker-panels > figure:visible img").get_attribute("alt")

    select = picker.locator("select")
    select.focus()
    assert page.evaluate("document.activeElement.tagName") == "SELECT"
    page.keyboard.press("ArrowDown")
    visible = picker.locator(".chart-picker-panels > figure:visible")
    assert visible.count() == 1, "exactly one chart is shown after a keyboard choice"
    assert visible.locator("img").get_attribute("alt") != visible_alt_before, "the chart did not change"
    label_for = picker.locator("label").get_attribute("for")
    assert label_for == select.get_attribute("id"), "the select has a visible label"


def _first_page_with(has: Callable[[dict], bool], what: str) -> str:
    pages = _pages_with(has)
    if not pages:
        raise AssertionError(f"no page of the book has {what}")
    return pages[0]


def test_quiz_answered_by_keyboard_only(offline_page, book_url):
    page = offline_page
    page_path = _first_page_with(_is_quiz, "a quiz")
    page.goto(f"{book_url}/{page_path}.html", wait_until="networkidle")
    quiz = page.locator("[data-quiz]").first
    assert quiz.count(), f"{page_path}: the built HTML has a quiz, the page in the browser has none"
    question = quiz.locator('.quiz-question[data-kind="single"]').first
    first_radio = question.locator("input[type=radio]").first

    # Tab from the top of the page until the first answer of the question has focus, as a reader would.
    page.locator("body").focus()
    for _ in range(400):
        page.keyboard.press("Tab")
        if first_radio.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached the first answer of the quiz")

    page.keyboard.press("Space")  # choose the first option
    page.keyboard.press("Tab")  # to the Check button
    assert page.evaluate("document.activeElement.className") == "quiz-check"
    page.keyboard.press("Enter")
    feedback = question.locator(".quiz-feedback")
    first_is_correct = first_radio.get_attribute("data-correct") == "true"
    expected = "Correct." if first_is_correct else "Not quite."
    assert expected in feedback.inner_text()
    assert first_radio.get_attribute("data-feedback") in feedback.inner_text()

    # Try again: back to the options, arrow to the correct one, check with Space on the button.
    correct_index = [r.get_attribute("data-correct") for r in question.locator("input[type=radio]").all()].index("true")
    page.keyboard.press("Shift+Tab")
    for _ in range(correct_index):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert "Correct." in feedback.inner_text()
    assert question.get_attribute("data-result") == "right"
    score = quiz.locator(".quiz-score").inner_text()
    assert score.startswith("Score: 1 of "), score


def test_quiz_numeric_and_order_questions_work_by_keyboard(offline_page, book_url):
    page = offline_page
    page_path = _first_page_with(_is_numeric_question, "a numeric quiz question")
    page.goto(f"{book_url}/{page_path}.html", wait_until="networkidle")
    numeric = page.locator('.quiz-question[data-kind="numeric"]').first
    assert numeric.count(), f"{page_path}: the built HTML has a numeric question, the page in the browser has none"
    field = numeric.locator("input[type=text]")
    field.focus()
    page.keyboard.type(field.get_attribute("data-answer"))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert "Correct." in numeric.locator(".quiz-feedback").inner_text()

    order = page.locator('.quiz-question[data-kind="order"]').first
    assert order.count(), "the quiz page should also have an ordering question"
    for select in order.locator("select").all():
        select.focus()
        for _ in range(int(select.get_attribute("data-position"))):
            page.keyboard.press("ArrowDown")  # from "-" down to the right position
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert "Correct." in order.locator(".quiz-feedback").inner_text()
    earliest = order.locator('select[data-position="1"]')
    earliest.focus()
    page.keyboard.press("ArrowDown")  # from 1 to 2: now two events share position 2
    order.locator(".quiz-check").focus()
    page.keyboard.press("Enter")
    assert "Not quite." in order.locator(".quiz-feedback").inner_text()
