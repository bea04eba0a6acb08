"""The quiz as the static book shows it: an HTML form graded in the browser by book/_static/quiz.js.

A quiz's output in a notebook carries only its name (missions.quiz.QUIZ_MIME); this module renders the
form from the quiz file, with native radio buttons, checkboxes, number inputs and selects, each with
a label. Every text is HTML-escaped. It also checks what only the book can: that the section each
question points to is a heading of its chapter.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

from docutils.nodes import make_id

from missions import paths
from missions.quiz import Quiz, QuizError, display_order, numeric_answer_text, stimulus_html
from missions.results import fingerprint
from missions.text import language, t
from missions.translation import text_in

from .objectives import check_numbers

PROGRESS_PAGE = "book/progress.html"  # book/progress.md: where a student sees what the quizzes kept


def headings(chapter: Path) -> list[str]:
    """Headings of a MyST chapter or of a notebook's Markdown cells, in order."""
    text = chapter.read_text(encoding="utf-8")
    if chapter.suffix == ".ipynb":
        cells = json.loads(text)["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return [m.group(1).strip() for m in re.finditer(r"^#{1,6}\s+(.+)$", text, re.M)]


def page_title(page: Path) -> str:
    """A page's first heading in the edition's language ('' if it has none)."""
    found = headings(page) if page.exists() else []
    return text_in(page, found[0], language()) if found else ""


def check_sections(quiz: Quiz) -> None:
    """Every question's `section` is a heading of its chapter, so "Read more" links land, and the
    objectives it names are objectives of that chapter or notebook."""
    checks = []
    for n, question in enumerate(quiz.questions, 1):
        name = chapter_of(quiz, question)
        chapter = paths.root() / name
        if not chapter.exists():
            raise QuizError(f"{quiz.name}.yml: chapter file '{name}' does not exist")
        where = f"{quiz.name}.yml, question {n} ('{question['id']}')"
        if question["section"] not in headings(chapter):
            raise QuizError(f"{where}: section '{question['section']}' is not a heading of {name}")
        checks.append((question["objectives"], chapter, where))
    for numbers, chapter, where in checks:  # (after the sections, so a broken link is named first)
        check_numbers(numbers, chapter, where, QuizError)


def chapter_of(quiz: Quiz, question: dict) -> str:
    """The page that teaches a question: its quiz's chapter, or for a drawn quiz its own."""
    return question.get("chapter", quiz.data["chapter"])


def section_url(quiz: Quiz, question: dict) -> str:
    """The "Read more" link, relative to the quiz's own page."""
    here, there = Path(quiz.data["chapter"]), Path(chapter_of(quiz, question))
    page = posixpath.relpath(there.with_suffix(".html").as_posix(), here.parent.as_posix())
    return f"{page}#{make_id(question['section'])}"


def section_title(quiz: Quiz, question: dict) -> str:
    """The title of the section a question links to, in the edition's language."""
    return text_in(paths.root() / chapter_of(quiz, question), question["section"], language())


def progress_url(quiz: Quiz) -> str:
    """The "My progress" page, relative to the quiz's own page."""
    return posixpath.relpath(PROGRESS_PAGE, Path(quiz.data["chapter"]).parent.as_posix())


def quiz_html(quiz: Quiz) -> str:
    """The kernel-free quiz form that book/_static/quiz.js grades; mirrors missions.quiz.grade."""
    e = html.escape
    parts = [
        f'<section class="quiz" data-quiz="{e(quiz.name)}" data-lang="{language()}" aria-label="{e(quiz.data["title"])}">',
        f'<p class="quiz-title"><strong>{e(quiz.data["title"])}</strong></p>',
    ]
    for n, question in enumerate(quiz.questions, 1):
        parts.append(_question_html(quiz, n, question))
    template = html.escape(t("quiz.score", score="{score}", total="{total}"))
    parts.append(
        f'<p class="quiz-score" role="status" aria-live="polite" data-total="{len(quiz.questions)}"'
        f' data-template="{template}">{e(t("quiz.score", score=0, total=len(quiz.questions)))}</p>'
    )
    parts.append(f'<button type="button" class="quiz-reset">{e(t("quiz.reset"))}</button>')
    parts.append(
        f'<p class="quiz-kept">{e(t("quiz.kept"))} <a href="{e(progress_url(quiz))}">{e(t("quiz.my_progress"))}</a></p>'
    )
    parts.append("</section>")
    return "".join(parts)


def _question_html(quiz: Quiz, n: int, question: dict) -> str:
    e, kind = html.escape, question["kind"]
    qid = f"quiz-{quiz.name}-{question['id']}"
    key = {
        "kind": kind,
        "id": e(question["id"]),
        "fingerprint": fingerprint(question),
        "correct": e(t("quiz.correct")),
        "incorrect": e(t("quiz.incorrect")),
        "choose": e(t("quiz.choose")),
    }
    body = []
    if kind in ("single", "multiple", "true_false"):
        options = (
            question["options"]
            if kind != "true_false"
            else [
                {"text": t("quiz.true"), "correct": question["answer"] is True, "feedback": question["explanation"]},
                {"text": t("quiz.false"), "correct": question["answer"] is False, "feedback": question["explanation"]},
            ]
        )
        kind_input = "checkbox" if kind == "multiple" else "radio"
        shown = display_order(question) or range(len(options))  # true/false: True, then False
        for i in shown:
            option = options[i]
            body.append(
                f'<div class="quiz-option"><input type="{kind_input}" id="{qid}-{i}" name="{qid}" value="{i}"'
                f' data-correct="{str(bool(option.get("correct"))).lower()}" data-feedback="{e(option["feedback"])}"'
                f' data-text="{e(option["text"])}"><label for="{qid}-{i}">{e(option["text"])}</label></div>'
            )
        key["missed"] = e(t("quiz.missed", option="{option}"))
    elif kind == "numeric":
        body.append(
            f'<label for="{qid}-value">{e(t("quiz.your_estimate"))}</label> '
            # a text field: a number field would refuse "2,759", and the book reads it per language
            f'<input type="text" id="{qid}-value" inputmode="decimal" autocomplete="off" size="12"'
            f' data-answer="{question["answer"]}" data-tolerance="{question["tolerance"]}"'
            f' data-feedback="{e(question["explanation"])}"'
            f' data-answer-text="{e(numeric_answer_text(question))}">'
        )
        key["enter"] = e(t("quiz.enter_number"))
    else:  # order
        count = len(question["items"])
        for i in display_order(question):
            item = question["items"][i]
            options = '<option value="">-</option>' + "".join(
                f'<option value="{p}">{p}</option>' for p in range(1, count + 1)
            )
            body.append(
                f'<div class="quiz-order-item"><label for="{qid}-{i}">{e(item["text"])}</label> '
                f'<select id="{qid}-{i}" data-position="{i + 1}">{options}</select></div>'
            )
        body.append(f'<span hidden class="quiz-explanation">{e(question["explanation"])}</span>')
    data_attrs = " ".join(f'data-{k}="{v}"' for k, v in key.items())
    return (
        f'<fieldset class="quiz-question" {data_attrs}>'
        f'<legend><span class="quiz-number">{n}.</span> {e(question["text"])}</legend>'
        + stimulus_html(question)
        + ("" if kind not in ("order",) else f'<p class="quiz-hint">{e(t("quiz.order_hint"))}</p>')
        + "".join(body)
        + f'<button type="button" class="quiz-check">{e(t("quiz.check"))}</button>'
        + '<div class="quiz-feedback" role="status" aria-live="polite"></div>'
        + f'<p class="quiz-section"><a href="{e(section_url(quiz, question))}">{e(t("quiz.read", section=section_title(quiz, question)))}</a></p>'
        + "</fieldset>"
    )
