"""The quiz as the static book shows it, and the checks only the book can make."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from missions.quiz import QuizError, quiz
from missions_book.quiz_html import check_sections, quiz_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quizzes"


def test_static_html_escapes_text_and_uses_native_labelled_controls():
    page = quiz_html(quiz("good", FIXTURES))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.count('type="radio"') == 4 and page.count('type="checkbox"') == 3
    assert 'type="text" id="quiz-good-number-value" inputmode="decimal"' in page and page.count("<select") == 3
    for control_id in ("quiz-good-offline-0", "quiz-good-number-value", "quiz-good-sequence-2"):
        assert f'for="{control_id}"' in page and f'id="{control_id}"' in page
    assert page.count('aria-live="polite"') == 6  # one per question and the score
    assert 'href="how-to-use.html#working-offline"' in page


def test_order_items_are_shown_shuffled_on_the_page():
    shown = quiz("good", FIXTURES)
    page = quiz_html(shown)
    labels = [page.index(f">{item['text']}</label>") for item in shown.questions[4]["items"]]
    assert labels != sorted(labels), "the page lists the events in their true order"


def test_section_that_is_not_a_heading_is_named(tmp_path):
    data = yaml.safe_load((FIXTURES / "good.yml").read_text())
    data["questions"][4]["section"] = "No such heading"
    (tmp_path / "bad.yml").write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(QuizError) as caught:
        check_sections(quiz("bad", tmp_path))
    for part in ("bad.yml", "question 5 ('sequence')", "'No such heading' is not a heading"):
        assert part in str(caught.value)


def test_objective_the_chapter_does_not_state_is_named(tmp_path):
    data = yaml.safe_load((FIXTURES / "good.yml").read_text())
    data["chapter"], data["questions"] = "book/iraq.md", data["questions"][:1]
    data["questions"][0]["section"] = "The situation and the mandate"
    data["questions"][0]["objectives"] = [1, 9]
    (tmp_path / "bad.yml").write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(
        QuizError, match=r"bad\.yml, question 1 \('offline'\), field 'objectives': no objective 9: iraq\.md has 4"
    ):
        check_sections(quiz("bad", tmp_path))


def test_every_quiz_of_the_book_points_at_real_sections():
    from missions_book.handouts import quiz_names

    for name in quiz_names():
        check_sections(quiz(name))


def test_page_and_printed_sheet_show_options_in_the_widgets_order():
    from missions.quiz import display_order
    from missions_book.handouts import handout_html

    shown = quiz("good", FIXTURES)
    page, sheet, key = quiz_html(shown), handout_html("good", False, FIXTURES), handout_html("good", True, FIXTURES)
    for question in shown.questions[:2]:
        texts = [question["options"][i]["text"] for i in display_order(question)]
        for document in (page, sheet):
            where = [document.index(f">{text}<") for text in texts]
            assert where == sorted(where), f"{question['id']}: options out of the shown order"
    right = [
        n for n, i in enumerate(display_order(shown.questions[0])) if shown.questions[0]["options"][i].get("correct")
    ]
    assert f"<strong>Answer:</strong> {'ABCD'[right[0]]}" in key, "the key's letter is the sheet's letter"
