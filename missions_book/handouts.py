"""Printable quiz handouts: an answer sheet for students and an answer key for the teacher.

Both are small standalone HTML documents (A4 print styles, no scripts, no external files) written by
the book build next to the pages; `make pdf` prints them to PDF with the same Chromium as the pages.
The sheet shows the questions and options in the order the online quiz shows them (version A); the
key adds the right answer, the explanation, the objective assessed and the section of the chapter that
teaches it, and for a chapter quiz the marking schemes of the lesson plan's written tasks. A chapter
quiz also has a parallel version B for a test: the same questions in another order, with their options
in another order, so that neighbours' sheets differ.
"""

from __future__ import annotations

import html
import random
from pathlib import Path

from missions import paths
from missions.quiz import ORDER_SALT, display_order, load_quiz, stimulus_html
from missions.text import format_number, language, t
from missions.translation import text_in

from .quiz_html import page_title

STYLE = """
@page { size: A4; margin: 18mm 16mm; }
body { font: 11pt/1.45 "DejaVu Sans", Arial, sans-serif; color: #000; max-width: 46rem; margin: 1.5rem auto; }
h1 { font-size: 16pt; margin: 0 0 0.3rem; }
.meta { font-size: 9.5pt; color: #333; margin: 0 0 0.8rem; }
.who { display: flex; gap: 2rem; margin: 0.6rem 0 1rem; }
.who span { flex: 1; border-bottom: 1px solid #000; padding-bottom: 0.2rem; }
ol.questions > li { margin: 0 0 0.9rem; padding-top: 0.3rem; border-top: 1px solid #ccc; }
ol.questions > li > p:first-child { break-after: avoid; }
ul.options, .answer { break-inside: avoid; }
.kind { font-size: 9pt; color: #333; font-style: italic; }
ul.options { list-style: none; padding-left: 0.4rem; margin: 0.3rem 0; }
ul.options li { margin: 0.15rem 0; display: flex; gap: 0.4rem; align-items: baseline; }
.box { flex: none; width: 2.4rem; font-family: "DejaVu Sans Mono", monospace; }
.line { display: inline-block; min-width: 8rem; border-bottom: 1px solid #000; }
.answer { margin: 0.3rem 0 0; padding: 0.3rem 0.5rem; border-left: 4px solid #000; background: #f2f2f2; }
.answer p { margin: 0.15rem 0; }
.quiz-stimulus { margin: 0.3rem 0 0.4rem; break-inside: avoid; }
.quiz-stimulus blockquote { margin: 0.2rem 0 0.2rem 0.8rem; padding-left: 0.6rem; border-left: 3px solid #555; }
.quiz-stimulus table { border-collapse: collapse; font-size: 10pt; }
.quiz-stimulus th, .quiz-stimulus td { border: 1px solid #555; padding: 0.1rem 0.4rem; text-align: left; }
.quiz-gloss, .quiz-source-ref { font-size: 9.5pt; margin: 0.1rem 0; }
.quiz-source-ref a { color: #000; text-decoration: none; }
h2 { font-size: 13pt; margin: 1.4rem 0 0.4rem; break-after: avoid; }
.task { break-inside: avoid; margin: 0 0 1rem; }
.task table { border-collapse: collapse; width: 100%; font-size: 10pt; margin: 0.3rem 0; }
.task th, .task td { border: 1px solid #555; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
"""


VERSIONS = ("A", "B")  # A: the order of the book's quiz; B: the parallel version


def _order(question: dict, version: str) -> list[int]:
    """Options or items in the order of a version: B reorders with another salt, and never shows a
    question the way A does."""
    first = display_order(question)
    if version == "A" or len(first) < 2:
        return first
    other = display_order(question, salt=ORDER_SALT + version)
    return other if other != first else other[1:] + other[:1]


def question_order(questions: list[dict], name: str, version: str) -> list[dict]:
    """The questions of a version: A in the quiz's order, B shuffled (seeded by the quiz name)."""
    if version == "A" or len(questions) < 2:
        return list(questions)
    shuffled = list(questions)
    random.Random(f"{name}-{version}").shuffle(shuffled)
    return shuffled if shuffled != list(questions) else shuffled[1:] + shuffled[:1]


def _options(question: dict, version: str = "A") -> list[dict]:
    """The options as the sheet shows them, in the order of the version, so letters match its key."""
    if question["kind"] == "true_false":
        return [
            {"text": t("quiz.true"), "correct": question["answer"] is True},
            {"text": t("quiz.false"), "correct": question["answer"] is False},
        ]
    return [question["options"][i] for i in _order(question, version)]


def _letter(i: int) -> str:
    return "ABCDEFGHIJ"[i]


def _question_body(question: dict, with_answers: bool, version: str) -> str:
    e, kind = html.escape, question["kind"]
    if kind in ("single", "multiple", "true_false"):
        # the key ticks the right options: a ballot box with a check (U+2611) instead of an empty one
        items = "".join(
            f'<li><span class="box">{_letter(i)} {"&#9745;" if with_answers and o.get("correct") else "&#9744;"}'
            f"</span><span>{e(o['text'])}</span></li>"
            for i, o in enumerate(_options(question, version))
        )
        return f'<ul class="options">{items}</ul>'
    if kind == "numeric":
        return f'<p>{e(t("handout.answer"))} <span class="line">&nbsp;</span></p>'
    items = "".join(
        f'<li><span class="box">{i + 1 if with_answers else "___"}</span><span>{e(question["items"][i]["text"])}</span></li>'
        for i in _order(question, version)
    )
    return f'<ul class="options">{items}</ul>'


def _answer(question: dict, chapter: str, chapter_title: str, version: str) -> str:
    e, kind = html.escape, question["kind"]
    if kind in ("single", "multiple", "true_false"):
        right = [_letter(i) for i, o in enumerate(_options(question, version)) if o.get("correct")]
        letters = t("handout.and", first=", ".join(right[:-1]), last=right[-1]) if len(right) > 1 else right[-1]
        lines = [f"<strong>{e(t('handout.answer'))}</strong> {letters}"]
        if kind == "true_false":
            lines.append(e(question["explanation"]))
        else:
            lines += [e(o["feedback"]) for o in _options(question, version) if o.get("correct")]
    elif kind == "numeric":
        low, high = (format_number(question["answer"] + sign * question["tolerance"]) for sign in (-1, 1))
        accept = t("handout.accept", answer=format_number(question["answer"]), low=low, high=high)
        lines = [f"<strong>{e(t('handout.answer'))}</strong> {e(accept)}", e(question["explanation"])]
    else:
        shown = _order(question, version)
        numbers = ", ".join(f"{question['items'][i]['text']}: {i + 1}" for i in shown)
        lines = [f"<strong>{e(t('handout.answer'))}</strong> {e(numbers)}", e(question["explanation"])]
    taught = chapter_title if "chapter" not in question else page_title(paths.root() / question["chapter"])
    objectives = ", ".join(str(n) for n in question["objectives"])
    section = text_in(paths.root() / question.get("chapter", chapter), question["section"], language())
    skill = t(f"skill.{question['skill']}")
    lines.append(e(t("handout.assesses", objectives=objectives, skill=skill, chapter=taught, section=section)))
    return '<div class="answer">' + "".join(f"<p>{line}</p>" for line in lines) + "</div>"


def has_versions(data: dict) -> bool:
    """Chapter quizzes get a parallel version B for tests."""
    return data["chapter"].startswith("book/") and "draw" not in data


def handout_html(
    name: str, with_answers: bool, quiz_dir: Path | None = None, chapter_title: str = "", version: str = "A"
) -> str:
    """The answer sheet (with_answers=False) or the answer key (True) of book/quizzes/<name>.yml, in
    version A (the order of the book's quiz) or B (the parallel version of a chapter quiz)."""
    data = load_quiz(name, quiz_dir)
    e = html.escape
    chapter_title = chapter_title or data["chapter"]
    what = t("handout.key") if with_answers else t("handout.sheet")
    if has_versions(data):
        what = t("handout.version", what=what, version=version)
    count = len(data["questions"])
    parts = [
        f'<!DOCTYPE html><html lang="{language()}"><head><meta charset="utf-8"><title>{e(data["title"])}: {e(what)}</title>'
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{e(data['title'])}</h1>",
        f'<p class="meta">{e(t("handout.meta", what=what, book=t("pdf.book_title"), count=count, chapter=chapter_title))}</p>',
    ]
    if not with_answers:
        who = "".join(f"<span>{e(t(key))}</span>" for key in ("handout.name", "handout.class", "handout.date"))
        parts.append(f'<p class="who">{who}</p>')
    parts.append('<ol class="questions">')
    for question in question_order(data["questions"], name, version):
        hint = e(t(f"handout.hint.{question['kind']}", count=len(question.get("items", []))))
        parts.append(
            f'<li><p><strong>{e(question["text"])}</strong> <span class="kind">{hint}</span></p>'
            + stimulus_html(question)
            + _question_body(question, with_answers, version)
            + (_answer(question, data["chapter"], chapter_title, version) if with_answers else "")
            + "</li>"
        )
    parts.append("</ol>")
    if not with_answers:
        parts.append(f'<p class="meta">{e(t("handout.score", total=count))}</p>')
    if with_answers:
        parts.append(marking_schemes_html(data["chapter"]))
    parts.append("</body></html>")
    return "".join(parts)


def marking_schemes_html(chapter: str) -> str:
    """The written tasks of the chapter's lesson plan with their marking schemes and levelled example
    answers, for the answer key; '' when the chapter has no plan."""
    from .lessons import load_plan, plan_names  # (lessons reads the quizzes' chapters through quiz_html)

    name = Path(chapter).stem
    if name not in plan_names():
        return ""
    e = html.escape
    parts = [f"<h2>{e(t('handout.schemes'))}</h2>"]
    for task in load_plan(name)["assessment"]:
        if "scheme" not in task:
            continue
        parts.append(f'<div class="task"><p><strong>{e(task_title(task))}.</strong> {e(task["task"])}</p>')
        scheme = "".join(f"<li>{e(item['text'])}: {item['points']}</li>" for item in task["scheme"])
        full = sum(item["points"] for item in task["scheme"])
        parts.append(f"<p>{e(t('handout.maximum', points=full))}</p><ul>{scheme}</ul>")
        rows = "".join(
            f"<tr><td>{level['points']}</td><td>{e(level['description'])}</td><td>{e(level['example'])}</td></tr>"
            for level in task["levels"]
        )
        parts.append(
            "<table><thead><tr>"
            + "".join(
                f'<th scope="col">{e(t(key))}</th>' for key in ("handout.points", "handout.level", "handout.example")
            )
            + f"</tr></thead><tbody>{rows}</tbody></table></div>"
        )
    return "".join(parts)


def task_title(task: dict) -> str:
    """ "Exit ticket, 45-minute lesson", "Written task", ... in the edition's language."""
    name = t(f"task.{task['kind']}")
    return t("task.in_lesson", task=name, minutes=task["lesson"]) if "lesson" in task else name


def quiz_names(quiz_dir: Path | None = None) -> list[str]:
    return sorted(path.stem for path in Path(quiz_dir or paths.quiz_dir()).glob("*.yml"))


HANDOUTS = {"sheet": False, "key": True}  # kind -> with answers


def handout_stem(name: str, kind: str, version: str = "A") -> str:
    """The file name, without suffix, of a quiz's answer sheet or answer key (HTML and PDF alike);
    version B adds '-b'."""
    return f"{name}-answer-{kind}" + ("" if version == "A" else f"-{version.lower()}")


def write_handouts(out_dir: Path, titles: dict[str, str] | None = None) -> list[Path]:
    """Write the sheet and key of every quiz (and version B of a chapter quiz) as HTML into out_dir;
    titles maps each quiz the book shows to its page title (None: every quiz). An unchanged handout keeps its file (and time), so
    `make pdf` does not print it again."""
    written = []
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    for name in quiz_names() if titles is None else sorted(titles):  # the quizzes the book shows
        versions = VERSIONS if has_versions(load_quiz(name)) else ("A",)
        for version in versions:
            written += _write_versions(out_dir, name, version, (titles or {}).get(name, ""))
    return written


def _write_versions(out_dir: Path, name: str, version: str, title: str) -> list[Path]:
    written = []
    for kind, with_answers in HANDOUTS.items():
        path = Path(out_dir) / f"{handout_stem(name, kind, version)}.html"
        text = handout_html(name, with_answers, chapter_title=title, version=version)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
