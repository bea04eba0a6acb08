"""The quizzes for school platforms: every quiz, and the whole bank, as Moodle XML and as a QTI 3.0
package (missions.exports), written to downloads/quizzes/ when the book is built, and the
```{quiz-exports}``` table that links them on the teacher guide's page "Your school's platform".
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from missions.exports import BANK, FORMATS, bank
from missions.exports.moodle import moodle_xml
from missions.exports.qti import qti_package
from missions.quiz import load_quiz
from missions.text import t

from .downloads import FOLDER
from .progress_pages import depends_on_quizzes, quiz_pages

EXPORT_FOLDER = f"{FOLDER}/quizzes"


def export_path(name: str, format: str) -> str:
    """Path under the book's root of a quiz's (or the bank's) export."""
    return f"{EXPORT_FOLDER}/{name}.{FORMATS[format]}"


def write_exports(app: Sphinx, exception) -> None:
    if exception or app.builder.format != "html":
        return
    title = app.config.project
    sets = {name: {name: load_quiz(name)} for name, _ in quiz_pages()} | {BANK: bank()}
    for name, quizzes in sets.items():
        files = {"moodle": moodle_xml(quizzes, title), "qti": qti_package(name, title, quizzes)}
        for format, data in files.items():
            target = Path(app.outdir) / export_path(name, format)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


class QuizExports(SphinxDirective):
    """The table of downloads: one row per quiz in reading order, then the whole bank."""

    def run(self):
        depends_on_quizzes(self.env)
        e = html.escape
        here = posixpath.dirname(self.env.docname)

        def link(name: str, format: str, title: str) -> str:
            """The format as link text; the quiz's title for a screen reader, which lists links alone."""
            href = posixpath.relpath(export_path(name, format), here or ".")
            hidden = f'<span class="visually-hidden">: {e(title)}</span>'
            return f'<a href="{e(href)}" download>{e(t(f"export.{format}"))}{hidden}</a>'

        rows = []
        quizzes = [(name, load_quiz(name)) for name, _ in quiz_pages()]
        whole = sum(len(quiz["questions"]) for quiz in bank().values())
        for name, quiz in [*quizzes, (BANK, {"title": t("export.bank"), "questions": [None] * whole})]:
            title = quiz["title"].removeprefix(t("export.quiz") + ": ")
            cells = [
                f'<th scope="row">{e(title)}</th>',
                f"<td>{len(quiz['questions'])}</td>",
                f"<td>{link(name, 'moodle', title)}</td>",
                f"<td>{link(name, 'qti', title)}</td>",
            ]
            rows.append(f"<tr>{''.join(cells)}</tr>")
        head = "".join(
            f'<th scope="col">{e(t(f"export.{key}"))}</th>' for key in ("quiz", "questions", "moodle", "qti")
        )
        table = (
            f'<table class="quiz-exports"><caption>{e(t("export.caption"))}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
        return [nodes.raw("", table, format="html")]


def setup(app: Sphinx) -> None:
    app.add_directive("quiz-exports", QuizExports)
    app.connect("build-finished", write_exports)
