"""The quizzes in the formats of school platforms: Moodle XML (moodle.py) and a QTI 3.0 content
package (qti.py).

Both are written from the same quiz files as the book, in the book's language. What they share is
here: which quizzes make up the bank, the order options are written in, and the texts around the
question (the stimulus, the "read more" line, the hint for typing a number).

Options and items are written in the book's shown order (missions.quiz.display_order), never in the
YAML order, where the right answer often comes first: a platform that does not shuffle still gives
nothing away. Both formats also ask the platform to shuffle.
"""

from __future__ import annotations

from html import escape

from missions import paths
from missions.quiz import load_quiz, numeric_answer_text, quiz_names, stimulus_html
from missions.text import language, t
from missions.translation import text_in

FORMATS = {"moodle": "moodle.xml", "qti": "qti.zip"}  # format -> file suffix
BANK = "question-bank"  # the file name of the whole bank


def bank() -> dict[str, dict]:
    """Quiz name -> quiz, for the whole bank: every quiz except those drawn from the others (the
    review), whose questions the bank already holds."""
    quizzes = {name: load_quiz(name) for name in quiz_names()}
    return {name: quiz for name, quiz in quizzes.items() if "draw" not in quiz}


def item_id(quiz_name: str, question: dict) -> str:
    """Unique over the bank and stable between exports, so a platform can update what it imported."""
    return f"{quiz_name}-{question['id']}"


def letter(position: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[position]


def number(value: float) -> str:
    """A number as the formats write it: a dot for decimals, no thousands separator, no rounding."""
    return f"{float(value):.15g}"


def body_html(question: dict, lang: str | None = None) -> str:
    """The question as the platform shows it: its stimulus (quotation or table, with its source) and
    its text, and for a number the way to type it."""
    parts = [stimulus_html(question, lang), f"<p>{escape(question['text'])}</p>"]
    if question["kind"] == "numeric":
        parts.append(f"<p>{escape(t('export.number_hint', lang))}</p>")
    if question["kind"] == "order":
        parts.append(f"<p>{escape(t('export.order_hint', lang))}</p>")
    return "".join(part for part in parts if part)


def explanation(question: dict, lang: str | None = None) -> str:
    """What the book shows after any answer to a question without per-option feedback."""
    if question["kind"] == "numeric":
        return f"{numeric_answer_text(question, lang)} {question['explanation']}"
    return question.get("explanation", "")


def read_more(question: dict, lang: str | None = None, chapter: str = "") -> str:
    """ "Read more: <section>", the section's title in `lang` as the chapter's catalog gives it."""
    section = question["section"]
    if chapter:
        section = text_in(paths.root() / question.get("chapter", chapter), section, lang or language())
    return t("quiz.read", lang, section=section)
