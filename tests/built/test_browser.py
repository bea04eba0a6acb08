"""The built book as a reader meets it: every page in Chromium, offline, accessible, by keyboard."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import PAGES, SCREENSHOT_DIR

SERIOUS = {"serious", "critical"}


@pytest.mark.parametrize("page_path", PAGES)
def test_page_loads_offline_without_errors(offline_page, book_url, page_path):
    page = offline_page
    response = page.goto(f"{book_url}/{page_path}.html", wait_until="networkidle")
    assert response is not None and response.ok, f"{page_path}.html answered {response and response.status}"
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"{page_path.replace('/', '__')}.png"), full_page=True)
    assert page.external_requests == [], f"{page_path}: requests to other hosts: {page.external_requests}"
    assert page.console_errors == [], f"{page_path}: console errors: {page.console_errors}"
    assert page.locator("h1").count() >= 1, f"{page_path}: no heading"


@pytest.mark.parametrize("page_path", PAGES)
def test_page_has_no_serious_accessibility_violations(offline_page, book_url, page_path):
    page = offline_page
    page.goto(f"{book_url}/{page_path}.html", wait_until="networkidle")
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in SERIOUS
    ]
    assert serious == [], f"{page_path}: " + "; ".join(serious)


def _pages_with_pickers(book_url, page):
    found = []
    for page_path in PAGES:
        page.goto(f"{book_url}/{page_path}.html")
        if page.locator(".chart-picker").count():
            found.append(page_path)
    return found


def test_chart_picker_works_by_keyboard_without_kernel(offline_page, book_url):
    page = offline_page
    pickers = _pages_with_pickers(book_url, page)
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


def _first_page_with(book_url, page, selector):
    for page_path in PAGES:
        page.goto(f"{book_url}/{page_path}.html")
        if page.locator(selector).count():
            return page_path
    raise AssertionError(f"no page of the book has {selector}")


def test_quiz_answered_by_keyboard_only(offline_page, book_url):
    page = offline_page
    page_path = _first_page_with(book_url, page, "[data-quiz]")
    page.goto(f"{book_url}/{page_path}.html", wait_until="networkidle")
    quiz = page.locator("[data-quiz]").first
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
    page_path = _first_page_with(book_url, page, '[data-quiz] .quiz-question[data-kind="numeric"]')
    page.goto(f"{book_url}/{page_path}.html", wait_until="networkidle")
    numeric = page.locator('.quiz-question[data-kind="numeric"]').first
    field = numeric.locator("input[type=number]")
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
