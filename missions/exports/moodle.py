"""Quizzes as Moodle XML, the format of Moodle's question bank import (Question bank > Import >
Moodle XML format). One category per quiz; each question keeps its id as its ID number.

How the book's kinds map (element names as Moodle's own importer, question/format/xml, reads them):
- single, multiple: multichoice, answers shuffled, each with its feedback. The book counts a
  multiple-answer question right only when every right option and no other is chosen; Moodle grades
  per option, so each right option is worth an equal share and each wrong one -100%: a student who
  picks any wrong option scores 0, as in the book, and one who misses a right option gets part.
- true_false: truefalse, the explanation as the feedback of both answers.
- numeric: numerical, the answer with its tolerance (the book's: |typed - answer| <= tolerance), and
  a catch-all answer that gives the explanation to every other number.
- order: ordering (in Moodle's core since 4.4), all items, graded all or nothing, as in the book.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import escape

from missions.quiz import display_order
from missions.text import t

from . import body_html, explanation, item_id, number, read_more


def _text(parent: ET.Element, tag: str, content: str, html: bool = True) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": "html"} if html else {})
    ET.SubElement(element, "text").text = content
    return element


def _answer(parent: ET.Element, fraction: float, text: str, feedback: str = "", html: bool = True) -> ET.Element:
    answer = ET.SubElement(parent, "answer", {"fraction": f"{fraction:.7g}", **({"format": "html"} if html else {})})
    ET.SubElement(answer, "text").text = text
    if feedback:
        _text(answer, "feedback", f"<p>{escape(feedback)}</p>")
    return answer


def _combined_feedback(question: ET.Element, lang: str | None) -> None:
    _text(question, "correctfeedback", f"<p>{escape(t('quiz.correct', lang))}</p>")
    _text(question, "partiallycorrectfeedback", f"<p>{escape(t('quiz.incorrect', lang))}</p>")
    _text(question, "incorrectfeedback", f"<p>{escape(t('quiz.incorrect', lang))}</p>")


def _choices(element: ET.Element, question: dict, lang: str | None) -> None:
    options = question["options"]
    right = sum(1 for option in options if option.get("correct"))
    multiple = question["kind"] == "multiple"
    ET.SubElement(element, "single").text = "false" if multiple else "true"
    ET.SubElement(element, "shuffleanswers").text = "true"
    ET.SubElement(element, "answernumbering").text = "abc"
    _combined_feedback(element, lang)
    for i in display_order(question):
        option = options[i]
        wrong = -100 if multiple else 0
        fraction = 100 / right if option.get("correct") else wrong
        _answer(element, fraction, f"<p>{escape(option['text'])}</p>", option["feedback"])


def _true_false(element: ET.Element, question: dict, lang: str | None) -> None:
    for value in (True, False):
        fraction = 100 if question["answer"] is value else 0
        _answer(element, fraction, "true" if value else "false", question["explanation"], html=False)


def _numeric(element: ET.Element, question: dict, lang: str | None) -> None:
    answer = float(question["answer"])
    right = _answer(element, 100, number(answer), explanation(question, lang), html=False)
    ET.SubElement(right, "tolerance").text = number(question["tolerance"])
    other = _answer(element, 0, "*", explanation(question, lang), html=False)
    ET.SubElement(other, "tolerance").text = "0"


def _order(element: ET.Element, question: dict, lang: str | None) -> None:
    for tag, value in (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", "0"),
        ("gradingtype", "ALL_OR_NOTHING"),
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    ):
        ET.SubElement(element, tag).text = value
    _combined_feedback(element, lang)
    for place, item in enumerate(question["items"], 1):  # Moodle shuffles them; fraction = place
        _answer(element, place, f"<p>{escape(item['text'])}</p>")


MOODLE_TYPES = {
    "single": ("multichoice", _choices),
    "multiple": ("multichoice", _choices),
    "true_false": ("truefalse", _true_false),
    "numeric": ("numerical", _numeric),
    "order": ("ordering", _order),
}


def _question(quiz_name: str, question: dict, lang: str | None, chapter: str = "") -> ET.Element:
    qtype, fill = MOODLE_TYPES[question["kind"]]
    element = ET.Element("question", {"type": qtype})
    _text(element, "name", item_id(quiz_name, question), html=False)
    _text(element, "questiontext", body_html(question, lang))
    general = read_more(question, lang, chapter)
    if question["kind"] == "order":
        general = f"{question['explanation']} {general}"
    _text(element, "generalfeedback", f"<p>{escape(general)}</p>")
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = item_id(quiz_name, question)
    fill(element, question, lang)
    return element


def moodle_xml(quizzes: dict[str, dict], book_title: str, lang: str | None = None) -> bytes:
    """One Moodle XML file holding `quizzes` (name -> quiz), each in its own category."""
    root = ET.Element("quiz")
    for name, quiz in quizzes.items():
        category = ET.SubElement(root, "question", {"type": "category"})
        path = "/".join(part.replace("/", "//") for part in (book_title, quiz["title"]))  # Moodle's escape
        _text(category, "category", f"$course$/top/{path}", html=False)
        for question in quiz["questions"]:
            root.append(_question(name, question, lang, quiz["chapter"]))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
