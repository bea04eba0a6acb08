"""Printable quiz handouts: an answer sheet for students and an answer key for the teacher.

Both are small standalone HTML documents (A4 print styles, no scripts, no external files) written by
the book build next to the pages; `make pdf` prints them to PDF with the same Chromium as the pages.
The sheet shows the questions and options in the order the online quiz shows them; the key adds the
right answer, the explanation and the section of the chapter that teaches it.
"""

from __future__ import annotations

import html
from pathlib import Path

from missions import paths
from missions.quiz import display_order, load_quiz

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
"""

KIND_HINTS = {
    "single": "Tick one answer.",
    "multiple": "Tick every answer that is right.",
    "true_false": "Tick true or false.",
    "numeric": "Write a number; an estimate close to the answer counts.",
    "order": "Number the events from 1 (earliest) to {count} (latest).",
}


def _options(question: dict) -> list[dict]:
    """The options as the sheet shows them, in the order of the book's quiz, so letters match it."""
    if question["kind"] == "true_false":
        return [
            {"text": "True", "correct": question["answer"] is True},
            {"text": "False", "correct": question["answer"] is False},
        ]
    return [question["options"][i] for i in display_order(question)]


def _letter(i: int) -> str:
    return "ABCDEFGHIJ"[i]


def _question_body(question: dict, with_answers: bool) -> str:
    e, kind = html.escape, question["kind"]
    if kind in ("single", "multiple", "true_false"):
        # the key ticks the right options: a ballot box with a check (U+2611) instead of an empty one
        items = "".join(
            f'<li><span class="box">{_letter(i)} {"&#9745;" if with_answers and o.get("correct") else "&#9744;"}'
            f"</span><span>{e(o['text'])}</span></li>"
            for i, o in enumerate(_options(question))
        )
        return f'<ul class="options">{items}</ul>'
    if kind == "numeric":
        return '<p>Answer: <span class="line">&nbsp;</span></p>'
    items = "".join(
        f'<li><span class="box">{i + 1 if with_answers else "___"}</span><span>{e(question["items"][i]["text"])}</span></li>'
        for i in display_order(question)
    )
    return f'<ul class="options">{items}</ul>'


def _answer(question: dict, chapter_title: str) -> str:
    e, kind = html.escape, question["kind"]
    if kind in ("single", "multiple", "true_false"):
        right = [_letter(i) for i, o in enumerate(_options(question)) if o.get("correct")]
        lines = [f"<strong>Answer:</strong> {', '.join(right[:-1]) + ' and ' if len(right) > 1 else ''}{right[-1]}"]
        if kind == "true_false":
            lines.append(e(question["explanation"]))
        else:
            lines += [e(o["feedback"]) for o in _options(question) if o.get("correct")]
    elif kind == "numeric":
        lines = [
            f"<strong>Answer:</strong> {question['answer']:,.0f} (accept {question['answer'] - question['tolerance']:,.0f}"
            f" to {question['answer'] + question['tolerance']:,.0f})",
            e(question["explanation"]),
        ]
    else:
        shown = display_order(question)
        numbers = ", ".join(f"{question['items'][i]['text']}: {i + 1}" for i in shown)
        lines = [f"<strong>Answer:</strong> {e(numbers)}", e(question["explanation"])]
    lines.append(f"Taught in: {e(chapter_title)}, section &ldquo;{e(question['section'])}&rdquo;.")
    return '<div class="answer">' + "".join(f"<p>{line}</p>" for line in lines) + "</div>"


def handout_html(name: str, with_answers: bool, quiz_dir: Path | None = None, chapter_title: str = "") -> str:
    """The answer sheet (with_answers=False) or the answer key (True) of book/quizzes/<name>.yml."""
    data = load_quiz(name, quiz_dir)
    e = html.escape
    chapter_title = chapter_title or data["chapter"]
    what = "Answer key (for the teacher)" if with_answers else "Answer sheet"
    parts = [
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(data["title"])}: {what}</title>'
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{e(data['title'])}</h1>",
        f'<p class="meta">{what}. The Netherlands on Mission. {len(data["questions"])} questions; '
        f"the quiz belongs to: {e(chapter_title)}.</p>",
    ]
    if not with_answers:
        parts.append('<p class="who"><span>Name:</span><span>Class:</span><span>Date:</span></p>')
    parts.append('<ol class="questions">')
    for question in data["questions"]:
        hint = KIND_HINTS[question["kind"]].format(count=len(question.get("items", [])))
        parts.append(
            f'<li><p><strong>{e(question["text"])}</strong> <span class="kind">{hint}</span></p>'
            + _question_body(question, with_answers)
            + (_answer(question, chapter_title) if with_answers else "")
            + "</li>"
        )
    parts.append("</ol>")
    if not with_answers:
        parts.append(f'<p class="meta">Score: ______ of {len(data["questions"])}</p>')
    parts.append("</body></html>")
    return "".join(parts)


def quiz_names(quiz_dir: Path | None = None) -> list[str]:
    return sorted(path.stem for path in Path(quiz_dir or paths.quiz_dir()).glob("*.yml"))


HANDOUTS = {"sheet": False, "key": True}  # kind -> with answers


def handout_stem(name: str, kind: str) -> str:
    """The file name, without suffix, of a quiz's answer sheet or answer key (HTML and PDF alike)."""
    return f"{name}-answer-{kind}"


def write_handouts(out_dir: Path, titles: dict[str, str] | None = None) -> list[Path]:
    """Write the sheet and key of every quiz as HTML into out_dir; titles maps a quiz to its page title.
    An unchanged handout keeps its file (and time), so `make pdf` does not print it again."""
    written = []
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    for name in quiz_names():
        for kind, with_answers in HANDOUTS.items():
            path = Path(out_dir) / f"{handout_stem(name, kind)}.html"
            text = handout_html(name, with_answers, chapter_title=(titles or {}).get(name, ""))
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
